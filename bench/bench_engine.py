"""Engine speed: turns per second, full games, and `simulate` throughput.

Prints figures and, with --write-readme, updates the README's performance table rows
that start with `| engine` and `| simulate`. Not a test: wall-clock numbers vary by machine.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

from game.engine import Allocation, Orders, compile_rules, new_game, resolve
from game.levels.loader import load_level

ROOT = Path(__file__).resolve().parent.parent
LEVEL = ROOT / "levels" / "cold-ai-war.yaml"


def engine_only(rules, games: int) -> tuple[float, float]:
    """Median ms per full game and turns per second: `resolve` alone, fixed legal orders."""
    orders = {side: Orders(Allocation(0.3, 0.2, 0.15, 0.35)) for side in ("usa", "china")}
    times = []
    for seed in range(games):
        # CPU time of this process: other jobs on a shared machine barely move it.
        start = time.process_time()
        state = new_game(rules, seed)
        while not state.finished:
            state, _ = resolve(rules, state, orders)
        times.append(time.process_time() - start)
    per_game = statistics.median(times)
    return per_game * 1000, rules.turns / per_game


def simulate_throughput(games: int) -> float:
    from game.cli.simulate import run_games

    start = time.perf_counter()
    for _ in run_games(str(LEVEL), games, 1, "greedy", "greedy"):
        pass
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=1000, help="games for the simulate figure")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    rules = compile_rules(load_level(LEVEL).level)
    ms, tps = engine_only(rules, 200)
    print(f"engine: {ms:.2f} ms CPU per 24-turn game (median of 200), {tps:,.0f} turns/s")
    seconds = simulate_throughput(args.games)
    print(
        f"simulate: {args.games} greedy-vs-greedy games in {seconds:.1f} s "
        f"({args.games / seconds:,.0f} games/s, {os.cpu_count()} cores)"
    )
    if args.write_readme:
        readme = ROOT / "README.md"
        text = readme.read_text(encoding="utf-8")
        cores = os.cpu_count()
        rows = {
            "engine": f"| engine | one 24-turn game, fixed orders (CPU time) | {ms:.2f} ms "
            f"({tps:,.0f} turns/s) | < 5 ms |",
            "simulate": f"| simulate | {args.games} greedy-vs-greedy games, {cores} cores "
            f"| {seconds:.1f} s | < 30 s |",
        }
        for key, row in rows.items():
            text = re.sub(rf"^\| {key} \|.*$", row, text, flags=re.M)
        readme.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
