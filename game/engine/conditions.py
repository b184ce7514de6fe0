"""Whether a card's condition holds now; the first unmet part is returned as a reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.levels.model import Condition, quarter_index

if TYPE_CHECKING:
    from game.engine.orders import Reason
    from game.engine.rules import Rules
    from game.engine.state import GameState


_ALWAYS = Condition()


def threshold_value(rules: Rules, state: GameState, side: str, stock: str) -> float:
    f = state.factions[side]
    if stock == "capability":
        return rules.capability(f.frontier_log10)
    if stock == "chips_h100e":
        return f.fleet_h100e
    return getattr(f, stock)  # type: ignore[no-any-return]  # every stock is a float


def unmet_condition(rules: Rules, state: GameState, cond: Condition) -> Reason | None:
    """The first part of `cond` that does not hold, as a `Reason`; None when all hold."""
    compiled = _compiled(rules, cond)
    if compiled is None:
        return None
    first, last, played_ids, not_played_ids, fired_ids, not_fired_ids, thresholds = compiled
    now = rules.start_quarter + state.turn - 1
    if first is not None and now < first:
        return _reason("not_before", {"quarter": cond.from_quarter})
    if last is not None and now > last:
        return _reason("not_after", {"quarter": cond.until_quarter})
    if played_ids or not_played_ids:
        played = {p for f in state.factions.values() for p in f.policies_played}
        for pid in played_ids:
            if pid not in played:
                return _reason("needs_policy", {"policy": pid})
        for pid in not_played_ids:
            if pid in played:
                return _reason("excluded_by_policy", {"policy": pid})
    fired = state.fired
    for eid in fired_ids:
        if eid not in fired:
            return _reason("needs_event", {"event": eid})
    for eid in not_fired_ids:
        if eid in fired:
            return _reason("excluded_by_event", {"event": eid})
    for t in thresholds:
        value = threshold_value(rules, state, t.side, t.stock)
        if t.above is not None and not value > t.above:
            return _reason("needs_above", {"side": t.side, "stock": t.stock, "value": t.above})
        if t.below is not None and not value < t.below:
            return _reason("needs_below", {"side": t.side, "stock": t.stock, "value": t.below})
    return None


def _reason(code: str, params: dict[str, Any]) -> Reason:
    from game.engine.orders import Reason

    return Reason(code, params)


def condition_parts(rules: Rules, cond: Condition) -> tuple[Any, ...] | None:
    """(first quarter, last quarter, played, not played, fired, not fired, thresholds) as
    the engine checks them, quarters as indices; None when the condition always holds."""
    return _compiled(rules, cond)


def _compiled(rules: Rules, cond: Condition) -> tuple[Any, ...] | None:
    """The condition with its quarters parsed, worked out once per level (None: always holds).

    Kept by identity with the condition itself, so the key can never name another object.
    """
    memo = rules._memo.get("conditions") or rules.derived("conditions")
    entry = memo.get(id(cond))
    if entry is None or entry[0] is not cond:
        compiled = None
        if cond != _ALWAYS:
            compiled = (
                None if cond.from_quarter is None else quarter_index(cond.from_quarter),
                None if cond.until_quarter is None else quarter_index(cond.until_quarter),
                tuple(cond.played),
                tuple(cond.not_played),
                tuple(cond.fired),
                tuple(cond.not_fired),
                tuple(cond.thresholds),
            )
        entry = memo[id(cond)] = (cond, compiled)
    return entry[1]
