"""Mistakes that used to load silently now get a located warning (or a plain parser error)."""

from pathlib import Path

import pytest

from game.cli.validate import cmd_validate
from game.levels.loader import check_level_bytes

MINIMAL = (Path(__file__).parent / "fixtures" / "minimal_level.yaml").read_text(encoding="utf-8")
EVENT_EFFECT = "      - {target: talent, op: add, value: -1, side: china}"
POLICY_EFFECT = "      - {target: chips.ascend.supply, op: multiply, value: 1.5, side: self}"
RUNG = (
    "    - id: agents\n      log10: 26\n"
    "      title: {en: Reliable agents, de: Verlässliche Agenten}"
)
WHEN = "      fired: [export_controls]"


def problems(old: str, new: str) -> list[str]:
    assert old in MINIMAL, old
    text = MINIMAL.replace(old, new, 1)
    _, found = check_level_bytes(text.encode(), "m.yaml")
    return [p.format(show_source=False) for p in found]


def loads_with(old: str, new: str, code: str) -> str:
    text = MINIMAL.replace(old, new, 1)
    loaded, found = check_level_bytes(text.encode(), "m.yaml")
    assert loaded is not None, [p.format() for p in found]
    [problem] = [p for p in found if p.code == code]
    assert problem.severity == "warning"
    return f"{problem.line}:{problem.col}: {problem.path}: {problem.message}"


def test_the_minimal_level_has_no_plausibility_warning():
    assert problems("id: minimal", "id: minimal") == []


def test_multiply_by_seventy_is_named_as_a_probable_percentage():
    found = loads_with(
        EVENT_EFFECT,
        "      - {target: algo_log10_per_turn, op: multiply, value: 70, side: china, turns: 2}",
        "percent-as-factor",
    )
    assert found.startswith("150:60:") and "events.0.effects.0.value" in found
    assert "70-fold" in found


def test_percentage_hint_gives_the_factor():
    text = MINIMAL.replace(POLICY_EFFECT, POLICY_EFFECT.replace("1.5", "70"), 1)
    _, found = check_level_bytes(text.encode(), "m.yaml")
    [p] = [p for p in found if p.code == "percent-as-factor"]
    assert "`value: 0.3`" in (p.hint or "")


def test_milestones_out_of_order():
    two = RUNG + "\n    - id: tools\n      log10: 25\n      title: {en: Tools, de: Werkzeuge}"
    found = loads_with(RUNG, two, "milestone-order")
    assert "ladder.milestones.1.log10" in found and "'tools' (25)" in found


def test_supply_driven_below_zero_and_a_share_above_one():
    found = loads_with(
        POLICY_EFFECT,
        POLICY_EFFECT.replace("multiply, value: 1.5", "add, value: -300000"),
        "effect-clamped",
    )
    assert "below 0 (it starts at 2e+05)" in found
    found = loads_with(
        EVENT_EFFECT,
        EVENT_EFFECT.replace(
            "target: talent, op: add, value: -1", "target: adoption, op: set, value: 30"
        ),
        "effect-clamped",
    )
    assert "outside its range 0 to 1" in found


@pytest.mark.parametrize(
    ("new", "words"),
    [
        (WHEN + "\n      thresholds: [{side: usa, stock: adoption, above: 5}]", "never above 5"),
        (
            WHEN + "\n      thresholds: [{side: usa, stock: talent, above: 50, below: 40}]",
            "at once",
        ),
        (WHEN + "\n      from_quarter: 2026Q3\n      until_quarter: 2026Q1", "before from_quarter"),
        (WHEN + "\n      not_fired: [export_controls]", "both have and not have"),
    ],
)
def test_conditions_that_can_never_hold(new, words):
    found = loads_with(WHEN, new, "never-holds")
    assert "'breakthrough' can never fire" in found and words in found


def test_a_one_quarter_milestone_effect_never_acts():
    rung = RUNG + (
        "\n      effects: [{target: talent_per_sqrt_bn, op: add, value: 1, side: self, turns: 1}]"
        "\n      assumption: agents recruit"
    )
    found = loads_with(RUNG, rung, "never-holds")
    assert "ladder.milestones.0.effects.0.turns" in found and "before it ever acts" in found


def test_a_card_on_a_chip_that_is_off_sale_by_then():
    text = MINIMAL.replace("    available_from: 2025Q1", "    available_until: 2025Q2", 1)
    text = text.replace(
        EVENT_EFFECT, "      - {target: chips.ascend.supply, op: multiply, value: 0.5, side: china}"
    )
    _, found = check_level_bytes(text.encode(), "m.yaml")
    [p] = [p for p in found if p.code == "off-sale-effect"]
    assert p.path == "events.0.effects.0.target"
    assert "off sale from 2025Q3" in p.message and "changes nothing" in p.message


def test_a_warning_can_be_silenced_with_a_reason():
    new = EVENT_EFFECT.replace(
        "target: talent, op: add, value: -1", "target: adoption, op: set, value: 30"
    )
    text = MINIMAL.replace(EVENT_EFFECT, new, 1).replace(
        "timeline:", 'suppress: {effect-clamped: "a total boom, on purpose"}\ntimeline:'
    )
    loaded, found = check_level_bytes(text.encode(), "m.yaml")
    assert loaded is not None and found == []
    assert [p.code for p in loaded.suppressed] == ["effect-clamped"]


def test_two_level_files_with_one_id(tmp_path, capsys):
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(MINIMAL, encoding="utf-8")
    assert cmd_validate([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path / 'b.yaml'}:3:5: warning: id: the level id 'minimal' is also" in out


# --- parser errors in plain words -----------------------------------------------------------


def test_an_under_indented_key_is_named_on_its_own_line():
    [p] = problems("  start: 2025Q1\n", " start: 2025Q1\n")
    assert p.startswith("m.yaml:9:2: error: this line is indented by 1 space")


def test_an_over_indented_key_is_named_on_its_own_line():
    [p] = problems("  turns: 8\n", "   turns: 8\n")
    assert p.startswith("m.yaml:10:4: error: this line is indented by 3 spaces")


def test_a_decimal_comma_inside_braces():
    [p] = problems("{value: 989, source: nvidia}", "{value: 0,3, source: nvidia}")
    assert p == (
        "m.yaml:20:25: error: constants.h100e_tflops.value: '0,3' is read as two entries: "
        "inside {…} a comma separates entries\n    hint: write decimals with a point: 0.3"
    )
