"""The save file's shape (format version 3): a replay, not a snapshot of the state.

A save holds what is needed to play the game again move for move — the level (id, hash and
a full copy of its text), the seed and every turn's orders — plus the AIs' explanations and
the hash of the state reached, so loading can prove the replay gives the same game.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from game.levels.model import SIDES, Calendar

#: No level lasts longer than this many quarters, so no save can hold more turns.
MAX_TURNS = next(m.le for m in Calendar.model_fields["turns"].metadata if hasattr(m, "le"))

MARKER = "swarms-vs-titans-save"
CURRENT_VERSION = 3
MODES = ("hotseat", "vs_ai", "ai_vs_ai")
#: A group name ("Lena & Tom", "9b Gruppe 3") is at most this long.
GROUP_CHARS = 60

Side = Literal["usa", "china"]
# The level's SIDES, in the same order, typed for this file's `Side` keys.
SAVE_SIDES: tuple[Side, Side] = ("usa", "china")


def as_side(side: str) -> Side:
    """`side` as a save's `Side`; a ValueError for anything else."""
    for known in SAVE_SIDES:
        if side == known:
            return known
    raise ValueError(f"not a side: {side!r}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SavedOrders(_Strict):
    """One side's orders for one quarter: four budget shares and an optional policy id."""

    allocation: tuple[float, float, float, float]
    policy: str | None = None


class SavedExplanation(_Strict):
    """Why an AI chose its orders: a message code and its parameters (None for humans)."""

    code: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)


class SavedTurn(_Strict):
    turn: int = Field(ge=1, description="the quarter these orders were given in (1 = first)")
    orders: dict[Side, SavedOrders]
    explanations: dict[Side, SavedExplanation] = Field(default_factory=dict)
    state_hash: str | None = Field(None, description="hash of the state after this turn")

    @field_validator("orders")
    @classmethod
    def _both_sides(cls, orders: dict[str, Any]) -> dict[str, Any]:
        missing = [s for s in SIDES if s not in orders]
        if missing:
            raise ValueError(f"orders are missing for {', '.join(missing)}")
        return orders


class LevelCopy(_Strict):
    """The level the game was played on, copied whole so the save outlives edits to it."""

    id: str = Field(min_length=1)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    path: str | None = None
    text: str = Field(min_length=1)


class SavedPlayer(_Strict):
    kind: Literal["human", "ai"]
    name: str = Field(description="'human' or the AI's spec, e.g. 'greedy'")


class SavedOutcome(_Strict):
    winner: Side | None
    reason: str
    turn: int


class FinalState(_Strict):
    turn: int = Field(ge=1, description="the quarter the game stands at")
    state_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    outcome: SavedOutcome | None = None


class BranchOf(_Strict):
    """Where a what-if game split off from another saved game."""

    title: str
    turn: int = Field(ge=1)
    file: str | None = Field(None, description="the original's file name in the save folder")


class RecordPrint(_Strict):
    """Fingerprints of the seed and of each turn's orders (game/saves/fingerprint.py)."""

    seed: str = Field(pattern=r"^[0-9a-f]{64}$")
    orders: list[str] = Field(description="16 hex digits per turn, in turn order")


class SaveGame(_Strict):
    format: Literal["swarms-vs-titans-save"] = "swarms-vs-titans-save"
    format_version: Literal[3] = 3
    game_version: str
    title: str = Field(description="the player's name for the game ('' = the level's title)")
    group: str = Field(
        "", max_length=GROUP_CHARS, description="the pupils' group name in a lesson ('' = none)"
    )
    created: str
    updated: str
    level: LevelCopy
    seed: int
    mode: str
    players: dict[Side, SavedPlayer]
    turns: list[SavedTurn]
    final: FinalState
    branch_of: BranchOf | None = None
    fingerprint: RecordPrint | None = Field(
        None, description="seed and orders fingerprints (absent in older saves)"
    )

    @model_validator(mode="after")
    def _consistent(self) -> SaveGame:
        missing = [s for s in SIDES if s not in self.players]
        if missing:
            raise ValueError(f"players are missing for {', '.join(missing)}")
        for index, turn in enumerate(self.turns):
            if turn.turn != index + 1:
                raise ValueError(f"turn {index + 1} is numbered {turn.turn}")
            for side, orders in turn.orders.items():
                if not all(math.isfinite(v) for v in orders.allocation):
                    raise ValueError(f"turn {turn.turn}: {side}'s shares are not numbers")
        if self.final.turn != len(self.turns) + 1:
            raise ValueError(
                f"the save records {len(self.turns)} turns but says it stands at "
                f"turn {self.final.turn}"
            )
        return self

    @property
    def turn(self) -> int:
        """The quarter the saved game stands at (1 = nothing played yet)."""
        return self.final.turn

    @property
    def finished(self) -> bool:
        return self.final.outcome is not None
