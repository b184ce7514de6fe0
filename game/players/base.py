"""One interface for every player, human or AI: given a side's view, return orders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from game.engine import Orders, PlayerView, Rules
from game.engine.rng import Rng


@dataclass(frozen=True)
class Decision:
    """Orders plus, for AIs, why: a message code and its parameters, put into words by the UI."""

    orders: Orders
    explanation: str | None = None
    explanation_params: dict = field(default_factory=dict)


class Player(Protocol):
    name: str

    def decide(self, rules: Rules, view: PlayerView, rng: Rng) -> Decision: ...
