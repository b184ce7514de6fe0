"""`suppress:` — a designer silences a warning on purpose, and writes down why.

Only warnings and hints can be silenced; errors always show. A code the checker does not
know is itself a warning (with "did you mean"), and a suppression that no longer silences
anything is a hint, so stale ones get cleaned up.
"""

from __future__ import annotations

from collections.abc import Collection

from game.levels.codes import CODES, can_suppress
from game.levels.diagnostics import Problem, Reporter, did_you_mean
from game.levels.model import Level


def apply_suppress(level: Level, report: Reporter, not_run: Collection[str] = ()) -> list[Problem]:
    """Drop the silenced warnings and hints from `report`; return what was silenced.

    `not_run` names codes whose checks did not run, so their suppressions are not stale."""
    wanted = level.suppress
    silenced: list[Problem] = []
    kept: list[Problem] = []
    for problem in report.problems:
        if problem.severity != "error" and problem.code in wanted:
            silenced.append(problem)
        else:
            kept.append(problem)
    report.problems[:] = kept
    used = {p.code for p in silenced}
    for code in wanted:
        loc = ("suppress", code)
        if code not in CODES:
            report.add(
                loc,
                "unknown-suppress",
                f"'{code}' is not a problem code, so it silences nothing",
                severity="warning",
                hint=did_you_mean(code, [c for c in CODES if can_suppress(c)])
                or "see docs/levels.md for the codes",
                key=True,
            )
        elif not can_suppress(code):
            report.add(
                loc,
                "unsuppressable",
                f"'{code}' is always an error and cannot be silenced",
                severity="warning",
                hint="fix the problem instead, then remove this line",
                key=True,
            )
        elif code not in used and code not in not_run and not report.errors:
            report.add(
                loc,
                "unused-suppress",
                f"nothing in this level triggers '{code}' any more",
                severity="hint",
                hint="remove this line",
                key=True,
            )
    return silenced
