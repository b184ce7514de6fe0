"""A game in progress: the state, the log of orders (which *is* the save), the history.

`Match` is the only thing that changes state: it asks for orders, calls the engine and
records the result. Screens and the command line drive it; they never touch the state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import GameEvent, GameState, Orders, Rules, new_game, resolve, view_for
from game.engine.rng import Rng
from game.levels.model import SIDES
from game.players.base import Decision, Player


@dataclass
class TurnRecord:
    turn: int
    orders: dict[str, Orders]
    explanations: dict[str, tuple[str | None, dict]]
    events: list[GameEvent]


@dataclass
class Match:
    rules: Rules
    seed: int
    state: GameState
    states: list[GameState] = field(default_factory=list)
    turns: list[TurnRecord] = field(default_factory=list)

    @classmethod
    def start(cls, rules: Rules, seed: int) -> Match:
        state = new_game(rules, seed)
        return cls(rules, seed, state, [state])

    @property
    def finished(self) -> bool:
        return self.state.finished

    def play_turn(self, decisions: dict[str, Decision]) -> list[GameEvent]:
        """Resolve the quarter with both sides' decisions; raises if orders are illegal."""
        orders = {side: decisions[side].orders for side in SIDES}
        self.state, events = resolve(self.rules, self.state, orders)
        self.states.append(self.state)
        self.turns.append(
            TurnRecord(
                self.states[-2].turn,
                orders,
                {s: (decisions[s].explanation, decisions[s].explanation_params) for s in SIDES},
                events,
            )
        )
        return events


def player_rng(seed: int, side: str) -> Rng:
    """Each player's own dice, derived from the game seed (never the engine's dice)."""
    return Rng(seed * 2 + SIDES.index(side) + 7919)


def play_game(rules: Rules, players: dict[str, Player], seed: int) -> Match:
    """Play a whole game between two players, headless."""
    match = Match.start(rules, seed)
    rngs = {side: player_rng(seed, side) for side in SIDES}
    while not match.finished:
        decisions = {
            side: players[side].decide(rules, view_for(rules, match.state, side), rngs[side])
            for side in SIDES
        }
        match.play_turn(decisions)
    return match
