"""report.md: the report as Markdown, with the pictures as files in the same folder."""

from __future__ import annotations

from game.classroom.render_html import gap_line
from game.classroom.report import PICTURES, ReportData
from game.classroom.words import orders_words, quarter_words
from game.i18n import t
from game.levels.model import SIDES, Source


def _md(text: str) -> str:
    """Escape the characters that would turn plain text into Markdown markup."""
    for ch in ("\\", "*", "_", "[", "]", "<", ">", "|", "#"):
        text = text.replace(ch, "\\" + ch)
    return text


def _sentence(text: str) -> str:
    """A bold phrase run into the next sentence needs its own full stop."""
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def cite_md(source: Source | None) -> str:
    if source is None:
        return ""
    return (
        f"{t('classroom.source')}: *{_md(source.title)}* — {_md(source.publisher)}, "
        f"{source.date} — <{source.url}>"
    )


def render_md(d: ReportData) -> str:
    rules = d.game.rules
    lines = [f"# {_md(d.title)}", ""]
    lines += [f"- **{_md(k)}:** {_md(v)}" for k, v in d.facts]
    lines += ["", f"**{_md(_sentence(d.headline))}** {_md(d.why)}", "", _md(d.final), ""]
    lines += [
        f"## {_md(t('classroom.report.chart'))}",
        "",
        f"![{_md(t('classroom.report.chart'))}]({PICTURES['capability']})",
        "",
        f"*{_md(t('classroom.report.chart_caption'))}*",
        "",
        f"## {_md(t('lessons.gap.title'))}",
        "",
        f"![{_md(t('lessons.gap.title'))}]({PICTURES['gap']})",
        "",
        f"*{_md(t('lessons.gap.definition'))}*",
        "",
        f"**{_md(gap_line(d))}**",
        "",
        f"## {_md(t('classroom.decisions.title'))}",
        "",
        f"*{_md(t('classroom.decisions.method'))}*",
        "",
    ]
    if not d.decisions:
        lines += [_md(t("classroom.decisions.none")), ""]
    for number, (_, words) in enumerate(d.decisions, 1):
        lines += [
            f"{number}. **{_md(words.heading)}**  ",
            f"   {_md(words.played)}  ",
            f"   {_md(words.suggested)}  ",
            f"   **{_md(words.effect)}**" + (f"  \n   {_md(words.reason)}" if words.reason else ""),
        ]
    lines += ["", f"## {_md(t('classroom.timeline.title'))}", ""]
    lines += [
        f"| {t('classroom.timeline.quarter')} | {t('classroom.timeline.game')} | "
        f"{t('classroom.timeline.real')} |",
        "|---|---|---|",
    ]
    for row in d.timeline:
        game = "<br>".join(_md(x) for x in row.game) or "—"
        real = "<br>".join(_md(text) for text, _ in row.real) or "—"
        lines.append(f"| {quarter_words(row.quarter)} | {game} | {real} |")
    if d.projection:
        lines += ["", f"*{_md(d.projection)}*"]
    lines += ["", f"## {_md(t('classroom.events.title'))}", ""]
    if not d.fired:
        lines += [_md(t("classroom.events.none")), ""]
    for card in d.fired:
        lines += [
            f"### ({card.number}) {quarter_words(card.quarter)}: {_md(card.title)}",
            "",
            *([f"*{_md(card.status)}*", ""] if card.status else []),
            _md(card.text),
            "",
        ]
        if card.simplification:
            lines += [f"**{_md(t('classroom.simplification'))}:** {_md(card.simplification)}", ""]
        lines += [cite_md(card.source), ""]
    if d.policies:
        lines += [f"## {_md(t('classroom.policies.title'))}", ""]
        lines += [f"- {quarter_words(q)} — {_md(s)}: {_md(p)}" for q, s, p in d.policies]
        lines.append("")
    lines += [f"## {_md(t('classroom.questions.title'))}", ""]
    lines += [f"{i}. {_md(q)}" for i, q in enumerate(d.questions, 1)]
    if not d.questions:
        lines.append(_md(t("classroom.questions.none")))
    lines += ["", f"## {_md(t('classroom.report.more_charts'))}", ""]
    for key in ("compute", "energy", "talent", "ladder"):
        lines.append(f"![{key}]({PICTURES[key]})")
    lines += [
        "",
        f"## {_md(t('classroom.report.turns'))}",
        "",
        _md(t("classroom.report.turns_note")),
        "",
    ]
    for row in d.rows:
        lines.append(f"- **{quarter_words(row.quarter)}**")
        for side in SIDES:
            from game.engine import Allocation, Orders

            orders = Orders(Allocation(*row.shares[side]), row.policy[side])
            lines.append(
                f"  - {_md(t(f'faction.{side}.full'))}: {_md(orders_words(rules, orders))}"
            )
    lines += ["", f"*{_md(t('classroom.report.footer'))}*", ""]
    return "\n".join(lines)
