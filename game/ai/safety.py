"""The last line before orders leave an AI: `check()` them, and fall back safely if needed.

A bug in a planner must never stall a game or crash the window: orders the engine would
reject are replaced by an even split with no policy, and the explanation says so.
"""

from __future__ import annotations

from game.engine import Allocation, Orders, PlayerView, Rules, check
from game.engine.decision import Decision

FALLBACK_CODE = "fallback"


def safe_decision(rules: Rules, view: PlayerView, decision: Decision) -> Decision:
    """`decision` if its orders pass `check()`; otherwise a legal fallback."""
    if view.state.finished or not check(rules, view.state, view.side, decision.orders):
        return decision
    if decision.orders.policy is not None:
        without = Orders(decision.orders.allocation, None)
        if not check(rules, view.state, view.side, without):
            return Decision(without, decision.explanation, decision.explanation_params)
    return Decision(Orders(Allocation(0.25, 0.25, 0.25, 0.25)), FALLBACK_CODE, {})
