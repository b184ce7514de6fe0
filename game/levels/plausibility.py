"""Mistakes that load silently: valid numbers that almost certainly mean something else.

`op: multiply, value: 70` meant as a 70% cut, rungs out of order, an effect that drives
chip supply below zero, a condition no game can meet, a card changing the market of a chip
that is off sale by then. Each is a located warning the designer can silence with
`suppress:` when it is meant.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from game.levels.diagnostics import Loc, Reporter
from game.levels.model import (
    Chip,
    Condition,
    Constants,
    Effect,
    FactionParams,
    Level,
    Threshold,
    param_range,
    quarter_index,
    quarter_name,
)

PERCENT_LIKE = 10.0
# The range every threshold stock can take; confidence uses the level's own limits.
STOCK_SPANS = {
    "capability": (0.0, 100.0),
    "energy_gw": (0.0, math.inf),
    "talent": (0.0, 100.0),
    "adoption": (0.0, 1.0),
    "chips_h100e": (0.0, math.inf),
    "idle_share": (0.0, 1.0),
}
# Stocks an effect may change once, with the engine's limits (effects.py clamps to them).
STOCK_LIMITS = {"adoption": (0.0, 1.0), "interconnect": (0.0, 1.0), "talent": (0.0, 100.0)}


def check_plausibility(level: Level, report: Reporter) -> None:
    """Warnings for values that load but almost certainly play differently than meant."""
    for loc, effect, when in _effects(level):
        _percent_as_factor(effect, loc, report)
        _effect_clamped(level, effect, loc, report)
        _off_sale(level, effect, when, loc, report)
        if loc[0] == "ladder" and effect.turns == 1:
            report.add(
                (*loc, "turns"),
                "never-holds",
                "a milestone's effect starts in the quarter after the rung, so `turns: 1` "
                "ends before it ever acts",
                severity="warning",
                hint="write `turns: 2` for one quarter in force, or leave `turns` out",
            )
    _milestone_order(level, report)
    for loc, cond, card in _conditions(level):
        _never_holds(level, cond, card, loc, report)


def _effects(level: Level) -> Iterator[tuple[Loc, Effect, tuple[int | None, int | None]]]:
    """Every effect with its path and the quarters (as indices) its card can act in."""
    for i, p in enumerate(level.policies):
        window = _window(p.requires)
        for j, e in enumerate(p.effects):
            yield ("policies", i, "effects", j), e, window
    for i, ev in enumerate(level.events):
        at = quarter_index(ev.at) if ev.at else None
        window = (at, at) if at is not None else _window(ev.when)
        for j, e in enumerate(ev.effects):
            yield ("events", i, "effects", j), e, window
    for i, m in enumerate(level.ladder.milestones):
        for j, e in enumerate(m.effects):
            yield ("ladder", "milestones", i, "effects", j), e, (None, None)
        for j, e in enumerate(m.first_effects):
            yield ("ladder", "milestones", i, "first_effects", j), e, (None, None)


def _window(cond: Condition) -> tuple[int | None, int | None]:
    first = quarter_index(cond.from_quarter) if cond.from_quarter else None
    last = quarter_index(cond.until_quarter) if cond.until_quarter else None
    return first, last


def _percent_as_factor(effect: Effect, loc: Loc, report: Reporter) -> None:
    if effect.op != "multiply" or abs(effect.value) < PERCENT_LIKE:
        return
    v = effect.value
    report.add(
        (*loc, "value"),
        "percent-as-factor",
        f"'{effect.target}' is multiplied by {v:g}, a {v:g}-fold change: if {v:g} is a "
        "percentage, write it as a factor",
        severity="warning",
        hint=f"a {v:g}% cut is `value: {1 - v / 100:.2g}`, a {v:g}% rise `value: {1 + v / 100:.3g}`"
        if v < 100
        else "a factor of 2 doubles, 0.5 halves",
    )


def _effect_clamped(level: Level, effect: Effect, loc: Loc, report: Reporter) -> None:
    """A `set` or `add` that leaves the range the engine clamps the number into."""
    lo, hi = _limits(level, effect.target)
    if effect.op == "multiply" and effect.value < 0 and lo >= 0:
        message = f"multiplying '{effect.target}' by {effect.value:g} makes it negative"
    elif effect.op == "set" and not lo <= effect.value <= hi:
        message = f"'{effect.target}' is set to {effect.value:g}, outside its range {_span(lo, hi)}"
    elif effect.op == "add" and _base(level, effect.target) + effect.value < lo:
        message = (
            f"adding {effect.value:g} takes '{effect.target}' below {lo:g} (it starts at "
            f"{_base(level, effect.target):.4g})"
        )
    elif effect.op == "add" and effect.target in STOCK_LIMITS and abs(effect.value) > hi - lo:
        message = (
            f"adding {effect.value:g} to '{effect.target}' overshoots its range {_span(lo, hi)}"
        )
    else:
        return
    report.add(
        (*loc, "value"),
        "effect-clamped",
        f"{message}; the engine stops it at the limit",
        severity="warning",
        hint="to stop sales write `op: set, value: 0`; a share is written 0–1"
        if effect.target.endswith(".supply")
        else f"keep the result within {_span(lo, hi)}",
    )


def _limits(level: Level, target: str) -> tuple[float, float]:
    if target.startswith("chips."):
        return (0.0, 1.0) if target.endswith(".levy") else (0.0, math.inf)
    if target in STOCK_LIMITS:
        return STOCK_LIMITS[target]
    if target in FactionParams.model_fields:
        found = param_range(FactionParams, target)
        return (found.lo, found.hi) if found else (-math.inf, math.inf)
    if target == "confidence":
        c: Constants = level.constants
        return c.confidence_min.value, c.confidence_max.value
    return (0.0, math.inf) if target in ("budget", "income", "energy_gw") else (-math.inf, math.inf)


def _base(level: Level, target: str) -> float:
    """The smallest value `target` has at the start on either side (for an `add`)."""
    parts = target.split(".")
    if parts[0] == "chips":
        chip = next((c for c in level.chips if c.id == parts[1]), None)
        if chip is None or parts[2] != "supply":
            return math.inf
        return min((s.units_per_turn.value for s in chip.supply.values()), default=0.0)
    values = []
    for faction in level.factions.values():
        for group in (faction.start, faction.params):
            field = getattr(group, target, None)
            if field is not None and hasattr(field, "value"):
                values.append(field.value)
    return min(values) if values else math.inf


def _span(lo: float, hi: float) -> str:
    return f"{lo:g} to {hi:g}" if math.isfinite(hi) else f"{lo:g} or more"


def _off_sale(
    level: Level, effect: Effect, when: tuple[int | None, int | None], loc: Loc, report: Reporter
) -> None:
    parts = effect.target.split(".")
    if parts[0] != "chips" or parts[2] == "levy":
        return
    chip = next((c for c in level.chips if c.id == parts[1]), None)
    if chip is None:
        return
    first, last = _on_sale(level, chip)
    game_end = quarter_index(level.calendar.start) + level.calendar.turns - 1
    acts_from = when[0] if when[0] is not None else quarter_index(level.calendar.start)
    latest_start = when[1] if when[1] is not None else game_end
    acts_until = latest_start + effect.turns - 1 if effect.turns is not None else game_end
    after = acts_from > last
    before = acts_until < first
    if not (after or before):
        return
    gone = (
        f"off sale from {quarter_name(last + 1)}"
        if after
        else f"on sale only from {quarter_name(first)}"
    )
    result = (
        "multiplying its supply changes nothing"
        if effect.op == "multiply"
        else "this puts it on sale again"
        if parts[2] == "supply"
        else "nobody can buy it at that price"
    )
    report.add(
        (*loc, "target"),
        "off-sale-effect",
        f"chip '{chip.id}' is {gone}, but this card acts from {quarter_name(acts_from)}: {result}",
        severity="warning",
        hint="check the chip's available_from/available_until, or target the chip that is on sale",
    )


def _on_sale(level: Level, chip: Chip) -> tuple[int, int]:
    first = quarter_index(level.calendar.start)
    end = first + level.calendar.turns - 1
    lo = quarter_index(chip.available_from) if chip.available_from else first
    hi = quarter_index(chip.available_until) if chip.available_until else end
    return lo, hi


def _milestone_order(level: Level, report: Reporter) -> None:
    rungs = level.ladder.milestones
    for i in range(1, len(rungs)):
        if rungs[i].log10 <= rungs[i - 1].log10:
            report.add(
                ("ladder", "milestones", i, "log10"),
                "milestone-order",
                f"milestone '{rungs[i].id}' ({rungs[i].log10:g}) is not above the one before it, "
                f"'{rungs[i - 1].id}' ({rungs[i - 1].log10:g}): the ladder lists rungs from "
                "the bottom up",
                severity="warning",
                hint="sort the milestones by log10, lowest first",
            )


def _conditions(level: Level) -> Iterator[tuple[Loc, Condition, object]]:
    for i, p in enumerate(level.policies):
        yield ("policies", i, "requires"), p.requires, p
    for i, ev in enumerate(level.events):
        yield ("events", i, "when"), ev.when, ev


def _never_holds(level: Level, cond: Condition, card: object, loc: Loc, report: Reporter) -> None:
    def warn(where: Loc, why: str, hint: str) -> None:
        report.add(
            (*loc, *where),
            "never-holds",
            f"'{card.id}' can never {verb}: {why}",  # type: ignore[attr-defined]
            severity="warning",
            hint=hint,
        )

    verb = "fire" if hasattr(card, "probability") else "be played"
    first, last = _window(cond)
    if first is not None and last is not None and first > last:
        warn(
            ("until_quarter",),
            f"until_quarter {cond.until_quarter} is before from_quarter {cond.from_quarter}",
            "swap the two quarters",
        )
    at = getattr(card, "at", None)
    lo, hi = first if first is not None else -1, last if last is not None else 10**6
    if at is not None and not lo <= quarter_index(at) <= hi:
        warn(
            ("from_quarter",) if first else ("until_quarter",),
            f"it is scripted for {at}, outside its own from/until window",
            "move `at` into the window",
        )
    for field, other in (("played", "not_played"), ("fired", "not_fired")):
        both = sorted(set(getattr(cond, field)) & set(getattr(cond, other)))
        if both:
            warn(
                (other,),
                f"'{both[0]}' must both have and not have been {field}",
                f"remove it from `{other}`",
            )
    if getattr(card, "once", False) and card.id in cond.fired and hasattr(card, "probability"):  # type: ignore[attr-defined]
        warn(
            ("fired",),
            "it waits for itself to have fired, and fires only once",
            "remove its own id from `fired`",
        )
    for k, threshold in enumerate(cond.thresholds):
        why = _impossible(level, threshold)
        if why:
            warn(("thresholds", k), why, "check the bound against the stock's range")


def _impossible(level: Level, t: Threshold) -> str | None:
    if t.stock == "confidence":
        lo, hi = level.constants.confidence_min.value, level.constants.confidence_max.value
    else:
        lo, hi = STOCK_SPANS[t.stock]
    if t.above is not None and t.below is not None and t.above >= t.below:
        return f"{t.stock} cannot be above {t.above:g} and below {t.below:g} at once"
    if t.above is not None and t.above >= hi:
        return f"{t.stock} is never above {t.above:g} (it goes up to {hi:g})"
    if t.below is not None and t.below <= lo:
        return f"{t.stock} is never below {t.below:g} (it goes down to {lo:g})"
    return None
