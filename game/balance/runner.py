"""Play the lab's games across every core: the baseline pairing and each restricted player.

Each game comes back as a small plain record (winner, length, stock curves, cards played),
so worker processes send little and the analysis needs no engine objects.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from game.levels.model import SIDES

# stock name -> how to read it from (rules, faction state)
STOCKS: dict[str, Callable] = {
    "capability": lambda r, f: r.capability(f.frontier_log10),
    "budget": lambda r, f: f.budget,
    "income": lambda r, f: f.income,
    "chips_m_h100e": lambda r, f: f.fleet_h100e / 1e6,
    "energy_gw": lambda r, f: f.energy_gw,
    "idle_share": lambda r, f: f.idle_share,
    "interconnect": lambda r, f: f.interconnect,
    "talent": lambda r, f: f.talent,
    "algo_log10": lambda r, f: math.log10(max(f.algo_efficiency, 1e-12)),
    "adoption": lambda r, f: f.adoption,
    "confidence": lambda r, f: f.confidence,
}


@dataclass(frozen=True)
class Config:
    """One pairing to play: `restriction` (if any) applies to `restricted_side`."""

    name: str
    usa: str
    china: str
    restricted_side: str | None = None
    restriction: str | None = None
    detailed: bool = False


@dataclass
class GameRecord:
    config: str
    seed: int
    winner: str | None
    reason: str
    final_turn: int
    frontier: dict[str, float] = field(default_factory=dict)  # log10 FLOP at the end
    curves: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    events: list[str] = field(default_factory=list)
    policies: dict[str, list[str]] = field(default_factory=dict)


_CACHE: dict = {}
POOL_MIN_JOBS = 8  # fewer games play in this process: starting workers would cost more


def _init_pool(level_path: str) -> None:
    from game.balance.workers import die_with_parent

    die_with_parent()
    _init(level_path)


def _init(level_path) -> None:
    """Prepare this process for games of the level (a path, or `LevelText` on a cluster)."""
    from game.balance.dispatch import load_source
    from game.engine import compile_rules

    _CACHE.clear()
    _CACHE["rules"] = compile_rules(load_source(level_path).level)


def _player(spec: str, restriction: str | None):
    from game.balance.players import RestrictedPlayer
    from game.players.registry import make_player

    key = (spec, restriction)
    if key not in _CACHE:
        inner = make_player(spec)
        _CACHE[key] = RestrictedPlayer(inner, restriction) if restriction else inner
    return _CACHE[key]


def play_one(config: Config, seed: int) -> GameRecord:
    """One game of `config` with `seed`, in this process (after `_init`)."""
    from game.match import play_game

    rules = _CACHE["rules"]
    players = {
        side: _player(
            getattr(config, side),
            config.restriction if side == config.restricted_side else None,
        )
        for side in SIDES
    }
    match = play_game(rules, players, seed)
    outcome = match.state.outcome
    record = GameRecord(
        config.name,
        seed,
        outcome.winner,
        outcome.reason,
        outcome.turn,
        {side: match.state.factions[side].frontier_log10 for side in SIDES},
    )
    if config.detailed:
        record.curves = {
            side: {
                name: [read(rules, s.factions[side]) for s in match.states]
                for name, read in STOCKS.items()
            }
            for side in SIDES
        }
        record.events = sorted(match.state.fired)
        record.policies = {
            side: [t.orders[side].policy for t in match.turns if t.orders[side].policy]
            for side in SIDES
        }
    return record


def _task(job: tuple[Config, int]) -> GameRecord:
    return play_one(*job)


def run_lab(
    level_path: str,
    configs: list[Config],
    games: int,
    seed: int = 1,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cluster=None,
) -> Iterator[GameRecord]:
    """Every config × `games` seeds (the same seeds for every config: paired comparisons).

    Records come in job order as they finish; stopping early (Ctrl+C, or the caller no
    longer reading) stops the workers too, so what finished can still be reported."""
    from game.balance.workers import bounded_map, stop_pool

    jobs = [(c, s) for c in configs for s in range(seed, seed + games)]
    if cluster is not None:
        from game.balance.dispatch import cluster_map, level_text

        results = cluster_map(cluster, _init, (level_text(level_path),), _task, jobs)
        for i, record in enumerate(results):
            yield record
            if progress:
                progress(i + 1, len(jobs))
        return
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(jobs) < POOL_MIN_JOBS:
        _init(level_path)
        for i, job in enumerate(jobs):
            yield _task(job)
            if progress:
                progress(i + 1, len(jobs))
        return
    chunk = max(1, min(8, len(jobs) // (workers * 16)))
    pool = ProcessPoolExecutor(workers, initializer=_init_pool, initargs=(level_path,))
    finished = False
    try:
        for i, record in enumerate(bounded_map(pool, _task, jobs, chunk, workers)):
            yield record
            if progress:
                progress(i + 1, len(jobs))
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:
            stop_pool(pool)


def game_seconds(level_path: str, config: Config, seed: int) -> float:
    """Wall time of one game of `config` here and now, for an honest estimate of a run."""
    import time

    _init(level_path)
    start = time.perf_counter()
    play_one(config, seed)
    return time.perf_counter() - start


def record_line(record: GameRecord) -> dict:
    """One game for `games.jsonl`: enough to pair two runs seed by seed, no curves."""
    return {
        "config": record.config,
        "seed": record.seed,
        "winner": record.winner,
        "reason": record.reason,
        "final_turn": record.final_turn,
        "frontier_log10": record.frontier,
        "events": record.events,
        "policies": record.policies,
    }
