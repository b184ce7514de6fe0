"""The level JSON Schema, generated from the models and checked in as `levels/schema.json`.

Editors (VS Code with the YAML extension, anything using yaml-language-server) read it for
autocompletion, checking as you type and hover help: every description in `model.py`
shows up there. `python -m game schema --write` regenerates it and `docs/levels.md`; a test
fails when either is stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.levels.model import SCHEMA_VERSION, Level
from game.levels.schema_rules import LevelIds, tighten

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "levels" / "schema.json"
DOCS_PATH = ROOT / "docs" / "levels.md"
MODELINE = "# yaml-language-server: $schema=schema.json"


def level_schema(ids: LevelIds | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a level file; with `ids`, of that one level (its
    chips, cards and sources become lists an editor completes and checks)."""
    schema = tighten(Level.model_json_schema(mode="validation"), ids)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://swarms-vs-titans.invalid/level-schema-v{SCHEMA_VERSION}.json",
        **schema,
        "title": "Swarms vs Titans level",
        "description": (
            f"A scenario for Swarms vs Titans (level format {SCHEMA_VERSION}). "
            "Check a file with `python -m game validate FILE`."
        ),
    }


def schema_text(ids: LevelIds | None = None) -> str:
    return json.dumps(level_schema(ids), indent=2, ensure_ascii=False) + "\n"


def level_ids_of(path: Path) -> LevelIds:
    """The ids a level file defines, read leniently: a broken file gives what it can."""
    from game.levels.diagnostics import Reporter
    from game.levels.yaml_safe import parse_yaml

    text = path.read_text(encoding="utf-8", errors="replace")
    parsed = parse_yaml(text, Reporter(str(path), text))
    return LevelIds.from_data(parsed.data if parsed is not None else None)


def write_generated(root: Path = ROOT) -> list[Path]:
    """Write `levels/schema.json` and `docs/levels.md` under `root`; the paths written."""
    from game.levels.docs import levels_markdown

    written = []
    for path, text in (
        (root / "levels" / "schema.json", schema_text()),
        (root / "docs" / "levels.md", levels_markdown(level_schema())),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def cmd_schema(write: bool = False, level: str | None = None) -> int:
    """`python -m game schema [--write | --level FILE]`: print the schema (with one level's
    ids), or regenerate the checked-in files."""
    if level is not None:
        try:
            ids = level_ids_of(Path(level))
        except OSError as exc:
            print(f"error: cannot read {level}: {exc.strerror or exc}")
            return 1
        print(schema_text(ids), end="")
        return 0
    if not write:
        print(schema_text(), end="")
        return 0
    written = write_generated()
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    if not written:
        print("schema.json and docs/levels.md are up to date")
    return 0
