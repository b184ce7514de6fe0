"""The last few folders the teacher opened on the class overview (a USB stick, a share).

Kept in `recent-class-folders.json` beside the settings; a missing or damaged file is an
empty list, never an error, and writing it may fail silently (a read-only profile).
"""

from __future__ import annotations

import json
from pathlib import Path

from game.paths import config_dir

FILE_NAME = "recent-class-folders.json"
KEEP = 5


def recent_file() -> Path:
    return config_dir() / FILE_NAME


def recent_folders() -> list[str]:
    """Newest first; only text entries survive a hand-edited file."""
    try:
        data = json.loads(recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [item for item in data if isinstance(item, str) and item][:KEEP]


def remember_folder(folder: str | Path) -> list[str]:
    """Put `folder` first (once) and keep the newest `KEEP`; returns the new list."""
    text = str(folder)
    folders = [text, *(f for f in recent_folders() if f != text)][:KEEP]
    try:
        path = recent_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(folders, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError:
        pass  # a read-only profile: the list is a courtesy
    return folders
