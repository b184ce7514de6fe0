"""The screens' name for `game.numbers` (numbers for players), which lives below the UI so
saves and classroom reports format numbers the same way without importing the UI."""

from game.numbers import (
    MINUS,
    auto_decimals,
    bn,
    compact,
    gw,
    num,
    pct,
    quarter,
    short_decimals,
    signed,
    smart,
)

__all__ = [
    "MINUS",
    "auto_decimals",
    "bn",
    "compact",
    "gw",
    "num",
    "pct",
    "quarter",
    "short_decimals",
    "signed",
    "smart",
]
