"""Building turn 1 from a level and a seed."""

from __future__ import annotations

from game.engine.rng import seed_state, uniform
from game.engine.rules import Rules
from game.engine.state import ChipBatch, FactionState, GameState
from game.levels.model import SIDES


def new_game(rules: Rules, seed: int) -> GameState:
    """The state at the start of turn 1: every stock as the level sets it."""
    factions = {}
    for side in SIDES:
        start = rules.level.factions[side].start  # type: ignore[index]  # SIDES are the level's Side keys
        params = rules.params[side]
        fleet = []
        for batch in start.fleet:
            chip = rules.chip_by_id[batch.chip]
            fleet.append(
                ChipBatch(
                    chip.id,
                    batch.units.value,
                    chip.h100e_per_unit,
                    chip.kw_per_unit,
                    chip.origin,
                    batch.age_turns,
                )
            )
        income = start.income_bn.value
        adoption = start.adoption.value
        confidence = start.confidence.value
        factions[side] = FactionState(
            side=side,
            budget=income * (1 + params["adoption_dividend"] * adoption) * confidence,
            income=income,
            fleet=fleet,
            interconnect=start.interconnect.value,
            run_strength=(
                start.run_strength.value
                if start.run_strength is not None and params["run_strength_ramp_per_turn"] < 1
                else 0.0
            ),
            energy_gw=start.energy_gw.value,
            energy_pipeline=[],
            talent=start.talent.value,
            algo_efficiency=start.algo_efficiency.value,
            frontier_log10=start.frontier_log10.value,
            adoption=adoption,
            confidence=confidence,
            # Rungs already below the starting frontier are history, not news.
            milestones=[m.id for m in rules.milestones if start.frontier_log10.value >= m.log10],
        )
    return GameState(
        level_id=rules.level_id,
        seed=seed,
        turn=1,
        rng_state=seed_state(seed),
        factions=factions,
        si_threshold_log10=hidden_threshold(rules, seed),
    )


def hidden_threshold(rules: Rules, seed: int) -> float | None:
    """This game's real superintelligence threshold, drawn from its own stream of the seed
    (so the event dice are the same as in a level without the band)."""
    band = rules.superintelligence_band_log10
    if band <= 0:
        return None
    _, u = uniform(seed_state(seed ^ 0x5EC12E7))
    return rules.superintelligence_log10 - band * u
