"""`python -m game balance LEVEL`: the balance lab a designer runs on their own level.

Plays `--games` AI-vs-AI games of the level (and as many for each restricted player),
then writes report.md, report.html and the PNG charts into `--out` and prints a summary.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from game.balance.analysis import BASELINE, summarise
from game.balance.compare import compare, compare_text, too_wide
from game.balance.players import RESTRICTIONS
from game.balance.profiles import rows as profile_rows
from game.balance.profiles import search
from game.balance.report import summary_text, write_reports
from game.balance.runner import Config, run_lab
from game.levels.model import SIDES


def lab_configs(usa: str, china: str, restricted: bool = True) -> list[Config]:
    """The baseline pairing, then each side with each lever taken away."""
    configs = [Config(BASELINE, usa, china, detailed=True)]
    if restricted:
        for side in SIDES:
            for restriction in RESTRICTIONS:
                configs.append(Config(f"{side}:no-{restriction}", usa, china, side, restriction))
    return configs


QUICK_GAMES = 100
FULL_GAMES = 200


def cmd_balance(args) -> int:
    from game import __version__
    from game.cli.common import (
        ClusterProblem,
        InputProblem,
        load_inputs,
        on_cluster,
        progress_printer,
    )

    quick = getattr(args, "quick", False)
    games = args.games or (QUICK_GAMES if quick else FULL_GAMES)
    try:
        loaded = load_inputs(args.level, (args.usa, args.china))
        other = None
        if getattr(args, "compare", None):
            other = load_inputs(args.compare, ())
    except InputProblem as problem:
        return problem.report()
    out = Path(args.out or f"balance-{loaded.level.id}")
    restricted = not (quick or getattr(args, "no_restricted", False))
    configs = lab_configs(args.usa, args.china, restricted)
    progress = progress_printer()

    start = time.perf_counter()
    try:
        with on_cluster(getattr(args, "scheduler", None)) as cluster:
            records = list(
                run_lab(args.level, configs, games, args.seed, progress=progress, cluster=cluster)
            )
            other_records = []
            if other is not None:
                baseline = lab_configs(args.usa, args.china, False)
                other_records = list(
                    run_lab(
                        args.compare, baseline, games, args.seed, progress=progress, cluster=cluster
                    )
                )
    except ClusterProblem as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    summary = summarise(records, loaded.level)
    if other is not None:
        summary["compare"] = {
            "level": str(args.compare),
            "level_id": other.level.id,
            "sha256": other.sha256,
            "sides": compare(summary, summarise(other_records, other.level)),
        }
    if getattr(args, "profiles", False):
        # The profile plays one side against the lab's player on the other side.
        rivals = {"usa": args.china, "china": args.usa}
        found = search(args.level, rivals, final_games=min(games, 100), seed=args.seed)
        summary["profiles"] = profile_rows(found)
    seconds = time.perf_counter() - start
    meta = {
        "level": str(args.level),
        "level_id": loaded.level.id,
        "sha256": loaded.sha256,
        "version": __version__,
        "usa": args.usa,
        "china": args.china,
        "seed": args.seed,
        "games_total": len(records) + len(other_records),
        "seconds": round(seconds, 1),
        "command": " ".join(["python -m game balance", *sys.argv[2:]])
        if sys.argv[1:2] == ["balance"]
        else f"python -m game balance {args.level} --games {games}",
    }
    try:
        paths = write_reports(summary, meta, out)
        (out / "summary.json").write_text(
            json.dumps({"meta": meta, **summary}, indent=1), encoding="utf-8"
        )
    except OSError as err:
        print(f"error: cannot write the report into {out}: {err.strerror}", file=sys.stderr)
        return 1
    print(summary_text(summary, meta))
    if other is not None:
        print(compare_text(summary["compare"]["sides"], loaded.level.id, other.level.id))
    warning = too_wide(summary["wins"]) if quick else None
    if warning:
        print(warning)
    played = f"{meta['games_total']} games" + (
        " plus the split search" if "profiles" in summary else ""
    )
    print(f"{played} in {seconds:.1f} s; report: {paths['markdown']}, {paths['html']}")
    return 0
