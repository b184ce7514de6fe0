"""Checks of what a level *means*, beyond types and references: things that load but play wrong.

A policy nobody can pay for, a chip nobody can buy, a source nobody cites, two identical
factions: all valid YAML, all probably not what the designer meant. Most are warnings or
hints, so they can be silenced with `suppress:`. Whether anybody climbs the ladder in time
needs trial games, so that check lives above the engine, in `game/balance/trial.py`.
"""

from __future__ import annotations

import re

from game.levels.diagnostics import Reporter
from game.levels.model import Assumption, Level, Side, quarter_index, quarter_name
from game.levels.plausibility import check_plausibility


def check_semantics(level: Level, report: Reporter) -> None:
    """Static checks that need no engine run."""
    _chip_windows(level, report)
    _confidence(level, report)
    _unaffordable_policies(level, report)
    _unused_sources(level, report)
    _unused_chips(level, report)
    _identical_factions(level, report)
    check_plausibility(level, report)


def _chip_windows(level: Level, report: Reporter) -> None:
    for i, chip in enumerate(level.chips):
        first, last = chip.available_from, chip.available_until
        if first and last and quarter_index(first) > quarter_index(last):
            report.add(
                ("chips", i, "available_until"),
                "chip-window",
                f"chip '{chip.id}' goes off sale ({last}) before it goes on sale ({first})",
                hint="swap the two quarters, or remove one of them",
            )


def _confidence(level: Level, report: Reporter) -> None:
    lo = level.constants.confidence_min.value
    hi = level.constants.confidence_max.value
    if lo > hi:
        report.add(
            ("constants", "confidence_min", "value"),
            "range",
            f"confidence_min ({lo:g}) is above confidence_max ({hi:g})",
            hint="the lowest market confidence must not exceed the highest",
        )
        return
    for side, faction in level.factions.items():
        start = faction.start.confidence.value
        if not lo <= start <= hi:
            report.add(
                ("factions", side, "start", "confidence", "value"),
                "clamped",
                f"{side} starts with confidence {start:g}, outside confidence_min..max "
                f"({lo:g}..{hi:g}); the engine clamps it after the first quarter",
                severity="warning",
                hint=f"choose a start value between {lo:g} and {hi:g}",
            )


def best_budget_bn(level: Level, side: Side) -> float:
    """The most a side can have to spend in one quarter from income alone.

    Income at its best growth, adoption at its ceiling, confidence at its top; card effects,
    export levies and money left unspent on a sold-out chip market are not counted.
    """
    faction = level.factions[side]
    p = faction.params
    income = best = faction.start.income_bn.value
    dividend = 1 + p.adoption_dividend.value * max(
        p.adoption_max.value, faction.start.adoption.value
    )
    top = max(level.constants.confidence_max.value, faction.start.confidence.value)
    for turn in range(1, level.calendar.turns + 1):
        income *= 1 + (p.income_growth.value - 1) * p.income_growth_damping.value ** (turn - 1)
        best = max(best, income)
    return float(best * dividend * top)


def _unaffordable_policies(level: Level, report: Reporter) -> None:
    budgets = {side: best_budget_bn(level, side) for side in level.factions}
    for i, policy in enumerate(level.policies):
        cost, most = policy.cost_bn.value, budgets[policy.side]
        if cost > most:
            report.add(
                ("policies", i, "cost_bn", "value"),
                "unaffordable-policy",
                f"policy '{policy.id}' costs {cost:g} $bn, but {policy.side}'s budget never "
                f"exceeds about {most:.4g} $bn in one quarter (best income growth, full "
                "adoption, top confidence)",
                severity="warning",
                hint=f"lower cost_bn below {most:.4g}, or raise {policy.side}'s income",
            )


def _cited_sources(level: Level) -> set[str]:
    """Every source id the level names anywhere (numbers, cards, the timeline).

    An assumption or the description naming a source ("of ~51 GW/yr (F3) ...") leans on
    it, so the source is cited even though no number takes it as its origin. The English
    text is read: a plain assumption is English, and a translation keeps the ids.
    """
    from game.levels.crossrefs import params_in

    params = [p for _, p in params_in(level)]
    cited = {p.source for p in params if p.source is not None}
    for kind in ("policies", "events", "timeline"):
        cited |= {card.source for card in getattr(level, kind)}
    rungs = level.ladder.milestones
    cited |= {m.source for m in rungs if m.source is not None}
    rung_notes = [_note_en(m.assumption) for m in rungs if m.assumption is not None]
    notes = " ".join(
        [
            level.description.en,
            *(p.assumption_text("en") or "" for p in params if p.assumption),
            *rung_notes,
        ]
    )
    named = set(re.findall(r"[A-Za-z0-9_]+", notes))
    return cited | (named & set(level.sources))


def _note_en(note: str | Assumption) -> str:
    return note if isinstance(note, str) else note.en


def _unused_sources(level: Level, report: Reporter) -> None:
    cited = _cited_sources(level)
    for source_id in level.sources:
        if source_id not in cited:
            report.add(
                ("sources", source_id),
                "unused-source",
                f"source '{source_id}' is never cited by a number, card or timeline entry",
                severity="hint",
                hint="cite it with `source: " + source_id + "`, or delete it",
                key=True,
            )


def _unused_chips(level: Level, report: Reporter) -> None:
    first = quarter_index(level.calendar.start)
    last = first + level.calendar.turns - 1
    owned = {b.chip for faction in level.factions.values() for b in faction.start.fleet}
    boosted = {
        e.target.split(".")[1]
        for card in [*level.policies, *level.events]
        for e in card.effects
        # Multiplying zero supply leaves it zero: only add/set can open a market.
        if e.target.startswith("chips.")
        and e.target.endswith(".supply")
        and e.op in ("add", "set")
        and e.value > 0
    }
    for i, chip in enumerate(level.chips):
        if chip.id in owned or chip.id in boosted:
            continue
        on_sale_from = quarter_index(chip.available_from) if chip.available_from else first
        on_sale_until = quarter_index(chip.available_until) if chip.available_until else last
        buyers = [s for s, sup in chip.supply.items() if sup.units_per_turn.value > 0]
        if not buyers:
            why = "no side may buy any (supply is zero or missing for both)"
        elif on_sale_until < first or on_sale_from > last:
            why = (
                f"it is on sale only outside the game ({level.calendar.start} to "
                f"{quarter_name(last)})"
            )
        else:
            continue
        report.add(
            ("chips", i, "id"),
            "unused-chip",
            f"chip '{chip.id}' can never be bought or owned: {why}",
            severity="warning",
            hint="give a side some supply, put it in a start fleet, or delete it",
        )


def _identical_factions(level: Level, report: Reporter) -> None:
    skip = {"name", "leader_title", "style"}
    usa, china = (level.factions[s].model_dump(exclude=skip) for s in ("usa", "china"))
    if usa == china:
        report.add(
            ("factions", "china"),
            "identical-factions",
            "both factions have the same start, parameters and AI weights",
            severity="hint",
            hint="fine for a fair test; a what-if scenario usually differs somewhere",
            key=True,
        )
