"""The balance report in words: a summary for the terminal, report.md and a self-contained
report.html (its charts embedded as base64 PNG, so one file can be mailed or archived)."""

from __future__ import annotations

import base64
import html
from pathlib import Path

from game.balance import charts
from game.levels.model import SIDES

SIDE_NAME = {"usa": "USA", "china": "China"}


def pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def draw_charts(summary: dict, out: Path, meta: dict | None = None) -> dict[str, Path]:
    """Every chart as a PNG in `out`; name → path. `meta` gives the quarters for the time
    axes and the scripted events to mark."""
    meta = meta or {}
    quarters = meta.get("quarters")
    marks = [tuple(m) for m in meta.get("scripted", [])]
    paths = {}
    rows = []
    for side in SIDES:
        w = summary["wins"][side]
        rows.append((f"{SIDE_NAME[side]} (full AI)", w["share"], *w["ci95"]))
    for r in summary["restricted"]:
        rows.append((f"{SIDE_NAME[r['side']]}, no {r['restriction']}", r["share"], *r["ci95"]))
    paths["wins"] = charts.bar_chart(out / "win-share.png", "Win share (95% interval)", rows, 0.5)
    hist = summary["length"]["histogram"]
    labels = {t: quarters[int(t) - 1] for t in hist} if quarters else None
    paths["length"] = charts.histogram(
        out / "game-length.png",
        "Game length: the quarter each game ended in",
        summary["length"]["histogram"],
        xlabel="last quarter played" if quarters else "final turn",
        labels=labels,
    )
    if summary["curves"]:
        paths["curves"] = charts.curves_grid(
            out / "stocks.png",
            "Mean of every stock per quarter (dotted: scripted events)",
            summary["curves"],
            quarters=quarters,
            markers=marks,
        )
    return paths


def summary_text(summary: dict, meta: dict) -> str:
    lines = [
        f"balance: {meta['level']}  ({summary['games']} games, usa: {meta['usa']}, "
        f"china: {meta['china']})",
        f"level sha256 {meta['sha256'][:12]}…, game {meta['version']}",
    ]
    if meta.get("partial"):
        lines.append(_partial(meta))
    for side in SIDES:
        w = summary["wins"][side]
        lo, hi = w["ci95"]
        lines.append(
            f"{side:>5} wins {pct(w['share']):>6}  95% CI {pct(lo)}–{pct(hi)}  "
            f"p(50%) = {w['p_vs_half']:.3g}"
        )
    length = summary["length"]
    lines.append(
        f"length: median {length['median']:g} quarters (range {length['min']}–{length['max']}); "
        f"superintelligence in {pct(length['superintelligence_share'])} of games"
    )
    never = [_title(meta, e) for e in summary["events"]["never_fired"]]
    lines.append(f"events never fired: {', '.join(never) if never else 'none'}")
    for r in summary["restricted"]:
        lines.append(
            f"restricted {r['side']:>5} without {r['restriction']:<8} wins {pct(r['share']):>6}"
            f"  ({_points(r['change_points'])})"
        )
    for row in summary.get("profiles", []):
        lines.append(
            f"fixed split {row['profile']:<20} wins {pct(row['share']):>6}"
            f"  (final lead {row['margin_log10']:+.2f} log10)"
        )
    return "\n".join(lines)


def _partial(meta: dict) -> str:
    return (
        f"PARTIAL: interrupted after {meta['games_total']} of {meta['games_planned']} games; "
        "every figure covers only the games finished"
    )


def _title(meta: dict, card_id: str) -> str:
    """A card's title (what a designer wrote and players read), its id after it."""
    title = meta.get("titles", {}).get(card_id)
    return f"{title} ({card_id})" if title else card_id


def _points(change: float | None) -> str:
    return "—" if change is None else f"{change:+.1f} points"


def markdown(summary: dict, meta: dict, images: dict[str, str]) -> str:
    """The report as Markdown; `images` maps chart name → link (a file name or data URI)."""
    out = [
        f"# Balance report: {meta['level_id']}",
        "",
        f"- level file: `{meta['level']}` (sha256 `{meta['sha256']}`)",
        f"- game version {meta['version']}; players: USA `{meta['usa']}`, China `{meta['china']}`",
        f"- {summary['games']} games per configuration, seeds {meta['seed']}–"
        f"{meta['seed'] + summary['games'] - 1}; command: `{meta['command']}`",
        "- every game, one JSON object a line (pair two runs by config and seed): `games.jsonl`",
        *([f"- **{_partial(meta)}**"] if meta.get("partial") else []),
        "",
        "## Who wins",
        "",
        "| side | wins | share | 95% interval | p-value against 50% |",
        "|---|---|---|---|---|",
    ]
    for side in SIDES:
        w = summary["wins"][side]
        out.append(
            f"| {SIDE_NAME[side]} | {w['wins']} | {pct(w['share'])} | "
            f"{pct(w['ci95'][0])}–{pct(w['ci95'][1])} | {w['p_vs_half']:.3g} |"
        )
    reasons = ", ".join(f"{k}: {v}" for k, v in sorted(summary["reasons"].items()))
    out += ["", f"Draws: {summary['draws']}. How games ended: {reasons}.", ""]
    if "wins" in images:
        out += [f"![Win shares]({images['wins']})", ""]
    length = summary["length"]
    out += [
        "## Game length",
        "",
        f"Median {length['median']:g} quarters (range {length['min']}–{length['max']}); "
        f"superintelligence reached in {pct(length['superintelligence_share'])} of games.",
        "",
    ]
    if "length" in images:
        out += [f"![Game length]({images['length']})", ""]
    out += ["## Stocks per turn (mean over games)", ""]
    if "curves" in images:
        out += [f"![Stocks]({images['curves']})", ""]
    curves = summary["curves"]
    if curves:
        out += ["| stock | USA start → end | China start → end |", "|---|---|---|"]
        for stock, series in curves.items():
            cells = [f"{series[s][0]:.3g} → {series[s][-1]:.3g}" for s in SIDES]
            out.append(f"| {stock} | {cells[0]} | {cells[1]} |")
        out.append("")
    out += ["## Events", "", "| event | share of games it fired in |", "|---|---|"]
    for event, share in summary["events"]["share_of_games"].items():
        out.append(f"| {_title(meta, event)} | {pct(share)} |")
    never = [_title(meta, e) for e in summary["events"]["never_fired"]]
    out += ["", f"Never fired: {', '.join(never) if never else 'none'}.", ""]
    out += [
        "## Policies",
        "",
        "| policy | side | games used | plays | win share when used | when not used |",
        "|---|---|---|---|---|---|",
    ]
    for pid, p in summary["policies"].items():
        out.append(
            f"| {_title(meta, pid)} | {p['side']} | {pct(p['share_of_games'])} | {p['plays']} | "
            f"{pct(p['win_share_when_used'])} | {pct(p['win_share_when_not'])} |"
        )
    out += [
        "",
        "## Restricted play",
        "",
        "The same AI with one lever taken away (Jaffe et al., AIIDE 2012), against the full AI. "
        "A lever matters when losing it costs win share.",
        "",
        "| side | never … | win share | 95% interval | change vs full AI |",
        "|---|---|---|---|---|",
    ]
    for r in summary["restricted"]:
        out.append(
            f"| {SIDE_NAME[r['side']]} | {r['restriction']} | {pct(r['share'])} | "
            f"{pct(r['ci95'][0])}–{pct(r['ci95'][1])} | {_points(r['change_points'])} |"
        )
    if not summary["restricted"]:
        out.append("| — | (not run) | | | |")
    if "profiles" in summary:
        out += _profiles_section(summary["profiles"])
    if "compare" in summary:
        out += _compare_section(summary["compare"], meta)
    if "depth" in summary:
        out += _depth_section(summary["depth"])
    return "\n".join(out) + "\n"


def _depth_section(report: dict) -> list[str]:
    """The depth report (`python -m game depth`): do decisions decide, or the dice?"""
    from game.balance.depth_text import format_report

    return [
        "",
        "## Depth",
        "",
        "Luck share, decision leverage, predictability, policy values, lever shares, "
        "superintelligence and fidelity, each beside its target (issue 11; "
        "`python -m game depth` for more games).",
        "",
        "```",
        format_report(report),
        "```",
    ]


def _compare_section(compared: dict, meta: dict) -> list[str]:
    """Both levels' odds on the same seeds and players, the difference and its p-value."""
    out = [
        "",
        f"## Compared with {compared['level_id']}",
        "",
        f"The baseline pairing on `{compared['level']}` (sha256 `{compared['sha256']}`), the "
        "same seeds and players. The p-value is the chance of a difference this large if "
        "both levels gave the same odds.",
        "",
        f"| side | {meta['level_id']} | {compared['level_id']} | difference | p-value |",
        "|---|---|---|---|---|",
    ]
    for side in SIDES:
        r = compared["sides"][side]
        out.append(
            f"| {SIDE_NAME[side]} | {pct(r['share'])} ({pct(r['ci95'][0])}–{pct(r['ci95'][1])})"
            f" | {pct(r['other_share'])} ({pct(r['other_ci95'][0])}–{pct(r['other_ci95'][1])})"
            f" | {100 * r['difference']:+.1f} points | {r['p_value']:.3g} |"
        )
    return out


def _profiles_section(rows: list[dict]) -> list[str]:
    """The strongest fixed splits found: a level where one beats the AI has a dominant plan."""
    out = [
        "",
        "## Fixed splits",
        "",
        "The strongest fixed budget splits (chips/energy/talent/models, no policies) found by a "
        "coarse-to-fine search, each playing both sides against the lab's AI. A split that wins "
        "more than half its games is a dominant strategy: the quarter-by-quarter decisions "
        "would not matter.",
        "",
        "| split | win share | 95% interval | as USA | as China | mean final lead (log10) |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        out.append(
            f"| {row['profile']} | {pct(row['share'])} | {pct(row['ci95'][0])}–"
            f"{pct(row['ci95'][1])} | {pct(row['as_usa'])} | {pct(row['as_china'])} | "
            f"{row['margin_log10']:+.2f} |"
        )
    dominant = any(row["share"] > 0.5 for row in rows)
    out += ["", "A fixed split beats the AI." if dominant else "No fixed split found beats the AI."]
    return out


def write_reports(summary: dict, meta: dict, out: Path) -> dict[str, Path]:
    """report.md (linking the PNGs) and report.html (PNGs embedded); paths by kind."""
    out.mkdir(parents=True, exist_ok=True)
    pngs = draw_charts(summary, out, meta)
    md_path = out / "report.md"
    md_path.write_text(markdown(summary, meta, {k: p.name for k, p in pngs.items()}), "utf-8")
    embedded = {
        k: "data:image/png;base64," + base64.b64encode(p.read_bytes()).decode("ascii")
        for k, p in pngs.items()
    }
    html_path = out / "report.html"
    html_path.write_text(to_html(markdown(summary, meta, embedded), meta), "utf-8")
    return {"markdown": md_path, "html": html_path, **pngs}


def to_html(md: str, meta: dict) -> str:
    """A small Markdown subset (headings, lists, tables, images, code) as one HTML page."""
    body: list[str] = []
    table: list[str] = []

    def flush() -> None:
        if table:
            rows = [r.strip("|").split("|") for r in table if not set(r) <= set("|-")]
            head, *rest = rows
            body.append("<table><tr>" + "".join(f"<th>{_inline(c)}</th>" for c in head) + "</tr>")
            for row in rest:
                body.append("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>")
            body.append("</table>")
            table.clear()

    pre: list[str] | None = None  # lines of a fenced block while inside one
    for line in md.splitlines():
        if line.startswith("```"):
            if pre is None:
                flush()
                pre = []
            else:
                body.append("<pre>" + html.escape("\n".join(pre)) + "</pre>")
                pre = None
            continue
        if pre is not None:
            pre.append(line)
            continue
        if line.startswith("|"):
            table.append(line)
            continue
        flush()
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            body.append(f"<h{level}>{_inline(line.lstrip('# '))}</h{level}>")
        elif line.startswith("![") and "](" in line:
            alt, src = line[2:-1].split("](", 1)
            body.append(f'<p><img alt="{html.escape(alt)}" src="{src}"></p>')
        elif line.startswith("- "):
            body.append(f"<li>{_inline(line[2:])}</li>")
        elif line.strip():
            body.append(f"<p>{_inline(line)}</p>")
    flush()
    title = html.escape(f"Balance report: {meta['level_id']}")
    style = (
        "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#1e1e1e}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
        "padding:.25em .6em;text-align:left}img{max-width:100%}code{background:#f3f3f3}"
    )
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{style}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _inline(text: str) -> str:
    parts = html.escape(text.strip()).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))
