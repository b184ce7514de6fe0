"""From game records to the figures of a balance report: plain dicts, ready for JSON."""

from __future__ import annotations

from collections import Counter

from game.balance.runner import STOCKS, GameRecord
from game.balance.stats import binomial_p_two_sided, median, wilson_interval
from game.levels.model import SIDES, Level

BASELINE = "baseline"


def win_figures(records: list[GameRecord], side: str) -> dict:
    n = len(records)
    wins = sum(r.winner == side for r in records)
    lo, hi = wilson_interval(wins, n)
    return {
        "games": n,
        "wins": wins,
        "share": wins / n if n else 0.0,
        "ci95": [lo, hi],
        "p_vs_half": binomial_p_two_sided(wins, n),
    }


def summarise(records: list[GameRecord], level: Level) -> dict:
    """Everything the report shows, computed from the baseline and restricted games."""
    by_config: dict[str, list[GameRecord]] = {}
    for record in records:
        by_config.setdefault(record.config, []).append(record)
    base = by_config.get(BASELINE, [])
    return {
        "games": len(base),
        "wins": {side: win_figures(base, side) for side in SIDES},
        "draws": sum(r.winner is None for r in base),
        "reasons": dict(Counter(r.reason for r in base)),
        "length": _length(base, level.calendar.turns),
        "curves": _mean_curves(base),
        "events": _events(base, level),
        "policies": _policies(base, level),
        "restricted": _restricted(by_config, base),
    }


def _length(records: list[GameRecord], turns: int) -> dict:
    lengths = [r.final_turn for r in records]
    counts = Counter(lengths)
    return {
        "median": median(lengths) if lengths else 0,
        "min": min(lengths, default=0),
        "max": max(lengths, default=0),
        "histogram": {t: counts.get(t, 0) for t in range(1, turns + 1)},
        "superintelligence_share": sum(r.reason in ("superintelligence", "margin") for r in records)
        / max(1, len(records)),
    }


def _mean_curves(records: list[GameRecord]) -> dict[str, dict[str, list[float]]]:
    """Mean of every stock per turn; a game that ended early holds its last value."""
    detailed = [r for r in records if r.curves]
    if not detailed:
        return {}
    length = max(len(r.curves[SIDES[0]]["capability"]) for r in detailed)
    out: dict[str, dict[str, list[float]]] = {}
    for stock in STOCKS:
        out[stock] = {}
        for side in SIDES:
            sums = [0.0] * length
            for r in detailed:
                series = r.curves[side][stock]
                for t in range(length):
                    sums[t] += series[min(t, len(series) - 1)]
            out[stock][side] = [s / len(detailed) for s in sums]
    return out


def _events(records: list[GameRecord], level: Level) -> dict:
    n = max(1, len(records))
    counts = Counter(e for r in records for e in set(r.events))
    fired = {e.id: counts.get(e.id, 0) / n for e in level.events}
    return {
        "share_of_games": fired,
        "never_fired": [e.id for e in level.events if counts.get(e.id, 0) == 0],
    }


def _policies(records: list[GameRecord], level: Level) -> dict:
    out = {}
    for policy in level.policies:
        side = policy.side
        used = [r for r in records if policy.id in r.policies.get(side, [])]
        unused = [r for r in records if policy.id not in r.policies.get(side, [])]
        out[policy.id] = {
            "side": side,
            "games_used": len(used),
            "share_of_games": len(used) / max(1, len(records)),
            "plays": sum(r.policies.get(side, []).count(policy.id) for r in records),
            "win_share_when_used": _share(used, side),
            "win_share_when_not": _share(unused, side),
        }
    return out


def _share(records: list[GameRecord], side: str) -> float | None:
    if not records:
        return None
    return sum(r.winner == side for r in records) / len(records)


def _restricted(by_config: dict[str, list[GameRecord]], base: list[GameRecord]) -> list[dict]:
    rows = []
    for name, records in by_config.items():
        if name == BASELINE or not records:
            continue
        side, _, restriction = name.partition(":no-")
        figures = win_figures(records, side)
        baseline = win_figures(base, side)["share"] if base else None
        figures.update(
            side=side,
            restriction=restriction,
            baseline_share=baseline,
            change_points=None if baseline is None else 100 * (figures["share"] - baseline),
        )
        rows.append(figures)
    return rows
