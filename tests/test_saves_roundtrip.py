"""A save is a replay: every saved game loads back into exactly the same game."""

from __future__ import annotations

import json

from game.engine import Allocation, Orders, compile_rules, state_hash, view_for
from game.levels.loader import load_level
from game.levels.model import SIDES
from game.match import Match, play_game, player_rng
from game.players.base import Decision
from game.players.registry import make_player
from game.saves import (
    autosave_exists,
    list_saves,
    load_autosave,
    load_save,
    save_from_match,
    save_match,
    write_save,
)

LEVEL = "tests/fixtures/minimal_level.yaml"
MAIN_LEVEL = "levels/cold-ai-war.yaml"
PLAYERS = ("greedy", "random")


class Explainer:
    """Random orders with an explanation, to check explanations survive a save."""

    name = "explainer"

    def decide(self, rules, view, rng):
        inner = make_player("random").decide(rules, view, rng)
        params = {"share": inner.orders.allocation.chips, "areas": ["chips", "talent"]}
        return Decision(inner.orders, "test_reason", params)


def play_partly(rules, players, seed: int, stop: int | None) -> Match:
    """Play until the end or until `stop` turns have been played (an unfinished game)."""
    match = Match.start(rules, seed)
    rngs = {side: player_rng(seed, side) for side in SIDES}
    while not match.finished and (stop is None or len(match.turns) < stop):
        match.play_turn(
            {s: players[s].decide(rules, view_for(rules, match.state, s), rngs[s]) for s in SIDES}
        )
    return match


def test_200_seeded_games_load_back_into_identical_games(tmp_path):
    loaded = load_level(LEVEL)
    rules = compile_rules(loaded.level)
    for seed in range(200):
        specs = {"usa": PLAYERS[seed % 2], "china": PLAYERS[(seed // 2) % 2]}
        players = {s: make_player(p) for s, p in specs.items()}
        stop = None if seed % 4 else seed % 7  # every fourth game is saved mid-way
        match = play_partly(rules, players, seed, stop)
        path = write_save(save_from_match(match, loaded, None, specs), tmp_path / f"{seed}.json")
        result = load_save(path)
        assert result.ok, (seed, result.problem)
        assert state_hash(result.match.state) == state_hash(match.state)
        assert len(result.match.turns) == len(match.turns)
        assert result.save.players["usa"].name == specs["usa"]


def test_the_main_level_round_trips(tmp_path):
    loaded = load_level(MAIN_LEVEL)
    rules = compile_rules(loaded.level)
    players = {"usa": make_player("greedy"), "china": make_player("random")}
    match = play_game(rules, players, 42)
    path = save_match(match, loaded, "main", folder=tmp_path, players={"usa": "greedy"})
    result = load_save(path)
    assert result.ok and not result.used_embedded
    assert state_hash(result.match.state) == state_hash(match.state)
    assert result.match.state.outcome == match.state.outcome


def test_explanations_and_orders_are_kept_word_for_word(tmp_path):
    loaded = load_level(LEVEL)
    rules = compile_rules(loaded.level)
    match = play_game(rules, {"usa": Explainer(), "china": make_player("greedy")}, 9)
    path = save_match(match, loaded, "explained", "ai_vs_ai", {"usa": "explainer"}, folder=tmp_path)
    result = load_save(path)
    assert result.ok
    for mine, theirs in zip(match.turns, result.match.turns, strict=True):
        assert mine.orders == theirs.orders
        code, params = theirs.explanations["usa"]
        assert code == "test_reason"
        assert params == json.loads(json.dumps(mine.explanations["usa"][1]))


def test_continue_from_the_autosave_finishes_the_same_game(tmp_path):
    loaded = load_level(LEVEL)
    rules = compile_rules(loaded.level)
    orders = Orders(Allocation(0.4, 0.2, 0.2, 0.2))
    decisions = {s: Decision(orders) for s in SIDES}
    whole = Match.start(rules, 3)
    while not whole.finished:
        whole.play_turn(decisions)

    # Play three turns with an autosave after each, then "crash" and continue.
    match = Match.start(rules, 3)
    assert not autosave_exists(tmp_path)
    for _ in range(3):
        match.play_turn(decisions)
        save_match(match, loaded, "autosave", "hotseat", folder=tmp_path)
    assert autosave_exists(tmp_path)
    result = load_autosave(tmp_path)
    assert result.ok and result.match.state.turn == 4
    resumed = result.match
    while not resumed.finished:
        resumed.play_turn(decisions)
    assert state_hash(resumed.state) == state_hash(whole.state)

    entry = list_saves(tmp_path)[0]
    assert entry.is_autosave and entry.save.mode == "hotseat" and entry.save.turn == 4


def test_a_continued_game_keeps_its_creation_date(tmp_path):
    loaded = load_level(LEVEL)
    rules = compile_rules(loaded.level)
    match = Match.start(rules, 1)
    decisions = {s: Decision(Orders(Allocation(0.25, 0.25, 0.25, 0.25))) for s in SIDES}
    match.play_turn(decisions)
    path = save_match(match, loaded, "slot", folder=tmp_path)
    first = json.loads(path.read_text())
    first["created"] = "2025-01-01T00:00:00+00:00"
    path.write_text(json.dumps(first))
    match.play_turn(decisions)
    save_match(match, loaded, "slot", folder=tmp_path)
    assert json.loads(path.read_text())["created"] == "2025-01-01T00:00:00+00:00"
    # A different game in the same slot is a new game.
    other = Match.start(rules, 2)
    save_match(other, loaded, "slot", folder=tmp_path)
    assert json.loads(path.read_text())["created"] != "2025-01-01T00:00:00+00:00"


def test_saves_go_where_the_game_keeps_its_files(monkeypatch, tmp_path):
    from game import paths
    from game.saves import saves_dir

    monkeypatch.delenv("SWARMS_VS_TITANS_SAVE_DIR", raising=False)
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    assert saves_dir() == paths.saves_dir()
    monkeypatch.delenv("SWARMS_TITANS_HOME")
    assert saves_dir() == paths.saves_dir()
    monkeypatch.setenv("SWARMS_VS_TITANS_SAVE_DIR", str(tmp_path / "x"))
    assert saves_dir() == tmp_path / "x"
