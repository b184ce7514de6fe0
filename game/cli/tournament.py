"""`python -m game tournament LEVEL`: every pairing of players, sides swapped, win shares.

Each pairing plays `--games` games with each player as the USA and as many as China, on
the same seeds (so luck with events evens out), across every core. The matrix shows how
often the row player beat the column player (a draw counts half), with a 95% interval.
"""

from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from itertools import combinations

from game.balance.dispatch import cluster_map, level_text, load_source
from game.balance.stats import binomial_p_two_sided, wilson_interval
from game.cli.common import ClusterProblem, InputProblem, load_inputs, on_cluster, progress_printer
from game.engine import compile_rules
from game.match import play_game
from game.players.registry import make_player

DEFAULT_PLAYERS = "random,easy,normal,hard"
_WORKER: dict = {}


def _init_worker(level_path, think_ms: float | None) -> None:
    """Prepare this process for games of the level (a path, or `LevelText` on a cluster)."""
    _WORKER.update(rules=compile_rules(load_source(level_path).level), think_ms=think_ms)
    _WORKER["players"] = {}


def _player(spec: str):
    cache = _WORKER["players"]
    if spec not in cache:
        cache[spec] = make_player(spec, _WORKER["think_ms"])
    return cache[spec]


def _play(job: tuple[str, str, int]) -> tuple[str, str, int, str | None]:
    """One game: `usa` spec, `china` spec, seed → the winner's side (None: a draw)."""
    usa, china, seed = job
    match = play_game(_WORKER["rules"], {"usa": _player(usa), "china": _player(china)}, seed)
    return usa, china, seed, match.state.outcome.winner


def run_tournament(
    level_path: str,
    players: list[str],
    games: int,
    seed: int,
    think_ms: float | None,
    progress,
    cluster=None,
) -> dict:
    """Every pairing, sides swapped, here or on the Dask `cluster` (a connected client)."""
    jobs = []
    for a, b in combinations(players, 2):
        for s in range(seed, seed + games):
            jobs += [(a, b, s), (b, a, s)]
    score = {(a, b): 0.0 for a in players for b in players}
    by_side = {(a, b, side): 0.0 for a in players for b in players for side in ("usa", "china")}
    workers = min(os.cpu_count() or 1, max(1, len(jobs)))
    pool = None
    if cluster is not None:
        args = (level_text(level_path), think_ms)
        results = cluster_map(cluster, _init_worker, args, _play, jobs)
    elif workers < 2 or len(jobs) < 8:
        _init_worker(level_path, think_ms)
        results = map(_play, jobs)
    else:
        pool = ProcessPoolExecutor(
            workers, initializer=_init_worker, initargs=(level_path, think_ms)
        )
        results = pool.map(_play, jobs, chunksize=max(1, len(jobs) // (workers * 16)))
    try:
        for done, (usa, china, _, winner) in enumerate(results, 1):
            points = {"usa": 0.5, "china": 0.5} if winner is None else {winner: 1.0}
            for me, rival, side in ((usa, china, "usa"), (china, usa, "china")):
                score[me, rival] += points.get(side, 0.0)
                by_side[me, rival, side] += points.get(side, 0.0)
            progress(done, len(jobs))
    finally:
        if pool is not None:
            pool.shutdown()
    matrix = {}
    for a in players:
        for b in players:
            if a == b:
                continue
            n = 2 * games
            lo, hi = wilson_interval(score[a, b], n)
            matrix.setdefault(a, {})[b] = {
                "games": n,
                "win_share": score[a, b] / n,
                "win_share_95ci": [lo, hi],
                "as_usa": by_side[a, b, "usa"] / games,
                "as_china": by_side[a, b, "china"] / games,
                "p_value_vs_even": binomial_p_two_sided(round(score[a, b]), n),
            }
    return {
        "level": level_path,
        "players": players,
        "games_per_side": games,
        "seed": seed,
        "think_ms": think_ms,
        "matrix": matrix,
    }


def format_matrix(result: dict) -> str:
    players = result["players"]
    width = max(8, *(len(p) + 2 for p in players))
    lines = [
        f"win share of the row player against the column player "
        f"({2 * result['games_per_side']} games per pairing, sides swapped)",
        " " * width + "".join(p.rjust(width) for p in players),
    ]
    for a in players:
        cells = []
        for b in players:
            cell = "—" if a == b else f"{100 * result['matrix'][a][b]['win_share']:.1f}%"
            cells.append(cell.rjust(width))
        lines.append(a.ljust(width) + "".join(cells))
    lines.append("")
    for a, b in combinations(players, 2):
        m = result["matrix"][a][b]
        lo, hi = m["win_share_95ci"]
        lines.append(
            f"{a} vs {b}: {100 * m['win_share']:.1f}% (95% CI {100 * lo:.1f}–{100 * hi:.1f}%; "
            f"as USA {100 * m['as_usa']:.1f}%, as China {100 * m['as_china']:.1f}%)"
        )
    return "\n".join(lines)


def cmd_tournament(args) -> int:
    players = [p.strip() for p in args.players.split(",") if p.strip()]
    try:
        load_inputs(args.level, players, args.think_ms)
    except InputProblem as problem:
        return problem.report()
    if len(players) < 2 or len(set(players)) != len(players):
        print("error: name at least two different players, separated by commas", file=sys.stderr)
        return 2
    progress = progress_printer()
    try:
        with on_cluster(getattr(args, "scheduler", None)) as cluster:
            result = run_tournament(
                args.level, players, args.games, args.seed, args.think_ms, progress, cluster
            )
    except ClusterProblem as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    print(json.dumps(result) if args.json else format_matrix(result))
    return 0
