"""`easy`: the analytic planner with little foresight and a quick reading of the policies.

It keeps its chips powered, buys what the market sells, hires and trains at set
strengths — but orders power only for today's demand (not for when new plants will
arrive) and picks policies by a rough reading of their effects, with no lookahead (≤ 2 ms).

`planned_orders` is also how `normal` and `hard` imagine the rest of the game (with full
foresight), so it must stay fast and must never return orders `check()` rejects.
"""

from __future__ import annotations

from game.ai.heuristic import pick_policy
from game.ai.planner import Knobs, allocate
from game.ai.reasons import explain_choice
from game.ai.safety import safe_decision
from game.ai.style import Style, style_for
from game.engine import Allocation, GameState, Orders, PlayerView, Rules
from game.engine.decision import Decision
from game.engine.rng import Rng

DEFAULT_KNOBS = Knobs()
EASY_KNOBS = Knobs(foresight=False)


def planned_orders(
    rules: Rules,
    state: GameState,
    side: str,
    knobs: Knobs,
    style: Style,
    policy: str | bool | None = True,
) -> tuple[Orders, list[float]]:
    """Orders following `knobs`; `policy` True picks one by appeal, else plays the one given."""
    budget = max(0.0, state.factions[side].budget)
    if policy is True:
        policy, _ = pick_policy(rules, state, side, style, budget)
    elif policy is False:
        policy = None
    if policy is not None:
        budget = max(0.0, budget - rules.policies[policy].cost_bn.value)
    money = allocate(rules, state, side, knobs, budget)
    return Orders(Allocation.normalised(money), policy), money


class EasyAI:
    """The planner without foresight in the level's style; sensible, never random."""

    name = "easy"

    def __init__(self, knobs: Knobs = EASY_KNOBS) -> None:
        self.knobs = knobs

    def decide(self, rules: Rules, view: PlayerView, rng: Rng) -> Decision:
        style = style_for(rules, view.side)
        knobs = self.knobs.styled(style)
        orders, money = planned_orders(rules, view.state, view.side, knobs, style)
        code, params = explain_choice(rules, view, orders, money)
        return safe_decision(rules, view, Decision(orders, code, params))
