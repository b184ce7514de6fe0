"""A game in progress: the state, the log of orders (which *is* the save), the history.

`Match` is the only thing that changes state and the only holder of the dice: it asks for
orders, calls the engine and records the result. Players — screens and AIs — get an
`Observation` from `observe(side)`; the command line and screens drive the match through
its methods and never touch the state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.engine import (
    GameEvent,
    GameState,
    Observation,
    Orders,
    Rules,
    new_game,
    observe,
    resolve,
)
from game.engine.resolve import IllegalOrders
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
    # Where a what-if game split off (a `game.saves.format.BranchOf`); its saves say so.
    branch_of: Any = None

    @classmethod
    def start(cls, rules: Rules, seed: int) -> Match:
        state = new_game(rules, seed)
        return cls(rules, seed, state, [state])

    @property
    def finished(self) -> bool:
        return self.state.finished

    def observe(self, side: str) -> Observation:
        """What `side` may know now: the public facts, never the dice."""
        return observe(self.rules, self.state, side)

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

    def replayed_under(self, rules: Rules) -> Match:
        """This game played again under `rules`: the same seed and every recorded decision.

        A changed level joins a game in progress this way (designer hot reload): the
        result is a new match whose log replays exactly, so its saves load. Raises
        `IllegalOrders` when the new rules refuse a recorded order; stops early if the
        game ends sooner under them."""
        match = Match.start(rules, self.seed)
        match.branch_of = self.branch_of
        for record in self.turns:
            if match.finished:
                break
            decisions = {
                side: Decision(record.orders[side], code, params)
                for side, (code, params) in _explained(record).items()
            }
            try:
                match.play_turn(decisions)
            except IllegalOrders as refused:
                refused.turn = record.turn  # the quarter whose orders no longer stand
                raise
        return match


def _explained(record: TurnRecord) -> dict[str, tuple[str | None, dict]]:
    return {side: record.explanations.get(side, (None, {})) for side in SIDES}


def player_rng(seed: int, side: str) -> Rng:
    """Each player's own dice, derived from the game seed (never the engine's dice)."""
    return Rng(seed * 2 + SIDES.index(side) + 7919)


def play_game(rules: Rules, players: dict[str, Player], seed: int) -> Match:
    """Play a whole game between two players, headless."""
    match = Match.start(rules, seed)
    rngs = {side: player_rng(seed, side) for side in SIDES}
    while not match.finished:
        decisions = {
            side: players[side].decide(rules, match.observe(side), rngs[side]) for side in SIDES
        }
        match.play_turn(decisions)
    return match
