"""What the headless commands share: checking a level and player names before any game is
played (a plain message and an exit code, never a traceback), and a progress line."""

from __future__ import annotations

import contextlib
import sys

from game.balance.dispatch import ClusterProblem, connect

__all__ = ["ClusterProblem", "InputProblem", "load_inputs", "on_cluster", "progress_printer"]


class InputProblem(Exception):
    """A user's level or player name cannot be used; `exit_code` 1 (level) or 2 (usage)."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def report(self) -> int:
        print(self, file=sys.stderr)
        return self.exit_code


def load_inputs(level_path: str, player_specs, think_ms: float | None = None):
    """The loaded level, after checking that every player spec names a player."""
    from game.levels.diagnostics import LevelError
    from game.levels.loader import load_level
    from game.players.registry import UnknownPlayer, make_player

    try:
        loaded = load_level(level_path)
    except LevelError as err:
        raise InputProblem(str(err), 1) from err
    try:
        for spec in player_specs:
            make_player(spec, think_ms)
    except UnknownPlayer as err:
        raise InputProblem(f"error: {err}", 2) from err
    return loaded


def progress_printer(label: str = "", logged: bool = False):
    """A `progress(done, total)` that redraws one line on a terminal, and stays quiet in pipes;
    `logged`: into a file or pipe too, one line per tenth of the run (a long run's log)."""
    import time

    tty = sys.stderr.isatty()
    prefix = f"{label}: " if label else ""
    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        if logged and not tty:
            tenth = max(1, total // 10)
            if done == total or done % tenth == 0:
                left = (time.monotonic() - started) * (total - done) / max(1, done)
                rest = f", about {remaining(left)} left" if done < total else ""
                print(f"{prefix}{done}/{total} games ({done / total:.0%}){rest}", file=sys.stderr)
            return
        if tty and (done == total or done % max(1, total // 100) == 0):
            line = f"\r{prefix}{done}/{total} games"
            print(line, end="" if done < total else "\n", file=sys.stderr)

    return progress


@contextlib.contextmanager
def on_cluster(scheduler: str | None):
    """A Dask client for `--scheduler ADDRESS` (None without one), closed afterwards.

    Raises `ClusterProblem` (one sentence) when the cluster cannot be used."""
    if not scheduler:
        yield None
        return
    client = connect(scheduler)
    try:
        yield client
    finally:
        client.close()


def remaining(seconds: float) -> str:
    """A duration as a person says it: 40 s, 7 min, 1.5 h."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
