"""History or projection, in words: the tag a scripted card wears and the note when a level
moves an event away from its real or announced date.

"Aus der echten Chronik" is only for what happened; announced plans, forecasts and events
invented for play say so. The level's `status` (game/levels/history.py checks it) decides.
Pure: no pygame; words come from `game.i18n`.
"""

from __future__ import annotations

from game.i18n import t
from game.levels.history import is_moved, status_quarter
from game.levels.model import Event, Level, quarter_index


def quarter_words(code: str) -> str:
    """'2026Q3' → 'Q3 2026' (as game.classroom.words says it; that module uses this one)."""
    year, _, q = code.partition("Q")
    return t("flow.quarter", q=q, year=year) if q else code


def date_words(date: str) -> str:
    """'2025-01-27' → '27. Januar 2025'; '2025-01' → 'Januar 2025'; '2025' → '2025'."""
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = t(f"history.month.{int(parts[1])}")
    if len(parts) == 2:
        return t("history.month_year", month=month, year=parts[0])
    return t("history.day", day=int(parts[2]), month=month, year=parts[0])


def is_history(event: Event) -> bool:
    """True only for an event the level marks as having happened."""
    return event.status is not None and event.status.kind == "happened"


def status_tag(event: Event) -> str:
    """The card's header: what kind of truth the event is ('Angekündigt für Q4 2026 …')."""
    status = event.status
    if status is None:
        return t("history.tag.scripted")
    if status.kind == "happened":
        return t("history.tag.happened", when=date_words(status.date or ""))
    if status.kind == "announced":
        return t("history.tag.announced", quarter=quarter_words(status.planned or ""), by=status.by)
    if status.kind == "forecast":
        return (
            t("history.tag.forecast_by", by=status.by) if status.by else t("history.tag.forecast")
        )
    return t("history.tag.invented")


def moved_note(event: Event) -> str:
    """One sentence when the level sets the event in another quarter than reality or the plan;
    empty otherwise."""
    if not is_moved(event) or event.status is None or event.at is None:
        return ""
    at = quarter_words(event.at)
    if event.status.kind == "happened":
        return t("history.moved.happened", when=date_words(event.status.date or ""), at=at)
    planned = status_quarter(event) or event.at
    key = "earlier" if quarter_index(event.at) < quarter_index(planned) else "later"
    return t(f"history.moved.{key}", by=event.status.by, planned=quarter_words(planned), at=at)


def status_line(event: Event) -> str:
    """One line for lists: the note when the level moves the event (it names the real or
    planned date itself), else the tag."""
    return moved_note(event) or status_tag(event)


def listed(title: str, event: Event) -> str:
    """A scripted card's title with its status, for the timeline: 'Title · Announced for …';
    history in its own quarter only gets a short mark (the real column tells it in full)."""
    if is_history(event) and not is_moved(event):
        return t("history.listed_real", title=title)
    return t("history.listed", title=title, status=status_line(event))


def projection_note(level: Level, last_quarter: str) -> str:
    """Where the real record ends, when the game went on past it; empty otherwise."""
    if not level.timeline:
        return ""
    real_end = max((e.quarter for e in level.timeline), key=quarter_index)
    if quarter_index(last_quarter) <= quarter_index(real_end):
        return ""
    return t("history.projection_from", quarter=quarter_words(real_end))
