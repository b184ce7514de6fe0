"""The desktop game on screen: scenes, theme, drawing helpers (see README.md here)."""

from __future__ import annotations

from game.ui.paths import autosave_path


def autosave_exists() -> bool:
    """True when there is an autosave to continue (the menu shows Continue only then)."""
    return autosave_path().is_file()


__all__ = ["autosave_exists", "autosave_path"]
