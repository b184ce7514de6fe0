"""Hot reload in the running game: F5 or the designer's file watch, valid and broken edits."""

import os
from pathlib import Path

import pygame
import pytest
from ui_driver import wait_until_ready

from game.engine import Orders, available_policies, state_hash
from game.engine.compat import continue_problems
from game.levels.loader import load_level, load_level_text
from game.players.base import Decision
from game.saves.slots import load_autosave
from game.ui.flow import start_game
from game.ui.runtime import App
from game.ui.scenes.reload import ReloadScene, find_session
from game.ui.session import GameSession
from game.ui.settings import Settings

MAIN = Path(__file__).resolve().parents[1] / "levels" / "cold-ai-war.yaml"
TEXT = MAIN.read_text(encoding="utf-8")


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


def play_quarters(session: GameSession, n: int) -> None:
    for _ in range(n):
        for side in ("usa", "china"):
            session.submit(side, session.stand_in(side))
        session.resolve()


def test_valid_change_offers_continue_which_replays_the_game_under_the_new_level(home, level):
    app, session = game_on(level)
    play_quarters(session, 2)
    old_match = session.match
    orders = [r.orders for r in old_match.turns]
    edit(level, "turns: 24", "turns: 26")
    press(app, pygame.K_F5)
    top = app.stack.top
    assert isinstance(top, ReloadScene)
    assert top.widgets["designer.reload.continue"].is_enabled
    click(app, top.widgets["designer.reload.continue"])
    assert not isinstance(app.stack.top, ReloadScene)
    assert session.rules.turns == 26 and session.match.rules is session.rules
    assert session.loaded.sha256 == load_level(level).sha256
    # A new branch: the old match is untouched, the new one holds the same orders.
    assert old_match.rules.turns == 24 and session.match is not old_match
    assert [r.orders for r in session.match.turns] == orders and session.turn == 3
    # ... and the autosave written on the switch replays as the game on screen.
    result = load_autosave()
    assert result.ok, result.problem
    assert result.loaded_level.sha256 == session.loaded.sha256
    assert state_hash(result.match.state) == state_hash(session.match.state)
    play_quarters(session, 1)
    assert load_autosave().ok


def test_continue_is_refused_when_the_new_level_refuses_an_order_already_given(home, level):
    app, session = game_on(level)
    policy = available_policies(session.rules, session.match.state, "usa")[0]
    for side in ("usa", "china"):
        decision = session.stand_in(side)
        if side == "usa":
            decision = Decision(Orders(decision.orders.allocation, policy))
        session.submit(side, decision)
    session.resolve()
    edit_policy_cost(level, policy, 9000)  # now far beyond any budget
    press(app, pygame.K_F5)
    top = app.stack.top
    assert isinstance(top, ReloadScene)
    assert not top.widgets["designer.reload.continue"].is_enabled
    assert any("quarter 1" in text for text, role in top.lines() if role == "warn")


def edit_policy_cost(path: Path, policy_id: str, cost: float) -> None:
    text = path.read_text(encoding="utf-8")
    at = text.index("value: ", text.index("cost_bn:", text.index(f"- id: {policy_id}")))
    end = text.index("\n", at)
    path.write_text(text[:at] + f"value: {cost:g}" + text[end:], encoding="utf-8")
    stat = path.stat()
    os.utime(path, (stat.st_atime, stat.st_mtime + 5))  # a visible change on coarse clocks


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
    play_quarters(session, 2)
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
