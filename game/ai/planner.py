"""The analytic planner behind `normal` and `hard`: money goes where the model pays most.

It reads the formulas of `game/engine/MODEL.md` rather than guessing shares:

- **Power first, and ahead.** New plants arrive after `energy_build_lag_turns`, so energy
  is ordered for the demand the fleet will have *then* (today's fleet after depreciation
  and retirements, plus the chips the market will sell until then), at most the grid cap.
- **Chips only where they will be powered, or where they replace worse ones.** The planner
  buys the cheapest compute first (as the engine does) up to the power free now plus the
  power already on its way, and never more than the market sells (unspendable money only
  partly returns: `carry_over_share`). Where no more power can be built, money no other
  lever takes buys a generation `UPGRADE_GAIN` times as efficient as the worst chip
  running: power goes to the best chips first, so the new ones push the old out.
- **Training run: saturating, and ramped.** run_share = max × (1 − exp(−spend / scale)),
  so the money for a run strength σ is scale × −ln(1 − σ). The final model trains on the
  last `training_turns` quarters, so the plan climbs early enough (`wanted_strength`) for
  a limited ramp to reach full strength in all of them; earlier runs buy lead (research
  speed, confidence, adoption).
- **Talent: √ returns from a shared pool.** Hiring is worth it while many quarters remain
  for algorithms to compound; the planner hires a share that fades towards the end.

`Knobs` are the few choices left to judgement; `normal` and `hard` search over them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from game.ai.style import Style
from game.engine import GameState, Rules
from game.engine.effects import effective_params, params_with
from game.engine.formulas import (
    interconnect_efficiency,
    run_money_for_strength,
    run_share_for_strength,
    run_strength,
    strength_limit,
    talent_money_absorbed,
)
from game.engine.market import chip_offers
from game.engine.rules import SECONDS_PER_QUARTER, Params


@dataclass(frozen=True, slots=True)
class Knobs:
    """The judgement calls of a plan (shares and strengths, never absolute $bn)."""

    run: float = 0.6  # training-run strength (share of `run_share_max`) in ordinary quarters
    final_run: float = 0.99  # strength of the final model's quarters
    talent: float = 0.85  # share of the budget hired while the game has long to run
    energy_margin: float = 1.1  # spare power planned for, as a factor on expected demand
    ahead: float = 0.0  # quarters of incoming power that chips may be bought ahead of
    overbuy: float = 0.0  # share of money left over that buys chips beyond the power
    upgrade: float = 1.0  # share of money left over that buys a newer generation to replace
    # the least efficient running chips (short of power, the best chips run first)
    chips: float = 1.0  # factor on the chips bought for the power available
    hire_first: float = 0.0  # share of the budget hired before chips are bought
    fade_turns: float = 8.0  # hiring fades out over the last this many quarters
    foresight: bool = True  # order power for the demand when it arrives (False: for today)

    def styled(self, style: Style) -> Knobs:
        """These knobs under a level's AI style (multipliers per area; 0 switches off)."""
        return replace(
            self,
            run=min(0.995, self.run * style.models),
            final_run=min(0.999, self.final_run * style.models) if style.models > 0 else 0.0,
            talent=min(1.0, self.talent * style.talent),
            energy_margin=self.energy_margin * style.energy,
            chips=self.chips * style.chips,
        )


def offers(rules: Rules, params: dict) -> tuple[tuple[float, float, float, float], ...]:
    """Chips on sale, cheapest compute first: (price k$, supply units, H100e, kW) per unit.

    Worked out once per shared `Params` (kept by identity with them), since the plan asks
    about the same quarter's market many times per decision.
    """
    return _market_of(rules, params)[0]


def market(rules: Rules, params: dict) -> tuple[float, float]:
    """($bn the chip market sells this quarter, GW those chips draw)."""
    return _market_of(rules, params)[1]


def _market_of(rules: Rules, params: dict) -> tuple[tuple, tuple[float, float]]:
    shared = type(params) is Params
    if shared:
        memo = rules.derived("planner.market")
        entry = memo.get(id(params))
        if entry is not None and entry[0] is params:
            return entry[1]
    sale = tuple(
        (price, supply, chip.h100e_per_unit, chip.kw_per_unit)
        for chip, price, supply in chip_offers(rules, params)
    )
    money = gw = 0.0
    for price, supply, _, kw in sale:
        money += supply * price / 1e6
        gw += supply * kw / 1e6
    found = (sale, (money, gw))
    if shared:
        if len(memo) >= _MARKET_MEMO_LIMIT:
            memo.clear()
        memo[id(params)] = (params, found)
    return found


# Markets kept (the entry holds its `Params`, so an id is never reused while kept).
_MARKET_MEMO_LIMIT = 4096


def chip_power_for_money(rules: Rules, params: dict, money_bn: float) -> float:
    """GW the chips `money_bn` can buy (cheapest compute first, within supply) would draw."""
    return _power_for_money(offers(rules, params), money_bn)


def _power_for_money(sale: tuple, money_bn: float) -> float:
    gw = 0.0
    for price, supply, _, kw in sale:
        if money_bn <= 1e-9:
            break
        units = money_bn * 1e6 / price
        units = units if units < supply else supply  # min(supply, units), without the call
        money_bn -= units * price / 1e6
        gw += units * kw / 1e6
    return gw


def chip_money_for_power(rules: Rules, params: dict, gw: float, cap_bn: float) -> float:
    """$bn that buys chips (cheapest compute first) drawing at most `gw`, within `cap_bn`."""
    return _money_for_power(offers(rules, params), gw, cap_bn)


def _money_for_power(sale: tuple, gw: float, cap_bn: float) -> float:
    money = 0.0
    for price, supply, _, kw in sale:
        if gw <= 1e-9 or money >= cap_bn:
            break
        units = supply  # min(supply, by power, by money), without the call
        by_power = gw * 1e6 / kw
        if by_power < units:
            units = by_power
        by_money = (cap_bn - money) * 1e6 / price
        if by_money < units:
            units = by_money
        money += units * price / 1e6
        gw -= units * kw / 1e6
    return money


def fleet_power_at(rules: Rules, state: GameState, side: str, turn: int) -> float:
    """GW today's fleet will draw in `turn` (depreciation and retirements included)."""
    f = state.factions[side]
    keep = 1 - rules.params[side]["chip_depreciation_per_turn"]
    max_age = rules.constants["chip_max_age_turns"]
    ahead = turn - state.turn
    kept = keep**ahead
    kw = 0.0
    for _, units, _, kw_per_unit, _, age in f.fleet:
        if age + ahead <= max_age:
            kw += units * kw_per_unit * kept
    return kw / 1e6


# A newer chip replaces running ones only when it does this much more per kW than the least
# efficient chip running: below that, the price buys too little extra compute.
UPGRADE_GAIN = 1.5


def upgrade_pays(rules: Rules, state: GameState, side: str, params: dict) -> bool:
    """Do chips on sale do at least `UPGRADE_GAIN` times the work per kW of the least
    efficient chips the side runs? Then, where no more power can be built, money no lever
    can take buys them beyond the power: the best chips run first, so the new ones push
    the worst out of service."""
    sale = offers(rules, params)
    fleet = state.factions[side].fleet
    if not sale or not fleet:
        return False
    worst = min(b.h100e_per_unit / b.kw_per_unit for b in fleet)
    best = max(h / k for _, _, h, k in sale)
    return best >= UPGRADE_GAIN * worst


def power_at(state: GameState, side: str, params: dict, turn: int) -> float:
    """GW the side will have in `turn` from plants built or ordered already (plus baseline)."""
    f = state.factions[side]
    arrived = sum([gw for t, gw in f.energy_pipeline if t <= turn])
    return f.energy_gw + arrived + params["energy_baseline_gw_per_turn"] * (turn - state.turn + 1)


def allocate(
    rules: Rules, state: GameState, side: str, knobs: Knobs, budget: float | None = None
) -> list[float]:
    """$bn for chips, energy, talent, models this quarter; adds up to the budget."""
    f = state.factions[side]
    budget = max(0.0, f.budget if budget is None else budget)
    if budget <= 1e-9:
        return [0.0, 0.0, 0.0, 0.0]
    params = effective_params(rules, state, side)
    turn, last = state.turn, rules.turns
    left = budget
    final = turn >= last
    # Power: what arrives this quarter, and what is free for new chips.
    spare_now = power_at(state, side, params, turn) - f.fleet_power_gw
    lag = max(0, round(params["energy_build_lag_turns"]))
    cap_gw = params["energy_build_cap_gw_per_turn"]
    cost_gw = params["energy_cost_bn_per_gw"]
    sale_now, (market_bn, _) = _market_of(rules, params)

    def energy_money(need_gw: float) -> float:
        """$bn for `need_gw`: the grid first, then off-grid power (dearer, if any)."""
        grid = max(0.0, min(cap_gw, need_gw))
        off = max(0.0, min(params["offgrid_build_cap_gw_per_turn"], need_gw - grid))
        return grid * cost_gw + off * params["offgrid_cost_bn_per_gw"]

    window = round(rules.constants["training_turns"])
    wanted = wanted_strength(knobs, turn, last, params["run_strength_ramp_per_turn"], window)
    strength = min(wanted, strength_limit(params, f.run_strength))
    # Chips can take at most what the run leaves: power is planned for the chips the
    # budget buys, not for the whole market (a growing market outruns any budget).
    chip_cap = max(0.0, budget - run_money_for_strength(params, strength))
    # Energy for the demand when new plants would arrive.
    energy = 0.0
    capped = turn + lag > last  # too late for new power: only better chips add compute
    build_cap = cap_gw + params["offgrid_build_cap_gw_per_turn"]
    if turn + lag <= last and not knobs.foresight:
        # Little foresight: build for today's shortfall plus this quarter's chips only.
        bought_gw = _power_for_money(sale_now, chip_cap)
        need = (f.fleet_power_gw + bought_gw) * knobs.energy_margin - power_at(
            state, side, params, turn
        )
        energy = min(left, energy_money(need))
        left -= energy
    elif turn + lag <= last:
        arrive = turn + lag
        demand = fleet_power_at(rules, state, side, arrive)
        later = _lasting_table(rules, state, side, params)
        keep = 1 - params["chip_depreciation_per_turn"]
        for k in range(turn, arrive + 1):
            sale = later[k][0] if k > turn else sale_now
            demand += _power_for_money(sale, chip_cap) * keep ** (arrive - k)
        need = demand * knobs.energy_margin - power_at(state, side, params, arrive)
        if lag == 0:
            need = max(need, -spare_now)
        capped = need > build_cap
        energy = min(left, energy_money(need))
        left -= energy
    if lag == 0:
        spare_now += energy / cost_gw if cost_gw > 0 else 0.0
    # Training run.
    models = min(left, run_money_for_strength(params, strength))
    left -= models
    turns_left = last - turn + 1
    fade = min(1.0, max(0.0, (turns_left - 1) / max(1.0, knobs.fade_turns)))
    early = min(left, knobs.hire_first * budget * fade)
    left -= early
    # Chips up to the power free now, plus power already on its way soon.
    incoming = 0.0
    if knobs.ahead > 0 and not final:
        nxt = power_at(state, side, params, turn + 1) - power_at(state, side, params, turn)
        incoming = knobs.ahead * max(0.0, nxt)
    # Chips bought now run after `chip_install_lag_turns`: past the last quarter they never do.
    runs_in_time = turn + round(params["chip_install_lag_turns"]) <= last
    chips = 0.0
    if runs_in_time:
        power_gw = knobs.chips * max(0.0, spare_now + incoming)
        chips = _money_for_power(sale_now, power_gw, left)
    left -= chips
    # Talent, while algorithms have time to compound, up to what the free pool can absorb.
    talent = min(left, max(0.0, knobs.talent * budget * fade - early))
    left -= talent
    talent += early
    rival_talent = state.factions["china" if side == "usa" else "usa"].talent
    absorbed = talent_money_absorbed(
        params,
        rules.constants.get("talent_free_reference"),
        f.talent,
        rival_talent,
        rules.constants["talent_hire_share_per_turn"],
    )
    if talent > absorbed:
        left += talent - absorbed
        talent = absorbed
    # Left over: chips beyond the power (a newer generation displaces the least efficient
    # running chips, or the `overbuy` share), then the run.
    beyond = knobs.overbuy
    if knobs.upgrade > beyond and capped and upgrade_pays(rules, state, side, params):
        beyond = knobs.upgrade
    extra = min(left * beyond, max(0.0, market_bn - chips)) if runs_in_time else 0.0
    chips += extra
    left -= extra
    if strength <= 0 and talent <= 0:
        chips += left  # a style with no run and no hiring: the market gets the rest
    elif strength <= 0:
        talent += left
    else:
        models += left
    return [chips, energy, talent, models]


def _sketch_table(rules: Rules, side: str) -> list:
    """What `project_final` reads from the level's own parameters, per quarter (index)."""
    memo = rules.derived("planner.sketch")
    found = memo.get(side)
    if found is None:
        found = memo[side] = [None] + [
            _terms_of(rules, rules.base_params(side, turn), turn)
            for turn in range(1, rules.turns + 1)
        ]
    return found


def _lasting_table(rules: Rules, state: GameState, side: str, params: Params) -> list:
    """`_sketch_table` with the side's lasting card effects on what the projection reads
    (chip market, power, run, talent, income): a card that cuts the rival's chip supply for
    good must show in the projection (and in the plan's power foresight), not only in the
    quarters the lookahead plays through the engine. Research speed is left out:
    `project_final` carries today's boost itself.

    `params` are the side's `effective_params` now: shared parameters stand for (side,
    quarter, the side's changes in order), so with the effects' last quarters they decide
    the table, and the table is looked up by them before the effects are sorted through."""
    effects = state.effects
    quick = rules.derived("planner.lasting_by_params")
    key = (id(params), tuple([e.last_turn for e in effects if e.side == side]))
    entry = quick.get(key)
    if entry is not None and entry[0] is params:
        return entry[1]
    lasting = tuple(
        (e.change, e.last_turn)
        for e in effects
        if e.side == side
        and (e.last_turn is None or e.last_turn > state.turn)
        and (e.target.startswith("chips.") or e.target in _SKETCHED)
    )
    found = _lasting_for(rules, side, lasting)
    if type(params) is Params:  # shared: kept alive by the entry, so its id is not reused
        if len(quick) >= _MARKET_MEMO_LIMIT:
            quick.clear()
        quick[key] = (params, found)
    return found


def _lasting_for(rules: Rules, side: str, lasting: tuple) -> list:
    if not lasting:
        return _sketch_table(rules, side)
    key = (side, lasting)
    memo = rules.derived("planner.lasting")
    found = memo.get(key)
    if found is None:
        base = _sketch_table(rules, side)
        found = [None]
        for turn in range(1, rules.turns + 1):
            changes = tuple(c for c, last in lasting if last is None or last >= turn)
            if changes:
                found.append(_terms_of(rules, params_with(rules, side, turn, changes), turn))
            else:
                found.append(base[turn])
        if len(memo) >= _MARKET_MEMO_LIMIT:
            memo.clear()
        memo[key] = found
    return found


# The parameters `_terms_of` reads besides the chip market (research speed excepted).
_SKETCHED = frozenset(
    {
        "energy_baseline_gw_per_turn",
        "run_strength_ramp_per_turn",
        "models_scale_bn",
        "talent_per_sqrt_bn",
        "talent_inflow_per_turn",
        "talent_attrition_per_turn",
        "income_growth",
        "income_growth_damping",
    }
)


def _sketch_terms(rules: Rules, side: str, turn: int, params: Params) -> tuple:
    """What `project_final` reads from the parameters in force now, worked out once."""
    memo = rules.derived("planner.sketch_now")
    entry = memo.get(id(params))
    if entry is not None and entry[0] is params and entry[1] == turn:
        return entry[2]
    found = _terms_of(rules, params, turn)
    if len(memo) >= _MARKET_MEMO_LIMIT:
        memo.clear()
    memo[id(params)] = (params, turn, found)
    return found


def _terms_of(rules: Rules, p: dict, turn: int) -> tuple:
    return (
        _market_of(rules, p)[0],
        p["energy_baseline_gw_per_turn"],
        p["run_strength_ramp_per_turn"],
        p["models_scale_bn"],
        p["talent_per_sqrt_bn"],
        p["talent_inflow_per_turn"],
        1 - p["talent_attrition_per_turn"],
        p["algo_log10_per_turn"],
        1 + (p["income_growth"] - 1) * p["income_growth_damping"] ** (turn - 1),
        min(1.0, max(0.0, (rules.turns - turn) / 8)),
    )


def wanted_strength(knobs: Knobs, turn: int, last: int, ramp: float, window: int) -> float:
    """The run strength the plan aims for in `turn`.

    The final model trains on the last `window` quarters (`training_turns`), so all of them
    run at `final_run`; before them the run climbs early enough for a limited ramp to get
    there (a plan that waited for the last quarter reached 0.8 of a full run, not 1).
    """
    first_final = last - max(1, window) + 1
    if turn >= first_final:
        return knobs.final_run
    if ramp >= 1.0:
        return knobs.run
    climb = knobs.final_run - ramp * (first_final - turn)
    return climb if climb > knobs.run else knobs.run


def with_run(knobs: Knobs, run: float) -> Knobs:
    return replace(knobs, run=min(0.995, max(0.0, run)))


def project_final(rules: Rules, state: GameState, side: str, knobs: Knobs) -> float:
    """The run (log10 FLOP) this side could train in the last quarter if it kept its plan.

    A fast sketch of the engine on aggregate numbers (no events, no rival, confidence and
    adoption held): budget growth, power built ahead, chips bought where powered, talent
    compounding into algorithms, and a full-strength run at the end. It is the value of a
    state for `normal`'s lookahead and the tail of `hard`'s rollouts.
    """
    f = state.factions[side]
    c = rules.constants
    params = effective_params(rules, state, side)
    last = rules.turns
    h100e = f.fleet_h100e
    kw = f.fleet_power_gw
    keep_rate = 1 - params["chip_depreciation_per_turn"]
    # The fleet by efficiency (H100e per kW) as it will stand in the last quarter, since
    # short of power the most efficient chips run first (`powered_fleet`).
    classes: dict[float, list[float]] = {}
    to_end = keep_rate ** (last - state.turn)
    for b in f.fleet:
        _add_class(classes, b.h100e_per_unit, b.kw_per_unit, b.units * to_end)
    worst = min(classes, default=0.0)
    upgrade_knob = knobs.upgrade
    speedup_per = c.get("self_improvement_per_log10", 0.0)
    speedup_from = c.get("self_improvement_from_log10", 0.0)
    window = max(1, round(c["training_turns"]))
    frontier_est = f.frontier_log10
    share_max = params["run_share_max"]
    share_growth = params["run_share_growth_per_turn"]
    ceiling = share_max * share_growth ** (state.turn - 1)  # the run's largest slice, by quarter
    per_h100e = (
        c["h100e_tflops"] * 1e12 * SECONDS_PER_QUARTER * c["model_flop_utilisation"] * window
    )
    pipeline = dict()
    for t, gw in f.energy_pipeline:
        pipeline[t] = pipeline.get(t, 0.0) + gw
    energy = f.energy_gw
    talent = f.talent
    log_algo = math.log10(max(1e-6, f.algo_efficiency))
    income = f.income
    lift = (1 + params["adoption_dividend"] * f.adoption) * f.confidence
    budget = max(0.0, f.budget)
    keep = 1 - params["chip_depreciation_per_turn"]
    lag = max(0, round(params["energy_build_lag_turns"]))
    cap_gw = params["energy_build_cap_gw_per_turn"]
    cost_gw = params["energy_cost_bn_per_gw"]
    free_ref = c.get("talent_free_reference")
    hire_share = c["talent_hire_share_per_turn"]
    rival_talent = state.factions["china" if side == "usa" else "usa"].talent
    ramp = params["run_strength_ramp_per_turn"]
    off_cap = params["offgrid_build_cap_gw_per_turn"]
    off_cost = params["offgrid_cost_bn_per_gw"]
    # Lasting speed-ups (milestones reached, policies) carry into the quarters ahead.
    base_now = rules.base_params(side, state.turn)["algo_log10_per_turn"]
    algo_boost = params["algo_log10_per_turn"] / base_now if base_now > 0 else 1.0
    growth_run = 0.0
    elasticity = c["algo_talent_elasticity"]
    hire_knob, margin = knobs.talent, knobs.energy_margin
    run_knob, final_knob = knobs.run, knobs.final_run
    first_final = last - window + 1  # the first quarter the final model trains on
    last_strength = f.run_strength
    later = _lasting_table(rules, state, side, params)
    # The engine's formulas inlined, and min()/max() written out as comparisons with the
    # same result (strength_limit, run_money_for_strength, chip_power_for_money,
    # talent_money_absorbed): this loop runs for every candidate and every quarter left.
    start = state.turn
    reference = c["talent_reference"]
    for turn in range(start, last + 1):
        now = turn == start
        sale, baseline, ramp_p, scale_bn, k_talent, inflow, stay, algo, growth, fade = (
            _sketch_terms(rules, side, turn, params) if now else later[turn]
        )
        energy += pipeline.pop(turn, 0.0) + baseline
        left = budget
        capped = turn + lag > last
        to_end_now = keep_rate ** (last - turn)  # what this quarter's chips keep by the end
        final = turn == last
        if ramp_p >= 1.0:
            ramp_room = 1.0
        else:
            ramp_room = last_strength + (turn - start) * ramp + ramp_p
            ramp_room = ramp_room if ramp_room < 1.0 else 1.0
        if turn >= first_final:  # `wanted_strength` written out
            wanted = final_knob
        elif ramp_p >= 1.0:
            wanted = run_knob
        else:
            wanted = final_knob - ramp_p * (first_final - turn)
            wanted = wanted if wanted > run_knob else run_knob
        wanted = ramp_room if ramp_room < wanted else wanted
        wanted = wanted if wanted > 0.0 else 0.0
        wanted = wanted if wanted < 0.999 else 0.999
        models = scale_bn * -math.log(1.0 - wanted)
        left -= models if models < left else left
        if turn + lag <= last and left > 0:
            gw = left / cost_gw
            gw = gw if gw < cap_gw else cap_gw
            bought_gw = 0.0
            money = left
            for price, supply, _, k in sale:
                if money <= 1e-9:
                    break
                n = money * 1e6 / price
                n = n if n < supply else supply
                money -= n * price / 1e6
                bought_gw += n * k / 1e6
            want = kw + bought_gw * (lag + 1) * margin - energy
            gw = want if want < gw else gw
            gw = gw if gw > 0.0 else 0.0
            left -= gw * cost_gw
            capped = want - gw > off_cap
            extra = max(0.0, min(off_cap, want - gw, left / off_cost if off_cost > 0 else 0.0))
            left -= extra * off_cost
            gw += extra
            if lag == 0:
                energy += gw
            else:
                pipeline[turn + lag] = pipeline.get(turn + lag, 0.0) + gw
        spare = energy - kw
        spare = spare if spare > 0.0 else 0.0
        for price, supply, h, k in sale:
            if spare <= 1e-9 or left <= 1e-9:
                break
            n = supply
            by_power = spare * 1e6 / k
            if by_power < n:
                n = by_power
            by_money = left * 1e6 / price
            if by_money < n:
                n = by_money
            left -= n * price / 1e6
            spare -= n * k / 1e6
            h100e += n * h
            kw += n * k / 1e6
            # _add_class(classes, h, k, n * to_end_now) written out: the projection's
            # hottest loop
            entry = classes.get(h / k)
            if entry is None:
                entry = classes[h / k] = [0.0, 0.0, 0.0]
            n *= to_end_now
            entry[0] += n * h
            entry[1] += n
            entry[2] += n * k / 1e6
        hire = hire_knob * budget * fade
        hire = hire if hire < left else left
        hire = hire if hire > 0.0 else 0.0
        if free_ref is not None:
            free = 100.0 - talent - rival_talent
            free = free if free > 0.0 else 0.0
            free_scale = free / free_ref
            free_scale = free_scale if free_scale < 1.0 else 1.0
        if k_talent <= 0:
            absorbed = 0.0
        elif free_ref is None:
            absorbed = math.inf
        elif free_scale <= 0:
            absorbed = 0.0
        else:
            root = (free * hire_share / free_scale - inflow) / k_talent
            absorbed = (root if root > 0.0 else 0.0) ** 2
        hire = absorbed if absorbed < hire else hire
        new = k_talent * math.sqrt(hire) + inflow
        if free_ref is not None and new > 0:
            new *= free_scale
            most = free * hire_share
            new = most if most < new else new
        talent = (talent + new) * stay
        left -= hire
        if capped and upgrade_knob > 0 and not final and left > 1e-9 and worst > 0:
            # Short of power: a much better generation replaces the least efficient chips.
            money = left * upgrade_knob
            for price, supply, h, k in sale:
                if money <= 1e-9:
                    break
                if h < UPGRADE_GAIN * worst * k:
                    continue
                n = money * 1e6 / price
                n = n if n < supply else supply
                money -= n * price / 1e6
                h100e += n * h
                kw += n * k / 1e6
                _add_class(classes, h, k, n * to_end_now)
        talent = talent if talent < 100.0 else 100.0
        step = (algo if now else algo * algo_boost) * (talent / reference) ** elasticity
        if speedup_per:
            # The models speed up research: the stronger the model trained so far, the
            # faster the algorithms (a run held back now costs research speed later).
            above = frontier_est - speedup_from
            step *= 1.0 + speedup_per * (above if above > 0.0 else 0.0)
        growth_run += step
        if speedup_per:
            flop_q = h100e * per_h100e * (ceiling if ceiling < 1.0 else 1.0) * wanted
            ceiling *= share_growth
            if flop_q > 1.0:
                est = math.log10(flop_q) + log_algo + growth_run
                frontier_est = est if est > frontier_est else frontier_est
        if final:
            break
        h100e *= keep
        kw *= keep
        income *= growth
        budget = income * lift
    h100e, units = _best_first(classes, energy)
    link = interconnect_efficiency(f.interconnect, params["interconnect_overhead"], units)
    # The final model trains on the last `window` quarters, each at the strength the ramp
    # allows by then (the fleet of the last quarter stands in for all of them).
    affordable = run_strength(params, budget)
    share = 0.0
    for turn in range(last - window + 1, last + 1):
        reach = strength_limit(params, f.run_strength + max(0, turn - state.turn) * ramp)
        strength = min(affordable, reach, wanted_strength(knobs, turn, last, ramp, window))
        share += run_share_for_strength(params, strength, last)
    flop = h100e * c["h100e_tflops"] * 1e12 * link * SECONDS_PER_QUARTER
    flop *= c["model_flop_utilisation"] * share
    if flop <= 1:
        return f.frontier_log10
    return max(f.frontier_log10, math.log10(flop) + log_algo + growth_run)


def _add_class(classes: dict[float, list[float]], h100e: float, kw: float, units: float) -> None:
    """Add `units` chips of one kind to the fleet kept by efficiency (H100e per kW)."""
    entry = classes.get(h100e / kw)
    if entry is None:
        entry = classes[h100e / kw] = [0.0, 0.0, 0.0]
    entry[0] += units * h100e
    entry[1] += units
    entry[2] += units * kw / 1e6


def _best_first(classes: dict[float, list[float]], energy_gw: float) -> tuple[float, float]:
    """H100e and units that `energy_gw` runs, the most efficient chips first: the engine's
    `powered_fleet` on the projection's fleet, kept by efficiency rather than by batch."""
    h100e = units = 0.0
    for eff in sorted(classes, reverse=True):
        h, n, gw = classes[eff]
        if gw <= energy_gw:
            h100e, units, energy_gw = h100e + h, units + n, energy_gw - gw
            continue
        if gw > 0 and energy_gw > 0:
            h100e += h * energy_gw / gw
            units += n * energy_gw / gw
        break
    return h100e, units
