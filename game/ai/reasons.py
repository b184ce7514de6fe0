"""Why an AI chose its orders, as message codes and numbers (words live in ai.yaml).

A decision's explanation is one code or several joined by `+` (for example
`idle_chips+policy+search`); `game.ai.explain.explain` turns each into a sentence.
The first part names the main reason for the split; a played policy and, for the
searching AIs, what the search found, follow.
"""

from __future__ import annotations

from game.ai.features import outlook
from game.engine import Orders, PlayerView, Rules

# Every code an AI can emit; tests check both languages have words for each.
REASON_CODES = (
    "idle_chips",
    "power_ahead",
    "chips_build",
    "talent_build",
    "final_push",
    "train_behind",
    "train_ahead",
    "policy",
    "lookahead",
    "search",
    "fallback",
)


def _pct(x: float) -> int:
    return round(100 * x)


def explain_choice(
    rules: Rules, view: PlayerView, orders: Orders, money: list[float] | None = None
) -> tuple[str, dict]:
    """The main reason for this split (and the policy, if one is played)."""
    o = outlook(rules, view.state, view.side)
    a = orders.allocation
    me, rival = view.me, view.rival
    lead = rules.lag_months(me.frontier_log10 - rival.frontier_log10)
    params = {
        "chips": _pct(a.chips),
        "energy": _pct(a.energy),
        "talent": _pct(a.talent),
        "models": _pct(a.models),
        "idle": _pct(o.idle_share),
        "lag": o.energy_lag,
        "capacity_bn": round(o.chip_capacity_bn),
        "months": round(abs(lead)),
        "turns_left": o.turns_left,
    }
    if o.turns_left <= 2 and a.models >= 0.5:
        code = "final_push"
    elif a.energy >= 0.1 and (o.idle_share > 0.03 or o.power_gap_now_gw > 0):
        code = "idle_chips"
    elif a.energy >= 0.15:
        code = "power_ahead"
    elif a.chips >= max(a.models, a.talent) and a.chips >= 0.2:
        code = "chips_build"
    elif a.talent >= max(a.chips, a.models):
        code = "talent_build"
    else:
        code = "train_behind" if lead < 0 else "train_ahead"
    if orders.policy is not None:
        code += "+policy"
        params["policy"] = _policy_title(rules, orders.policy)
    return code, params


def _policy_title(rules: Rules, policy_id: str) -> dict:
    """The policy's title in both languages (explain() picks the reader's)."""
    title = rules.policies[policy_id].title
    return {"en": title.en, "de": title.de}
