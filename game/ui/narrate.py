"""The engine's events of a quarter told in plain words, for one side.

`narrate(events, side, rules)` gives the turn report ("38% of your chips sat idle: not
enough power"), the hot-seat "since your last turn" recap and the debrief's lines.
`voice="you"` speaks to the player of `side`; of the rival it tells only the public news
(policies, milestones, levies), in the third person; `voice="they"` tells about `side` in
the third person too (for the AI-vs-AI demo and the debrief). Every event kind in
game/engine/events.py has its words in assets/i18n/<lang>/flow.yaml under `narrate.*`.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.drawing.fmt import num, signed
from game.engine import GameEvent, Rules, other
from game.engine import events as ev
from game.i18n import pick, t

#: Every event kind narrate() knows; tests check this covers game/engine/events.py.
KINDS = (
    "CardFired",
    "PolicyPlayed",
    "LevyPaid",
    "ChipsBought",
    "SupplyCapped",
    "ChipsRetired",
    "EnergyOrdered",
    "EnergyCapped",
    "EnergyOnline",
    "PowerBill",
    "ChipsIdle",
    "TalentHired",
    "TalentCapped",
    "RunCapped",
    "TrainingRun",
    "MilestoneReached",
    "GameWon",
)
#: Report order: what struck first, then money, then what it bought, then the outcome.
ORDER = {kind: i for i, kind in enumerate(KINDS)}
#: Kinds a player learns about the rival too (public news); the rest stay private.
PUBLIC = {"CardFired", "PolicyPlayed", "LevyPaid", "MilestoneReached", "GameWon"}
#: The short version (the hot-seat recap): what changed the race, not every purchase.
HEADLINES = frozenset(
    {
        "CardFired",
        "PolicyPlayed",
        "SupplyCapped",
        "TalentCapped",
        "RunCapped",
        "ChipsIdle",
        "TrainingRun",
        "MilestoneReached",
        "GameWon",
    }
)


def money(value: float) -> str:
    return num(value, 1 if abs(value) < 100 else 0)


def chip_name(rules: Rules, chip_id: str) -> str:
    for chip in rules.level.chips:
        if chip.id == chip_id:
            return pick(chip.name)
    return chip_id


def milestone_title(rules: Rules, milestone_id: str) -> str:
    for m in rules.level.ladder.milestones:
        if m.id == milestone_id:
            return pick(m.title)
    return milestone_id


def card_title(rules: Rules, card_id: str) -> str:
    card = rules.events_by_id.get(card_id) or rules.policies.get(card_id)
    return pick(card.title) if card is not None else card_id


def _subject(event: GameEvent) -> str | None:
    """The side an event is about (None: both, e.g. a card or the end of the game)."""
    return getattr(event, "side", None) or getattr(event, "payer", None)


def narrate_event(
    event: GameEvent, side: str, rules: Rules, voice: str = "you", rival_news: bool = True
) -> list[str]:
    """Sentences about one event as seen by `side` (empty when it is none of its business)."""
    kind = type(event).__name__
    mine = _subject(event) in (None, side) or (
        isinstance(event, ev.LevyPaid) and event.receiver == side
    )
    if not mine and (kind not in PUBLIC or not rival_news):
        return []
    who = voice if mine else "they"
    name = t(f"faction.{side if mine else other(side)}.name")
    return [
        t(f"narrate.{who}.{key}", name=name, **params) for key, params in _parts(event, side, rules)
    ]


def _parts(event: GameEvent, side: str, rules: Rules) -> list[tuple[str, dict]]:
    """(key under narrate.<who>., params) for one event."""
    if isinstance(event, ev.CardFired):
        key = "CardFired_random" if event.random else "CardFired"
        return [(key, {"title": card_title(rules, event.event)})]
    if isinstance(event, ev.PolicyPlayed):
        return [
            (
                "PolicyPlayed",
                {"policy": card_title(rules, event.policy), "cost": money(event.cost_bn)},
            )
        ]
    if isinstance(event, ev.LevyPaid):
        if event.receiver == side:
            payer = t(f"faction.{event.payer}.name")
            return [("LevyPaid_received", {"amount": money(event.amount_bn), "payer": payer})]
        receiver = t(f"faction.{event.receiver}.name")
        return [("LevyPaid", {"amount": money(event.amount_bn), "receiver": receiver})]
    if isinstance(event, ev.ChipsBought):
        params = {
            "units": num(event.units),
            "chip": chip_name(rules, event.chip),
            "h100e": num(event.h100e),
            "spent": money(event.spent_bn),
        }
        return [("ChipsBought", params)]
    if isinstance(event, ev.SupplyCapped | ev.EnergyCapped | ev.TalentCapped | ev.RunCapped):
        kept = event.unspent_bn * rules.constants.get("carry_over_share", 1.0)
        params = {"unspent": money(event.unspent_bn), "kept": money(kept)}
        if isinstance(event, ev.RunCapped):
            params["strength"] = num(event.strength * 100)
        return [(type(event).__name__, params)]
    if isinstance(event, ev.ChipsRetired):
        return [("ChipsRetired", {"h100e": num(event.h100e)})]
    if isinstance(event, ev.EnergyOrdered):
        params = {
            "gw": num(event.gw, 1),
            "spent": money(event.spent_bn),
            "quarter": quarter_words(rules.quarter(event.arrives_turn)),
        }
        return [("EnergyOrdered", params)]
    if isinstance(event, ev.EnergyOnline):
        return [("EnergyOnline", {"gw": num(event.gw, 1)})]
    if isinstance(event, ev.PowerBill):
        return [("PowerBill", {"cost": money(event.cost_bn)})]
    if isinstance(event, ev.ChipsIdle):
        return [
            ("ChipsIdle", {"share": num(event.idle_share * 100), "gw": num(event.missing_gw, 1)})
        ]
    if isinstance(event, ev.TalentHired):
        # net of those who left, so it may be a loss: "+0.4" or "−0.2", never "grew by −0.2"
        gained = signed(event.gained, 1)
        return [("TalentHired", {"gained": gained, "spent": money(event.spent_bn)})]
    if isinstance(event, ev.TrainingRun):
        return _training(event, rules)
    if isinstance(event, ev.MilestoneReached):
        return [("MilestoneReached", {"milestone": milestone_title(rules, event.milestone)})]
    if isinstance(event, ev.GameWon):
        return [_won(event)]
    return [("unknown", {"kind": type(event).__name__})]


def _training(event: ev.TrainingRun, rules: Rules) -> list[tuple[str, dict]]:
    before, after = event.capability_before, event.capability_after
    out = []
    if event.run_log10 is None:
        out.append(("TrainingRun_none", {"capability": num(after, 1)}))
    else:
        key = "TrainingRun" if after > before + 0.05 else "TrainingRun_flat"
        out.append((key, {"before": num(before, 1), "after": num(after, 1)}))
    # Learning from the leader counts only for what it added above the run itself and the
    # model already held (a run that stays below the best model saved nothing).
    added = 0.0
    if event.run_log10 is not None:
        added = event.frontier_after - max(event.frontier_before, event.run_log10)
    months = rules.lag_months(min(event.catch_up_log10, max(0.0, added)))
    if months >= 0.5:  # less than half a month is not worth a line
        out.append(("TrainingRun_catch_up", {"months": num(months, 1)}))
    return out


def _won(event: ev.GameWon) -> tuple[str, dict]:
    if event.winner is None:
        return "GameWon_draw", {"reason": t(f"debrief.reason.{event.reason}")}
    return "GameWon", {
        "winner": t(f"faction.{event.winner}.name"),
        "reason": t(f"debrief.reason.{event.reason}"),
    }


def catch_up_lines(
    events: Iterable[GameEvent], side: str, rules: Rules, voice: str = "you"
) -> list[str]:
    """Only what learning from the leader saved `side` (the run itself is in the ledger)."""
    name = t(f"faction.{side}.name")
    return [
        t(f"narrate.{voice}.{key}", name=name, **params)
        for e in events
        if isinstance(e, ev.TrainingRun) and e.side == side
        for key, params in _training(e, rules)
        if key == "TrainingRun_catch_up"
    ]


def quarter_words(code: str) -> str:
    """'2026Q3' → 'Q3 2026'."""
    year, _, q = code.partition("Q")
    return t("flow.quarter", q=q, year=year) if q else code


def narrate(
    events: Iterable[GameEvent],
    side: str,
    rules: Rules,
    voice: str = "you",
    kinds: Iterable[str] | None = None,
    rival_news: bool = True,
) -> list[str]:
    """The quarter's events in words for `side`, in report order; `kinds` filters them,
    `rival_news=False` leaves out what the rival did (its column tells that)."""
    wanted = None if kinds is None else set(kinds)
    ordered = sorted(
        (e for e in events if wanted is None or type(e).__name__ in wanted),
        key=lambda e: ORDER.get(type(e).__name__, len(ORDER)),
    )
    lines: list[str] = []
    for event in ordered:
        lines.extend(narrate_event(event, side, rules, voice, rival_news))
    return lines
