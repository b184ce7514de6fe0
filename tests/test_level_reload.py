"""Hot reload in the running game: F5 or the designer's file watch, valid and broken edits."""

import os
from pathlib import Path

import pygame
import pytest
from ui_driver import wait_until_ready

from game.i18n import set_language
from game.levels.compat import continue_problems
from game.levels.loader import load_level, load_level_text
from game.ui.flow import start_game
from game.ui.runtime import App
from game.ui.scenes.reload import ReloadScene, find_session
from game.ui.session import GameSession
from game.ui.settings import Settings

MAIN = Path(__file__).resolve().parents[1] / "levels" / "cold-ai-war.yaml"
TEXT = MAIN.read_text(encoding="utf-8")


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    yield tmp_path
    set_language("en")


@pytest.fixture
def level(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(TEXT, encoding="utf-8")
    return path


def settle(app, frames=3):
    for _ in range(frames):
        app.step()


def press(app, key):
    wait_until_ready(app)
    for kind in (pygame.KEYDOWN, pygame.KEYUP):  # a held key's repeats belong to its screen
        pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))
    settle(app)


def click(app, widget):
    wait_until_ready(app)
    pos = widget.rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0,) * 3))
    settle(app, 1)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    settle(app)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    stat = path.stat()
    os.utime(path, (stat.st_atime, stat.st_mtime + 5))  # a visible change even on coarse clocks


def game_on(level_path: Path, designer: bool = False) -> tuple[App, GameSession]:
    app = App(settings=Settings(language="en"), persist=False, designer=designer)
    app.level_path = str(level_path) if designer else None
    app.push("menu")
    session = GameSession.new(load_level(level_path), "hotseat", seed=7)
    start_game(app, session)
    settle(app)
    return app, session


def test_session_is_found_under_the_first_screen(home, level):
    app, session = game_on(level)
    assert find_session(app) is session


def test_valid_change_offers_continue_which_keeps_the_state(home, level):
    app, session = game_on(level)
    old_rules, state = session.rules, session.match.state
    edit(level, "turns: 24", "turns: 26")
    press(app, pygame.K_F5)
    top = app.stack.top
    assert isinstance(top, ReloadScene)
    assert top.widgets["designer.reload.continue"].is_enabled
    click(app, top.widgets["designer.reload.continue"])
    assert not isinstance(app.stack.top, ReloadScene)
    assert session.rules is not old_rules and session.rules.turns == 26
    assert session.match.rules is session.rules and session.match.state is state
    assert session.loaded.sha256 == load_level(level).sha256


def test_restart_starts_a_new_game_with_the_same_seed(home, level):
    app, session = game_on(level)
    edit(level, "turns: 24", "turns: 20")
    press(app, pygame.K_F5)
    click(app, app.stack.top.widgets["designer.reload.restart"])
    new = find_session(app)
    assert new is not session and new.seed == session.seed and new.mode == "hotseat"
    assert new.turn == 1 and new.rules.turns == 20


def test_broken_change_shows_problems_and_keeps_the_last_good_level(home, level):
    app, session = game_on(level)
    rules = session.rules
    edit(level, "turns: 24", "turns: lots")
    press(app, pygame.K_F5)
    top = app.stack.top
    assert top.name == "level-errors"
    assert any(p.path == "calendar.turns" for p in top.problems)
    assert session.rules is rules
    # Fixing the file and pressing F5 on the problems screen offers the fixed level.
    edit(level, "turns: lots", "turns: 25")
    press(app, pygame.K_F5)
    assert isinstance(app.stack.top, ReloadScene)
    assert app.stack.top.loaded.level.calendar.turns == 25


def test_incompatible_change_offers_only_restart(home, level):
    app, session = game_on(level)
    for side in ("usa", "china"):
        session.submit(side, session.stand_in(side))
    session.resolve()
    for side in ("usa", "china"):
        session.submit(side, session.stand_in(side))
    session.resolve()
    assert session.turn == 3
    edit(level, "turns: 24", "turns: 2")
    press(app, pygame.K_F5)
    top = app.stack.top
    assert isinstance(top, ReloadScene)
    assert not top.widgets["designer.reload.continue"].is_enabled
    assert any("quarter 3" in text for text, _ in top.lines())
    press(app, pygame.K_ESCAPE)  # keep playing the old version
    assert not isinstance(app.stack.top, ReloadScene) and session.rules.turns == 24


def test_designer_mode_notices_a_saved_file(home, level):
    app, _session = game_on(level, designer=True)
    app.step(dt=1.1)  # the first poll remembers the file's time
    edit(level, "turns: 24", "turns: 23")
    app.step(dt=1.1)
    settle(app)
    assert isinstance(app.stack.top, ReloadScene)


def test_unchanged_file_does_not_interrupt(home, level):
    app, _ = game_on(level)
    name = app.stack.top.name
    press(app, pygame.K_F5)
    assert app.stack.top.name == name


def test_continue_problems_name_what_is_missing():
    loaded = load_level(MAIN)
    from game.engine import compile_rules, new_game

    state = new_game(compile_rules(loaded.level), 1)
    assert continue_problems(loaded.level, state) == []
    chip = next(b.chip for f in state.factions.values() for b in f.fleet)
    renamed = load_level_text(
        TEXT.replace(f"chip: {chip}", "chip: renamed_chip").replace(
            f"id: {chip}\n", "id: renamed_chip\n"
        )
    )
    codes = [code for code, _ in continue_problems(renamed.level, state)]
    assert "chips" in codes
