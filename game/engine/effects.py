"""Applying cards' effects: one-shot changes to stocks, lasting changes to parameters."""

from __future__ import annotations

import math

from game.engine.market import Offer, chip_offers
from game.engine.rules import STOCKS, Params, Rules, effect_sides
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


def effective_params(rules: Rules, state: GameState, side: str) -> Params:
    """The side's parameters this quarter: level values changed by effects in force.

    The result is shared and read-only: the same quarter under the same effects gives the
    same object, so the AI's many questions about one quarter cost one computation. The
    key is (side, turn, the side's effects in order): parameters that come to depend on
    anything else in the state must add it to the key. The effects are looked up by their
    `change_id`s first (cheap to hash), then by the changes themselves (`params_with`).
    """
    effects = state.effects
    key = (side, state.turn, tuple([e.change_id for e in effects if e.side == side]))
    memo = rules.derived("effective_params.by_id")
    params = memo.get(key)
    if params is None:
        changes = tuple([e.change for e in effects if e.side == side])
        params = params_with(rules, side, state.turn, changes)
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[key] = params
    return params


def params_with(
    rules: Rules, side: str, turn: int, changes: tuple[tuple[str, str, float], ...]
) -> Params:
    """The side's parameters in `turn` under these (target, op, value) changes, in order;
    shared and read-only like `effective_params` (which asks this for the state's cards)."""
    if not changes:
        return rules.base_params(side, turn)
    memo = rules.derived("effective_params")
    key = (side, turn, changes)
    params = memo.get(key)
    if params is None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        params = memo[key] = _with_changes(rules, side, turn, changes)
    return params


# Distinct (side, quarter, effects) kept, ~2 KB each: a normal-vs-normal game meets ~1,300,
# most of them within one decision, so forgetting them all now and then costs little.
_MEMO_LIMIT = 4096


def _with_changes(
    rules: Rules, side: str, turn: int, changes: tuple[tuple[str, str, float], ...]
) -> Params:
    base = rules.base_params(side, turn)
    params = Params(base)
    put = dict.__setitem__  # still being built: nobody else holds these parameters yet
    touched = set()
    for target, op, value in changes:
        if target in params:
            put(params, target, combine(op, params[target], value))
            touched.add(target)
    market_changed = False
    for name in touched:
        lo, hi = rules.param_ranges.get(name, (0.0, 1.0 if name.endswith(".levy") else math.inf))
        put(params, name, min(hi, max(lo, params[name])))
        market_changed = market_changed or name.startswith("chips.")
    if not market_changed and type(base) is Params:
        # The same chips at the same prices and supply: the level's market for the quarter.
        params.offers = _base_offers(rules, base)
    return params


def _base_offers(rules: Rules, base: Params) -> tuple[Offer, ...] | None:
    if base.offers is None:
        chip_offers(rules, base)
    return base.offers
