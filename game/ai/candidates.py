"""The orders worth considering this quarter: plan variants, and a plan with each policy.

Both searching AIs pick from this list, so neither can ever return something exotic: every
candidate is the analytic plan (`game.ai.planner`) with one judgement call turned — a
weaker or stronger training run, more or less hiring, chips bought ahead of the power — or
the plan plus one of the policies open now.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.ai.easy import planned_orders
from game.ai.heuristic import policy_appeal
from game.ai.planner import Knobs
from game.ai.style import Style
from game.engine import GameState, Orders, Rules, available_policies

# Turns of the plan's knobs tried without a policy (the first is the plan itself). Since
# research speeds up with the model, a run held back costs more than the money it saves:
# the plan runs at 0.6 of its largest slice, and a stronger run is the one turn tried.
# Less hiring ({"talent": 0.45}) was chosen in 2 of 684 decisions (16 games), so only
# `hard` still tries it: a quarter of `normal`'s split ratings.
# A weaker final model ({"final_run": 0.8}) leaves money for chips that still run in the
# last quarter; it differs from the plan only near the end (identical orders are dropped),
# so it costs nothing earlier. Neither fixed choice is right everywhere: 0.8 for every plan
# lost 71% to 0.99 on `classroom-45` and was even on `cold-ai-war` (300 games).
VARIANTS = (
    {},
    {"run": 0.9},
    {"hire_first": 0.5},
    {"final_run": 0.8},
)
# `hard` searches a finer grid of run strengths between and above `normal`'s two: the run is
# the knob that decides (against `normal`, 60 seeds a side: this grid 62.5%; `normal`'s
# set rated in more worlds 50.8%). Other turns tried there were never chosen or cost games:
# less hiring, lower runs, ordering power further ahead and buying chips ahead of power
# changed nothing; hiring before chips at 0.8 cost China 3.5 months (docs/ai-strength.md).
WIDE_VARIANTS = (
    *VARIANTS,
    {"run": 0.67},
    {"run": 0.75},
    {"run": 0.83},
    {"run": 0.95},
)


@dataclass(frozen=True, slots=True)
class Candidate:
    knobs: Knobs
    policy: str | None
    orders: Orders
    money: tuple[float, ...]


def candidates(
    rules: Rules,
    state: GameState,
    side: str,
    base: Knobs,
    style: Style,
    variants: tuple[dict, ...] = VARIANTS,
    max_policies: int = 8,
) -> list[Candidate]:
    """Every variant without a policy, then the plan with each affordable open policy."""
    out: list[Candidate] = []
    seen: set[tuple] = set()

    def add(knobs: Knobs, policy: str | None) -> None:
        orders, money = planned_orders(rules, state, side, knobs, style, policy or False)
        key = (tuple(round(x, 4) for x in orders.allocation.as_tuple()), orders.policy)
        if key not in seen:
            seen.add(key)
            out.append(Candidate(knobs, orders.policy, orders, tuple(money)))

    for variant in variants:
        add(styled(base, variant, style), None)
    for pid in policies_to_try(rules, state, side, style, max_policies):
        add(styled(base, {}, style), pid)
    return out


def policies_to_try(
    rules: Rules, state: GameState, side: str, style: Style, max_policies: int = 8
) -> list[str]:
    """The affordable open policies, most appealing first (at most `max_policies`)."""
    if style.policies <= 0 or max_policies <= 0:
        return []
    budget = max(0.0, state.factions[side].budget)
    affordable = [
        pid
        for pid in available_policies(rules, state, side)
        if rules.policies[pid].cost_bn.value <= 0.5 * style.policies * budget
    ]
    affordable.sort(key=lambda pid: -policy_appeal(rules, state, side, pid, style))
    return affordable[:max_policies]


def with_policies(
    rules: Rules, state: GameState, side: str, chosen: Candidate, style: Style
) -> list[Candidate]:
    """The chosen split's plan (its knobs, already styled) with each policy worth trying.

    A policy is weighed against the split it would be played with: pairing every policy
    with the default plan made a card lose to a better split rather than to no card.
    """
    out = []
    for pid in policies_to_try(rules, state, side, style):
        orders, money = planned_orders(rules, state, side, chosen.knobs, style, pid)
        out.append(Candidate(chosen.knobs, orders.policy, orders, tuple(money)))
    return out


def styled(base: Knobs, variant: dict, style: Style) -> Knobs:
    """`base` with one variant's turns, under the style; worked out once per combination."""
    key = (base, tuple(variant.items()), style.chips, style.energy, style.talent, style.models)
    found = _STYLED.get(key)
    if found is None:
        found = replace(base, **variant).styled(style) if variant else base.styled(style)
        if len(_STYLED) >= 4096:
            _STYLED.clear()
        _STYLED[key] = found
    return found


_STYLED: dict[tuple, Knobs] = {}
