"""The core screens driven with real pygame events under the dummy video driver."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import UIButton
from ui_driver import click, click_at, press, settle

from game.i18n import set_language, t
from game.ui.runtime import App
from game.ui.scene import Scene
from game.ui.settings import Settings, load_settings, settings_path

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def home(tmp_path, monkeypatch):
    """Settings, saves and crash logs go to a fresh folder for each test."""
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    yield tmp_path
    set_language("en")


def make_app(lang: str = "en", scale: float = 1.0, persist: bool = False) -> App:
    app = App(settings=Settings(language=lang, ui_scale=scale), persist=persist)
    return app


def top_name(app: App) -> str:
    return app.stack.top.name


def test_menu_opens_settings_and_back_with_escape(home):
    app = make_app()
    app.push("menu")
    settle(app)
    menu = app.stack.top
    assert "menu.quit" in menu.widgets
    click(app, menu.widgets["menu.settings"])
    assert top_name(app) == "settings"
    press(app, pygame.K_ESCAPE)
    assert top_name(app) == "menu"


def test_menu_continue_only_with_an_autosave(home):
    app = make_app()
    app.push("menu")
    settle(app)
    assert "menu.continue" not in app.stack.top.widgets
    save = home / "data" / "saves" / "autosave.json"
    save.parent.mkdir(parents=True)
    save.write_text("{}", encoding="utf-8")
    app.stack.top.rebuild()
    assert "menu.continue" in app.stack.top.widgets


def test_menu_new_game_enabled_only_when_setup_exists(home):
    app = make_app()
    app.push("menu")
    settle(app)
    assert app.stack.top.widgets["menu.new_game"].is_enabled == app.has_scene("setup")


def test_menu_by_keyboard_alone_and_quit(home):
    app = make_app()
    app.push("menu")
    settle(app)
    menu = app.stack.top
    # walk the focus to Help and press Enter
    for _ in range(len(menu.focus_order)):
        if menu.focus_order[menu.focus_index] is menu.widgets["menu.help"]:
            break
        press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert top_name(app) == "help"
    press(app, pygame.K_ESCAPE)
    click(app, app.stack.top.widgets["menu.quit"])
    assert not app.running


def test_settings_switch_language_live_and_persist_across_restart(home):
    app = make_app(persist=True)
    app.push("menu")
    settle(app)
    click(app, app.stack.top.widgets["menu.settings"])
    click(app, app.stack.top.widgets["settings.language.de"])
    assert app.stack.top.widgets["common.back"].text == "Zurück"
    assert t("menu.new_game") == "Neues Spiel"
    click(app, app.stack.top.widgets["settings.scale.up"])
    settle(app, 60)  # the page rescales a moment after the last click
    assert app.scale.factor == 1.25
    assert app.stack.top.widgets["common.back"].text == "Zurück"  # rebuilt, still German
    click(app, app.stack.top.widgets["settings.palette.on"])
    press(app, pygame.K_ESCAPE)
    assert app.stack.top.widgets["menu.new_game"].text == "Neues Spiel"
    # a restart reads the same file
    restored = load_settings()
    assert (restored.language, restored.ui_scale, restored.colourblind_palette) == (
        "de",
        1.25,
        True,
    )
    again = App(persist=False)
    again.push("menu")
    settle(again)
    assert again.stack.top.widgets["menu.settings"].text == "Einstellungen"
    app.apply_settings(Settings(language="en"))


def test_quick_scale_clicks_all_land_because_the_buttons_stay_put(home):
    """The page used to rescale after every − / + click, so the second click missed."""
    app = make_app()
    app.push("menu")
    app.push("settings")
    settle(app)
    plus = app.stack.top.widgets["settings.scale.up"]
    spot = plus.rect.center
    for _ in range(3):  # three clicks on the same spot, a few frames apart
        click_at(app, spot)
        assert app.stack.top.widgets["settings.scale.up"].rect.center == spot
    assert app.scale.factor == 1.0 and app.stack.top.shown_scale == 1.75
    settle(app, 60)
    assert app.scale.factor == 1.75
    minus = app.stack.top.widgets["settings.scale.down"]
    click(app, minus)
    press(app, pygame.K_ESCAPE)  # leaving applies a value not yet applied
    assert app.scale.factor == 1.5 and app.stack.top.name == "menu"


def test_scale_change_makes_widgets_larger(home):
    app = make_app()
    app.push("settings")
    settle(app)
    small = app.stack.top.widgets["common.back"].rect.height
    app.apply_settings(Settings(language="en", ui_scale=2.0))
    settle(app)
    assert app.stack.top.widgets["common.back"].rect.height > small * 1.6


def test_damaged_settings_fall_back_to_defaults_with_a_warning(home, caplog):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("{ not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        settings = load_settings()
    assert settings.ui_scale == 1.0 and "damaged" in caplog.text
    path.write_text(
        json.dumps({"language": "de", "ui_scale": 9, "fullscreen": "yes"}), encoding="utf-8"
    )
    settings = load_settings()
    assert (settings.language, settings.ui_scale, settings.fullscreen) == ("de", 1.0, False)


def test_f1_opens_help_from_anywhere_and_closes_it(home):
    app = make_app()
    app.push("menu")
    settle(app)
    click(app, app.stack.top.widgets["menu.settings"])
    press(app, pygame.K_F1)
    assert top_name(app) == "help"
    press(app, pygame.K_F1)
    assert top_name(app) == "settings"


def test_level_problems_reload_after_fixing_the_file(home, tmp_path):
    from game.levels.loader import check_level_file

    level = tmp_path / "level.yaml"
    shutil.copy(FIXTURES / "broken_levels" / "typo_key.yaml", level)
    app = make_app()
    app.push("menu")
    app.level_path = str(level)
    app.reload_level()
    settle(app)
    scene = app.stack.top
    assert scene.name == "level-errors" and scene.problems
    assert all(p.file == str(level) for p in scene.problems)
    click(app, scene.widgets["level_errors.reload"])  # still broken: stays, says so
    assert app.stack.top is scene and scene.still_broken
    shutil.copy(FIXTURES / "minimal_level.yaml", level)
    assert check_level_file(level)[0] is not None
    press(app, pygame.K_F5)
    assert top_name(app) == "menu"
    assert app.loaded_level is not None and app.loaded_level.level.id == "minimal"


class Boom(Scene):
    name = "boom"

    def update(self, dt: float) -> None:
        raise RuntimeError("the reactor melted")


def test_unexpected_exception_shows_apology_with_crash_log(home):
    app = make_app()
    app.push("menu")
    app.push(Boom(app))
    settle(app)
    assert top_name(app) == "crash" and app.running
    log = app.stack.top.log_path
    assert log is not None and log.is_relative_to(home)
    assert "the reactor melted" in log.read_text(encoding="utf-8")
    click(app, app.stack.top.widgets["crash.menu"])
    assert top_name(app) == "menu" and len(app.stack) == 1


def test_resize_rebuilds_inside_the_new_window(home):
    app = make_app()
    app.push("menu")
    settle(app)
    pygame.display.set_mode((900, 560), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(900, 560), w=900, h=560))
    settle(app)
    window = pygame.Rect(0, 0, 900, 560)
    for widget in app.stack.top.widgets.values():
        assert window.contains(widget.rect)


def test_buttons_are_pygame_gui(home):
    app = make_app()
    app.push("menu")
    settle(app)
    assert all(isinstance(w, UIButton) for w in app.stack.top.widgets.values())


def test_setup_cycler_arrows_stay_put_and_the_left_one_goes_back(home):
    """At a large scale a row of choices becomes ‹ value ›: ‹ used to go forward too."""
    app = App(settings=Settings(language="de", ui_scale=2.0), persist=False)
    app.push("menu")
    app.push("setup")
    settle(app)
    setup = app.stack.top
    if "setup.mode.prev" not in setup.widgets:
        pytest.skip("the mode row fits as buttons at this size")
    prev_spot = setup.widgets["setup.mode.prev"].rect.center
    next_spot = setup.widgets["setup.mode.next"].rect.center
    start = setup.mode
    click_at(app, next_spot)
    assert setup.mode != start and setup.widgets["setup.mode.next"].rect.center == next_spot
    click_at(app, prev_spot)
    assert setup.mode == start and setup.widgets["setup.mode.prev"].rect.center == prev_spot
    click_at(app, prev_spot)
    assert setup.mode not in (start,)
