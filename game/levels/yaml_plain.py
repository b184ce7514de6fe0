"""Plain words for the YAML parser's two most common puzzles: a wrong indent, a decimal comma.

PyYAML notices a wrong indent only at the next key ("mapping values are not allowed here",
"expected <block end>"), often one line after the mistake, and reads `{value: 0,3}` as two
entries, `0` and a key `3`. Both are found again here and named where the designer typed
them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

INDENT_MESSAGES = ("mapping values are not allowed here", "expected <block end>")


@dataclass(frozen=True)
class PlainProblem:
    line: int  # 1-based
    col: int
    message: str
    hint: str


def indent_problem(problem: str, line: int, text: str) -> PlainProblem | None:
    """The line whose indent is off, for a parser error at 1-based `line`; None if unsure."""
    if not any(problem.startswith(m) for m in INDENT_MESSAGES):
        return None
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    candidates = [n for n in (_previous_content(lines, line), line) if n is not None]
    widths = Counter(_indent(row) for row in lines if row.strip() and not _comment(row))
    # The line whose indent the file uses least is the one typed wrong.
    odd = min(candidates, key=lambda n: (widths[_indent(lines[n - 1])], -n))
    width = _indent(lines[odd - 1])
    return PlainProblem(
        odd,
        width + 1,
        f"this line is indented by {width} space{'s' if width != 1 else ''}, which fits "
        "neither the key above it nor its neighbours",
        "keys of one mapping start in the same column; a key inside another is indented "
        "two more spaces than its parent",
    )


def decimal_comma(number: str, col: int, line: int) -> PlainProblem:
    """`{value: 0,3}`: YAML reads a comma inside {…} as the end of an entry."""
    return PlainProblem(
        line,
        col,
        f"'{number}' is read as two entries: inside {{…}} a comma separates entries",
        f"write decimals with a point: {number.replace(',', '.')}",
    )


def _previous_content(lines: list[str], line: int) -> int | None:
    for n in range(line - 1, 0, -1):
        if lines[n - 1].strip() and not _comment(lines[n - 1]):
            return n
    return None


def _indent(row: str) -> int:
    return len(row) - len(row.lstrip(" "))


def _comment(row: str) -> bool:
    return row.lstrip().startswith("#")
