"""Every save format ever written still opens: old saves are upgraded, fixtures kept."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from game.engine import Allocation, Orders, compile_rules, state_hash
from game.levels.loader import load_level, load_level_text
from game.match import Match, play_game
from game.players.base import Decision
from game.players.registry import make_player
from game.saves import CURRENT_VERSION, load_save, read_save, save_from_match
from game.saves.storage import parse_save
from game.saves.upgrade import UPGRADERS

FIXTURES = Path(__file__).parent / "fixtures" / "saves"
_spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)


def test_there_is_a_fixture_and_an_upgrade_for_every_format_version():
    for version in range(1, CURRENT_VERSION + 1):
        assert (FIXTURES / f"v{version}_minimal.json").is_file()
    assert sorted(UPGRADERS) == list(range(1, CURRENT_VERSION))


def test_each_fixture_opens_as_the_same_game():
    v1, v2 = read_save(FIXTURES / "v1_minimal.json"), read_save(FIXTURES / "v2_minimal.json")
    v3 = read_save(FIXTURES / "v3_minimal.json")
    assert v1.format_version == v2.format_version == v3.format_version == CURRENT_VERSION
    assert v1.seed == v2.seed == v3.seed and v1.level == v2.level == v3.level
    assert [t.orders for t in v1.turns] == [t.orders for t in v2.turns]
    assert [t.orders for t in v2.turns] == [t.orders for t in v3.turns]
    assert (v1.group, v2.group, v3.group) == ("", "", "Gruppe 3")  # older games had no group
    assert v1.mode == "ai_vs_ai" and v1.players["usa"].name == "greedy"
    # Whether today's engine still plays the fixture's game is decided here, independently
    # of the loader: replay the orders and compare the hash the fixture recorded.
    same_game = state_hash(replayed(v2).state) == v2.final.state_hash
    for name in ("v1_minimal.json", "v2_minimal.json", "v3_minimal.json"):
        result = load_save(FIXTURES / name)
        assert result.match is not None and len(result.match.turns) == len(v2.turns)
        if same_game:
            assert result.ok and result.problem is None, result.problem
        else:  # a changed engine plays it differently: said plainly, never a crash
            assert not result.ok
            assert result.problem.code in ("version_changed", "engine_changed")


def replayed(save) -> Match:
    """The save's orders played again under its own level copy, without the loader."""
    rules = compile_rules(load_level_text(save.level.text).level)
    match = Match.start(rules, save.seed)
    for turn in save.turns:
        match.play_turn(
            {
                side: Decision(Orders(Allocation(*o.allocation), o.policy))
                for side, o in turn.orders.items()
            }
        )
    return match


def test_a_format_1_save_of_todays_game_upgrades_to_an_identical_game():
    loaded = load_level("tests/fixtures/minimal_level.yaml")
    rules = compile_rules(loaded.level)
    players = {"usa": make_player("random"), "china": make_player("greedy")}
    match = play_game(rules, players, 77)
    v2 = save_from_match(match, loaded, None, {"usa": "random", "china": "human"})
    old = make_fixtures.to_v1(v2)
    upgraded = parse_save(json.dumps(old).encode(), "old.json")
    assert upgraded.format_version == CURRENT_VERSION
    assert upgraded.mode == "vs_ai" and upgraded.players["china"].kind == "human"
    assert upgraded.turns[0].explanations == {}
    result = load_save(upgraded)
    assert result.ok
    assert state_hash(result.match.state) == state_hash(match.state)


def test_a_format_1_save_whose_final_state_differs_does_not_load_as_ok():
    """Format 1 kept no per-turn hashes: only the final hash can show the game differs."""
    loaded = load_level("tests/fixtures/minimal_level.yaml")
    rules = compile_rules(loaded.level)
    match = play_game(rules, {"usa": make_player("greedy"), "china": make_player("greedy")}, 5)
    old = make_fixtures.to_v1(save_from_match(match, loaded, None, {}))
    old["state_hash"] = "0" * 64
    upgraded = parse_save(json.dumps(old).encode(), "old.json")
    assert all(turn.state_hash is None for turn in upgraded.turns)
    result = load_save(upgraded)
    assert not result.ok and not result.verified
    assert result.problem is not None and result.problem.params["turn"] == upgraded.final.turn


def test_a_format_1_file_missing_a_field_is_reported_not_raised():
    old = json.loads((FIXTURES / "v1_minimal.json").read_text())
    del old["level_text"]
    problem = parse_save(json.dumps(old).encode(), "old.json")
    assert problem.code == "wrong_shape" and "old.json" in problem.message()
