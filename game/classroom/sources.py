"""Every figure and every card of a level with where it comes from, grouped by area.

The level format gives every number a `source` id (or a one-line `assumption`, in en and
de or plain English), and every policy and event a source and, where the game departs from
reality, a `simplification` note. This module collects them in one list the sources screen,
the report and the tests share. Pure: no pygame; labels are put into words through `game.i18n`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from game.classroom.history import is_history, status_line
from game.i18n import has_key, language, pick, t
from game.levels.model import Level, Param, Source, Text

AREAS = ("chips", "energy", "talent", "money", "models", "events", "policies")

_CHIPS = ("chip", "fleet", "units", "supply", "levy", "interconnect", "h100e_per_unit", "price")
_ENERGY = ("energy", "power", "kw_")
_TALENT = ("talent", "algo")
_MONEY = ("income", "confidence", "adoption", "budget")


@dataclass(frozen=True)
class SourceEntry:
    """One line of the sources screen: a figure or a card, and where it comes from."""

    area: str
    kind: str  # "figure" | "event" | "policy"
    key: str  # dotted path of a figure, or the card id
    label: str
    value: str = ""
    source_id: str | None = None
    source: Source | None = None
    assumption: str | None = None  # in the current language
    simplification: Text | None = None
    when: str = ""  # the quarter a scripted event strikes, else ""
    chance: float | None = None  # a random event's chance per quarter
    status: str = ""  # a scripted event: happened, announced, forecast or invented, in words
    history: bool = False  # the status says it really happened


def area_of(path: tuple[str, ...]) -> str:
    """Which area a figure belongs to, from its place in the level."""
    name = path[-1]
    if path[0] == "chips" or any(k in name for k in _CHIPS) or "fleet" in path:
        return "chips"
    if any(k in name for k in _ENERGY):
        return "energy"
    if any(k in name for k in _TALENT):
        return "talent"
    if any(k in name for k in _MONEY):
        return "money"
    return "models"


def _walk(node, path: tuple[str, ...]):
    """(path, Param) for every figure under `node`, in file order."""
    if isinstance(node, Param):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _walk(getattr(node, name), (*path, name))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*path, str(key)))
    elif isinstance(node, list | tuple):
        for index, value in enumerate(node):
            yield from _walk(value, (*path, str(index)))


def field_words(name: str) -> str:
    """A level field's name in words (classroom.field.*, else the effect target words)."""
    for key in (f"classroom.field.{name}", f"effect.target.{name}"):
        if has_key(key):
            return t(key)
    return name.replace("_", " ")


def _label(level: Level, path: tuple[str, ...]) -> str:
    head, name = path[0], path[-1]
    words = field_words(name)
    if head == "factions":
        side = path[1]
        who = pick(level.factions[side].name)
        if "fleet" in path:
            chip = level.factions[side].start.fleet[int(path[4])].chip
            return t("classroom.label.fleet", side=who, chip=_chip_name(level, chip))
        if path[2] == "start":
            return t("classroom.label.start", side=who, field=words)
        return t("classroom.label.faction", side=who, field=words)
    if head == "chips":
        chip = pick(level.chips[int(path[1])].name)
        if path[2] == "supply":
            buyer = pick(level.factions[path[3]].name)
            return t("classroom.label.supply", chip=chip, side=buyer, field=words)
        return t("classroom.label.chip", chip=chip, field=words)
    return words[:1].upper() + words[1:]


def _chip_name(level: Level, chip_id: str) -> str:
    for chip in level.chips:
        if chip.id == chip_id:
            return pick(chip.name)
    return chip_id


def _number(value: float) -> str:
    from game.numbers import smart

    return smart(value)


def level_sources(level: Level) -> list[SourceEntry]:
    """Every figure, event and policy of `level` with its source, in area order."""
    entries: list[SourceEntry] = []
    for path, param in _walk(level, ()):
        entries.append(
            SourceEntry(
                area_of(path),
                "figure",
                ".".join(path),
                _label(level, path),
                _number(param.value),
                param.source,
                level.sources.get(param.source) if param.source else None,
                param.assumption_text(language()),
            )
        )
    for kind, cards in (("event", level.events), ("policy", level.policies)):
        for card in cards:
            entries.append(
                SourceEntry(
                    "events" if kind == "event" else "policies",
                    kind,
                    card.id,
                    pick(card.title),
                    source_id=card.source,
                    source=level.sources.get(card.source),
                    simplification=card.simplification,
                    when=getattr(card, "at", None) or "",
                    chance=getattr(card, "probability", None),
                    status=status_line(card) if getattr(card, "at", None) else "",
                    history=kind == "event" and is_history(card),
                )
            )
    order = {a: i for i, a in enumerate(AREAS)}
    return sorted(entries, key=lambda e: order[e.area])  # stable: file order inside an area


def by_area(entries: list[SourceEntry]) -> dict[str, list[SourceEntry]]:
    out: dict[str, list[SourceEntry]] = {a: [] for a in AREAS}
    for entry in entries:
        out[entry.area].append(entry)
    return out


def cite(source: Source | None) -> str:
    """'Title — Publisher, 2025-01-27 — https://…' (the words a teacher can look up)."""
    if source is None:
        return ""
    return t(
        "classroom.cite",
        title=source.title,
        publisher=source.publisher,
        date=source.date,
        url=source.url,
    )
