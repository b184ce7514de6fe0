"""Invariants that must hold for any legal orders: no NaN, no infinity, no negative stock,
and the same seed and orders always give the same game."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st
from level_factory import make_rules, set_param

from game.engine import Allocation, GameState, Orders, new_game, resolve, state_hash
from game.engine.orders import check


def _rules():
    def mutate(d):
        for side in ("usa", "china"):
            set_param(d, side, "chip_depreciation_per_turn", 0.05)
            set_param(d, side, "distillation", 0.4)
            set_param(d, side, "algo_log10_per_turn", 0.1)
            set_param(d, side, "adoption_rate", 0.3)
            set_param(d, side, "confidence_reversion", 0.3)
            set_param(d, side, "confidence_lead_weight", 0.3)
            set_param(d, side, "power_price_usd_per_kwh", 0.08)
            set_param(d, side, "energy_build_lag_turns", 2)
        d["calendar"]["turns"] = 12

    return make_rules(mutate)


RULES = _rules()

share = st.floats(min_value=0, max_value=1, allow_nan=False)
allocations = st.tuples(share, share, share, share).map(Allocation.normalised)
orders = st.builds(Orders, allocations, st.sampled_from([None, None, "boost"]))
turns = st.lists(st.tuples(orders, orders), min_size=1, max_size=12)


def _legal(state, side, o: Orders) -> Orders:
    """Drop a policy `check()` rejects, as a screen would before End turn."""
    return Orders(o.allocation) if check(RULES, state, side, o) else o


def _play(seed, plan):
    state = new_game(RULES, seed)
    for usa, china in plan:
        if state.finished:
            break
        usa, china = _legal(state, "usa", usa), _legal(state, "china", china)
        state, _ = resolve(RULES, state, {"usa": usa, "china": china})
    return state


def _numbers(state: GameState):
    for f in state.factions.values():
        yield from (f.budget, f.income, f.energy_gw, f.talent, f.algo_efficiency)
        yield from (f.frontier_log10, f.adoption, f.confidence, f.interconnect, f.usable_pflops)
        for b in f.fleet:
            yield b.units
        for _, gw in f.energy_pipeline:
            yield gw


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32), turns)
def test_no_stock_is_ever_nan_infinite_or_negative(seed, plan):
    state = _play(seed, plan)
    for value in _numbers(state):
        assert math.isfinite(value) and value >= 0


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32), turns)
def test_same_seed_and_orders_give_the_same_game(seed, plan):
    assert state_hash(_play(seed, plan)) == state_hash(_play(seed, plan))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32), turns)
def test_state_survives_a_round_trip_through_its_dict(seed, plan):
    state = _play(seed, plan)
    again = GameState.from_dict(state.to_dict())
    assert state_hash(again) == state_hash(state)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32), turns)
def test_resolve_never_changes_the_state_it_was_given(seed, plan):
    state = new_game(RULES, seed)
    before = state_hash(state)
    usa, china = plan[0]
    usa, china = _legal(state, "usa", usa), _legal(state, "china", china)
    resolve(RULES, state, {"usa": usa, "china": china})
    assert state_hash(state) == before
