"""class.html and class.csv: the class overview as one printable page and one table.

The page: a table with one row per group (side, winner, final gap, superintelligence,
policies used most, how far it got), every group's capability curve on one chart, and
the "why did the same world end differently?" prompts. Self-contained like report.html.
"""

from __future__ import annotations

import base64
from datetime import datetime
from html import escape
from pathlib import Path

from game.classroom.overview import GroupGame, Overview
from game.classroom.render_html import CSS
from game.classroom.spreadsheet import CsvDialect, csv_dialect, number, write_table
from game.classroom.teach import class_prompts
from game.classroom.words import quarter_words
from game.i18n import language, t

PAGE_CSS = """
@page { size: A4; margin: 10mm 10mm; }
body { max-width: 190mm; font-size: 10pt; }
table.class td, table.class th { font-size: 9pt; }
table.class { width: 100%; }
.nr { display: inline-block; min-width: 5mm; text-align: center; color: #fff;
  border-radius: 1mm; font-weight: bold; padding: 0 1mm; }
.nr.usa { background: #0072b2; } .nr.china { background: #d55e00; } .nr.none { background: #666; }
.cols { display: grid; grid-template-columns: 3fr 2fr; gap: 5mm; align-items: start; }
@media print {
  body { font-size: 9pt; }
  h1 { font-size: 15pt; } h2 { font-size: 11pt; margin: 2mm 0 1mm; }
  table.class td, table.class th { font-size: 7.5pt; padding: 0.3mm 0.8mm; line-height: 1.25; }
  .cols img { max-height: 58mm; width: auto; }
  .cols h2 { margin-top: 1mm; }
  table.class td:nth-child(7) { width: 30%; }
  table.class td:nth-child(2) { white-space: nowrap; }
  ol.questions li { margin: 0.5mm 0; }
}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def side_of(game: GroupGame) -> str:
    """The side a group's curve and badge follow: the one it played (else the Titans)."""
    return game.sides[0] if len(game.sides) == 1 else "usa"


def sides_words(game: GroupGame, short: bool = False) -> str:
    if not game.sides:
        return t("saves.mode.ai_vs_ai")
    form = "name" if short else "full"
    return ", ".join(t(f"faction.{s}.{form}") for s in game.sides)


def gap_for_group(game: GroupGame) -> str:
    """The final gap from the group's side: 'Titans 5 months ahead' in everyone's words."""
    from game.classroom.teach import gap_words

    return gap_words(game.gap_months)


def status_words(game: GroupGame) -> str:
    if game.finished:
        return t("lessons.class.finished")
    return t("lessons.class.stopped", quarter=quarter_words(game.last_quarter))


def si_words(game: GroupGame) -> str:
    if game.si_quarter is None:
        return t("lessons.class.no_si")
    return f"{quarter_words(game.si_quarter)} ({si_side_words(game)})"


def si_side_words(game: GroupGame) -> str:
    if game.si_quarter is None:
        return ""
    return t(f"faction.{game.si_side}.name") if game.si_side else t("lessons.class.both")


def policies_words(game: GroupGame) -> str:
    return ", ".join(f"{title} ×{count}" for title, count in game.policies) or "–"


def winner_words(game: GroupGame) -> str:
    if not game.finished:
        return "–"
    return t(f"faction.{game.winner}.name") if game.winner else t("debrief.draw")


def render_page(overview: Overview, chart_png: bytes | None) -> str:
    games = overview.games
    levels = ", ".join(sorted({g.level_title for g in games})) or "–"
    seeds = ", ".join(str(s) for s in sorted({g.seed for g in games})) or "–"
    heads = ("group", "side", "winner", "gap", "si", "policies", "status")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}"><head><meta charset="utf-8">',
        f"<title>{_e(t('lessons.class.title', count=len(games)))}</title>",
        f"<style>{CSS}{PAGE_CSS}</style></head><body>",
        f"<h1>{_e(t('lessons.class.title', count=len(games)))}</h1>",
        f'<p class="muted">{_e(t("lessons.class.facts", levels=levels, seeds=seeds))} · '
        f"{_e(t('lessons.class.made', date=datetime.now().strftime('%d.%m.%Y %H:%M')))}</p>",
        '<table class="class"><thead><tr><th>#</th>',
        *(f"<th>{_e(t(f'lessons.class.{h}'))}</th>" for h in heads),
        "</tr></thead><tbody>",
    ]
    for number_, game in enumerate(games, 1):
        cells = (
            game.group,
            sides_words(game, short=True),
            winner_words(game),
            gap_for_group(game),
            si_words(game),
            policies_words(game),
            status_words(game),
        )
        badge = f'<span class="nr {side_of(game)}">{number_}</span>'
        out.append(f"<tr><td>{badge}</td>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>")
    out.append("</tbody></table>")
    out.append('<div class="cols"><div>')
    out.append(f"<h2>{_e(t('lessons.class.chart'))}</h2>")
    if chart_png:
        data = base64.b64encode(chart_png).decode("ascii")
        out.append(f'<img src="data:image/png;base64,{data}" alt="{_e(t("lessons.class.chart"))}">')
    out.append(f'<p class="small muted">{_e(t("lessons.class.chart_caption"))}</p></div><div>')
    out.append(f'<h2>{_e(t("lessons.class.prompts_title"))}</h2><ol class="questions">')
    out += [f"<li>{_e(q)}</li>" for q in class_prompts()]
    out.append("</ol>")
    out.append(f'<p class="small muted">{_e(t("lessons.class.csv_note"))}</p></div></div>')
    if overview.problems:
        out.append(f'<h3>{_e(t("lessons.class.problems"))}</h3><ul class="small">')
        out += [f"<li>{_e(name)}: {_e(reason)}</li>" for name, reason in overview.problems]
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out)


def csv_rows(overview: Overview, dialect: CsvDialect) -> tuple[list[str], list[list[str]]]:
    keys = (
        "group", "file", "scenario", "seed", "side", "winner", "finished", "quarters",
        "gap_months", "si_quarter", "si_side", "policies", "cap_usa", "cap_china",
    )  # fmt: skip
    headers = [t(f"lessons.class.csv.{k}") for k in keys]
    rows = []
    for game in overview.games:
        rows.append(
            [
                game.group,
                game.path.name,
                game.level_title,
                str(game.seed),
                sides_words(game),
                winner_words(game),
                t("lessons.class.csv.yes") if game.finished else t("lessons.class.csv.no"),
                str(game.quarters),
                number(game.gap_months, 1, dialect),
                game.si_quarter or "",
                si_side_words(game),
                policies_words(game),
                number(game.curves["usa"][-1], 1, dialect),
                number(game.curves["china"][-1], 1, dialect),
            ]
        )
    return headers, rows


def write_overview(overview: Overview, out_dir: Path, dialect_name: str | None = None) -> Path:
    """Write class.html, class.csv and class-chart.png into `out_dir`; returns class.html."""
    from game.classroom.class_chart import class_chart_png

    out_dir.mkdir(parents=True, exist_ok=True)
    chart = class_chart_png(overview, out_dir / "class-chart.png") if overview.games else None
    page = out_dir / "class.html"
    page.write_text(render_page(overview, chart.read_bytes() if chart else None), encoding="utf-8")
    dialect = csv_dialect(dialect_name, language())
    headers, rows = csv_rows(overview, dialect)
    write_table(out_dir / "class.csv", headers, rows, dialect)
    from game.classroom.material import write_material

    write_material(out_dir)  # the pupils' handout and worksheet, printable from here too
    return page
