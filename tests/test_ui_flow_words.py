"""narrate() has words for every engine event kind, in both languages, for both voices."""

from __future__ import annotations

import dataclasses
import inspect

import pytest
from level_factory import make_rules

from game.engine import events as ev
from game.i18n import has_key, set_language
from game.ui.narrate import KINDS, narrate

SAMPLE = {str: "usa", float: 0.38, bool: True, int: 3}


def every_event_kind() -> list[type]:
    return [
        cls
        for _, cls in inspect.getmembers(ev, inspect.isclass)
        if issubclass(cls, ev.GameEvent) and cls is not ev.GameEvent
    ]


def sample(cls: type) -> ev.GameEvent:
    values = {}
    for f in dataclasses.fields(cls):
        kind = {"str": str, "float": float, "bool": bool, "int": int}.get(
            str(f.type).split(" ")[0].replace("|", "").strip(), float
        )
        values[f.name] = SAMPLE[kind]
    if cls is ev.LevyPaid:
        values.update(payer="china", receiver="usa")
    if cls is ev.CardFired:
        values.update(event="nothing", random=False)
    if cls is ev.GameWon:
        values.update(winner="usa", reason="points")
    if cls is ev.TrainingRun:
        values.update(
            run_log10=26.0, catch_up_log10=0.3, capability_before=20.0, capability_after=30.0
        )
    return cls(**values)


def test_narrate_knows_every_event_kind():
    assert sorted(KINDS) == sorted(cls.__name__ for cls in every_event_kind())


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("voice", ["you", "they"])
def test_every_event_kind_has_words(lang, voice):
    rules = make_rules()
    set_language(lang)
    try:
        for cls in every_event_kind():
            event = sample(cls)
            for side in ("usa", "china"):
                lines = narrate([event], side, rules, voice)
                if side == "usa" or cls.__name__ in (
                    "CardFired",
                    "GameWon",
                    "PolicyPlayed",
                    "LevyPaid",
                ):
                    assert lines, (cls.__name__, side)
                for line in lines:
                    assert "narrate." not in line and "{" not in line, line
        for key in (
            "CardFired_random",
            "LevyPaid_received",
            "TrainingRun_none",
            "TrainingRun_flat",
        ):
            assert has_key(f"narrate.{voice}.{key}")
    finally:
        set_language("en")


def test_idle_chips_read_as_a_share_in_both_languages():
    rules = make_rules()
    event = ev.ChipsIdle("usa", 0.38, 2.5)
    set_language("en")
    assert narrate([event], "usa", rules)[0].startswith("38% of your chips sat idle")
    set_language("de")
    try:
        assert narrate([event], "usa", rules)[0].startswith("38 % eurer Chips")
    finally:
        set_language("en")


def test_the_rival_report_stays_private():
    rules = make_rules()
    bought = ev.ChipsBought("china", "x", 10.0, 10.0, 1.0)
    assert narrate([bought], "usa", rules) == []
    assert narrate([ev.MilestoneReached("china", "m27")], "usa", rules)
