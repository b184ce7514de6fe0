"""Where the menu looks for lesson files: the shipped `lessons/`, the teacher's own folder
(`lessons/` in the game's data folder, beside a portable bundle's saves too) and
`lessons/` in the folder the game was started from."""

from __future__ import annotations

from pathlib import Path

from game.lessons.loader import is_lesson_file
from game.paths import ROOT, data_dir

#: More lesson files than a school keeps; a folder with more is cut here.
MAX_LESSONS = 100


def own_lessons_dir() -> Path:
    """The folder a teacher puts their own lesson files into."""
    return data_dir() / "lessons"


def lesson_dirs() -> list[Path]:
    candidates = [ROOT / "lessons", own_lessons_dir(), Path.cwd() / "lessons"]
    unique: dict[Path, None] = {}
    for folder in candidates:
        try:
            unique.setdefault(folder.resolve(), None)
        except OSError:
            continue
    return list(unique)


def lesson_files(folders: list[Path] | None = None) -> list[Path]:
    """Every lesson file (a YAML file with `lesson_version`) in the folders, by name."""
    found: list[Path] = []
    for folder in folders if folders is not None else lesson_dirs():
        try:
            files = sorted(folder.glob("*.y*ml")) if folder.is_dir() else []
        except OSError:
            continue
        found += [p for p in files if p.suffix in (".yaml", ".yml") and is_lesson_file(p)]
    return found[:MAX_LESSONS]
