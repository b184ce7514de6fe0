"""Every game kept: five games in a row each keep their own save, Load lists them with
side, level, seed, group and quarter, and every one opens its debrief."""

from __future__ import annotations

import pytest
from ui_driver import click, press, settle

from game.i18n import set_language
from game.levels.loader import load_level
from game.levels.model import SIDES
from game.match import Match
from game.saves import list_saves, save_match
from game.saves.present import entry_lines
from game.saves.slots import autosave_exists, autosave_match, latest_unfinished
from game.ui.runtime import App
from game.ui.session import GameSession
from game.ui.settings import Settings

LEVEL = "levels/classroom-45.yaml"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    monkeypatch.delenv("SWARMS_VS_TITANS_SAVE_DIR", raising=False)
    yield tmp_path
    set_language("en")


def play(session: GameSession, quarters: int) -> None:
    """`quarters` quarters (or to the end) with the stand-in's orders for both sides."""
    for _ in range(quarters):
        if session.finished:
            return
        for side in SIDES:
            session.submit(side, session.stand_in(side))
        session.resolve()


def five_games(loaded) -> list[GameSession]:
    """Played one after another on one PC, as a class does: three finished, two stopped."""
    sessions = []
    for k, (group, quarters) in enumerate(
        [("Lena & Tom", 99), ("Gruppe 2", 3), ("Gruppe 3", 99), ("Gruppe 2", 5), ("Ida", 99)]
    ):
        session = GameSession.new(loaded, "hotseat", seed=4711 if k < 4 else 12)
        session.group = group
        play(session, quarters)
        sessions.append(session)
    return sessions


def test_five_games_in_a_row_all_stay_on_load_and_each_opens_its_debrief(home):
    loaded = load_level(LEVEL)
    sessions = five_games(loaded)
    entries = list_saves()
    assert len(entries) == 5 and all(e.ok for e in entries)
    assert sorted(e.path.stem for e in entries) == sorted(s.save_slot for s in sessions)
    by_name = {e.path.stem: e for e in entries}
    set_language("de")
    for session in sessions:
        entry = by_name[session.save_slot]
        assert entry.save.group == session.group and entry.save.seed == session.seed
        assert entry.save.finished == session.finished
        _headline, detail = entry_lines(entry)
        assert f"Startwert {session.seed}" in detail and f"Gruppe: {session.group}" in detail
        assert "Mensch" in detail and ("Q" in detail or "gewinn" in detail)
    app = App(settings=Settings(language="de", animation_speed="off"), persist=False)
    app.push("menu")
    app.push("load")
    settle(app)
    load = app.stack.top
    for index in range(len(load.entries)):
        load.select(index)
        settle(app)
        click(app, load.widgets["lessons.load_debrief"])
        debrief = app.stack.top
        assert debrief.name == "classroom_debrief"
        assert debrief.game.match.seed == load.entries[index].save.seed
        assert debrief.game.group == load.entries[index].save.group
        press(app, 27)  # Esc: back to the list
        assert app.stack.top is load


def test_the_autosave_never_writes_over_another_game(home):
    loaded = load_level(LEVEL)
    folder = home / "saves"
    first = GameSession.new(loaded, "hotseat", seed=7)
    play(first, 2)
    other = Match.start(first.rules, 8)  # another game told to use the first one's file
    path = autosave_match(other, loaded, folder=folder, slot="taken")
    again = autosave_match(first.match, loaded, folder=folder, slot="taken")
    assert path.name == "taken.json" and again.name == "taken-2.json"
    assert {e.save.seed for e in list_saves(folder)} == {7, 8}
    (folder / "broken.json").write_text("{", encoding="utf-8")
    kept = autosave_match(first.match, loaded, folder=folder, slot="broken")
    assert kept.name == "broken-2.json" and (folder / "broken.json").read_text() == "{"


def test_continue_opens_the_newest_unfinished_game(home):
    loaded = load_level(LEVEL)
    folder = home / "saves"
    assert not autosave_exists(folder)
    old = GameSession.new(loaded, "hotseat", seed=1)
    play(old, 1)
    save_match(old.match, loaded, "older", folder=folder)
    newer = GameSession.new(loaded, "hotseat", seed=2)
    play(newer, 2)
    save_match(newer.match, loaded, "newer", folder=folder)
    assert latest_unfinished(folder).name == "newer.json" and autosave_exists(folder)


def test_the_end_screen_never_puts_the_focus_on_new_game(home):
    loaded = load_level(LEVEL)
    session = GameSession.new(loaded, "hotseat", seed=3)
    play(session, 99)
    app = App(settings=Settings(language="en", animation_speed="off"), persist=False)
    app.push("menu")
    app.push("end", session=session)
    settle(app)
    press(app, 13)  # Enter
    press(app, 13)  # and again: the game is not lost to a new one
    assert app.stack.top.name != "setup"
    assert any(scene.name == "classroom_debrief" for scene in app.stack)
