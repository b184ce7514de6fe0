"""What one side may know: the same observation feeds a human's screen and an AI's decision.

The game's dice — the seed and the RNG state — stay with the `Match`. An `Observation` is
built from the public facts only, so no player can foresee a random card, by construction:
two states that differ only in their dice give equal observations. Orders are secret until
both are in, and the state holds none. A player that looks ahead builds its own sampled
world with `Observation.world(dice)`, the dice drawn from its own RNG.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.rules import Rules, other
from game.engine.setup import hidden_threshold
from game.engine.state import FactionState, GameState


def imagined_world(rules: Rules, state: GameState, dice: int) -> GameState:
    """A world to look ahead in, from what a side can see: the caller's own dice and, where
    superintelligence lies somewhere in a band nobody can see, a guess drawn with the same
    dice. Assuming the top of the band would tell every lookahead that nobody can arrive
    early, so a side would stop training when it should race."""
    world = state.clone()
    world.rng_state = dice
    if world.si_threshold_log10 is None:
        world.si_threshold_log10 = hidden_threshold(rules, dice)
    return world


# The parts of a `GameState` no player may see. Everything else is public.
HIDDEN = ("seed", "rng_state")
_BLANK = 0


@dataclass(frozen=True)
class Observation:
    """One side's knowledge at the start of a quarter.

    `state` holds the public facts as a `GameState` whose dice are blank, so the engine's
    read-only questions (`check`, `available_policies`, …) can be asked of it. It is the
    observer's own copy: changing it changes nothing in the game.
    """

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

    @property
    def finished(self) -> bool:
        return self.state.finished

    def copy(self) -> Observation:
        """An independent copy (a thinking thread keeps its own)."""
        return Observation(self.side, self.turn, self.quarter, self.state.clone())

    def world(self, dice: int) -> GameState:
        """A world to simulate in: the public facts, with dice the caller drew itself."""
        sampled = self.state.clone()
        sampled.rng_state = dice
        return sampled

    def facts(self) -> dict[str, Any]:
        """The observation as plain data (for tests, debugging and comparing)."""
        public = {
            k: v
            for k, v in self.state.to_dict().items()
            if k not in (*HIDDEN, "si_threshold_log10")
        }
        return {"side": self.side, "turn": self.turn, "quarter": self.quarter, **public}


def observe(rules: Rules, state: GameState, side: str) -> Observation:
    """What `side` may know of `state`: a copy of the public facts, dice blanked."""
    public = state.clone()
    for name in HIDDEN:
        setattr(public, name, _BLANK)
    public.si_threshold_log10 = None  # where superintelligence lies is nobody's knowledge
    return Observation(side, state.turn, rules.quarter(state.turn), public)


# The names the rest of the code grew up with.
PlayerView = Observation
view_for = observe
