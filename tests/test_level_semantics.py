"""Semantic checks and `suppress:`: levels that load but would not play as the designer meant."""

import copy
from pathlib import Path

import pytest
import yaml

from game.balance.trial import check_dry_run
from game.levels.codes import CODES, can_suppress
from game.levels.loader import check_level_bytes

MINIMAL = Path(__file__).parent / "fixtures" / "minimal_level.yaml"
BASE = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
QUIET = {"unreachable-victory": "eight quarters: a test level, not a race"}


def check(data: dict):
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return check_level_bytes(text.encode(), "m.yaml", trial=check_dry_run)


def variant(**suppress) -> dict:
    data = copy.deepcopy(BASE)
    data["suppress"] = {**QUIET, **suppress}
    return data


def codes(problems) -> list[tuple[str, str, str]]:
    return [(p.severity, p.code, p.path) for p in problems]


def test_quiet_minimal_level_has_no_problems():
    loaded, problems = check(variant())
    assert loaded is not None and problems == []
    assert [p.code for p in loaded.suppressed] == ["unreachable-victory"]


def test_short_game_warns_that_nobody_reaches_superintelligence():
    loaded, problems = check(copy.deepcopy(BASE))
    assert loaded is not None
    [warning] = problems
    assert (warning.severity, warning.code) == ("warning", "unreachable-victory")
    assert warning.path == "ladder.superintelligence_log10.value" and warning.line > 1
    assert "8 turns" in warning.message


def test_lower_ladder_top_makes_superintelligence_reachable():
    data = copy.deepcopy(BASE)
    data["ladder"]["superintelligence_log10"]["value"] = 26.5
    data["ladder"]["milestones"] = []
    loaded, problems = check(data)
    assert loaded is not None and "unreachable-victory" not in [p.code for p in problems]


def test_policy_nobody_can_afford_is_a_warning():
    data = variant()
    data["policies"][0]["cost_bn"]["value"] = 9999
    loaded, problems = check(data)
    assert loaded is not None
    assert codes(problems) == [("warning", "unaffordable-policy", "policies.0.cost_bn.value")]
    assert "chips_act" in problems[0].message and "usa" in problems[0].message


def test_source_nobody_cites_is_a_hint():
    data = variant()
    data["sources"]["orphan"] = dict(data["sources"]["epoch"])
    loaded, problems = check(data)
    assert loaded is not None
    assert codes(problems) == [("hint", "unused-source", "sources.orphan")]


@pytest.mark.parametrize(
    "note",
    [
        "Tuned so the race ends near 2030 (orphan: the trend)",
        {"en": "Tuned so the race ends near 2030 (orphan)", "de": "Rennen endet um 2030 (orphan)"},
    ],
    ids=["plain", "bilingual"],
)
def test_assumption_that_names_a_source_cites_it(note):
    data = variant()
    data["sources"]["orphan"] = dict(data["sources"]["epoch"])
    param = data["ladder"]["superintelligence_log10"]
    param.pop("source", None)
    param["assumption"] = note
    loaded, problems = check(data)
    assert loaded is not None
    assert "unused-source" not in [p.code for p in problems]


def test_description_that_names_a_source_cites_it():
    data = variant()
    data["sources"]["orphan"] = dict(data["sources"]["epoch"])
    data["description"]["en"] += " Compare the real figures (orphan)."
    loaded, problems = check(data)
    assert loaded is not None
    assert "unused-source" not in [p.code for p in problems]


def test_chip_nobody_can_buy_or_own_is_a_warning():
    data = variant()
    data["chips"][1]["supply"] = {}
    data["factions"]["china"]["start"]["fleet"] = []
    data["policies"][1]["effects"][0]["value"] = 0.5  # no card adds supply any more
    loaded, problems = check(data)
    assert loaded is not None
    assert ("warning", "unused-chip", "chips.1.id") in codes(problems)


def test_chip_off_sale_before_on_sale_is_an_error():
    data = variant()
    data["chips"][1]["available_from"] = "2026Q1"
    data["chips"][1]["available_until"] = "2025Q2"
    loaded, problems = check(data)
    assert loaded is None
    assert codes(problems) == [("error", "chip-window", "chips.1.available_until")]


def test_identical_factions_are_a_hint():
    data = variant()
    china = copy.deepcopy(data["factions"]["usa"])
    china["name"] = data["factions"]["china"]["name"]
    china["style"] = "swarms"
    data["factions"]["china"] = china
    loaded, problems = check(data)
    assert loaded is not None
    assert ("hint", "identical-factions", "factions.china") in codes(problems)


def test_start_confidence_outside_the_band_is_a_warning():
    data = variant()
    data["factions"]["usa"]["start"]["confidence"]["value"] = 4.9
    data["constants"]["confidence_max"]["value"] = 1.5
    _loaded, problems = check(data)
    assert ("warning", "clamped", "factions.usa.start.confidence.value") in codes(problems)


# --- suppress ---------------------------------------------------------------------------


def test_suppress_silences_a_warning_but_keeps_it_on_record():
    data = variant(**{"unaffordable-policy": "the bomb is never meant to be built"})
    data["policies"][0]["cost_bn"]["value"] = 9999
    loaded, problems = check(data)
    assert problems == [] and "unaffordable-policy" in [p.code for p in loaded.suppressed]


def test_errors_cannot_be_suppressed():
    data = variant(**{"chip-window": "please"})
    data["chips"][1]["available_from"] = "2026Q1"
    data["chips"][1]["available_until"] = "2025Q2"
    loaded, problems = check(data)
    assert loaded is None
    assert ("error", "chip-window", "chips.1.available_until") in codes(problems)
    assert ("warning", "unsuppressable", "suppress.chip-window") in codes(problems)


def test_unknown_code_in_suppress_is_a_warning_with_did_you_mean():
    loaded, problems = check(variant(**{"unused-sources": "typo"}))
    assert loaded is not None
    [problem] = problems
    assert (problem.severity, problem.code) == ("warning", "unknown-suppress")
    assert problem.hint == "did you mean 'unused-source'?"
    assert problem.source_line.strip().startswith("unused-sources:")


def test_stale_suppression_is_a_hint():
    _loaded, problems = check(variant(**{"unused-chip": "there used to be a spare chip"}))
    assert codes(problems) == [("hint", "unused-suppress", "suppress.unused-chip")]


def test_empty_reason_is_refused():
    loaded, problems = check(variant(**{"unused-chip": ""}))
    assert loaded is None and problems[0].path == "suppress.unused-chip"


def test_every_code_is_documented_and_warnings_are_suppressible():
    for code, (severities, meaning) in CODES.items():
        assert severities and meaning, code
        assert can_suppress(code) == (severities != ("error",))
