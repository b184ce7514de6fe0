"""`write_report(game, out_dir)`: the handout a teacher prints after a game.

One folder, readable without the game and without a network: `report.html` (CSS inline,
charts embedded as base64 PNG, laid out for A4 when printed), `report.md` (the same text,
pictures as files beside it), `turns.csv` (every quarter: both sides' orders, the money
per area, the stocks after the quarter, the events) and the pictures themselves. Every
event that struck is listed with its source; the game's timeline stands beside the real
one; the level's discussion questions close it. Text is in the current language.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from game.classroom import pictures
from game.classroom.decisions import KeyDecision, key_decisions
from game.classroom.history import projection_note, status_line
from game.classroom.played import PlayedGame, coerce
from game.classroom.spreadsheet import csv_dialect
from game.classroom.teach import GapPoint, gap_series, side_questions
from game.classroom.turns import TurnRow, turn_rows, write_csv
from game.classroom.words import (
    DecisionText,
    TimelineRow,
    decision_text,
    final_words,
    outcome_words,
    quarter_words,
    questions,
    side_name,
    timeline_rows,
)
from game.engine import Rules
from game.i18n import has_key, language, pick, set_language, t
from game.levels.model import SIDES, Source
from game.saves.present import date_text

PICTURES = {
    "capability": "capability.png",
    "gap": "gap.png",
    "ladder": "ladder.png",
    "compute": "compute.png",
    "energy": "energy.png",
    "talent": "talent.png",
}


@dataclass(frozen=True)
class FiredCard:
    """An event card that struck, with what the level says about it."""

    number: int  # the flag number on the capability chart
    quarter: str
    card_id: str
    title: str
    text: str
    simplification: str
    source: Source | None
    status: str = ""  # a scripted card: happened, announced, forecast or invented, in words


@dataclass
class ReportData:
    """Everything the report shows, gathered once and rendered twice (HTML and Markdown)."""

    game: PlayedGame
    title: str
    headline: str
    why: str
    final: str
    facts: list[tuple[str, str]]
    decisions: list[tuple[KeyDecision, DecisionText]]
    fired: list[FiredCard]
    policies: list[tuple[str, str, str]]  # (quarter, side name, policy title)
    timeline: list[TimelineRow]
    projection: str  # where the real record ends, when the game went past it
    questions: list[str]
    rows: list[TurnRow]
    gap: list[GapPoint]


def gather(game: PlayedGame, decisions: list[KeyDecision] | None = None) -> ReportData:
    rules, match = game.rules, game.match
    headline, why = outcome_words(rules, match)
    if decisions is None:
        decisions = key_decisions(rules, match, game.deciding_sides)
    fired = []
    for mark in pictures.event_marks(match):
        for card_id in mark.cards:
            card = rules.events_by_id.get(card_id)
            if card is None:
                continue
            fired.append(
                FiredCard(
                    mark.number,
                    rules.quarter(mark.turn),
                    card_id,
                    pick(card.title),
                    pick(card.text),
                    pick(card.simplification) if card.simplification else "",
                    rules.level.sources.get(card.source),
                    status_line(card) if card.at is not None else "",
                )
            )
    policies = [
        (
            rules.quarter(record.turn),
            side_name(side),
            pick(rules.policies[o.policy].title) if o.policy in rules.policies else o.policy,
        )
        for record in match.turns
        for side, o in record.orders.items()
        if o.policy
    ]
    players = ", ".join(f"{side_name(s)}: {_player(game.players.get(s, ''))}" for s in SIDES)
    group = [(t("lessons.group"), game.group)] if game.group else []
    facts = [
        *group,
        (t("classroom.report.level"), pick(rules.level.title)),
        (t("classroom.report.seed"), str(match.seed)),
        (t("classroom.report.players"), players),
        (t("classroom.report.quarters"), str(len(match.turns))),
        (t("classroom.report.made"), date_text(datetime.now(UTC).isoformat())),
    ]
    return ReportData(
        game,
        t("classroom.report.title", level=pick(rules.level.title)),
        headline,
        why,
        final_words(rules, match),
        facts,
        [(d, decision_text(rules, d)) for d in decisions],
        fired,
        policies,
        timeline_rows(rules, match),
        projection_note(rules.level, rules.quarter(match.turns[-1].turn)) if match.turns else "",
        side_questions(game.deciding_sides) + questions(rules),
        turn_rows(rules, match),
        gap_series(rules, match),
    )


def _player(name: str) -> str:
    if not name or name == "human":
        return t("classroom.report.human")
    return t("classroom.report.ai", name=ai_name(name))


def ai_name(spec: str) -> str:
    """'normal' → 'Normal', 'greedy' → 'einfache Faustregel': never an English id in German."""
    base = spec.split("@")[0].split("#")[0].split(":")[0]
    for key in (f"setup.diff.{base}", f"lessons.ai_name.{base}"):
        if has_key(key):
            return t(key)
    return t("lessons.ai_name.other")


def draw_pictures(rules: Rules, match, out_dir: Path) -> dict[str, Path]:
    from game.classroom.gap_chart import gap_png

    pictures.ensure_pygame()
    out = {
        "capability": pictures.capability_png(rules, match, out_dir / PICTURES["capability"]),
        "gap": gap_png(gap_series(rules, match), out_dir / PICTURES["gap"]),
        "ladder": pictures.ladder_png(rules, match, out_dir / PICTURES["ladder"]),
    }
    for metric in ("compute", "energy", "talent"):
        out[metric] = pictures.metric_png(rules, match, metric, out_dir / PICTURES[metric])
    return out


def write_report(
    game,
    out_dir: str | Path,
    lang: str | None = None,
    decisions: list[KeyDecision] | None = None,
    dialect: str | None = None,
) -> Path:
    """Write the report folder for `game` (a save path, session, PlayedGame or
    (LoadedLevel, Match)); returns the path of report.html. `lang` overrides the language
    for this report only; `dialect` the CSV convention (default: the language's). The
    folder also gets summary.html (one page) and the pupils' handout and worksheet."""
    from game.classroom.material import write_material
    from game.classroom.render_html import render_html
    from game.classroom.render_md import render_md
    from game.classroom.summary import render_summary

    played = coerce(game)
    before = language()
    if lang:
        set_language(lang)
    try:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        data = gather(played, decisions)
        images = draw_pictures(played.rules, played.match, out)
        write_csv(played.rules, data.rows, out / "turns.csv", csv_dialect(dialect, language()))
        encoded = {k: base64.b64encode(p.read_bytes()).decode("ascii") for k, p in images.items()}
        (out / "report.md").write_text(render_md(data), encoding="utf-8")
        html_path = out / "report.html"
        html_path.write_text(render_html(data, encoded), encoding="utf-8")
        (out / "summary.html").write_text(render_summary(data, encoded), encoding="utf-8")
        write_material(out)
        return html_path
    finally:
        set_language(before)


def default_folder(played: PlayedGame) -> str:
    """'report-cold-ai-war-seed-42-gruppe-3-20260114-1530': sorts by level, seed and time."""
    from game.saves.storage import slot_name

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    group = f"-{slot_name(played.group)}" if played.group.strip() else ""
    return f"report-{played.rules.level_id}-seed-{played.match.seed}{group}-{stamp}"


def quarter_of(row: TurnRow) -> str:
    return quarter_words(row.quarter)
