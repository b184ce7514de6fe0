"""A tiny seeded random number generator whose whole state is one integer.

The state lives inside `GameState`, so a saved game, a replay and an AI's rollout all draw
exactly the same numbers. SplitMix64 is fast in pure Python and good enough for dice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15


def seed_state(seed: int) -> int:
    """Turn any integer seed into a generator state."""
    return (seed * 0xD1B54A32D192ED03 + _GOLDEN) & _MASK


def next_u64(state: int) -> tuple[int, int]:
    """Advance the state; return (new state, 64 random bits)."""
    state = (state + _GOLDEN) & _MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return state, z ^ (z >> 31)


def uniform(state: int) -> tuple[int, float]:
    """Advance the state; return (new state, a float in [0, 1)).

    `next_u64` written out: the engine draws one number per random event per quarter.
    """
    state = (state + _GOLDEN) & _MASK
    z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return state, ((z ^ (z >> 31)) >> 11) * _UNIT


_UNIT = 1.0 / (1 << 53)


class Rng:
    """A mutable wrapper for code that draws many numbers (players, rollouts)."""

    __slots__ = ("state",)

    def __init__(self, seed: int) -> None:
        self.state = seed_state(seed)

    def random(self) -> float:
        self.state, value = uniform(self.state)
        return value

    def randrange(self, n: int) -> int:
        return min(int(self.random() * n), n - 1)

    def choice(self, items: Sequence[T]) -> T:
        return items[self.randrange(len(items))]

    def uniform(self, lo: float, hi: float) -> float:
        return lo + (hi - lo) * self.random()
