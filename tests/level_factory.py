"""A small, fully controllable level built in code, for engine unit tests.

Numbers are round on purpose so each test can predict the engine's arithmetic.
"""

from __future__ import annotations

import copy

from game.engine import compile_rules
from game.levels.model import Level


def P(value: float) -> dict:
    return {"value": value, "assumption": "test value"}


def text(s: str) -> dict:
    return {"en": s, "de": s}


PARAMS = {
    "income_growth": 1.0,
    "income_growth_damping": 1.0,
    "adoption_dividend": 0.0,
    "adoption_rate": 0.0,
    "adoption_max": 0.9,
    "confidence_reversion": 0.0,
    "confidence_lead_weight": 0.0,
    "power_price_usd_per_kwh": 0.0,
    "domestic_chip_power_factor": 1.0,
    "energy_baseline_gw_per_turn": 0.0,
    "energy_cost_bn_per_gw": 2.0,
    "energy_build_lag_turns": 0,
    "energy_build_cap_gw_per_turn": 100.0,
    "interconnect_overhead": 0.0,
    "talent_inflow_per_turn": 0.0,
    "talent_per_sqrt_bn": 1.0,
    "talent_attrition_per_turn": 0.0,
    "algo_log10_per_turn": 0.0,
    "run_share_max": 0.01,
    "models_scale_bn": 10.0,
    "distillation": 0.0,
    "chip_depreciation_per_turn": 0.0,
}

START = {
    "income_bn": 100.0,
    "energy_gw": 10.0,
    "talent": 30.0,
    "algo_efficiency": 1.0,
    "frontier_log10": 26.0,
    "adoption": 0.1,
    "confidence": 1.0,
    "interconnect": 1.0,
}


def level_dict() -> dict:
    def faction(style: str, chip: str) -> dict:
        return {
            "name": text(style),
            "style": style,
            "start": {
                **{k: P(v) for k, v in START.items()},
                "fleet": [{"chip": chip, "units": P(1e6), "age_turns": 0}],
            },
            "params": {k: P(v) for k, v in PARAMS.items()},
        }

    def chip(cid: str, origin: str, buyers: dict) -> dict:
        return {
            "id": cid,
            "name": text(cid),
            "origin": origin,
            "h100e_per_unit": P(1.0),
            "kw_per_unit": P(1.0),
            "price_k_usd": P(20.0),
            "price_change_per_turn": P(1.0),
            "supply": {
                side: {"units_per_turn": P(units), "growth_per_turn": P(1.0)}
                for side, units in buyers.items()
            },
        }

    return {
        "schema_version": 1,
        "id": "test",
        "title": text("Test"),
        "description": text("Test level"),
        "calendar": {"start": "2025Q1", "turns": 8},
        "ladder": {
            "zero_log10": P(24.0),
            "superintelligence_log10": P(34.0),
            "reference_growth_log10_per_year": P(1.2),
            "milestones": [{"id": "m27", "log10": 27.0, "title": text("M27")}],
        },
        "constants": {
            "h100e_tflops": P(1000.0),
            "model_flop_utilisation": P(0.5),
            "talent_reference": P(30.0),
            "algo_talent_elasticity": P(0.5),
            "chip_max_age_turns": P(20),
            "confidence_min": P(0.5),
            "confidence_max": P(1.5),
            "adoption_capability_midpoint": P(50.0),
            "adoption_capability_width": P(10.0),
        },
        "factions": {"usa": faction("titans", "alpha"), "china": faction("swarms", "beta")},
        "chips": [
            chip("alpha", "usa", {"usa": 1e6, "china": 0.0}),
            chip("beta", "china", {"china": 1e6}),
        ],
        "policies": [
            {
                "id": "boost",
                "side": "usa",
                "title": text("Boost"),
                "text": text("Boost"),
                "cost_bn": P(10.0),
                "once": True,
                "effects": [{"target": "talent", "op": "add", "value": 5, "side": "self"}],
                "source": "s1",
            }
        ],
        "events": [],
        "sources": {
            "s1": {"title": "T", "publisher": "P", "date": "2025", "url": "https://example.org"}
        },
    }


def make_rules(mutate=None):
    data = copy.deepcopy(level_dict())
    if mutate:
        mutate(data)
    return compile_rules(Level.model_validate(data))


def set_param(data: dict, side: str, name: str, value: float) -> None:
    data["factions"][side]["params"][name] = P(value)


def set_start(data: dict, side: str, name: str, value: float) -> None:
    data["factions"][side]["start"][name] = P(value)
