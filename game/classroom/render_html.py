"""report.html: one self-contained page (CSS inline, pictures as base64) that prints on A4.

Every text is escaped; links are the sources' own URLs, printed in full too, so the paper
copy still says where each event comes from.
"""

from __future__ import annotations

from html import escape

from game.classroom.report import ReportData
from game.classroom.turns import card_title
from game.classroom.words import pct, quarter_words
from game.engine import AREAS
from game.i18n import language, t
from game.levels.model import SIDES, Source
from game.numbers import num

CSS = """
@page { size: A4; margin: 14mm 13mm; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #15181e;
  max-width: 190mm; margin: 0 auto; padding: 8mm 4mm; background: #fff; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; border-bottom: 2px solid #8a6d00; padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 3mm 0 1mm; }
.headline { font-size: 15pt; font-weight: bold; margin: 2mm 0 1mm; }
.usa { color: #0072b2; } .china { color: #d55e00; }
.muted { color: #4a5260; } .small { font-size: 9pt; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 2mm 0; }
dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
img { max-width: 100%; height: auto; display: block; }
figure { margin: 2mm 0; } figcaption { font-size: 9pt; color: #4a5260; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; }
.card { border: 1px solid #c8ccd3; border-radius: 2mm; padding: 2mm 3mm; margin: 2mm 0; }
.flag { display: inline-block; min-width: 6mm; text-align: center; background: #8a6d00;
  color: #fff; border-radius: 1mm; font-weight: bold; padding: 0 1mm; margin-right: 1.5mm; }
.tag { display: inline-block; background: #fff3c4; border: 1px solid #b58900; border-radius: 1mm;
  font-size: 8.5pt; padding: 0 1.2mm; margin-right: 1mm; }
.source { font-size: 9pt; color: #333; overflow-wrap: anywhere; }
a { color: #0b5394; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #c8ccd3; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #eef0f3; }
td.num { text-align: right; white-space: nowrap; }
ol.questions li { margin: 1.5mm 0; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #4a5260; }
@media print {
  body { padding: 0; max-width: none; }
  h2 { break-after: avoid; }
  .card, figure, tr, li { break-inside: avoid; }
  a { color: #15181e; text-decoration: none; }
  .pagebreak { break-before: page; }
}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def cite_html(source: Source | None) -> str:
    if source is None:
        return ""
    url = _e(source.url)
    return (
        f'<div class="source">{_e(t("classroom.source"))}: <cite>{_e(source.title)}</cite> — '
        f'{_e(source.publisher)}, {_e(source.date)} — <a href="{url}">{url}</a></div>'
    )


def _img(data: dict[str, str], key: str, alt: str) -> str:
    if key not in data:
        return ""
    return f'<img src="data:image/png;base64,{data[key]}" alt="{_e(alt)}">'


def render_html(d: ReportData, images: dict[str, str]) -> str:
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(d.title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(d.title)}</h1>",
        '<dl class="facts">',
        *(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in d.facts),
        "</dl>",
        f'<p class="headline">{_e(d.headline)}</p><p>{_e(d.why)}<br>{_e(d.final)}</p>',
        f"<h2>{_e(t('classroom.report.chart'))}</h2>",
        "<figure>",
        _img(images, "capability", t("classroom.report.chart")),
        f"<figcaption>{_e(t('classroom.report.chart_caption'))}</figcaption></figure>",
        f"<h2>{_e(t('lessons.gap.title'))}</h2>",
        "<figure>",
        _img(images, "gap", t("lessons.gap.title")),
        f"<figcaption>{_e(t('lessons.gap.definition'))}</figcaption></figure>",
        f"<p><strong>{_e(gap_line(d))}</strong></p>",
        f"<h2>{_e(t('classroom.decisions.title'))}</h2>",
        f'<p class="muted small">{_e(t("classroom.decisions.method"))}</p>',
    ]
    if not d.decisions:
        out.append(f"<p>{_e(t('classroom.decisions.none'))}</p>")
    for number, (_, words) in enumerate(d.decisions, 1):
        out += [
            '<div class="card">',
            f"<h3>{number}. {_e(words.heading)}</h3>",
            f"<div>{_e(words.played)}</div><div>{_e(words.suggested)}</div>",
            f"<div><strong>{_e(words.effect)}</strong></div>",
        ]
        if words.reason:
            out.append(f'<div class="muted small">{_e(words.reason)}</div>')
        out.append("</div>")
    out += [f"<h2>{_e(t('classroom.timeline.title'))}</h2>", _timeline(d)]
    if d.projection:
        out.append(f'<p class="small"><em>{_e(d.projection)}</em></p>')
    out += [f"<h2>{_e(t('classroom.events.title'))}</h2>"]
    if not d.fired:
        out.append(f"<p>{_e(t('classroom.events.none'))}</p>")
    for card in d.fired:
        tag = ""
        if card.simplification:
            tag = (
                f'<div class="small"><span class="tag">{_e(t("classroom.simplification"))}</span>'
                f"{_e(card.simplification)}</div>"
            )
        out += [
            '<div class="card">',
            f'<h3><span class="flag">{card.number}</span>{_e(quarter_words(card.quarter))}: '
            f"{_e(card.title)}</h3>",
            f'<div class="small"><em>{_e(card.status)}</em></div>' if card.status else "",
            f"<div>{_e(card.text)}</div>",
            tag,
            cite_html(card.source),
            "</div>",
        ]
    if d.policies:
        out += [f"<h2>{_e(t('classroom.policies.title'))}</h2>", "<ul>"]
        out += [f"<li>{_e(quarter_words(q))} — {_e(s)}: {_e(p)}</li>" for q, s, p in d.policies]
        out.append("</ul>")
    out += [
        f"<h2>{_e(t('classroom.questions.title'))}</h2>",
        '<ol class="questions">',
        *(f"<li>{_e(q)}</li>" for q in d.questions),
        "</ol>",
    ]
    if not d.questions:
        out.append(f"<p>{_e(t('classroom.questions.none'))}</p>")
    out += [
        f'<h2 class="pagebreak">{_e(t("classroom.report.more_charts"))}</h2>',
        '<div class="grid">',
        *(
            f"<figure>{_img(images, k, t(f'chart.{k}'))}</figure>"
            for k in ("compute", "energy", "talent")
        ),
        f"<figure>{_img(images, 'ladder', t('classroom.report.ladder'))}"
        f"<figcaption>{_e(t('classroom.report.ladder'))}</figcaption></figure>",
        "</div>",
        f"<h2>{_e(t('classroom.report.turns'))}</h2>",
        f'<p class="muted small">{_e(t("classroom.report.turns_note"))}</p>',
        _turn_table(d),
        f"<footer>{_e(t('classroom.report.footer'))}</footer>",
        "</body></html>",
    ]
    return "\n".join(part for part in out if part)


def gap_line(d: ReportData) -> str:
    """'At the end: Titans 5.6 months ahead. Measured in reality: …'."""
    from game.classroom.teach import gap_words

    return t("lessons.gap.final", gap=gap_words(d.gap[-1].months)) if d.gap else ""


def _timeline(d: ReportData) -> str:
    rows = [
        "<table><thead><tr>",
        f"<th>{_e(t('classroom.timeline.quarter'))}</th>",
        f"<th>{_e(t('classroom.timeline.game'))}</th>",
        f"<th>{_e(t('classroom.timeline.real'))}</th></tr></thead><tbody>",
    ]
    for row in d.timeline:
        game = "<br>".join(_e(x) for x in row.game) or "—"
        real = (
            "<br>".join(
                _e(text)
                + (
                    f' <a class="small" href="{_e(src.url)}">[{_e(src.publisher)}]</a>'
                    if src
                    else ""
                )
                for text, src in row.real
            )
            or "—"
        )
        rows.append(
            f"<tr><td>{_e(quarter_words(row.quarter))}</td><td>{game}</td><td>{real}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "".join(rows)


def _turn_table(d: ReportData) -> str:
    rules = d.game.rules
    head = "".join(f"<th>{_e(t(f'faction.{s}.full'))}</th>" for s in SIDES)
    rows = [
        "<table><thead><tr>",
        f"<th>{_e(t('classroom.timeline.quarter'))}</th>{head}",
        f"<th>{_e(t('classroom.csv.events'))}</th></tr></thead><tbody>",
    ]
    for row in d.rows:
        cells = []
        for side in SIDES:
            shares = " · ".join(
                f"{_e(t(f'classroom.area.{a}'))} {pct(v)}"
                for a, v in zip(AREAS, row.shares[side], strict=True)
            )
            policy = (
                f"<br><em>{_e(card_title(rules, row.policy[side]))}</em>"
                if row.policy[side]
                else ""
            )
            cap = t("classroom.capability_is", value=num(row.stocks[side]["capability"], 1))
            cells.append(f"<td>{shares}{policy}<br>{_e(cap)}</td>")
        events = "<br>".join(_e(card_title(rules, c)) for c in row.cards)
        rows.append(
            f"<tr><td>{_e(quarter_words(row.quarter))}</td>{''.join(cells)}<td>{events}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "".join(rows)
