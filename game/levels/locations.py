"""Where the shipped levels live, independent of the current working directory."""

from pathlib import Path

LEVELS_DIR = Path(__file__).resolve().parents[2] / "levels"
MAIN_LEVEL = LEVELS_DIR / "cold-ai-war.yaml"


def shipped_levels() -> list[Path]:
    """Every level file we ship, the main level first."""
    return sorted(LEVELS_DIR.glob("*.yaml"), key=lambda p: (p != MAIN_LEVEL, p.name))
