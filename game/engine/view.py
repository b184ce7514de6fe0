"""What one side may see: the same function builds a human's screen and an AI's input.

Orders are secret until both are in, and the state holds none; the only hidden thing is
the dice (the RNG state), which would let a player foresee random events.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.rules import Rules, other
from game.engine.state import FactionState, GameState


@dataclass(frozen=True)
class PlayerView:
    side: str
    turn: int
    quarter: str
    state: GameState

    @property
    def me(self) -> FactionState:
        return self.state.factions[self.side]

    @property
    def rival(self) -> FactionState:
        return self.state.factions[other(self.side)]


def view_for(rules: Rules, state: GameState, side: str) -> PlayerView:
    """A copy of the state with the dice hidden, from `side`'s point of view."""
    seen = state.clone()
    seen.rng_state = 0
    return PlayerView(side, state.turn, rules.quarter(state.turn), seen)
