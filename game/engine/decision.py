"""What a player hands back for one turn, and the interface every player meets.

It lives beside `Observation` and `Orders` (the rest of the boundary) so that the AIs and
the player registry both build on the engine without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from game.engine.orders import Orders
from game.engine.rng import Rng
from game.engine.rules import Rules
from game.engine.view import Observation


@dataclass(frozen=True)
class Decision:
    """Orders plus, for AIs, why: a message code and its parameters, put into words by the UI."""

    orders: Orders
    explanation: str | None = None
    explanation_params: dict[str, Any] = field(default_factory=dict)


class Player(Protocol):
    name: str

    def decide(self, rules: Rules, view: Observation, rng: Rng) -> Decision:
        """Orders for `view.side`; `rng` is the player's own dice, never the game's."""
        ...
