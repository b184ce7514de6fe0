"""How good a state is for one side: the yardstick of `normal`'s one-quarter lookahead.

A quarter's spending rarely shows in the frontier at once (chips, power and talent pay
off later), so the value blends the frontier with the run the side could train a few
quarters on (`potential_log10`) and a little for money in hand; the rival's value counts
against it (weighted by the level's `rival` style).
"""

from __future__ import annotations

import math

from game.ai.features import outlook, potential_log10
from game.engine import GameState, Rules, other

HORIZON = 24


def side_value(rules: Rules, state: GameState, side: str) -> float:
    """Roughly the frontier this side will end the game with if it keeps its course."""
    f = state.factions[side]
    horizon = max(1, min(HORIZON, rules.turns - state.turn + 1))
    o = outlook(rules, state, side)
    # Chips the side will keep buying (the same for every candidate): a share of the market.
    per_turn_bn = min(o.chip_capacity_bn, 0.5 * o.budget)
    more_h100e = per_turn_bn * o.h100e_per_bn * (horizon - 1)
    more_gw = per_turn_bn * o.kw_per_bn / 1e6 * (horizon - 1)
    potential = potential_log10(rules, state, side, horizon, more_h100e, more_gw)
    return max(f.frontier_log10, potential) + 0.05 * math.log10(max(1.0, f.budget))


def state_value(rules: Rules, state: GameState, side: str, rival_weight: float = 1.0) -> float:
    """Higher is better for `side`; a finished game is worth its result, plus the margin."""
    if state.outcome is not None:
        winner = state.outcome.winner
        result = 0.0 if winner is None else (100.0 if winner == side else -100.0)
        f = state.factions
        return result + f[side].frontier_log10 - f[other(side)].frontier_log10
    return side_value(rules, state, side) - rival_weight * side_value(rules, state, other(side))
