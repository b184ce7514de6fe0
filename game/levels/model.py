"""The typed level: what a `levels/*.yaml` file may say, with ranges and descriptions.

These models are the single source of truth for the level format: the loader validates
against them, `python -m game schema` prints their JSON Schema, and the descriptions flow
into editor hover help. Cross-references (a card naming a chip, a source id) are checked in
`crossrefs.py`, which sees the whole level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Tag,
    TypeAdapter,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from game.levels.codes import suppressible_codes

SCHEMA_VERSION = 1
SIDES = ("usa", "china")
QUARTER_PATTERN = r"^(19|20|21)\d\dQ[1-4]$"
ID_PATTERN = r"^[a-z][a-z0-9_]*$"
DATE_PATTERN = r"^\d{4}(-\d\d){0,2}$"


class Strict(BaseModel):
    """Base for every level model: unknown keys are errors, strings never become numbers."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=60)]
Quarter = Annotated[
    str, Field(pattern=QUARTER_PATTERN, description="A calendar quarter such as 2025Q1.")
]
Side = Literal["usa", "china"]


def _whole_float_to_int(value: object) -> object:
    """`6.0` is the whole number 6, as JSON Schema (and so every editor) reads it."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# A count (quarters, a format version): `6` or `6.0`; never `6.5`, never text.
Whole = Annotated[int, BeforeValidator(_whole_float_to_int)]


class Text(Strict):
    """A text shown to players, in both languages the game ships."""

    en: str = Field(min_length=1, max_length=2000, description="English text.")
    de: str = Field(min_length=1, max_length=2000, description="German text.")


ASSUMPTION_MIN_LENGTH = 5


class Assumption(Strict):
    """Why a number was chosen, in both languages, so German pupils read it in German."""

    en: str = Field(min_length=ASSUMPTION_MIN_LENGTH, description="Why this number, in English.")
    de: str = Field(min_length=ASSUMPTION_MIN_LENGTH, description="Why this number, in German.")


# Pydantic names the chosen form of an assumption in an error's path; the checker drops
# these names again, so a designer reads `….assumption.de`, not a type name.
PLAIN_FORM, BILINGUAL_FORM = "[plain text]", "[en/de]"
ASSUMPTION_FORMS = frozenset({PLAIN_FORM, BILINGUAL_FORM})


def _assumption_form(note: object) -> str:
    """A mapping is the en/de form; anything else is checked as plain (English) text."""
    return BILINGUAL_FORM if isinstance(note, dict | Assumption) else PLAIN_FORM


AssumptionNote = Annotated[
    Annotated[str, Field(min_length=ASSUMPTION_MIN_LENGTH), Tag(PLAIN_FORM)]
    | Annotated[Assumption, Tag(BILINGUAL_FORM)],
    Discriminator(_assumption_form),
]


class Param(Strict):
    """A tunable number with where it comes from: a `source` id, or an `assumption`."""

    value: float = Field(description="The number itself, in the unit the field names.")
    source: str | None = Field(
        default=None, description="Id of an entry under `sources` that this number comes from."
    )
    assumption: AssumptionNote | None = Field(
        default=None,
        description=(
            "One line saying why this number was chosen when no source gives it: plain text "
            "(English only) or `{en: ..., de: ...}`."
        ),
    )

    @model_validator(mode="after")
    def _has_origin(self) -> Param:
        if (self.source is None) == (self.assumption is None):
            raise ValueError("give exactly one of `source` or `assumption` for every number")
        return self

    def assumption_text(self, lang: str = "en") -> str | None:
        """The assumption in `lang` (en or de); plain text is English and shown as it is."""
        note = self.assumption
        if note is None or isinstance(note, str):
            return note
        return note.de if lang == "de" else note.en


@dataclass(frozen=True)
class Range:
    """The allowed range of a `Param` field; the engine also clamps effects to it.

    Used as `Annotated[Param, ranged(lo, hi)]`: pydantic checks the value after the `Param`
    itself is valid, and the JSON Schema shows the range inline (see `_param_schema`).
    """

    lo: float
    hi: float

    def __get_pydantic_core_schema__(
        self, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        note = handler(TypeAdapter(AssumptionNote).core_schema)
        return _param_schema(self.lo, self.hi, note)

    def _check(self, p: Param) -> Param:
        if not self.lo <= p.value <= self.hi:
            raise ValueError(
                f"value {p.value:g} is outside the allowed range {self.lo:g} to {self.hi:g}"
            )
        return p


def param_range(model: type[BaseModel], field: str) -> Range | None:
    """The `Range` declared on a model's `Param` field, if any."""
    for item in model.model_fields[field].metadata:
        if isinstance(item, Range):
            return item
    return None


def ranged(lo: float, hi: float) -> Range:
    """Metadata for `Annotated[Param, ranged(lo, hi)]`: the value must lie in [lo, hi]."""
    return Range(lo, hi)


def _param_schema(lo: float, hi: float, note: JsonSchemaValue) -> JsonSchemaValue:
    """Inline schema of a ranged `Param`, so editors show and check the value's range."""
    text = {"type": "string", "minLength": 1}
    return {
        "type": "object",
        "properties": {
            "value": {
                "type": "number",
                "minimum": lo,
                "maximum": hi,
                "description": f"The number itself, from {lo:g} to {hi:g}.",
            },
            "source": {**text, "description": "Id of an entry under `sources`."},
            "assumption": {
                "description": (
                    "Why this number, when no source gives it: plain text (English only) "
                    "or {en, de}."
                ),
                **note,
            },
        },
        "required": ["value"],
        "additionalProperties": False,
        "oneOf": [{"required": ["source"]}, {"required": ["assumption"]}],
    }


class Source(Strict):
    """A published source a number or card comes from."""

    title: str = Field(min_length=1, description="Title of the article, report or dataset.")
    publisher: str = Field(min_length=1, description="Who published it.")
    date: str = Field(pattern=DATE_PATTERN, description="Publication date, YYYY[-MM[-DD]].")
    url: str = Field(pattern=r"^https?://", description="Where to read it.")
    facts_row: str | None = Field(
        default=None, description="Row id in the project's FACTS.md (for example D2)."
    )


class Calendar(Strict):
    start: Quarter = Field(description="The quarter of turn 1.")
    turns: Whole = Field(ge=1, le=80, description="Number of quarters the game lasts.")


class Milestone(Strict):
    id: Id
    log10: float = Field(ge=20, le=40, description="Effective training compute (log10 FLOP).")
    title: Text
    text: Text | None = None
    effects: list[Effect] = Field(
        default_factory=list,
        max_length=10,
        description=(
            "What reaching this rung changes for the side that reaches it, from the next "
            "quarter on (side: self or opponent), e.g. AI that speeds up AI research."
        ),
    )
    first_effects: list[Effect] = Field(
        default_factory=list,
        max_length=10,
        description=(
            "Extra effects for the side that reaches this rung first (before its rival), "
            "from the next quarter on: being first matters."
        ),
    )
    source: str | None = Field(
        default=None, description="Id of an entry under `sources` behind the effects."
    )
    assumption: AssumptionNote | None = Field(
        default=None, description="Why the effects are the size they are, when no source says."
    )

    @model_validator(mode="after")
    def _effects_have_origin(self) -> Milestone:
        if (self.effects or self.first_effects) and (self.source is None) == (
            self.assumption is None
        ):
            raise ValueError(
                "a milestone with effects needs exactly one of `source` or `assumption`"
            )
        return self


class Ladder(Strict):
    """Maps log10 effective training compute onto the 0–100 capability ladder."""

    zero_log10: Annotated[Param, ranged(15, 35)] = Field(
        description="log10 FLOP shown as capability 0."
    )
    superintelligence_log10: Annotated[Param, ranged(20, 45)] = Field(
        description="log10 FLOP at which a side reaches superintelligence (capability 100)."
    )
    superintelligence_band_log10: Annotated[Param, ranged(0, 12)] | None = Field(
        default=None,
        description=(
            "Nobody knows how much effective compute superintelligence takes: each game "
            "draws the real threshold, hidden from both sides, uniformly from this many "
            "log10 below `superintelligence_log10` up to it (omit: exactly at the top)."
        ),
    )
    reference_growth_log10_per_year: Annotated[Param, ranged(0.05, 5)] = Field(
        description="Frontier growth in log10 per year, used to express a gap in months."
    )
    milestones: list[Milestone] = Field(
        default_factory=list, max_length=20, description="Named rungs between 0 and 100."
    )


class Constants(Strict):
    """World-wide numbers shared by both factions."""

    h100e_tflops: Annotated[Param, ranged(1, 100000)] = Field(
        description="Dense BF16 TFLOP/s of one H100-equivalent."
    )
    model_flop_utilisation: Annotated[Param, ranged(0.01, 1)] = Field(
        description="Share of peak FLOP/s a training run achieves."
    )
    talent_reference: Annotated[Param, ranged(1, 1000)] = Field(
        description="Talent at which algorithms improve at the base rate."
    )
    carry_over_share: Annotated[Param, ranged(0, 1)] | None = Field(
        default=None,
        description=(
            "Share of money that found nothing to buy (chip supply or grid cap exhausted) "
            "that comes back next quarter (omit: all of it)."
        ),
    )
    talent_free_reference: Annotated[Param, ranged(1, 100)] | None = Field(
        default=None,
        description=(
            "Share of the world's top researchers (percent) working for neither side at the "
            "start; "
            "hiring slows as this free pool shrinks (omit for no limit)."
        ),
    )
    self_improvement_per_log10: Annotated[Param, ranged(0, 5)] | None = Field(
        default=None,
        description=(
            "AI research that feeds itself: each order of magnitude a side's frontier stands "
            "above `self_improvement_from_log10` speeds its algorithmic progress by this "
            "share (omit: no such speed-up)."
        ),
    )
    self_improvement_from_log10: Annotated[Param, ranged(20, 60)] | None = Field(
        default=None,
        description=(
            "Frontier (log10 effective FLOP) from which the models speed up the research "
            "that builds the next ones."
        ),
    )
    algo_talent_elasticity: Annotated[Param, ranged(0, 2)] = Field(
        description="How strongly algorithmic progress scales with talent (exponent)."
    )
    chip_max_age_turns: Annotated[Param, ranged(1, 80)] = Field(
        description="Age in quarters after which chips are retired."
    )
    confidence_min: Annotated[Param, ranged(0.05, 1)] = Field(
        description="Lowest market confidence multiplier."
    )
    confidence_max: Annotated[Param, ranged(1, 5)] = Field(
        description="Highest market confidence multiplier."
    )
    adoption_capability_midpoint: Annotated[Param, ranged(0, 100)] = Field(
        description="Capability at which adoption reaches half its ceiling."
    )
    adoption_capability_width: Annotated[Param, ranged(1, 100)] = Field(
        description="How many capability points adoption takes to rise (logistic width)."
    )
    rival_estimate_factor: Annotated[Param, ranged(1, 10)] | None = Field(
        default=None,
        description=(
            "How far off a side's estimate of its rival's algorithms can be, as a factor "
            "either way: the turn screen shows the rival's algorithms and what it could "
            "train next as a range (omit: 1.5)."
        ),
    )
    talent_hire_share_per_turn: Annotated[Param, ranged(0.01, 1)] | None = Field(
        default=None,
        description=(
            "Most of the free researchers one side can hire in a quarter, as a share "
            "(omit: half); money beyond that hires nobody and is carried over."
        ),
    )
    training_turns: Annotated[Param, ranged(1, 8)] | None = Field(
        default=None,
        description=(
            "Quarters a frontier model trains for: a run adds up the compute reserved over "
            "this many quarters (omit: one quarter)."
        ),
    )

    @model_validator(mode="after")
    def _self_improvement_has_start(self) -> Constants:
        if (self.self_improvement_per_log10 is None) != (self.self_improvement_from_log10 is None):
            raise ValueError(
                "give both `self_improvement_per_log10` and `self_improvement_from_log10`, "
                "or neither"
            )
        return self


class FleetBatch(Strict):
    chip: Id = Field(description="Id of a chip under `chips`.")
    units: Annotated[Param, ranged(0, 1e9)] = Field(description="Number of physical chips.")
    age_turns: Whole = Field(ge=0, le=80, description="Age of the batch at the start, in quarters.")


class FactionStart(Strict):
    """Each faction's stocks at turn 1."""

    income_bn: Annotated[Param, ranged(0, 10000)] = Field(
        description="AI budget per quarter at the start, $bn."
    )
    energy_gw: Annotated[Param, ranged(0, 10000)] = Field(
        description="Power available to AI data centres, GW."
    )
    talent: Annotated[Param, ranged(0, 100)] = Field(
        description="Top-tier AI researchers, as a share of the world's (percent)."
    )
    algo_efficiency: Annotated[Param, ranged(0.01, 1e6)] = Field(
        description="Algorithmic efficiency multiplier on compute."
    )
    frontier_log10: Annotated[Param, ranged(15, 45)] = Field(
        description="Best model so far: log10 effective training FLOP."
    )
    adoption: Annotated[Param, ranged(0, 1)] = Field(
        description="Share of the economy's terminals and agents using AI (0–1)."
    )
    confidence: Annotated[Param, ranged(0, 5)] = Field(
        description="Investors' and the state's willingness to fund (multiplier)."
    )
    interconnect: Annotated[Param, ranged(0, 1)] = Field(
        description="Networking technology: share of a fleet usable as one."
    )
    fleet: list[FleetBatch] = Field(min_length=0, max_length=20, description="Chips at start.")
    run_strength: Annotated[Param, ranged(0, 1)] | None = Field(
        default=None,
        description=(
            "Strength of the training run already under way at the start (0-1 of its largest "
            "possible slice of the fleet); matters where `run_strength_ramp_per_turn` limits "
            "how fast runs grow (omit: 0)."
        ),
    )


class FactionParams(Strict):
    """Each faction's tunable rules. Cards may change any of these by name."""

    income_growth: Annotated[Param, ranged(0.5, 2)] = Field(
        description="Income multiplier per quarter at the start."
    )
    income_growth_damping: Annotated[Param, ranged(0, 1)] = Field(
        description="Per quarter, the growth above 1 shrinks by this factor."
    )
    adoption_dividend: Annotated[Param, ranged(0, 5)] = Field(
        description="Extra budget share at full AI adoption."
    )
    adoption_rate: Annotated[Param, ranged(0, 1)] = Field(
        description="Share of the gap to the adoption target closed per quarter."
    )
    adoption_max: Annotated[Param, ranged(0, 1)] = Field(description="Adoption ceiling (0–1).")
    confidence_reversion: Annotated[Param, ranged(0, 1)] = Field(
        description="Share of the gap to the confidence target closed per quarter."
    )
    confidence_lead_weight: Annotated[Param, ranged(0, 2)] = Field(
        description="How much a one-year capability lead lifts confidence (and a lag lowers it)."
    )
    power_price_usd_per_kwh: Annotated[Param, ranged(0, 2)] = Field(
        description="Electricity price for AI data centres, $/kWh."
    )
    domestic_chip_power_factor: Annotated[Param, ranged(0, 2)] = Field(
        description="Multiplier on the power price for chips made at home (a subsidy when below 1)."
    )
    energy_baseline_gw_per_turn: Annotated[Param, ranged(0, 1000)] = Field(
        description="Power for AI that comes online each quarter without extra spending, GW."
    )
    energy_cost_bn_per_gw: Annotated[Param, ranged(0.01, 100)] = Field(
        description="Cost of one extra GW of power, $bn."
    )
    energy_build_lag_turns: Annotated[Param, ranged(0, 20)] = Field(
        description="Quarters from ordering power to using it."
    )
    energy_build_cap_gw_per_turn: Annotated[Param, ranged(0, 10000)] = Field(
        description="Most extra GW the grid can take on per quarter."
    )
    interconnect_overhead: Annotated[Param, ranged(0, 5)] = Field(
        description="Scale-out loss: efficiency falls by this much per doubling of a million chips."
    )
    talent_inflow_per_turn: Annotated[Param, ranged(-10, 10)] = Field(
        description="Researchers gained per quarter without spending."
    )
    talent_per_sqrt_bn: Annotated[Param, ranged(0, 10)] = Field(
        description="Researchers gained per square root of $bn spent on talent."
    )
    talent_attrition_per_turn: Annotated[Param, ranged(0, 1)] = Field(
        description="Share of talent lost per quarter."
    )
    algo_log10_per_turn: Annotated[Param, ranged(0, 2)] = Field(
        description="log10 gain of algorithmic efficiency per quarter at reference talent."
    )
    run_share_max: Annotated[Param, ranged(0, 1)] = Field(
        description="Largest share of the fleet one training run can use."
    )
    models_scale_bn: Annotated[Param, ranged(0.01, 1000)] = Field(
        description="Models spending ($bn) that buys 63% of the largest possible run."
    )
    distillation: Annotated[Param, ranged(0, 1)] = Field(
        description="Share of the gap to the rival's frontier a follower closes by distillation."
    )
    chip_depreciation_per_turn: Annotated[Param, ranged(0, 1)] = Field(
        description="Share of chips failing per quarter."
    )
    distillation_lag_turns: Annotated[Param, ranged(0, 8)] | None = Field(
        default=None,
        description=(
            "Quarters between the rival reaching a level and the follower being able to "
            "distil from it: only released models can be copied (omit: no delay)."
        ),
    )
    chip_install_lag_turns: Annotated[Param, ranged(0, 8)] | None = Field(
        default=None,
        description="Quarters from buying chips to running them (omit: the same quarter).",
    )
    run_share_growth_per_turn: Annotated[Param, ranged(0.5, 2)] | None = Field(
        default=None,
        description=(
            "Growth per quarter of the largest share of the fleet one run can use, as "
            "frontier clusters concentrate (omit: no growth)."
        ),
    )
    run_strength_ramp_per_turn: Annotated[Param, ranged(0.01, 1)] | None = Field(
        default=None,
        description=(
            "Most the training run's strength (the share of its largest possible slice of "
            "the fleet, 0-1) can rise from one quarter to the next: a frontier run is "
            "planned ahead, so the last quarter is no free sprint (omit: no limit)."
        ),
    )
    models_scale_growth_per_turn: Annotated[Param, ranged(0.5, 2)] | None = Field(
        default=None,
        description=(
            "Factor by which `models_scale_bn` grows each quarter: the staff, data and "
            "experiments of a frontier programme get dearer as runs grow (omit: 1)."
        ),
    )
    offgrid_build_cap_gw_per_turn: Annotated[Param, ranged(0, 10000)] | None = Field(
        default=None,
        description=(
            "Extra GW per quarter buildable off the grid (behind-the-meter gas turbines), "
            "bought with energy money the grid cap leaves over (omit: none)."
        ),
    )
    offgrid_cost_bn_per_gw: Annotated[Param, ranged(0.01, 100)] | None = Field(
        default=None, description="Cost of off-grid power per GW, $bn (omit: as the grid)."
    )
    offgrid_lag_turns: Annotated[Param, ranged(0, 20)] | None = Field(
        default=None, description="Quarters until off-grid power is online (omit: as the grid)."
    )


class Faction(Strict):
    name: Text = Field(description="Shown name, for example 'Titans (USA)'.")
    leader_title: Text | None = Field(default=None, description="Who decides, for the AI memo.")
    style: Literal["titans", "swarms"] = Field(
        description="Visual identity: few large blocks, or many small dots."
    )
    start: FactionStart
    params: FactionParams
    ai: dict[str, float] = Field(
        default_factory=dict,
        description=(
            "Tuning of the AI's style for this faction (weights by name, all optional): "
            "`chips`, `energy`, `talent`, `models` scale its planned spending on each area "
            "(default 1, 0 switches an area off); `policies` is its appetite for policies "
            "(default 1, 0 never plays one); `rival` weighs hurting the rival against "
            "helping itself (default 1); `prefer.<policy id>` adds a bonus for that policy. "
            "Unknown names are ignored."
        ),
    )


class Supply(Strict):
    units_per_turn: Annotated[Param, ranged(0, 1e9)] = Field(
        description="Chips this buyer can get per quarter."
    )
    growth_per_turn: Annotated[Param, ranged(0.5, 3)] = Field(
        description="Supply multiplier per quarter."
    )


class Chip(Strict):
    id: Id
    name: Text
    origin: Side = Field(description="Which faction makes it (for export controls and subsidies).")
    h100e_per_unit: Annotated[Param, ranged(0.001, 1000)] = Field(
        description="Compute of one chip in H100-equivalents."
    )
    kw_per_unit: Annotated[Param, ranged(0.01, 100)] = Field(
        description="All-in power of one chip in a data centre, kW."
    )
    price_k_usd: Annotated[Param, ranged(0.01, 10000)] = Field(
        description="All-in price of one chip in a data centre, $ thousands."
    )
    price_change_per_turn: Annotated[Param, ranged(0.5, 2)] = Field(
        description="Price multiplier per quarter."
    )
    available_from: Quarter | None = Field(default=None, description="First quarter on sale.")
    available_until: Quarter | None = Field(default=None, description="Last quarter on sale.")
    supply: dict[Side, Supply] = Field(description="Who may buy how many, per quarter.")
    levy_to_origin: Annotated[Param, ranged(0, 1)] | None = Field(
        default=None,
        description="Share of the sale price paid to the origin government (export levy).",
    )


StockName = Literal[
    "budget",
    "income",
    "energy_gw",
    "talent",
    "algo_efficiency",
    "frontier_log10",
    "adoption",
    "confidence",
    "interconnect",
]
# The effects vocabulary (MODEL.md): stocks change once, parameters for N quarters.
STOCKS: tuple[str, ...] = get_args(StockName)
PARAMS: tuple[str, ...] = tuple(FactionParams.model_fields)
CHIP_KNOBS = ("supply", "price", "levy")


class Threshold(Strict):
    side: Side
    stock: Literal[
        "capability", "energy_gw", "talent", "adoption", "confidence", "chips_h100e", "idle_share"
    ]
    above: float | None = None
    below: float | None = None

    @model_validator(mode="after")
    def _has_bound(self) -> Threshold:
        if self.above is None and self.below is None:
            raise ValueError("a threshold needs `above` or `below`")
        return self


class Condition(Strict):
    """When a card may fire or be played. Every given part must hold."""

    from_quarter: Quarter | None = None
    until_quarter: Quarter | None = None
    played: list[Id] = Field(default_factory=list, description="Policies already played.")
    not_played: list[Id] = Field(default_factory=list, description="Policies never played.")
    fired: list[Id] = Field(default_factory=list, description="Events that already fired.")
    not_fired: list[Id] = Field(default_factory=list, description="Events that never fired.")
    thresholds: list[Threshold] = Field(default_factory=list)


TARGET_PATTERN = r"^([a-z_0-9]+|chips\.[a-z][a-z0-9_]*\.(supply|price|levy))$"


class Effect(Strict):
    """One change a card makes: add, multiply or set a named stock or parameter."""

    target: str = Field(
        pattern=TARGET_PATTERN,
        description=(
            "A stock (budget, income, energy_gw, talent, algo_efficiency, frontier_log10, "
            "adoption, confidence, interconnect), a faction parameter (see `params`), or "
            "chips.<chip id>.supply|price|levy."
        ),
    )
    op: Literal["add", "multiply", "set"]
    value: float
    side: Literal["self", "opponent", "both", "usa", "china"] = Field(
        description="Who it applies to. Policies may say self/opponent; events name a side."
    )
    turns: Whole | None = Field(
        default=None,
        ge=1,
        le=80,
        description="For parameters: how many quarters it lasts (omit for the rest of the game).",
    )


class Card(Strict):
    id: Id
    title: Text
    text: Text
    effects: list[Effect] = Field(max_length=20)
    source: str = Field(description="Id of an entry under `sources`.")
    simplification: Text | None = Field(
        default=None, description="How the game departs from reality here, in one sentence."
    )


class Policy(Card):
    side: Side
    cost_bn: Annotated[Param, ranged(0, 10000)] = Field(
        description="What playing it costs, $bn, paid before the split."
    )
    requires: Condition = Field(default_factory=Condition)
    once: bool = Field(default=False, description="May be played only once per game.")
    cooldown_turns: Whole = Field(default=0, ge=0, le=80)


Milestone.model_rebuild()
Ladder.model_rebuild()


# Optional faction parameters and constants: the value used when a level leaves them out,
# chosen so that the mechanism is off and older levels play as they were written.
PARAM_DEFAULTS: dict[str, float] = {
    "distillation_lag_turns": 0.0,
    "chip_install_lag_turns": 0.0,
    "run_share_growth_per_turn": 1.0,
    "offgrid_build_cap_gw_per_turn": 0.0,
    "run_strength_ramp_per_turn": 1.0,
    "models_scale_growth_per_turn": 1.0,
}


StatusKind = Literal["happened", "announced", "forecast", "invented"]
STATUS_KINDS: tuple[str, ...] = get_args(StatusKind)


class EventStatus(Strict):
    """Whether a scripted event is history or projection, so no card passes a plan as fact."""

    kind: StatusKind = Field(
        description=(
            "happened: it took place (give `date`); announced: someone plans it (give "
            "`planned` and `by`); forecast: an expert projection; invented: made up for play."
        )
    )
    date: str | None = Field(
        default=None, pattern=DATE_PATTERN, description="When it happened, YYYY[-MM[-DD]]."
    )
    planned: Quarter | None = Field(
        default=None, description="The quarter the announcer gave for it (announced only)."
    )
    by: str | None = Field(
        default=None,
        min_length=1,
        max_length=60,
        description="Who announced or forecast it, as a name (Huawei, Goldman Sachs).",
    )

    @model_validator(mode="after")
    def _fits_kind(self) -> EventStatus:
        needs = {"happened": {"date"}, "announced": {"planned", "by"}}.get(self.kind, set())
        allowed = needs | ({"by"} if self.kind == "forecast" else set())
        given = {name for name in ("date", "planned", "by") if getattr(self, name) is not None}
        if needs - given:
            missing = ", ".join(f"`{n}`" for n in sorted(needs - given))
            raise ValueError(f"a status of kind {self.kind} needs {missing}")
        if given - allowed:
            extra = ", ".join(f"`{n}`" for n in sorted(given - allowed))
            raise ValueError(f"a status of kind {self.kind} takes no {extra}")
        return self


class Event(Card):
    at: Quarter | None = Field(default=None, description="Scripted: fires in this quarter.")
    status: EventStatus | None = Field(
        default=None,
        description=(
            "Scripted events only: happened, announced, forecast or invented for play; "
            "cards, the sources screen and the debrief show it."
        ),
    )
    probability: float | None = Field(
        default=None, ge=0, le=1, description="Random: chance per quarter while `when` holds."
    )
    when: Condition = Field(default_factory=Condition)
    once: bool = Field(default=True)

    @model_validator(mode="after")
    def _scripted_or_random(self) -> Event:
        if (self.at is None) == (self.probability is None):
            raise ValueError("an event needs exactly one of `at` (scripted) or `probability`")
        if self.status is not None and self.at is None:
            raise ValueError("only a scripted event (with `at`) takes a `status`")
        return self


class TimelineEntry(Strict):
    quarter: Quarter
    text: Text
    source: str


class Level(Strict):
    """A complete scenario: factions, chips, policies, events and the ladder."""

    schema_version: Whole = Field(
        ge=1, description="Level format version this file is written for."
    )
    id: str = Field(
        pattern=r"^[a-z][a-z0-9_-]*$",
        max_length=60,
        description="The level's id, usually its file name without .yaml (cold-ai-war).",
    )
    title: Text = Field(description="The scenario's name in the level list, in en and de.")
    description: Text = Field(
        description="Two or three sentences on the setup screen: what this scenario is about."
    )
    calendar: Calendar = Field(description="When the game starts and how many quarters it lasts.")
    ladder: Ladder = Field(
        description="The capability ladder: where 0 and superintelligence (100) lie."
    )
    constants: Constants = Field(description="World-wide numbers shared by both factions.")
    factions: dict[Side, Faction] = Field(
        description="The two sides, `usa` (Titans) and `china` (Swarms): start and parameters."
    )
    chips: list[Chip] = Field(
        min_length=1, max_length=40, description="Every accelerator either side can own or buy."
    )
    policies: list[Policy] = Field(
        default_factory=list,
        max_length=60,
        description="Cards a side may play, one per quarter, for a price.",
    )
    events: list[Event] = Field(
        default_factory=list,
        max_length=120,
        description="Cards that fire by themselves: scripted for a quarter, or at random.",
    )
    sources: dict[str, Source] = Field(
        min_length=1, description="Published sources, by id; numbers and cards cite them."
    )
    timeline: list[TimelineEntry] = Field(
        default_factory=list, description="What really happened, for the debrief."
    )
    questions: list[Text] = Field(
        default_factory=list, description="Discussion questions for the debrief."
    )
    suppress: dict[str, Annotated[str, Field(min_length=3, max_length=300)]] = Field(
        default_factory=dict,
        json_schema_extra={"propertyNames": {"enum": [*suppressible_codes()]}},
        description=(
            "Warnings and hints this level silences on purpose: problem code → the reason, "
            'for example `unused-source: "kept for the teacher\'s notes"`. Errors cannot '
            "be silenced; the codes are listed in docs/levels.md."
        ),
    )

    @field_validator("factions")
    @classmethod
    def _both_factions(cls, factions: dict[str, Faction]) -> dict[str, Faction]:
        missing = [s for s in SIDES if s not in factions]
        if missing:
            raise ValueError(f"missing faction(s): {', '.join(missing)}")
        return factions


def quarter_index(quarter: str) -> int:
    """Quarters since year 0, so two quarters can be compared and subtracted."""
    match = re.fullmatch(r"(\d{4})Q([1-4])", quarter)
    if not match:
        raise ValueError(f"not a quarter: {quarter!r}")
    return int(match.group(1)) * 4 + int(match.group(2)) - 1


def quarter_name(index: int) -> str:
    return f"{index // 4}Q{index % 4 + 1}"
