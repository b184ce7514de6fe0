"""Each file in fixtures/broken_levels has exactly the located problems a designer should see."""

from pathlib import Path

import pytest

from game.levels.diagnostics import LevelError
from game.levels.loader import check_level_file, load_level

BROKEN = Path(__file__).parent / "fixtures" / "broken_levels"

HINT_NUMBER = "    hint: write numbers like 10, 2.5 or 1e9 (no leading zeros, no quotes)"

# file name -> every problem, as `Problem.format(show_source=False)` prints it after "file:"
EXPECTED = {
    "typo_key": [
        "36:7: error: factions.usa.start.talnet: unknown key 'talnet'\n"
        "    hint: did you mean 'talent'?"
    ],
    "wrong_type": [
        "36:23: error: factions.usa.start.talent.value: expected a number, got the text 'lots'\n"
        + HINT_NUMBER
    ],
    "out_of_range": [
        "36:23: error: factions.usa.start.talent.value: "
        "value 140 is outside the allowed range 0 to 100"
    ],
    "missing_key": [
        "9:3: error: calendar.turns: missing required key 'turns'\n"
        "    hint: add `turns:` (Number of quarters the game lasts)"
    ],
    "duplicate_key": [
        "169:5: error: sources.nvidia.publisher: "
        "duplicate key 'publisher' (first defined on line 168)\n"
        "    hint: PyYAML would silently keep only the last one; delete one of them"
    ],
    "alias": [
        "12:15: error: ladder.zero_log10: anchors (&zero) are not allowed\n"
        "    hint: remove the &zero: a level may not refer to another part of itself",
        "13:28: error: ladder.superintelligence_log10: aliases (*zero) are not allowed\n"
        "    hint: write the value out in full: a level may not refer to another part of itself",
    ],
    "yes_boolean": [
        "139:11: error: policies.1.once: expected true or false, got the text 'yes'\n"
        "    hint: only true and false are booleans in a level file"
    ],
    "unknown_source": [
        "146:13: error: events.0.source: unknown source 'epok'\n    hint: did you mean 'epoch'?"
    ],
    "unknown_target": [
        "150:18: error: events.0.effects.0.target: unknown effect target 'tallent'\n"
        "    hint: did you mean 'talent'?"
    ],
    "unknown_chip": [
        "43:18: error: factions.usa.start.fleet.0.chip: unknown chip 'h200'\n"
        "    hint: did you mean 'h100'?"
    ],
    "newer_schema": [
        "2:17: error: schema_version: this level needs a newer version of the game "
        "(it is written for level format 2; this game reads format 1)\n"
        "    hint: update the game, or open the level in the version it was made for"
    ],
    "tab_indent": [
        "10:9: error: found character '\\t' that cannot start any token "
        "(while scanning for the next token)\n"
        "    hint: indent with spaces, not tabs"
    ],
    "top_level_list": [
        "2:1: error: a level must be a mapping of keys at the top (like `id: my_level`), not a list"
    ],
}
WARNINGS = {
    "event_after_last_turn": [
        "147:9: warning: events.0.at: event 'export_controls' is scripted for 2027Q1, "
        "after the last turn (2026Q4), so it never fires"
    ],
}


def test_every_broken_file_has_expectations():
    names = {p.stem for p in BROKEN.glob("*.yaml")}
    assert names == set(EXPECTED) | set(WARNINGS)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_level_is_reported_exactly(name):
    path = BROKEN / f"{name}.yaml"
    loaded, problems = check_level_file(path)
    assert loaded is None
    assert [p.format(show_source=False) for p in problems] == [
        f"{path}:{text}" for text in EXPECTED[name]
    ]
    with pytest.raises(LevelError) as caught:
        load_level(path)
    assert caught.value.problems == problems


@pytest.mark.parametrize("name", sorted(WARNINGS))
def test_warning_accompanies_a_valid_level(name):
    path = BROKEN / f"{name}.yaml"
    loaded, problems = check_level_file(path)
    assert loaded is not None
    assert [p.format(show_source=False) for p in problems] == [
        f"{path}:{text}" for text in WARNINGS[name]
    ]
    assert list(load_level(path).warnings) == problems


def test_source_line_and_caret_are_shown():
    path = BROKEN / "out_of_range.yaml"
    _, [problem] = check_level_file(path)
    assert problem.format().splitlines()[1:] == [
        "          talent: {value: 140, source: epoch}",
        "                          ^",
    ]
    assert problem.code == "range" and problem.severity == "error"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("typo_key", "unknown-key"),
        ("wrong_type", "type"),
        ("out_of_range", "range"),
        ("duplicate_key", "duplicate-key"),
        ("alias", "alias"),
        ("yes_boolean", "type"),
        ("unknown_source", "unknown-reference"),
        ("unknown_target", "unknown-reference"),
        ("unknown_chip", "unknown-reference"),
        ("newer_schema", "newer-schema"),
        ("tab_indent", "yaml-syntax"),
    ],
)
def test_problem_codes_are_stable(name, code):
    _, problems = check_level_file(BROKEN / f"{name}.yaml")
    assert {p.code for p in problems} == {code}
