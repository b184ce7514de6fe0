"""The level compiled into plain numbers the engine reads quickly.

`Rules` is immutable and built once per level (spec vs instance: the level never changes
during a game; `GameState` holds only numbers and ids). Every number here comes from the
level file; the only constants in code are units of time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn

from game.levels.model import (
    CHIP_KNOBS,
    PARAM_DEFAULTS,
    PARAMS,
    SIDES,
    STOCKS,
    Condition,
    Effect,
    Event,
    FactionParams,
    Level,
    Policy,
    param_range,
    quarter_index,
    quarter_name,
)

if TYPE_CHECKING:
    from game.engine.market import Offer

SECONDS_PER_QUARTER = 365.25 * 86400 / 4
HOURS_PER_QUARTER = 365.25 * 24 / 4


def other(side: str) -> str:
    return "china" if side == "usa" else "usa"


class Params(dict[str, float]):
    """A side's parameters in one quarter, shared by every caller that asks: read-only.

    Sharing is what makes them cheap (an AI asks thousands of times per decision); the
    chip market they imply is worked out once and kept with them (`offers`). Copy with
    `dict(params)` to change a value.
    """

    __slots__ = ("offers",)

    def __init__(self, values: Mapping[str, float] | Iterable[tuple[str, float]] = ()) -> None:
        dict.__init__(self, values)
        self.offers: tuple[Offer, ...] | None = None

    def _read_only(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("shared parameters are read-only; change a copy: dict(params)")

    __setitem__ = __delitem__ = __ior__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self) -> tuple[type[Params], tuple[dict[str, float]]]:
        return (Params, (dict(self),))


@dataclass(frozen=True, slots=True)
class ChipSpec:
    id: str
    origin: str
    h100e_per_unit: float
    kw_per_unit: float
    price_k_usd: float
    price_change_per_turn: float
    first_turn: int
    last_turn: int
    supply: dict[str, tuple[float, float]]
    levy: float


@dataclass(frozen=True, slots=True)
class MilestoneSpec:
    id: str
    log10: float
    effects: tuple[Effect, ...] = ()
    first_effects: tuple[Effect, ...] = ()


@dataclass(frozen=True)
class Rules:
    level: Level
    turns: int
    start_quarter: int
    constants: dict[str, float]
    params: dict[str, dict[str, float]]
    param_ranges: dict[str, tuple[float, float]]
    chips: tuple[ChipSpec, ...]
    chip_by_id: dict[str, ChipSpec]
    policies: dict[str, Policy]
    scripted_events: dict[int, tuple[Event, ...]]
    random_events: tuple[Event, ...]
    zero_log10: float
    superintelligence_log10: float
    reference_growth_log10_per_year: float
    milestones: tuple[MilestoneSpec, ...]
    events_by_id: dict[str, Event] = field(default_factory=dict)
    superintelligence_band_log10: float = 0.0
    _base_cache: dict[tuple[str, int], Params] = field(
        default_factory=dict, repr=False, compare=False
    )
    # Values derived from the level and asked for thousands of times per AI decision
    # (effective parameters, compiled conditions, AI styles). Not copied by `replace()`.
    _memo: dict[str, dict[Any, Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def level_id(self) -> str:
        return self.level.id

    def quarter(self, turn: int) -> str:
        """Calendar name of a turn, e.g. turn 1 -> '2025Q1'."""
        return quarter_name(self.start_quarter + turn - 1)

    def turn_of(self, quarter: str) -> int:
        return quarter_index(quarter) - self.start_quarter + 1

    def capability(self, frontier_log10: float) -> float:
        """Position on the 0–100 ladder (not clamped: above 100 means superintelligence)."""
        span = self.superintelligence_log10 - self.zero_log10
        return 100.0 * (frontier_log10 - self.zero_log10) / span

    def superintelligence_at(self, state_threshold: float | None) -> float:
        """The threshold a game is played against: its hidden draw, or the ladder's top."""
        return self.superintelligence_log10 if state_threshold is None else state_threshold

    def lag_months(self, log10_gap: float) -> float:
        """A frontier gap in log10 FLOP expressed as months of the leader's progress."""
        return log10_gap / (self.reference_growth_log10_per_year / 12.0)

    def base_params(self, side: str, turn: int) -> Params:
        """Level parameters for a side in a quarter, with chip markets grown to that date."""
        key = (side, turn)
        cached = self._base_cache.get(key)
        if cached is None:
            values = dict(self.params[side])
            values["models_scale_bn"] *= values["models_scale_growth_per_turn"] ** (turn - 1)
            for chip in self.chips:
                units, growth = chip.supply.get(side, (0.0, 1.0))
                on_sale = chip.first_turn <= turn <= chip.last_turn
                # Supply grows from the quarter a chip goes on sale (or turn 1).
                age = turn - max(1, chip.first_turn)
                values[f"chips.{chip.id}.supply"] = units * growth**age if on_sale else 0.0
                values[f"chips.{chip.id}.price"] = (
                    chip.price_k_usd * chip.price_change_per_turn ** (turn - 1)
                )
                values[f"chips.{chip.id}.levy"] = chip.levy
            cached = self._base_cache[key] = Params(values)
        return cached

    def derived(self, name: str) -> dict[Any, Any]:
        """A named cache for values worked out from the level alone (kept with these rules)."""
        memo = self._memo.get(name)
        if memo is None:
            memo = self._memo[name] = {}
        return memo

    def policies_for(self, side: str) -> list[Policy]:
        return [p for p in self.policies.values() if p.side == side]


def compile_rules(level: Level) -> Rules:
    """Turn a validated level into `Rules`. Assumes cross-references were checked."""
    start = quarter_index(level.calendar.start)

    def turn_of(quarter: str | None, default: int) -> int:
        return default if quarter is None else quarter_index(quarter) - start + 1

    chips = tuple(
        ChipSpec(
            id=c.id,
            origin=c.origin,
            h100e_per_unit=c.h100e_per_unit.value,
            kw_per_unit=c.kw_per_unit.value,
            price_k_usd=c.price_k_usd.value,
            price_change_per_turn=c.price_change_per_turn.value,
            first_turn=turn_of(c.available_from, -(10**6)),
            last_turn=turn_of(c.available_until, 10**6),
            supply={
                side: (s.units_per_turn.value, s.growth_per_turn.value)
                for side, s in c.supply.items()
            },
            levy=c.levy_to_origin.value if c.levy_to_origin else 0.0,
        )
        for c in level.chips
    )
    scripted: dict[int, list[Event]] = {}
    for event in level.events:
        if event.at is not None:
            scripted.setdefault(turn_of(event.at, 0), []).append(event)
    ranges = {}
    for name in PARAMS:
        r = param_range(FactionParams, name)
        ranges[name] = (r.lo, r.hi) if r else (float("-inf"), float("inf"))
    constants = {
        name: getattr(level.constants, name).value
        for name in type(level.constants).model_fields
        if getattr(level.constants, name) is not None
    }
    constants.setdefault("training_turns", 1.0)
    constants.setdefault("talent_hire_share_per_turn", 0.5)
    constants.setdefault("rival_estimate_factor", 1.5)
    return Rules(
        level=level,
        turns=level.calendar.turns,
        start_quarter=start,
        constants=constants,
        params={side: _faction_params(level.factions[side].params) for side in SIDES},  # type: ignore[index]  # SIDES are the level's Side keys
        param_ranges=ranges,
        chips=chips,
        chip_by_id={c.id: c for c in chips},
        policies={p.id: p for p in level.policies},
        scripted_events={t: tuple(evs) for t, evs in scripted.items()},
        random_events=tuple(e for e in level.events if e.probability is not None),
        zero_log10=level.ladder.zero_log10.value,
        superintelligence_log10=level.ladder.superintelligence_log10.value,
        reference_growth_log10_per_year=level.ladder.reference_growth_log10_per_year.value,
        milestones=tuple(
            MilestoneSpec(m.id, m.log10, tuple(m.effects), tuple(m.first_effects))
            for m in sorted(level.ladder.milestones, key=lambda m: m.log10)
        ),
        events_by_id={e.id: e for e in level.events},
        superintelligence_band_log10=(
            level.ladder.superintelligence_band_log10.value
            if level.ladder.superintelligence_band_log10 is not None
            else 0.0
        ),
    )


def _faction_params(params: FactionParams) -> dict[str, float]:
    """Every parameter's value; an optional one a level leaves out takes its neutral default.

    The off-grid power price and lag default to the grid's, so "as the grid" needs no code.
    """
    values: dict[str, Any] = {}
    for name in PARAMS:
        param = getattr(params, name)
        values[name] = param.value if param is not None else PARAM_DEFAULTS.get(name)
    if values["offgrid_cost_bn_per_gw"] is None:
        values["offgrid_cost_bn_per_gw"] = values["energy_cost_bn_per_gw"]
    if values["offgrid_lag_turns"] is None:
        values["offgrid_lag_turns"] = values["energy_build_lag_turns"]
    return values


def effect_sides(effect: Effect, acting_side: str | None) -> tuple[str, ...]:
    """Which factions an effect touches; `self`/`opponent` are relative to the policy's side."""
    if effect.side == "both":
        return SIDES
    if effect.side == "self":
        return (acting_side,) if acting_side else ()
    if effect.side == "opponent":
        return (other(acting_side),) if acting_side else ()
    return (effect.side,)


__all__ = [
    "CHIP_KNOBS",
    "HOURS_PER_QUARTER",
    "PARAMS",
    "SECONDS_PER_QUARTER",
    "STOCKS",
    "ChipSpec",
    "Condition",
    "Params",
    "Rules",
    "compile_rules",
    "effect_sides",
    "other",
]
