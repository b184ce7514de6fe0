"""`normal`: each candidate played four quarters ahead through the engine, then projected.

The rival is assumed to follow the planner in its own style with the quick policy reading
(a model, not a peek: the rival's real orders are secret). Random events are drawn with
the AI's own dice; every candidate sees the same draw so they are compared fairly. After
the first quarter both sides follow their plan for `DEPTH` quarters in all through the
engine (so a policy's effects show), and the end of the game is projected analytically
(`game.ai.planner.project_final`): future powered compute, algorithms and budget,
under the cards still in force then. The splits are rated first; then the best split
with each policy open now, so a card is played when it beats the split it comes with
(not when the default plan happens to win).

`NormalAI(keep=k)` is a cheaper search kept for the balance lab's experiments, not the
default: every candidate looks one quarter ahead and only the best `k` play all `DEPTH`
quarters. It is 2-3 times faster but plays the USA differently enough to move
`cold-ai-war`'s balance (docs/performance.md), so `normal` rates every candidate in full.
"""

from __future__ import annotations

from game.ai.candidates import Candidate, candidates, with_policies
from game.ai.easy import DEFAULT_KNOBS, planned_orders
from game.ai.planner import Knobs, project_final
from game.ai.reasons import explain_choice
from game.ai.safety import safe_decision
from game.ai.style import Style, style_for
from game.engine import GameState, Orders, PlayerView, Rules, imagined_world, other, resolve
from game.engine.decision import Decision
from game.engine.rng import Rng

# Quarters played through the engine before the projection takes over. Four, not six:
# it beat six 56.7% of 600 games (300 per side) at 73% of the CPU (docs/performance.md).
DEPTH = 4


def rival_orders(rules: Rules, state: GameState, side: str, policy: bool = True) -> Orders:
    """What we expect the rival to do: the plan in the rival's style."""
    rival = other(side)
    style, knobs = plan_style(rules, rival)
    orders, _ = planned_orders(rules, state, rival, knobs, style, policy)
    return orders


def plan_style(rules: Rules, side: str) -> tuple[Style, Knobs]:
    """The side's style and the default plan's knobs under it, read once per level."""
    memo = rules.derived("ai.plan_style")
    found = memo.get(side)
    if found is None:
        style = style_for(rules, side)
        found = memo[side] = (style, DEFAULT_KNOBS.styled(style))
    return found


def projected_margin(
    rules: Rules, state: GameState, side: str, knobs: Knobs, style: Style
) -> float:
    """How far ahead `side` should finish (log10 FLOP), counting the follower's catch-up."""
    rival = other(side)
    if state.outcome is not None:
        winner = state.outcome.winner
        result = 0.0 if winner is None else (10.0 if winner == side else -10.0)
        f = state.factions
        return result + f[side].frontier_log10 - f[rival].frontier_log10
    mine = project_final(rules, state, side, knobs)
    theirs = project_final(rules, state, rival, plan_style(rules, rival)[1])
    # The follower closes `distillation` of the gap (open weights, distillation).
    follower = side if mine < theirs else rival
    catch_up = rules.params[follower]["distillation"]
    return (1 - catch_up) * (mine - style.rival * theirs)


def evaluate(
    rules: Rules,
    state: GameState,
    side: str,
    option: Candidate,
    style: Style,
    theirs: Orders,
    depth: int = DEPTH,
) -> float:
    """The candidate's worth: `depth` quarters through the engine, then the projection."""
    rival = other(side)
    s, _ = resolve(rules, state, {side: option.orders, rival: theirs}, record=False)
    for _ in range(depth - 1):
        if s.outcome is not None:
            break
        mine, _ = planned_orders(rules, s, side, option.knobs, style, False)
        theirs_now = rival_orders(rules, s, side, False)
        s, _ = resolve(rules, s, {side: mine, rival: theirs_now}, record=False)
    value = projected_margin(rules, s, side, option.knobs, style)
    if option.policy is not None:
        value += 0.01 * style.prefer.get(option.policy, 0.0)
    return value


def ranked(
    rules: Rules, state: GameState, side: str, options: list[Candidate], style: Style, seed: int
) -> list[tuple[float, int]]:
    """(value, index) of every candidate, best first; the same dice for all of them."""
    world = imagined_world(rules, state, seed)
    return ranked_in(rules, world, side, options, style, rival_orders(rules, world, side))


def ranked_in(
    rules: Rules,
    world: GameState,
    side: str,
    options: list[Candidate],
    style: Style,
    theirs: Orders,
) -> list[tuple[float, int]]:
    """`ranked` in a world already imagined, against the rival's orders expected there."""
    scores = [(evaluate(rules, world, side, o, style, theirs), i) for i, o in enumerate(options)]
    scores.sort(key=lambda vi: (-vi[0], vi[1]))
    return scores


def first_quarter(
    rules: Rules, state: GameState, side: str, option: Candidate, style: Style, theirs: Orders
) -> tuple[GameState, float]:
    """The state after the candidate's quarter, and its value projected from there."""
    s, _ = resolve(rules, state, {side: option.orders, other(side): theirs}, record=False)
    return s, projected_margin(rules, s, side, option.knobs, style)


def continued(
    rules: Rules, s: GameState, side: str, option: Candidate, style: Style, quarters: int
) -> float:
    """The value after `quarters` more quarters of the candidate's plan (from `s`)."""
    rival = other(side)
    for _ in range(quarters):
        if s.outcome is not None:
            break
        mine, _ = planned_orders(rules, s, side, option.knobs, style, False)
        theirs_now = rival_orders(rules, s, side, False)
        s, _ = resolve(rules, s, {side: mine, rival: theirs_now}, record=False)
    return projected_margin(rules, s, side, option.knobs, style)


def shortlisted(
    rules: Rules,
    state: GameState,
    side: str,
    options: list[Candidate],
    style: Style,
    seed: int,
    keep: int,
    depth: int = DEPTH,
) -> list[tuple[float, int]]:
    """(value, index) best first: every candidate looks one quarter ahead, the best `keep`
    play `depth` quarters; the same dice for all of them.

    The kept ones are ranked by their deeper value, above every candidate that was cut.
    """
    s = imagined_world(rules, state, seed)
    theirs = rival_orders(rules, s, side)
    looks = [first_quarter(rules, s, side, o, style, theirs) for o in options]
    bonus = [0.0 if o.policy is None else 0.01 * style.prefer.get(o.policy, 0.0) for o in options]
    value = [v + b for (_, v), b in zip(looks, bonus, strict=True)]
    cheap = sorted(range(len(options)), key=lambda i: (-value[i], i))
    if keep < 2 or depth < 2:
        return [(value[i], i) for i in cheap]
    kept = cheap[:keep]
    deeper = [
        (continued(rules, looks[i][0], side, options[i], style, depth - 1) + bonus[i], i)
        for i in kept
    ]
    deeper.sort(key=lambda vi: (-vi[0], vi[1]))
    return deeper + [(value[i], i) for i in cheap[keep:]]


def best_with_policy(
    rules: Rules, state: GameState, side: str, style: Style, seed: int
) -> tuple[Candidate, int]:
    """The best split without a policy, then that split with each policy open now: the
    best of them (a policy only when it beats its own split), and how many were rated."""
    splits = candidates(rules, state, side, DEFAULT_KNOBS, style, max_policies=0)
    world = imagined_world(rules, state, seed)
    theirs = rival_orders(rules, world, side)
    value, best = ranked_in(rules, world, side, splits, style, theirs)[0]
    plays = with_policies(rules, state, side, splits[best], style)
    choice = splits[best]
    if plays:
        top, i = ranked_in(rules, world, side, plays, style, theirs)[0]
        if top > value:
            choice = plays[i]
    return choice, len(splits) + len(plays)


class NormalAI:
    name = "normal"

    def __init__(self, keep: int | None = None) -> None:
        self.keep = keep  # None: every candidate plays `DEPTH` quarters (see the docstring)

    def decide(self, rules: Rules, view: PlayerView, rng: Rng) -> Decision:
        side, state = view.side, view.state
        if state.finished:
            return safe_decision(rules, view, Decision(rival_orders(rules, state, other(side))))
        style = style_for(rules, side)
        seed = rng.randrange(1 << 62)
        if self.keep is None:
            choice, count = best_with_policy(rules, state, side, style, seed)
        else:
            options = candidates(rules, state, side, DEFAULT_KNOBS, style)
            _, best = shortlisted(rules, state, side, options, style, seed, self.keep)[0]
            choice, count = options[best], len(options)
        code, params = explain_choice(rules, view, choice.orders, list(choice.money))
        params["options"] = count
        return safe_decision(rules, view, Decision(choice.orders, code + "+lookahead", params))
