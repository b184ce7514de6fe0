"""The load, replay and comparison screens, driven with real pygame events (headless)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pygame
import pytest
from ui_driver import click, press, settle

from game.engine import Allocation, Orders, compile_rules, view_for
from game.i18n import set_language
from game.levels.loader import load_level
from game.levels.model import SIDES
from game.match import Match, play_game, player_rng
from game.players.base import Decision
from game.players.registry import make_player
from game.saves import BranchOf, branch, save_match
from game.ui.runtime import App
from game.ui.settings import Settings
from game.ui.shot import Shot, render_shot

FIXTURES = Path(__file__).parent / "fixtures"
LEVEL = "tests/fixtures/minimal_level.yaml"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    monkeypatch.delenv("SWARMS_VS_TITANS_SAVE_DIR", raising=False)
    yield tmp_path
    set_language("en")


def saves(home: Path) -> Path:
    folder = home / "data" / "saves"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def finished_game(folder: Path, slot: str = "finished"):
    loaded = load_level(LEVEL)
    players = {"usa": make_player("greedy"), "china": make_player("random")}
    match = play_game(compile_rules(loaded.level), players, 4)
    save_match(match, loaded, slot, "ai_vs_ai", {"usa": "greedy", "china": "random"}, folder=folder)
    return loaded, match


def open_load(lang: str = "en") -> App:
    app = App(settings=Settings(language=lang), persist=False)
    app.push("menu")
    app.push("load")
    settle(app)
    return app


def test_the_load_list_shows_saves_and_names_each_damaged_file(home):
    folder = saves(home)
    finished_game(folder)
    for name in ("truncated.json", "junk.json", "newer_format.json"):
        shutil.copy(FIXTURES / "saves" / "damaged" / name, folder / name)
    app = open_load()
    scene = app.stack.top
    assert scene.name == "load" and len(scene.entries) == 4
    from game.saves.present import entry_lines

    lines = [entry_lines(e) for e in scene.entries]
    assert "USA: AI (greedy)" in lines[0][1] and "AI vs AI" in lines[0][1]
    for name in ("truncated.json", "junk.json", "newer_format.json"):
        assert any(name in head and name in detail for head, detail in lines)
    # Keyboard: the first (good) save is chosen; Enter opens a finished game as a replay.
    assert scene.widgets["saves.load.replay"].is_enabled
    press(app, pygame.K_RETURN)
    assert app.stack.top.name == "replay"


def test_choosing_a_damaged_file_disables_opening_it(home):
    folder = saves(home)
    finished_game(folder)
    shutil.copy(FIXTURES / "saves" / "damaged" / "foreign.json", folder / "foreign.json")
    app = open_load()
    press(app, pygame.K_DOWN)
    scene = app.stack.top
    assert scene.entry.path.name == "foreign.json"
    assert not scene.widgets["saves.load.replay"].is_enabled
    assert not scene.widgets["saves.load.play_on"].is_enabled


def test_the_replay_steps_with_keys_and_buttons(home):
    folder = saves(home)
    _, match = finished_game(folder)
    app = open_load()
    click(app, app.stack.top.widgets["saves.load.replay"])
    replay = app.stack.top
    assert replay.name == "replay" and replay.replay.position == len(match.turns)
    press(app, pygame.K_HOME)
    assert replay.replay.position == 0 and not replay.widgets["saves.replay.prev"].is_enabled
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RIGHT)
    assert replay.replay.frame().state is match.states[2] or replay.replay.position == 2
    click(app, replay.widgets["saves.replay.prev"])
    assert replay.replay.position == 1
    click(app, replay.widgets["saves.replay.end"])
    assert replay.replay.position == len(match.turns)
    press(app, pygame.K_ESCAPE)
    assert app.stack.top.name == "load"


def test_a_changed_level_offers_the_saved_copy_and_then_opens(home):
    folder = saves(home)
    _make_fixtures().write_changed_level_save(folder / "changed_level.json")
    app = open_load()
    scene = app.stack.top
    click(app, scene.widgets["saves.load.replay"])
    assert scene.result is not None and scene.result.problem.code == "level_changed"
    assert "saves.load.use_embedded" in scene.widgets
    click(app, scene.widgets["saves.load.use_embedded"])
    assert app.stack.top.name == "replay" and app.stack.top.result.used_embedded


def test_branch_here_plays_on_from_that_quarter(home):
    folder = saves(home)
    _, match = finished_game(folder)
    app = open_load()
    click(app, app.stack.top.widgets["saves.load.replay"])
    replay = app.stack.top
    replay.go(3)
    press(app, pygame.K_b)
    assert replay.branching and "saves.branch.hotseat" in replay.widgets
    if not app.has_scene("turn"):
        assert not replay.widgets["saves.branch.hotseat"].is_enabled
        return
    click(app, replay.widgets["saves.branch.vs_ai_usa"])
    assert app.stack.top.name != "replay"
    top = app.stack.top
    playing = getattr(top, "match", None) or getattr(getattr(top, "session", None), "match", None)
    assert playing is not None and playing is not match
    assert playing.state.turn == 4 and playing.seed == match.seed
    assert playing.branch_of == BranchOf(title="", turn=4, file="finished.json")


def test_a_what_if_save_compares_with_its_original(home):
    folder = saves(home)
    loaded, match = finished_game(folder, "original")
    what_if = branch(match, 3, origin=BranchOf(title="original", turn=3, file="original.json"))
    models = Decision(Orders(Allocation(0.1, 0.1, 0.1, 0.7)))
    rules, rngs = what_if.rules, {s: player_rng(match.seed, s) for s in SIDES}
    greedy = make_player("greedy")
    while not what_if.finished:
        view = view_for(rules, what_if.state, "china")
        what_if.play_turn({"usa": models, "china": greedy.decide(rules, view, rngs["china"])})
    path = save_match(what_if, loaded, "what-if", "vs_ai", {"usa": "human"}, folder=folder)
    assert json.loads(path.read_text())["branch_of"]["file"] == "original.json"
    app = open_load()
    scene = app.stack.top
    scene.select([e.path.name for e in scene.entries].index("what-if.json"))
    click(app, scene.widgets["saves.replay.compare"])
    compare = app.stack.top
    assert compare.name == "compare"
    assert compare.comparison.split_turn == 3
    assert compare.comparison.differences[0].side == "usa"


def test_continue_opens_the_autosave_or_says_why_not(home):
    folder = saves(home)
    shutil.copy(FIXTURES / "saves" / "damaged" / "truncated.json", folder / "autosave.json")
    app = App(settings=Settings(language="en"), persist=False)
    app.push("menu")
    app.push("continue")
    settle(app)
    scene = app.stack.top
    assert scene.name == "continue" and scene.entry.path.name == "autosave.json"
    assert scene.entry.problem.code == "truncated"

    loaded = load_level(LEVEL)
    match = Match.start(compile_rules(loaded.level), 2)
    match.play_turn({s: Decision(Orders(Allocation(0.25, 0.25, 0.25, 0.25))) for s in SIDES})
    save_match(match, loaded, "autosave", "hotseat", folder=folder)
    app.stack.pop()
    app.push("continue")
    settle(app)
    if app.has_scene("turn"):
        assert app.stack.top.name != "continue"
    else:
        assert app.stack.top.notice


def test_continue_finds_the_autosave_in_a_moved_save_folder(home, monkeypatch):
    """With SWARMS_VS_TITANS_SAVE_DIR set, the game autosaves there and Continue looks there."""
    from game.ui import autosave_exists
    from game.ui.session import GameSession

    moved = home / "elsewhere"
    monkeypatch.setenv("SWARMS_VS_TITANS_SAVE_DIR", str(moved))
    session = GameSession.new(load_level(LEVEL), "hotseat", seed=3)
    for side in SIDES:
        session.submit(side, session.stand_in(side))
    session.resolve()
    assert [p.name for p in moved.glob("*.json")] == [f"{session.save_slot}.json"]
    assert autosave_exists()
    app = App(settings=Settings(language="en"), persist=False)
    app.push("menu")
    settle(app)
    assert "menu.continue" in app.stack.top.widgets
    click(app, app.stack.top.widgets["menu.continue"])
    settle(app)
    assert app.stack.top.name in ("curtain", "turn"), app.stack.top.name


@pytest.mark.parametrize("scene", ["load", "replay", "compare", "continue"])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_saves_screen_renders_in_both_languages(home, tmp_path, scene, lang):
    shot = Shot(level_path=LEVEL, turn=30, lang=lang, options={"frame": 3})
    app = render_shot(scene, tmp_path / f"{scene}-{lang}.png", shot=shot)
    assert app.stack.top.name in (scene, "load")
    assert (tmp_path / f"{scene}-{lang}.png").stat().st_size > 10_000


def _make_fixtures():
    """tests/fixtures/saves/make_fixtures.py as a module (it writes saves with today's engine)."""
    import importlib.util

    path = Path(__file__).parent / "fixtures" / "saves" / "make_fixtures.py"
    spec = importlib.util.spec_from_file_location("make_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
