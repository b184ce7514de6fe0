"""Sources screen, classroom debrief and projector mode, driven with real pygame events."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest
from shipped import shipped_levels
from ui_driver import click, press, settle

from game.classroom.played import from_match
from game.classroom.sources import AREAS, cite, level_sources
from game.drawing.theme import HIGH_CONTRAST_PALETTE
from game.engine import compile_rules
from game.levels.loader import load_level
from game.match import play_game
from game.players.registry import make_player
from game.ui.runtime import App
from game.ui.settings import Settings, load_settings, settings_path, system_language
from game.ui.shot import Shot, render_shot

ROOT = Path(__file__).parent.parent
LEVELS = shipped_levels()


def screen_text(scene) -> list[str]:
    """Every line the sources list would draw for its current area (its layout's words)."""
    return [entry.label for entry in scene.entries[scene.area]]


@pytest.mark.parametrize("path", LEVELS, ids=[p.stem for p in LEVELS])
def test_sources_screen_lists_every_event_of_every_shipped_level(home, path):
    loaded = load_level(str(path))
    app = App(settings=Settings(language="en"), persist=False)
    app.push("sources", loaded=loaded)
    settle(app)
    click(app, app.stack.top.widgets["sources.tab.events"])
    scene = app.stack.top
    assert scene.area == "events"
    shown = screen_text(scene)
    for event in loaded.level.events:
        assert event.title.en in shown
    # every card has a real source; simplifications are carried along
    for entry in scene.entries["events"] + scene.entries["policies"]:
        assert entry.source is not None and cite(entry.source)
    notes = [e for e in scene.entries["events"] if e.simplification is not None]
    assert len(notes) == sum(1 for e in loaded.level.events if e.simplification is not None)


def test_every_figure_has_a_source_or_an_assumption_and_an_area():
    loaded = load_level(str(ROOT / "levels" / "cold-ai-war.yaml"))
    entries = level_sources(loaded.level)
    figures = [e for e in entries if e.kind == "figure"]
    assert figures and all(e.source is not None or e.assumption for e in figures)
    assert {e.area for e in entries} <= set(AREAS)
    assert all("classroom." not in e.label for e in entries)


def test_sources_screen_scrolls_by_keyboard_and_wheel_and_switches_level(home):
    app = App(settings=Settings(language="de", ui_scale=2.0), persist=False)
    app.push("menu")
    settle(app)
    click(app, app.stack.top.widgets["menu.sources"])
    scene = app.stack.top
    assert scene.name == "sources" and scene.loaded is not None
    press(app, pygame.K_PAGEDOWN)
    assert scene.offset > 0
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=5, flipped=False))
    settle(app)
    press(app, pygame.K_HOME)
    assert scene.offset == 0
    if len(scene.paths) > 1:
        first = scene.loaded.level.id
        click(app, scene.widgets["sources.next"])
        assert scene.loaded.level.id != first
    press(app, pygame.K_ESCAPE)
    assert app.stack.top.name == "menu"


@pytest.mark.parametrize(("lang", "scale"), [("en", 1.0), ("de", 2.0)])
def test_sources_and_debrief_render_without_cut_buttons(home, tmp_path, lang, scale):
    for name in ("sources", "classroom_debrief"):
        app = render_shot(name, tmp_path / f"{name}.png", shot=Shot(lang=lang, scale=scale))
        assert app.stack.top.name == name
        for widget in app.stack.top.widgets.values():
            assert app.window.get_rect().contains(widget.rect)


def test_debrief_exports_the_report_and_shows_where(home):
    loaded = load_level(str(ROOT / "levels" / "cold-ai-war.yaml"))
    rules = compile_rules(loaded.level)
    match = play_game(rules, {s: make_player("greedy") for s in ("usa", "china")}, 2)
    app = App(settings=Settings(language="en"), persist=False)
    app.push("classroom_debrief", game=from_match(loaded, match, humans=("china",)))
    scene = app.stack.top
    scene._thread.join()
    settle(app)
    for tab in ("timeline", "questions", "decisions"):
        click(app, scene.widgets[f"debrief_c.tab.{tab}"])
        assert scene.tab == tab and scene.content_height > 0
    click(app, scene.widgets["debrief_c.export"])
    assert scene.export_ok, scene.export_message
    assert scene.exported_path.is_file()
    assert scene.exported_path.is_relative_to(home)
    assert str(scene.exported_path.parent) in scene.export_message
    click(app, scene.widgets["debrief_c.sources"])
    assert app.stack.top.name == "sources" and app.stack.top.area == "events"


def test_projector_mode_is_one_switch_and_persists(home):
    app = App(settings=Settings(language="en"), persist=True)
    app.push("settings")
    settle(app)
    click(app, app.stack.top.widgets["settings.projector.on"])
    assert app.settings.projector and app.settings.ui_scale == 1.75
    assert app.scale.factor == 1.75
    assert app.scale.font_size("body") > round(16 * 1.75)  # larger type than the scale alone
    assert app.palette == HIGH_CONTRAST_PALETTE
    data = json.loads(settings_path().read_text(encoding="utf-8"))
    assert data["projector"] is True
    restored = load_settings()
    assert restored.projector and restored.ui_scale == 1.75
    again = App(persist=False)
    assert again.palette == HIGH_CONTRAST_PALETTE and again.scale.factor == 1.75
    click(app, app.stack.top.widgets["settings.projector.off"])
    assert not load_settings().projector and app.scale.factor == 1.0
    assert app.palette != HIGH_CONTRAST_PALETTE


@pytest.mark.parametrize(
    ("env", "expected"),
    [("de_DE.UTF-8", "de"), ("de_AT", "de"), ("en_GB.UTF-8", "en"), ("fr_FR", "en")],
)
def test_language_follows_the_system_locale_at_first_start(home, monkeypatch, env, expected):
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", env)
    assert system_language() == expected
    assert not settings_path().exists()
    assert load_settings().language == expected


def test_end_screen_opens_the_classroom_debrief(home, tmp_path):
    app = render_shot("end", tmp_path / "end.png", shot=Shot(lang="de", scale=2.0))
    end = app.stack.top
    button = end.widgets["debrief_c.open_debrief"]
    assert app.window.get_rect().contains(button.rect)
    assert not any(
        button.rect.colliderect(w.rect) for n, w in end.widgets.items() if w is not button
    )
    click(app, button)
    assert app.stack.top.name == "classroom_debrief"
    assert app.stack.top.game.match is end.session.match
