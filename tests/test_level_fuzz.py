"""Fuzzing the shipped levels: whatever a designer's edit does to a file, the checker answers
with a valid level or located problems — never a traceback. (How fast it answers is
measured by `bench/level_check.py`, not here: a timed test fails on a busy machine.)"""

import copy

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shipped import shipped_levels

from game.levels.codes import CODES
from game.levels.loader import check_level_bytes

LEVELS = shipped_levels()
TEXTS = {path.name: path.read_text(encoding="utf-8") for path in LEVELS}
DATA = {name: yaml.safe_load(text) for name, text in TEXTS.items()}

FUZZ = settings(
    max_examples=25,
    deadline=None,  # a valid example is a whole level check: its time depends on load
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)

JUNK = st.sampled_from(
    [
        "\x00",
        "\t",
        ": :",
        "- - -",
        "&a x",
        "*a",
        "!!python/object:os.system",
        "{",
        "]",
        "'",
        '"',
        "\ufeff",
        "key: [unclosed",
        "\n  deeper:\n      - 1\n",
        "---\n",
        "…ß€",
        "no",
        "010",
        "1e999",
        "\udcff",
    ]
)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def assert_located_or_valid(text_or_bytes) -> None:
    data = (
        text_or_bytes.encode("utf-8", "surrogatepass")
        if isinstance(text_or_bytes, str)
        else text_or_bytes
    )
    loaded, problems = check_level_bytes(data, "fuzz.yaml")
    for p in problems:
        assert p.code in CODES and p.code not in ("internal", "dry-run-failed"), p.format()
        assert p.severity in ("error", "warning", "hint")
        assert p.line >= 1 and p.col >= 1 and p.message
        assert p.format()  # prints without failing
    if loaded is None:
        assert any(p.severity == "error" for p in problems)
    else:
        assert not any(p.severity == "error" for p in problems)


def pick_path(data, draw) -> list:
    """A random path to some node inside `data` (never empty)."""
    path, node = [], data
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return path
        key = draw(st.sampled_from(keys))
        path.append(key)
        node = node[key]
        if not isinstance(node, dict | list) or draw(st.integers(0, 3)) == 0:
            return path


def parent_of(data, path):
    node = data
    for key in path[:-1]:
        node = node[key]
    return node


level_names = st.sampled_from(sorted(TEXTS))


@FUZZ
@given(level_names, st.data())
def test_deleted_key(name, data):
    level = copy.deepcopy(DATA[name])
    path = pick_path(level, data.draw)
    del parent_of(level, path)[path[-1]]
    assert_located_or_valid(yaml.safe_dump(level, sort_keys=False, allow_unicode=True))


@FUZZ
@given(level_names, st.data(), VALUES)
def test_changed_type(name, data, value):
    level = copy.deepcopy(DATA[name])
    path = pick_path(level, data.draw)
    parent_of(level, path)[path[-1]] = value
    assert_located_or_valid(yaml.safe_dump(level, sort_keys=False, allow_unicode=True))


@FUZZ
@given(level_names, st.data(), st.one_of(JUNK, st.text(max_size=12)))
def test_junk_inserted(name, data, junk):
    text = TEXTS[name]
    at = data.draw(st.integers(0, len(text)))
    assert_located_or_valid(text[:at] + junk + text[at:])


@FUZZ
@given(level_names, st.data())
def test_truncated(name, data):
    raw = TEXTS[name].encode("utf-8")
    assert_located_or_valid(raw[: data.draw(st.integers(0, len(raw)))])


@FUZZ
@given(level_names, st.data())
def test_lines_deleted(name, data):
    lines = TEXTS[name].splitlines(keepends=True)
    start = data.draw(st.integers(0, len(lines) - 1))
    stop = data.draw(st.integers(start, min(len(lines), start + 8)))
    assert_located_or_valid("".join(lines[:start] + lines[stop:]))
