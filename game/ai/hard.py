"""`hard`: plays whole futures through the engine for each candidate and keeps the best.

Each candidate is a first move plus the plan it commits to; a rollout plays that plan to
the end of the game against the rival model (the `easy` plan in the rival's style), with
random events drawn from the AI's own dice. Candidates share the same dice per round
(common random numbers), and the weaker half is dropped every few rounds (successive
halving) so the budget goes to close calls.

Budget: a time limit (`think_ms`, 1 s by default) or a fixed number of rollouts
(`iterations`). With `iterations` the decision depends only on the view and the seed, so
tournaments are reproducible and as fast as the machine allows.
"""

from __future__ import annotations

import math
import time

from game.ai.candidates import Candidate, candidates
from game.ai.easy import DEFAULT_PLAN, plan_orders
from game.ai.normal import rival_orders
from game.ai.reasons import explain_choice
from game.ai.safety import safe_decision
from game.ai.style import Style, style_for
from game.engine import Allocation, GameState, Orders, PlayerView, Rules, other, resolve
from game.engine.rng import Rng
from game.players.base import Decision

DEFAULT_THINK_MS = 1000
ROUNDS_PER_CUT = 4


def rollout(
    rules: Rules, state: GameState, side: str, option: Candidate, style: Style, seed: int
) -> float:
    """Play `option` and then its plan to the end; 1 a win, 0 a loss, nudged by the margin."""
    rival = other(side)
    rival_style = style_for(rules, rival)
    rival_plan = DEFAULT_PLAN.styled(rival_style)
    s = state.clone()
    s.rng_state = seed
    s, _ = resolve(rules, s, {side: option.orders, rival: rival_orders(rules, s, side)})
    while s.outcome is None:
        mine, _ = plan_orders(rules, s, side, option.plan, style)
        theirs, _ = plan_orders(rules, s, rival, rival_plan, rival_style)
        s, _ = resolve(rules, s, {side: mine, rival: theirs})
    winner = s.outcome.winner
    result = 0.5 if winner is None else float(winner == side)
    margin = s.factions[side].frontier_log10 - s.factions[rival].frontier_log10
    return result + 0.5 * math.tanh(margin / 0.25)


class HardAI:
    """Search with a time budget (`think_ms`) or a fixed rollout budget (`iterations`)."""

    def __init__(self, think_ms: float | None = DEFAULT_THINK_MS, iterations: int | None = None):
        self.think_ms = think_ms
        self.iterations = iterations
        if iterations is not None:
            self.name = f"hard#{iterations}"
        else:
            self.name = "hard" if think_ms == DEFAULT_THINK_MS else f"hard@{think_ms:g}"

    def decide(self, rules: Rules, view: PlayerView, rng: Rng) -> Decision:
        started = time.perf_counter()
        side, state = view.side, view.state
        if state.finished:
            return Decision(Orders(Allocation(0.25, 0.25, 0.25, 0.25)))
        style = style_for(rules, side)
        options = candidates(rules, state, side, DEFAULT_PLAN.styled(style), style)
        deadline = None
        if self.iterations is None:
            # Leave a margin for the explanation and the safety check.
            deadline = started + 0.9 * (self.think_ms or DEFAULT_THINK_MS) / 1000
        totals = [0.0] * len(options)
        counts = [0] * len(options)
        alive = list(range(len(options)))
        used, rounds = 0, 0
        while len(alive) > 1:
            seed = rng.randrange(1 << 62)
            for i in alive:
                if self._out_of_budget(used, deadline):
                    break
                totals[i] += rollout(rules, state, side, options[i], style, seed)
                counts[i] += 1
                used += 1
            else:
                rounds += 1
                if rounds % ROUNDS_PER_CUT == 0 and len(alive) > 2:
                    alive.sort(key=lambda i: -totals[i] / counts[i])
                    alive = sorted(alive[: max(2, len(alive) // 2)])
                continue
            break
        scored = [i for i in range(len(options)) if counts[i] == max(counts)]
        best = max(scored, key=lambda i: (totals[i] / max(1, counts[i]), -i))
        choice = options[best]
        code, params = explain_choice(rules, view, choice.orders, list(choice.money))
        params["rollouts"] = used
        params["win"] = round(100 * min(1.0, max(0.0, totals[best] / max(1, counts[best]))))
        return safe_decision(rules, view, Decision(choice.orders, code + "+search", params))

    def _out_of_budget(self, used: int, deadline: float | None) -> bool:
        if self.iterations is not None:
            return used >= self.iterations
        return time.perf_counter() >= deadline
