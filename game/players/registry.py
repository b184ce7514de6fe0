"""Players by name, as the command line and the setup screen spell them."""

from __future__ import annotations

from game.players.base import Player
from game.players.simple import FixedPlayer, GreedyPlayer, RandomPlayer

BUILT_IN = {"random": RandomPlayer, "greedy": GreedyPlayer}


class UnknownPlayer(ValueError):
    pass


def make_player(spec: str) -> Player:
    """`random`, `greedy`, or `fixed:C/E/T/M` (percent of the budget for each area)."""
    if spec.startswith("fixed:"):
        parts = spec.removeprefix("fixed:").split("/")
        try:
            values = tuple(float(p) for p in parts)
        except ValueError:
            values = ()
        if len(values) != 4 or any(v < 0 for v in values) or sum(values) <= 0:
            raise UnknownPlayer(f"{spec!r}: write fixed:C/E/T/M with four percentages")
        return FixedPlayer(values)
    factory = BUILT_IN.get(spec)
    if factory is None:
        known = ", ".join([*BUILT_IN, "fixed:C/E/T/M"])
        raise UnknownPlayer(f"unknown player {spec!r}; choose from {known}")
    return factory()


def player_names() -> list[str]:
    return list(BUILT_IN)
