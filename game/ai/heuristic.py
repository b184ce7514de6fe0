"""A quick reading of the policies: which one helps us (and hurts the rival) most.

No engine call: each effect is read as a signed, duration-weighted change of a stock or a
parameter the side wants higher or lower. `easy` plays the most appealing affordable
policy; `normal` and `hard` use the reading to order the policies they try through the
engine, and as the rival's and their own future choices in lookaheads and rollouts.
"""

from __future__ import annotations

from game.ai.style import Style
from game.engine import GameState, Rules, available_policies
from game.engine.effects import combine, effective_params
from game.engine.rules import STOCKS, effect_sides

# Stocks and parameters a side wants higher; everything else it wants lower.
_GOOD_PARAMS = {
    "income_growth",
    "income_growth_damping",
    "adoption_dividend",
    "adoption_rate",
    "adoption_max",
    "confidence_lead_weight",
    "energy_baseline_gw_per_turn",
    "energy_build_cap_gw_per_turn",
    "talent_inflow_per_turn",
    "talent_per_sqrt_bn",
    "algo_log10_per_turn",
    "run_share_max",
    "distillation",
    "supply",
}


def _is_good(target: str) -> bool:
    if target in STOCKS:
        return True
    return target.rsplit(".", 1)[-1] in _GOOD_PARAMS


def policy_appeal(rules: Rules, state: GameState, side: str, policy_id: str, style: Style) -> float:
    """A rough sign-and-size reading of a policy's effects for `side` (no engine call)."""
    policy = rules.policies[policy_id]
    score = style.prefer.get(policy_id, 0.0)
    params = {}
    for effect in policy.effects:
        for who in effect_sides(effect, side):
            weight = 1.0 if who == side else -style.rival
            score += weight * _effect_sign(rules, state, who, effect, params)
    return score


def _effect_sign(rules: Rules, state: GameState, who: str, effect, params: dict) -> float:
    """Signed size (−1..1) of one effect on `who`: positive when it helps that side."""
    if who not in params:
        params[who] = effective_params(rules, state, who)
    current = params[who].get(effect.target)
    if current is None:
        current = getattr(state.factions[who], effect.target, 1.0)
    new = combine(effect.op, current, effect.value)
    base = max(abs(current), abs(new), 1e-9)
    change = max(-1.0, min(1.0, (new - current) / base))
    duration = 1.0 if effect.turns is None else min(1.0, effect.turns / 6)
    return (1.0 if _is_good(effect.target) else -1.0) * change * duration


# The largest share of the budget a quick reading pays for one card (times the style's
# appetite). With a tenth, `easy` played China's national compute network (~19% of its
# 2027 budget) late or never (in 6 of 10 games), and an easy China lost 74% of its games
# even to a random USA; with a quarter it wins them all.
AFFORDABLE_SHARE = 0.25


def pick_policy(
    rules: Rules, state: GameState, side: str, style: Style, budget: float
) -> tuple[str | None, float]:
    """The most appealing affordable policy, if any is clearly worth its price."""
    if style.policies <= 0:
        return None, 0.0
    best, best_score = None, 0.0
    for pid in available_policies(rules, state, side):
        cost = rules.policies[pid].cost_bn.value
        if cost > AFFORDABLE_SHARE * style.policies * budget:
            continue
        score = policy_appeal(rules, state, side, pid, style)
        if score > best_score + 1e-12:
            best, best_score = pid, score
    return best, best_score
