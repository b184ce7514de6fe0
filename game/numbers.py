"""Numbers for players: the right decimal mark, a real minus sign, units from i18n.

Used by the screens (as `game.drawing.fmt`), the save list and the classroom report.

German writes 1.234,5 and "38 %"; English 1,234.5 and "38%". Units (`$bn`, GW, H100e…)
are translation keys under `unit.*` in turn.yaml, so they can be reworded per language.
"""

from __future__ import annotations

import math

from game.i18n import language, t

MINUS = "\u2212"


def num(value: float, decimals: int = 0) -> str:
    """`value` with thousands separators and the language's decimal mark."""
    if not math.isfinite(value):
        return "–"
    rounded = round(value, decimals)
    text = f"{abs(rounded):,.{decimals}f}"
    if language() == "de":
        text = text.replace(",", "\u202f").replace(".", ",")
    return MINUS + text if rounded < 0 else text


def signed(value: float, decimals: int = 0) -> str:
    """`num` with an explicit + for gains (and a real minus for losses)."""
    text = num(value, decimals)
    return "+" + text if round(value, decimals) > 0 else text


def auto_decimals(value: float) -> int:
    """Few decimals for big numbers, more for small ones: 1234 → 0, 12.3 → 1, 0.123 → 2."""
    a = abs(value)
    if a >= 100 or a == 0:
        return 0
    if a >= 10:
        return 1
    if a >= 0.1:
        return 2
    return 3


def smart(value: float) -> str:
    return num(value, auto_decimals(value))


def short_decimals(value: float, most: int = 3) -> int:
    """The fewest decimals (up to `most`) that still show `value` to two significant digits."""
    for d in range(most + 1):
        if abs(value) >= 10 ** (1 - d) or round(value, d) == value:
            return d
    return most


def compact(value: float) -> str:
    """Large counts shortened: 1 234 567 → "1.2M", 350 000 → "350k" (via `unit.*`)."""
    a = abs(value)
    if a >= 1e9:
        return t("unit.billion", v=num(value / 1e9, 1 if a < 1e10 else 0))
    if a >= 1e6:
        return t("unit.million", v=num(value / 1e6, 1 if a < 1e7 else 0))
    if a >= 1e4:
        return t("unit.thousand", v=num(value / 1e3, 0))
    return num(value, 0 if a >= 10 or value == int(value) else 1)


def pct(share: float, decimals: int = 0) -> str:
    """A share 0–1 as a percentage."""
    return t("unit.percent", v=num(share * 100, decimals))


def bn(value: float, decimals: int | None = None) -> str:
    """Money in $bn."""
    d = (1 if abs(value) < 100 else 0) if decimals is None else decimals
    return t("unit.bn", v=num(value, d))


def gw(value: float) -> str:
    return t("unit.gw", v=num(value, 1 if abs(value) < 100 else 0))


def quarter(code: str) -> str:
    """'2026Q3' → 'Q3 2026' (the way players say it)."""
    year, _, q = code.partition("Q")
    return t("unit.quarter", q=q, year=year) if q else code
