"""The designer loop: a `--level` file anywhere, preselected; every start or restart reads the
file as it is now; a problems screen clears itself once the file loads again; warnings show."""

import os
from pathlib import Path

import pygame
import pytest
from ui_driver import click, wait_until_ready

from game.i18n import set_language
from game.levels.loader import load_level
from game.ui.flow import start_game
from game.ui.runtime import App
from game.ui.scenes.reload import ReloadScene, find_session
from game.ui.session import GameSession
from game.ui.settings import Settings

MINIMAL = Path(__file__).parent / "fixtures" / "minimal_level.yaml"
INCOME = "income_bn: {value: 100, source: epoch}"
POLICY = "{target: energy_cost_bn_per_gw, op: multiply, value: 0.8, side: self, turns: 4}"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path / "home"))
    yield tmp_path
    set_language("en")


@pytest.fixture
def level(tmp_path):
    folder = tmp_path / "my-scenarios"  # nowhere near levels/
    folder.mkdir()
    path = folder / "mine.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def settle(app, frames=3):
    for _ in range(frames):
        app.step()


def press(app, key):
    wait_until_ready(app)
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))
    settle(app)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    stat = path.stat()
    os.utime(path, (stat.st_atime, stat.st_mtime + 5))  # a visible change on coarse clocks


def poll(app) -> None:
    """One look at the file, as designer mode does every second."""
    app.step(dt=1.1)
    settle(app)


def income(session) -> float:
    return session.loaded.level.factions["usa"].start.income_bn.value


def new_game_screen(level: Path, designer: bool = True) -> App:
    app = App(settings=Settings(language="en"), persist=False, level=str(level), designer=designer)
    app.push("menu")
    settle(app)
    click(app, app.stack.top.widgets["menu.new_game"])
    assert app.stack.top.name == "setup"
    return app


def game_on(level: Path, designer: bool) -> tuple[App, GameSession]:
    app = App(settings=Settings(language="en"), persist=False, designer=designer)
    app.level_path = str(level)
    app.push("menu")
    session = GameSession.new(load_level(level), "hotseat", seed=7)
    start_game(app, session)
    settle(app)
    if designer:
        poll(app)  # the first look remembers the file's time
    return app, session


def test_a_level_outside_levels_is_listed_and_preselected(home, level):
    setup = new_game_screen(level).stack.top
    path, loaded, _ = setup.levels[setup.level_index]
    assert Path(path) == level and loaded is not None and loaded.level.id == "minimal"


def test_start_uses_the_file_as_it_is_now(home, level):
    app = new_game_screen(level)
    edit(level, INCOME, INCOME.replace("100", "80"))
    click(app, app.stack.top.widgets["setup.mode.hotseat"])
    click(app, app.stack.top.widgets["setup.start"])
    assert income(find_session(app)) == 80


def test_restart_after_an_undone_edit_plays_the_undone_numbers(home, level):
    app, session = game_on(level, designer=False)
    edit(level, INCOME, INCOME.replace("100", "430"))
    press(app, pygame.K_F5)
    assert isinstance(app.stack.top, ReloadScene)
    edit(level, INCOME.replace("100", "430"), INCOME)  # the designer changes their mind
    click(app, app.stack.top.widgets["designer.reload.restart"])
    new = find_session(app)
    assert new is not session and income(new) == 100


def test_designer_mode_closes_the_dialog_when_the_edit_is_undone(home, level):
    app, session = game_on(level, designer=True)
    edit(level, INCOME, INCOME.replace("100", "430"))
    poll(app)
    assert isinstance(app.stack.top, ReloadScene)
    edit(level, INCOME.replace("100", "430"), INCOME)
    poll(app)
    assert not isinstance(app.stack.top, ReloadScene)
    assert find_session(app) is session and income(session) == 100


def test_the_problems_screen_clears_itself_when_the_file_loads_again(home, level):
    app, session = game_on(level, designer=True)
    edit(level, "  turns: 8", "  turns: lots")
    poll(app)
    assert app.stack.top.name == "level-errors"
    edit(level, "  turns: lots", "  turns: 8")  # back to the version being played
    poll(app)
    assert app.stack.top.name != "level-errors"
    assert find_session(app) is session


def test_a_fixed_file_with_new_numbers_goes_on_to_the_reload_dialog(home, level):
    app, _ = game_on(level, designer=True)
    edit(level, "  turns: 8", "  turns: lots")
    poll(app)
    edit(level, "  turns: lots", "  turns: 7")
    poll(app)
    assert isinstance(app.stack.top, ReloadScene)
    assert app.stack.top.loaded.level.calendar.turns == 7


def test_warnings_are_shown_in_the_reload_dialog_and_on_the_problems_screen(home, level):
    app, _ = game_on(level, designer=True)
    edit(level, POLICY, POLICY.replace("value: 0.8", "value: 70"))
    poll(app)
    dialog = app.stack.top
    assert isinstance(dialog, ReloadScene)
    click(app, dialog.widgets["designer.reload.show_warnings"])
    screen = app.stack.top
    assert screen.name == "level-errors" and screen.only_warnings
    assert [p.code for p in screen.problems] == ["percent-as-factor"]
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is dialog


def test_new_game_offers_the_warnings_of_the_chosen_level(home, level):
    edit(level, POLICY, POLICY.replace("value: 0.8", "value: 70"))
    app = new_game_screen(level)
    click(app, app.stack.top.widgets["setup.show_warnings"])
    assert app.stack.top.name == "level-errors"
    assert app.stack.top.problems[0].code == "percent-as-factor"
