"""`hard`: `normal`'s judgement over a finer choice, against a rival that thinks.

Three things set it above `normal`:
- it tries a finer grid of training-run strengths (the knob that decides most games);
- it expects the rival to play what `normal` would play in the rival's seat this quarter,
  not the quick plan `normal` assumes;
- it rates every option in a few imagined worlds (each with its own dice and its own guess
  where superintelligence lies) by its chance of winning there, and takes the mean, so one
  lucky draw does not decide and a lead of a few months counts as a win.
The best split is then tried with each open policy in the same worlds, and a card is
played only when it beats its split. Measured against `normal` in docs/ai-strength.md.

Budget: `iterations` sets the number of worlds (half of it, at least two); without it,
`hard` rates in four worlds, a few tens of milliseconds, well inside `think_ms`. The
decision depends only on the view and the seed, so tournaments are reproducible.
"""

from __future__ import annotations

import math

from game.ai.candidates import WIDE_VARIANTS, Candidate, candidates, with_policies
from game.ai.easy import DEFAULT_KNOBS
from game.ai.normal import NormalAI, ranked_in
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
)
from game.engine.decision import Decision
from game.engine.rng import Rng
from game.engine.view import Observation

DEFAULT_THINK_MS = 1000
DEFAULT_WORLDS = 4  # imagined worlds when no `iterations` are given
# A world's value is its chance of winning rather than the lead itself: tanh(lead / scale),
# so a lead past a few months counts as a win and the trailing side takes its chances.
# 0.3 log10 is about 3.3 months at the reference pace (against `normal`, 300 seeds a side:
# 62.3% with the lead squashed this way, 61.3% with the plain mean; docs/ai-strength.md).
WIN_SCALE_LOG10 = 0.3
# Each option is played through the engine as deep as `normal` looks: further did not pay
# on the v3 model (against `normal`, 100-200 games per side: six quarters 45%, to the end
# of the game 47-63%, eight worlds instead of four 52%; docs/ai-strength.md).


def _mean_values(
    rules: Rules,
    state: GameState,
    side: str,
    options: list[Candidate],
    style: Style,
    seeds: list[int],
    theirs: Orders,
) -> list[tuple[float, int]]:
    """(mean value, worlds finishing ahead) per option, each world rating all options
    against the rival's expected orders this quarter."""
    sums = [0.0] * len(options)
    ahead = [0] * len(options)
    for seed in seeds:
        world = imagined_world(rules, state, seed)
        for value, i in ranked_in(rules, world, side, options, style, theirs):
            sums[i] += math.tanh(value / WIN_SCALE_LOG10)
            ahead[i] += value > 0
    return [(sums[i] / len(seeds), ahead[i]) for i in range(len(options))]


def expected_rival(rules: Rules, view: PlayerView, rng: Rng) -> Orders:
    """The rival's orders this quarter as `normal` would give them in the rival's seat.

    The board is public, so `hard` can ask what a thinking rival would do on it (with dice
    of its own); `normal` assumes the rival follows the quick plan instead. Later quarters
    of the lookahead still use the plan: one `normal` decision costs a few milliseconds.
    """
    seat = Observation(other(view.side), view.turn, view.quarter, view.state)
    return NormalAI().decide(rules, seat, Rng(rng.randrange(1 << 62))).orders


class HardAI:
    """`normal`'s rating over finer choices, against a thinking rival, in several worlds
    (`iterations`: 2 per world)."""

    def __init__(self, think_ms: float | None = DEFAULT_THINK_MS, iterations: int | None = None):
        self.think_ms = think_ms
        self.iterations = iterations
        if iterations is not None:
            self.name = f"hard#{iterations}"
        else:
            self.name = "hard" if think_ms == DEFAULT_THINK_MS else f"hard@{think_ms:g}"

    def decide(self, rules: Rules, view: PlayerView, rng: Rng) -> Decision:
        side, state = view.side, view.state
        if state.finished:
            return Decision(Orders(Allocation(0.25, 0.25, 0.25, 0.25)))
        style = style_for(rules, side)
        theirs = expected_rival(rules, view, rng)
        # `normal`'s judgement, made sturdier: every split of the finer set and then the best
        # split with each card, rated in several imagined worlds (dice and a guess where
        # superintelligence lies) instead of one, so one lucky draw does not decide.
        worlds = max(2, self.iterations // 2) if self.iterations else DEFAULT_WORLDS
        seeds = [rng.randrange(1 << 62) for _ in range(worlds)]
        splits = candidates(rules, state, side, DEFAULT_KNOBS, style, WIDE_VARIANTS, 0)
        split_values = _mean_values(rules, state, side, splits, style, seeds, theirs)
        best = max(range(len(splits)), key=lambda i: (split_values[i][0], -i))
        choice, value, ahead = splits[best], split_values[best][0], split_values[best][1]
        plays = with_policies(rules, state, side, choice, style)
        if plays:
            play_values = _mean_values(rules, state, side, plays, style, seeds, theirs)
            top = max(range(len(plays)), key=lambda i: (play_values[i][0], -i))
            if play_values[top][0] > value:
                choice, ahead = plays[top], play_values[top][1]
        code, params = explain_choice(rules, view, choice.orders, list(choice.money))
        params["rollouts"] = worlds
        params["win"] = round(100 * ahead / worlds)
        return safe_decision(rules, view, Decision(choice.orders, code + "+search", params))
