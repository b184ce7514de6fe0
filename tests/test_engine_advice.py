"""Advice before End turn: the money a split wastes and where holding it leads."""

import pytest
from level_factory import make_rules, set_param

from game.engine import Allocation, Orders, new_game
from game.engine.advice import Idle, Waste, project, waste
from game.engine.view import observe


def test_energy_money_above_the_build_cap_is_named_with_what_comes_back():
    rules = make_rules(lambda d: set_param(d, "usa", "energy_build_cap_gw_per_turn", 5))
    items = waste(rules, new_game(rules, 1), "usa", Orders(Allocation(0, 1, 0, 0)))
    assert items == [Waste("energy", pytest.approx(90), pytest.approx(90))]


def test_a_split_that_buys_what_it_pays_for_wastes_nothing():
    rules = make_rules()
    assert waste(rules, new_game(rules, 1), "usa", Orders(Allocation(0.1, 0.1, 0.4, 0.4))) == []


def test_chips_without_power_are_named_as_idle():
    def mutate(d):
        d["factions"]["usa"]["start"]["energy_gw"] = {"value": 0.2, "assumption": "test value"}

    rules = make_rules(mutate)
    items = waste(rules, new_game(rules, 1), "usa", Orders(Allocation(0, 0, 0.5, 0.5)))
    assert any(isinstance(i, Idle) and i.share > 0.5 for i in items)


def test_the_projection_prefers_the_split_that_builds_more():
    rules = make_rules()
    state = observe(rules, new_game(rules, 1), "usa").state
    strong = project(rules, state, "usa", Orders(Allocation(0.3, 0.1, 0.3, 0.3)))
    idle = project(rules, state, "usa", Orders(Allocation(0.0, 1.0, 0.0, 0.0)))
    assert strong is not None and idle is not None
    assert strong.lead_months[1] > idle.lead_months[1]
    assert strong.turn == rules.turns and strong.worlds == 5
    assert strong.lead_months[0] <= strong.lead_months[1] <= strong.lead_months[2]


def test_illegal_orders_get_no_advice():
    rules = make_rules()
    bad = Orders(Allocation(0.5, 0.5, 0.5, 0.5))
    assert waste(rules, new_game(rules, 1), "usa", bad) == []
    assert project(rules, new_game(rules, 1), "usa", bad) is None


def test_the_rivals_algorithms_are_shown_as_a_range_around_the_truth():
    from game.engine.advice import estimate_rival

    rules = make_rules()
    state = new_game(rules, 1)
    est = estimate_rival(rules, state, "usa")
    truth = state.factions["china"].algo_efficiency
    assert est.algo[0] < truth < est.algo[1]
    low, mid, high = est.reach
    assert low <= mid <= high
    assert low >= rules.capability(state.factions["china"].frontier_log10) - 1e-9


def test_the_projection_plays_the_rivals_plan_when_given():
    rules = make_rules()
    state = observe(rules, new_game(rules, 1), "usa").state
    mine = Orders(Allocation(0.3, 0.1, 0.3, 0.3))
    lazy = project(rules, state, "usa", mine, rival_plan=lambda s: Orders(Allocation(0, 1, 0, 0)))
    busy = project(
        rules, state, "usa", mine, rival_plan=lambda s: Orders(Allocation(0.3, 0.1, 0.3, 0.3))
    )
    assert lazy.lead_months[1] > busy.lead_months[1]


def test_the_turn_screen_forecast_plays_the_cards_of_both_sides():
    """Play-tests: with a rival that never played cards, the forecast promised the USA a
    win (+30 months, 5 of 5) until China's national compute network took it away, and
    told China it would lose a game it won by 30 months. Both sides now play the cards a
    quick reading finds appealing, so the network is expected the quarter it opens."""
    from pathlib import Path

    from game.engine import view_for
    from game.saves.load import load_save
    from game.ui.scenes.turn_info import _my_cards, _rival_plan

    save = Path(__file__).parent / "fixtures" / "saves" / "playtest_china_wins_early.json"
    match = load_save(save, use_embedded=True).match
    rules = match.rules
    index = 8  # Q1 2027, the first quarter the network may be played
    assert rules.quarter(index + 1) == "2027Q1"
    assert match.turns[index].orders["china"].policy == "china_national_compute_network"
    seen = view_for(rules, match.states[index], "usa").state
    assert _rival_plan(rules, "usa")[0](seen).policy == "china_national_compute_network"
    # China's own projection counts the network too, a quarter before it may play it
    before = view_for(rules, match.states[index - 1], "china").state
    later = advice_step(rules, before, "china")
    assert _my_cards(rules, "china")(later) == "china_national_compute_network"
    # and from the first quarter China's forecast no longer calls its winning game lost
    first = view_for(rules, match.states[0], "china").state
    mine = match.turns[0].orders["china"]
    plain = project(rules, first, "china", mine, rival_plan=_rival_plan(rules, "china"))
    both = project(
        rules,
        first,
        "china",
        mine,
        rival_plan=_rival_plan(rules, "china"),
        my_cards=_my_cards(rules, "china"),
    )
    assert plain is not None and both is not None
    assert both.wins > plain.wins and both.lead_months[1] > 0 > plain.lead_months[1]


def advice_step(rules, state, side):
    """The state a quarter on, both sides splitting evenly (a world to ask the cards in)."""
    from game.engine import other, resolve
    from game.engine.advice import EVEN

    after, _ = resolve(rules, state, {side: EVEN, other(side): EVEN})
    return after


def test_the_forecasts_middle_figures_come_from_one_world():
    """'you 81, rival 87, you lead by 1.9 months' was three medians from different worlds:
    the capabilities shown must agree with the lead shown beside them."""
    from pathlib import Path

    from game.engine import view_for
    from game.saves.load import load_save
    from game.ui.scenes.turn_info import _my_cards, _rival_plan

    save = Path(__file__).parent / "fixtures" / "saves" / "playtest_china_wins_early.json"
    match = load_save(save, use_embedded=True).match
    rules = match.rules
    checked = 0
    for index, turn in enumerate(match.turns):
        for side in ("usa", "china"):
            seen = view_for(rules, match.states[index], side).state
            pr = project(
                rules,
                seen,
                side,
                turn.orders[side],
                rival_plan=_rival_plan(rules, side),
                my_cards=_my_cards(rules, side),
            )
            assert pr is not None
            gap = pr.mine[1] - pr.rival[1]
            lead = pr.lead_months[1]
            assert not (gap > 0.5 and lead < 0) and not (gap < -0.5 and lead > 0), (index, side)
            assert pr.mine[0] <= pr.mine[1] <= pr.mine[2]
            assert pr.lead_months[0] <= lead <= pr.lead_months[2]
            checked += 1
    assert checked == 2 * len(match.turns)
