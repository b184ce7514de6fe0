"""Reading a quick balance run, and two levels' odds side by side.

A designer who changed one number wants to know two things fast: is the result clear
enough to act on, and did the change move the odds more than chance would. Both are
answered from the baseline games alone (no restricted play).
"""

from __future__ import annotations

from game.balance.stats import two_proportion_p
from game.levels.model import SIDES

#: A 95% interval wider than this (in share points) decides nothing a designer tunes for.
DECISIVE_WIDTH = 0.20


def too_wide(wins: dict) -> str | None:
    """Why the USA's win share cannot be acted on yet (one sentence), or None when it can."""
    lo, hi = wins["usa"]["ci95"]
    if hi - lo > DECISIVE_WIDTH:
        return (
            f"warning: the 95% interval ({100 * lo:.0f}–{100 * hi:.0f}%) is "
            f"{100 * (hi - lo):.0f} points wide, too wide to decide anything: "
            "play more games (--games N) or the full report"
        )
    if lo < 0.5 < hi:
        return (
            f"warning: the 95% interval ({100 * lo:.0f}–{100 * hi:.0f}%) holds 50%, so these "
            "games cannot tell which side the level favours: play more games (--games N)"
        )
    return None


def compare(summary: dict, other: dict) -> dict:
    """Each side's win share on both levels, the difference and its p-value."""
    rows = {}
    for side in SIDES:
        a, b = summary["wins"][side], other["wins"][side]
        rows[side] = {
            "share": a["share"],
            "ci95": a["ci95"],
            "other_share": b["share"],
            "other_ci95": b["ci95"],
            "difference": b["share"] - a["share"],
            "p_value": two_proportion_p(a["wins"], a["games"], b["wins"], b["games"]),
        }
    return rows


def compare_text(rows: dict, level: str, other_level: str) -> str:
    lines = [f"{'':>5}  {level:>24}  {other_level:>24}  difference  p-value"]
    for side in SIDES:
        r = rows[side]
        cells = []
        for share, (lo, hi) in ((r["share"], r["ci95"]), (r["other_share"], r["other_ci95"])):
            cells.append(f"{100 * share:5.1f}% ({100 * lo:.0f}–{100 * hi:.0f}%)")
        lines.append(
            f"{side:>5}  {cells[0]:>24}  {cells[1]:>24}  {100 * r['difference']:+7.1f} pt"
            f"  {r['p_value']:.3g}"
        )
    return "\n".join(lines)
