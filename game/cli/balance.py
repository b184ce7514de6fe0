"""`python -m game balance LEVEL`: the balance lab a designer runs on their own level.

Plays `--games` AI-vs-AI games of the level (and as many for each restricted player),
then writes report.md, report.html and the PNG charts into `--out` and prints a summary.
Before a long run it times one game and says how long the run will take; every finished
game goes into `games.jsonl` at once (one JSON object a line, so two runs can be paired
seed by seed), and Ctrl+C still writes the report of the games finished.
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
from game.balance.runner import POOL_MIN_JOBS, Config, game_seconds, record_line, run_lab
from game.cli.common import remaining
from game.levels.model import SIDES, quarter_index, quarter_name

LONG_RUN_S = 20.0
QUICK_GAMES = 100
FULL_GAMES = 200


def lab_configs(usa: str, china: str, restricted: bool = True) -> list[Config]:
    """The baseline pairing, then each side with each lever taken away."""
    configs = [Config(BASELINE, usa, china, detailed=True)]
    if restricted:
        for side in SIDES:
            for restriction in RESTRICTIONS:
                configs.append(Config(f"{side}:no-{restriction}", usa, china, side, restriction))
    return configs


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
    progress = progress_printer("balance", logged=True)
    total = len(configs) * games
    try:
        out.mkdir(parents=True, exist_ok=True)
        lines = (out / "games.jsonl").open("w", encoding="utf-8")
    except OSError as err:
        print(f"error: cannot write the report into {out}: {err.strerror}", file=sys.stderr)
        return 1

    start = time.perf_counter()
    records: list = []
    other_records: list = []
    interrupted = False
    scheduler = getattr(args, "scheduler", None)
    try:
        with on_cluster(scheduler) as cluster:
            if cluster is None:
                estimate(args.level, configs[0], args.seed, total)
            for record in run_lab(
                args.level, configs, games, args.seed, progress=progress, cluster=cluster
            ):
                records.append(record)
                lines.write(json.dumps(record_line(record)) + "\n")
                lines.flush()
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
    except KeyboardInterrupt:
        interrupted = True
        print(
            f"\ninterrupted: writing the report of the {len(records)} games finished",
            file=sys.stderr,
        )
    finally:
        lines.close()
    if not records:
        print("no game finished: nothing to report", file=sys.stderr)
        return 130 if interrupted else 1
    summary = summarise(records, loaded.level)
    if other is not None and other_records:
        summary["compare"] = {
            "level": str(args.compare),
            "level_id": other.level.id,
            "sha256": other.sha256,
            "sides": compare(summary, summarise(other_records, other.level)),
        }
    if getattr(args, "depth", False) and not interrupted:
        from game.balance.depth import measure

        summary["depth"] = measure(
            args.level, games=min(games, 100), seed=args.seed, positions=8, policy_seeds=1
        )
    if getattr(args, "profiles", False) and not interrupted:
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
        "games_planned": total,
        "partial": interrupted,
        "seconds": round(seconds, 1),
        "quarters": _quarters(loaded.level),
        "scripted": _scripted(loaded.level),
        "titles": {c.id: c.title.en for c in [*loaded.level.events, *loaded.level.policies]},
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
    if "compare" in summary:
        print(compare_text(summary["compare"]["sides"], loaded.level.id, other.level.id))
    warning = too_wide(summary["wins"]) if quick else None
    if warning:
        print(warning)
    played = f"{meta['games_total']} games" + (
        " plus the split search" if "profiles" in summary else ""
    )
    print(f"{played} in {seconds:.1f} s; report: {paths['markdown']}, {paths['html']}")
    print(f"every game: {out / 'games.jsonl'}")
    return 130 if interrupted else 0


def estimate(level_path: str, config: Config, seed: int, total: int) -> None:
    """Time one game, then say how long the whole run will take (stderr)."""
    import os

    one = game_seconds(level_path, config, seed)
    # As run_lab: a small run plays in this process, a larger one on every core; cores
    # other programs keep busy do not speed the run up.
    cores = max(1, os.cpu_count() or 1)
    workers = 1 if total < POOL_MIN_JOBS else cores
    busy = _load() - 1  # the game just timed was one of them
    speedup = max(1.0, min(workers, cores - busy)) if workers > 1 else 1.0
    seconds = one * total / speedup
    if seconds < LONG_RUN_S:
        return
    machine = f"{cores} cores" + (f", load {busy + 1:.1f}" if busy > 0.5 else "")
    print(
        f"estimate: about {remaining(seconds)} for {total} games ({one:.1f} s per game here, "
        f"{workers} process{'es' if workers > 1 else ''} on {machine}); the progress lines "
        "update it. Ctrl+C stops early and still writes the report of the games finished.",
        file=sys.stderr,
    )


def _load() -> float:
    """Runnable processes over the last minute (0 where the system does not say)."""
    import os

    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0


def _quarters(level) -> list[str]:
    """The quarter at each point of a curve: the start of every turn, then the game's end."""
    first = quarter_index(level.calendar.start)
    return [quarter_name(first + t) for t in range(level.calendar.turns + 1)]


def _scripted(level) -> list[tuple[int, str]]:
    """(curve index, title) of every event scripted within the calendar."""
    first = quarter_index(level.calendar.start)
    marks = []
    for event in level.events:
        if event.at is not None and 0 <= quarter_index(event.at) - first < level.calendar.turns:
            marks.append((quarter_index(event.at) - first, event.title.en))
    return sorted(marks)
