"""Each relation of the model (game/engine/MODEL.md), checked on a small round-number level."""

import math

import pytest
from level_factory import P, make_rules, set_param, set_start, text

from game.engine import Allocation, Orders, check, new_game, resolve
from game.engine import events as ev

EVEN = Orders(Allocation(0.25, 0.25, 0.25, 0.25))


def play(rules, state, usa=EVEN, china=EVEN):
    return resolve(rules, state, {"usa": usa, "china": china})


def of(events, kind, side=None):
    return [e for e in events if isinstance(e, kind) and (side is None or e.side == side)]


def test_check_explains_bad_shares_and_policies():
    rules = make_rules()
    state = new_game(rules, 1)
    codes = lambda o, side="usa": [r.code for r in check(rules, state, side, o)]  # noqa: E731
    assert codes(Orders(Allocation(0.5, 0.5, 0.5, 0.0))) == ["over_budget"]
    assert codes(Orders(Allocation(0.1, 0.1, 0.1, 0.1))) == ["under_budget"]
    assert codes(Orders(Allocation(-0.2, 0.6, 0.3, 0.3))) == ["share_negative"]
    assert codes(Orders(Allocation(0.25, 0.25, 0.25, 0.25), "nope")) == ["unknown_policy"]
    assert codes(Orders(EVEN.allocation, "boost"), "china") == ["policy_other_side"]
    assert codes(Orders(EVEN.allocation, "boost")) == []
    assert codes(Orders(Allocation(math.nan, 0, 0, 1))) == ["shares_not_numbers"]


def test_a_once_policy_cannot_be_played_twice_and_costs_its_price():
    rules = make_rules()
    state = new_game(rules, 1)
    after, events = play(rules, state, usa=Orders(EVEN.allocation, "boost"))
    assert of(events, ev.PolicyPlayed)[0].cost_bn == 10
    spent = sum(e.spent_bn for e in of(events, ev.TalentHired, "usa"))
    assert spent == pytest.approx((100 - 10) * 0.25)
    assert [r.code for r in check(rules, after, "usa", Orders(EVEN.allocation, "boost"))] == [
        "policy_used"
    ]


def test_policy_prerequisite_is_reported():
    def mutate(d):
        d["policies"][0]["requires"] = {"from_quarter": "2025Q3"}

    rules = make_rules(mutate)
    reasons = check(rules, new_game(rules, 1), "usa", Orders(EVEN.allocation, "boost"))
    assert [(r.code, r.params) for r in reasons] == [("not_before", {"quarter": "2025Q3"})]


def test_chip_purchases_are_capped_by_supply_and_the_rest_carried_over():
    rules = make_rules()
    state = new_game(rules, 1)
    all_chips = Orders(Allocation(1, 0, 0, 0))
    after, events = play(rules, state, usa=all_chips)
    bought = of(events, ev.ChipsBought, "usa")
    assert sum(b.units for b in bought) == pytest.approx(1e6)  # supply, not $100bn / $20k
    capped = of(events, ev.SupplyCapped, "usa")[0]
    assert capped.unspent_bn == pytest.approx(100 - 20)
    assert after.factions["usa"].budget == pytest.approx(100 + 80)


def test_an_export_ban_stops_imports():
    rules = make_rules()
    state = new_game(rules, 1)
    _, events = play(rules, state, china=Orders(Allocation(1, 0, 0, 0)))
    assert all(b.chip == "beta" for b in of(events, ev.ChipsBought, "china"))


def test_energy_arrives_after_its_build_lag():
    rules = make_rules(lambda d: set_param(d, "usa", "energy_build_lag_turns", 2))
    state = new_game(rules, 1)
    energy = Orders(Allocation(0, 1, 0, 0))
    s1, _ = play(rules, state, usa=energy)
    assert s1.factions["usa"].energy_gw == 10
    s2, _ = play(rules, s1)
    assert s2.factions["usa"].energy_gw == 10
    s3, events = play(rules, s2)
    assert s3.factions["usa"].energy_gw == pytest.approx(10 + 100 / 2)
    assert of(events, ev.EnergyOnline, "usa")[0].gw == pytest.approx(50)


def test_energy_beyond_the_grid_cap_is_carried_over():
    rules = make_rules(lambda d: set_param(d, "usa", "energy_build_cap_gw_per_turn", 5))
    after, events = play(rules, new_game(rules, 1), usa=Orders(Allocation(0, 1, 0, 0)))
    assert of(events, ev.EnergyCapped, "usa")[0].unspent_bn == pytest.approx(100 - 10)
    assert after.factions["usa"].energy_gw == pytest.approx(15)


def test_chips_sit_idle_without_power_and_compute_drops():
    full = make_rules()
    dark = make_rules(lambda d: set_start(d, "usa", "energy_gw", 0.5))
    nothing = Orders(Allocation(0, 0, 0, 1))
    a, _ = play(full, new_game(full, 1), usa=nothing)
    b, events = play(dark, new_game(dark, 1), usa=nothing)
    idle = of(events, ev.ChipsIdle, "usa")[0]
    assert idle.idle_share == pytest.approx(0.5)
    assert b.factions["usa"].usable_pflops == pytest.approx(a.factions["usa"].usable_pflops / 2)


def test_a_large_swarm_loses_more_to_interconnect():
    def swarm(d):
        set_param(d, "china", "interconnect_overhead", 0.2)
        d["factions"]["china"]["start"]["fleet"][0]["units"] = P(4e6)
        d["chips"][1]["h100e_per_unit"] = P(0.25)

    rules = make_rules(swarm)
    after, _ = play(rules, new_game(rules, 1), china=Orders(Allocation(0, 0, 0, 1)))
    # same 1M H100e, but 4M chips: efficiency 1 / (1 + 0.2 * log2(5))
    expected = 1e6 * 1000e12 / (1 + 0.2 * math.log2(5)) / 1e15
    assert after.factions["china"].usable_pflops == pytest.approx(expected)


def test_talent_has_diminishing_returns():
    rules = make_rules()
    small, _ = play(rules, new_game(rules, 1), usa=Orders(Allocation(0, 0, 0.25, 0.75)))
    large, _ = play(rules, new_game(rules, 1), usa=Orders(Allocation(0, 0, 1, 0)))
    gain_small = small.factions["usa"].talent - 30
    gain_large = large.factions["usa"].talent - 30
    assert gain_large == pytest.approx(2 * gain_small)  # 4x the money, 2x the researchers


def test_talent_drives_algorithmic_efficiency():
    rules = make_rules(lambda d: set_param(d, "usa", "algo_log10_per_turn", 0.1))
    after, _ = play(rules, new_game(rules, 1))
    # talent 30 + sqrt(25) = 35 against reference 30, elasticity 0.5
    gain = 0.1 * math.sqrt(35 / 30)
    assert math.log10(after.factions["usa"].algo_efficiency) == pytest.approx(gain)


def test_training_is_logarithmic_in_compute():
    base = make_rules(lambda d: set_start(d, "usa", "frontier_log10", 20.0))
    tenfold = make_rules(
        lambda d: (
            set_start(d, "usa", "frontier_log10", 20.0),
            d["factions"]["usa"]["start"]["fleet"][0].update(units=P(1e7)),
            set_start(d, "usa", "energy_gw", 100),
        )
    )
    models = Orders(Allocation(0, 0, 0, 1))
    a, _ = play(base, new_game(base, 1), usa=models)
    b, _ = play(tenfold, new_game(tenfold, 1), usa=models)
    assert b.factions["usa"].frontier_log10 - a.factions["usa"].frontier_log10 == pytest.approx(1)


def test_models_spending_has_diminishing_returns():
    rules = make_rules(lambda d: set_start(d, "usa", "frontier_log10", 20.0))
    runs = []
    for share in (0.1, 0.2, 0.4):
        after, _ = play(rules, new_game(rules, 1), usa=Orders(Allocation(0, 1 - share, 0, share)))
        runs.append(after.factions["usa"].frontier_log10)
    assert runs[1] - runs[0] > runs[2] - runs[1] > 0


def test_no_models_money_means_no_progress():
    rules = make_rules()
    after, events = play(rules, new_game(rules, 1), usa=Orders(Allocation(1, 0, 0, 0)))
    run = of(events, ev.TrainingRun, "usa")[0]
    assert run.run_log10 is None
    assert after.factions["usa"].frontier_log10 == 26.0


def test_the_follower_catches_up_by_distillation():
    def mutate(d):
        set_param(d, "china", "distillation", 0.5)
        set_start(d, "china", "frontier_log10", 20.0)
        set_start(d, "usa", "frontier_log10", 30.0)

    rules = make_rules(mutate)
    no_catch = make_rules(
        lambda d: (
            set_start(d, "china", "frontier_log10", 20.0),
            set_start(d, "usa", "frontier_log10", 30.0),
        )
    )
    a, events = play(rules, new_game(rules, 1))
    b, _ = play(no_catch, new_game(no_catch, 1))
    own = b.factions["china"].frontier_log10
    assert a.factions["china"].frontier_log10 == pytest.approx(own + 0.5 * (30 - own))
    assert of(events, ev.TrainingRun, "china")[0].catch_up_log10 > 0


def test_adoption_feeds_the_budget_and_confidence_multiplies_it():
    def mutate(d):
        set_param(d, "usa", "adoption_dividend", 1.0)
        set_start(d, "usa", "adoption", 0.5)
        set_start(d, "usa", "confidence", 0.8)

    rules = make_rules(mutate)
    state = new_game(rules, 1)
    assert state.factions["usa"].budget == pytest.approx(100 * 1.5 * 0.8)


def test_confidence_follows_the_lead():
    def mutate(d):
        for side in ("usa", "china"):
            set_param(d, side, "confidence_reversion", 1.0)
            set_param(d, side, "confidence_lead_weight", 0.3)
        set_start(d, "usa", "frontier_log10", 27.0)

    rules = make_rules(mutate)
    after, _ = play(rules, new_game(rules, 1))
    assert after.factions["usa"].confidence > 1 > after.factions["china"].confidence


def test_chips_depreciate_and_retire():
    rules = make_rules(
        lambda d: (
            set_param(d, "usa", "chip_depreciation_per_turn", 0.1),
            d["constants"].update(chip_max_age_turns=P(2)),
        )
    )
    nothing = Orders(Allocation(0, 0, 0, 1))
    s1, events = play(rules, new_game(rules, 1), usa=nothing)
    assert s1.factions["usa"].fleet_h100e == pytest.approx(0.9e6)
    assert of(events, ev.ChipsRetired, "usa")[0].h100e == pytest.approx(0.1e6)
    s2, _ = play(rules, s1, usa=nothing)
    s3, _ = play(rules, s2, usa=nothing)
    assert s3.factions["usa"].fleet_h100e == 0


def test_levy_on_exports_goes_to_the_origin_side():
    def mutate(d):
        d["chips"][0]["supply"]["china"] = {"units_per_turn": P(1e5), "growth_per_turn": P(1.0)}
        d["chips"][0]["levy_to_origin"] = P(0.25)
        d["chips"][0]["price_k_usd"] = P(5.0)  # cheaper than beta: China buys it first

    rules = make_rules(mutate)
    models = Orders(Allocation(0, 0, 0, 1))
    after, events = play(
        rules, new_game(rules, 1), usa=models, china=Orders(Allocation(1, 0, 0, 0))
    )
    levy = of(events, ev.LevyPaid)[0]
    assert (levy.payer, levy.receiver) == ("china", "usa")
    assert levy.amount_bn == pytest.approx(0.25 * 1e5 * 5 / 1e6)
    assert after.factions["usa"].budget == pytest.approx(100 + levy.amount_bn)


def test_power_bill_comes_out_of_next_budget_with_a_domestic_subsidy():
    def mutate(d):
        set_param(d, "china", "power_price_usd_per_kwh", 0.1)
        set_param(d, "usa", "power_price_usd_per_kwh", 0.1)
        set_param(d, "china", "domestic_chip_power_factor", 0.5)

    rules = make_rules(mutate)
    _, events = play(
        rules,
        new_game(rules, 1),
        usa=Orders(Allocation(0, 0, 0, 1)),
        china=Orders(Allocation(0, 0, 0, 1)),
    )
    bills = {e.side: e.cost_bn for e in of(events, ev.PowerBill)}
    assert bills["usa"] == pytest.approx(1e6 * 1.0 * 2191.5 * 0.1 / 1e9)
    assert bills["china"] == pytest.approx(bills["usa"] / 2)


def test_timed_parameter_effects_expire():
    def mutate(d):
        d["events"] = [
            {
                "id": "blackout",
                "title": text("x"),
                "text": text("x"),
                "at": "2025Q1",
                "source": "s1",
                "effects": [
                    {
                        "target": "chips.alpha.supply",
                        "op": "set",
                        "value": 0,
                        "side": "usa",
                        "turns": 2,
                    }
                ],
            }
        ]

    rules = make_rules(mutate)
    chips = Orders(Allocation(1, 0, 0, 0))
    state = new_game(rules, 1)
    bought = []
    for _ in range(3):
        state, events = play(rules, state, usa=chips)
        bought.append(sum(e.units for e in of(events, ev.ChipsBought, "usa")))
    assert bought == [0, 0, pytest.approx(1e6)]


@pytest.mark.parametrize(
    ("usa", "china", "winner", "reason"),
    [
        (34.5, 26.0, "usa", "superintelligence"),
        (34.2, 34.6, "china", "margin"),
        (34.3, 34.3, None, "draw"),
    ],
)
def test_reaching_superintelligence_ends_the_game(usa, china, winner, reason):
    def mutate(d):
        set_start(d, "usa", "frontier_log10", usa)
        set_start(d, "china", "frontier_log10", china)

    rules = make_rules(mutate)
    after, events = play(rules, new_game(rules, 1))
    assert (after.outcome.winner, after.outcome.reason) == (winner, reason)
    assert of(events, ev.GameWon)[0].winner == winner
    assert [r.code for r in check(rules, after, "usa", EVEN)] == ["game_over"]


def test_after_the_last_turn_the_higher_capability_wins_on_points():
    rules = make_rules(lambda d: d["factions"]["usa"]["start"]["fleet"][0].update(units=P(2e6)))
    state = new_game(rules, 1)
    for _ in range(8):
        assert state.outcome is None
        state, _ = play(rules, state)
    assert (state.outcome.winner, state.outcome.reason, state.outcome.turn) == ("usa", "points", 8)


def test_milestones_are_announced_once():
    def mutate(d):
        set_start(d, "usa", "frontier_log10", 26.5)
        set_start(d, "usa", "energy_gw", 1000)
        d["factions"]["usa"]["start"]["fleet"][0]["units"] = P(1e8)

    rules = make_rules(mutate)
    state = new_game(rules, 1)
    state, events = play(rules, state)
    state, events2 = play(rules, state)
    reached = [
        e.milestone for e in of(events, ev.MilestoneReached) + of(events2, ev.MilestoneReached)
    ]
    assert reached == ["m27"]
    assert state.factions["usa"].milestones == ["m27"]


def test_hiring_slows_as_the_free_pool_of_researchers_shrinks():
    def crowded(d):
        d["constants"]["talent_free_reference"] = P(30.0)
        set_start(d, "usa", "talent", 45.0)
        set_start(d, "china", "talent", 45.0)  # 10 free: a third of the reference

    def open_world(d):
        d["constants"]["talent_free_reference"] = P(30.0)
        set_start(d, "usa", "talent", 30.0)
        set_start(d, "china", "talent", 30.0)  # 40 free: no slowdown

    hire = Orders(Allocation(0, 0, 1, 0))
    a, _ = play(make_rules(crowded), new_game(make_rules(crowded), 1), usa=hire)
    b, _ = play(make_rules(open_world), new_game(make_rules(open_world), 1), usa=hire)
    assert b.factions["usa"].talent - 30 == pytest.approx(10)  # sqrt(100) x 1.0
    assert a.factions["usa"].talent - 45 == pytest.approx(10 / 3)


def test_only_the_carry_over_share_of_unspendable_money_comes_back():
    rules = make_rules(lambda d: d["constants"].update(carry_over_share=P(0.5)))
    after, events = play(rules, new_game(rules, 1), usa=Orders(Allocation(1, 0, 0, 0)))
    assert of(events, ev.SupplyCapped, "usa")[0].unspent_bn == pytest.approx(80)
    assert after.factions["usa"].budget == pytest.approx(100 + 0.5 * 80)


def test_milestones_below_the_start_are_not_news():
    rules = make_rules(lambda d: set_start(d, "usa", "frontier_log10", 27.5))
    state = new_game(rules, 1)
    assert state.factions["usa"].milestones == ["m27"]
    _, events = play(rules, state)
    assert of(events, ev.MilestoneReached, "usa") == []
