"""The class in two sentences: who won how often, and how far apart the groups ended.

The teacher's screen shows it above the list of groups, for the discussion at the projector.
(class.html leaves it out: with fourteen groups the page already fills its one A4 sheet.)
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from game.classroom.overview import GroupGame
from game.classroom.teach import gap_words
from game.i18n import t
from game.levels.model import SIDES


@dataclass(frozen=True)
class ClassSummary:
    groups: int
    wins: dict[str, int]  # side -> games that side won
    draws: int
    unfinished: int  # stopped by the lesson (or not played to the end)
    gaps: tuple[float, ...]  # every group's final gap in months (positive: Titans ahead)
    si_games: int  # games in which a side reached superintelligence

    @property
    def gap_median(self) -> float | None:
        return median(self.gaps) if self.gaps else None


def summarise(games: list[GroupGame]) -> ClassSummary:
    wins = {side: sum(g.finished and g.winner == side for g in games) for side in SIDES}
    return ClassSummary(
        groups=len(games),
        wins=wins,
        draws=sum(g.finished and g.winner is None for g in games),
        unfinished=sum(not g.finished for g in games),
        gaps=tuple(sorted(g.gap_months for g in games)),
        si_games=sum(g.si_quarter is not None for g in games),
    )


def summary_lines(summary: ClassSummary) -> list[str]:
    """'14 groups: the Titans won 6, the Swarms 5, …' and 'Final gap from … to …'."""
    if not summary.groups:
        return []
    results = t(
        "teacher.summary.results",
        groups=summary.groups,
        usa=summary.wins["usa"],
        china=summary.wins["china"],
        draws=summary.draws,
        unfinished=summary.unfinished,
        si=summary.si_games,
    )
    gaps = summary.gaps
    if len(gaps) == 1:
        spread = t("teacher.summary.gap_one", gap=gap_words(gaps[0]))
    else:
        spread = t(
            "teacher.summary.gaps",
            low=gap_words(gaps[0]),
            high=gap_words(gaps[-1]),
            median=gap_words(summary.gap_median or 0.0),
        )
    return [results, spread]
