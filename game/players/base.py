"""One interface for every player, human or AI: given a side's observation, return orders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from game.engine import Observation, Orders, Rules
from game.engine.rng import Rng


@dataclass(frozen=True)
class Decision:
    """Orders plus, for AIs, why: a message code and its parameters, put into words by the UI."""

    orders: Orders
    explanation: str | None = None
    explanation_params: dict = field(default_factory=dict)


class Player(Protocol):
    name: str

    def decide(self, rules: Rules, view: Observation, rng: Rng) -> Decision:
        """Orders for `view.side`; `rng` is the player's own dice, never the game's."""
        ...
