"""What an AI reads off a state before deciding: chip market, power balance, run payoff.

Every figure is computed from the side's own view (the state with the dice hidden) and
the level's rules, exactly what a human sees on screen. No engine internals are peeked at.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import GameState, Rules
from game.engine.effects import effective_params


@dataclass(frozen=True, slots=True)
class Outlook:
    """One side's situation this quarter, in the numbers the heuristics steer by."""

    budget: float
    turns_left: int  # including this one
    chip_capacity_bn: float  # what the chip market will sell this quarter
    kw_per_bn: float  # power drawn per $bn of chips at the current offers
    h100e_per_bn: float
    power_gap_now_gw: float  # fleet demand minus power this quarter (>0: idle chips)
    power_free_later_gw: float  # spare power when energy ordered now would arrive
    energy_lag: int
    energy_cost_bn_per_gw: float
    energy_cap_gw: float
    models_scale_bn: float
    idle_share: float


def outlook(rules: Rules, state: GameState, side: str, params: dict | None = None) -> Outlook:
    params = params or effective_params(rules, state, side)
    me = state.factions[side]
    turn = state.turn
    capacity = 0.0
    offers = []
    for chip in rules.chips:
        supply = params[f"chips.{chip.id}.supply"]
        price = params[f"chips.{chip.id}.price"]
        if supply >= 1 and price > 0:
            capacity += supply * price / 1e6
            offers.append((price / chip.h100e_per_unit, chip.id, chip, price))
    offers.sort(key=lambda o: (o[0], o[1]))
    if offers:
        chip, price = offers[0][2], offers[0][3]
        kw_per_bn = chip.kw_per_unit * 1e6 / price
        h100e_per_bn = chip.h100e_per_unit * 1e6 / price
    else:
        kw_per_bn = h100e_per_bn = 0.0
    lag = max(0, round(params["energy_build_lag_turns"]))
    baseline = params["energy_baseline_gw_per_turn"]
    arriving_now = sum(gw for t, gw in me.energy_pipeline if t <= turn)
    power_now = me.energy_gw + arriving_now + baseline
    demand = me.fleet_power_gw
    keep = (1 - params["chip_depreciation_per_turn"]) ** lag
    power_later = me.energy_gw + me.energy_pipeline_gw + baseline * (lag + 1)
    return Outlook(
        budget=max(0.0, me.budget),
        turns_left=rules.turns - turn + 1,
        chip_capacity_bn=capacity,
        kw_per_bn=kw_per_bn,
        h100e_per_bn=h100e_per_bn,
        power_gap_now_gw=demand - power_now,
        power_free_later_gw=power_later - demand * keep,
        energy_lag=lag,
        energy_cost_bn_per_gw=params["energy_cost_bn_per_gw"],
        energy_cap_gw=params["energy_build_cap_gw_per_turn"],
        models_scale_bn=params["models_scale_bn"],
        idle_share=max(0.0, min(1.0, me.idle_share)),
    )
