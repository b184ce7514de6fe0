"""Cards' effects and the engine's refusals, put into words in the current language.

`describe_effects` turns a policy's or event's effect list into lines such as
"China: supply of Nvidia H20 set to 0 for 6 quarters" or "USA: confidence −0.12";
`describe_reason` turns a `Reason` from `check()` into a sentence. Both read all wording
from `assets/i18n/<lang>/turn.yaml` (keys `effect.*`, `reason.*`, `unit.*`), so the event
cards, the turn screen and the debrief say the same thing the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.drawing import fmt
from game.engine.orders import Reason
from game.engine.rules import STOCKS, Rules
from game.i18n import has_key, pick, t, tn
from game.levels.model import Effect

# How each stock or parameter is measured, which decides how its numbers are written.
KIND = {
    "budget": "money",
    "income": "money",
    "energy_gw": "gw",
    "talent": "points",
    "algo_efficiency": "factor",
    "frontier_log10": "oom",
    "adoption": "share",
    "confidence": "plain",
    "interconnect": "share",
    "income_growth": "factor",
    "income_growth_damping": "plain",
    "adoption_dividend": "share",
    "adoption_rate": "share",
    "adoption_max": "share",
    "confidence_reversion": "share",
    "confidence_lead_weight": "plain",
    "power_price_usd_per_kwh": "usd_kwh",
    "domestic_chip_power_factor": "factor",
    "energy_baseline_gw_per_turn": "gw_q",
    "energy_cost_bn_per_gw": "bn_per_gw",
    "energy_build_lag_turns": "quarters",
    "energy_build_cap_gw_per_turn": "gw_q",
    "interconnect_overhead": "plain",
    "talent_inflow_per_turn": "points_q",
    "talent_per_sqrt_bn": "plain",
    "talent_attrition_per_turn": "share",
    "algo_log10_per_turn": "oom",
    "run_share_max": "share",
    "models_scale_bn": "money",
    "distillation": "share",
    "distillation_lag_turns": "quarters",
    "chip_depreciation_per_turn": "share",
    "chip_install_lag_turns": "quarters",
    "run_share_growth_per_turn": "plain",
    "run_strength_ramp_per_turn": "share",
    "models_scale_growth_per_turn": "plain",
    "offgrid_build_cap_gw_per_turn": "gw_q",
    "offgrid_cost_bn_per_gw": "bn_per_gw",
    "offgrid_lag_turns": "quarters",
    "supply": "chips_q",
    "price": "kusd",
    "levy": "share",
}


def side_label(side: str) -> str:
    """'USA', 'China', 'Both sides', or 'You'/'Your rival' for an unresolved policy side."""
    if side in ("usa", "china"):
        return t(f"faction.{side}.country")
    return t(f"effect.side.{side}")


def _chip_name(rules: Rules, chip_id: str) -> str:
    for chip in rules.level.chips:
        if chip.id == chip_id:
            return pick(chip.name)
    return chip_id


def target_label(rules: Rules, target: str) -> str:
    """The name of what an effect changes: 'confidence', 'supply of Nvidia H20', …"""
    if target.startswith("chips."):
        _, chip_id, knob = target.split(".")
        return t(f"effect.chip.{knob}", chip=_chip_name(rules, chip_id))
    return t(f"effect.target.{target}")


def kind_of(target: str) -> str:
    return KIND.get(target.rsplit(".", 1)[-1], "plain")


def value_text(kind: str, value: float, *, sign: bool = False) -> str:
    """A value (or, with `sign`, a change) written in the unit of its kind."""
    if sign:
        mark = "+" if value > 0 else (fmt.MINUS if value < 0 else "")
        return mark + value_text(kind, abs(value)) if kind != "share" else _pp(value)
    if kind == "share":
        return fmt.pct(value, fmt.short_decimals(value * 100, 1))
    if kind == "oom":
        return t("unit.oom", v=fmt.num(value, 2))
    if kind == "chips_q":
        return t("unit.chips_q", v=fmt.compact(value))
    if kind == "quarters":
        return tn("unit.quarters", round(value))
    if kind == "money":
        return fmt.bn(value)
    if kind == "points":
        return t("unit.points", v=fmt.num(value, 1))
    text = fmt.num(value, fmt.short_decimals(value))
    key = UNIT_KEYS.get(kind)
    return t(key, v=text) if key else text


def _pp(change: float) -> str:
    points = change * 100
    return t("unit.pp", v=fmt.signed(points, fmt.short_decimals(points, 1)))


UNIT_KEYS = {
    "gw": "unit.gw",
    "gw_q": "unit.gw_q",
    "points_q": "unit.points_q",
    "usd_kwh": "unit.usd_kwh",
    "bn_per_gw": "unit.bn_per_gw",
    "kusd": "unit.kusd",
    "factor": "unit.factor",
}


def change_text(rules: Rules, effect: Effect) -> str:
    """'confidence −0.12', 'supply of Nvidia H20 set to 0', 'income +10%'."""
    label = target_label(rules, effect.target)
    kind = kind_of(effect.target)
    if effect.op == "add":
        return t("effect.op.add", target=label, value=value_text(kind, effect.value, sign=True))
    if effect.op == "multiply":
        if effect.value >= 3:
            change = t("unit.times", v=fmt.num(effect.value, 1))
        else:
            change = t("unit.percent", v=fmt.signed((effect.value - 1) * 100, 0))
        return t("effect.op.multiply", target=label, value=change)
    return t("effect.op.set", target=label, value=value_text(kind, effect.value))


def _sides(effect: Effect, acting_side: str | None) -> str:
    if effect.side in ("self", "opponent") and acting_side in ("usa", "china"):
        return "china" if (effect.side == "self") == (acting_side == "china") else "usa"
    return effect.side


def describe_effect(rules: Rules, effect: Effect, acting_side: str | None = None) -> str:
    """One effect as a line: who, what changes, and for how long."""
    change = change_text(rules, effect)
    is_stock = effect.target in STOCKS
    if not is_stock:
        if effect.turns is None:
            change = t("effect.for_good", change=change)
        else:
            change = t("effect.for_turns", change=change, turns=tn("unit.quarters", effect.turns))
    return t("effect.line", side=side_label(_sides(effect, acting_side)), change=change)


def describe_effects(
    rules: Rules, effects: Iterable[Effect], acting_side: str | None = None
) -> list[str]:
    """Every effect of a card in words, one line each, in the card's order.

    `acting_side` resolves a policy's `self`/`opponent` to the country that plays it;
    without it those read as "You" / "Your rival".
    """
    return [describe_effect(rules, e, acting_side) for e in effects]


# --- refusals from check() / policy_problems() -------------------------------------------
def _policy_title(rules: Rules, policy_id: str) -> str:
    policy = rules.policies.get(policy_id)
    return pick(policy.title) if policy is not None else policy_id


def _event_title(rules: Rules, event_id: str) -> str:
    event = rules.events_by_id.get(event_id)
    return pick(event.title) if event is not None else event_id


def _threshold_value(stock: str, value: float) -> str:
    if stock in ("adoption", "idle_share"):
        return fmt.pct(value)
    if stock == "energy_gw":
        return fmt.gw(value)
    if stock == "chips_h100e":
        return t("unit.h100e", v=fmt.compact(value))
    return fmt.smart(value)


def describe_reason(rules: Rules, reason: Reason, *, short: bool = False) -> str:
    """A refusal from the engine as a sentence; unknown codes still read as something.

    `short`: where the policy's title is already on screen, a wording without it.
    """
    p = dict(reason.params)
    code = reason.code
    if "policy" in p:
        p["policy"] = _policy_title(rules, p["policy"])
    if "event" in p:
        p["event"] = _event_title(rules, p["event"])
    if "quarter" in p:
        p["quarter"] = fmt.quarter(p["quarter"])
    if "side" in p:
        p["side"] = side_label(p["side"])
    if code in ("needs_above", "needs_below"):
        p["value"] = _threshold_value(reason.params["stock"], reason.params["value"])
        p["stock"] = t(f"reason.stock.{reason.params['stock']}")
    if code == "share_negative":
        p["areas"] = ", ".join(t(f"stock.{a}") for a in reason.params.get("areas", []))
    if code in ("over_budget", "under_budget"):
        p["percent"] = fmt.num(reason.params.get("percent", 0), 1)
    if code == "policy_too_expensive":
        p["cost"] = fmt.bn(reason.params["cost"])
        p["budget"] = fmt.bn(reason.params["budget"])
    if code in ("policy_cooldown",):
        p["turns"] = tn("unit.quarters", int(reason.params.get("turns", 1)))
    if code == "policy_used" and "turn" in p:
        p["turn"] = fmt.quarter(rules.quarter(int(reason.params["turn"])))
    key = f"reason.short.{code}" if short and has_key(f"reason.short.{code}") else f"reason.{code}"
    text = t(key, **p)
    return t("reason.unknown", code=code) if text == key else text


def describe_reasons(rules: Rules, reasons: Iterable[Reason], *, short: bool = False) -> list[str]:
    return [describe_reason(rules, r, short=short) for r in reasons]
