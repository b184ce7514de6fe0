"""Players by name, as the command line and the setup screen spell them.

`random`, `greedy`, `fixed:C/E/T/M` (percent per area, no policies), and the AI
difficulties `easy`, `normal`, `hard`. `hard` thinks 1 s per decision unless told
otherwise: `hard@250` thinks 250 ms; `hard#400` runs exactly 400 rollouts (reproducible
for a given seed, whatever the machine), which tournaments use.

Budgets come from saves and the command line, so they are clamped: at most `MAX_THINK_MS`
(60 s) per decision and `MAX_ROLLOUTS` (100,000) rollouts; `hard@inf` thinks 60 s, not
forever.
"""

from __future__ import annotations

from game.players.base import Player
from game.players.simple import FixedPlayer, GreedyPlayer, RandomPlayer

BUILT_IN = {"random": RandomPlayer, "greedy": GreedyPlayer}
DIFFICULTIES = ("easy", "normal", "hard")
MAX_THINK_MS = 60_000
MAX_ROLLOUTS = 100_000


class UnknownPlayer(ValueError):
    pass


def make_player(spec: str, think_ms: float | None = None) -> Player:
    """A player from its spec; `think_ms` sets the budget of a plain `hard`."""
    if spec.startswith("fixed:"):
        parts = spec.removeprefix("fixed:").split("/")
        try:
            values = tuple(float(p) for p in parts)
        except ValueError:
            values = ()
        if len(values) != 4 or any(v < 0 for v in values) or sum(values) <= 0:
            raise UnknownPlayer(f"{spec!r}: write fixed:C/E/T/M with four percentages")
        return FixedPlayer(values)
    if spec.split("@")[0].split("#")[0] in DIFFICULTIES:
        return _make_ai(spec, think_ms)
    factory = BUILT_IN.get(spec)
    if factory is None:
        known = ", ".join([*BUILT_IN, *DIFFICULTIES, "hard@MS", "hard#ROLLOUTS", "fixed:C/E/T/M"])
        raise UnknownPlayer(f"unknown player {spec!r}; choose from {known}")
    return factory()


def _make_ai(spec: str, think_ms: float | None) -> Player:
    from game.ai.easy import EasyAI
    from game.ai.hard import DEFAULT_THINK_MS, HardAI
    from game.ai.normal import NormalAI

    if spec == "easy":
        return EasyAI()
    if spec == "normal":
        return NormalAI()
    if spec == "hard":
        return HardAI(think_ms=min(think_ms or DEFAULT_THINK_MS, MAX_THINK_MS))
    try:
        if spec.startswith("hard@"):
            ms = float(spec.removeprefix("hard@")[:20])
            if ms > 0:  # also False for nan
                return HardAI(think_ms=min(ms, MAX_THINK_MS))
        elif spec.startswith("hard#"):
            digits = spec.removeprefix("hard#")
            huge = len(digits) > 20 and digits.isdigit()
            rollouts = MAX_ROLLOUTS if huge else int(digits[:20])
            if rollouts > 0:
                return HardAI(think_ms=None, iterations=min(rollouts, MAX_ROLLOUTS))
    except ValueError:
        pass
    raise UnknownPlayer(f"{spec!r}: write hard@MS (milliseconds) or hard#N (rollouts)")


def with_think_ms(spec: str, think_ms: float) -> str:
    """The spec with a plain `hard` given `think_ms` (specs that fix a budget stay)."""
    return f"hard@{think_ms:g}" if spec == "hard" else spec


def player_names() -> list[str]:
    return [*BUILT_IN, *DIFFICULTIES]
