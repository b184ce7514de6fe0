"""The depth report: do decisions decide, or do the dice?

Measured on `normal` vs `normal` games (what players meet), it answers the questions of
"Decisions decide" (issue 11) with numbers and a target each:

- luck share: how much of the final gap's variance the fired random events explain (R²);
- decision leverage: from real positions, how far the final lead moves across a fixed set of
  sane plans for the rest of the game (`ALTERNATIVES`), in months; and, without a target,
  how far it moves when only that one quarter's split changes (the AI plays on from there):
  the reviewers' "a mid-game decision moves the result by a tenth of a month";
- predictability: how often the side ahead after each quarter goes on to win;
- policy values: what each policy is worth to its owner (random events off, the policy
  removed from the level, the game replayed);
- lever shares: the normal AI's spending per lever and year;
- superintelligence: how often, and in how many distinct quarters, it is reached;
- fidelity: the model against the real 2025–27 figures (Epoch AI, the level's sources).

The measuring runs in worker processes; each returns plain numbers.
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from game.engine.formulas import time_shift_months
from game.engine.rules import other
from game.levels.model import SIDES

LEVERS = ("chips", "energy", "talent", "models")
LEVERAGE_QUARTERS = (1, 8, 12, 16, 20)
# The sane plans a player might follow for the rest of the game from a position: the AI's
# own play, and one fixed split leaning on each lever (no policies). A plan that is never
# sane (all on one lever) is left out, so the spread measures choices a player would weigh.
ALTERNATIVES = (
    "normal",
    "fixed:25/25/25/25",
    "fixed:55/15/15/15",
    "fixed:15/55/15/15",
    "fixed:15/15/55/15",
    "fixed:15/15/15/55",
)

TARGETS = {
    "luck_share_max": 0.35,
    "leverage_min_months": 2.0,
    "predictability_before_14_max": 0.90,
    "predictability_by_20_min": 0.90,
    "policy_value_min_months": 0.5,
    "lever_share_min": 0.10,
    "lever_share_max": 0.60,
    "si_share": (0.40, 0.85),
    "si_distinct_quarters_min": 6,
    "si_earliest": "2027Q4",
    "us_run_2025_log10": (math.log10(2e26), 27.0),
    "compute_growth_per_year": (3.0, 6.0),
    "lag_months": (4.0, 14.0),
    "us_budget_2025_bn": (416 * 0.85, 416 * 1.15),
}


@dataclass
class GameFacts:
    """What one normal-vs-normal game contributes to the report."""

    seed: int
    winner: str | None
    reason: str
    final_turn: int
    final_gap_months: float  # USA minus China, in months of the reference pace
    random_events: dict[str, int] = field(default_factory=dict)
    leader_after: list[str | None] = field(default_factory=list)  # per turn
    spending: dict[str, list[list[float]]] = field(default_factory=dict)  # side -> turn -> lever $
    si_quarter: str | None = None
    us_physical_run_2025: float = 0.0  # log10 FLOP, the largest physical US run in 2025
    physical_frontier: list[float] = field(default_factory=list)  # per turn, both sides' max
    lag_2025: float = 0.0
    lag_2026: float = 0.0
    us_budget_2025: float = 0.0


_WORKER: dict = {}


def _init(level_path) -> None:
    """Prepare this process for the level (a path, or `LevelText` on a cluster)."""
    from game.balance.dispatch import load_source
    from game.engine import compile_rules

    _WORKER.clear()
    _WORKER["rules"] = compile_rules(load_source(level_path).level)


def _player(spec: str):
    from game.players.registry import make_player

    key = ("player", spec)
    if key not in _WORKER:
        _WORKER[key] = make_player(spec)
    return _WORKER[key]


def _play_from(rules, state, players: dict, seed: int):
    """Play from `state` to the end; the players' dice depend on the seed and the quarter."""
    from game.engine import view_for
    from game.engine.rng import Rng
    from game.match import Match

    match = Match(rules, seed, state, [state])
    rngs = {side: Rng(seed * 7 + state.turn * 131 + i) for i, side in enumerate(SIDES)}
    while not match.finished:
        decisions = {
            side: players[side].decide(rules, view_for(rules, match.state, side), rngs[side])
            for side in SIDES
        }
        match.play_turn(decisions)
    return match


def gap_months(rules, state) -> float:
    """The final lead of the USA over China in months (negative: China ahead)."""
    f = state.factions
    return rules.lag_months(f["usa"].frontier_log10 - f["china"].frontier_log10)


def _physical_run_log10(event, faction) -> float | None:
    if event.run_log10 is None:
        return None
    return event.run_log10 - math.log10(max(faction.algo_efficiency, 1e-12))


def game_facts(seed: int) -> tuple[GameFacts, dict[int, object]]:
    """One normal-vs-normal game; also the states at the start of the leverage quarters."""
    from game.engine import events as ev
    from game.match import play_game

    rules = _WORKER["rules"]
    match = play_game(rules, {side: _player("normal") for side in SIDES}, seed)
    state = match.state
    facts = GameFacts(
        seed,
        state.outcome.winner,
        state.outcome.reason,
        state.outcome.turn,
        gap_months(rules, state),
    )
    history = [{s: match.states[0].factions[s].frontier_log10 for s in SIDES}]
    physical_best = -math.inf
    for record, after in zip(match.turns, match.states[1:], strict=True):
        history.append({s: after.factions[s].frontier_log10 for s in SIDES})
        fu, fc = history[-1]["usa"], history[-1]["china"]
        facts.leader_after.append(None if fu == fc else ("usa" if fu > fc else "china"))
        before = match.states[record.turn - 1]
        for side in SIDES:
            budget = before.factions[side].budget
            policy = record.orders[side].policy
            if policy is not None:
                budget -= rules.policies[policy].cost_bn.value
            shares = record.orders[side].allocation.as_tuple()
            facts.spending.setdefault(side, []).append([max(0.0, budget) * s for s in shares])
        for event in record.events:
            if isinstance(event, ev.CardFired) and event.random:
                facts.random_events[event.event] = facts.random_events.get(event.event, 0) + 1
            if isinstance(event, ev.TrainingRun):
                physical = _physical_run_log10(event, after.factions[event.side])
                if physical is not None:
                    physical_best = max(physical_best, physical)
                    if event.side == "usa" and record.turn <= 4:
                        facts.us_physical_run_2025 = max(facts.us_physical_run_2025, physical)
        facts.physical_frontier.append(physical_best)
        if record.turn <= 4:
            facts.us_budget_2025 += before.factions["usa"].budget
    if state.outcome.reason in ("superintelligence", "margin"):
        facts.si_quarter = rules.quarter(state.outcome.turn)
    if len(history) > 4:
        facts.lag_2025 = time_shift_months(rules, history, 4)
    if len(history) > 8:
        facts.lag_2026 = time_shift_months(rules, history, 8)
    positions = {q: match.states[q - 1] for q in LEVERAGE_QUARTERS if q - 1 < len(match.states) - 1}
    return facts, positions


def _facts_task(seed: int):
    return game_facts(seed)


class _ForOneQuarter:
    """A plan for the position's quarter only; `normal` plays every quarter after it."""

    def __init__(self, plan: str, turn: int):
        self.plan, self.turn = plan, turn

    def decide(self, rules, view, rng):
        spec = self.plan if view.state.turn == self.turn else "normal"
        return _player(spec).decide(rules, view, rng)


def leverage_of(position_state, deciding: str, seed: int, one_quarter: bool = False) -> list[float]:
    """The deciding side's final lead (months) under each alternative plan from a position,
    followed for the rest of the game or (`one_quarter`) for this quarter only."""
    rules = _WORKER["rules"]
    leads = []
    for plan in ALTERNATIVES:
        mine = _ForOneQuarter(plan, position_state.turn) if one_quarter else _player(plan)
        players = {deciding: mine, other(deciding): _player("normal")}
        final = _play_from(rules, position_state, players, seed).state
        lead = gap_months(rules, final)
        leads.append(lead if deciding == "usa" else -lead)
    return leads


def _leverage_task(job):
    quarter, seed, deciding, state, one_quarter = job
    return quarter, one_quarter, leverage_of(state, deciding, seed, one_quarter)


def policy_value_task(job) -> tuple[str | None, str, float]:
    """The owner's final lead (months) with random events off and `policy` removed."""
    policy, seed = job
    rules = _WORKER["rules"]
    calm = dataclasses.replace(rules, random_events=(), _base_cache={})
    owner = "usa"
    if policy is not None:
        owner = rules.policies[policy].side
        kept = {pid: p for pid, p in rules.policies.items() if pid != policy}
        calm = dataclasses.replace(calm, policies=kept)
    from game.engine import new_game

    final = _play_from(calm, new_game(calm, seed), {s: _player("normal") for s in SIDES}, seed)
    return policy, owner, gap_months(calm, final.state)


def _pool_map(
    level_path: str, fn, jobs: list, workers: int, progress, stage: str, cluster=None
) -> list:
    done: list = []
    if cluster is not None:
        from game.balance.dispatch import cluster_map, level_text

        for result in cluster_map(cluster, _init, (level_text(level_path),), fn, jobs, chunk=1):
            done.append(result)
            if progress:
                progress(stage, len(done), len(jobs))
        return done
    if workers < 2 or len(jobs) < 4:
        _init(level_path)
        for job in jobs:
            done.append(fn(job))
            if progress:
                progress(stage, len(done), len(jobs))
        return done
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(level_path,)) as pool:
        for result in pool.map(fn, jobs, chunksize=1):
            done.append(result)
            if progress:
                progress(stage, len(done), len(jobs))
    return done


def measure(
    level_path: str,
    games: int = 200,
    seed: int = 2025,
    positions: int = 20,
    policy_seeds: int = 3,
    workers: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    cluster=None,
) -> dict:
    """Play everything the report needs and summarise it (see `summarise`), here or on the
    Dask `cluster` (a connected client)."""
    workers = workers or os.cpu_count() or 1
    seeds = list(range(seed, seed + games))
    results = _pool_map(level_path, _facts_task, seeds, workers, progress, "games", cluster)
    facts = [f for f, _ in results]
    jobs = []
    for i, (f, states) in enumerate(results[:positions]):
        deciding = SIDES[i % 2]
        for quarter, state in states.items():
            jobs += [(quarter, f.seed, deciding, state, one) for one in (False, True)]
    both = _pool_map(level_path, _leverage_task, jobs, workers, progress, "leverage", cluster)
    leverage = [(q, leads) for q, one, leads in both if not one]
    one_quarter = [(q, leads) for q, one, leads in both if one]
    _init(level_path)
    rules = _WORKER["rules"]
    policy_jobs = [
        (p, s) for p in [None, *rules.policies] for s in range(seed, seed + policy_seeds)
    ]
    values = _pool_map(
        level_path, policy_value_task, policy_jobs, workers, progress, "policies", cluster
    )
    return summarise(rules, facts, leverage, values, one_quarter)


def summarise(
    rules, facts: list[GameFacts], leverage: list, values: list, one_quarter: list = ()
) -> dict:
    """Every figure of the report, with its target and whether it is met."""
    report: dict = {"games": len(facts), "level": rules.level_id}
    report["usa_win_share"] = sum(
        1.0 if f.winner == "usa" else 0.5 if f.winner is None else 0.0 for f in facts
    ) / max(1, len(facts))
    report["luck_share"] = luck_share(facts)
    report["leverage"] = leverage_summary(leverage)
    report["leverage_one_quarter"] = leverage_summary(list(one_quarter))
    report["predictability"] = predictability(facts, rules.turns)
    report["policy_values"] = policy_values(rules, values)
    report["lever_shares"] = lever_shares(rules, facts)
    report["superintelligence"] = superintelligence(facts)
    report["fidelity"] = fidelity(facts)
    report["checks"] = checks(report, rules)
    return report


def luck_share(facts: list[GameFacts]) -> float:
    """R² of the final gap regressed on how often each random event fired."""
    ids = sorted({card for f in facts for card in f.random_events})
    y = [f.final_gap_months for f in facts]
    columns = []
    for card in ids:
        col = [float(f.random_events.get(card, 0)) for f in facts]
        if max(col) != min(col):
            columns.append(col)
    return r_squared(columns, y)


def r_squared(columns: list[list[float]], y: list[float]) -> float:
    """Ordinary least squares with an intercept, solved by Gauss–Jordan on the normal equations."""
    n = len(y)
    if n < 3 or not columns:
        return 0.0
    x = [[1.0, *(col[i] for col in columns)] for i in range(n)]
    k = len(x[0])
    a = [[sum(x[r][i] * x[r][j] for r in range(n)) for j in range(k)] for i in range(k)]
    b = [sum(x[r][i] * y[r] for r in range(n)) for i in range(k)]
    beta = solve(a, b)
    mean = sum(y) / n
    total = sum((v - mean) ** 2 for v in y)
    if total <= 0:
        return 0.0
    fitted = [sum(beta[j] * x[r][j] for j in range(k)) for r in range(n)]
    residual = sum((y[r] - fitted[r]) ** 2 for r in range(n))
    return max(0.0, 1.0 - residual / total)


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a·x = b; a singular direction (collinear events) gets a zero coefficient."""
    k = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(k):
        pivot = max(range(col, k), key=lambda r: abs(m[r][col]))
        if abs(m[pivot][col]) < 1e-9:
            for r in range(k):
                m[r][col] = 0.0
            m[col][col] = 1.0
            m[col][k] = 0.0
            continue
        m[col], m[pivot] = m[pivot], m[col]
        p = m[col][col]
        m[col] = [v / p for v in m[col]]
        for r in range(k):
            if r != col and m[r][col] != 0:
                factor = m[r][col]
                m[r] = [v - factor * w for v, w in zip(m[r], m[col], strict=True)]
    return [m[i][k] for i in range(k)]


def leverage_summary(leverage: list) -> dict:
    by_quarter: dict[int, list[float]] = {}
    for quarter, leads in leverage:
        by_quarter.setdefault(quarter, []).append(max(leads) - min(leads))
    out = {}
    for quarter in sorted(by_quarter):
        spreads = sorted(by_quarter[quarter])
        out[str(quarter)] = {
            "mean": sum(spreads) / len(spreads),
            "median": spreads[len(spreads) // 2],
            "min": spreads[0],
            "positions": len(spreads),
        }
    return out


def predictability(facts: list[GameFacts], turns: int) -> list[float | None]:
    curve: list[float | None] = []
    for t in range(turns):
        hits = count = 0.0
        for f in facts:
            if t >= len(f.leader_after):
                continue
            count += 1
            leader = f.leader_after[t]
            if f.winner is None or leader is None:
                hits += 0.5
            elif leader == f.winner:
                hits += 1
        curve.append(hits / count if count else None)
    return curve


def policy_values(rules, values: list) -> dict[str, float]:
    baseline = [gap for policy, _, gap in values if policy is None]
    base = sum(baseline) / len(baseline) if baseline else 0.0
    sums: dict[str, list[float]] = {}
    for policy, owner, gap in values:
        if policy is None:
            continue
        sign = 1.0 if owner == "usa" else -1.0
        sums.setdefault(policy, []).append(sign * (base - gap))
    return {pid: sum(v) / len(v) for pid, v in sorted(sums.items())}


def lever_shares(rules, facts: list[GameFacts]) -> dict[str, dict[str, dict[str, float]]]:
    out: dict[str, dict[str, dict[str, float]]] = {}
    for side in SIDES:
        per_year: dict[str, list[float]] = {}
        for f in facts:
            for t, spend in enumerate(f.spending.get(side, []), start=1):
                year = rules.quarter(t)[:4]
                acc = per_year.setdefault(year, [0.0] * 4)
                for i, v in enumerate(spend):
                    acc[i] += v
        out[side] = {
            year: {lever: v / max(1e-9, sum(acc)) for lever, v in zip(LEVERS, acc, strict=True)}
            for year, acc in sorted(per_year.items())
        }
    return out


def superintelligence(facts: list[GameFacts]) -> dict:
    quarters = sorted(f.si_quarter for f in facts if f.si_quarter)
    counts: dict[str, int] = {}
    for q in quarters:
        counts[q] = counts.get(q, 0) + 1
    return {
        "share": len(quarters) / max(1, len(facts)),
        "distinct_quarters": len(counts),
        "earliest": quarters[0] if quarters else None,
        "by_quarter": counts,
    }


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else float("nan")


def fidelity(facts: list[GameFacts]) -> dict:
    def growth(f: GameFacts) -> float:
        if len(f.physical_frontier) < 12:
            return float("nan")
        return 10 ** ((f.physical_frontier[11] - f.physical_frontier[3]) / 2)

    return {
        "us_run_2025_log10": _median([f.us_physical_run_2025 for f in facts]),
        "compute_growth_per_year": _median([growth(f) for f in facts]),
        "lag_2025_months": _median([f.lag_2025 for f in facts]),
        "lag_2026_months": _median([f.lag_2026 for f in facts]),
        "us_budget_2025_bn": _median([f.us_budget_2025 for f in facts]),
    }


def checks(report: dict, rules) -> dict[str, bool]:
    t = TARGETS
    pred = report["predictability"]
    before = [p for p in pred[:13] if p is not None]
    by20 = [p for p in pred[19:] if p is not None]
    shares = report["lever_shares"]
    lever_ok = all(
        all(any(year[lv] >= t["lever_share_min"] for year in shares[s].values()) for lv in LEVERS)
        and all(max(year.values()) <= t["lever_share_max"] for year in shares[s].values())
        for s in SIDES
    )
    si = report["superintelligence"]
    fid = report["fidelity"]
    return {
        "luck_share": report["luck_share"] <= t["luck_share_max"],
        "leverage": all(v["mean"] >= t["leverage_min_months"] for v in report["leverage"].values())
        and len(report["leverage"]) == len(LEVERAGE_QUARTERS),
        "predictability": all(p < t["predictability_before_14_max"] for p in before)
        and all(p >= t["predictability_by_20_min"] for p in by20),
        "policy_values": all(
            v >= t["policy_value_min_months"] for v in report["policy_values"].values()
        ),
        "lever_shares": lever_ok,
        "superintelligence": t["si_share"][0] <= si["share"] <= t["si_share"][1]
        and si["distinct_quarters"] >= t["si_distinct_quarters_min"]
        and (si["earliest"] is None or si["earliest"] >= t["si_earliest"]),
        "fidelity_run_2025": _within(fid["us_run_2025_log10"], t["us_run_2025_log10"]),
        "fidelity_growth": _within(fid["compute_growth_per_year"], t["compute_growth_per_year"]),
        "fidelity_lag": _within(fid["lag_2025_months"], t["lag_months"])
        and _within(fid["lag_2026_months"], t["lag_months"]),
        "fidelity_budget": _within(fid["us_budget_2025_bn"], t["us_budget_2025_bn"]),
    }


def _within(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]
