"""`validate`: the one-command level checker designers and CI run; says "OK" when all is well.

Usage: python -m game.cli.validate [--json] PATH...   (a folder means its *.yaml files)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from game.balance.trial import check_level_fully
from game.levels.diagnostics import Problem
from game.levels.loader import LoadedLevel


def level_paths(paths: list[str]) -> tuple[list[Path], list[Problem]]:
    """Files to check: each file as given, each folder's *.yaml in name order."""
    files: list[Path] = []
    problems: list[Problem] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(path.glob("*.yaml"))
            if not found:
                problems.append(
                    Problem(name, 1, 1, "error", "io", "", "this folder has no *.yaml level files")
                )
            files += found
        else:
            files.append(path)
    return files, problems


def duplicate_id_problem(loaded: LoadedLevel, first: Path) -> Problem:
    """Two files, one level id: saves name levels by id, so they would be mixed up."""
    level_id = loaded.level.id
    line = next(
        (n for n, row in enumerate(loaded.text.splitlines(), 1) if row.startswith("id:")), 1
    )
    return Problem(
        loaded.path,
        line,
        5,
        "warning",
        "duplicate-level-id",
        "id",
        f"the level id '{level_id}' is also used by {first}; saves and the level list "
        "tell levels apart by id",
        "give each level file its own id (usually the file name)",
        loaded.text.splitlines()[line - 1] if loaded.text else None,
    )


def cmd_validate(paths: list[str], out: TextIO | None = None, fmt: str = "text") -> int:
    """Check every level named; print its problems. 0 when all are valid, else 1."""
    out = out if out is not None else sys.stdout
    from game.lessons import check_lesson_file, is_lesson_file

    files, problems = level_paths(paths)
    valid = lessons = 0
    seen: dict[str, Path] = {}
    for path in files:
        if is_lesson_file(path):  # lessons/*.yaml: checked like levels, with their scenario
            lessons += 1
            loaded, found = check_lesson_file(path)
        else:
            loaded, found = check_level_fully(path)
        valid += loaded is not None
        problems += found
        if loaded is not None and not is_lesson_file(path):
            twin = seen.setdefault(loaded.level.id, path)
            if twin != path and "duplicate-level-id" not in loaded.level.suppress:
                problems.append(duplicate_id_problem(loaded, twin))
    ok = not any(p.severity == "error" for p in problems) and valid == len(files)
    if fmt == "json":
        json.dump([p.to_dict() for p in problems], out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for problem in problems:
            out.write(problem.format() + "\n")
        kinds = f"{valid - lessons} level(s)"
        if lessons:
            kinds = f"{lessons} lesson(s)" if valid == lessons else f"{kinds}, {lessons} lesson(s)"
        if ok:
            out.write(f"OK: {kinds}\n")
        else:
            out.write(f"FAILED: {len(files) - valid} of {len(files)} file(s) have errors\n")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="validate", description="Check level files.")
    parser.add_argument("paths", nargs="+", help="level files or folders of *.yaml files")
    parser.add_argument("--json", action="store_true", help="print problems as one JSON array")
    args = parser.parse_args(argv)
    return cmd_validate(args.paths, fmt="json" if args.json else "text")


if __name__ == "__main__":
    sys.exit(main())
