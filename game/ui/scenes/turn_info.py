"""What the turn screen says about a faction: its stocks as rows, their tooltips and sources,
and the forecast of the next quarter. Pure reading of a `PlayerView`; no drawing here.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.drawing import fmt
from game.engine import Allocation, IllegalOrders, Orders, Rules, advice, formulas, other, resolve
from game.engine.effects import effective_params
from game.engine.state import FactionState, GameState
from game.engine.view import PlayerView
from game.i18n import language, t
from game.levels.model import Param

NEUTRAL = Allocation(0.25, 0.25, 0.25, 0.25)


@dataclass(frozen=True)
class StockRow:
    key: str  # turn.stock.<key> names the label and tooltip
    icon: str
    value: str
    sub: str = ""
    tone: str = "text"  # text | good | bad | warn
    tip: str = ""


def interconnect_efficiency(rules: Rules, state: GameState, side: str) -> float:
    """Share of the fleet that works as one (MODEL.md step 4), by the engine's formula."""
    f = state.factions[side]
    overhead = effective_params(rules, state, side)["interconnect_overhead"]
    return formulas.interconnect_efficiency(f.interconnect, overhead, f.fleet_units)


def origin_text(rules: Rules, param: Param | None) -> str:
    """'Source: title (publisher, date)' or 'Assumption: …' for one level number."""
    if param is None:
        return ""
    if param.source is not None:
        src = rules.level.sources.get(param.source)
        if src is None:
            return ""
        return t("turn.source", title=src.title, publisher=src.publisher, date=src.date)
    return t("turn.assumption", text=param.assumption_text(language()))


def _main_chip(rules: Rules, f: FactionState):
    by_units: dict[str, float] = {}
    for b in f.fleet:
        by_units[b.chip] = by_units.get(b.chip, 0.0) + b.units
    best = max(by_units, key=by_units.get) if by_units else None
    for chip in rules.level.chips:
        if chip.id == best:
            return chip
    return None


def _origins(rules: Rules, side: str, key: str, f: FactionState) -> list[Param | None]:
    start = rules.level.factions[side].start
    params = rules.level.factions[side].params
    ladder = rules.level.ladder
    chip = _main_chip(rules, f)
    return {
        "budget": [start.income_bn, params.income_growth],
        "chips": [chip.h100e_per_unit if chip else None, chip.price_k_usd if chip else None],
        "interconnect": [start.interconnect, params.interconnect_overhead],
        "energy": [start.energy_gw, params.energy_build_lag_turns],
        "idle": [chip.kw_per_unit if chip else None],
        "talent": [start.talent, params.talent_inflow_per_turn],
        "algo": [start.algo_efficiency, params.algo_log10_per_turn],
        "capability": [ladder.superintelligence_log10, ladder.reference_growth_log10_per_year],
        "adoption": [start.adoption, params.adoption_max],
        "confidence": [start.confidence, params.confidence_lead_weight],
        "algo_est": [start.algo_efficiency, params.algo_log10_per_turn],
    }.get(key, [])


def factor_text(value: float, small_decimals: int = 2) -> str:
    """An algorithmic-efficiency factor short enough for a stock row: by 2030 it reaches
    hundreds of thousands, and "×138,480.1–311,581.9" no longer fits the rival panel.
    `small_decimals` below 10 (a range of two factors gets one)."""
    if value >= 10_000:
        return fmt.compact(value)
    return fmt.num(value, small_decimals if value < 10 else (1 if value < 1000 else 0))


def factor_range(low: float, high: float) -> dict[str, str]:
    """`low` and `high` for "×{low}–{high}", the unit written once when both are large:
    "×11–25k" fits the rival panel at scale 2 where "×11 Tsd.–25 Tsd." cut its label."""
    if low < 10_000:
        return {"low": factor_text(low, 1), "high": factor_text(high, 1)}
    divisor = 1e6 if high >= 1e6 else 1e3
    return {"low": fmt.num(low / divisor, 1 if divisor == 1e6 else 0), "high": fmt.compact(high)}


def _tip(rules: Rules, side: str, key: str, f: FactionState) -> str:
    lines = [t(f"turn.stock.{key}.tip")]
    seen = set()
    for param in _origins(rules, side, key, f):
        text = origin_text(rules, param)
        if text and text not in seen:
            seen.add(text)
            lines.append(text)
    return "\n".join(lines)


def stock_rows(rules: Rules, view: PlayerView, side: str, *, brief: bool = False) -> list[StockRow]:
    """The stocks of `side` as seen in `view` (brief: the few shown for the rival)."""
    state = view.state
    f = state.factions[side]
    capability = max(0.0, min(100.0, rules.capability(f.frontier_log10)))
    pipeline = f.energy_pipeline_gw
    rows = {
        "budget": StockRow("budget", "budget", fmt.bn(f.budget), t("turn.per_quarter")),
        "chips": StockRow(
            "chips",
            "chips",
            t("unit.h100e", v=fmt.compact(f.fleet_h100e)),
            t("turn.physical_chips", n=fmt.compact(f.fleet_units)),
        ),
        "interconnect": StockRow(
            "interconnect",
            "interconnect",
            fmt.pct(interconnect_efficiency(rules, state, side)),
            t("turn.of_fleet_as_one"),
        ),
        "energy": StockRow(
            "energy",
            "energy",
            fmt.gw(f.energy_gw),
            t("turn.pipeline", gw=fmt.gw(pipeline)) if pipeline > 0 else t("turn.no_pipeline"),
        ),
        "idle": StockRow(
            "idle",
            "chips",
            fmt.pct(f.idle_share),
            t("turn.idle_sub"),
            "bad" if f.idle_share > 0.05 else "good",
        ),
        "talent": StockRow("talent", "talent", fmt.num(f.talent, 1), t("turn.talent_sub")),
        "algo": StockRow(
            "algo",
            "models",
            t("unit.factor", v=factor_text(f.algo_efficiency)),
            t("turn.algo_sub"),
        ),
        "capability": StockRow(
            "capability", "capability", fmt.num(capability, 1), t("turn.capability_sub")
        ),
        "adoption": StockRow("adoption", "adoption", fmt.pct(f.adoption), t("turn.adoption_sub")),
        "confidence": StockRow(
            "confidence",
            "confidence",
            t("unit.factor", v=fmt.num(f.confidence, 2)),
            t("turn.confidence_sub"),
            "good" if f.confidence >= 1 else "warn",
        ),
    }
    if brief:
        estimate = advice.estimate_rival(rules, state, view.side)
        if estimate is not None:
            low, mid, high = estimate.reach
            rows["reach"] = StockRow(
                "reach",
                "capability",
                fmt.num(mid, 0),
                t("turn.reach_sub", low=fmt.num(low, 0), high=fmt.num(high, 0)),
                "warn" if mid > max(0.0, rules.capability(view.me.frontier_log10)) else "text",
            )
            lo, hi = estimate.algo
            rows["algo_est"] = StockRow(
                "algo_est",
                "models",
                t("turn.algo_range", **factor_range(lo, hi)),
                t("turn.estimate_sub"),
            )
    keys = (
        tuple(
            k
            for k in ("capability", "reach", "budget", "chips", "energy", "talent", "algo_est")
            if k in rows
        )
        if brief
        else (
            "budget",
            "chips",
            "interconnect",
            "energy",
            "idle",
            "talent",
            "algo",
            "capability",
            "adoption",
            "confidence",
        )
    )
    return [
        StockRow(r.key, r.icon, r.value, r.sub, r.tone, _tip(rules, side, r.key, f))
        for r in (rows[k] for k in keys)
    ]


@dataclass(frozen=True)
class Forecast:
    capability_now: float
    capability_next: float
    idle_next: float
    pflops_next: float
    waste: tuple = ()  # advice.Waste / advice.Idle: what this split buys nothing with
    projection: advice.Projection | None = None  # holding the split to the end
    projection_quarter: str = ""  # calendar name of the projection's last quarter


def _rival_plan(rules: Rules, side: str):
    """How the projection imagines the rival: one of the AI's own sensible plans per world
    (the turns of the plan `normal` weighs every quarter), each playing the cards a quick
    reading finds appealing, as the player's side does in the projection (`_my_cards`). A
    single plan made the range too narrow: a rival who ran a little harder for a rung
    flipped "5 of 5". A rival without cards made China's national compute network an
    ambush: in a play-test the US forecast read +27 months (5 of 5) in the quarter China
    played it and −18 (0 of 5) two quarters later."""
    from dataclasses import replace

    from game.ai.candidates import VARIANTS
    from game.ai.easy import DEFAULT_KNOBS, planned_orders
    from game.ai.style import style_for

    rival = other(side)
    style = style_for(rules, rival)

    def plan_with(variant: dict[str, float]):
        knobs = replace(DEFAULT_KNOBS, **variant).styled(style)

        def plan(state: GameState) -> Orders:
            orders, _ = planned_orders(rules, state, rival, knobs, style, policy=True)
            return orders

        return plan

    return tuple(plan_with(variant) for variant in VARIANTS)


def _my_cards(rules: Rules, side: str):
    """The cards the player's side plays in the projection's later quarters: those a quick
    reading in the side's style finds appealing, as the imagined rival does."""
    from game.ai.heuristic import pick_policy
    from game.ai.style import style_for

    style = style_for(rules, side)

    def card(state: GameState) -> str | None:
        return pick_policy(rules, state, side, style, max(0.0, state.factions[side].budget))[0]

    return card


def forecast(rules: Rules, view: PlayerView, orders: Orders) -> Forecast | None:
    """Next quarter for `view.side` if it plays `orders` and the rival splits evenly.

    An estimate only: the rival's real orders are secret, and the dice are hidden from the
    view (random events in the forecast are not the ones that will happen).
    """
    state = view.state
    if state.finished:
        return None
    side = view.side
    try:
        nxt, _ = resolve(rules, state.clone(), {side: orders, other(side): Orders(NEUTRAL)})
    except (IllegalOrders, ValueError, KeyError, ZeroDivisionError):
        return None
    f_now, f_next = state.factions[side], nxt.factions[side]
    projection = advice.project(
        rules,
        state,
        side,
        orders,
        rival_plan=_rival_plan(rules, side),
        my_cards=_my_cards(rules, side),
    )
    return Forecast(
        max(0.0, min(100.0, rules.capability(f_now.frontier_log10))),
        max(0.0, min(100.0, rules.capability(f_next.frontier_log10))),
        f_next.idle_share,
        f_next.usable_pflops,
        tuple(advice.waste(rules, state, side, orders)),
        projection,
        rules.quarter(projection.turn) if projection else "",
    )
