"""The class overview: every group's game of one lesson side by side, on one page.

`class_overview(paths)` opens every save named (files, or folders searched for *.json,
e.g. a USB stick with one folder per PC), replays each one and reads off what a teacher
compares: the group, the side it played, the winner, the final gap in months, when
superintelligence came, the policies it used most, and its capability curve. A file that
cannot be opened is listed by name with the reason; the others still make the page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from game.classroom.played import GameUnavailable, PlayedGame, from_save
from game.classroom.teach import gap_series
from game.i18n import pick
from game.levels.model import SIDES

#: More files than a class ever has; a folder with more is cut here (and says so).
MAX_SAVES = 200
SUPERINTELLIGENCE = 100.0


@dataclass(frozen=True)
class GroupGame:
    """One group's game as the overview shows it."""

    path: Path
    group: str
    level_title: str
    seed: int
    sides: tuple[str, ...]  # the sides the group played (both in hot-seat, none in a demo)
    winner: str | None
    finished: bool
    quarters: int
    last_quarter: str
    gap_months: float  # the Titans' final lead (negative: the Swarms lead)
    si_quarter: str | None  # the first quarter either side reached superintelligence
    si_side: str | None
    policies: tuple[tuple[str, int], ...]  # (policy title, times played), most used first
    curves: dict[str, list[float]]  # side -> capability at the start and after each quarter


@dataclass
class Overview:
    games: list[GroupGame] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)


def save_files(paths: list[str | Path]) -> list[Path]:
    """Every *.json named or inside a named folder (and its subfolders), in name order."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.json") if not p.name.startswith("."))
        else:
            found.append(path)
    unique = list(dict.fromkeys(found))
    return unique[:MAX_SAVES]


def group_game(path: Path, played: PlayedGame, group: str) -> GroupGame:
    rules, match = played.rules, played.match
    sides = played.humans
    curves = {
        s: [rules.capability(st.factions[s].frontier_log10) for st in match.states] for s in SIDES
    }
    si_quarter = si_side = None
    for index in range(1, len(match.states)):
        reached = [s for s in SIDES if curves[s][index] >= SUPERINTELLIGENCE]
        if reached:
            si_quarter = rules.quarter(match.turns[index - 1].turn)
            si_side = reached[0] if len(reached) == 1 else None
            break
    counts: Counter[str] = Counter()
    for record in match.turns:
        for side in sides or SIDES:
            policy = record.orders[side].policy
            if policy:
                card = rules.policies.get(policy)
                counts[pick(card.title) if card is not None else policy] += 1
    outcome = match.state.outcome
    last = rules.quarter(match.turns[-1].turn) if match.turns else rules.quarter(1)
    return GroupGame(
        path,
        group,
        pick(rules.level.title),
        match.seed,
        tuple(sides),
        outcome.winner if outcome else None,
        outcome is not None,
        len(match.turns),
        last,
        gap_series(rules, match)[-1].months,
        si_quarter,
        si_side,
        tuple(counts.most_common(2)),
        curves,
    )


def open_group_game(path: Path) -> tuple[GroupGame, PlayedGame]:
    """Open and replay one save; raises `GameUnavailable` (in words) when it cannot."""
    try:
        played = from_save(path)
    except GameUnavailable:
        raise
    except Exception as exc:  # one broken file must not cost the class its page
        raise GameUnavailable(f"{type(exc).__name__}: {exc}") from exc
    return group_game(path, played, played.group or path.stem), played


def sort_games(games: list[GroupGame]) -> None:
    """Groups in name order, as the page and the teacher's screen list them."""
    games.sort(key=lambda g: (g.group.lower(), g.path.name))


def class_overview(paths: list[str | Path]) -> Overview:
    """Open and replay every save; problems are collected, never raised."""
    overview = Overview()
    for path in save_files(paths):
        try:
            game, _ = open_group_game(path)
        except GameUnavailable as exc:
            overview.problems.append((path.name, exc.message))
            continue
        overview.games.append(game)
    sort_games(overview.games)
    return overview
