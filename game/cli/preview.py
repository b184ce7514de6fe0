"""`python -m game preview LEVEL --event ID | --policy ID [--quarter Q]`: what one card does.

Prints a table per quarter (the card's modifiers in force, and with − without for chip
supply, chips bought, power and capability) and both arms' win shares with 95% intervals;
`--out DIR` also writes `preview.html` with charts (PNG, drawn by the balance lab's code).
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

from game.balance.preview import ARMS, METRICS, SIDES, Preview, PreviewError, choose_card
from game.balance.stats import wilson_interval

TABLE_METRICS = ("supply", "bought", "energy_gw", "capability")
SHORT = {"supply": "supply", "bought": "bought", "energy_gw": "GW", "capability": "cap"}


def add_preview_parser(sub) -> None:
    p = sub.add_parser(
        "preview", help="what one card changes: the level played with and without it"
    )
    p.add_argument("level", help="level file")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--event", help="id of an event card")
    which.add_argument("--policy", help="id of a policy card")
    p.add_argument("--quarter", help="when the card acts (default: its own quarter, or the first)")
    p.add_argument("--games", type=int, default=10, help="games per arm (same seeds in both)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--usa", default="normal", help="player for the USA")
    p.add_argument("--china", default="normal", help="player for China")
    p.add_argument("--out", help="folder for preview.html and its charts")
    p.add_argument("--json", action="store_true", help="print one JSON object instead")


def cmd_preview(args, out=sys.stdout) -> int:
    from game.balance.preview import run_preview
    from game.cli.common import InputProblem, load_inputs, progress_printer
    from game.players.registry import make_player

    if not 1 <= args.games <= 10_000:
        print("error: --games must be between 1 and 10000", file=sys.stderr)
        return 2
    try:
        loaded = load_inputs(args.level, (args.usa, args.china))
        card = choose_card(loaded.level, args.event, args.policy, args.quarter)
    except InputProblem as problem:
        return problem.report()
    except PreviewError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    print(
        f"preview: {card.kind} '{card.id}' in {card.quarter}, {args.games} games per arm "
        f"({args.usa} vs {args.china}, seeds {args.seed}–{args.seed + args.games - 1})",
        file=sys.stderr,
    )
    try:
        preview = run_preview(
            loaded.level,
            card,
            make_player,
            (args.usa, args.china),
            args.games,
            args.seed,
            progress_printer("preview"),
        )
    except KeyboardInterrupt:
        print("\ninterrupted: no preview written", file=sys.stderr)
        return 130
    if args.json:
        json.dump(preview_dict(preview), out, indent=2)
        out.write("\n")
    else:
        out.write(preview_text(preview))
    if args.out:
        page = write_html(preview, Path(args.out))
        print(f"wrote {page}", file=out if not args.json else sys.stderr)
    return 0


def win_line(preview: Preview, arm: str) -> str:
    result = preview.arms[arm]
    usa = result.wins["usa"] + result.wins["draw"] / 2
    lo, hi = wilson_interval(usa, result.games)
    acted = f"; the card acted in {result.acted} of {result.games}" if arm == "with" else ""
    return (
        f"{arm:>7}: USA wins {usa / result.games:.0%} (95% CI {lo:.0%}–{hi:.0%}), "
        f"China {result.wins['china'] / result.games:.0%}, draws {result.wins['draw']:g}{acted}"
    )


def preview_text(preview: Preview) -> str:
    """The per-quarter table: modifiers in force and with − without, per side."""
    card = preview.card
    lines = [
        f"{card.kind} {card.id} — {card.title} (in {card.quarter})",
        "differences are with − without, mean over the games; supply, bought in million H100e",
        "",
    ]
    head = "  ".join(f"{SHORT[m] + ' ' + s[:2]:>11}" for m in TABLE_METRICS for s in SIDES)
    lines.append(f"{'quarter':8} {head}  in force")
    played = _quarters_played(preview)
    for i, quarter in enumerate(preview.quarters[:played]):
        cells = []
        for metric in TABLE_METRICS:
            for side in SIDES:
                cells.append(f"{_cell(preview.difference(metric, side)[i]):>11}")
        mods = "; ".join(preview.arms["with"].in_force.get(i + 1, []))
        lines.append(f"{quarter:8} {'  '.join(cells)}  {mods}".rstrip())
    if played < len(preview.quarters):
        lines.append(f"(every game was over after {preview.quarters[played - 1]})")
    lines.append("")
    lines += [win_line(preview, arm) for arm in ARMS]
    return "\n".join(lines) + "\n"


def _quarters_played(preview: Preview) -> int:
    """How many quarters at least one game of either arm reached."""
    series = [r.means["capability"]["usa"] for r in preview.arms.values()]
    return max((sum(1 for v in s if v == v) for s in series), default=0)


def _cell(value: float) -> str:
    """A difference as a designer reads it: '–' for no game, 0 for float noise."""
    if value != value:
        return "–"
    if abs(value) < 5e-4:
        return "0"
    return f"{value:+.3f}" if abs(value) < 10 else f"{value:+.1f}"


def preview_dict(preview: Preview) -> dict:
    return {
        "card": vars(preview.card),
        "quarters": preview.quarters,
        "players": list(preview.players),
        "seeds": [preview.seeds.start, preview.seeds.stop - 1],
        "arms": {
            arm: {
                "means": r.means,
                "wins": r.wins,
                "games": r.games,
                "acted": r.acted,
                "in_force": {preview.quarters[t - 1]: m for t, m in r.in_force.items()},
            }
            for arm, r in preview.arms.items()
        },
    }


def write_html(preview: Preview, folder: Path) -> Path:
    """`preview.html` with a chart of the differences and one of each arm's values."""
    from game.balance.charts import curves_grid

    folder.mkdir(parents=True, exist_ok=True)
    card = preview.card
    marker = [(preview.quarters.index(card.quarter), card.title)]
    diff = {METRICS[m]: {s: preview.difference(m, s) for s in SIDES} for m in METRICS}
    curves_grid(
        folder / "difference.png",
        f"What '{card.title}' changes (with − without, mean of {preview.arms['with'].games} games)",
        diff,
        quarters=preview.quarters,
        markers=marker,
    )
    for arm in ARMS:
        values = {METRICS[m]: preview.arms[arm].means[m] for m in METRICS}
        curves_grid(
            folder / f"{arm}.png",
            f"{arm} the card: mean per quarter",
            values,
            quarters=preview.quarters,
            markers=marker if arm == "with" else [],
        )
    table = html.escape(preview_text(preview))
    page = folder / "preview.html"
    page.write_text(
        f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Preview: {html.escape(card.title)}</title>
<style>body{{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#1e1e1e}}
pre{{font-size:12px;overflow-x:auto;background:#f6f6f6;padding:1em}}
img{{max-width:100%}}</style></head><body>
<h1>Preview: {html.escape(card.title)}</h1>
<p>The {card.kind} <code>{html.escape(card.id)}</code> acting in {card.quarter}, against the
same level without it: {preview.arms["with"].games} games per arm on the same seeds
({html.escape(" vs ".join(preview.players))}). The dashed line marks the quarter it acts in.
How effects combine and expire: <code>docs/levels.md</code>, “How effects work”.</p>
<ul>{"".join(f"<li>{html.escape(win_line(preview, arm))}</li>" for arm in ARMS)}</ul>
<h2>What changes</h2><img src="difference.png" alt="differences per quarter">
<h2>Quarter by quarter</h2><pre>{table}</pre>
<h2>Both arms</h2><img src="with.png" alt="with the card"><img src="without.png" alt="without">
</body></html>
""",
        encoding="utf-8",
    )
    return page
