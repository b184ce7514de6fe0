"""Replays step through a saved game; a branch replays the same past exactly."""

from __future__ import annotations

from game.engine import Allocation, Orders, compile_rules, state_hash
from game.levels.loader import load_level
from game.levels.model import SIDES
from game.match import play_game
from game.players.base import Decision
from game.players.registry import make_player
from game.saves import BranchOf, Replay, branch, compare, load_save, save_match

LEVEL = "tests/fixtures/minimal_level.yaml"


def played(seed=5):
    loaded = load_level(LEVEL)
    rules = compile_rules(loaded.level)
    players = {"usa": make_player("greedy"), "china": make_player("random")}
    return loaded, play_game(rules, players, seed)


def recorded(match, index):
    record = match.turns[index]
    return {s: Decision(record.orders[s], *record.explanations[s]) for s in SIDES}


def test_branching_at_any_turn_and_replaying_the_same_orders_gives_the_original_game(tmp_path):
    loaded, original = played()
    path = save_match(original, loaded, "original", folder=tmp_path)
    saved = load_save(path)
    for turn in range(1, len(original.turns) + 2):
        split = branch(saved.match, turn)
        assert split.state.turn == turn and split.seed == original.seed
        assert state_hash(split.state) == state_hash(original.states[turn - 1])
        while not split.finished:
            split.play_turn(recorded(original, len(split.turns)))
        assert state_hash(split.state) == state_hash(original.state)
        # Straight from the save record, too.
        assert state_hash(branch(saved.save, turn, saved.match.rules).state) == state_hash(
            original.states[turn - 1]
        )


def test_a_different_decision_makes_a_comparable_second_timeline(tmp_path):
    loaded, original = played()
    split = branch(original, 3)
    all_in = Decision(Orders(Allocation(0.0, 0.0, 0.0, 1.0)))
    while not split.finished:
        split.play_turn({"usa": all_in, "china": recorded(original, len(split.turns))["china"]})
    result = compare(original, split)
    assert result.split_turn == 3
    assert result.differences[0].turn == 3 and result.differences[0].side == "usa"
    assert result.differences[0].branch.allocation.models == 1.0
    assert all(d.turn >= 3 for d in result.differences)
    # Both curves share the past and part after the split.
    assert result.original.capability["usa"][:3] == result.branch.capability["usa"][:3]
    assert result.original.capability["usa"][3:] != result.branch.capability["usa"][3:]
    assert result.original.outcome is not None and result.branch.outcome is not None

    path = save_match(
        split, loaded, "what-if", folder=tmp_path, branch_of=BranchOf(title="original", turn=3)
    )
    reopened = load_save(path)
    assert reopened.ok and reopened.save.branch_of.turn == 3


def test_the_replay_steps_forward_and_back_through_every_quarter():
    _, original = played()
    replay = Replay(original)
    assert replay.position == replay.last == len(original.turns)
    start = replay.seek(0)
    assert start.turn == 1 and start.record is None and start.events == []
    after_one = replay.step()
    assert after_one.turn == 2 and after_one.events == original.turns[0].events
    assert after_one.record.orders == original.turns[0].orders
    assert replay.step(-5).index == 0  # clamped at the start
    assert replay.seek(999).state is original.state  # and at the end
    assert [f.turn for f in replay.frames()] == [s.turn for s in original.states]
