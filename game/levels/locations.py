"""Where the shipped levels live, independent of the current working directory."""

from pathlib import Path

from game.paths import LEVELS as LEVELS_DIR
from game.paths import MAIN_LEVEL


def shipped_levels() -> list[Path]:
    """Every level file we ship, the main level first."""
    return sorted(LEVELS_DIR.glob("*.yaml"), key=lambda p: (p != MAIN_LEVEL, p.name))
