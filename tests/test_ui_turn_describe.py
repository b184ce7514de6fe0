"""Effects and refusals in words: every target kind and every reason code reads as a sentence."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from level_factory import make_rules

from game.engine.orders import Reason
from game.engine.rules import PARAMS, STOCKS
from game.i18n import set_language
from game.levels.model import Effect
from game.ui.describe import describe_effects, describe_reason

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(params=["en", "de"])
def lang(request):
    set_language(request.param)
    yield request.param
    set_language("en")


def _clean(line: str) -> None:
    assert "{" not in line and "}" not in line, line
    assert "effect." not in line and "unit." not in line and "reason." not in line, line


def test_every_target_and_op_is_described(lang):
    rules = make_rules()
    targets = [*STOCKS, *PARAMS, "chips.alpha.supply", "chips.alpha.price", "chips.beta.levy"]
    for target in targets:
        for op, value in (("add", -0.12), ("multiply", 0.75), ("set", 2.0)):
            for side, acting in (("self", "usa"), ("opponent", "usa"), ("both", None)):
                effect = Effect(target=target, op=op, value=value, side=side, turns=6)
                (line,) = describe_effects(rules, [effect], acting)
                _clean(line)
                assert len(line) > 8


def test_policy_sides_resolve_to_countries(lang):
    rules = make_rules()
    effects = [
        Effect(target="chips.alpha.supply", op="set", value=0, side="opponent", turns=6),
        Effect(target="confidence", op="add", value=-0.12, side="self"),
    ]
    supply, confidence = describe_effects(rules, effects, "usa")
    assert supply.startswith("China:")
    assert "6" in supply and "alpha" in supply
    assert confidence.startswith("USA:")
    assert "\u22120" in confidence and "12" in confidence  # a real minus sign
    assert describe_effects(rules, effects)[0].startswith("Your rival" if lang == "en" else "Dein")


def _reason_codes() -> set[str]:
    codes = set()
    for name in ("orders.py", "conditions.py"):
        tree = ast.parse((ROOT / "game" / "engine" / name).read_text())
        for node in ast.walk(tree):
            is_reason = isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
                "Reason",
                "_reason",
            )
            if is_reason and isinstance(node.args[0], ast.Constant):
                codes.add(node.args[0].value)
            if isinstance(node, ast.Constant) and node.value in ("over_budget", "under_budget"):
                codes.add(node.value)
    return codes


def test_every_reason_code_has_words(lang):
    rules = make_rules()
    params = {
        "policy": "boost",
        "event": "nothing",
        "side": "china",
        "turns": 2,
        "turn": 1,
        "quarter": "2027Q1",
        "stock": "adoption",
        "value": 0.4,
        "percent": 101.0,
        "areas": ["chips"],
        "cost": 10.0,
        "budget": 4.0,
    }
    codes = _reason_codes()
    assert {"policy_cooldown", "needs_above", "over_budget"} <= codes
    for code in codes:
        text = describe_reason(rules, Reason(code, params))
        _clean(text)
        assert code not in text, f"{code} has no words in {lang}"
