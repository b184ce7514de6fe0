"""The locked-down YAML layer: plain data only, YAML 1.1 surprises off, every path located."""

import re
from pathlib import Path

import pytest
import yaml

from game.levels.diagnostics import Reporter
from game.levels.yaml_safe import MAX_DEPTH, MAX_NODES, LevelYamlLoader, parse_yaml

GAME = Path(__file__).resolve().parent.parent / "game"


def parse(text):
    report = Reporter("t.yaml", text)
    parsed = parse_yaml(text, report)
    return (parsed.data if parsed else None), report.problems


def test_loader_is_a_safe_loader_subclass():
    assert issubclass(LevelYamlLoader, yaml.SafeLoader)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("True", True),
        ("FALSE", False),
        ("Yes", "Yes"),
        ("true", True),
        ("false", False),
        ("010", "010"),
        ("0x10", "0x10"),
        ("1:30", "1:30"),
        ("2024-01-01", "2024-01-01"),
        ("2024-01-01 10:00:00", "2024-01-01 10:00:00"),
        ("0", 0),
        ("-12", -12),
        ("1_000", 1000),
        ("2.5", 2.5),
        ("-.5", -0.5),
        ("1e9", 1e9),
        ("1.5E-3", 1.5e-3),
        (".inf", ".inf"),
        ("~", None),
        ("null", None),
        ("'10'", "10"),
    ],
)
def test_scalars_resolve_like_yaml_1_2(text, value):
    data, problems = parse(f"a: {text}\n")
    assert problems == []
    assert data == {"a": value}
    assert type(data["a"]) is type(value)


def test_safe_loader_itself_is_untouched():
    assert yaml.safe_load("a: yes\nb: 010\n") == {"a": True, "b": 8}
    assert LevelYamlLoader.yaml_implicit_resolvers is not yaml.SafeLoader.yaml_implicit_resolvers


def test_merge_key_is_just_an_unknown_key():
    data, problems = parse("a: {<<: {b: 1}}\n")
    assert problems == [] and data == {"a": {"<<": {"b": 1}}}


def test_anchor_and_alias_are_located_and_rejected():
    data, problems = parse("a: &x [1, 2]\nb: *x\n")
    assert [(p.line, p.col, p.code) for p in problems] == [(1, 4, "alias"), (2, 4, "alias")]
    assert "aliases (*x)" in problems[1].message
    assert data["b"] is None  # never expanded


def test_alias_bomb_is_cheap_and_rejected():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    _, problems = parse("\n".join(lines))
    assert problems and all(p.code == "alias" for p in problems)


def test_duplicate_key_names_the_first_line():
    data, problems = parse("a: 1\nb:\n  c: 2\n  c: 3\n")
    [problem] = problems
    assert (problem.line, problem.col, problem.code, problem.path) == (4, 3, "duplicate-key", "b.c")
    assert "first defined on line 3" in problem.message
    assert data == {"a": 1, "b": {"c": 2}}


def test_ten_thousand_nested_brackets_give_a_located_error():
    _, problems = parse("[" * 10_000)
    [problem] = problems
    assert (problem.line, problem.col, problem.code) == (1, MAX_DEPTH + 1, "too-deep")


def test_nested_block_mappings_are_capped_too():
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(MAX_DEPTH + 5))
    _, problems = parse(text)
    assert [p.code for p in problems] == ["too-deep"]


def test_node_count_is_capped():
    _, problems = parse("- 1\n" * (MAX_NODES + 10))
    assert [p.code for p in problems] == ["too-large"]
    assert problems[0].line > 1


def test_explicit_tags_are_rejected():
    data, problems = parse("a: !!python/object:os.system ls\nb: !!binary aGk=\nc: !!str 10\n")
    assert [(p.line, p.code) for p in problems] == [(1, "tag"), (2, "tag")]
    assert "!!python/object:os.system" in problems[0].message
    assert data["c"] == "10"


def test_mismatched_explicit_tag_is_located():
    _, problems = parse("a: !!int abc\nb: !!float 1e999\n")
    assert [(p.line, p.col, p.code) for p in problems] == [(1, 4, "type"), (2, 4, "type")]


def test_complex_keys_are_rejected():
    _, problems = parse("? [a, b]\n: 1\n")
    assert [(p.line, p.code) for p in problems] == [(1, "type")]


def test_syntax_error_is_located():
    _, problems = parse("a: 1\nb: [1, 2\nc: 3\n")
    [problem] = problems
    assert problem.code == "yaml-syntax" and problem.line == 3


def test_control_character_is_located():
    _, problems = parse("a: 1\nb: x\x07y\n")
    [problem] = problems
    assert (problem.line, problem.col, problem.code) == (2, 5, "encoding")


def test_every_path_is_indexed():
    text = "a:\n  b: [10, {c: x}]\n"
    report = Reporter("t.yaml", text)
    index = parse_yaml(text, report).index
    assert index.locate(("a", "b", 1, "c")) == (("a", "b", 1, "c"), 2, 15)
    assert index.locate(("a", "b", 1, "missing")) == (("a", "b", 1), 2, 11)
    assert index.locate(("a", "b"), key=True) == (("a", "b"), 2, 3)


UNSAFE = re.compile(
    r"yaml\.(load|load_all|unsafe_load|full_load)\s*\(|FullLoader|UnsafeLoader|"
    r"Loader\s*=\s*yaml\.Loader|yaml\.Loader\b"
)


def test_no_unsafe_yaml_loader_anywhere_in_game():
    offenders = [
        f"{path}:{n}"
        for path in GAME.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if UNSAFE.search(line)
    ]
    # yaml.load(..., Loader=SafeLoader) is safe today but one edit from unsafe: use safe_load.
    assert offenders == [], "use yaml.safe_load or game.levels.yaml_safe instead"


def test_libyaml_and_python_loaders_read_every_level_alike():
    """The fast path must build the same data and the same locations as the Python loader."""
    from game.levels.yaml_safe import FastLevelYamlLoader, LevelYamlLoader

    if FastLevelYamlLoader is None:
        pytest.skip("PyYAML was built without libyaml: there is no fast path to compare")
    root = Path(__file__).parent
    files = [*root.parent.glob("levels/*.yaml"), *root.glob("fixtures/**/*.yaml")]
    for path in files:
        text = path.read_text(encoding="utf-8")
        if "\t" in text:
            continue
        shapes = []
        for cls in (FastLevelYamlLoader, LevelYamlLoader):
            loader = cls(text)
            try:
                node = loader.get_single_node()
            except yaml.YAMLError:
                shapes.append("refused")
                continue
            finally:
                loader.dispose()
            shapes.append(_shape(node))
        assert shapes[0] == shapes[1], path


def _shape(node):
    mark = (node.start_mark.line, node.start_mark.column, node.tag)
    if isinstance(node.value, list):
        return (
            mark,
            [_shape(v) if not isinstance(v, tuple) else tuple(map(_shape, v)) for v in node.value],
        )
    return (mark, node.value)
