"""Timelines for the game's motion, stepped by the frame's `dt` and never by the wall clock.

A scene keeps a `Timeline` per animation and calls `step(dt)` from `update(dt)`; tests step
the app by hand, so every animation is reproducible frame by frame. Sounds tied to a moment
of an animation are `Cue`s: each plays when the timeline passes its time. When the player
cuts an animation short (`finish()`, a click) or motion is reduced, the cues still due are
not played all at once: only the most telling one is.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass


def ease_out(x: float) -> float:
    """Fast start, gentle landing (cubic); x and the result run 0..1."""
    x = max(0.0, min(1.0, x))
    return 1 - (1 - x) ** 3


def ease_out_inverse(y: float) -> float:
    """The x at which `ease_out(x)` reaches y: when a climb passes a given height."""
    y = max(0.0, min(1.0, y))
    return 1 - (1 - y) ** (1 / 3)


def pulse(x: float, beats: int = 2) -> float:
    """0 → 1 → 0 `beats` times over x in 0..1, fading; 0 outside."""
    if not 0 < x < 1:
        return 0.0
    return abs(math.sin(math.pi * beats * x)) * (1 - 0.5 * x)


@dataclass(frozen=True)
class Cue:
    """Sound `sound` at `at` seconds into a timeline; a higher `rank` says more."""

    at: float
    sound: str
    rank: int = 0


class Timeline:
    """Seconds since an animation began, up to `length`; plays its cues as it passes them."""

    def __init__(
        self,
        length: float,
        cues: list[Cue] | tuple[Cue, ...] = (),
        play: Callable[[str], None] | None = None,
    ):
        self.length = max(0.0, length)
        self.elapsed = 0.0
        self._pending = sorted(cues, key=lambda c: c.at)
        self._play = play
        if self.length == 0:
            self.finish()

    @property
    def running(self) -> bool:
        return self.elapsed < self.length

    def step(self, dt: float) -> None:
        if not self.running and not self._pending:
            return
        self.elapsed = min(self.length, self.elapsed + max(0.0, dt))
        due = [c for c in self._pending if c.at <= self.elapsed]
        if due:
            self._pending = [c for c in self._pending if c.at > self.elapsed]
            for c in due:
                self._sound(c.sound)

    def finish(self) -> None:
        """Jump to the end; of the cues still due, only the highest-ranked one sounds."""
        self.elapsed = self.length
        if self._pending:
            best = max(self._pending, key=lambda c: (c.rank, c.at))
            self._pending = []
            self._sound(best.sound)

    def fraction(self, start: float = 0.0, seconds: float | None = None) -> float:
        """Linear 0..1 progress of the part of the timeline from `start` lasting `seconds`."""
        seconds = self.length - start if seconds is None else seconds
        if seconds <= 0:
            return 1.0 if self.elapsed >= start else 0.0
        return max(0.0, min(1.0, (self.elapsed - start) / seconds))

    def _sound(self, name: str) -> None:
        if self._play is not None:
            self._play(name)
