"""The faster engine and AI play exactly the games they played before: bit for bit.

Caches (shared read-only parameters, chip offers kept with them, compiled conditions,
shared card effects in clones) must change no result. Seeded games between the searching
AIs, which ask the engine thousands of questions per decision, are fingerprinted (every
state's hash, every order, reason and event) and compared with the fingerprints the code
gave before the speed-up. The level is the golden transcript's frozen copy, so tuning
`levels/` does not move them; an intended change to the engine's arithmetic does —
regenerate with `UPDATE_GOLDEN=1 python -m pytest tests/test_speed_identical.py` and
review the diff like code.
"""

import hashlib
import json
import os
from pathlib import Path

import pytest

from game.engine import compile_rules, state_hash
from game.engine.effects import effective_params
from game.engine.market import chip_offers
from game.engine.setup import new_game
from game.levels.loader import load_level
from game.match import play_game
from game.players.registry import make_player

HERE = Path(__file__).parent / "golden"
FINGERPRINTS = HERE / "ai-games.json"
PAIRINGS = (("normal", "normal", 4), ("hard#8", "normal", 1), ("easy", "greedy", 2))


def _fingerprint(match) -> str:
    digest = hashlib.sha256()
    for state in match.states:
        digest.update(state_hash(state).encode())
    for record in match.turns:
        digest.update(repr((record.turn, record.orders, record.explanations)).encode())
        digest.update(repr(record.events).encode())
    return digest.hexdigest()


def fingerprints() -> dict[str, str]:
    rules = compile_rules(load_level(HERE / "level.yaml").level)
    found = {}
    for usa, china, games in PAIRINGS:
        players = {"usa": make_player(usa), "china": make_player(china)}
        for seed in range(2025, 2025 + games):
            found[f"{usa} vs {china}, seed {seed}"] = _fingerprint(play_game(rules, players, seed))
    return found


def test_ai_games_are_bit_identical_to_the_recorded_ones():
    actual = fingerprints()
    if os.environ.get("UPDATE_GOLDEN"):
        FINGERPRINTS.write_text(json.dumps(actual, indent=1) + "\n")
    assert FINGERPRINTS.is_file(), f"{FINGERPRINTS} is missing: regenerate with UPDATE_GOLDEN=1"
    assert actual == json.loads(FINGERPRINTS.read_text())


@pytest.fixture(scope="module")
def rules():
    return compile_rules(load_level(HERE / "level.yaml").level)


def test_shared_parameters_refuse_changes_so_no_caller_can_spoil_another(rules):
    params = effective_params(rules, new_game(rules, 1), "usa")
    with pytest.raises(TypeError, match="read-only"):
        params["income_growth"] = 2.0
    with pytest.raises(TypeError):
        params.update(income_growth=2.0)
    copy = dict(params)
    copy["income_growth"] = 2.0  # a copy is the caller's own
    assert effective_params(rules, new_game(rules, 1), "usa")["income_growth"] != 2.0


def test_a_caller_changing_its_list_of_offers_does_not_change_the_market(rules):
    params = effective_params(rules, new_game(rules, 1), "china")
    first = chip_offers(rules, params)
    assert first, "the frozen level sells chips to China in the first quarter"
    first.clear()
    assert chip_offers(rules, params) == chip_offers(rules, dict(params))
    assert chip_offers(rules, params)


def test_parameters_under_a_card_differ_from_the_base_and_are_reused(rules):
    from game.engine.effects import apply_card

    state = new_game(rules, 1)
    card = next(
        p
        for p in rules.policies.values()
        if any(e.target not in ("budget",) and "." not in e.target for e in p.effects)
    )
    before = effective_params(rules, state, card.side)
    apply_card(rules, state, card.id, card.effects, card.side)
    after = effective_params(rules, state, card.side)
    assert after is effective_params(rules, state.clone(), card.side)
    assert before is rules.base_params(card.side, state.turn)
