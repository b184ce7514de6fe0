"""Problems found in a level file, located to file:line:col and printed GCC style.

Designers fix what they can find: every problem names its line, column and dotted path,
so editors and CI can jump to it, and the offending line is shown with a caret.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from types import UnionType
from typing import Annotated, Any, Literal, Protocol, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from game.levels.model import ASSUMPTION_FORMS

Severity = Literal["error", "warning", "hint"]
Loc = tuple[Hashable, ...]

_EXCERPT_WIDTH = 120


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in a level file."""

    file: str
    line: int
    col: int
    severity: Severity
    code: str
    path: str
    message: str
    hint: str | None = None
    source_line: str | None = None

    def format(self, show_source: bool = True) -> str:
        """`file:line:col: severity: path: message`, then the hint and the line with a caret."""
        where = f"{self.path}: " if self.path else ""
        lines = [f"{self.file}:{self.line}:{self.col}: {self.severity}: {where}{self.message}"]
        if self.hint:
            lines.append(f"    hint: {self.hint}")
        if show_source and self.source_line is not None:
            text, caret = _excerpt(self.source_line, self.col)
            lines.append(f"    {text}")
            lines.append(f"    {caret}^")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class LevelError(Exception):
    """A level that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(p.format() for p in self.problems)


def _excerpt(line: str, col: int) -> tuple[str, str]:
    """The source line (cut to a window around `col` if long) and the padding for a caret."""
    line = line.rstrip("\r\n")
    start = 0
    if len(line) > _EXCERPT_WIDTH:
        start = max(0, min(col - 1 - _EXCERPT_WIDTH // 2, len(line) - _EXCERPT_WIDTH))
        line = line[start : start + _EXCERPT_WIDTH]
    line = "".join(c if c.isprintable() or c == "\t" else "?" for c in line)
    before = line[: max(0, col - 1 - start)]
    # Tabs are copied so the caret lines up whatever the terminal's tab width.
    return line, "".join("\t" if c == "\t" else " " for c in before)


class Locator(Protocol):
    def locate(self, loc: Loc, key: bool = False) -> tuple[Loc, int, int]: ...


def dotted(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


@dataclass
class Reporter:
    """Turns (path, message) findings into located `Problem`s for one file."""

    file: str
    text: str
    index: Locator | None = None
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lines = self.text.splitlines()

    def source(self, line: int) -> str | None:
        return self._lines[line - 1] if 0 < line <= len(self._lines) else None

    def at(
        self,
        line: int,
        col: int,
        code: str,
        message: str,
        *,
        path: str = "",
        severity: Severity = "error",
        hint: str | None = None,
    ) -> Problem:
        """Record a problem at a known line and column (1-based)."""
        problem = Problem(
            self.file,
            max(1, line),
            max(1, col),
            severity,
            code,
            path,
            message,
            hint,
            self.source(line),
        )
        self.problems.append(problem)
        return problem

    def add(
        self,
        loc: Loc,
        code: str,
        message: str,
        *,
        severity: Severity = "error",
        hint: str | None = None,
        key: bool = False,
    ) -> Problem:
        """Record a problem at a dotted path; located at the nearest node the file has."""
        line, col = 1, 1
        if self.index is not None:
            _, line, col = self.index.locate(loc, key=key)
        return self.at(line, col, code, message, path=dotted(loc), severity=severity, hint=hint)

    def line_of(self, loc: Loc) -> int:
        return self.index.locate(loc)[1] if self.index is not None else 1

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def did_you_mean(word: object, options: Iterable[str]) -> str | None:
    """A 'did you mean' hint for a misspelt name, or None when nothing is close."""
    close = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


# What pydantic's strict types expect, in a designer's words.
_EXPECTED = {
    "float_type": "a number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "string_type": "text",
    "bool_type": "true or false",
    "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
    "list_type": "a list",
    "finite_number": "a finite number",
}
_PATTERNS = {
    "^[a-z][a-z0-9_]*$": "an id (a lowercase letter, then lowercase letters, digits or _)",
    "^(19|20|21)\\d\\dQ[1-4]$": "a quarter such as 2025Q1",
    "^\\d{4}(-\\d\\d){0,2}$": "a date written YYYY, YYYY-MM or YYYY-MM-DD",
    "^https?://": "a web address starting with http:// or https://",
}
_BOUNDS = {
    "greater_than_equal": ("ge", "below the minimum"),
    "greater_than": ("gt", "not above"),
    "less_than_equal": ("le", "above the maximum"),
    "less_than": ("lt", "not below"),
}
_YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n", "Yes", "No", "On", "Off"}


def describe(value: object) -> str:
    """A value as the designer wrote it: 'the text 'abc'', 'the number 5', 'a list'."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value:g}" if isinstance(value, float) else f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value[:60]}'"
    return "a list" if isinstance(value, list) else "a mapping of keys"


def report_validation_error(
    exc: ValidationError,
    report: Reporter,
    root: type[BaseModel],
    skip: Collection[tuple[int, int]] = frozenset(),
) -> None:
    """Add one plain-language problem per pydantic error, located at its node's mark."""
    found = []
    for err in exc.errors(include_url=False):
        key = "[key]" in err["loc"]
        loc = _designer_loc(err["loc"])
        code, message, hint = _translate(dict(err), loc, root)
        found.append((loc, code, message, hint, key or code == "unknown-key"))
    # A misspelt key also shows up as the right key missing; the typo says it all.
    guessed = {(loc[:-1], hint) for loc, code, _, hint, _ in found if code == "unknown-key"}
    for loc, code, message, hint, key in found:
        if code == "missing-key" and (loc[:-1], f"did you mean '{loc[-1]}'?") in guessed:
            continue
        if code == "range" and report.index is not None:
            # Point at the number itself when a ranged `Param` is out of range.
            inner = (*loc, "value")
            if report.index.locate(inner)[0] == inner:
                loc = inner
        if report.index is not None and report.index.locate(loc, key=key)[1:] in skip:
            continue
        report.add(loc, code, message, hint=hint, key=key)


def _designer_loc(loc: Loc) -> Loc:
    """Pydantic's path without the parts no file has: `[key]` and an assumption's form."""
    out: list[Hashable] = []
    for part in loc:
        if part == "[key]" or (part in ASSUMPTION_FORMS and out and out[-1] == "assumption"):
            continue
        out.append(part)
    return tuple(out)


def _translate(err: dict[str, Any], loc: Loc, root: type[BaseModel]) -> tuple[str, str, str | None]:
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    name = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        fields = _fields_at(root, loc[:-1])
        hint = did_you_mean(name, fields)
        if hint is None and fields and len(fields) <= 12:
            hint = "allowed keys: " + ", ".join(fields)
        return "unknown-key", f"unknown key '{name}'", hint
    if kind == "missing":
        meaning = _description_at(root, loc)
        hint = f"add `{name}:` ({meaning.rstrip('.')})" if meaning else f"add `{name}:`"
        return "missing-key", f"missing required key '{name}'", hint
    if kind in _EXPECTED:
        hint = _type_hint(kind, value)
        if kind == "model_type" and set(_fields_at(root, loc)) == {"value", "source", "assumption"}:
            shown = value if isinstance(value, int | float) else 5
            hint = f"write a number with where it comes from: {{value: {shown}, source: some_id}}"
        if kind == "string_type" and name == "assumption" and hint is None:
            hint = 'write one line of text, or both languages: {en: "…", de: "…"}'
        return "type", f"expected {_EXPECTED[kind]}, got {describe(value)}", hint
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        hint = did_you_mean(value, options) if isinstance(value, str) else None
        return "value", f"expected {ctx.get('expected')}, got {describe(value)}", hint
    if kind == "string_pattern_mismatch":
        wanted = _PATTERNS.get(str(ctx.get("pattern")), f"text matching {ctx.get('pattern')}")
        return "value", f"expected {wanted}, got {describe(value)}", None
    if kind in _BOUNDS:
        bound, words = _BOUNDS[kind]
        limit = ctx.get(bound)
        limit_text = f"{limit:g}" if isinstance(limit, int | float) else str(limit)
        return "range", f"value {value} is {words} {limit_text}", None
    if kind in ("string_too_short", "too_short"):
        least = ctx.get("min_length")
        what = "characters" if kind == "string_too_short" else "entries"
        return "value", f"needs at least {least} {what}", None
    if kind in ("string_too_long", "too_long"):
        most = ctx.get("max_length")
        what = "characters" if kind == "string_too_long" else "entries"
        return "value", f"may have at most {most} {what}", None
    message = str(err.get("msg", "is not valid")).removeprefix("Value error, ")
    code = "range" if "outside the allowed range" in message else "value"
    return code, message, None


def _type_hint(kind: str, value: object) -> str | None:
    if kind == "bool_type" and isinstance(value, str) and value in _YAML11_BOOLS:
        return "only true and false are booleans in a level file"
    if kind == "string_type" and isinstance(value, int | float | bool):
        return "put the text in quotes, for example '2025'"
    if kind in ("float_type", "int_type") and isinstance(value, str):
        return "write numbers like 10, 2.5 or 1e9 (no leading zeros, no quotes)"
    return None


def _description_at(root: type[BaseModel], loc: Loc) -> str | None:
    """The model field's description for the key at `loc`, for a 'missing key' hint."""
    if not loc:
        return None
    parent = _model_at(root, loc[:-1])
    field = parent.model_fields.get(str(loc[-1])) if parent else None
    if field is None:
        return None
    if field.description:
        return field.description
    inner = _unwrap(field.annotation)
    if isinstance(inner, type) and issubclass(inner, BaseModel) and inner.__doc__:
        return inner.__doc__.strip().splitlines()[0]
    return None


def _fields_at(root: type[BaseModel], loc: Loc) -> list[str]:
    model = _model_at(root, loc)
    return list(model.model_fields) if model else []


def _model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """Field names of the model found at `loc` inside `root`, for 'did you mean' hints."""
    tp: object = root
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = tp.model_fields.get(str(part))
            if field is None:
                return None
            tp = field.annotation
        elif get_origin(tp) in (list, dict):
            tp = get_args(tp)[-1]
        else:
            return None
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    return None


def _unwrap(tp: object) -> object:
    """`Annotated[X, ...]` and `X | None` → X; of `str | Model`, the model (it has keys)."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, UnionType):
            options = [_unwrap(a) for a in get_args(tp) if a is not type(None)]
            models = [o for o in options if isinstance(o, type) and issubclass(o, BaseModel)]
            return (models or options)[0]
        else:
            return tp
