"""Built-in players for tests and balance runs: random, fixed shares, and a greedy heuristic."""

from __future__ import annotations

from game.engine import Allocation, Orders, PlayerView, Rules, available_policies
from game.engine.effects import effective_params
from game.engine.market import chip_offers
from game.engine.rng import Rng
from game.players.base import Decision


class RandomPlayer:
    """Random shares and, now and then, a random policy: the floor every AI must beat."""

    name = "random"

    def decide(self, rules: Rules, view: PlayerView, rng: Rng) -> Decision:
        weights = [rng.random() + 0.05 for _ in range(4)]
        policies = available_policies(rules, view.state, view.side)
        policy = rng.choice(policies) if policies and rng.random() < 0.3 else None
        return Decision(Orders(Allocation.normalised(weights), policy))


class FixedPlayer:
    """The same shares every quarter and no policies (for example `fixed:25/25/25/25`)."""

    def __init__(self, percents: tuple[float, float, float, float]) -> None:
        self.allocation = Allocation.normalised(percents)
        self.name = "fixed:" + "/".join(f"{p:g}" for p in percents)

    def decide(self, rules: Rules, view: PlayerView, rng: Rng) -> Decision:
        return Decision(Orders(self.allocation))


def chip_money_absorbable(rules: Rules, view: PlayerView) -> float:
    """How many $bn of chips the market will sell this side this quarter."""
    params = effective_params(rules, view.state, view.side)
    return sum(o.supply_units * o.price_k_usd for o in chip_offers(rules, params)) / 1e6


def power_shortfall(rules: Rules, view: PlayerView, extra_chip_gw: float) -> float:
    """GW missing next quarter if the fleet grows by `extra_chip_gw` and nothing is built."""
    me = view.me
    params = effective_params(rules, view.state, view.side)
    arriving = sum(gw for t, gw in me.energy_pipeline if t <= view.turn + 1)
    supply = me.energy_gw + arriving + 2 * params["energy_baseline_gw_per_turn"]
    return me.fleet_power_gw + extra_chip_gw - supply


class GreedyPlayer:
    """A sensible one-quarter heuristic: buy what the market sells, keep the lights on,
    hire steadily, train with the rest; play an affordable policy when one is open."""

    name = "greedy"

    def decide(self, rules: Rules, view: PlayerView, rng: Rng) -> Decision:
        me = view.me
        budget = max(me.budget, 1e-9)
        params = effective_params(rules, view.state, view.side)
        chip_money = min(0.45 * budget, chip_money_absorbable(rules, view))
        kw_per_bn = _kw_per_bn(rules, params)
        new_gw = chip_money * kw_per_bn / 1e6
        short = power_shortfall(rules, view, new_gw * 2)
        energy_money = 0.05 * budget
        if short > 0:
            energy_money = min(0.4 * budget, short * params["energy_cost_bn_per_gw"] * 1.5)
        talent_money = 0.12 * budget
        models_money = max(0.25 * budget, budget - chip_money - energy_money - talent_money)
        allocation = Allocation.normalised([chip_money, energy_money, talent_money, models_money])
        policy = None
        for pid in available_policies(rules, view.state, view.side):
            if rules.policies[pid].cost_bn.value <= 0.1 * budget:
                policy = pid
                break
        return Decision(Orders(allocation, policy))


def _kw_per_bn(rules: Rules, params: dict) -> float:
    """Power drawn per $bn of the cheapest chips on sale (kW)."""
    offers = chip_offers(rules, params)
    return offers[0].chip.kw_per_unit * 1e6 / offers[0].price_k_usd if offers else 0.0
