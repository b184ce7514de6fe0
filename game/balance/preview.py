"""What one card does: the level played twice on the same seeds, with and without it.

A designer changes a card and wants to see its effect without playing 24 quarters. Both
arms use the same AI players and the same dice: an event is made to strike in one quarter
(or never), a policy is played by its side in one quarter (or never), and everything else
is left to the players. The difference per quarter, averaged over the games, is the card's
effect, including what the players did about it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from game.engine import available_policies, compile_rules, events
from game.engine.effects import apply_card, effective_params
from game.engine.rules import Rules
from game.engine.state import GameState
from game.levels.model import Condition, Event, Level, Policy, quarter_index, quarter_name
from game.match import Match, play_game
from game.players.base import Decision, Player

ARMS = ("with", "without")
SIDES = ("usa", "china")
# Per quarter and side: what the table and the charts compare.
METRICS = {
    "capability": "capability (0–100)",
    "supply": "chip supply on offer, million H100e",
    "bought": "chips bought, million H100e",
    "fleet": "fleet, million H100e",
    "energy_gw": "power, GW",
    "budget": "budget, $bn",
}


class PreviewError(ValueError):
    """A card id or quarter that cannot be previewed; the message says why."""


@dataclass(frozen=True)
class Card:
    kind: str  # event | policy
    id: str
    title: str
    quarter: str  # when it acts in the "with" arm
    side: str | None  # a policy's side


@dataclass
class ArmResult:
    """One arm's games: per metric, side and turn the mean; the outcomes; when it acted."""

    means: dict[str, dict[str, list[float]]]
    wins: dict[str, float]  # usa / china / draw counts (a draw adds 1 to draw)
    games: int
    acted: int  # games in which the card fired or was played
    in_force: dict[int, list[str]] = field(default_factory=dict)  # turn -> modifiers (game 1)


@dataclass
class Preview:
    card: Card
    quarters: list[str]
    arms: dict[str, ArmResult]
    players: tuple[str, str]
    seeds: range

    def difference(self, metric: str, side: str) -> list[float]:
        a, b = (self.arms[arm].means[metric][side] for arm in ARMS)
        return [x - y for x, y in zip(a, b, strict=False)]


def choose_card(level: Level, event: str | None, policy: str | None, quarter: str | None) -> Card:
    """The card to preview and the quarter it acts in; `PreviewError` if neither fits."""
    first = quarter_index(level.calendar.start)
    last = first + level.calendar.turns - 1
    if quarter is not None:
        try:
            q = quarter_index(quarter)
        except ValueError:
            raise PreviewError(f"'{quarter}' is not a quarter such as 2025Q3") from None
        if not first <= q <= last:
            raise PreviewError(
                f"{quarter} is outside the game ({quarter_name(first)} to {quarter_name(last)})"
            )
    if event is not None:
        found = next((e for e in level.events if e.id == event), None)
        if found is None:
            raise PreviewError(_unknown("event", event, [e.id for e in level.events]))
        when = quarter or found.at or found.when.from_quarter or level.calendar.start
        return Card("event", found.id, found.title.en, when, None)
    found_p = next((p for p in level.policies if p.id == policy), None)
    if found_p is None:
        raise PreviewError(_unknown("policy", str(policy), [p.id for p in level.policies]))
    when = quarter or found_p.requires.from_quarter or level.calendar.start
    return Card("policy", found_p.id, found_p.title.en, when, found_p.side)


def _unknown(kind: str, ident: str, known: list[str]) -> str:
    from game.levels.diagnostics import did_you_mean

    hint = did_you_mean(ident, known) or f"the level's {kind} ids: {', '.join(known[:12])}"
    return f"this level has no {kind} '{ident}'; {hint}"


def arm_level(level: Level, card: Card, arm: str) -> Level:
    """The level of one arm: the event striking in `card.quarter`, or never.

    A random event keeps rolling its dice in both arms (probability 1 or 0, only in that
    quarter), so every other random event sees the same dice in both."""
    if card.kind == "policy":
        return level
    changed = [_armed(e, card, arm, level) if e.id == card.id else e for e in level.events]
    return level.model_copy(update={"events": changed})


def _armed(event: Event, card: Card, arm: str, level: Level) -> Event:
    if event.at is not None:
        never = quarter_name(quarter_index(level.calendar.start) + level.calendar.turns)
        return event.model_copy(update={"at": card.quarter if arm == "with" else never})
    window = event.when.model_copy(
        update={"from_quarter": card.quarter, "until_quarter": card.quarter}
    )
    chance = 1.0 if arm == "with" else 0.0
    return event.model_copy(update={"probability": chance, "when": window})


class PolicyAt:
    """A player whose side plays `policy` in `turn` (if it may) and never otherwise."""

    def __init__(self, inner: Player, policy: str, turn: int | None):
        self.inner, self.policy, self.turn = inner, policy, turn

    def decide(self, rules: Rules, view, rng) -> Decision:
        decision = self.inner.decide(rules, view, rng)
        orders = decision.orders
        wanted = view.turn == self.turn
        if wanted and self.policy in available_policies(rules, view.state, view.side):
            orders = type(orders)(orders.allocation, self.policy)
        elif orders.policy == self.policy:
            orders = type(orders)(orders.allocation, None)
        else:
            return decision
        return Decision(orders, decision.explanation, decision.explanation_params)


def run_preview(
    level: Level,
    card: Card,
    make: Callable[[str], Player],
    players: tuple[str, str] = ("normal", "normal"),
    games: int = 10,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Preview:
    """Play `games` seeds per arm and average what happened per quarter."""
    seeds = range(seed, seed + games)
    arms: dict[str, ArmResult] = {}
    done = 0
    for arm in ARMS:
        rules = compile_rules(arm_level(level, card, arm))
        matches = []
        for s in seeds:
            match = play_game(rules, _players(rules, card, arm, make, players), s)
            matches.append(match)
            done += 1
            if progress is not None:
                progress(done, 2 * games)
        arms[arm] = _summarise(rules, card, matches)
    quarters = [
        quarter_name(quarter_index(level.calendar.start) + t) for t in range(level.calendar.turns)
    ]
    return Preview(card, quarters, arms, players, seeds)


def _players(rules: Rules, card: Card, arm: str, make, specs) -> dict[str, Player]:
    chosen = {side: make(spec) for side, spec in zip(SIDES, specs, strict=True)}
    if card.kind == "policy" and card.side is not None:
        turn = rules.turn_of(card.quarter) if arm == "with" else None
        chosen[card.side] = PolicyAt(chosen[card.side], card.id, turn)
    return chosen


def _summarise(rules: Rules, card: Card, matches: list[Match]) -> ArmResult:
    turns = rules.turns
    sums = {m: {s: [0.0] * turns for s in SIDES} for m in METRICS}
    counts = [0] * turns
    wins = {"usa": 0.0, "china": 0.0, "draw": 0.0}
    acted = 0
    for match in matches:
        outcome = match.state.outcome
        wins[outcome.winner if outcome and outcome.winner else "draw"] += 1
        acted += any(_acted(card, e) for r in match.turns for e in r.events)
        for i, record in enumerate(match.turns):
            before, after = match.states[i], match.states[i + 1]
            during = _during(rules, before, record.events)
            counts[i] += 1
            for side in SIDES:
                row = _row(rules, before, during, after, record.events, side)
                for metric, value in row.items():
                    sums[metric][side][i] += value
    means = {
        m: {
            s: [v / c if c else float("nan") for v, c in zip(sums[m][s], counts, strict=True)]
            for s in SIDES
        }
        for m in METRICS
    }
    return ArmResult(means, wins, len(matches), acted, _in_force(rules, card, matches[0]))


def _acted(card: Card, event: events.GameEvent) -> bool:
    if card.kind == "event":
        return isinstance(event, events.CardFired) and event.event == card.id
    return isinstance(event, events.PolicyPlayed) and event.policy == card.id


def _during(rules: Rules, before: GameState, log: list[events.GameEvent]) -> GameState:
    """The quarter as the engine saw it once its cards were played: effects in force."""
    state = before.clone()
    cards = {e.id: e for e in rules.level.events}
    for item in log:
        if isinstance(item, events.PolicyPlayed):
            effects = rules.policies[item.policy].effects
            apply_card(rules, state, item.policy, effects, item.side)
        elif isinstance(item, events.CardFired):
            apply_card(rules, state, item.event, cards[item.event].effects, None)
    return state


def _row(rules: Rules, before, during, after, log, side: str) -> dict[str, float]:
    """One side's numbers for the quarter from `before` to `after` (its events in `log`)."""
    f = after.factions[side]
    params = effective_params(rules, during, side)
    supply = sum(
        params.get(f"chips.{chip.id}.supply", 0.0) * chip.h100e_per_unit for chip in rules.chips
    )
    bought = sum(e.h100e for e in log if isinstance(e, events.ChipsBought) and e.side == side)
    return {
        "capability": rules.capability(f.frontier_log10),
        "supply": supply / 1e6,
        "bought": bought / 1e6,
        "fleet": f.fleet_h100e / 1e6,
        "energy_gw": f.energy_gw,
        "budget": before.factions[side].budget,
    }


def _in_force(rules: Rules, card: Card, match: Match) -> dict[int, list[str]]:
    """Per turn, the card's modifiers in force at the start of it (in the first game)."""
    shown: dict[int, list[str]] = {}
    for i, state in enumerate(match.states[:-1]):
        during = _during(rules, state, match.turns[i].events)
        mods = [
            f"{e.side} {e.target} {_op(e.op, e.value)}" for e in during.effects if e.card == card.id
        ]
        fired = any(_acted(card, x) for x in match.turns[i].events)
        if fired:
            mods += [f"(once) {s}" for s in _stock_changes(rules, card)]
        if mods:
            shown[state.turn] = mods
    return shown


def _stock_changes(rules: Rules, card: Card) -> list[str]:
    from game.engine.rules import STOCKS

    cards: list[Event | Policy] = [*rules.level.events, *rules.level.policies]
    found = next(c for c in cards if c.id == card.id)
    return [
        f"{e.side} {e.target} {_op(e.op, e.value)}" for e in found.effects if e.target in STOCKS
    ]


def _op(op: str, value: float) -> str:
    return {"add": f"{value:+g}", "multiply": f"×{value:g}", "set": f"={value:g}"}[op]


__all__ = [
    "ARMS",
    "METRICS",
    "Card",
    "Condition",
    "Preview",
    "PreviewError",
    "arm_level",
    "choose_card",
    "run_preview",
]
