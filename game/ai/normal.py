"""`normal`: tries each candidate one quarter ahead through the engine, keeps the best.

The rival is assumed to play the `easy` plan in its own style (a model, not a peek: the
rival's real orders are secret). Random events are drawn with the AI's own dice; every
candidate sees the same draw so they are compared fairly.
"""

from __future__ import annotations

from game.ai.candidates import candidates
from game.ai.easy import DEFAULT_PLAN, plan_orders
from game.ai.evaluate import state_value
from game.ai.reasons import explain_choice
from game.ai.safety import safe_decision
from game.ai.style import style_for
from game.engine import PlayerView, Rules, other, resolve
from game.engine.rng import Rng
from game.players.base import Decision


def rival_orders(rules: Rules, state, side: str):
    """What we expect the rival to do: the easy plan in the rival's level style."""
    rival = other(side)
    style = style_for(rules, rival)
    orders, _ = plan_orders(rules, state, rival, DEFAULT_PLAN.styled(style), style)
    return orders


class NormalAI:
    name = "normal"

    def decide(self, rules: Rules, view: PlayerView, rng: Rng) -> Decision:
        side, state = view.side, view.state.clone()
        if state.finished:
            return safe_decision(rules, view, Decision(rival_orders(rules, state, other(side))))
        style = style_for(rules, side)
        state.rng_state = rng.randrange(1 << 62)
        theirs = rival_orders(rules, state, side)
        options = candidates(rules, state, side, DEFAULT_PLAN.styled(style), style)
        best, best_value = options[0], float("-inf")
        for option in options:
            after, _ = resolve(rules, state, {side: option.orders, other(side): theirs})
            value = state_value(rules, after, side, style.rival)
            if value > best_value:
                best, best_value = option, value
        code, params = explain_choice(rules, view, best.orders, list(best.money))
        params["options"] = len(options)
        return safe_decision(rules, view, Decision(best.orders, code + "+lookahead", params))
