"""Applying cards' effects: one-shot changes to stocks, lasting changes to parameters."""

from __future__ import annotations

import math

from game.engine.rules import STOCKS, Rules, effect_sides
from game.engine.state import ActiveEffect, FactionState, GameState
from game.levels.model import Effect

_STOCK_BOUNDS = {
    "adoption": (0.0, 1.0),
    "interconnect": (0.0, 1.0),
    "talent": (0.0, 100.0),
    "algo_efficiency": (1e-6, 1e12),
}


def combine(op: str, current: float, value: float) -> float:
    if op == "add":
        return current + value
    if op == "multiply":
        return current * value
    return value


def apply_card(
    rules: Rules, state: GameState, card_id: str, effects: list[Effect], acting: str | None
) -> None:
    """Apply a card now: stocks change once, parameters get an `ActiveEffect`."""
    for effect in effects:
        for side in effect_sides(effect, acting):
            if effect.target in STOCKS:
                _apply_stock(rules, state.factions[side], effect.target, effect.op, effect.value)
            else:
                last = None if effect.turns is None else state.turn + effect.turns - 1
                state.effects.append(
                    ActiveEffect(card_id, side, effect.target, effect.op, effect.value, last)
                )


def _apply_stock(rules: Rules, faction: FactionState, stock: str, op: str, value: float) -> None:
    new = combine(op, getattr(faction, stock), value)
    if stock == "confidence":
        lo, hi = rules.constants["confidence_min"], rules.constants["confidence_max"]
    else:
        lo, hi = _STOCK_BOUNDS.get(stock, (0.0, math.inf))
    if stock == "frontier_log10":
        lo, hi = 0.0, 100.0
    setattr(faction, stock, min(hi, max(lo, new)))


def expire(state: GameState) -> None:
    """Drop parameter effects whose time is up (called once the quarter is resolved)."""
    state.effects = [e for e in state.effects if e.last_turn is None or e.last_turn > state.turn]


def effective_params(rules: Rules, state: GameState, side: str) -> dict[str, float]:
    """The side's parameters this quarter: level values changed by effects in force."""
    params = dict(rules.base_params(side, state.turn))
    touched = set()
    for e in state.effects:
        if e.side == side and e.target in params:
            params[e.target] = combine(e.op, params[e.target], e.value)
            touched.add(e.target)
    for name in touched:
        lo, hi = rules.param_ranges.get(name, (0.0, 1.0 if name.endswith(".levy") else math.inf))
        params[name] = min(hi, max(lo, params[name]))
    return params
