"""The model's quantities as named functions: the one place each formula lives.

`resolve` computes the quarter with them, and the turn screen and the AI planners show and
plan with the same functions, so a change to the model cannot make what the screen says,
what the AI plans and what the engine does drift apart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from game.engine.rules import SECONDS_PER_QUARTER, Rules
from game.engine.state import ChipBatch, FactionState


def interconnect_efficiency(interconnect: float, overhead: float, chip_units: float) -> float:
    """Share of the fleet's FLOP/s that networking lets one run use.

    A swarm of many weak chips loses more to networking unless its interconnect is good.
    """
    return interconnect / (1 + overhead * math.log2(1 + max(0.0, chip_units) / 1e6))


def run_strength(params: dict[str, float], models_money_bn: float) -> float:
    """How much of its largest possible slice of the fleet the run gets (0-1), saturating."""
    return 1 - math.exp(-max(0.0, models_money_bn) / params["models_scale_bn"])


def run_money_for_strength(params: dict[str, float], strength: float) -> float:
    """$bn that buys a run of `strength` (the inverse of `run_strength`)."""
    strength = min(0.999, max(0.0, strength))
    return params["models_scale_bn"] * -math.log(1.0 - strength)


def strength_limit(params: dict[str, float], last_strength: float) -> float:
    """The strongest run possible this quarter, given last quarter's (the ramp)."""
    ramp = params["run_strength_ramp_per_turn"]
    return 1.0 if ramp >= 1.0 else min(1.0, last_strength + ramp)


def run_share_for_strength(params: dict[str, float], strength: float, turn: int) -> float:
    """Share of the fleet a run of `strength` reserves in quarter `turn`."""
    ceiling = params["run_share_max"] * params["run_share_growth_per_turn"] ** (turn - 1)
    return min(1.0, ceiling) * strength


def run_share(params: dict[str, float], models_money_bn: float, turn: int) -> float:
    """Share of the fleet reserved for the frontier run for `models_money_bn` this quarter.

    Saturating in money; the ceiling grows as frontier clusters concentrate.
    """
    return run_share_for_strength(params, run_strength(params, models_money_bn), turn)


def powered_fleet(
    fleet: Iterable[ChipBatch], energy_gw: float, home: str = ""
) -> tuple[float, float, float, float, float]:
    """H100e, units, kW and kW of `home`-made chips among the installed chips that get
    power, and the kW all installed chips would draw.

    Short of power, the most efficient chips (H100e per kW) run and the oldest, least
    efficient ones stand dark: an operator unplugs its old Hoppers, not a slice of every
    cluster. So a new chip generation adds compute even where the grid is full.
    """
    running = [b for b in fleet if b.age >= 0]
    budget_kw = max(0.0, energy_gw) * 1e6
    demand_kw = sum([b.units * b.kw_per_unit for b in running])
    if demand_kw > budget_kw:
        running.sort(key=lambda b: -b.h100e_per_unit / b.kw_per_unit)
    h100e = units = kw = home_kw = 0.0
    for _, n, h100e_per_unit, kw_per_unit, origin, _ in running:  # unpacked: a hot loop
        need = n * kw_per_unit
        if need <= 0:
            continue
        on = 1.0 if need <= budget_kw else max(0.0, budget_kw) / need
        if on <= 0:
            break
        budget_kw -= need * on
        h100e += n * on * h100e_per_unit
        units += n * on
        kw += need * on
        if origin == home:
            home_kw += need * on
    return h100e, units, kw, home_kw, demand_kw


def usable_flops(
    rules: Rules, f: FactionState, params: dict[str, float], energy_gw: float
) -> float:
    """FLOP/s the side's installed, powered, networked fleet delivers."""
    h100e, units, _, _, _ = powered_fleet(f.fleet, energy_gw)
    link = interconnect_efficiency(f.interconnect, params["interconnect_overhead"], units)
    return h100e * rules.constants["h100e_tflops"] * 1e12 * link


def run_flop_this_quarter(
    rules: Rules, flops: float, share: float, algo_efficiency: float
) -> float:
    """Effective FLOP one quarter adds to the frontier run (physical FLOP × algorithms)."""
    return (
        flops
        * SECONDS_PER_QUARTER
        * rules.constants["model_flop_utilisation"]
        * share
        * algo_efficiency
    )


def frontier_run_log10(rules: Rules, history: list[float], this_quarter: float) -> float | None:
    """log10 effective FLOP of the model finishing training now: the last quarters added up."""
    keep = max(0, round(rules.constants["training_turns"]) - 1)
    total = this_quarter + sum(history[-keep:] if keep else [])
    return math.log10(total) if total > 1 else None


def next_run_history(rules: Rules, history: list[float], this_quarter: float) -> list[float]:
    keep = max(0, round(rules.constants["training_turns"]) - 1)
    return [*history, this_quarter][-keep:] if keep else []


def released_frontier(history: list[float], now: float, lag_turns: float) -> float:
    """The rival's frontier `lag_turns` quarters ago: what a follower can distil from.

    `history` holds the rival's frontier at the start of earlier quarters (newest last);
    before the game the rival is taken to have stood where it started.
    """
    lag = round(lag_turns)
    if lag <= 0:
        return now
    seen = [*history, now]
    return seen[-lag - 1] if len(seen) > lag else seen[0]


def frontier_history_kept(rules: Rules) -> int:
    """How many past frontiers each side keeps: the longest distillation delay in the level
    (worked out once per level: every quarter of every lookahead asks)."""
    memo = rules.derived("formulas.history_kept")
    found = memo.get("kept")
    if found is None:
        lags = [round(rules.params[side]["distillation_lag_turns"]) for side in rules.params]
        found = memo["kept"] = max(lags)
    return found


def time_shift_months(rules: Rules, history: list[dict[str, float]], index: int) -> float:
    """Epoch's lag: months since the leader first stood where the follower stands now.

    `history[i]` holds both frontiers (log10) after `i` quarters. Within a quarter the
    leader is taken to climb steadily; before the game starts, at the rules' reference pace.
    The debrief's gap and the depth report's fidelity check both read this one measure.
    """
    now = history[index]
    leader = max(now, key=lambda side: now[side])
    follower_level = min(now.values())
    if history[0][leader] >= follower_level:
        return index * 3 + rules.lag_months(history[0][leader] - follower_level)
    for i in range(1, index + 1):
        before, after = history[i - 1][leader], history[i][leader]
        if after >= follower_level:
            within = (follower_level - before) / (after - before) if after > before else 1.0
            return (index - (i - 1) - within) * 3
    return 0.0


def lag_months(rules: Rules, log10_gap: float) -> float:
    """A frontier gap in log10 FLOP expressed as months of the reference pace."""
    return rules.lag_months(log10_gap)


def talent_money_absorbed(
    params: dict[str, float],
    free_reference: float | None,
    talent: float,
    rival_talent: float,
    hire_share: float = 0.5,
) -> float:
    """The most talent money ($bn) that still hires someone this quarter; more is carried over.

    Hiring follows k·√money, limited by the researchers still free: past that, money buys
    nobody, so it is not spent.
    """
    k = params["talent_per_sqrt_bn"]
    if k <= 0:
        return 0.0
    if free_reference is None:
        return math.inf
    free = max(0.0, 100.0 - talent - rival_talent)
    scale = min(1.0, free / free_reference)
    if scale <= 0:
        return 0.0
    cap = free * hire_share
    root = (cap / scale - params["talent_inflow_per_turn"]) / k
    return max(0.0, root) ** 2


def research_speedup(constants: dict[str, float], frontier_log10: float) -> float:
    """Factor on a side's algorithmic progress from its own models doing research: the
    stronger the frontier, the faster the next one comes, so a lead compounds."""
    per = constants.get("self_improvement_per_log10", 0.0)
    if not per:
        return 1.0
    return 1.0 + per * max(0.0, frontier_log10 - constants["self_improvement_from_log10"])
