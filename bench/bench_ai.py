"""Decision time per difficulty on the main level: p50 and p95 in milliseconds.

    python bench/bench_ai.py [LEVEL] [--games 3] [--think-ms 1000]

Targets (issue 4): easy ≤ 2 ms, normal ≤ 50 ms, hard within its budget + 10%.
Decisions are timed over whole games (every quarter, both sides), against `easy`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.engine import compile_rules, view_for
from game.levels.loader import load_level
from game.match import Match, player_rng
from game.players.registry import make_player


def time_decisions(rules, spec: str, games: int, think_ms: float) -> list[float]:
    times = []
    for seed in range(1, games + 1):
        for side in ("usa", "china"):
            match = Match.start(rules, seed)
            me, rival = make_player(spec, think_ms), make_player("easy")
            rngs = {s: player_rng(seed, s) for s in ("usa", "china")}
            while not match.finished:
                other = "china" if side == "usa" else "usa"
                started = time.perf_counter()
                mine = me.decide(rules, view_for(rules, match.state, side), rngs[side])
                times.append(1000 * (time.perf_counter() - started))
                theirs = rival.decide(rules, view_for(rules, match.state, other), rngs[other])
                match.play_turn({side: mine, other: theirs})
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("level", nargs="?", default="levels/cold-ai-war.yaml")
    parser.add_argument("--games", type=int, default=3)
    parser.add_argument("--think-ms", type=float, default=1000)
    args = parser.parse_args()
    rules = compile_rules(load_level(args.level).level)
    targets = {"easy": 2.0, "normal": 50.0, "hard": args.think_ms * 1.1}
    print(f"{'player':<10}{'decisions':>10}{'p50 ms':>10}{'p95 ms':>10}{'target':>10}")
    for spec in ("easy", "normal", "hard"):
        games = args.games if spec != "hard" else max(1, args.games // 3)
        times = time_decisions(rules, spec, games, args.think_ms)
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        verdict = "ok" if p95 <= targets[spec] else "SLOW"
        print(f"{spec:<10}{len(times):>10}{p50:>10.2f}{p95:>10.2f}{targets[spec]:>9.0f}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
