"""The three decisions that mattered most, measured with the engine itself.

For every quarter of a finished game we ask: what if this side had played what the
`normal` AI would have played from the same view? The engine is deterministic, so we can
replay the game from that quarter with the one decision swapped, keep every later
recorded order where it is still legal (else the same AI decides), and read off the lead
in months and the winner. Both leads are read at the same quarter, the earlier of the two
games' ends: a game that reaches superintelligence a quarter sooner freezes its lead,
while a rival still catching up distils months of it away, so leads read at different
quarters differed by 20+ months for one quarter's split (a play-test, seed 801331). The
quarters where the swap changes the result most are the decisions that mattered. Only the
deciding sides are analysed (the humans, or both sides in an AI-only game), and results
are cached per game, so a debrief costs about a second once.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Orders, Rules, check, other, resolve, view_for
from game.engine.rng import Rng
from game.engine.state import GameState
from game.levels.model import SIDES
from game.match import Match
from game.players.base import Player

ADVISOR = "normal"
#: Orders closer than this (largest share difference, same policy) count as the same.
SAME_ORDERS = 0.02
#: A flipped winner outweighs any change in months.
OUTCOME_WEIGHT = 100.0

_CACHE: dict[tuple, list[KeyDecision]] = {}


@dataclass(frozen=True)
class KeyDecision:
    """One quarter's real decision of `side` against what the advisor AI would have done."""

    side: str
    index: int  # position in match.turns (0 = the first quarter)
    turn: int  # the engine's turn number of that quarter
    played: Orders
    suggested: Orders
    suggestion_reason: str | None  # the advisor's explanation code
    suggestion_params: dict
    lead_played: float  # side's lead in months at the earlier end (negative: behind)
    lead_alt: float  # … had it followed the advisor this one quarter, at the same quarter
    winner_played: str | None
    winner_alt: str | None

    @property
    def gain(self) -> float:
        """Months of final lead the real decision won (negative: it cost) against the AI's."""
        return self.lead_played - self.lead_alt

    @property
    def outcome_changed(self) -> bool:
        return self.winner_played != self.winner_alt

    @property
    def weight(self) -> float:
        return abs(self.gain) + (OUTCOME_WEIGHT if self.outcome_changed else 0.0)


def make_advisor() -> Player:
    from game.players.registry import make_player

    return make_player(ADVISOR)


def lead_months(rules: Rules, state: GameState, side: str) -> float:
    f = state.factions
    return rules.lag_months(f[side].frontier_log10 - f[other(side)].frontier_log10)


def winner_of(state: GameState) -> str | None:
    return state.outcome.winner if state.outcome else None


def same_orders(a: Orders, b: Orders) -> bool:
    shares = zip(a.allocation.as_tuple(), b.allocation.as_tuple(), strict=True)
    return a.policy == b.policy and max(abs(x - y) for x, y in shares) < SAME_ORDERS


def _advice(rules: Rules, state: GameState, side: str, advisor: Player, salt: int):
    rng = Rng(state.seed * 7 + salt * 131 + SIDES.index(side) + 17)
    return advisor.decide(rules, view_for(rules, state, side), rng)


def _legal(rules: Rules, state: GameState, side: str, orders: Orders | None) -> Orders | None:
    """The recorded orders if still allowed; without their policy if only that is not."""
    if orders is None:
        return None
    if not check(rules, state, side, orders):
        return orders
    if orders.policy is not None:
        plain = Orders(orders.allocation, None)
        if not check(rules, state, side, plain):
            return plain
    return None


def replay_from(
    rules: Rules, match: Match, index: int, side: str, orders: Orders, advisor: Player
) -> list[GameState]:
    """Every state after quarter `index` had `side` given `orders` there, to the end."""
    state = match.states[index]
    chosen = dict(match.turns[index].orders)
    chosen[side] = orders
    state, _ = resolve(rules, state, chosen)
    states = [state]
    k = index + 1
    # A stopped game is compared at the same quarter; a finished one plays to its end.
    while not state.finished and (match.finished or k < len(match.turns)):
        recorded = match.turns[k].orders if k < len(match.turns) else {}
        chosen = {}
        for s in SIDES:
            legal = _legal(rules, state, s, recorded.get(s))
            chosen[s] = legal or _advice(rules, state, s, advisor, k).orders
        state, _ = resolve(rules, state, chosen)
        states.append(state)
        k += 1
    return states


def at_same_quarter(match: Match, states: list[GameState]) -> tuple[GameState, GameState]:
    """The real game and a replay (`replay_from`) at the earlier of their two ends."""
    final, end = match.state, states[-1]
    common = min(final.turn, end.turn)
    real = final if final.turn == common else match.states[common - 1]
    alt = next(s for s in states if s.turn == common)
    return real, alt


def _cache_key(match: Match, sides: tuple[str, ...], advisor_name: str) -> tuple:
    orders = tuple(
        (s, o.allocation.as_tuple(), o.policy)
        for record in match.turns
        for s, o in sorted(record.orders.items())
    )
    return (match.rules.level_id, id(match.rules), match.seed, orders, sides, advisor_name)


def all_decisions(
    rules: Rules, match: Match, sides: tuple[str, ...] = SIDES, advisor: Player | None = None
) -> list[KeyDecision]:
    """Every analysed quarter of `sides` where the real orders differ from the advisor's."""
    advisor = advisor or make_advisor()
    key = _cache_key(match, tuple(sides), getattr(advisor, "name", type(advisor).__name__))
    if key in _CACHE:
        return _CACHE[key]
    final = match.state
    out: list[KeyDecision] = []
    for index, record in enumerate(match.turns):
        before = match.states[index]
        for side in sides:
            advice = _advice(rules, before, side, advisor, index)
            played = record.orders[side]
            if same_orders(played, advice.orders):
                continue
            states = replay_from(rules, match, index, side, advice.orders, advisor)
            real_at, alt_at = at_same_quarter(match, states)
            out.append(
                KeyDecision(
                    side,
                    index,
                    record.turn,
                    played,
                    advice.orders,
                    advice.explanation,
                    dict(advice.explanation_params or {}),
                    lead_months(rules, real_at, side),
                    lead_months(rules, alt_at, side),
                    winner_of(final),
                    winner_of(states[-1]),
                )
            )
    _CACHE[key] = out
    if len(_CACHE) > 16:  # a classroom opens a handful of games; never grow without end
        _CACHE.pop(next(iter(_CACHE)))
    return out


def key_decisions(
    rules: Rules,
    match: Match,
    sides: tuple[str, ...] = SIDES,
    count: int = 3,
    advisor: Player | None = None,
) -> list[KeyDecision]:
    """The `count` decisions that changed the result most, in the order they were taken."""
    ranked = sorted(all_decisions(rules, match, sides, advisor), key=lambda d: (-d.weight, d.index))
    return sorted(ranked[:count], key=lambda d: (d.index, d.side))
