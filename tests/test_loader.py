"""The loader end to end: a valid level, every kind of broken one, and hostile input."""

import copy
import hashlib
import io
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.balance.trial import check_dry_run, check_level_fully
from game.cli.validate import cmd_validate
from game.levels.diagnostics import LevelError, Problem
from game.levels.loader import (
    MAX_BYTES,
    LoadedLevel,
    check_level_bytes,
    check_level_file,
    load_level,
    load_level_text,
)
from game.levels.model import Level

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL = FIXTURES / "minimal_level.yaml"
MINIMAL_TEXT = MINIMAL.read_text(encoding="utf-8")
# Eight quarters are too short for anyone to reach superintelligence; that warning is
# tested on its own, so the other tests silence it the way a designer would.
QUIET = 'suppress:\n  unreachable-victory: "eight quarters: a test level, not a race"\n'
TEXT = MINIMAL_TEXT + QUIET


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(LevelError) as caught:
        load_level_text(text, "m.yaml")
    return caught.value.problems


def mutated(old: str, new: str) -> str:
    assert old in TEXT, old
    return TEXT.replace(old, new, 1)


def only(text: str) -> Problem:
    _, problems = check_level_bytes(text.encode(), "m.yaml")
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


# --- the valid level -------------------------------------------------------------------


def test_minimal_level_loads():
    loaded = load_level(MINIMAL)
    assert isinstance(loaded, LoadedLevel) and isinstance(loaded.level, Level)
    assert loaded.path == str(MINIMAL)
    assert loaded.sha256 == hashlib.sha256(MINIMAL.read_bytes()).hexdigest()
    assert loaded.text == MINIMAL_TEXT
    assert loaded.warnings == ()  # loading plays no trial games; `validate` does
    assert [c.id for c in loaded.level.chips] == ["h100", "ascend"]
    assert len(loaded.level.policies) == 2 and len(loaded.level.events) == 2


def test_load_level_text_matches_file():
    quiet = load_level_text(TEXT)
    assert quiet.level.model_copy(update={"suppress": {}}) == load_level(MINIMAL).level
    # The suppression is not stale just because loading played no trial games.
    assert quiet.warnings == () and quiet.suppressed == ()
    loaded = load_level(MINIMAL)
    assert check_level_file(MINIMAL) == (loaded, list(loaded.warnings))


def test_loading_plays_no_games_and_the_full_check_does():
    played = []

    def trial(level, report):
        played.append(level.id)
        check_dry_run(level, report)

    loaded, problems = check_level_file(MINIMAL)
    assert loaded is not None and problems == [] and played == []
    loaded, problems = check_level_file(MINIMAL, trial=trial)
    assert played == ["minimal"] and [p.code for p in problems] == ["unreachable-victory"]
    assert check_level_fully(MINIMAL)[1] == problems


def test_bom_is_stripped(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    loaded = load_level(path)
    assert loaded.text == TEXT
    assert loaded.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


# --- plain-language validation messages -----------------------------------------------


def test_wrong_type_message():
    problem = only(mutated("  turns: 8", "  turns: abc"))
    assert problem.message == "expected a whole number, got the text 'abc'"
    assert (problem.line, problem.col, problem.path) == (10, 10, "calendar.turns")


def test_octal_looking_number_is_text_not_eight():
    problem = only(mutated("  turns: 8", "  turns: 010"))
    assert problem.message == "expected a whole number, got the text '010'"


def test_string_never_silently_becomes_a_number():
    problem = only(mutated("  turns: 8", '  turns: "8"'))
    assert problem.code == "type"


def test_unknown_key_without_close_match_lists_allowed_keys():
    problem = only(mutated("  turns: 8", "  turns: 8\n  zzz: 1"))
    assert problem.message == "unknown key 'zzz'"
    assert problem.hint == "allowed keys: start, turns"
    assert (problem.line, problem.col) == (11, 3)


def test_literal_with_did_you_mean():
    problem = only(mutated("    style: titans", "    style: titan"))
    assert problem.message == "expected 'titans' or 'swarms', got the text 'titan'"
    assert problem.hint == "did you mean 'titans'?"


def test_unknown_faction_key_is_located_at_the_key():
    problem = only(mutated("  usa:\n    name", "  usb:\n    name"))
    assert (problem.line, problem.path, problem.hint) == (30, "factions.usb", "did you mean 'usa'?")


def test_param_needs_exactly_one_origin():
    text = mutated('{value: 20, assumption: "five', '{value: 20, source: epoch, assumption: "five')
    problem = only(text)
    assert problem.message == "give exactly one of `source` or `assumption` for every number"
    assert problem.path == "constants.chip_max_age_turns"


def test_every_problem_is_reported_at_once():
    text = mutated("  turns: 8", "  turns: x").replace("style: titans", "style: x")
    text = text.replace("{target: talent,", "{target: nope,")
    assert len(problems_of(text)) == 2  # cross-references wait for a valid level
    text = mutated("{target: talent,", "{target: nope,").replace(
        "source: epoch\n    at:", "source: x\n    at:"
    )
    assert {p.code for p in problems_of(text)} == {"unknown-reference"}
    assert len(problems_of(text)) == 2


# --- cross-references -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        (
            'zero_log10: {value: 24, assumption: "GPT-4 class frontier as capability 0"}',
            "zero_log10: {value: 24, source: nowhere}",
            "ladder.zero_log10.source",
            "unknown source 'nowhere'",
        ),
        (
            "erscheint.}\n    source: epoch",
            "erscheint.}\n    source: epic",
            "timeline.0.source",
            "unknown source 'epic'",
        ),
        (
            "side: self, turns: 4}",
            "side: self, turns: 4}\n      - {target: chips.h200.price, "
            "op: add, value: 1, side: usa}",
            "policies.0.effects.1.target",
            "unknown chip 'h200' in effect target 'chips.h200.price'",
        ),
        (
            "{target: talent, op: add, value: -1, side: china}",
            "{target: talent, op: add, value: -1, side: china, turns: 2}",
            "events.0.effects.0.turns",
            "'talent' is a stock: the effect applies once, so `turns` has no meaning",
        ),
        (
            "{target: talent, op: add, value: -1, side: china}",
            "{target: talent, op: add, value: -1, side: opponent}",
            "events.0.effects.0.side",
            "an event has no 'self' or 'opponent': it must name usa, china or both, not 'opponent'",
        ),
        (
            "  - id: breakthrough",
            "  - id: chips_act",
            "events.1.id",
            "the card id 'chips_act' is already used (line 125)",
        ),
        (
            "      fired: [export_controls]",
            "      fired: [export_control]",
            "events.1.when.fired.0",
            "unknown event 'export_control'",
        ),
        (
            "      fired: [export_controls]",
            "      played: [export_controls]",
            "events.1.when.played.0",
            "unknown policy 'export_controls'",
        ),
        (
            "      log10: 26",
            "      log10: 24",
            "ladder.milestones.0.log10",
            "milestone 'agents' at 24 is not between zero_log10 (24) and "
            "superintelligence_log10 (30)",
        ),
        (
            "    at: 2025Q3",
            "    at: 2024Q4",
            "events.0.at",
            "event 'export_controls' is scripted for 2024Q4, before the game starts (2025Q1)",
        ),
    ],
)
def test_cross_reference_errors(old, new, path, message):
    problem = only(mutated(old, new))
    assert (problem.severity, problem.path, problem.message) == ("error", path, message)
    text = mutated(old, new)
    changed = text.count("\n", 0, TEXT.index(old) + len(new)) + 1
    assert problem.line == changed  # the last line the mutation wrote
    assert problem.source_line == text.splitlines()[changed - 1]


def test_condition_quarter_outside_calendar_is_a_warning():
    loaded = load_level_text(
        mutated(
            "      fired: [export_controls]",
            "      fired: [export_controls]\n      until_quarter: 2030Q1",
        )
    )
    [warning] = loaded.warnings
    assert warning.severity == "warning" and warning.path == "events.1.when.until_quarter"


# --- hostile and odd input: never a traceback ------------------------------------------


def test_fifty_megabytes_fail_fast_on_size(tmp_path, monkeypatch):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)

    def no_reading(*args, **kwargs):
        raise AssertionError("a file over the size limit must be refused before it is read")

    monkeypatch.setattr("builtins.open", no_reading)
    loaded, [problem] = check_level_file(path)
    monkeypatch.undo()
    assert loaded is None and problem.code == "too-large" and (problem.line, problem.col) == (1, 1)
    assert problems_of("#" * (MAX_BYTES + 1))[0].code == "too-large"


@pytest.mark.parametrize(
    ("data", "code", "line", "col"),
    [
        (b"", "empty", 1, 1),
        (b"   \n# only a comment\n", "empty", 1, 1),
        (b"- a\n- b\n", "type", 1, 1),
        (b"42\n", "type", 1, 1),
        (b"[" * 10_000, "too-deep", 1, 51),
        (b"a: 1\nb: caf\xc3\xa9 \xff\n", "encoding", 2, 9),
        (b"a: 1\nb: x\x00y\n", "encoding", 2, 5),
        (bytes(range(256)) * 40, "encoding", 1, 1),
        (b"\x89PNG\r\n\x1a\n" + bytes(500), "encoding", 1, 1),
        (b"schema_version: 1\n---\nid: x\n", "yaml-syntax", 2, 1),
        (b"a: [1\n", "yaml-syntax", 2, 1),
    ],
)
def test_nasty_input_gives_a_located_error(data, code, line, col):
    loaded, problems = check_level_bytes(data, "n.yaml")
    assert loaded is None
    assert (problems[0].code, problems[0].line, problems[0].col) == (code, line, col)
    assert problems[0].format()  # and it can be printed


def test_missing_file_and_directory_are_problems(tmp_path):
    for path in (tmp_path / "nope.yaml", tmp_path):
        loaded, [problem] = check_level_file(path)
        assert loaded is None and problem.code == "io"
        with pytest.raises(LevelError):
            load_level(path)


def test_unexpected_bug_becomes_a_problem(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr("game.levels.loader.parse_yaml", boom)
    loaded, [problem] = check_level_bytes(TEXT.encode(), "m.yaml")
    assert loaded is None and problem.code == "internal" and "kaboom" in problem.message


def test_lone_surrogate_text_is_a_level_error():
    with pytest.raises(LevelError):
        load_level_text("id: \ud800\n")


LINES = TEXT.splitlines(keepends=True)
SWAPS = ["abc", "''", "[1, 2]", "{a: 1}", "yes", "010", "1:30", "-1e999", "*x", "&y z", "!!set"]


@st.composite
def mutations(draw) -> bytes:
    data = TEXT.encode()
    kind = draw(st.sampled_from(["delete", "truncate", "junk", "swap", "indent"]))
    if kind == "delete":
        i = draw(st.integers(0, len(LINES) - 1))
        return "".join(LINES[:i] + LINES[i + 1 :]).encode()
    if kind == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if kind == "junk":
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(min_size=1, max_size=20)) + data[at:]
    i = draw(st.integers(0, len(LINES) - 1))
    line = LINES[i]
    if kind == "indent":
        line = draw(st.sampled_from([" ", "\t", "  - "])) + line
    elif ": " in line:
        head, _, _ = line.partition(": ")
        line = f"{head}: {draw(st.sampled_from(SWAPS))}\n"
    return "".join([*LINES[:i], line, *LINES[i + 1 :]]).encode()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_random_mutations_never_crash(data):
    loaded, problems = check_level_bytes(data, "m.yaml")
    assert isinstance(loaded, LoadedLevel) or any(p.severity == "error" for p in problems)
    for problem in problems:
        assert problem.line >= 1 and problem.col >= 1 and problem.message
        assert problem.code != "internal", problem.message
        problem.format()
    try:
        load_level_text(data.decode("utf-8", "replace"), "m.yaml")
    except LevelError as exc:
        assert all(p.line >= 1 and p.message for p in exc.problems)


# --- the command-line checker --------------------------------------------------------


def test_cli_says_ok_for_valid_levels(tmp_path):
    (tmp_path / "a.yaml").write_text(TEXT, encoding="utf-8")
    # Its own id: two files sharing one are warned about (test_level_plausibility.py).
    (tmp_path / "b.yaml").write_text(TEXT.replace("id: minimal", "id: minimal_b"), "utf-8")
    out = io.StringIO()
    assert cmd_validate([str(tmp_path)], out=out) == 0
    assert out.getvalue() == "OK: 2 level(s)\n"


def test_cli_prints_located_problems_and_fails(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(mutated("  turns: 8", "  turns: abc"), encoding="utf-8")
    out = io.StringIO()
    good = tmp_path / "good.yaml"
    good.write_text(TEXT, encoding="utf-8")
    assert cmd_validate([str(good), str(bad)], out=out) == 1
    text = out.getvalue()
    assert text.startswith(f"{bad}:10:10: error: calendar.turns: expected a whole number")
    assert "OK:" not in text


def test_cli_json_is_one_array(tmp_path):
    out = io.StringIO()
    broken = FIXTURES / "broken_levels"
    assert cmd_validate([str(broken)], out=out, fmt="json") == 1
    problems = json.loads(out.getvalue())
    assert isinstance(problems, list) and len(problems) >= 12
    assert set(problems[0]) == {
        "file",
        "line",
        "col",
        "severity",
        "code",
        "path",
        "message",
        "hint",
        "source_line",
    }


def test_cli_warnings_do_not_fail(tmp_path):
    out = io.StringIO()
    path = FIXTURES / "broken_levels" / "event_after_last_turn.yaml"
    assert cmd_validate([str(path)], out=out) == 0
    assert "warning:" in out.getvalue() and out.getvalue().endswith("OK: 1 level(s)\n")


def test_cli_empty_folder_fails(tmp_path):
    assert cmd_validate([str(tmp_path)], out=io.StringIO()) == 1


# --- messages and formatting ----------------------------------------------------------


def test_bare_number_for_a_param_gets_a_hint():
    problem = only(mutated("      talent: {value: 60, source: epoch}", "      talent: 60"))
    assert problem.message == "expected a mapping of keys, got the number 60"
    assert problem.hint == "write a number with where it comes from: {value: 60, source: some_id}"


def test_plain_bounds_are_spelt_out():
    assert only(mutated("  turns: 8", "  turns: 0")).message == "value 0 is below the minimum 1"
    problem = only(mutated("    probability: 0.1", "    probability: 1.5"))
    assert (problem.code, problem.message) == ("range", "value 1.5 is above the maximum 1")


def test_level_error_str_lists_every_problem():
    text = mutated("  turns: 8", "  turns: abc").replace("style: titans", "style: x")
    with pytest.raises(LevelError) as caught:
        load_level_text(text, "m.yaml")
    lines = str(caught.value).splitlines()
    assert lines[0].startswith("m.yaml:10:10: error: calendar.turns:")
    assert sum(line.startswith("m.yaml:") for line in lines) == 2


def test_format_cuts_long_lines_around_the_caret():
    problem = Problem(
        "f", 1, 500, "error", "type", "", "bad", source_line="x" * 499 + "Y" + "z" * 500
    )
    _, text, caret = problem.format().splitlines()
    assert len(text) < 140 and text[len(caret) - 1] == "Y" and caret.endswith("^")


def test_format_keeps_tabs_so_the_caret_lines_up():
    problem = Problem("f", 2, 3, "warning", "x", "a.b", "msg", hint="h", source_line="\t\tvalue")
    assert problem.format() == "f:2:3: warning: a.b: msg\n    hint: h\n    \t\tvalue\n    \t\t^"
    assert problem.format(show_source=False) == "f:2:3: warning: a.b: msg\n    hint: h"


def test_list_where_a_boolean_belongs():
    # Found by the property test: a list input once crashed the hint lookup.
    problem = only(mutated("    once: true", "    once: [1, 2]"))
    assert problem.message == "expected true or false, got a list"


def _leaf_paths(value, loc=()):
    yield loc
    if isinstance(value, dict | list):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in items:
            yield from _leaf_paths(child, (*loc, key))


DATA = yaml.safe_load(TEXT)  # plain data to rewrite; the loader under test reads the dump back
PATHS = list(_leaf_paths(DATA))[1:]
VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(["usa", "self", "epoch", "h100", "talent", "2025Q1", "chips.h100.price"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), VALUES, st.booleans())
def test_random_structural_edits_never_crash(loc, value, delete):
    data = copy.deepcopy(DATA)
    parent = data
    for part in loc[:-1]:
        parent = parent[part]
    if delete:
        del parent[loc[-1]]
    else:
        parent[loc[-1]] = value
    loaded, problems = check_level_bytes(yaml.safe_dump(data, allow_unicode=True).encode(), "m")
    assert loaded is not None or problems
    for problem in problems:
        assert problem.line >= 1 and problem.message and problem.code != "internal"


MILESTONE = "      title: {en: Reliable agents, de: Verlässliche Agenten}"


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        (
            "  - id: ascend",
            "  - id: h100",
            "chips.1.id",
            "the chip id 'h100' is already used (line 105)",
        ),
        (
            MILESTONE,
            f"{MILESTONE}\n    - id: agents\n      log10: 27\n{MILESTONE}",
            "ladder.milestones.1.id",
            "the milestone id 'agents' is already used (line 16)",
        ),
        (
            "  superintelligence_log10: {value: 30,",
            "  superintelligence_log10: {value: 24,",
            "ladder.superintelligence_log10.value",
            "superintelligence_log10 (24) must be above zero_log10 (24)",
        ),
    ],
)
def test_more_cross_reference_errors(old, new, path, message):
    problems = problems_of(mutated(old, new))
    assert (path, message) in [(p.path, p.message) for p in problems]


def test_newer_schema_stops_before_validation():
    text = mutated("schema_version: 1", "schema_version: 7") + "some_future_key: 1\n"
    [problem] = problems_of(text)
    assert problem.code == "newer-schema"
    assert problem.message.startswith("this level needs a newer version of the game")


def test_older_schema_is_a_warning(monkeypatch):
    monkeypatch.setattr("game.levels.crossrefs.SCHEMA_VERSION", 2)
    [warning] = load_level_text(TEXT).warnings
    assert (warning.code, warning.severity, warning.line) == ("older-schema", "warning", 2)


def test_a_negative_schema_version_is_an_error_not_only_an_older_format():
    """The older-schema warning sits where the range error belongs; it must not hide it."""
    data = MINIMAL_TEXT.replace("schema_version: 1", "schema_version: -1").encode()
    loaded, problems = check_level_bytes(data, "m.yaml")
    assert loaded is None
    assert {(p.severity, p.code) for p in problems} >= {
        ("error", "range"),
        ("warning", "older-schema"),
    }
