"""`python -m game profiles LEVEL`: is there a fixed budget split that beats the AI?

Prints the strongest fixed profiles found (`game.balance.profiles.search`) with their win
share against the AI on each side and over both, and says whether any of them beats it.
"""

from __future__ import annotations

import json
import time

from game.balance.profiles import rows as profile_rows
from game.balance.profiles import search


def cmd_profiles(args) -> int:
    from game.cli.common import InputProblem, load_inputs, progress_printer

    try:
        load_inputs(args.level, (args.against,))
    except InputProblem as problem:
        return problem.report()
    printers: dict = {}

    def progress(stage: str, done: int, total: int) -> None:
        printers.setdefault(stage, progress_printer(stage))(done, total)

    start = time.perf_counter()
    results = search(
        args.level, args.against, final_games=args.games, seed=args.seed, progress=progress
    )
    seconds = time.perf_counter() - start
    rows = profile_rows(results)
    beaten = [row for row in rows if row["share"] > 0.5]
    if args.json:
        print(json.dumps({"against": args.against, "rows": rows, "seconds": seconds}, indent=1))
        return 0
    print(f"strongest fixed profiles against {args.against} (C/E/T/M percent, no policies):")
    for row in rows:
        lo, hi = row["ci95"]
        print(
            f"  {row['profile']:<20} wins {row['share']:6.1%} (95% CI {lo:.1%}–{hi:.1%})"
            f"  as USA {row['as_usa']:6.1%}  as China {row['as_china']:6.1%}"
            f"  final lead {row['margin_log10']:+.2f} log10"
            f"  ({row['games_per_side']} games per side)"
        )
    if beaten:
        print(f"a fixed profile beats {args.against}: the level has a dominant split")
    else:
        print(f"no fixed profile found that beats {args.against}")
    print(f"{seconds:.0f} s")
    return 0
