"""Every kind of condition a card or policy may carry, each shown holding and failing.

The shipped levels use only some of them; a designer may write any, so each is tested here
on its own (and one combined) against the small test level."""

import pytest
from level_factory import make_rules

from game.engine import new_game
from game.engine.conditions import threshold_value, unmet_condition
from game.levels.model import Condition, Threshold


@pytest.fixture
def world():
    rules = make_rules()  # starts 2025Q1; capability 20 (frontier 26 on a 24..34 ladder)
    return rules, new_game(rules, 1)


def code(rules, state, **parts):
    reason = unmet_condition(rules, state, Condition(**parts))
    return None if reason is None else reason.code


def test_an_empty_condition_always_holds(world):
    assert code(*world) is None


def test_from_quarter(world):
    rules, state = world
    assert code(rules, state, from_quarter="2025Q2") == "not_before"
    state.turn = 2
    assert code(rules, state, from_quarter="2025Q2") is None


def test_until_quarter(world):
    rules, state = world
    assert code(rules, state, until_quarter="2025Q1") is None
    state.turn = 2
    reason = unmet_condition(rules, state, Condition(until_quarter="2025Q1"))
    assert reason.code == "not_after" and reason.params == {"quarter": "2025Q1"}


def test_played_and_not_played_look_at_both_sides(world):
    rules, state = world
    assert code(rules, state, played=["boost"]) == "needs_policy"
    assert code(rules, state, not_played=["boost"]) is None
    state.factions["china"].policies_played["boost"] = 1
    assert code(rules, state, played=["boost"]) is None
    assert code(rules, state, not_played=["boost"]) == "excluded_by_policy"


def test_fired_and_not_fired(world):
    rules, state = world
    assert code(rules, state, fired=["storm"]) == "needs_event"
    assert code(rules, state, not_fired=["storm"]) is None
    state.fired["storm"] = 1
    assert code(rules, state, fired=["storm"]) is None
    assert code(rules, state, not_fired=["storm"]) == "excluded_by_event"


@pytest.mark.parametrize(
    "stock", ["capability", "energy_gw", "talent", "adoption", "confidence", "chips_h100e"]
)
def test_thresholds_above_and_below_are_strict(world, stock):
    rules, state = world
    value = threshold_value(rules, state, "usa", stock)
    at = Threshold(side="usa", stock=stock, above=value)
    assert code(rules, state, thresholds=[at]) == "needs_above"  # not above itself
    assert (
        code(rules, state, thresholds=[Threshold(side="usa", stock=stock, above=value - 1e-6)])
        is None
    )
    assert code(rules, state, thresholds=[Threshold(side="usa", stock=stock, below=value)]) == (
        "needs_below"
    )
    assert (
        code(rules, state, thresholds=[Threshold(side="usa", stock=stock, below=value + 1e-6)])
        is None
    )


def test_threshold_values_read_the_named_side_and_stock(world):
    rules, state = world
    usa = state.factions["usa"]
    assert threshold_value(rules, state, "usa", "capability") == pytest.approx(20.0)
    assert threshold_value(rules, state, "usa", "chips_h100e") == usa.fleet_h100e == 1e6
    state.factions["china"].talent = 55.0
    assert threshold_value(rules, state, "china", "talent") == 55.0
    state.factions["usa"].idle_share = 0.25
    assert threshold_value(rules, state, "usa", "idle_share") == 0.25


def test_every_part_must_hold_and_the_first_unmet_is_named(world):
    rules, state = world
    state.turn = 3
    state.fired["storm"] = 1
    cond = dict(
        from_quarter="2025Q2",
        until_quarter="2026Q4",
        fired=["storm"],
        thresholds=[Threshold(side="usa", stock="talent", above=10)],
    )
    assert code(rules, state, **cond) is None
    assert code(rules, state, **cond, not_played=["boost"], played=["boost"]) == "needs_policy"
    state.factions["usa"].talent = 5
    assert code(rules, state, **cond) == "needs_above"
