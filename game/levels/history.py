"""History or projection: checks that no scripted event passes a plan or a guess as fact.

Every scripted event says in its `status` whether it happened (with the date), was
announced (with the announcer's planned quarter), is a forecast, or was invented for play.
An event marked happened must rest on a source published before this version of the game
was released; otherwise it cannot have been checked against the record.
"""

from __future__ import annotations

from game.levels.diagnostics import Reporter
from game.levels.model import Event, Level, quarter_name

# The day this version's levels were last checked against the public record. A source
# dated after it cannot vouch for anything; move it forward with every release.
RELEASE_DATE = "2026-12-01"


def latest_day(date: str) -> str:
    """The last day a YYYY[-MM[-DD]] date may mean, as YYYY-MM-DD ('2026-01' → '2026-01-31').

    Every month gets day 31: only the order of the strings matters here.
    """
    parts = date.split("-")
    month = parts[1] if len(parts) > 1 else "12"
    day = parts[2] if len(parts) > 2 else "31"
    return f"{parts[0]}-{month}-{day}"


def date_quarter(date: str) -> str | None:
    """The quarter a dated event falls in ('2025-08-11' → '2025Q3'); None for a bare year."""
    parts = date.split("-")
    if len(parts) < 2:
        return None
    return quarter_name(int(parts[0]) * 4 + (int(parts[1]) - 1) // 3)


def status_quarter(event: Event) -> str | None:
    """When the record or the announcer puts the event: its date's or its planned quarter."""
    status = event.status
    if status is None:
        return None
    if status.kind == "happened" and status.date:
        return date_quarter(status.date)
    if status.kind == "announced":
        return status.planned
    return None


def is_moved(event: Event) -> bool:
    """True when the level sets the event in another quarter than the record or the plan."""
    when = status_quarter(event)
    return when is not None and event.at is not None and when != event.at


def check_history(level: Level, report: Reporter, release_date: str = RELEASE_DATE) -> None:
    """Every scripted event has a status; every 'happened' rests on a source from the past."""
    for i, event in enumerate(level.events):
        if event.at is None:
            continue
        status = event.status
        if status is None:
            report.add(
                ("events", i, "at"),
                "event-status",
                f"scripted event '{event.id}' does not say whether it happened, was "
                "announced, is a forecast or was invented; the card cannot tell players",
                severity="warning",
                hint="add `status: {kind: happened, date: YYYY-MM-DD}` (or announced, "
                "forecast, invented)",
            )
            continue
        if status.kind != "happened":
            continue
        if status.date and latest_day(status.date) >= release_date:
            report.add(
                ("events", i, "status", "date"),
                "unproven-history",
                f"event '{event.id}' is marked happened on {status.date}, not before this "
                f"version's release date {release_date}",
                hint="mark it announced or forecast until it has happened",
            )
        source = level.sources.get(event.source)
        if source is not None and latest_day(source.date) >= release_date:
            report.add(
                ("events", i, "source"),
                "unproven-history",
                f"event '{event.id}' is marked happened, but its source '{event.source}' is "
                f"dated {source.date}, not before this version's release date {release_date}",
                hint="cite a source published before the release, or mark it announced",
            )
