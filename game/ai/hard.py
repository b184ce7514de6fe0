"""`hard`: plays whole futures through the engine for the most promising candidates.

First every candidate (a wider set than `normal`'s) is rated by `normal`'s lookahead;
the best few then play rollouts to the end of the game: the candidate's first move, then
its plan with the quick policy reading, against the rival model (the plan in the rival's
style), with random events drawn from the AI's own dice. Candidates share the same dice
per round (common random numbers), and the weaker half is dropped every few rounds
(successive halving) so the budget goes to close calls. With no time for a single round,
`normal`'s choice stands, so a small budget never plays worse than `normal`.

Budget: a time limit (`think_ms`, 1 s by default) or a fixed number of rollouts
(`iterations`). With `iterations` the decision depends only on the view and the seed, so
tournaments are reproducible and as fast as the machine allows.
"""

from __future__ import annotations

import math
import time

from game.ai.candidates import WIDE_VARIANTS, Candidate, candidates
from game.ai.easy import DEFAULT_KNOBS, planned_orders
from game.ai.normal import best_with_policy, projected_margin, ranked, rival_orders
from game.ai.reasons import explain_choice
from game.ai.safety import safe_decision
from game.ai.style import Style, style_for
from game.engine import (
    Allocation,
    GameState,
    Orders,
    PlayerView,
    Rules,
    imagined_world,
    other,
    resolve,
)
from game.engine.decision import Decision
from game.engine.rng import Rng

DEFAULT_THINK_MS = 1000
ROUNDS_PER_CUT = 2
SHORTLIST = 4
HORIZON = 16  # quarters a rollout plays before the projection takes over


def rollout(
    rules: Rules,
    state: GameState,
    side: str,
    option: Candidate,
    style: Style,
    seed: int,
    horizon: int = HORIZON,
) -> tuple[float, bool]:
    """Play `option`, then its plan: (score in 0..1, ahead at the end?).

    A finished game scores its result nudged by the margin; a game still running when the
    horizon is reached scores the projected end-of-game margin.
    """
    rival = other(side)
    s = imagined_world(rules, state, seed)
    s, _ = resolve(rules, s, {side: option.orders, rival: rival_orders(rules, s, side)})
    for _ in range(horizon - 1):
        if s.outcome is not None:
            break
        mine, _ = planned_orders(rules, s, side, option.knobs, style, True)
        s, _ = resolve(rules, s, {side: mine, rival: rival_orders(rules, s, side)})
    if s.outcome is not None:
        winner = s.outcome.winner
        result = 0.5 if winner is None else float(winner == side)
        margin = s.factions[side].frontier_log10 - s.factions[rival].frontier_log10
        return 0.7 * result + 0.15 + 0.15 * math.tanh(margin / 0.1), result > 0.5
    margin = projected_margin(rules, s, side, option.knobs, style)
    return 0.5 + 0.5 * math.tanh(margin / 0.1), margin > 0


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
        deadline = None
        if self.iterations is None:
            # Leave a margin for the explanation and the safety check.
            deadline = started + 0.9 * (self.think_ms or DEFAULT_THINK_MS) / 1000
        style = style_for(rules, side)
        # The search starts from what `normal` would play (its best split, with a card only
        # when the card beats that split), then the widest splits by `normal`'s rating; ties
        # in the rollouts keep `normal`'s choice.
        dice = rng.randrange(1 << 62)
        first, _ = best_with_policy(rules, state, side, style, dice)
        splits = candidates(rules, state, side, DEFAULT_KNOBS, style, WIDE_VARIANTS, 0)
        prior = ranked(rules, state, side, splits, style, dice)
        rest = [splits[i] for _, i in prior if splits[i].orders != first.orders]
        options = [first, *rest][:SHORTLIST]
        searching = time.perf_counter()
        totals = [0.0] * len(options)
        counts = [0] * len(options)
        wins = [0] * len(options)
        alive = list(range(len(options)))
        used, rounds = 0, 0
        while len(alive) > 1:
            seed = rng.randrange(1 << 62)
            if self._out_of_budget(used, len(alive), deadline, searching, rounds):
                break
            for i in alive:
                score, ahead = rollout(rules, state, side, options[i], style, seed)
                totals[i] += score
                wins[i] += ahead
                counts[i] += 1
                used += 1
            rounds += 1
            if rounds % ROUNDS_PER_CUT == 0 and len(alive) > 2:
                alive.sort(key=lambda i: (-totals[i] / counts[i], i))
                alive = sorted(alive[: max(2, len(alive) // 2)])
        best = 0
        if used:
            most = max(counts)
            best = max(
                (i for i in range(len(options)) if counts[i] == most),
                key=lambda i: (totals[i] / counts[i], -i),
            )
        choice = options[best]
        code, params = explain_choice(rules, view, choice.orders, list(choice.money))
        params["rollouts"] = used
        params["win"] = round(100 * wins[best] / max(1, counts[best]))
        return safe_decision(rules, view, Decision(choice.orders, code + "+search", params))

    def _out_of_budget(
        self, used: int, batch: int, deadline: float | None, started: float, rounds: int
    ) -> bool:
        """True when the next round (one rollout per live candidate) would not fit."""
        if self.iterations is not None:
            return used + batch > self.iterations
        now = time.perf_counter()
        per_round = (now - started) / rounds if rounds else 0.0
        return now + per_round > deadline
