"""`python -m game depth LEVEL`: the depth report (see `game.balance.depth`)."""

from __future__ import annotations

import json

from game.balance.depth import measure
from game.balance.depth_text import format_report


def cmd_depth(args) -> int:
    import sys

    from game.cli.common import (
        ClusterProblem,
        InputProblem,
        load_inputs,
        on_cluster,
        progress_printer,
    )

    try:
        load_inputs(args.level, ("normal",))
    except InputProblem as problem:
        return problem.report()
    printers: dict = {}

    def progress(stage: str, done: int, total: int) -> None:
        printers.setdefault(stage, progress_printer(stage))(done, total)

    try:
        with on_cluster(getattr(args, "scheduler", None)) as cluster:
            report = measure(
                args.level,
                games=args.games,
                seed=args.seed,
                positions=args.positions,
                policy_seeds=args.policy_seeds,
                progress=progress,
                cluster=cluster,
            )
    except ClusterProblem as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print(format_report(report))
    return 0
