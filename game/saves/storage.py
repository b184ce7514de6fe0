"""Where saves live and how they reach the disk without ever damaging the previous one.

A save is written to a temporary file in the same folder, flushed and fsynced, then renamed
over the old file (atomic on every platform we ship to), and the folder is fsynced so the
rename itself survives a power cut. A process killed at any instant leaves either the old
save or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from pathlib import Path

from pydantic import ValidationError

from game.guarded_files import RefusedFile, read_guarded
from game.paths import SAVE_DIR_ENV
from game.paths import saves_dir as saves_dir  # re-exported: the saves API names it
from game.saves.format import CURRENT_VERSION, MAX_TURNS, SaveGame
from game.saves.problems import SaveProblem
from game.saves.upgrade import UnknownFormat, WrongShape, detect_version, upgrade

ENV_SAVE_DIR = SAVE_DIR_ENV
AUTOSAVE = "autosave"
SUFFIX = ".json"
# A save holds a level (at most 1 MB, a few times that once escaped) and at most 80 turns:
# 10 MB is room to spare, and keeps a hostile file from costing gigabytes to parse.
MAX_BYTES = 10_000_000


def slot_name(name: str) -> str:
    """A safe file stem for a slot name typed by a player ('My game!' -> 'my-game')."""
    stem = re.sub(r"[^a-z0-9_-]+", "-", name.strip().lower()).strip("-")[:60]
    return stem or "save"


def slot_path(name: str, folder: str | Path | None = None) -> Path:
    return saves_dir(folder) / (slot_name(name) + SUFFIX)


def dumps(save: SaveGame) -> str:
    return json.dumps(save.model_dump(mode="json"), ensure_ascii=False, indent=1)


def write_atomic(path: str | Path, text: str) -> None:
    """Replace `path` with `text` so that no crash can leave a partial file there."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f".{path.name}.*.tmp"):  # left by a killed earlier write
        with contextlib.suppress(OSError):
            stale.unlink()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if os.name == "posix":  # mkstemp makes 0600 files; keep the old file's mode
            os.fchmod(fd, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; not possible on Windows, where the rename is enough."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def write_save(save: SaveGame, path: str | Path) -> Path:
    """Write a save atomically; returns the path. Raises OSError when the disk refuses."""
    write_atomic(path, dumps(save))
    return Path(path)


def read_save(path: str | Path) -> SaveGame | SaveProblem:
    """Parse, upgrade and check a save file. Never raises: problems name the file."""
    name = Path(path).name
    try:
        return _read(Path(path), name)
    except Exception as exc:  # a bug must still reach the player as a message
        return SaveProblem(name, "internal", {"error": f"{type(exc).__name__}: {exc}"})


def _read(path: Path, name: str) -> SaveGame | SaveProblem:
    try:
        data = read_guarded(path, MAX_BYTES)
    except RefusedFile as exc:
        if exc.reason == "too_large":
            return SaveProblem(name, "too_large", {"size": exc.size, "limit": MAX_BYTES})
        if exc.reason == "not_regular":
            return SaveProblem(name, "not_a_file", {"kind": exc.detail})
        return SaveProblem(name, "unreadable", {"reason": exc.detail or exc.reason})
    return parse_save(data, name)


def parse_save(data: bytes, name: str = "<save>") -> SaveGame | SaveProblem:
    """Bytes of a save file -> a current-format `SaveGame`, or the problem with it."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        return SaveProblem(name, "not_text", {"offset": exc.start})
    if "\x00" in text:
        return SaveProblem(name, "not_text", {"offset": text.index("\x00")})
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        # Input that ends inside a value was cut short: an interrupted copy or download.
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            return SaveProblem(name, "truncated", {"size": len(data)})
        return SaveProblem(name, "not_json", {"line": exc.lineno, "col": exc.colno})
    except RecursionError:
        return SaveProblem(name, "not_json", {"line": 1, "col": 1})
    try:
        version = detect_version(parsed)
        if version > CURRENT_VERSION:
            return SaveProblem(name, "too_new", {"found": version, "supported": CURRENT_VERSION})
        turns = parsed.get("turns" if version > 1 else "orders")
        if isinstance(turns, list) and len(turns) > MAX_TURNS:
            # Checked before the rest is parsed: a million turns must not cost minutes.
            return SaveProblem(name, "too_many_turns", {"turns": len(turns), "limit": MAX_TURNS})
        current = upgrade(parsed, version)
        return SaveGame.model_validate_json(json.dumps(current), strict=True)
    except UnknownFormat:
        return SaveProblem(name, "foreign")
    except WrongShape as exc:
        return SaveProblem(name, "wrong_shape", {"detail": str(exc)})
    except ValidationError as exc:
        return SaveProblem(name, "wrong_shape", {"detail": _first_error(exc)})


def _first_error(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False)
    first = errors[0]
    where = ".".join(str(p) for p in first["loc"]) or "the file"
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first['msg']}{more}"
