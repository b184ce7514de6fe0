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
from game.ai.evaluate import side_value, state_value
from game.ai.normal import rival_orders
from game.ai.reasons import explain_choice
from game.ai.safety import safe_decision
from game.ai.style import Style, style_for
from game.engine import Allocation, GameState, Orders, PlayerView, Rules, other, resolve
from game.engine.rng import Rng
from game.players.base import Decision

DEFAULT_THINK_MS = 1000
ROUNDS_PER_CUT = 4
HORIZON = 8  # quarters a rollout plays before the projection takes over
SHORTLIST = 5


def rollout(
    rules: Rules,
    state: GameState,
    side: str,
    option: Candidate,
    style: Style,
    seed: int,
    horizon: int = HORIZON,
) -> tuple[float, bool]:
    """Play `option`, then its plan for up to `horizon` quarters: (score in 0..1, ahead?).

    A finished game scores its result nudged by the margin; a game still running when the
    horizon is reached scores the projected end-of-game margin (`side_value`).
    """
    rival = other(side)
    rival_style = style_for(rules, rival)
    rival_plan = DEFAULT_PLAN.styled(rival_style)
    s = state.clone()
    s.rng_state = seed
    s, _ = resolve(rules, s, {side: option.orders, rival: rival_orders(rules, s, side)})
    for _ in range(horizon - 1):
        if s.outcome is not None:
            break
        mine, _ = plan_orders(rules, s, side, option.plan, style, False)
        theirs, _ = plan_orders(rules, s, rival, rival_plan, rival_style, False)
        s, _ = resolve(rules, s, {side: mine, rival: theirs})
    if s.outcome is not None:
        winner = s.outcome.winner
        result = 0.5 if winner is None else float(winner == side)
        margin = s.factions[side].frontier_log10 - s.factions[rival].frontier_log10
        return 0.8 * result + 0.1 + 0.1 * math.tanh(margin / 0.25), result > 0.5
    margin = side_value(rules, s, side) - style.rival * side_value(rules, s, rival)
    return 0.5 + 0.5 * math.tanh(margin / 0.25), margin > 0


def shortlist(
    rules: Rules, state: GameState, side: str, options: list[Candidate], style: Style, seed: int
) -> list[Candidate]:
    """The candidates `normal` would rate best, one quarter ahead, worth searching deeper."""
    s = state.clone()
    s.rng_state = seed
    theirs = rival_orders(rules, s, side)
    rated = []
    for i, option in enumerate(options):
        after, _ = resolve(rules, s, {side: option.orders, other(side): theirs})
        rated.append((-state_value(rules, after, side, style.rival), i))
    rated.sort()
    return [options[i] for _, i in rated[:SHORTLIST]]


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
        options = shortlist(rules, state, side, options, style, rng.randrange(1 << 62))
        deadline = None
        if self.iterations is None:
            # Leave a margin for the explanation and the safety check.
            deadline = started + 0.9 * (self.think_ms or DEFAULT_THINK_MS) / 1000
        totals = [0.0] * len(options)
        counts = [0] * len(options)
        wins = [0] * len(options)
        alive = list(range(len(options)))
        used, rounds = 0, 0
        while len(alive) > 1:
            seed = rng.randrange(1 << 62)
            for i in alive:
                if self._out_of_budget(used, deadline):
                    break
                score, ahead = rollout(rules, state, side, options[i], style, seed)
                totals[i] += score
                wins[i] += ahead
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
        params["win"] = round(100 * wins[best] / max(1, counts[best]))
        return safe_decision(rules, view, Decision(choice.orders, code + "+search", params))

    def _out_of_budget(self, used: int, deadline: float | None) -> bool:
        if self.iterations is not None:
            return used >= self.iterations
        return time.perf_counter() >= deadline
