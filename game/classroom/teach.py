"""What the debrief teaches beyond the game itself: the gap in months, side questions.

The gap is Epoch AI's time shift (`game.balance.depth.epoch_lag_months`, the same measure
the depth report checks the levels against): how many months ago the leader reached the
capability the follower has now. Here it is read between quarters too (the leader's climb
within a quarter taken as even), so a pupil sees 4.5 months rather than a jump from 3 to
6; at whole quarters it is the depth report's number. Signed: positive when the Titans
lead. The measured real gap in 2025 is about 7 months (range 4–14), drawn beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Rules
from game.engine.formulas import time_shift_months
from game.i18n import has_key, t
from game.levels.model import SIDES
from game.match import Match

#: Epoch AI's measured US lead over China in 2025, in months, and its range.
MEASURED_GAP_MONTHS = 7.0
MEASURED_GAP_RANGE = (4.0, 14.0)


@dataclass(frozen=True)
class GapPoint:
    index: int  # 0 = the start, k = after the k-th quarter played
    quarter: str  # the quarter just played ('' at the start)
    months: float  # the Titans' lead in months (negative: the Swarms lead)


def gap_series(rules: Rules, match: Match) -> list[GapPoint]:
    """The signed gap at the start and after every quarter played."""
    history = [{s: st.factions[s].frontier_log10 for s in SIDES} for st in match.states]
    points = []
    for index, now in enumerate(history):
        lag = time_shift_months(rules, history, index)
        sign = 1.0 if now["usa"] >= now["china"] else -1.0
        quarter = rules.quarter(match.turns[index - 1].turn) if index else ""
        points.append(GapPoint(index, quarter, sign * lag))
    return points


def gap_words(months: float) -> str:
    """'Titans 7 months ahead' / 'Swarms 2 months ahead' / 'level'."""
    from game.numbers import num

    if abs(months) < 0.05:  # the same threshold as the debrief's headline (words.final_words)
        return t("lessons.gap.even")
    key = "lessons.gap.usa_ahead" if months > 0 else "lessons.gap.china_ahead"
    return t(key, months=num(abs(months), 1))


def side_questions(sides: tuple[str, ...]) -> list[str]:
    """The questions for the side(s) the group played (lessons.questions.<side>.N)."""
    out = []
    for side in sides:
        n = 1
        while has_key(f"lessons.questions.{side}.{n}"):
            out.append(t(f"lessons.questions.{side}.{n}"))
            n += 1
    return out


def class_prompts() -> list[str]:
    """'Why did the same world end differently?' prompts for the class overview."""
    out, n = [], 1
    while has_key(f"lessons.class.prompts.{n}"):
        out.append(t(f"lessons.class.prompts.{n}"))
        n += 1
    return out
