"""Step through a saved game and split it: the pure logic under the replay viewer.

Because the engine is deterministic, a replayed `Match` *is* the game as it was played:
every state and every event, re-resolved from the orders. "Branch here" starts a new
`Match` from the same seed and plays the recorded orders up to the chosen turn; from there
the player gives different orders.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game.engine import GameEvent, GameState, Rules
from game.match import Match, TurnRecord
from game.players.base import Decision
from game.saves.format import BranchOf, SaveGame
from game.saves.load import decisions_of


@dataclass(frozen=True)
class Frame:
    """The game at the start of quarter `turn`, with the turn that led here."""

    index: int  # 0 = the start of the game
    state: GameState
    previous: GameState | None
    record: TurnRecord | None  # orders, explanations and events of the quarter just resolved

    @property
    def turn(self) -> int:
        return self.state.turn

    @property
    def events(self) -> list[GameEvent]:
        return self.record.events if self.record else []


class Replay:
    """A cursor over a finished or unfinished game, forward and back, one quarter a step."""

    def __init__(self, match: Match) -> None:
        self.match = match
        self.position = len(match.states) - 1

    def __len__(self) -> int:
        return len(self.match.states)

    @property
    def last(self) -> int:
        return len(self.match.states) - 1

    def frame(self, index: int | None = None) -> Frame:
        i = self.position if index is None else max(0, min(self.last, index))
        states, turns = self.match.states, self.match.turns
        return Frame(i, states[i], states[i - 1] if i else None, turns[i - 1] if i else None)

    def seek(self, index: int) -> Frame:
        self.position = max(0, min(self.last, index))
        return self.frame()

    def step(self, delta: int = 1) -> Frame:
        return self.seek(self.position + delta)

    def frames(self) -> Iterator[Frame]:
        return (self.frame(i) for i in range(len(self)))


def _recorded(source: Match | SaveGame, index: int) -> dict[str, Decision]:
    if isinstance(source, SaveGame):
        return decisions_of(source, index)
    record = source.turns[index]
    return {
        s: Decision(record.orders[s], *record.explanations.get(s, (None, {})))
        for s in record.orders
    }


def branch(
    source: Match | SaveGame, turn: int, rules: Rules | None = None, origin: BranchOf | None = None
) -> Match:
    """A new game at the start of quarter `turn` of `source`, same seed, same past.

    `source` is a replayed `Match` (rules taken from it) or a `SaveGame` (pass `rules`).
    Turn 1 is the very start; a turn past the end gives the game as it stands. `origin`
    is remembered as `match.branch_of` and goes into every save of the new game.
    """
    if isinstance(source, Match):
        rules, seed, played = source.rules, source.seed, len(source.turns)
    else:
        if rules is None:
            raise ValueError("branching a SaveGame needs the rules it was played with")
        seed, played = source.seed, len(source.turns)
    upto = max(0, min(played, turn - 1))
    match = Match.start(rules, seed)
    for index in range(upto):
        match.play_turn(_recorded(source, index))
    if origin is not None:
        match.branch_of = origin
    return match
