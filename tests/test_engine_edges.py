"""The rules at their edges: a value exactly on a threshold, a price just out of reach, the
sign of a cost. Each test here fails if one comparison or sign in the engine is flipped."""

import pytest
from level_factory import make_rules, set_param, set_start

from game.engine import (
    Allocation,
    IllegalOrders,
    Orders,
    available_policies,
    check,
    new_game,
    resolve,
)
from game.engine import events as ev

NO_MODELS = Orders(Allocation(1, 0, 0, 0))  # nobody trains: frontiers stay where they are


def play(rules, state, usa=NO_MODELS, china=NO_MODELS):
    return resolve(rules, state, {"usa": usa, "china": china})


def test_a_frontier_exactly_at_superintelligence_wins():
    rules = make_rules(lambda d: set_start(d, "usa", "frontier_log10", 34.0))
    assert rules.superintelligence_log10 == 34.0
    after, events = play(rules, new_game(rules, 1))
    assert after.factions["usa"].frontier_log10 == 34.0
    assert (after.outcome.winner, after.outcome.reason) == ("usa", "superintelligence")
    assert [e.winner for e in events if isinstance(e, ev.GameWon)] == ["usa"]


def test_a_frontier_just_below_superintelligence_plays_on():
    rules = make_rules(lambda d: set_start(d, "usa", "frontier_log10", 33.999))
    after, _ = play(rules, new_game(rules, 1))
    assert after.outcome is None


def test_a_policy_dearer_than_the_budget_is_refused_with_a_reason():
    rules = make_rules()  # `boost` costs the USA 10 bn
    state = new_game(rules, 1)
    state.factions["usa"].budget = 9.5
    boost = Orders(Allocation(0.25, 0.25, 0.25, 0.25), "boost")
    assert [r.code for r in check(rules, state, "usa", boost)] == ["policy_too_expensive"]
    assert "boost" not in available_policies(rules, state, "usa")
    with pytest.raises(IllegalOrders):
        play(rules, state, usa=boost)
    state.factions["usa"].budget = 10.0
    assert check(rules, state, "usa", boost) == []
    after, _ = play(rules, state, usa=boost)
    assert after.factions["usa"].budget >= 0


def _budget_after_one_quarter(power_price: float) -> tuple[float, float]:
    def mutate(d):
        set_param(d, "usa", "power_price_usd_per_kwh", power_price)

    rules = make_rules(mutate)
    after, events = play(rules, new_game(rules, 1), usa=Orders(Allocation(0, 0, 0, 1)))
    bill = sum(e.cost_bn for e in events if isinstance(e, ev.PowerBill) and e.side == "usa")
    return after.factions["usa"].budget, bill


def test_the_power_bill_lowers_the_next_budget_by_its_amount():
    free, no_bill = _budget_after_one_quarter(0.0)
    billed, bill = _budget_after_one_quarter(0.1)
    assert no_bill == 0 and bill > 0
    assert billed == pytest.approx(free - bill)
    assert billed < free
