"""`python -m game new-level NAME [--out DIR]`: a complete, valid, commented level to start from.

It is written to the current folder (or `--out`), never into the installed game, together
with a `schema.json` for the editor when that folder has none.

The template is the main scenario itself (so every number is tuned, sourced and valid),
with a new id, placeholder titles and a comment before each section that says what it is
for — taken from the schema descriptions, so the comments never disagree with the code.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from game.levels.locations import MAIN_LEVEL
from game.levels.model import Level
from game.levels.schema import schema_text

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{0,59}$")
TOP_KEY = re.compile(r"^([a-z_]+):")

HEADER = """\
# yaml-language-server: $schema=schema.json
# {name}: a what-if scenario for Swarms vs Titans.
#
# This file starts as a copy of the main scenario ({main}): a complete, tuned world.
# Change only what your "what if" is about, and mark each change with a comment.
#   1. Edit the title and description below (both English and German).
#   2. Change numbers: each is {{value: N, source: id}} or {{value: N, assumption: "why"}};
#      give the assumption in both languages ({{en: "why", de: "warum"}}) for German classes.
#   3. Check it:           python -m game validate {shown}
#   4. Play it live:        python -m game play --level {shown} --designer
#      (save the file and the game reloads it; F5 reloads by hand)
#   5. Measure balance:     python -m game balance {shown} --games 200
# Every field is explained in docs/levels.md; your editor shows the same text on hover
# (schema.json beside this file).
"""

TITLE = """\
title:
  en: "{name}: my what-if scenario"
  de: "{name}: mein Was-wäre-wenn-Szenario"

description:
  en: >-
    What if ...? Say in two or three sentences what is different from the main scenario
    and what players should try.
  de: >-
    Was wäre, wenn ...? Beschreibe in zwei, drei Sätzen, was anders ist als im
    Hauptszenario und was die Spielenden ausprobieren sollen.

"""

FOOTER = """
# Silence a warning you have checked, with the reason (errors cannot be silenced):
# suppress:
#   unused-source: "kept for the teacher's notes"
"""


class NewLevelError(ValueError):
    pass


def template(name: str, main_text: str, shown: str | None = None) -> str:
    """The commented template for level `name`, built from the main level's text; `shown`
    is the file's path as its comments name it (default `NAME.yaml`)."""
    lines = main_text.splitlines(keepends=True)
    body: list[str] = []
    skipping = False
    for line in lines:
        match = TOP_KEY.match(line)
        if match:
            key = match.group(1)
            skipping = key in ("title", "description")
            if key == "id":
                body.append(f"id: {name}\n")
                continue
            if key == "title":
                body.append(TITLE.format(name=name))
            if not skipping:
                body.append(_section_comment(key))
        if skipping:
            continue
        if line.startswith("#") and not body:
            continue  # the main level's own header is replaced by ours
        body.append(line)
    shown = shown or f"{name}.yaml"
    text = HEADER.format(name=name, main=MAIN_LEVEL.name, shown=shown) + "".join(body)
    return text.rstrip("\n") + "\n" + FOOTER


def _section_comment(key: str) -> str:
    field = Level.model_fields.get(key)
    text = (field.description if field else None) or _model_doc(field)
    if not text:
        return ""
    words = " ".join(text.split())
    return f"# --- {key}: {words}\n"


def _model_doc(field) -> str | None:
    annotation = getattr(field, "annotation", None)
    doc = getattr(annotation, "__doc__", None)
    if doc and isinstance(annotation, type) and issubclass(annotation, Level.__base__):
        return doc.strip().splitlines()[0]
    return None


def _as_typed(path: Path) -> str:
    """`path` as the designer would type it from the current folder."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def new_level(name: str, folder: Path | None = None) -> Path:
    """Write NAME.yaml into `folder` (default: the current folder) and a schema.json for the
    editor when that folder has none; refuses a bad name or an existing file."""
    if not NAME_PATTERN.match(name):
        raise NewLevelError(
            f"'{name}' cannot be a level name: use lowercase letters, digits, - and _, "
            "starting with a letter (for example my-scenario)"
        )
    folder = Path(folder) if folder is not None else Path.cwd()
    path = folder / f"{name}.yaml"
    if path.exists():
        raise NewLevelError(f"{path} already exists; choose another name or delete it first")
    try:
        main_text = MAIN_LEVEL.read_text(encoding="utf-8")
    except OSError as exc:
        raise NewLevelError(f"cannot read the main level {MAIN_LEVEL}: {exc.strerror}") from None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as file:
            file.write(template(name, main_text, _as_typed(path)))
        schema = folder / "schema.json"
        if not schema.exists():
            schema.write_text(schema_text(), encoding="utf-8")
    except OSError as exc:
        raise NewLevelError(f"cannot write {path}: {exc.strerror}") from None
    return path


def cmd_new_level(name: str, folder: str | None = None) -> int:
    try:
        path = new_level(name, Path(folder) if folder else None)
    except NewLevelError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    shown = _as_typed(path)
    print(f"wrote {shown}")
    program = "swarms-vs-titans" if getattr(sys, "frozen", False) else "python -m game"
    print(f"next: edit it, then run  {program} validate {shown}")
    return 0
