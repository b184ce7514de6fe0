"""Trial games for the level checker: does anybody ever reach the top of the ladder?

Playing games needs the engine and the players, which sit above `game/levels`, so this
check is not part of loading a level (loading costs what parsing costs). `validate` and the
designer's checks ask for it by passing `check_dry_run` as the loader's `trial`.
"""

from __future__ import annotations

from pathlib import Path

from game.engine import compile_rules
from game.levels.diagnostics import Problem, Reporter
from game.levels.loader import LoadedLevel, check_level_file
from game.levels.model import SIDES, Level
from game.match import play_game
from game.players.registry import make_player

# Players for the trial, cheapest first: the easy AI (a fast planner), a heuristic and two
# steady plans. One of them reaching superintelligence is enough.
DRY_RUN_PLAYERS = ("easy", "greedy", "fixed:30/15/10/45", "fixed:20/10/10/60")
DRY_RUN_SEEDS = (1, 2)
# Trial players are not the best players: a best run this close counts as reachable.
NEAR_MISS_CAPABILITY = 90.0


def check_level_fully(path: str | Path) -> tuple[LoadedLevel | None, list[Problem]]:
    """`check_level_file` plus the trial games: what `validate` reports."""
    return check_level_file(path, trial=check_dry_run)


def check_dry_run(level: Level, report: Reporter) -> None:
    """Play a few quick games with simple players; warn when nobody ever reaches the top.

    Needs a level without errors. An engine failure is reported as a bug, not a crash.
    """
    try:
        rules = compile_rules(level)
        best, runs = -1e9, 0
        for spec in DRY_RUN_PLAYERS:
            for seed in DRY_RUN_SEEDS:
                players = {side: make_player(spec) for side in SIDES}
                match = play_game(rules, players, seed)
                runs += 1
                outcome = match.state.outcome
                if outcome is not None and outcome.reason in ("superintelligence", "margin"):
                    return
                top = max(f.frontier_log10 for f in match.state.factions.values())
                best = max(best, rules.capability(top))
    except Exception as exc:  # the engine must not take the checker down with it
        report.add(
            (),
            "dry-run-failed",
            f"a trial game with this level stopped with an internal error "
            f"({type(exc).__name__}: {exc}); please report this as a bug, with the file",
        )
        return
    if best >= NEAR_MISS_CAPABILITY:
        return  # stronger play than the trial players' can close the last few points
    report.add(
        ("ladder", "superintelligence_log10", "value"),
        "unreachable-victory",
        f"in {runs} trial games with the easy AI and simple players nobody came near "
        f"superintelligence within {level.calendar.turns} turns (best: capability "
        f"{best:.0f} of 100), so games will almost always be decided on points",
        severity="warning",
        hint="lower superintelligence_log10, add turns, or suppress this if that is the plan",
    )
