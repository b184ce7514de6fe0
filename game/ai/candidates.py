"""The orders worth considering this quarter: variations of the plan, with and without policies.

Both searching AIs pick from this list, so neither can ever return something exotic: every
candidate is a sensible plan the heuristic could have chosen, plus policy choices.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.ai.easy import plan_orders
from game.ai.heuristic import Plan, pick_policy
from game.ai.style import Style
from game.engine import GameState, Orders, Rules, available_policies


@dataclass(frozen=True, slots=True)
class Candidate:
    plan: Plan
    policy: str | None
    orders: Orders
    money: tuple[float, ...]


def plan_variants(base: Plan) -> list[Plan]:
    """A spread of plans around `base`: more or fewer chips, more talent, stronger runs."""
    return [
        base,
        replace(base, chips=base.chips * 1.5),
        replace(base, chips=base.chips * 0.5),
        replace(base, talent=base.talent * 1.6),
        replace(base, talent=base.talent * 0.4),
        replace(base, run=min(0.99, base.run + 0.4)),
        replace(base, run=base.run * 0.4),
        replace(base, energy_margin=base.energy_margin * 1.6),
        replace(base, chips=base.chips * 0.6, talent=base.talent * 1.6, run=base.run * 0.6),
    ]


def candidates(
    rules: Rules, state: GameState, side: str, base: Plan, style: Style, max_policies: int = 4
) -> list[Candidate]:
    """Every plan variant without a policy, and the base plan with each open policy."""
    out: list[Candidate] = []
    seen: set[tuple] = set()

    def add(plan: Plan, policy: str | None) -> None:
        orders, money = plan_orders(rules, state, side, plan, style, policy or False)
        key = (tuple(round(x, 4) for x in orders.allocation.as_tuple()), orders.policy)
        if key not in seen:
            seen.add(key)
            out.append(Candidate(plan, orders.policy, orders, tuple(money)))

    for plan in plan_variants(base):
        add(plan, None)
    if style.policies > 0:
        budget = max(0.0, state.factions[side].budget)
        favourite, _ = pick_policy(rules, state, side, style, budget)
        open_ = available_policies(rules, state, side)
        ranked = ([favourite] if favourite else []) + [p for p in open_ if p != favourite]
        for pid in ranked[:max_policies]:
            if rules.policies[pid].cost_bn.value <= 0.25 * style.policies * budget:
                add(base, pid)
    return out
