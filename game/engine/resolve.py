"""Resolving one quarter: both sides' secret orders at once → the next state and events.

The steps follow `MODEL.md` in order. Pure: no I/O, no global randomness; the only dice are
drawn from `state.rng_state`.
"""

from __future__ import annotations

import math
from typing import Any

from game.engine import events as ev
from game.engine.conditions import condition_parts, unmet_condition
from game.engine.effects import apply_card, effective_params, expire
from game.engine.formulas import (
    frontier_history_kept,
    frontier_run_log10,
    interconnect_efficiency,
    next_run_history,
    powered_fleet,
    released_frontier,
    research_speedup,
    run_flop_this_quarter,
    run_money_for_strength,
    run_share_for_strength,
    run_strength,
    strength_limit,
    talent_money_absorbed,
)
from game.engine.market import chip_offers, levy_key
from game.engine.orders import Orders, Reason, check
from game.engine.rng import uniform
from game.engine.rules import HOURS_PER_QUARTER, Rules, other
from game.engine.state import ChipBatch, FactionState, GameState, Outcome
from game.levels.model import SIDES

# The quarter's events, or None where nobody reads them (`resolve(..., record=False)`).
Log = list[ev.GameEvent] | None


class IllegalOrders(ValueError):
    """Raised by `resolve` for orders `check()` rejects: callers must check first."""

    def __init__(self, side: str, reasons: list[Reason]) -> None:
        super().__init__(f"illegal orders for {side}: {[r.code for r in reasons]}")
        self.side = side
        self.reasons = reasons


def resolve(
    rules: Rules, state: GameState, orders: dict[str, Orders], *, record: bool = True
) -> tuple[GameState, list[ev.GameEvent]]:
    """Play one quarter. `state` is left untouched; the new state is returned.

    `record=False` returns no events: the AIs' lookahead never reads them, and making the
    twenty-odd event records of a quarter took a tenth of its time."""
    for side in SIDES:
        reasons = check(rules, state, side, orders[side])
        if reasons:
            raise IllegalOrders(side, reasons)
    s = state.clone()
    log: Log = [] if record else None
    keep = frontier_history_kept(rules)
    if keep:
        for side in SIDES:
            f = s.factions[side]
            f.frontier_history = [*f.frontier_history, f.frontier_log10][-keep:]

    for side in SIDES:
        _play_policy(rules, s, side, orders[side].policy, log)
    _fire_events(rules, s, log)
    params = {side: effective_params(rules, s, side) for side in SIDES}
    carry = dict.fromkeys(SIDES, 0.0)
    levies = dict.fromkeys(SIDES, 0.0)
    for side in SIDES:
        f, p = s.factions[side], params[side]
        _energy_arrives(s.turn, f, p, log)
        spend = [max(0.0, f.budget) * share for share in orders[side].allocation.as_tuple()]
        carry[side] += _buy_chips(rules, s.turn, f, p, spend[0], levies, log)
        carry[side] += _order_energy(s.turn, f, p, spend[1], log)
        carry[side] += _hire_talent(rules, f, p, spend[2], state.factions[other(side)].talent, log)
        _improve_algorithms(rules, f, p)
    bills = {}
    for side in SIDES:
        f, p = s.factions[side], params[side]
        spend_models = max(0.0, f.budget) * orders[side].allocation.models
        rival = state.factions[other(side)]
        released = released_frontier(
            rival.frontier_history, rival.frontier_log10, p["distillation_lag_turns"]
        )
        bills[side], unspent = _train(rules, s.turn, f, p, spend_models, released, log)
        carry[side] += unspent
    reached_before = {side: set(s.factions[side].milestones) for side in SIDES}
    for side in SIDES:
        f, p = s.factions[side], params[side]
        _depreciate(rules, f, p, s.turn, log)
        _milestones(rules, s, f, reached_before[other(side)], log)
        _adoption(rules, f, p)
        _confidence(rules, f, p, s.factions[other(side)].frontier_log10)
        _next_budget(rules, s.turn, f, p, bills[side], carry[side], levies[side], log)
    _decide_outcome(rules, s, log)
    expire(s)
    s.turn += 1
    return s, log if log is not None else []


def _play_policy(rules: Rules, s: GameState, side: str, policy_id: str | None, log: Log) -> None:
    if policy_id is None:
        return
    policy = rules.policies[policy_id]
    f = s.factions[side]
    f.budget -= policy.cost_bn.value
    f.policies_played[policy_id] = s.turn
    apply_card(rules, s, policy_id, policy.effects, side)
    if log is not None:
        log.append(ev.PolicyPlayed(side, policy_id, policy.cost_bn.value))


def _fire_events(rules: Rules, s: GameState, log: Log) -> None:
    for event in rules.scripted_events.get(s.turn, ()):
        if unmet_condition(rules, s, event.when) is None and event.id not in s.fired:
            s.fired[event.id] = s.turn
            apply_card(rules, s, event.id, event.effects, None)
            if log is not None:
                log.append(ev.CardFired(event.id, random=False))
    now = rules.start_quarter + s.turn - 1
    for event, once, first, last, plain in _random_events(rules):
        if once and event.id in s.fired:
            continue
        if plain:  # the condition names quarters only: no need to ask for a reason
            if (first is not None and now < first) or (last is not None and now > last):
                continue
        elif unmet_condition(rules, s, event.when) is not None:
            continue
        s.rng_state, roll = uniform(s.rng_state)
        if roll < event.probability:
            s.fired[event.id] = s.turn
            apply_card(rules, s, event.id, event.effects, None)
            if log is not None:
                log.append(ev.CardFired(event.id, random=True))


def _random_events(rules: Rules) -> tuple[Any, ...]:
    """(event, once, first quarter, last quarter, condition names quarters only) per random
    event, worked out once per level: every quarter of every lookahead asks."""
    memo = rules.derived("resolve.random_events")
    found = memo.get("all")
    if found is None:
        found = []
        for event in rules.random_events:
            compiled = condition_parts(rules, event.when)
            first = last = None
            plain = True
            if compiled is not None:
                first, last = compiled[0], compiled[1]
                plain = not any(compiled[2:])
            found.append((event, event.once, first, last, plain))
        found = memo["all"] = tuple(found)
    return found


def _energy_arrives(turn: int, f: FactionState, p: dict[str, float], log: Log) -> None:
    arrived = p["energy_baseline_gw_per_turn"]
    arrived += sum([gw for t, gw in f.energy_pipeline if t <= turn])
    f.energy_pipeline = [(t, gw) for t, gw in f.energy_pipeline if t > turn]
    f.energy_gw += arrived
    if log is not None and arrived > 0:
        log.append(ev.EnergyOnline(f.side, arrived))


def _buy_chips(
    rules: Rules,
    turn: int,
    f: FactionState,
    p: dict[str, float],
    money: float,
    levies: dict[str, float],
    log: Log,
) -> float:
    """Buy the cheapest compute first, within each chip's supply; return unspent $bn."""
    offers = chip_offers(rules, p)
    bought_any = False
    install_age = -round(p["chip_install_lag_turns"])
    for chip, price, supply in offers:
        if money <= 1e-9:
            break
        units = min(supply, money * 1e6 / price)
        cost = units * price / 1e6
        money -= cost
        bought_any = True
        batch = (chip.id, units, chip.h100e_per_unit, chip.kw_per_unit, chip.origin, install_age)
        f.fleet.append(tuple.__new__(ChipBatch, batch))  # ChipBatch(...) minus a Python call
        if log is not None:
            log.append(ev.ChipsBought(f.side, chip.id, units, units * chip.h100e_per_unit, cost))
        levy = p[levy_key(chip.id)] * cost
        if levy > 0 and chip.origin != f.side:
            levies[chip.origin] += levy
            if log is not None:
                log.append(ev.LevyPaid(f.side, chip.origin, levy))
    money = max(0.0, money)
    if log is not None and money > 0.01 and (bought_any or offers == []):
        log.append(ev.SupplyCapped(f.side, money))
    return money


def _order_energy(turn: int, f: FactionState, p: dict[str, float], money: float, log: Log) -> float:
    """Grid power first (cheap, capped by connection queues), then off-grid power if any."""
    if money <= 0:
        return 0.0
    routes = (
        (
            p["energy_cost_bn_per_gw"],
            p["energy_build_cap_gw_per_turn"],
            p["energy_build_lag_turns"],
        ),
        (p["offgrid_cost_bn_per_gw"], p["offgrid_build_cap_gw_per_turn"], p["offgrid_lag_turns"]),
    )
    for cost_per_gw, cap_gw, lag_turns in routes:
        gw = min(money / cost_per_gw, cap_gw)
        if gw <= 0:
            continue
        spent = gw * cost_per_gw
        money -= spent
        lag = round(lag_turns)
        if lag <= 0:
            f.energy_gw += gw
        else:
            f.energy_pipeline.append((turn + lag, gw))
        if log is not None:
            log.append(ev.EnergyOrdered(f.side, gw, spent, turn + max(0, lag)))
    if log is not None and money > 0.01:
        log.append(ev.EnergyCapped(f.side, money))
    return max(0.0, money)


def _hire_talent(
    rules: Rules,
    f: FactionState,
    p: dict[str, float],
    money: float,
    rival_talent: float,
    log: Log,
) -> float:
    """Hire with diminishing returns from the researchers still free; return unspent $bn.

    Money beyond what the free pool can absorb hires nobody, so it is carried over.
    """
    reference = rules.constants.get("talent_free_reference")
    money = max(0.0, money)
    hire_share = rules.constants["talent_hire_share_per_turn"]
    usable = min(money, talent_money_absorbed(p, reference, f.talent, rival_talent, hire_share))
    unspent = money - usable
    new = p["talent_per_sqrt_bn"] * math.sqrt(usable) + p["talent_inflow_per_turn"]
    if reference is not None and new > 0:
        free = max(0.0, 100.0 - f.talent - rival_talent)
        new = min(new * min(1.0, free / reference), free * hire_share)
    before = f.talent
    f.talent = (f.talent + new) * (1 - p["talent_attrition_per_turn"])
    f.talent = min(100.0, max(0.0, f.talent))
    if log is not None and money > 0:
        log.append(ev.TalentHired(f.side, f.talent - before, usable))
    if log is not None and unspent > 0.01:
        log.append(ev.TalentCapped(f.side, unspent))
    return unspent


def _improve_algorithms(rules: Rules, f: FactionState, p: dict[str, float]) -> None:
    c = rules.constants
    relative = max(0.0, f.talent) / c["talent_reference"]
    gain = p["algo_log10_per_turn"] * relative ** c["algo_talent_elasticity"]
    gain *= research_speedup(c, f.frontier_log10)
    f.algo_efficiency = min(1e12, f.algo_efficiency * 10**gain)


def _train(
    rules: Rules,
    turn: int,
    f: FactionState,
    p: dict[str, float],
    money: float,
    released: float,
    log: Log,
) -> tuple[float, float]:
    """Train the frontier model on this quarter's reserved compute plus the quarters before
    it (`training_turns`); return the power bill and the models money left unspent ($bn).

    Where the level limits how fast a run may grow, money beyond the strongest run allowed
    this quarter buys nothing and is carried over."""
    h100e, units, kw_on, home_kw, kw = powered_fleet(f.fleet, f.energy_gw, f.side)
    kw_billed = kw_on + home_kw * (p["domestic_chip_power_factor"] - 1.0)
    demand_gw = kw / 1e6
    f.idle_share = 1.0 - kw_on / kw if kw > 0 else 0.0
    if log is not None and f.idle_share > 0.005:
        log.append(ev.ChipsIdle(f.side, f.idle_share, demand_gw - f.energy_gw))
    link = interconnect_efficiency(f.interconnect, p["interconnect_overhead"], units)
    flops = h100e * rules.constants["h100e_tflops"] * 1e12 * link
    f.usable_pflops = flops / 1e15
    strength = run_strength(p, money)
    unspent = 0.0
    limit = strength_limit(p, f.run_strength)
    if strength > limit:
        unspent = max(0.0, money - run_money_for_strength(p, limit))
        strength = limit
        if log is not None:
            log.append(ev.RunCapped(f.side, unspent, limit))
    if p["run_strength_ramp_per_turn"] < 1.0:
        f.run_strength = strength
    share = run_share_for_strength(p, strength, turn)
    quarter_flop = run_flop_this_quarter(rules, flops, share, f.algo_efficiency)
    run = frontier_run_log10(rules, f.run_history, quarter_flop)
    f.run_history = next_run_history(rules, f.run_history, quarter_flop)
    before = f.frontier_log10
    catch_up = 0.0
    if run is not None and run < released:
        catch_up = p["distillation"] * (released - run)
    if run is not None:
        f.frontier_log10 = min(100.0, max(before, run + catch_up))
    if log is not None:
        log.append(
            ev.TrainingRun(
                f.side,
                run,
                catch_up,
                before,
                f.frontier_log10,
                rules.capability(before),
                rules.capability(f.frontier_log10),
            )
        )
    bill = kw_billed * HOURS_PER_QUARTER * p["power_price_usd_per_kwh"] / 1e9
    return bill, unspent


def _depreciate(rules: Rules, f: FactionState, p: dict[str, float], turn: int, log: Log) -> None:
    """Chips fail at a steady rate and retire at the maximum age.

    Batches that cannot reach retirement age before the game ends are merged per chip:
    their age no longer matters, and fewer batches keep every later quarter fast.
    """
    keep = 1 - p["chip_depreciation_per_turn"]
    max_age = rules.constants["chip_max_age_turns"]
    turns_left = rules.turns - turn
    wear = 1 - keep
    settles_at = max_age - turns_left  # from this age on a batch lives to the end
    lost = 0.0
    kept: list[ChipBatch] = []
    settled: dict[str, ChipBatch] = {}
    batch = tuple.__new__  # ChipBatch(...) without the extra Python call: a hot loop
    for chip, units, h100e, kw, origin, age in f.fleet:
        age += 1
        if age <= 0:  # still being installed: nothing runs, nothing wears out
            kept.append(batch(ChipBatch, (chip, units, h100e, kw, origin, age)))
            continue
        if age > max_age:
            lost += units * h100e
            continue
        lost += units * wear * h100e
        units *= keep
        if age <= settles_at:
            twin = settled.get(chip)
            if twin is not None:
                units += twin[1]
                if twin[5] > age:
                    age = twin[5]
            settled[chip] = batch(ChipBatch, (chip, units, h100e, kw, origin, age))
        else:
            kept.append(batch(ChipBatch, (chip, units, h100e, kw, origin, age)))
    kept.extend(settled.values())
    f.fleet = kept
    if log is not None and lost > 0:
        log.append(ev.ChipsRetired(f.side, lost))


def _milestones(rules: Rules, s: GameState, f: FactionState, rival_had: set[str], log: Log) -> None:
    """Record rungs passed; a rung's effects (AI speeding up AI research) apply from now.

    The side that gets there first (the rival had not, and does not pass it higher up in
    the same quarter) also gets the rung's `first_effects`; a dead heat rewards both."""
    rival = s.factions[other(f.side)]
    for m in rules.milestones:
        if f.frontier_log10 >= m.log10 and m.id not in f.milestones:
            f.milestones.append(m.id)
            if log is not None:
                log.append(ev.MilestoneReached(f.side, m.id))
            if m.effects:
                apply_card(rules, s, m.id, list(m.effects), f.side)
            beaten = rival.frontier_log10 >= m.log10 and rival.frontier_log10 > f.frontier_log10
            if m.first_effects and m.id not in rival_had and not beaten:
                apply_card(rules, s, m.id, list(m.first_effects), f.side)


def _adoption(rules: Rules, f: FactionState, p: dict[str, float]) -> None:
    c = rules.constants
    cap = rules.capability(f.frontier_log10)
    x = (cap - c["adoption_capability_midpoint"]) / c["adoption_capability_width"]
    target = p["adoption_max"] / (1 + math.exp(-max(-60.0, min(60.0, x))))
    f.adoption = min(1.0, max(0.0, f.adoption + p["adoption_rate"] * (target - f.adoption)))


def _confidence(rules: Rules, f: FactionState, p: dict[str, float], rival_frontier: float) -> None:
    c = rules.constants
    lead = rules.lag_months(f.frontier_log10 - rival_frontier)
    target = 1 + p["confidence_lead_weight"] * math.tanh(lead / 12)
    f.confidence += p["confidence_reversion"] * (target - f.confidence)
    f.confidence = min(c["confidence_max"], max(c["confidence_min"], f.confidence))


def _next_budget(
    rules: Rules,
    turn: int,
    f: FactionState,
    p: dict[str, float],
    bill: float,
    carry: float,
    levy: float,
    log: Log,
) -> None:
    carry *= rules.constants.get("carry_over_share", 1.0)
    growth = 1 + (p["income_growth"] - 1) * p["income_growth_damping"] ** (turn - 1)
    f.income *= growth
    if log is not None and bill > 0:
        log.append(ev.PowerBill(f.side, bill))
    budget = f.income * (1 + p["adoption_dividend"] * f.adoption) * f.confidence
    f.budget = max(0.0, budget - bill + carry + levy)


def _decide_outcome(rules: Rules, s: GameState, log: Log) -> None:
    threshold = rules.superintelligence_at(s.si_threshold_log10)
    fu, fc = s.factions["usa"].frontier_log10, s.factions["china"].frontier_log10
    winner, reason = None, None
    if fu >= threshold or fc >= threshold:
        if fu >= threshold and fc >= threshold:
            winner = None if fu == fc else ("usa" if fu > fc else "china")
            reason = "margin" if winner else "draw"
        else:
            winner, reason = ("usa" if fu >= threshold else "china"), "superintelligence"
    elif s.turn >= rules.turns:
        winner = None if fu == fc else ("usa" if fu > fc else "china")
        reason = "points" if winner else "draw"
    if reason is not None:
        s.outcome = Outcome(winner, reason, s.turn)
        if log is not None:
            log.append(ev.GameWon(winner, reason, rules.capability(fu), rules.capability(fc)))
