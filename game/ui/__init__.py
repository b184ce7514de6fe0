"""The desktop game on screen: scenes, theme, drawing helpers (see README.md here)."""

from __future__ import annotations

from game.saves.slots import autosave_exists as _unfinished_game
from game.saves.slots import autosave_path
from game.saves.storage import AUTOSAVE, slot_path


def autosave_exists() -> bool:
    """True when an unfinished game is saved (Continue opens the newest) or an old
    autosave.json is there (Continue opens it, or says why it cannot)."""
    return _unfinished_game() or slot_path(AUTOSAVE).is_file()


__all__ = ["autosave_exists", "autosave_path"]
