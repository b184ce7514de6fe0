"""summary.html: one A4 page per group — the result, the two charts, three decisions and
the questions — for the wall or the folder; report.html stays the full version."""

from __future__ import annotations

from game.classroom.render_html import CSS, _e, _img, gap_line
from game.classroom.report import ReportData
from game.i18n import language, t

#: The summary keeps to one page: at most this many questions.
QUESTIONS = 4

SUMMARY_CSS = """
@page { size: A4; margin: 11mm 12mm; }
body { font-size: 10pt; line-height: 1.35; padding: 4mm 2mm; }
h1 { font-size: 16pt; } h2 { font-size: 11.5pt; margin: 3mm 0 1mm; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; }
.two img { max-height: 62mm; object-fit: contain; }
.card { padding: 1mm 2mm; margin: 1mm 0; }
ol.questions li { margin: 0.8mm 0; }
"""


def render_summary(d: ReportData, images: dict[str, str]) -> str:
    group = d.game.group or d.title
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}"><head><meta charset="utf-8">',
        f"<title>{_e(t('lessons.summary.title', group=group))}</title>",
        f"<style>{CSS}{SUMMARY_CSS}</style></head><body>",
        f"<h1>{_e(t('lessons.summary.title', group=group))}</h1>",
        '<dl class="facts">',
        *(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in d.facts[:-1]),
        "</dl>",
        f'<p class="headline">{_e(d.headline)}</p><p>{_e(d.why)} {_e(d.final)}</p>',
        '<div class="two"><figure>',
        _img(images, "capability", t("classroom.report.chart")),
        f"<figcaption>{_e(t('classroom.report.chart'))}</figcaption></figure><figure>",
        _img(images, "gap", t("lessons.summary.gap_title")),
        f"<figcaption>{_e(t('lessons.gap.band'))}</figcaption></figure></div>",
        f"<p><strong>{_e(gap_line(d))}</strong></p>",
        f"<h2>{_e(t('lessons.summary.decisions_title'))}</h2>",
    ]
    if not d.decisions:
        out.append(f"<p>{_e(t('classroom.decisions.none'))}</p>")
    for number, (_, words) in enumerate(d.decisions, 1):
        out.append(
            f'<div class="card"><strong>{number}. {_e(words.heading)}</strong> — '
            f"{_e(words.effect)}</div>"
        )
    out.append(f'<h2>{_e(t("lessons.summary.questions_title"))}</h2><ol class="questions">')
    out += [f"<li>{_e(q)}</li>" for q in d.questions[:QUESTIONS]]
    out += ["</ol>", f'<p class="small muted">{_e(t("lessons.summary.full"))}</p></body></html>']
    return "\n".join(part for part in out if part)
