"""Balance-lab throughput: games per second for the pairings a designer actually runs.

For each pairing it measures the CPU time of whole games in this process (what a game
costs, barely moved by other jobs on a shared machine) and the games per second
`simulate` reaches on every core (wall clock, so it varies with the machine's load; the
load average is printed beside it). With --write-readme it writes the rows starting with
`| lab ` into the README's performance table. Not a test: speed is never asserted.

    python bench/bench_lab.py [--quick] [--write-readme]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

from game.engine import compile_rules
from game.levels.loader import load_level
from game.match import play_game
from game.players.registry import make_player

ROOT = Path(__file__).resolve().parent.parent
LEVEL = ROOT / "levels" / "cold-ai-war.yaml"
# (usa, china, games for the CPU figure, games for the all-cores figure)
PAIRINGS = (
    ("greedy", "greedy", 200, 1000),
    ("easy", "easy", 100, 400),
    ("normal", "normal", 12, 80),
    ("hard#8", "normal", 3, 12),
)


def cpu_per_game(rules, usa: str, china: str, games: int) -> float:
    """Seconds of CPU one game takes in this process (mean over seeds 2025…)."""
    players = {"usa": make_player(usa), "china": make_player(china)}
    start = time.process_time()
    for seed in range(2025, 2025 + games):
        play_game(rules, players, seed)
    return (time.process_time() - start) / games


def games_per_second(usa: str, china: str, games: int) -> float:
    """What `simulate` reaches on every core (wall clock, the process pool included)."""
    from game.cli.simulate import run_games

    start = time.perf_counter()
    for _ in run_games(str(LEVEL), games, 2025, usa, china):
        pass
    return games / (time.perf_counter() - start)


def load_average() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a quarter of the games")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    rules = compile_rules(load_level(LEVEL).level)
    cores = os.cpu_count() or 1
    rows = {}
    for usa, china, cpu_games, pool_games in PAIRINGS:
        if args.quick:
            cpu_games, pool_games = max(2, cpu_games // 4), max(4, pool_games // 4)
        cpu = cpu_per_game(rules, usa, china, cpu_games)
        load = load_average()
        rate = games_per_second(usa, china, pool_games)
        ceiling = cores / cpu
        pairing = f"{usa} vs {china}"
        print(
            f"{pairing:>17}: {1000 * cpu:8.1f} ms CPU per game ({cpu_games} games); "
            f"{rate:8.1f} games/s on {cores} cores ({pool_games} games, load {load:.1f}); "
            f"CPU-bound ceiling {ceiling:.1f} games/s"
        )
        rows[pairing] = (
            f"| lab {pairing} | games per second on {cores} cores, `simulate` "
            f"(CPU per game) | {rate:,.1f} games/s ({1000 * cpu:,.1f} ms CPU; ceiling "
            f"{ceiling:,.1f}/s) | {_goal(pairing)} |"
        )
    if args.write_readme:
        write_readme(rows)
    return 0


def _goal(pairing: str) -> str:
    return "≥ 16 games/s" if pairing == "normal vs normal" else "–"


def write_readme(rows: dict[str, str]) -> None:
    """Replace the `| lab …` rows of the performance table (added after `| simulate`)."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    text = re.sub(r"^\| lab .*\n", "", text, flags=re.M)
    block = "".join(row + "\n" for row in rows.values())
    text, found = re.subn(r"^(\| simulate \|.*\n)", lambda m: m.group(1) + block, text, flags=re.M)
    if not found:
        raise SystemExit("README.md has no `| simulate |` row to put the lab rows after")
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
