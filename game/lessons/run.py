"""The lesson being played: the group's name, the game clock and when the game stops.

The clock counts the seconds the game window has run since the group pressed Start
(`tick(dt)` from the app's frame), so a test drives it with simulated frames and a
paused window does not eat the lesson. A stop never cuts a quarter in half: once the
time is up or the quarter limit reached, the game goes to the debrief at the next turn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from game.lessons.loader import LoadedLesson


@dataclass
class LessonRun:
    lesson: LoadedLesson
    group: str
    side: str  # the side the group plays ("usa" or "china")
    elapsed: float = 0.0  # seconds of play so far, on the game clock
    running: bool = True  # False once the game has gone to the debrief
    session: Any = None  # the game being played (a `GameSession`; no UI import here)

    def tick(self, dt: float) -> None:
        if self.running and dt > 0 and math.isfinite(dt):
            self.elapsed += dt

    @property
    def limit_seconds(self) -> float | None:
        minutes = self.lesson.lesson.stop_after_minutes
        return None if minutes is None else minutes * 60.0

    @property
    def seconds_left(self) -> float | None:
        limit = self.limit_seconds
        return None if limit is None else max(0.0, limit - self.elapsed)

    @property
    def time_up(self) -> bool:
        left = self.seconds_left
        return left is not None and left <= 0

    def quarters_up(self, quarters_played: int) -> bool:
        stop = self.lesson.lesson.stop_after_quarters
        return stop is not None and quarters_played >= stop

    def should_stop(self, quarters_played: int) -> bool:
        """True once the lesson says the game is over for today (checked between turns)."""
        return self.time_up or self.quarters_up(quarters_played)


def clock_text(seconds: float) -> str:
    """'12:05' (minutes:seconds), rounded up so 0:00 means the time is really up."""
    whole = math.ceil(max(0.0, seconds))
    return f"{whole // 60}:{whole % 60:02d}"
