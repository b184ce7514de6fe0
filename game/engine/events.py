"""Typed records of what happened in a quarter, for screens, reports and the debrief.

Each record says what happened in numbers and ids; putting it into words is the job of
the UI's translation files, so the engine stays language-free.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class GameEvent:
    def to_dict(self) -> dict[str, Any]:
        return {"kind": type(self).__name__, **asdict(self)}


@dataclass(frozen=True, slots=True)
class PolicyPlayed(GameEvent):
    side: str
    policy: str
    cost_bn: float


@dataclass(frozen=True, slots=True)
class CardFired(GameEvent):
    """A scripted or random event card struck."""

    event: str
    random: bool


@dataclass(frozen=True, slots=True)
class ChipsBought(GameEvent):
    side: str
    chip: str
    units: float
    h100e: float
    spent_bn: float


@dataclass(frozen=True, slots=True)
class SupplyCapped(GameEvent):
    """Chip money that found no chips to buy (carried over to next quarter)."""

    side: str
    unspent_bn: float


@dataclass(frozen=True, slots=True)
class LevyPaid(GameEvent):
    payer: str
    receiver: str
    amount_bn: float


@dataclass(frozen=True, slots=True)
class EnergyOrdered(GameEvent):
    side: str
    gw: float
    spent_bn: float
    arrives_turn: int


@dataclass(frozen=True, slots=True)
class RunCapped(GameEvent):
    """Models money beyond the strongest run this quarter allows (carried over)."""

    side: str
    unspent_bn: float
    strength: float  # the strongest run allowed, 0-1


@dataclass(frozen=True, slots=True)
class TalentCapped(GameEvent):
    """Talent money the free researcher pool could not absorb (carried over)."""

    side: str
    unspent_bn: float


@dataclass(frozen=True, slots=True)
class EnergyCapped(GameEvent):
    """Energy money the grid could not absorb this quarter (carried over)."""

    side: str
    unspent_bn: float


@dataclass(frozen=True, slots=True)
class EnergyOnline(GameEvent):
    side: str
    gw: float


@dataclass(frozen=True, slots=True)
class TalentHired(GameEvent):
    side: str
    gained: float
    spent_bn: float


@dataclass(frozen=True, slots=True)
class ChipsIdle(GameEvent):
    """Chips without power: `idle_share` of the fleet sat dark this quarter."""

    side: str
    idle_share: float
    missing_gw: float


@dataclass(frozen=True, slots=True)
class TrainingRun(GameEvent):
    side: str
    run_log10: float | None
    catch_up_log10: float
    frontier_before: float
    frontier_after: float
    capability_before: float
    capability_after: float


@dataclass(frozen=True, slots=True)
class ChipsRetired(GameEvent):
    side: str
    h100e: float


@dataclass(frozen=True, slots=True)
class PowerBill(GameEvent):
    side: str
    cost_bn: float


@dataclass(frozen=True, slots=True)
class MilestoneReached(GameEvent):
    side: str
    milestone: str


@dataclass(frozen=True, slots=True)
class GameWon(GameEvent):
    """The game ended: `winner` None is a draw; `reason` says how it was decided."""

    winner: str | None
    reason: str
    capability_usa: float
    capability_china: float
