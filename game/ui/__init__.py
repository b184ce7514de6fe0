"""The desktop game on screen: scenes, theme, drawing helpers (see README.md here)."""

from __future__ import annotations

from game.saves.slots import autosave_exists as _unfinished_game
from game.saves.slots import autosave_path


def autosave_exists() -> bool:
    """True when an unfinished game is saved; Continue opens the newest, or says why not."""
    return _unfinished_game()


__all__ = ["autosave_exists", "autosave_path"]
