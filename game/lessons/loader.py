"""Read and check a lesson file, every problem located like a level's (file:line:col).

The checks are the level checker's own (YAML parsing with marks, pydantic errors in plain
words, "did you mean"), then what only a lesson has: its scenario must exist and load,
and a quarter limit must lie inside the scenario's calendar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from game.guarded_files import RefusedFile, read_guarded
from game.lessons.model import LESSON_VERSION, Lesson
from game.levels.diagnostics import Problem, Reporter, did_you_mean, report_validation_error
from game.levels.loader import LoadedLevel, check_level_file
from game.levels.yaml_safe import parse_yaml
from game.paths import LEVELS

#: A lesson file is small; anything larger is not one.
MAX_BYTES = 100_000
_MARKER = re.compile(r"^lesson_version\s*:", re.MULTILINE)


@dataclass(frozen=True)
class LoadedLesson:
    path: Path
    lesson: Lesson
    level: LoadedLevel
    problems: tuple[Problem, ...] = ()


def is_lesson_file(path: str | Path) -> bool:
    """Does this YAML file describe a lesson (rather than a level)?"""
    try:
        head = read_guarded(Path(path), MAX_BYTES).decode("utf-8", "replace")
    except (OSError, RefusedFile):  # a pipe, a device, a huge file: not a lesson
        return False
    return bool(_MARKER.search(head))


def level_file(name: str, lesson_path: Path, levels_dir: Path = LEVELS) -> Path | None:
    """The level a lesson names: a path beside the lesson, else levels/<id>.yaml."""
    if name.endswith((".yaml", ".yml")):
        for candidate in (lesson_path.parent / name, Path(name), levels_dir / Path(name).name):
            if candidate.is_file():
                return candidate
        return None
    candidate = levels_dir / f"{name}.yaml"
    return candidate if candidate.is_file() else None


def level_ids(levels_dir: Path = LEVELS) -> list[str]:
    return sorted(p.stem for p in levels_dir.glob("*.yaml"))


def check_lesson_file(
    path: str | Path, levels_dir: Path = LEVELS
) -> tuple[LoadedLesson | None, list[Problem]]:
    """The lesson and every problem found (errors, warnings); None when it cannot be used."""
    path = Path(path)
    name = str(path)
    try:
        data = read_guarded(path, MAX_BYTES)
    except RefusedFile as exc:
        if exc.reason == "too_large":
            message = f"the file has {exc.size} bytes; a lesson has at most {MAX_BYTES}"
        elif exc.reason == "not_regular":
            message = f"this is not an ordinary file ({exc.detail})"
        else:
            message = f"cannot read the file: {exc.detail or exc.reason}"
        return None, [Problem(name, 1, 1, "error", "io", "", message)]
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return None, [Problem(name, 1, 1, "error", "io", "", f"cannot read the file: {reason}")]
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        message = f"the file is not UTF-8 text (byte {exc.start})"
        return None, [Problem(name, 1, 1, "error", "encoding", "", message)]
    report = Reporter(name, text)
    lesson = _validate(text, report)
    loaded = None
    if lesson is not None:
        loaded = _with_level(path, lesson, report, levels_dir)
    problems = sorted(report.problems, key=lambda p: (p.line, p.col))
    if loaded is None or report.errors:
        return None, problems
    return LoadedLesson(path, lesson, loaded, tuple(problems)), problems


def load_lesson(path: str | Path) -> LoadedLesson:
    """The lesson, or ValueError carrying the formatted problems."""
    loaded, problems = check_lesson_file(path)
    if loaded is None:
        raise ValueError("\n".join(p.format() for p in problems))
    return loaded


def _validate(text: str, report: Reporter) -> Lesson | None:
    parsed = parse_yaml(text, report)
    if parsed is None:
        return None
    report.index = parsed.index
    if parsed.empty or not isinstance(parsed.data, dict):
        hint = f"a lesson starts with lesson_version: {LESSON_VERSION}"
        report.at(1, 1, "type", "a lesson must be a mapping of keys", hint=hint)
        return None
    taken = {(p.line, p.col) for p in report.problems}
    try:
        return Lesson.model_validate(parsed.data, strict=True)
    except ValidationError as exc:
        report_validation_error(exc, report, Lesson, skip=taken)
        return None


def _with_level(
    path: Path, lesson: Lesson, report: Reporter, levels_dir: Path
) -> LoadedLevel | None:
    found = level_file(lesson.level, path, levels_dir)
    if found is None:
        report.add(
            ("level",),
            "unknown-level",
            f"there is no scenario '{lesson.level}' in {levels_dir}",
            hint=did_you_mean(lesson.level, level_ids(levels_dir))
            or f"one of: {', '.join(level_ids(levels_dir))}",
        )
        return None
    level, problems = check_level_file(str(found))
    if level is None:
        first = next((p for p in problems if p.severity == "error"), None)
        detail = f": {first.format(show_source=False)}" if first else ""
        report.add(("level",), "broken-level", f"the scenario {found} has errors{detail}")
        return None
    turns = level.level.calendar.turns
    stop = lesson.stop_after_quarters
    if stop is not None and stop >= turns:
        report.add(
            ("stop_after_quarters",),
            "stop-after-end",
            f"the scenario ends after {turns} quarters, so a stop after {stop} never comes",
            severity="warning",
            hint=f"use a number below {turns}, or leave the line out",
        )
    return level
