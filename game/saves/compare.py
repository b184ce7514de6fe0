"""Two timelines side by side: the original game and a what-if branch of it.

Exact because the engine is deterministic: the branch shares the seed and, up to the split,
the orders, so every difference after the split comes from the decisions that differed.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Orders, Rules
from game.levels.model import SIDES
from game.match import Match
from game.saves.format import SavedOutcome, as_side

ORDERS_TOLERANCE = 0.005  # half a percentage point: smaller changes do not show


@dataclass(frozen=True)
class Timeline:
    """Capability (0–100 ladder) of each side at the start of every quarter, and the end."""

    turns: list[int]
    capability: dict[str, list[float]]
    outcome: SavedOutcome | None
    final_turn: int


@dataclass(frozen=True)
class DecisionDiff:
    turn: int
    side: str
    original: Orders
    branch: Orders


@dataclass(frozen=True)
class Comparison:
    split_turn: int  # the first quarter whose orders differ (None-free: the branch point)
    original: Timeline
    branch: Timeline
    differences: list[DecisionDiff]

    @property
    def same_outcome(self) -> bool:
        return self.original.outcome == self.branch.outcome


def timeline(rules: Rules, match: Match) -> Timeline:
    o = match.state.outcome
    outcome = (
        None
        if o is None
        else SavedOutcome(
            winner=as_side(o.winner) if o.winner else None, reason=o.reason, turn=o.turn
        )
    )
    return Timeline(
        turns=[s.turn for s in match.states],
        capability={
            side: [rules.capability(s.factions[side].frontier_log10) for s in match.states]
            for side in SIDES
        },
        outcome=outcome,
        final_turn=match.state.turn,
    )


def orders_differ(a: Orders, b: Orders) -> bool:
    if a.policy != b.policy:
        return True
    pairs = zip(a.allocation.as_tuple(), b.allocation.as_tuple(), strict=True)
    return any(abs(x - y) > ORDERS_TOLERANCE for x, y in pairs)


def compare(original: Match, branch: Match) -> Comparison:
    """Both timelines and every decision that differed, turn by turn, side by side."""
    rules = original.rules
    differences = []
    for mine, theirs in zip(original.turns, branch.turns, strict=False):
        for side in SIDES:
            if orders_differ(mine.orders[side], theirs.orders[side]):
                differences.append(
                    DecisionDiff(mine.turn, side, mine.orders[side], theirs.orders[side])
                )
    common = min(len(original.turns), len(branch.turns))
    split = differences[0].turn if differences else common + 1
    return Comparison(split, timeline(rules, original), timeline(rules, branch), differences)
