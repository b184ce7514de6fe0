"""What a side decides each quarter, and the reasons an order cannot be carried out.

`check()` never raises for a player's mistake: it returns `Reason`s, each a stable code
plus parameters, which the screens put into words from the translation files.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from game.engine.conditions import unmet_condition
from game.engine.rules import Rules
from game.engine.state import GameState

AREAS = ("chips", "energy", "talent", "models")
SHARE_TOLERANCE = 1e-6


@dataclass(frozen=True, slots=True)
class Allocation:
    """Shares of the budget (after any policy cost); they add up to 1."""

    chips: float
    energy: float
    talent: float
    models: float

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.chips, self.energy, self.talent, self.models)

    @classmethod
    def from_percent(cls, chips: float, energy: float, talent: float, models: float) -> Allocation:
        return cls(chips / 100, energy / 100, talent / 100, models / 100)

    @classmethod
    def normalised(cls, values: Iterable[float]) -> Allocation:
        """Scale non-negative weights to shares that add up to exactly 1."""
        values = [v if v > 0.0 else 0.0 for v in map(float, values)]  # max(0.0, v)
        total = sum(values)
        if total <= 0:
            return cls(0.25, 0.25, 0.25, 0.25)
        shares = [v / total for v in values]
        # Give rounding error to the largest share, so none turns negative and they sum to 1.
        # (The first largest, as max() finds it; the others added in their order. Written out,
        # not max() with a key: the AIs normalise thousands of plans per decision.)
        largest = 0
        for i in (1, 2, 3):
            if shares[i] > shares[largest]:
                largest = i
        shares[largest] = 1.0 - sum(shares[:largest] + shares[largest + 1 :])
        return cls(*shares)


@dataclass(frozen=True, slots=True)
class Orders:
    allocation: Allocation
    policy: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"allocation": list(self.allocation.as_tuple()), "policy": self.policy}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Orders:
        return cls(Allocation(*data["allocation"]), data.get("policy"))


@dataclass(frozen=True, slots=True)
class Reason:
    """Why orders cannot be carried out; `code` keys the translated message."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def check(rules: Rules, state: GameState, side: str, orders: Orders) -> list[Reason]:
    """Every reason these orders are not allowed now (empty list: they are fine)."""
    reasons: list[Reason] = []
    if state.finished:
        return [Reason("game_over")]
    shares = orders.allocation.as_tuple()
    if not all(map(math.isfinite, shares)):
        return [Reason("shares_not_numbers")]
    negative = [a for a, s in zip(AREAS, shares, strict=True) if s < 0]
    if negative:
        reasons.append(Reason("share_negative", {"areas": negative}))
    total = sum(shares)
    if abs(total - 1.0) > SHARE_TOLERANCE:
        code = "over_budget" if total > 1 else "under_budget"
        reasons.append(Reason(code, {"percent": round(total * 100, 1)}))
    if orders.policy is not None:
        reasons.extend(policy_problems(rules, state, side, orders.policy))
    return reasons


def policy_problems(rules: Rules, state: GameState, side: str, policy_id: str) -> list[Reason]:
    """Why `side` may not play this policy now; empty when it may."""
    policy = rules.policies.get(policy_id)
    if policy is None:
        return [Reason("unknown_policy", {"policy": policy_id})]
    if policy.side != side:
        return [Reason("policy_other_side", {"policy": policy_id, "side": policy.side})]
    faction = state.factions[side]
    last = faction.policies_played.get(policy_id)
    if last is not None and policy.once:
        return [Reason("policy_used", {"policy": policy_id, "turn": last})]
    if last is not None and state.turn - last <= policy.cooldown_turns:
        wait = policy.cooldown_turns - (state.turn - last) + 1
        return [Reason("policy_cooldown", {"policy": policy_id, "turns": wait})]
    unmet = unmet_condition(rules, state, policy.requires)
    if unmet is not None:
        return [unmet]
    cost = policy.cost_bn.value
    if cost > faction.budget + 1e-9:
        return [Reason("policy_too_expensive", {"cost": cost, "budget": faction.budget})]
    return []


def available_policies(rules: Rules, state: GameState, side: str) -> list[str]:
    return [p.id for p in rules.policies_for(side) if not policy_problems(rules, state, side, p.id)]
