"""The desktop game on screen: scenes, theme, drawing helpers (see README.md here)."""

from __future__ import annotations

from game.saves.slots import autosave_path


def autosave_exists() -> bool:
    """True when there is an autosave file; Continue opens it, or says why it cannot."""
    return autosave_path().is_file()


__all__ = ["autosave_exists", "autosave_path"]
