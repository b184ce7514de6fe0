"""A golden transcript: one complete seeded game, checked in and compared turn by turn.

The level is a frozen copy (tests/golden/level.yaml), so tuning `levels/` does not move the
transcript; a change to the engine's arithmetic does, on purpose. After an intended engine
change, regenerate with `UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py` and review
the diff like code.
"""

import json
import os
from pathlib import Path

from game.engine import compile_rules, state_hash
from game.levels.loader import load_level
from game.match import play_game
from game.players.registry import make_player

HERE = Path(__file__).parent / "golden"
TRANSCRIPT = HERE / "transcript-seed7.json"


def _transcript() -> dict:
    rules = compile_rules(load_level(HERE / "level.yaml").level)
    players = {"usa": make_player("greedy"), "china": make_player("random")}
    match = play_game(rules, players, seed=7)
    turns = []
    for record, after in zip(match.turns, match.states[1:], strict=True):
        turns.append(
            {
                "quarter": rules.quarter(record.turn),
                "orders": {s: o.to_dict() for s, o in record.orders.items()},
                "events": [e.to_dict() for e in record.events],
                "capability": {
                    s: round(rules.capability(f.frontier_log10), 6)
                    for s, f in after.factions.items()
                },
                "state_hash": state_hash(after),
            }
        )
    outcome = match.state.outcome
    return {"seed": 7, "turns": turns, "outcome": [outcome.winner, outcome.reason, outcome.turn]}


def _rounded(value):
    """Round floats so the file stays readable; hashes still pin every bit."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def test_a_seeded_game_replays_exactly_as_recorded():
    actual = _rounded(_transcript())
    if os.environ.get("UPDATE_GOLDEN"):
        TRANSCRIPT.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n")
    assert TRANSCRIPT.is_file(), f"{TRANSCRIPT} is missing: regenerate it with UPDATE_GOLDEN=1"
    expected = json.loads(TRANSCRIPT.read_text())
    assert len(actual["turns"]) == len(expected["turns"])
    for got, want in zip(actual["turns"], expected["turns"], strict=True):
        assert got == want, f"first difference in {want['quarter']}"
    assert actual["outcome"] == expected["outcome"]
