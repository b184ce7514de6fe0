"""Safe YAML for level files: plain data only, every value remembering where it was written.

PyYAML's defaults are wrong for hand-written game data: it keeps the last of two duplicate
keys, expands aliases without limit, reads `no` as false and `010` as octal. This module
composes the node tree once with a locked-down `SafeLoader` subclass, then builds plain
Python data from that same tree while indexing every dotted path to its line and column.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import ClassVar

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import Reader
from yaml.resolver import Resolver

try:  # libyaml's parser makes loading ~6x faster; the checks stay the Python ones below
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    CParser = None

from game.levels.diagnostics import Loc, Reporter
from game.levels.yaml_plain import decimal_comma, indent_problem

MAX_DEPTH = 50
MAX_NODES = 20_000

TAG = "tag:yaml.org,2002:"
NULL, BOOL, INT, FLOAT, STR, SEQ, MAP = (
    TAG + t for t in ("null", "bool", "int", "float", "str", "seq", "map")
)
_DEFAULT_TAG = {ScalarNode: STR, SequenceNode: SEQ, MappingNode: MAP}

_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_FLOAT = re.compile(
    r"""^[-+]?(?:[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?
        |[0-9][0-9_]*[eE][-+]?[0-9]+)$""",
    re.X,
)
# YAML 1.2's core booleans, as editors and schema checkers read them; `yes`/`on` stay text.
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_SELF_REFERENCE = "a level may not refer to another part of itself"
_DROPPED = {BOOL, INT, FLOAT, TAG + "timestamp", TAG + "merge", TAG + "value"}


class LimitError(yaml.MarkedYAMLError):
    """A file too deep or too big to be a level; stops composing at once."""

    def __init__(self, code: str, message: str, mark: yaml.Mark):
        super().__init__(problem=message, problem_mark=mark)
        self.code = code


class ScalarError(ValueError):
    """A scalar whose explicit tag does not fit its text (`!!int abc`)."""


class LevelYamlLoader(yaml.SafeLoader):
    """SafeLoader without aliases, YAML 1.1 booleans/octal/base 60, or unbounded nesting.

    Problems that do not stop parsing (an anchor, an unknown tag) are collected in
    `self.findings` as (mark, code, message, hint) so the loader can report them all at once.
    """

    # Own copies: editing SafeLoader's tables would change YAML for the whole process.
    yaml_implicit_resolvers: ClassVar[dict] = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    yaml_constructors: ClassVar[dict] = {}  # filled below, only with plain-data tags

    def __init__(self, stream: str):
        super().__init__(stream)
        self.findings: list[tuple[yaml.Mark, str, str, str]] = []
        self._depth = 0
        self._nodes = 0

    def _note(self, mark: yaml.Mark, code: str, message: str, hint: str) -> None:
        self.findings.append((mark, code, message, hint))

    def compose_node(self, parent: Node | None, index: object) -> Node:
        """Compose one node, refusing aliases, anchors, tags and runaway depth or size."""
        self._nodes += 1
        if self.check_event(AliasEvent):
            event = self.get_event()
            self._note(
                event.start_mark,
                "alias",
                f"aliases (*{event.anchor}) are not allowed",
                f"write the value out in full: {_SELF_REFERENCE}",
            )
            return ScalarNode(NULL, "", event.start_mark, event.end_mark)
        event = self.peek_event()
        if self._nodes > MAX_NODES:
            raise LimitError(
                "too-large", f"the file has more than {MAX_NODES} values", event.start_mark
            )
        if event.anchor is not None:
            self._note(
                event.start_mark,
                "alias",
                f"anchors (&{event.anchor}) are not allowed",
                f"remove the &{event.anchor}: {_SELF_REFERENCE}",
            )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise LimitError(
                "too-deep", f"values are nested more than {MAX_DEPTH} levels deep", event.start_mark
            )
        self.descend_resolver(parent, index)
        if self.check_event(ScalarEvent):
            node = self.compose_scalar_node(None)
        elif self.check_event(SequenceStartEvent):
            node = self.compose_sequence_node(None)
        elif self.check_event(MappingStartEvent):
            node = self.compose_mapping_node(None)
        self.ascend_resolver()
        self._depth -= 1
        if node.tag not in self.yaml_constructors:
            shown = node.tag.replace(TAG, "!!")
            self._note(
                node.start_mark,
                "tag",
                f"the tag '{shown}' is not allowed in a level",
                "write plain values only: the game reads no YAML tags",
            )
            node.tag = _DEFAULT_TAG[type(node)]
        return node


def _bool(loader: LevelYamlLoader, node: ScalarNode) -> bool:
    if not _BOOL.match(node.value):
        raise ScalarError(f"'{node.value}' is not true or false")
    return node.value.lower() == "true"


def _int(loader: LevelYamlLoader, node: ScalarNode) -> int:
    if not _INT.match(node.value):
        raise ScalarError(f"'{node.value}' is not a whole number")
    return int(node.value.replace("_", ""))


def _float(loader: LevelYamlLoader, node: ScalarNode) -> float:
    if not (_FLOAT.match(node.value) or _INT.match(node.value)):
        raise ScalarError(f"'{node.value}' is not a number")
    value = float(node.value.replace("_", ""))
    if not math.isfinite(value):
        raise ScalarError(f"the number {node.value} is too large")
    return value


def _null(loader: LevelYamlLoader, node: ScalarNode) -> None:
    return None


def _str(loader: LevelYamlLoader, node: ScalarNode) -> str:
    return node.value


for _tag, _constructor in {NULL: _null, BOOL: _bool, INT: _int, FLOAT: _float, STR: _str}.items():
    LevelYamlLoader.add_constructor(_tag, _constructor)
LevelYamlLoader.add_constructor(SEQ, yaml.SafeLoader.construct_yaml_seq)
LevelYamlLoader.add_constructor(MAP, yaml.SafeLoader.construct_yaml_map)
LevelYamlLoader.add_implicit_resolver(BOOL, _BOOL, list("tfTF"))
LevelYamlLoader.add_implicit_resolver(INT, _INT, list("-+0123456789"))
LevelYamlLoader.add_implicit_resolver(FLOAT, _FLOAT, list("-+0123456789."))


if CParser is not None:

    class FastLevelYamlLoader(Composer, CParser, SafeConstructor, Resolver):
        """`LevelYamlLoader` with libyaml's scanner and parser under the same composer.

        Only events come from C: composing (aliases, anchors, tags, limits) and building
        are the Python code above, so a file reads exactly the same either way. A file
        libyaml refuses is read again by the pure-Python loader for its familiar messages.
        """

        yaml_implicit_resolvers = LevelYamlLoader.yaml_implicit_resolvers
        yaml_constructors = LevelYamlLoader.yaml_constructors
        compose_node = LevelYamlLoader.compose_node
        _note = LevelYamlLoader._note

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self.findings = []
            self._depth = 0
            self._nodes = 0

else:  # pragma: no cover
    FastLevelYamlLoader = None


def _compose_fast(text: str):
    """(loader, root) from libyaml, or None when only the Python loader should read `text`."""
    # libyaml accepts some tabs PyYAML refuses; such files take the slow, familiar path.
    if FastLevelYamlLoader is None or "\t" in text or Reader.NON_PRINTABLE.search(text):
        return None
    loader = FastLevelYamlLoader(text)
    try:
        return loader, loader.get_single_node()
    except Exception:  # any refusal: the Python loader says it in its own words
        return None
    finally:
        loader.dispose()


@dataclass
class PathIndex:
    """Where each dotted path's value (and, for mapping entries, its key) starts."""

    values: dict[Loc, yaml.Mark] = field(default_factory=dict)
    keys: dict[Loc, yaml.Mark] = field(default_factory=dict)

    def locate(self, loc: Loc, key: bool = False) -> tuple[Loc, int, int]:
        """1-based line and column of `loc`, or of its nearest ancestor the file has."""
        loc = tuple(loc)
        if key and loc in self.keys:
            mark = self.keys[loc]
            return loc, mark.line + 1, mark.column + 1
        while loc and loc not in self.values:
            loc = loc[:-1]
        mark = self.values.get(loc)
        if mark is None:
            return (), 1, 1
        return loc, mark.line + 1, mark.column + 1


@dataclass
class ParsedYaml:
    data: object
    index: PathIndex
    empty: bool = False


def parse_yaml(text: str, report: Reporter) -> ParsedYaml | None:
    """Compose and build `text`; problems go to `report`. None when nothing usable remains."""
    fast = _compose_fast(text)
    if fast is not None:
        loader, root = fast
        return _built(root, loader, report)
    try:
        loader = LevelYamlLoader(text)
    except yaml.reader.ReaderError as exc:
        _reader_problem(exc, text, report)
        return None
    try:
        root = loader.get_single_node()
    except LimitError as exc:
        _marked(report, exc.problem_mark, exc.code, exc.problem)
        return None
    except yaml.MarkedYAMLError as exc:
        _syntax_problem(exc, report)
        return None
    except yaml.reader.ReaderError as exc:
        _reader_problem(exc, text, report)
        return None
    finally:
        loader.dispose()
    return _built(root, loader, report)


def _built(root: Node | None, loader, report: Reporter) -> ParsedYaml:
    index = PathIndex()
    if root is None:
        return ParsedYaml(None, index, empty=True)
    index.values[()] = root.start_mark
    data = _build(root, (), loader, index, report)
    where: dict[tuple[int, int], Loc] = {}
    for loc, mark in index.values.items():
        if len(loc) >= len(where.get((mark.line, mark.column), ())):
            where[mark.line, mark.column] = loc
    for mark, code, message, hint in loader.findings:
        _marked(report, mark, code, message, where.get((mark.line, mark.column), ()), hint)
    return ParsedYaml(data, index)


def _build(node: Node, loc: Loc, loader: LevelYamlLoader, index: PathIndex, report) -> object:
    """Plain Python data from `node`, recording each child's mark under its path."""
    if isinstance(node, ScalarNode):
        try:
            return loader.yaml_constructors[node.tag](loader, node)
        except ScalarError as exc:
            _marked(report, node.start_mark, "type", str(exc), loc)
            return node.value
    if isinstance(node, SequenceNode):
        items = []
        for i, child in enumerate(node.value):
            index.values[(*loc, i)] = child.start_mark
            items.append(_build(child, (*loc, i), loader, index, report))
        return items
    mapping: dict[Hashable, object] = {}
    previous: Node | None = None
    previous_loc = loc
    for key_node, value_node in node.value:
        if _decimal_comma(node, previous, key_node, value_node):
            assert previous is not None
            mark = previous.start_mark
            plain = decimal_comma(f"{previous.value},{key_node.value}", mark.column + 1, 0)
            _marked(report, mark, "type", plain.message, previous_loc, plain.hint)
            continue
        previous = value_node
        if not isinstance(key_node, ScalarNode):
            _marked(report, key_node.start_mark, "type", "a key must be plain text", loc)
            continue
        key = _build(key_node, loc, loader, index, report)
        child = previous_loc = (*loc, key)
        if key in mapping:
            first = index.keys[child].line + 1
            message = f"duplicate key '{key}' (first defined on line {first})"
            hint = "PyYAML would silently keep only the last one; delete one of them"
            _marked(report, key_node.start_mark, "duplicate-key", message, child, hint)
            continue
        index.keys[child] = key_node.start_mark
        index.values[child] = value_node.start_mark
        mapping[key] = _build(value_node, child, loader, index, report)
    return mapping


def _decimal_comma(node: MappingNode, previous: Node | None, key: Node, value: Node) -> bool:
    """`{value: 0,3}`: a number, then a bare number key with no value, on one line."""
    return bool(
        node.flow_style
        and isinstance(previous, ScalarNode)
        and previous.tag in (INT, FLOAT)
        and isinstance(key, ScalarNode)
        and key.tag == INT
        and isinstance(value, ScalarNode)
        and value.value == ""
        and key.start_mark.line == previous.end_mark.line
    )


def _marked(report: Reporter, mark, code: str, message: str, loc: Loc = (), hint=None) -> None:
    path = ".".join(str(p) for p in loc)
    report.at(mark.line + 1, mark.column + 1, code, message, path=path, hint=hint)


def _syntax_problem(exc: yaml.MarkedYAMLError, report: Reporter) -> None:
    mark = exc.problem_mark or exc.context_mark
    message = exc.problem or exc.context or "this is not valid YAML"
    if exc.context and exc.problem:
        where = f", line {exc.context_mark.line + 1}" if exc.context_mark else ""
        message = f"{exc.problem} ({exc.context}{where})"
    hint = None
    if "'\\t'" in message:
        hint = "indent with spaces, not tabs"
    elif "single document" in message:
        hint = "a level file holds one document: remove the extra '---'"
    indent = indent_problem(exc.problem or "", mark.line + 1, report.text) if mark else None
    if indent is not None:
        report.at(indent.line, indent.col, "yaml-syntax", indent.message, hint=indent.hint)
    elif mark is None:
        report.at(1, 1, "yaml-syntax", message, hint=hint)
    else:
        _marked(report, mark, "yaml-syntax", message, hint=hint)


def _reader_problem(exc: yaml.reader.ReaderError, text: str, report: Reporter) -> None:
    position = max(0, min(exc.position, len(text)))
    line = text.count("\n", 0, position) + 1
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    char = exc.character if isinstance(exc.character, int) else 0
    message = f"the character #x{char:04x} is not allowed in a level file"
    report.at(line, col, "encoding", message, hint="save the file as plain UTF-8 text")
