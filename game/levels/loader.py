"""Load a level file: bytes → safe YAML → typed `Level` → cross-references, every step located.

The loader never lets an exception other than `LevelError` escape, whatever the file
holds, and it reports every problem it can find in one go so a designer fixes them all in
one pass rather than one per run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from game.guarded_files import RefusedFile, read_guarded
from game.levels.crossrefs import check_crossrefs, check_schema_version
from game.levels.diagnostics import LevelError, Problem, Reporter, report_validation_error
from game.levels.history import check_history
from game.levels.model import Level
from game.levels.semantics import check_semantics
from game.levels.suppress import apply_suppress
from game.levels.yaml_safe import parse_yaml

MAX_BYTES = 1_000_000

# A check that needs more than the level (trial games need the engine and players, which
# sit above this package): the caller passes it in. Its codes are left alone otherwise.
Trial = Callable[[Level, Reporter], None]
TRIAL_CODES = frozenset({"unreachable-victory", "dry-run-failed"})


@dataclass(frozen=True)
class LoadedLevel:
    """A valid level with the text and hash it came from (the hash goes into saves)."""

    level: Level
    path: str
    text: str
    sha256: str
    warnings: tuple[Problem, ...] = ()
    suppressed: tuple[Problem, ...] = ()


def load_level(path: str | Path) -> LoadedLevel:
    """Load and check a level file; raises `LevelError` listing every problem."""
    loaded, problems = check_level_file(path)
    if loaded is None:
        raise LevelError(problems)
    return loaded


def load_level_text(text: str, filename: str = "<level>") -> LoadedLevel:
    """Like `load_level`, for text already in memory (tests, the editor, reload)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        problem = Problem(filename, 1, 1, "error", "encoding", "", f"the text is not UTF-8: {exc}")
        raise LevelError([problem]) from None
    loaded, problems = check_level_bytes(data, filename)
    if loaded is None:
        raise LevelError(problems)
    return loaded


def check_level_file(
    path: str | Path, *, trial: Trial | None = None
) -> tuple[LoadedLevel | None, list[Problem]]:
    """Check a level file without raising: the level (if valid) and all problems, warnings too.

    `trial` adds a check that plays games (see `game/balance/trial.py`); without it the
    check costs what parsing costs."""
    name = str(path)
    try:
        data = read_guarded(path, MAX_BYTES)
    except RefusedFile as exc:
        if exc.reason == "too_large":
            return None, [_too_large(name, exc.size)]
        return None, [Problem(name, 1, 1, "error", "io", "", exc.sentence())]
    return check_level_bytes(data, name, trial=trial)


def check_level_bytes(
    data: bytes, filename: str, *, trial: Trial | None = None
) -> tuple[LoadedLevel | None, list[Problem]]:
    """Check a level's raw bytes; never raises. Anything unexpected becomes a located error."""
    try:
        return _check(data, filename, trial)
    except Exception as exc:  # a bug must still reach the designer as a message
        message = (
            f"the level could not be checked ({type(exc).__name__}: {exc}); "
            "please report this as a bug, with the file"
        )
        return None, [Problem(filename, 1, 1, "error", "internal", "", message)]


def _check(
    data: bytes, filename: str, trial: Trial | None
) -> tuple[LoadedLevel | None, list[Problem]]:
    if len(data) > MAX_BYTES:
        return None, [_too_large(filename, len(data))]
    text = _decode(data, filename)
    if isinstance(text, Problem):
        return None, [text]
    report = Reporter(filename, text)
    level = _validate(text, report)
    silenced: list[Problem] = []
    if level is not None:
        check_semantics(level, report)
        check_history(level, report)
        if trial is not None and not report.errors:
            trial(level, report)
        silenced = apply_suppress(level, report, not_run=TRIAL_CODES if trial is None else ())
    problems = sorted(report.problems, key=lambda p: (p.line, p.col))
    if level is None or report.errors:
        return None, problems
    digest = hashlib.sha256(data).hexdigest()
    loaded = LoadedLevel(level, filename, text, digest, tuple(problems), tuple(silenced))
    return loaded, problems


def _validate(text: str, report: Reporter) -> Level | None:
    parsed = parse_yaml(text, report)
    if parsed is None:
        return None
    report.index = parsed.index
    if parsed.empty:
        report.at(1, 1, "empty", "the file is empty", hint="a level starts with schema_version: 1")
        return None
    if not isinstance(parsed.data, dict):
        report.add(
            (),
            "type",
            "a level must be a mapping of keys at the top (like `id: my_level`), "
            f"not {_kind(parsed.data)}",
        )
        return None
    if not check_schema_version(parsed.data, report):
        return None
    # A value the YAML layer already reported (an alias, a bad tag) is not reported twice;
    # a warning there (an older schema_version) must not hide the error at the same place.
    taken = {(p.line, p.col) for p in report.problems if p.severity == "error"}
    try:
        level = Level.model_validate(parsed.data, strict=True)
    except ValidationError as exc:
        report_validation_error(exc, report, Level, skip=taken)
        return None
    check_crossrefs(level, report)
    return level


def _decode(data: bytes, filename: str) -> str | Problem:
    """UTF-8 text without a BOM, or a located problem for NUL or undecodable bytes."""
    wide = _utf16_problem(data, filename)
    if wide is not None:
        return wide
    try:
        text = data.decode("utf-8")
        undecodable = -1
    except UnicodeDecodeError as exc:
        undecodable = exc.start
    nul = data.find(b"\x00")
    if undecodable < 0 and nul < 0:
        return text.removeprefix("\ufeff")
    # Report whichever comes first: that is where the file stops being text.
    if nul >= 0 and (undecodable < 0 or nul < undecodable):
        bad, message = nul, "the file contains a NUL byte"
    else:
        bad = undecodable
        message = f"the file is not valid UTF-8 text (byte 0x{data[bad]:02x} cannot be read)"
    if nul >= 0:
        message += ": it looks like a binary file, not a level"
    line_start = data.rfind(b"\n", 0, bad) + 1
    line = data.count(b"\n", 0, bad) + 1
    col = len(data[line_start:bad].decode("utf-8", "replace")) + 1
    line_end = data.find(b"\n", bad)
    source = data[line_start : line_end if line_end >= 0 else len(data)]
    return Problem(
        filename,
        line,
        col,
        "error",
        "encoding",
        "",
        message,
        "save the file as UTF-8 text",
        printable(source.decode("utf-8", "replace")),
    )


def _utf16_problem(data: bytes, filename: str) -> Problem | None:
    """Text saved as UTF-16 (Windows Notepad's "Unicode"): a BOM, or a NUL in every other
    byte of the first line. Named as such, with the fix, instead of "binary file"."""
    head = data[:400]
    bom = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    halves = (head[0::2], head[1::2])
    ascii_like = len(head) >= 8 and any(h.count(0) >= 0.9 * len(h) for h in halves)
    if not (bom or ascii_like):
        return None
    encoding = "utf-16" if bom else ("utf-16-le" if head[1] == 0 else "utf-16-be")
    first_line = data[:2000].decode(encoding, "replace").lstrip("\ufeff").split("\n")[0]
    return Problem(
        filename,
        1,
        1,
        "error",
        "encoding",
        "",
        "the file is saved as UTF-16 text; levels are read as UTF-8",
        "save it as UTF-8 (in Notepad: File → Save as → Encoding: UTF-8)",
        printable(first_line.rstrip("\r")),
    )


def printable(text: str, limit: int = 400) -> str:
    """`text` safe to show on one line: control characters made visible, at most `limit`
    characters (a NUL cannot be drawn, and a megabyte-long line should not be)."""
    shown = "".join(
        "\u2400" if c == "\x00" else ("\ufffd" if c < " " and c != "\t" else c)
        for c in text[: limit + 1]
    )
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _too_large(filename: str, size: int) -> Problem:
    return Problem(
        filename,
        1,
        1,
        "error",
        "too-large",
        "",
        f"the file is too large to be a level ({size:,} bytes; the limit is {MAX_BYTES:,})",
    )


def _kind(value: object) -> str:
    return "a list" if isinstance(value, list) else f"a single value ({value!r:.40})"
