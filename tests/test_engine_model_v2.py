"""The mechanisms of rules model v2 (issue 11), each on the small round-number level.

Every mechanism is level data and off when a level leaves it out; these tests switch one on
at a time and check what a player would notice.
"""

import math

import pytest
from level_factory import P, make_rules, set_param, set_start

from game.engine import Allocation, Orders, new_game, resolve
from game.engine import events as ev
from game.engine.rules import SECONDS_PER_QUARTER

MODELS = Orders(Allocation(0, 0, 0, 1))
CHIPS = Orders(Allocation(1, 0, 0, 0))
EVEN = Orders(Allocation(0.25, 0.25, 0.25, 0.25))


def play(rules, state, usa=EVEN, china=EVEN):
    return resolve(rules, state, {"usa": usa, "china": china})


def of(events, kind, side=None):
    return [e for e in events if isinstance(e, kind) and (side is None or e.side == side)]


def usable(state, side="usa"):
    return state.factions[side].usable_pflops


def test_chips_bought_with_an_install_lag_train_nothing_until_installed():
    rules = make_rules(lambda d: set_param(d, "usa", "chip_install_lag_turns", 1))
    start = new_game(rules, 1)
    bought, _ = play(rules, start, usa=CHIPS)
    saved, _ = play(rules, start, usa=MODELS)
    assert usable(bought) == pytest.approx(usable(saved))  # the new chips are not running yet
    assert bought.factions["usa"].fleet_h100e > saved.factions["usa"].fleet_h100e
    later, _ = play(rules, bought, usa=MODELS)
    assert usable(later) > usable(saved) * 1.5  # installed a quarter later


def test_without_an_install_lag_chips_train_the_quarter_they_are_bought():
    rules = make_rules()
    start = new_game(rules, 1)
    assert (
        usable(play(rules, start, usa=CHIPS)[0]) > usable(play(rules, start, usa=MODELS)[0]) * 1.5
    )


def test_a_two_quarter_training_run_adds_up_both_quarters():
    one = make_rules(lambda d: set_start(d, "usa", "frontier_log10", 20.0))
    two = make_rules(
        lambda d: (
            set_start(d, "usa", "frontier_log10", 20.0),
            d["constants"].update(training_turns=P(2)),
        )
    )
    a = b = None
    state_a, state_b = new_game(one, 1), new_game(two, 1)
    for _ in range(2):
        state_a, a = play(one, state_a, usa=MODELS)
        state_b, b = play(two, state_b, usa=MODELS)
    run_one = of(a, ev.TrainingRun, "usa")[0].run_log10
    run_two = of(b, ev.TrainingRun, "usa")[0].run_log10
    assert run_two - run_one == pytest.approx(math.log10(2))  # two equal quarters


def test_the_last_quarter_sprint_adds_only_its_share_of_a_long_run():
    rules = make_rules(
        lambda d: (
            set_start(d, "usa", "frontier_log10", 20.0),
            d["constants"].update(training_turns=P(4)),
        )
    )
    state = new_game(rules, 1)
    for _ in range(3):
        state, _ = play(rules, state, usa=Orders(Allocation(0, 0, 0.9, 0.1)))
    steady = state.factions["usa"].frontier_log10
    sprint, _ = play(rules, state, usa=MODELS)
    # All-in on models multiplies one quarter's run by far more than the whole model's.
    assert 0 < sprint.factions["usa"].frontier_log10 - steady < math.log10(4)


def test_the_training_run_share_ceiling_grows_each_quarter():
    rules = make_rules(lambda d: set_param(d, "usa", "run_share_growth_per_turn", 2.0))
    flat = make_rules()
    s, f = new_game(rules, 1), new_game(flat, 1)
    s.turn = f.turn = 3  # two quarters of growth: the ceiling is 4x
    grown = of(play(rules, s, usa=MODELS)[1], ev.TrainingRun, "usa")[0].run_log10
    base = of(play(flat, f, usa=MODELS)[1], ev.TrainingRun, "usa")[0].run_log10
    assert grown - base == pytest.approx(math.log10(4))


def test_off_grid_power_takes_the_money_the_grid_cap_leaves():
    def mutate(d):
        set_param(d, "usa", "energy_build_cap_gw_per_turn", 5)
        set_param(d, "usa", "offgrid_build_cap_gw_per_turn", 3)
        set_param(d, "usa", "offgrid_cost_bn_per_gw", 10.0)
        set_param(d, "usa", "offgrid_lag_turns", 1)

    rules = make_rules(mutate)
    after, events = play(rules, new_game(rules, 1), usa=Orders(Allocation(0, 1, 0, 0)))
    ordered = of(events, ev.EnergyOrdered, "usa")
    assert [(o.gw, o.spent_bn) for o in ordered] == [(5, 10), (3, 30)]
    assert of(events, ev.EnergyCapped, "usa")[0].unspent_bn == pytest.approx(100 - 40)
    assert after.factions["usa"].energy_gw == pytest.approx(15)  # grid now, off-grid next
    later, _ = play(rules, after)
    assert later.factions["usa"].energy_gw >= 18


def test_talent_money_beyond_the_free_pool_is_carried_over_not_burnt():
    def crowded(d):
        d["constants"]["talent_free_reference"] = P(30.0)
        d["constants"]["talent_hire_share_per_turn"] = P(0.1)
        set_start(d, "usa", "talent", 35.0)
        set_start(d, "china", "talent", 35.0)  # 30 free: at most 3 hired, for $9 bn

    rules = make_rules(crowded)
    after, events = play(rules, new_game(rules, 1), usa=Orders(Allocation(0, 0, 1, 0)))
    capped = of(events, ev.TalentCapped, "usa")
    assert capped and capped[0].unspent_bn == pytest.approx(100 - 9)
    assert after.factions["usa"].budget == pytest.approx(100 + 91)
    assert after.factions["usa"].talent == pytest.approx(35 + 3)


def test_a_milestone_speeds_up_the_side_that_reaches_it_from_the_next_quarter():
    def mutate(d):
        set_start(d, "usa", "frontier_log10", 26.5)
        set_start(d, "usa", "energy_gw", 1000)
        d["factions"]["usa"]["start"]["fleet"][0]["units"] = P(1e8)
        set_param(d, "usa", "algo_log10_per_turn", 0.1)
        set_param(d, "china", "algo_log10_per_turn", 0.1)
        d["ladder"]["milestones"][0]["effects"] = [
            {"target": "algo_log10_per_turn", "op": "multiply", "value": 2.0, "side": "self"}
        ]
        d["ladder"]["milestones"][0]["assumption"] = "test value"

    rules = make_rules(mutate)
    state = new_game(rules, 1)
    first, events = play(rules, state)
    assert [e.milestone for e in of(events, ev.MilestoneReached, "usa")] == ["m27"]
    second, _ = play(rules, first)
    gain = {
        side: math.log10(second.factions[side].algo_efficiency)
        - math.log10(first.factions[side].algo_efficiency)
        for side in ("usa", "china")
    }
    assert gain["usa"] == pytest.approx(2 * gain["china"])


def test_a_milestone_with_effects_must_say_where_its_numbers_come_from():
    from pydantic import ValidationError

    def mutate(d):
        d["ladder"]["milestones"][0]["effects"] = [
            {"target": "algo_log10_per_turn", "op": "multiply", "value": 2.0, "side": "self"}
        ]

    with pytest.raises(ValidationError, match=r"source.*assumption"):
        make_rules(mutate)


def test_effective_flop_of_one_quarter_follows_the_formula():
    rules = make_rules(lambda d: set_start(d, "usa", "frontier_log10", 20.0))
    after, events = play(rules, new_game(rules, 1), usa=MODELS)
    f = after.factions["usa"]
    share = 0.01 * (1 - math.exp(-100 / 10))
    expected = f.usable_pflops * 1e15 * SECONDS_PER_QUARTER * 0.5 * share * f.algo_efficiency
    run = of(events, ev.TrainingRun, "usa")[0].run_log10
    assert run == pytest.approx(math.log10(expected), abs=1e-3)


def test_the_hidden_superintelligence_threshold_lies_in_the_band_and_is_nobodys_knowledge():
    from game.engine.view import observe

    rules = make_rules(lambda d: d["ladder"].update(superintelligence_band_log10=P(1.0)))
    top = rules.superintelligence_log10
    draws = {new_game(rules, seed).si_threshold_log10 for seed in range(40)}
    assert all(top - 1.0 <= x <= top for x in draws) and len(draws) == 40
    state = new_game(rules, 3)
    assert observe(rules, state, "usa").state.si_threshold_log10 is None
    assert (
        observe(rules, state, "china").facts()
        == observe(rules, _with_threshold(state, top), "china").facts()
    )


def _with_threshold(state, value):
    other = state.clone()
    other.si_threshold_log10 = value
    return other


def test_crossing_the_hidden_threshold_below_the_top_wins():
    rules = make_rules(lambda d: d["ladder"].update(superintelligence_band_log10=P(1.0)))
    state = new_game(rules, 3)
    state.si_threshold_log10 = rules.superintelligence_log10 - 0.5
    state.factions["usa"].frontier_log10 = rules.superintelligence_log10 - 0.4
    after, _ = play(rules, state)
    assert after.outcome is not None and after.outcome.winner == "usa"
    assert after.outcome.reason == "superintelligence"


def test_without_a_band_the_game_has_no_hidden_threshold_and_same_dice():
    plain = make_rules()
    assert new_game(plain, 9).si_threshold_log10 is None
    banded = make_rules(lambda d: d["ladder"].update(superintelligence_band_log10=P(1.0)))
    assert new_game(banded, 9).rng_state == new_game(plain, 9).rng_state


def test_a_training_run_grows_only_as_fast_as_the_ramp_allows_and_the_rest_carries_over():
    rules = make_rules(lambda d: set_param(d, "usa", "run_strength_ramp_per_turn", 0.3))
    state = new_game(rules, 1)
    first, events = play(rules, state, usa=MODELS)  # $100 bn wants strength ~1.0
    capped = of(events, ev.RunCapped, "usa")
    assert capped and capped[0].strength == pytest.approx(0.3)
    assert first.factions["usa"].run_strength == pytest.approx(0.3)
    needed = 10 * -math.log(1 - 0.3)  # models_scale_bn 10
    assert capped[0].unspent_bn == pytest.approx(100 - needed)
    second, _ = play(rules, first, usa=MODELS)
    assert second.factions["usa"].run_strength == pytest.approx(0.6)


def test_without_a_ramp_the_run_takes_all_the_money_buys():
    rules = make_rules()
    after, events = play(rules, new_game(rules, 1), usa=MODELS)
    assert not of(events, ev.RunCapped, "usa")
    assert after.factions["usa"].run_strength == 0.0  # not tracked: nothing limits it


def test_only_the_side_that_reaches_a_rung_first_gets_its_first_effects():
    def mutate(d):
        set_start(d, "usa", "energy_gw", 1000)
        d["factions"]["usa"]["start"]["fleet"][0]["units"] = P(1e8)
        set_start(d, "usa", "frontier_log10", 26.9)
        set_start(d, "china", "frontier_log10", 20.0)
        d["ladder"]["milestones"][0]["first_effects"] = [
            {"target": "algo_log10_per_turn", "op": "multiply", "value": 3.0, "side": "self"}
        ]
        d["ladder"]["milestones"][0]["assumption"] = "test value"

    rules = make_rules(mutate)
    first, _ = play(rules, new_game(rules, 1))
    assert "m27" in first.factions["usa"].milestones
    assert [e.target for e in first.effects if e.side == "usa"] == ["algo_log10_per_turn"]
    later = first.clone()
    later.factions["china"].frontier_log10 = 27.5  # the rival gets there a quarter later
    after, _ = play(rules, later)
    assert "m27" in after.factions["china"].milestones
    assert not [e for e in after.effects if e.side == "china"]


def test_a_delayed_follower_distils_only_from_the_rivals_released_frontier():
    """With a distillation delay, the follower copies where the leader stood quarters ago."""

    def world(lag):
        def edit(d):
            set_start(d, "usa", "frontier_log10", 25.0)  # below its own runs: it climbs
            set_start(d, "china", "frontier_log10", 20.0)
            set_param(d, "china", "run_share_max", 0.001)  # its own runs stay behind
            set_param(d, "china", "distillation", 0.5)
            if lag:
                set_param(d, "china", "distillation_lag_turns", lag)

        return make_rules(edit)

    results = {}
    for lag in (0, 2):
        rules = world(lag)
        state = new_game(rules, 1)
        caught = []
        for _ in range(3):
            state, events = play(rules, state, usa=MODELS, china=MODELS)
            caught.append(of(events, ev.TrainingRun, "china")[0].catch_up_log10)
        results[lag] = (state, caught)
    instant_state, instant = results[0]
    delayed_state, delayed = results[2]
    assert sum(delayed) < sum(instant)  # the released model is older, so less to copy
    usa_frontiers = delayed_state.factions["usa"].frontier_history
    assert len(usa_frontiers) == 2  # the leader's last two frontiers are kept for copying
    assert (
        delayed_state.factions["china"].frontier_log10
        < instant_state.factions["china"].frontier_log10
    )


def test_without_a_distillation_delay_no_frontier_history_is_kept():
    rules = make_rules()
    state, _ = play(rules, new_game(rules, 1))
    assert state.factions["usa"].frontier_history == []
    assert "frontier_history" not in state.to_dict()["factions"]["usa"]
