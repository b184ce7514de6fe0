"""The rule-of-thumb planner every difficulty builds on (and `easy` plays on its own).

A `Plan` is a handful of knobs (how much to put into chips, talent and the training run);
`plan_money` turns a plan plus the side's outlook into $bn per area: keep the chips
powered first, train at a set strength, buy what the chip market sells, hire while it
still pays off, and put the rest into the run. `normal` and `hard` search over plans
through the engine; `easy` just follows the default one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from game.ai.features import Outlook
from game.ai.style import Style
from game.engine import GameState, Rules, available_policies
from game.engine.effects import combine, effective_params
from game.engine.rules import STOCKS, effect_sides


@dataclass(frozen=True, slots=True)
class Plan:
    """How a side means to spend: shares of the budget, or strengths, never absolute $bn."""

    chips: float = 0.6  # most of the budget that may go into chips
    talent: float = 0.5  # share hired while the game has long to run
    run: float = 0.5  # strength of the training run: share of `run_share_max` bought
    energy_margin: float = 1.2  # spare power planned for, as a factor on expected demand
    late_run: float = 0.97  # run strength in the last quarters

    def styled(self, style: Style) -> Plan:
        run = min(0.995, self.run * style.models) if style.models > 0 else 0.0
        return replace(
            self,
            chips=min(1.0, self.chips * style.chips),
            talent=min(1.0, self.talent * style.talent),
            run=run,
            energy_margin=self.energy_margin * style.energy,
        )


def run_money(strength: float, scale_bn: float) -> float:
    """$bn that buys `strength` (0–1) of the largest training share."""
    strength = min(0.995, max(0.0, strength))
    return scale_bn * -math.log(1.0 - strength)


def plan_money(plan: Plan, o: Outlook, budget: float) -> list[float]:
    """$bn for chips, energy, talent, models; adds up to `budget`."""
    if budget <= 1e-9:
        return [0.0, 0.0, 0.0, 0.0]
    left = budget
    late = o.turns_left <= 2
    strength = plan.late_run if late else plan.run
    models = min(left, run_money(strength, o.models_scale_bn))
    left -= models
    chips = min(left, plan.chips * budget, o.chip_capacity_bn)
    if o.turns_left <= 1:
        chips = min(chips, max(0.0, -o.power_gap_now_gw) / max(o.kw_per_bn, 1e-9))
    energy = 0.0
    if o.energy_lag < o.turns_left:
        # Chips bought each quarter until the new plants arrive need power then.
        future_gw = chips * o.kw_per_bn / 1e6 * (o.energy_lag + 1) * plan.energy_margin
        need = max(0.0, future_gw - o.power_free_later_gw)
        if o.energy_lag == 0:
            need += max(0.0, o.power_gap_now_gw)
        buildable = min(need, o.energy_cap_gw)
        energy = min(left - chips, buildable * o.energy_cost_bn_per_gw)
        if need > buildable > 0 and need > 0:
            # More chips than the grid can ever power: buy fewer of them.
            chips *= max(0.3, buildable / need)
    left -= chips + energy
    talent_weight = min(1.0, max(0.0, (o.turns_left - 2) / 10))
    talent = min(left, plan.talent * budget * talent_weight)
    left -= talent
    return [chips, energy, talent, models + left]


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


def pick_policy(
    rules: Rules, state: GameState, side: str, style: Style, budget: float
) -> tuple[str | None, float]:
    """The most appealing affordable policy, if any is clearly worth its price."""
    if style.policies <= 0:
        return None, 0.0
    best, best_score = None, 0.0
    for pid in available_policies(rules, state, side):
        cost = rules.policies[pid].cost_bn.value
        if cost > 0.1 * style.policies * budget:
            continue
        score = policy_appeal(rules, state, side, pid, style)
        if score > best_score + 1e-12:
            best, best_score = pid, score
    return best, best_score
