"""Every order an AI returns passes the engine's own check, in any state it may meet."""

from __future__ import annotations

import pytest
from level_factory import make_rules
from shipped import main_level

from game.ai import EasyAI, HardAI, NormalAI
from game.ai.safety import FALLBACK_CODE, safe_decision
from game.engine import Allocation, Orders, check, compile_rules, view_for
from game.engine.rng import Rng
from game.levels.loader import load_level
from game.match import Match
from game.players.base import Decision
from game.players.simple import RandomPlayer


def _levels():
    yield make_rules()
    yield compile_rules(load_level(main_level()).level)


def _random_states(rules, seeds):
    """States reached by random play: odd budgets, idle chips, used policies."""
    for seed in seeds:
        match = Match.start(rules, seed)
        dice = Rng(seed)
        while not match.finished:
            yield match.state
            decisions = {
                side: RandomPlayer().decide(rules, view_for(rules, match.state, side), dice)
                for side in ("usa", "china")
            }
            match.play_turn(decisions)


@pytest.mark.parametrize("rules", list(_levels()), ids=lambda r: r.level_id)
def test_every_ai_order_is_legal(rules):
    ais = [EasyAI(), NormalAI(), HardAI(think_ms=None, iterations=6)]
    for n, state in enumerate(_random_states(rules, range(3))):
        for side in ("usa", "china"):
            view = view_for(rules, state, side)
            for ai in ais if n % 4 == 0 else ais[:2]:
                decision = ai.decide(rules, view, Rng(n))
                assert check(rules, state, side, decision.orders) == []
                assert decision.explanation


def test_illegal_orders_fall_back_to_an_even_split():
    rules = make_rules()
    state = Match.start(rules, 1).state
    view = view_for(rules, state, "usa")
    bad = Decision(Orders(Allocation(0.9, 0.9, 0.0, 0.0)), "chips_build", {})
    safe = safe_decision(rules, view, bad)
    assert check(rules, state, "usa", safe.orders) == []
    assert safe.explanation == FALLBACK_CODE
    bad_policy = Decision(Orders(Allocation(0.25, 0.25, 0.25, 0.25), "no_such_policy"), "x", {})
    assert safe_decision(rules, view, bad_policy).orders.policy is None
