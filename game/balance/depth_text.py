"""The depth report in words: each figure beside its target (shared by `python -m game
depth` and the balance report's Depth section)."""

from __future__ import annotations

from game.balance.depth import LEVERAGE_QUARTERS, LEVERS, TARGETS


def _mark(ok: bool) -> str:
    return "met" if ok else "NOT met"


def format_report(r: dict) -> str:
    """The report as plain text, each figure beside its target."""
    t, ok = TARGETS, r["checks"]
    lines = [
        f"depth report: {r['level']}, {r['games']} normal-vs-normal games; "
        f"the USA wins {r['usa_win_share']:.0%}",
        "",
    ]
    lines.append(
        f"luck share (R² of the final gap on the random events fired): {r['luck_share']:.0%}"
        f"  target ≤ {t['luck_share_max']:.0%}  {_mark(ok['luck_share'])}"
    )
    lines.append(
        f"decision leverage (spread of the final lead over the plans, months; "
        f"target ≥ {t['leverage_min_months']:g}): {_mark(ok['leverage'])}"
    )
    for q in LEVERAGE_QUARTERS:
        v = r["leverage"].get(str(q))
        if v:
            lines.append(
                f"  Q{q:<3} mean {v['mean']:5.1f}  median {v['median']:5.1f}  "
                f"min {v['min']:5.1f}  ({v['positions']} positions)"
            )
    single = r.get("leverage_one_quarter")
    if single:
        lines.append(
            "the same plans for that one quarter only, the AI playing on (months; no target):"
        )
        for q in LEVERAGE_QUARTERS:
            v = single.get(str(q))
            if v:
                lines.append(
                    f"  Q{q:<3} mean {v['mean']:5.1f}  median {v['median']:5.1f}  "
                    f"min {v['min']:5.1f}  ({v['positions']} positions)"
                )
    curve = r["predictability"]
    lines.append(
        "predictability (the side ahead after turn t wins; < 90% before 14, ≥ 90% by 20): "
        + _mark(ok["predictability"])
    )
    lines.append("  " + " ".join(f"{i + 1}:{p:.0%}" for i, p in enumerate(curve) if p is not None))
    lines.append(
        f"policy values (owner's lead with the card minus without, random events off; "
        f"target ≥ {t['policy_value_min_months']:g} month): {_mark(ok['policy_values'])}"
    )
    for pid, months in sorted(r["policy_values"].items(), key=lambda kv: kv[1]):
        lines.append(f"  {months:+6.2f}  {pid}")
    lines.append(f"lever shares of the normal AI's spending by year: {_mark(ok['lever_shares'])}")
    for side, years in r["lever_shares"].items():
        for year, shares in years.items():
            cells = "  ".join(f"{lv} {shares[lv]:4.0%}" for lv in LEVERS)
            lines.append(f"  {side:5} {year}  {cells}")
    si = r["superintelligence"]
    lines.append(
        f"superintelligence: {si['share']:.0%} of games, {si['distinct_quarters']} distinct "
        f"quarters, earliest {si['earliest']}  {_mark(ok['superintelligence'])}"
    )
    if si["by_quarter"]:
        lines.append("  " + "  ".join(f"{q}:{n}" for q, n in si["by_quarter"].items()))
    fid = r["fidelity"]
    lines.append("fidelity (medians):")
    lines.append(
        f"  largest physical US run in 2025: 10^{fid['us_run_2025_log10']:.2f} FLOP "
        f"(target 2e26–1e27)  {_mark(ok['fidelity_run_2025'])}"
    )
    lines.append(
        f"  physical frontier compute growth 2025–27: ×{fid['compute_growth_per_year']:.1f}/yr "
        f"(target ×3–6)  {_mark(ok['fidelity_growth'])}"
    )
    lines.append(
        f"  lag (Epoch time shift): end 2025 {fid['lag_2025_months']:.1f}, end 2026 "
        f"{fid['lag_2026_months']:.1f} months (target 4–14)  {_mark(ok['fidelity_lag'])}"
    )
    lines.append(
        f"  US AI budget 2025: ${fid['us_budget_2025_bn']:.0f} bn (target $416 bn ±15%)  "
        f"{_mark(ok['fidelity_budget'])}"
    )
    return "\n".join(lines)
