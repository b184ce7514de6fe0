"""`python -m game simulate`: many headless games between built-in players, summarised."""

from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from game.balance.dispatch import cluster_map, level_text, load_source
from game.balance.stats import median, wilson_interval
from game.balance.workers import bounded_map, die_with_parent, stop_pool
from game.cli.common import ClusterProblem, InputProblem, load_inputs, on_cluster, progress_printer
from game.engine import compile_rules
from game.levels.model import SIDES
from game.match import play_game
from game.players.registry import make_player, with_think_ms

POOL_THRESHOLD = 40
MAX_CHUNK = 32  # games per task: small enough that Ctrl+C never waits on a long batch
#: More games than this would not fit in memory as results; the run is refused up front.
MAX_GAMES = 1_000_000


@dataclass(frozen=True)
class GameResult:
    winner: str | None
    reason: str
    final_turn: int
    start_lag_months: float
    end_lag_months: float


def _lag(rules, state) -> float:
    """USA's lead in months (negative when China leads)."""
    f = state.factions
    return rules.lag_months(f["usa"].frontier_log10 - f["china"].frontier_log10)


_WORKER: dict = {}


def _init_worker(level_path, usa: str, china: str, save_dir: str | None = None) -> None:
    """Prepare this process for games of the level (a path, or `LevelText` on a cluster)."""
    loaded = load_source(level_path)
    rules = compile_rules(loaded.level)
    _WORKER.update(rules=rules, players={"usa": make_player(usa), "china": make_player(china)})
    _WORKER.update(loaded=loaded, specs={"usa": usa, "china": china}, save_dir=save_dir)


def _play_one(seed: int) -> GameResult:
    rules, players = _WORKER["rules"], _WORKER["players"]
    match = play_game(rules, players, seed)
    if _WORKER.get("save_dir"):
        from game.saves import save_simulated_game

        save_simulated_game(_WORKER["save_dir"], match, _WORKER["loaded"], _WORKER["specs"])
    outcome = match.state.outcome
    return GameResult(
        outcome.winner,
        outcome.reason,
        outcome.turn,
        _lag(rules, match.states[0]),
        _lag(rules, match.state),
    )


def _init_pool_worker(*args) -> None:
    die_with_parent()
    _init_worker(*args)


def run_games(
    level_path: str,
    games: int,
    seed: int,
    usa: str,
    china: str,
    progress=None,
    save_dir=None,
    cluster=None,
):
    """Play `games` games (seeds seed..seed+games-1), across all cores when it pays, or on
    the Dask `cluster` (a connected client); with `save_dir`, each game is also written
    there as a save file. Results come in seed order as they finish; stopping early
    (Ctrl+C) stops the workers too."""
    seeds = range(seed, seed + games)
    if cluster is not None:
        args = (level_text(level_path), usa, china)
        for i, result in enumerate(cluster_map(cluster, _init_worker, args, _play_one, seeds)):
            yield result
            if progress:
                progress(i + 1, games)
        return
    workers = os.cpu_count() or 1
    if games < POOL_THRESHOLD or workers < 2:
        _init_worker(level_path, usa, china, save_dir)
        for i, s in enumerate(seeds):
            yield _play_one(s)
            if progress:
                progress(i + 1, games)
        return
    chunk = max(1, min(MAX_CHUNK, games // (workers * 8)))
    pool = ProcessPoolExecutor(
        workers, initializer=_init_pool_worker, initargs=(level_path, usa, china, save_dir)
    )
    finished = False
    try:
        for i, result in enumerate(bounded_map(pool, _play_one, seeds, chunk, workers)):
            yield result
            if progress:
                progress(i + 1, games)
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:  # Ctrl+C, an error, or the caller stopped reading
            stop_pool(pool)


def summarise(results: list[GameResult], usa: str, china: str) -> dict:
    n = len(results)
    wins = {side: sum(r.winner == side for r in results) for side in SIDES}
    turns = [r.final_turn for r in results]
    return {
        "games": n,
        "players": {"usa": usa, "china": china},
        "wins": wins,
        "win_share": {s: wins[s] / n if n else 0.0 for s in SIDES},
        "win_share_95ci": {s: list(wilson_interval(wins[s], n)) for s in SIDES},
        "draws": sum(r.winner is None for r in results),
        "superintelligence_share": sum(r.reason in ("superintelligence", "margin") for r in results)
        / max(1, n),
        "median_final_turn": median(turns) if turns else 0,
        "final_turn_range": [min(turns), max(turns)] if turns else [0, 0],
        "start_lag_months": median([r.start_lag_months for r in results]) if n else 0.0,
        "end_lag_months": median([r.end_lag_months for r in results]) if n else 0.0,
    }


def format_summary(s: dict) -> str:
    lines = [f"games: {s['games']}  (usa: {s['players']['usa']}, china: {s['players']['china']})"]
    for side in SIDES:
        lo, hi = s["win_share_95ci"][side]
        lines.append(
            f"{side:>5} wins: {s['wins'][side]:5d}  {100 * s['win_share'][side]:5.1f}%"
            f"  (95% CI {100 * lo:.1f}–{100 * hi:.1f}%)"
        )
    lines.append(f"draws: {s['draws']}")
    lines.append(f"superintelligence reached in {100 * s['superintelligence_share']:.1f}% of games")
    lo, hi = s["final_turn_range"]
    lines.append(f"final turn: median {s['median_final_turn']:g} (range {lo}–{hi})")
    lines.append(
        f"capability lag (USA lead, months): start {s['start_lag_months']:.1f}, "
        f"end (median) {s['end_lag_months']:.1f}"
    )
    return "\n".join(lines)


def cmd_simulate(args) -> int:
    if args.games > MAX_GAMES:
        print(
            f"error: --games {args.games:,} is more than one run can hold; "
            f"play at most {MAX_GAMES:,} games per run (several runs with other --seed values "
            "add up)",
            file=sys.stderr,
        )
        return 2
    think_ms = getattr(args, "think_ms", None)
    if think_ms:
        args.usa, args.china = (with_think_ms(p, think_ms) for p in (args.usa, args.china))
    try:
        load_inputs(args.level, (args.usa, args.china))
    except InputProblem as problem:
        return problem.report()
    save_dir = getattr(args, "save_dir", None)
    scheduler = getattr(args, "scheduler", None)
    if scheduler and save_dir:
        print(
            "error: --save-dir writes on this machine, so it cannot be combined with "
            "--scheduler; save a few games with a local run instead",
            file=sys.stderr,
        )
        return 2
    if save_dir:
        problem = _save_dir_problem(save_dir)
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 1
    progress = progress_printer()
    results: list[GameResult] = []
    interrupted = False
    try:
        with on_cluster(scheduler) as cluster:
            for result in run_games(
                args.level, args.games, args.seed, args.usa, args.china, progress, save_dir, cluster
            ):
                results.append(result)
    except ClusterProblem as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        interrupted = True
    except OSError as err:  # a save could not be written: the disk is full or read-only
        where = getattr(err, "filename", None) or save_dir
        print(
            f"\nerror: cannot write a save into {where}: {err.strerror or err}; "
            f"stopped after {len(results)} games",
            file=sys.stderr,
        )
        return 1
    summary = summarise(results, args.usa, args.china)
    if interrupted:
        print(
            f"\ninterrupted: {len(results)} of {args.games} games finished; "
            "the summary covers those",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(summary))
    else:
        print(format_summary(summary))
    return 130 if interrupted else 0


def _save_dir_problem(save_dir: str) -> str | None:
    """One sentence when the save folder cannot be made or written to, else None."""
    try:
        os.makedirs(save_dir, exist_ok=True)
    except OSError as err:
        return f"cannot create the save folder {save_dir}: {err.strerror or err}"
    if not os.access(save_dir, os.W_OK):
        return f"cannot write into the save folder {save_dir}: permission denied"
    return None
