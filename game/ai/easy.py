"""`easy`: the default plan and a quick reading of the policies, no lookahead (≤ 2 ms).

`plan_orders` is also the policy every rollout of `hard` follows and the rival model of
`normal`, so it must stay fast and must never return orders `check()` rejects.
"""

from __future__ import annotations

from game.ai.features import outlook
from game.ai.heuristic import Plan, pick_policy, plan_money
from game.ai.reasons import explain_choice
from game.ai.safety import safe_decision
from game.ai.style import Style, style_for
from game.engine import Allocation, GameState, Orders, PlayerView, Rules
from game.engine.rng import Rng
from game.players.base import Decision

DEFAULT_PLAN = Plan()


def plan_orders(
    rules: Rules,
    state: GameState,
    side: str,
    plan: Plan,
    style: Style,
    policy: str | bool | None = True,
) -> tuple[Orders, list[float]]:
    """Orders following `plan`; `policy` True picks one by appeal, else plays the one given."""
    budget = max(0.0, state.factions[side].budget)
    if policy is True:
        policy, _ = pick_policy(rules, state, side, style, budget)
    elif policy is False:
        policy = None
    if policy is not None:
        budget = max(0.0, budget - rules.policies[policy].cost_bn.value)
    money = plan_money(plan, outlook(rules, state, side), budget)
    return Orders(Allocation.normalised(money), policy), money


class EasyAI:
    """Follows the level's style with the default plan; sensible, never random."""

    name = "easy"

    def __init__(self, plan: Plan = DEFAULT_PLAN) -> None:
        self.plan = plan

    def decide(self, rules: Rules, view: PlayerView, rng: Rng) -> Decision:
        style = style_for(rules, view.side)
        orders, money = plan_orders(rules, view.state, view.side, self.plan.styled(style), style)
        code, params = explain_choice(rules, view, orders, money)
        return safe_decision(rules, view, Decision(orders, code, params))
