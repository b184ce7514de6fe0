"""How long checking a level takes: YAML parse (libyaml vs pure Python), the full check, the
dry run. Prints figures; no assertions. Run: python bench/level_check.py [LEVEL...]"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from game.balance.trial import check_dry_run
from game.levels.diagnostics import Reporter
from game.levels.loader import check_level_file
from game.levels.yaml_safe import FastLevelYamlLoader, LevelYamlLoader

ROOT = Path(__file__).resolve().parents[1]


def best(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def compose(cls, text: str) -> None:
    loader = cls(text)
    try:
        loader.get_single_node()
    finally:
        loader.dispose()


def report(path: str) -> None:
    text = Path(path).read_text(encoding="utf-8")
    loaded, _ = check_level_file(path)
    rows = [("compose, pure Python", lambda: compose(LevelYamlLoader, text))]
    if FastLevelYamlLoader is not None:
        rows.append(("compose, libyaml", lambda: compose(FastLevelYamlLoader, text)))
    rows.append(("full check", lambda: check_level_file(path)))
    if loaded is not None:
        rows.append(("of which dry run", lambda: check_dry_run(loaded.level, Reporter(path, text))))
    print(f"{Path(path).name} ({len(text.splitlines())} lines)")
    for label, fn in rows:
        print(f"  {label:<22}: {1000 * best(fn):7.1f} ms")


def main(paths: list[str]) -> None:
    for path in paths or sorted(str(p) for p in (ROOT / "levels").glob("*.yaml")):
        report(path)


if __name__ == "__main__":
    main(sys.argv[1:])
