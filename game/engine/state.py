"""The mutable game state: numbers and ids only, never level objects.

Cloning is hand-written (not `deepcopy`) because AIs clone states thousands of times per
decision. `to_dict`/`from_dict` give a canonical form for hashing, worker processes and
debugging; the save format itself is a replay (level + seed + orders).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from game.levels.model import SIDES


class ChipBatch(NamedTuple):
    """Chips of one kind bought in one quarter. Immutable, so clones can share batches."""

    chip: str
    units: float
    h100e_per_unit: float
    kw_per_unit: float
    origin: str
    age: int


# Every distinct change met in this process, numbered (a few dozen per level: never cleared,
# so a number always means the same change).
_CHANGE_IDS: dict[tuple[str, str, float], int] = {}


@dataclass(slots=True)
class ActiveEffect:
    """A card's change to a parameter, in force until `last_turn` (None: for good).

    Never changed in place once made (effects are added and expired, not edited), so
    clones of a state share them.
    """

    card: str
    side: str
    target: str
    op: str
    value: float
    last_turn: int | None
    # (target, op, value): what the effect changes, the key `effective_params` looks up.
    change: tuple[str, str, float] = field(init=False, repr=False, compare=False)
    # The same number for equal changes: a key far cheaper to hash and compare than the
    # changes themselves (`effective_params` looks up ~50 effects thousands of times a game).
    change_id: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.change = (self.target, self.op, self.value)
        change_id = _CHANGE_IDS.get(self.change)
        if change_id is None:
            change_id = _CHANGE_IDS[self.change] = len(_CHANGE_IDS)
        self.change_id = change_id

    def clone(self) -> ActiveEffect:
        return ActiveEffect(self.card, self.side, self.target, self.op, self.value, self.last_turn)


@dataclass(slots=True)
class FactionState:
    side: str
    budget: float
    income: float
    fleet: list[ChipBatch]
    interconnect: float
    energy_gw: float
    energy_pipeline: list[tuple[int, float]]
    talent: float
    algo_efficiency: float
    frontier_log10: float
    adoption: float
    confidence: float
    idle_share: float = 0.0
    usable_pflops: float = 0.0
    policies_played: dict[str, int] = field(default_factory=dict)
    milestones: list[str] = field(default_factory=list)
    # Effective FLOP reserved for the frontier model in the quarters before this one, while
    # it is still training (newest last): a run adds up `training_turns` quarters.
    run_history: list[float] = field(default_factory=list)
    # Last quarter's training-run strength (0-1), tracked only where the level limits how
    # fast it may rise (`run_strength_ramp_per_turn`).
    run_strength: float = 0.0
    # This side's frontier at the start of recent quarters (newest last), kept only where
    # a rival distils with a delay (`distillation_lag_turns`): it copies released models.
    frontier_history: list[float] = field(default_factory=list)

    def clone(self) -> FactionState:
        # Positional, in field order (40% faster than keywords): the AIs clone thousands of
        # states per decision. tests/test_state_clone.py checks that a clone keeps every field.
        return FactionState(
            self.side,
            self.budget,
            self.income,
            list(self.fleet),
            self.interconnect,
            self.energy_gw,
            list(self.energy_pipeline),
            self.talent,
            self.algo_efficiency,
            self.frontier_log10,
            self.adoption,
            self.confidence,
            self.idle_share,
            self.usable_pflops,
            dict(self.policies_played),
            list(self.milestones),
            list(self.run_history),
            self.run_strength,
            list(self.frontier_history),
        )

    @property
    def fleet_h100e(self) -> float:
        """H100-equivalents owned, including chips bought but not yet installed."""
        return sum([b.units * b.h100e_per_unit for b in self.fleet])

    @property
    def installed(self) -> list[ChipBatch]:
        """The batches running now (a batch with a negative age is still being installed)."""
        return [b for b in self.fleet if b.age >= 0]

    @property
    def installing_h100e(self) -> float:
        return sum(b.units * b.h100e_per_unit for b in self.fleet if b.age < 0)

    @property
    def fleet_units(self) -> float:
        return sum(b.units for b in self.fleet)

    @property
    def fleet_power_gw(self) -> float:
        return sum([b.units * b.kw_per_unit for b in self.fleet]) / 1e6

    @property
    def energy_pipeline_gw(self) -> float:
        return sum(gw for _, gw in self.energy_pipeline)


@dataclass(slots=True)
class Outcome:
    """How a finished game ended: `winner` is None for a draw."""

    winner: str | None
    reason: str  # superintelligence | margin | points | draw
    turn: int


@dataclass(slots=True)
class GameState:
    level_id: str
    seed: int
    turn: int
    rng_state: int
    factions: dict[str, FactionState]
    effects: list[ActiveEffect] = field(default_factory=list)
    fired: dict[str, int] = field(default_factory=dict)
    outcome: Outcome | None = None
    # Where superintelligence really lies in this game (hidden; None: the ladder's top).
    si_threshold_log10: float | None = None

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    def clone(self) -> GameState:
        outcome = self.outcome
        return GameState(  # positional, in field order (see FactionState.clone)
            self.level_id,
            self.seed,
            self.turn,
            self.rng_state,
            {s: f.clone() for s, f in self.factions.items()},
            list(self.effects),
            dict(self.fired),
            None if outcome is None else Outcome(outcome.winner, outcome.reason, outcome.turn),
            self.si_threshold_log10,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "level_id": self.level_id,
            "seed": self.seed,
            "turn": self.turn,
            "rng_state": self.rng_state,
            "factions": {s: _faction_dict(self.factions[s]) for s in SIDES},
            "effects": [
                [e.card, e.side, e.target, e.op, e.value, e.last_turn] for e in self.effects
            ],
            "fired": dict(sorted(self.fired.items())),
            "outcome": None
            if self.outcome is None
            else [self.outcome.winner, self.outcome.reason, self.outcome.turn],
            **(
                {}
                if self.si_threshold_log10 is None
                else {"si_threshold_log10": self.si_threshold_log10}
            ),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GameState:
        return cls(
            level_id=data["level_id"],
            seed=data["seed"],
            turn=data["turn"],
            rng_state=data["rng_state"],
            factions={s: _faction_from(data["factions"][s]) for s in SIDES},
            effects=[ActiveEffect(*e) for e in data["effects"]],
            fired=dict(data["fired"]),
            outcome=None if data["outcome"] is None else Outcome(*data["outcome"]),
            si_threshold_log10=data.get("si_threshold_log10"),
        )


def _faction_dict(f: FactionState) -> dict[str, Any]:
    return {
        "side": f.side,
        "budget": f.budget,
        "income": f.income,
        "fleet": [
            [b.chip, b.units, b.h100e_per_unit, b.kw_per_unit, b.origin, b.age] for b in f.fleet
        ],
        "interconnect": f.interconnect,
        "energy_gw": f.energy_gw,
        "energy_pipeline": [list(p) for p in f.energy_pipeline],
        "talent": f.talent,
        "algo_efficiency": f.algo_efficiency,
        "frontier_log10": f.frontier_log10,
        "adoption": f.adoption,
        "confidence": f.confidence,
        "idle_share": f.idle_share,
        "usable_pflops": f.usable_pflops,
        "policies_played": dict(sorted(f.policies_played.items())),
        "milestones": list(f.milestones),
        "run_history": list(f.run_history),
        **({"run_strength": f.run_strength} if f.run_strength else {}),
        **({"frontier_history": list(f.frontier_history)} if f.frontier_history else {}),
    }


def _faction_from(d: dict[str, Any]) -> FactionState:
    return FactionState(
        side=d["side"],
        budget=d["budget"],
        income=d["income"],
        fleet=[ChipBatch(*b) for b in d["fleet"]],
        interconnect=d["interconnect"],
        energy_gw=d["energy_gw"],
        energy_pipeline=[(int(t), gw) for t, gw in d["energy_pipeline"]],
        talent=d["talent"],
        algo_efficiency=d["algo_efficiency"],
        frontier_log10=d["frontier_log10"],
        adoption=d["adoption"],
        confidence=d["confidence"],
        idle_share=d["idle_share"],
        usable_pflops=d["usable_pflops"],
        policies_played=dict(d["policies_played"]),
        milestones=list(d["milestones"]),
        run_history=list(d.get("run_history", [])),
        run_strength=d.get("run_strength", 0.0),
        frontier_history=list(d.get("frontier_history", [])),
    )


def state_hash(state: GameState) -> str:
    """A stable fingerprint: equal hashes mean the same game, bit for bit."""
    text = json.dumps(state.to_dict(), sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode()).hexdigest()
