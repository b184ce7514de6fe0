"""Restricted play (Jaffe et al., AIIDE 2012): the same AI with one lever taken away.

If a player that never invests in, say, energy wins about as often as the full player,
energy does not matter in this level. The wrapper keeps the inner player's thinking and
only edits its orders, so the comparison isolates the lever.
"""

from __future__ import annotations

from game.engine import Allocation, Orders
from game.players.base import Decision, Player

AREAS = ("chips", "energy", "talent", "models")
RESTRICTIONS = (*AREAS, "policies")


class RestrictedPlayer:
    """Wraps `inner`: never spends on `area` (shares renormalised), or never plays a policy."""

    def __init__(self, inner: Player, restriction: str):
        if restriction not in RESTRICTIONS:
            raise ValueError(f"unknown restriction {restriction!r}")
        self.inner = inner
        self.restriction = restriction
        self.name = f"{getattr(inner, 'name', 'ai')} without {restriction}"

    def decide(self, rules, view, rng) -> Decision:
        decision = self.inner.decide(rules, view, rng)
        orders = decision.orders
        if self.restriction == "policies":
            orders = Orders(orders.allocation, None)
        else:
            orders = Orders(without(orders.allocation, self.restriction), orders.policy)
        return Decision(orders, decision.explanation, decision.explanation_params)


def without(allocation: Allocation, area: str) -> Allocation:
    """`allocation` with `area` at zero and the other shares scaled up to sum to 1."""
    shares = [
        0.0 if name == area else share
        for name, share in zip(AREAS, allocation.as_tuple(), strict=False)
    ]
    if sum(shares) <= 0:  # everything was in the banned area: split the rest evenly
        shares = [0.0 if name == area else 1.0 for name in AREAS]
    return Allocation.normalised(shares)
