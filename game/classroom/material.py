"""The pupils' material, one printable page each, in German and English: a handout
(roles, the four levers, how to read the ladder) and a worksheet that walks through the
debrief's tabs. Written into every report folder and the class overview's folder, so a
teacher prints them from where the reports are. All words from lessons.material.*.
"""

from __future__ import annotations

from pathlib import Path

from game.classroom.render_html import CSS, _e
from game.i18n import has_key, language, set_language, t

MATERIAL_CSS = """
@page { size: A4; margin: 12mm 14mm; }
body { font-size: 10.5pt; line-height: 1.4; padding: 3mm 2mm; }
h1 { font-size: 17pt; } h2 { font-size: 12pt; margin: 4mm 0 1mm; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.box { border: 1px solid #c8ccd3; border-radius: 2mm; padding: 2mm 3mm; }
.usa h2 { color: #0072b2; } .china h2 { color: #d55e00; }
ul, ol { margin: 1mm 0; padding-left: 6mm; } li { margin: 0.6mm 0; }
.lines { border-bottom: 1px solid #9aa1ab; height: 7mm; }
.task { break-inside: avoid; margin-bottom: 2mm; }
"""


def _items(prefix: str) -> list[str]:
    out, n = [], 1
    while has_key(f"{prefix}.{n}"):
        out.append(t(f"{prefix}.{n}"))
        n += 1
    return out


def _page(title: str, body: list[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{language()}"><head><meta charset="utf-8">',
            f"<title>{_e(title)}</title><style>{CSS}{MATERIAL_CSS}</style></head><body>",
            f"<h1>{_e(title)}</h1>",
            *body,
            "</body></html>",
        ]
    )


def handout_html() -> str:
    m = "lessons.material.handout"
    body = [f"<p>{_e(t(f'{m}.intro'))}</p>", '<div class="two">']
    for side in ("usa", "china"):
        body.append(f'<div class="box {side}"><h2>{_e(t(f"faction.{side}.full"))}</h2><ul>')
        body += [f"<li>{_e(x)}</li>" for x in _items(f"{m}.{side}")]
        body.append("</ul></div>")
    body.append("</div>")
    for section in ("levers", "turn", "ladder"):
        body.append(f"<h2>{_e(t(f'{m}.{section}_title'))}</h2><ul>")
        body += [f"<li>{_e(x)}</li>" for x in _items(f"{m}.{section}")]
        body.append("</ul>")
    body.append(f'<p class="small muted">{_e(t(f"{m}.footer"))}</p>')
    return _page(t("lessons.material.handout_title"), body)


def worksheet_html() -> str:
    m = "lessons.material.worksheet"
    body = [
        f"<p>{_e(t(f'{m}.intro'))}</p>",
        f'<p>{_e(t(f"{m}.names"))} <span class="lines" style="display:inline-block;'
        f'width:110mm;height:5mm"></span></p>',
    ]
    for number, task in enumerate(_items(f"{m}.task"), 1):
        lines = 3 if number in (3, 5) else 2
        body.append(f'<div class="task"><strong>{number}.</strong> {_e(task)}')
        body += ['<div class="lines"></div>'] * lines
        body.append("</div>")
    return _page(t("lessons.material.worksheet_title"), body)


def write_material(folder: Path) -> list[Path]:
    """handout-de.html, handout-en.html, worksheet-de.html, worksheet-en.html in `folder`."""
    before = language()
    written = []
    try:
        for lang in ("de", "en"):
            set_language(lang)
            for name, render in (("handout", handout_html), ("worksheet", worksheet_html)):
                path = folder / f"{name}-{lang}.html"
                path.write_text(render(), encoding="utf-8")
                written.append(path)
    finally:
        set_language(before)
    return written
