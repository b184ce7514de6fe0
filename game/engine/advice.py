"""What a split will do, told before End turn: wasted money now, and where it leads.

Both answers come from the engine itself (`resolve` on a copy of what the side can see),
so the turn screen never re-implements a formula. The rival's orders are secret, so it is
assumed to split evenly; the dice are drawn fresh for each projected world, so the range
says how much luck could move the result.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from game.engine import events as ev
from game.engine.orders import Allocation, Orders, check
from game.engine.resolve import resolve
from game.engine.rules import Rules, other
from game.engine.state import GameState
from game.engine.view import imagined_world

EVEN = Orders(Allocation(0.25, 0.25, 0.25, 0.25))
RivalPlan = Callable[[GameState], Orders]
CardChoice = Callable[[GameState], "str | None"]  # the card a side plays in a quarter, if any


@dataclass(frozen=True)
class Waste:
    """Money of this quarter's split that will buy nothing (`kind`: chips, energy, talent)."""

    kind: str
    unspent_bn: float
    kept_bn: float  # what of it comes back next quarter


@dataclass(frozen=True)
class Idle:
    """Share of the installed chips that will sit without power this quarter."""

    share: float
    missing_gw: float


def waste(rules: Rules, state: GameState, side: str, orders: Orders) -> list[Waste | Idle]:
    """The money this split wastes and the chips it leaves idle, by playing the quarter."""
    if state.finished or check(rules, state, side, orders):
        return []
    after_orders = {side: orders, other(side): EVEN}
    _, events = resolve(rules, state.clone(), after_orders)
    keep = rules.constants.get("carry_over_share", 1.0)
    found: list[Waste | Idle] = []
    kinds = {
        ev.SupplyCapped: "chips",
        ev.EnergyCapped: "energy",
        ev.TalentCapped: "talent",
        ev.RunCapped: "models",
    }
    for event in events:
        if getattr(event, "side", None) != side:
            continue
        kind = kinds.get(type(event))
        if kind is not None and event.unspent_bn >= 0.5:  # type: ignore[attr-defined]
            # every kind above is a *Capped event, which carries unspent_bn
            found.append(Waste(kind, event.unspent_bn, event.unspent_bn * keep))  # type: ignore[attr-defined]
        elif isinstance(event, ev.ChipsIdle) and event.idle_share >= 0.02:
            found.append(Idle(event.idle_share, event.missing_gw))
    return found


@dataclass(frozen=True)
class Projection:
    """Where holding one split leads, over a few worlds with fresh dice."""

    turn: int  # the middle world's last quarter (superintelligence may end a world early)
    # low, the middle world's (the one with the middle lead), high
    mine: tuple[float, float, float]  # capability
    rival: tuple[float, float, float]
    lead_months: tuple[float, float, float]  # my lead over the rival (negative: behind)
    wins: int  # worlds in which this side wins (or leads at the end)
    worlds: int


def project(
    rules: Rules,
    state: GameState,
    side: str,
    orders: Orders,
    dice: tuple[int, ...] = (11, 23, 37, 51, 79),
    quarters: int | None = None,
    rival_plan: RivalPlan | Sequence[RivalPlan] | None = None,
    my_cards: CardChoice | None = None,
) -> Projection | None:
    """Play on with this split against the rival's plan.

    `rival_plan(state)` gives the rival's orders in a projected quarter (default: an even
    split); the turn screen passes the AI's own planner. Given several plans, world `i`
    follows plan `i` (cycling), so the range also shows how the rival might choose.
    After this quarter the side plays the card `my_cards(state)` names, where it is allowed
    (default: none), so a rival plan that plays cards is weighed against a side that does.
    `state` must be a world without the real dice (an observation): each projected world
    takes its own dice, so the range shows random events, not the ones that will come.
    """
    if state.finished or check(rules, state, side, orders):
        return None
    rest = Orders(orders.allocation, None)
    end = rules.turns if quarters is None else min(rules.turns, state.turn + quarters - 1)
    mine, theirs, leads, ends = [], [], [], []
    wins = 0
    plans: Sequence[RivalPlan | None] = (
        tuple(rival_plan) if isinstance(rival_plan, Sequence) else (rival_plan,)
    )
    for index, d in enumerate(dice):
        plan = plans[index % len(plans)]
        world = imagined_world(rules, state, d)
        first = True
        while not world.finished and world.turn <= end:
            theirs_now = EVEN if plan is None else plan(world)
            if check(rules, world, other(side), theirs_now):
                theirs_now = EVEN
            mine_now = orders if first else rest
            if not first and my_cards is not None:
                card = my_cards(world)
                if card is not None and not check(
                    rules, world, side, Orders(rest.allocation, card)
                ):
                    mine_now = Orders(rest.allocation, card)
            world, _ = resolve(rules, world, {side: mine_now, other(side): theirs_now})
            first = False
        ends.append(world.turn - 1)
        f, r = world.factions[side], world.factions[other(side)]
        mine.append(rules.capability(f.frontier_log10))
        theirs.append(rules.capability(r.frontier_log10))
        leads.append(rules.lag_months(f.frontier_log10 - r.frontier_log10))
        if world.outcome is not None:
            wins += world.outcome.winner == side
        else:
            wins += f.frontier_log10 > r.frontier_log10
    # The middle is one world, the one with the middle lead: medians taken separately could
    # read "you 81, rival 87, you lead by 1.9 months", each number from another world.
    middle = sorted(range(len(leads)), key=lambda i: (leads[i], i))[len(leads) // 2]
    return Projection(
        ends[middle],
        _spread(mine, middle),
        _spread(theirs, middle),
        _spread(leads, middle),
        wins,
        len(dice),
    )


def _spread(values: list[float], middle: int) -> tuple[float, float, float]:
    """The lowest value, the middle world's, and the highest."""
    return min(values), values[middle], max(values)


@dataclass(frozen=True)
class RivalEstimate:
    """What a side can tell of its rival: algorithms and its next run, as ranges."""

    algo: tuple[float, float]  # algorithmic efficiency, low and high estimate
    reach: tuple[float, float, float]  # capability after next quarter if it goes all in


def estimate_rival(rules: Rules, state: GameState, side: str) -> RivalEstimate | None:
    """The rival's potential as `side` may estimate it.

    Fleet, power and talent are public; its algorithms are not, so they are shown within
    `rival_estimate_factor` either way. The reach plays the rival's next quarter with all
    its money on the training run (this side splitting evenly).
    """
    if state.finished:
        return None
    rival = other(side)
    factor = rules.constants["rival_estimate_factor"]
    algo = state.factions[rival].algo_efficiency
    all_in = Orders(Allocation(0.0, 0.0, 0.0, 1.0))
    world = state.clone()
    world.rng_state = 0
    after, _ = resolve(rules, world, {rival: all_in, side: EVEN})
    now = state.factions[rival].frontier_log10
    frontier = after.factions[rival].frontier_log10
    spread = math.log10(factor)
    reach = tuple(
        min(100.0, max(0.0, rules.capability(max(now, frontier + d))))
        for d in (-spread, 0.0, spread)
    )
    return RivalEstimate((algo / factor, algo * factor), reach)  # type: ignore[arg-type]
