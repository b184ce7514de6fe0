"""The classroom texts built from a game: orders, decisions, outcome, the two timelines.

Shared by the debrief scene, report.html and report.md, so the screen and the handout say
the same thing in the same words (assets/i18n/<lang>/classroom.yaml). No pygame.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.classroom.decisions import KeyDecision
from game.classroom.history import listed, quarter_words
from game.classroom.turns import card_title, milestone_title
from game.engine import AREAS, Orders, Rules
from game.engine import events as ev
from game.i18n import pick, t
from game.levels.model import SIDES, quarter_index
from game.match import Match


def side_name(side: str | None) -> str:
    return t(f"faction.{side}.full") if side else t("classroom.nobody")


def pct(share: float) -> str:
    return f"{round(100 * share)} %"


def orders_words(rules: Rules, orders: Orders) -> str:
    """'Chips 35 % · Energy 5 % · Talent 12 % · Models 48 % · Policy: …'."""
    parts = [
        f"{t(f'classroom.area.{a}')} {pct(s)}"
        for a, s in zip(AREAS, orders.allocation.as_tuple(), strict=True)
    ]
    policy = card_title(rules, orders.policy) if orders.policy else t("classroom.no_policy")
    parts.append(t("classroom.policy_is", policy=policy))
    return " · ".join(parts)


def months(value: float) -> str:
    from game.numbers import num

    return num(abs(value), 1)


def outcome_words(rules: Rules, match: Match) -> tuple[str, str]:
    """(headline, explanation) for the end of the game (or where it stands)."""
    outcome = match.state.outcome
    if outcome is None:
        return t("classroom.unfinished"), t(
            "classroom.stands_at", quarter=quarter_words(rules.quarter(match.state.turn))
        )
    if outcome.winner is None:
        head = t("debrief.draw")
    else:
        head = t("debrief.winner", name=t(f"faction.{outcome.winner}.name"))
    reason = t(f"debrief.reason.{outcome.reason}")
    when = t("debrief.when", quarter=quarter_words(rules.quarter(outcome.turn)), n=len(match.turns))
    return head, f"{reason} {when}"


def final_words(rules: Rules, match: Match) -> str:
    """'Final capability: Titans 98.5 · Swarms 100.0; the Swarms lead by 1.5 months.'"""
    from game.numbers import num

    caps = {s: num(rules.capability(match.state.factions[s].frontier_log10), 1) for s in SIDES}
    f = match.state.factions
    # The gap the ladder and the last quarter's report showed (months at the reference pace):
    # Epoch's time shift (the Gap tab) is shorter once growth speeds up, and two end screens
    # naming two different leads read as a mistake.
    lead = rules.lag_months(f["usa"].frontier_log10 - f["china"].frontier_log10)
    leader = "usa" if lead > 0 else "china"
    gap = (
        t("classroom.level_gap")
        if abs(lead) < 0.05
        else t("classroom.lead", name=t(f"faction.{leader}.name"), months=months(lead))
    )
    return t(
        "classroom.final",
        usa_name=t("faction.usa.name"),
        china_name=t("faction.china.name"),
        usa=caps["usa"],
        china=caps["china"],
        si=num(rules.capability(rules.superintelligence_at(match.state.si_threshold_log10)), 1),
        gap=gap,
    )


@dataclass(frozen=True)
class DecisionText:
    heading: str
    played: str
    suggested: str
    effect: str
    reason: str  # the advisor's own one-sentence reason ('' if none)


def decision_text(rules: Rules, d: KeyDecision) -> DecisionText:
    heading = t(
        "classroom.decision.heading",
        quarter=quarter_words(rules.quarter(d.turn)),
        name=side_name(d.side),
    )
    if d.outcome_changed:
        effect = t(
            "classroom.decision.flip",
            winner=side_name(d.winner_alt) if d.winner_alt else t("classroom.a_draw"),
        )
    elif abs(d.gain) < 0.05:
        effect = t("classroom.decision.same")
    elif d.gain > 0:  # behind either way: the choice left less of a gap, not "more lead"
        key = "lessons.decision.less_behind" if d.lead_played <= 0 else "classroom.decision.better"
        effect = t(key, months=months(d.gain))
    else:
        key = "lessons.decision.ai_less_behind" if d.lead_alt <= 0 else "classroom.decision.worse"
        effect = t(key, months=months(d.gain))
    reason = ""
    if d.suggestion_reason:
        from game.ai.explain import explain_for_reader

        reason = explain_for_reader(d.suggestion_reason, d.suggestion_params)
    return DecisionText(
        heading,
        t("classroom.decision.played", orders=orders_words(rules, d.played)),
        t("classroom.decision.suggested", orders=orders_words(rules, d.suggested)),
        effect,
        reason,
    )


@dataclass(frozen=True)
class TimelineRow:
    quarter: str
    game: tuple[str, ...]
    real: tuple[tuple[str, object], ...]  # (what happened, its level `Source` or None)


def timeline_rows(rules: Rules, match: Match, real_span: bool = True) -> list[TimelineRow]:
    """The game's events quarter by quarter beside what really happened (level `timeline`);
    with `real_span`, only up to the last quarter the real timeline covers."""
    game: dict[str, list[str]] = {}
    for record in match.turns:
        q = rules.quarter(record.turn)
        for e in record.events:
            if isinstance(e, ev.CardFired):
                title = card_title(rules, e.event)
                card = rules.events_by_id.get(e.event)
                if card is not None and card.at is not None and not e.random:
                    title = listed(title, card)
                game.setdefault(q, []).append(title)
            elif isinstance(e, ev.PolicyPlayed):
                game.setdefault(q, []).append(
                    t(
                        "classroom.played_policy",
                        name=t(f"faction.{e.side}.name"),
                        policy=card_title(rules, e.policy),
                    )
                )
            elif isinstance(e, ev.MilestoneReached):
                game.setdefault(q, []).append(
                    t(
                        "classroom.reached",
                        name=t(f"faction.{e.side}.name"),
                        milestone=milestone_title(rules, e.milestone),
                    )
                )
    real: dict[str, list[tuple[str, object]]] = {}
    for entry in rules.level.timeline:
        source = rules.level.sources.get(entry.source)
        real.setdefault(entry.quarter, []).append((pick(entry.text), source))
    quarters = sorted(set(game) | set(real), key=quarter_index)
    if real_span and real:
        last = max(quarter_index(q) for q in real)
        quarters = [q for q in quarters if quarter_index(q) <= last]
    return [TimelineRow(q, tuple(game.get(q, ())), tuple(real.get(q, ()))) for q in quarters]


def questions(rules: Rules) -> list[str]:
    return [pick(q) for q in rules.level.questions]
