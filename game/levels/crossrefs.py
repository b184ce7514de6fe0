"""Checks that need the whole level: ids that must exist, ranges that depend on other fields.

Pydantic checks each value on its own; a card naming a chip that does not exist, or an
event scripted after the last turn, only shows when the level is seen as a whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from game.levels.diagnostics import Loc, Reporter, did_you_mean
from game.levels.model import (
    CHIP_KNOBS,
    PARAMS,
    SCHEMA_VERSION,
    STOCKS,
    Condition,
    Effect,
    Level,
    Param,
    quarter_index,
    quarter_name,
)


def check_schema_version(data: dict[str, Any], report: Reporter) -> bool:
    """Report a newer or older `schema_version`; False when the file cannot be read at all."""
    version = data.get("schema_version")
    if isinstance(version, float) and version.is_integer():
        version = int(version)
    if not isinstance(version, int) or isinstance(version, bool):
        return True
    if version > SCHEMA_VERSION:
        report.add(
            ("schema_version",),
            "newer-schema",
            f"this level needs a newer version of the game (it is written for level format "
            f"{version}; this game reads format {SCHEMA_VERSION})",
            hint="update the game, or open the level in the version it was made for",
        )
        return False
    if version < SCHEMA_VERSION:
        report.add(
            ("schema_version",),
            "older-schema",
            f"this level is written for the older level format {version} "
            f"(the current one is {SCHEMA_VERSION})",
            severity="warning",
            hint=f"check it still plays as intended and set schema_version: {SCHEMA_VERSION}",
        )
    return True


def check_crossrefs(level: Level, report: Reporter) -> None:
    """Collect every cross-reference problem of a validated level into `report`."""
    _unique_ids(level, report)
    _sources(level, report)
    _fleets(level, report)
    _cards(level, report)
    _milestone_effects(level, report)
    _ladder(level, report)
    _calendar(level, report)


def _unique_ids(level: Level, report: Reporter) -> None:
    groups: dict[str, Sequence[tuple[Loc, str]]] = {
        "chip": [(("chips", i), c.id) for i, c in enumerate(level.chips)],
        "card": [(("policies", i), c.id) for i, c in enumerate(level.policies)]
        + [(("events", i), c.id) for i, c in enumerate(level.events)],
        "milestone": [
            (("ladder", "milestones", i), m.id) for i, m in enumerate(level.ladder.milestones)
        ],
    }
    for kind, entries in groups.items():
        first: dict[str, Loc] = {}
        for loc, ident in entries:
            if ident in first:
                line = report.line_of((*first[ident], "id"))
                report.add(
                    (*loc, "id"),
                    "duplicate-id",
                    f"the {kind} id '{ident}' is already used (line {line})",
                )
            else:
                first[ident] = loc


def _params(node: object, loc: Loc) -> Iterator[tuple[Loc, Param]]:
    """Every `Param` in the level with its path, so each `source:` can be checked."""
    if isinstance(node, Param):
        yield loc, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _params(getattr(node, name), (*loc, name))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _params(item, (*loc, i))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from _params(item, (*loc, key))


def params_in(level: Level) -> Iterator[tuple[Loc, Param]]:
    """Every `Param` of a level with its dotted path."""
    return _params(level, ())


def _sources(level: Level, report: Reporter) -> None:
    cited: list[tuple[Loc, str]] = [
        ((*loc, "source"), p.source) for loc, p in _params(level, ()) if p.source is not None
    ]
    for kind in ("policies", "events", "timeline"):
        cited += [((kind, i, "source"), c.source) for i, c in enumerate(getattr(level, kind))]
    cited += [
        (("ladder", "milestones", i, "source"), m.source)
        for i, m in enumerate(level.ladder.milestones)
        if m.source is not None
    ]
    for loc, source in cited:
        if source not in level.sources:
            hint = did_you_mean(source, level.sources) or "add it under `sources`"
            report.add(loc, "unknown-reference", f"unknown source '{source}'", hint=hint)


def _fleets(level: Level, report: Reporter) -> None:
    chips = [c.id for c in level.chips]
    for side, faction in level.factions.items():
        for i, batch in enumerate(faction.start.fleet):
            if batch.chip not in chips:
                report.add(
                    ("factions", side, "start", "fleet", i, "chip"),
                    "unknown-reference",
                    f"unknown chip '{batch.chip}'",
                    hint=did_you_mean(batch.chip, chips) or "chips are listed under `chips`",
                )


def _cards(level: Level, report: Reporter) -> None:
    policies = [p.id for p in level.policies]
    events = [e.id for e in level.events]
    chips = [c.id for c in level.chips]
    for i, policy in enumerate(level.policies):
        for j, effect in enumerate(policy.effects):
            _effect(effect, ("policies", i, "effects", j), False, chips, report)
        _condition(policy.requires, ("policies", i, "requires"), policies, events, report)
    for i, event in enumerate(level.events):
        for j, effect in enumerate(event.effects):
            _effect(effect, ("events", i, "effects", j), True, chips, report)
        _condition(event.when, ("events", i, "when"), policies, events, report)


def _milestone_effects(level: Level, report: Reporter) -> None:
    chips = [c.id for c in level.chips]
    for i, rung in enumerate(level.ladder.milestones):
        listed = [("effects", j, e) for j, e in enumerate(rung.effects)]
        listed += [("first_effects", j, e) for j, e in enumerate(rung.first_effects)]
        for field, j, effect in listed:
            loc = ("ladder", "milestones", i, field, j)
            _effect(effect, loc, False, chips, report)
            if effect.side not in ("self", "opponent"):
                report.add(
                    (*loc, "side"),
                    "value",
                    f"a milestone's effect applies to the side that reaches it (self) or its "
                    f"rival (opponent), not '{effect.side}'",
                )


def _effect(effect: Effect, loc: Loc, is_event: bool, chips: list[str], report: Reporter) -> None:
    target = effect.target
    if target.startswith("chips."):
        chip = target.split(".")[1]
        if chip not in chips:
            report.add(
                (*loc, "target"),
                "unknown-reference",
                f"unknown chip '{chip}' in effect target '{target}'",
                hint=did_you_mean(chip, chips),
            )
    elif target not in STOCKS and target not in PARAMS:
        options = [*STOCKS, *PARAMS, *(f"chips.{c}.{k}" for c in chips for k in CHIP_KNOBS)]
        report.add(
            (*loc, "target"),
            "unknown-reference",
            f"unknown effect target '{target}'",
            hint=did_you_mean(target, options)
            or "a target is a stock, a faction parameter or chips.<id>.supply|price|levy",
        )
    if target in STOCKS and effect.turns is not None:
        report.add(
            (*loc, "turns"),
            "value",
            f"'{target}' is a stock: the effect applies once, so `turns` has no meaning",
            hint="remove `turns`, or target a faction parameter",
        )
    if is_event and effect.side in ("self", "opponent"):
        report.add(
            (*loc, "side"),
            "value",
            f"an event has no 'self' or 'opponent': it must name usa, china or both, "
            f"not '{effect.side}'",
        )


def _condition(
    cond: Condition, loc: Loc, policies: list[str], events: list[str], report: Reporter
) -> None:
    for field, known, kind in (
        ("played", policies, "policy"),
        ("not_played", policies, "policy"),
        ("fired", events, "event"),
        ("not_fired", events, "event"),
    ):
        for i, ident in enumerate(getattr(cond, field)):
            if ident not in known:
                report.add(
                    (*loc, field, i),
                    "unknown-reference",
                    f"unknown {kind} '{ident}'",
                    hint=did_you_mean(ident, known),
                )


def _ladder(level: Level, report: Reporter) -> None:
    ladder = level.ladder
    zero, top = ladder.zero_log10.value, ladder.superintelligence_log10.value
    if zero >= top:
        report.add(
            ("ladder", "superintelligence_log10", "value"),
            "range",
            f"superintelligence_log10 ({top:g}) must be above zero_log10 ({zero:g})",
        )
        return
    for i, milestone in enumerate(ladder.milestones):
        if not zero < milestone.log10 < top:
            report.add(
                ("ladder", "milestones", i, "log10"),
                "range",
                f"milestone '{milestone.id}' at {milestone.log10:g} is not between "
                f"zero_log10 ({zero:g}) and superintelligence_log10 ({top:g})",
            )


def _calendar(level: Level, report: Reporter) -> None:
    first = quarter_index(level.calendar.start)
    last = first + level.calendar.turns - 1
    span = f"{level.calendar.start} to {quarter_name(last)}"
    for i, event in enumerate(level.events):
        if event.at is None:
            continue
        at = quarter_index(event.at)
        if at < first:
            report.add(
                ("events", i, "at"),
                "calendar",
                f"event '{event.id}' is scripted for {event.at}, before the game starts "
                f"({level.calendar.start})",
            )
        elif at > last:
            report.add(
                ("events", i, "at"),
                "calendar",
                f"event '{event.id}' is scripted for {event.at}, after the last turn "
                f"({quarter_name(last)}), so it never fires",
                severity="warning",
            )
    for kind, field in (("policies", "requires"), ("events", "when")):
        for i, card in enumerate(getattr(level, kind)):
            cond = getattr(card, field)
            for name in ("from_quarter", "until_quarter"):
                quarter = getattr(cond, name)
                if quarter is not None and not first <= quarter_index(quarter) <= last:
                    report.add(
                        (kind, i, field, name),
                        "calendar",
                        f"{quarter} is outside the game's calendar ({span})",
                        severity="warning",
                    )
