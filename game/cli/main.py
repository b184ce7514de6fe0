"""The one entry point: `swarms-vs-titans`, `python -m game` and `python main.py`."""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="swarms-vs-titans",
        description="Swarms vs Titans: the US–China race toward superintelligence.",
    )
    parser.add_argument(
        "--lesson", help="open the game straight into a lesson file (lessons/*.yaml)"
    )
    sub = parser.add_subparsers(dest="command")
    play = sub.add_parser("play", help="open the desktop game (the default)")
    play.add_argument("--level", help="level file to offer first")
    play.add_argument("--designer", action="store_true", help="watch the level file for changes")
    play.add_argument(
        "--lesson", dest="play_lesson", help="open the game straight into a lesson file"
    )

    validate = sub.add_parser("validate", help="check level files and report every problem")
    validate.add_argument(
        "paths", nargs="*", help="level files or folders (default: the levels that ship)"
    )
    validate.add_argument("--format", choices=("text", "json"), default="text")

    sim = sub.add_parser("simulate", help="play many headless games and summarise them")
    sim.add_argument("level", help="level file")
    sim.add_argument("--games", type=_positive, default=100)
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--usa", default="greedy", help="player for the USA")
    sim.add_argument("--china", default="greedy", help="player for China")
    sim.add_argument("--json", action="store_true", help="print one JSON object")
    sim.add_argument("--think-ms", type=_positive, help="thinking time of a `hard` AI (ms)")
    sim.add_argument("--save-dir", help="write one save file per game into this folder")
    _add_scheduler(sim)

    rep = sub.add_parser("replay", help="replay a save headless and report the game")
    rep.add_argument("save", help="save file (.json)")
    rep.add_argument("--verify", action="store_true", help="exit 1 unless the final hash matches")
    rep.add_argument("--json", action="store_true", help="print one JSON object")
    rep.add_argument(
        "--embedded-level", action="store_true", help="use the level copy stored in the save"
    )

    trace = sub.add_parser("trace", help="print one headless game quarter by quarter")
    trace.add_argument("level", help="level file")
    trace.add_argument("--seed", type=int, default=1)
    trace.add_argument("--usa", default="greedy", help="player for the USA")
    trace.add_argument("--china", default="greedy", help="player for China")

    tour = sub.add_parser("tournament", help="play every pairing of players, sides swapped")
    tour.add_argument("level", help="level file")
    tour.add_argument("--games", type=_positive, default=50, help="games per pairing and side")
    tour.add_argument("--players", default="random,easy,normal,hard", help="comma-separated")
    tour.add_argument("--seed", type=int, default=1)
    tour.add_argument("--think-ms", type=_positive, help="thinking time of a `hard` AI (ms)")
    tour.add_argument("--json", action="store_true", help="print one JSON object")
    _add_scheduler(tour)

    schema = sub.add_parser("schema", help="print the level JSON Schema")
    schema.add_argument(
        "--write", action="store_true", help="regenerate levels/schema.json and docs/levels.md"
    )
    schema.add_argument(
        "--level", help="a level file: the schema also lists its chips, cards and sources"
    )

    new_level = sub.add_parser(
        "new-level", help="write a commented level template to the current folder"
    )
    new_level.add_argument("name", help="the new level's id and file name (my-scenario)")
    new_level.add_argument(
        "--out", "--dir", dest="dir", default=None, help="folder to write into (default: here)"
    )

    bal = sub.add_parser("balance", help="balance report: many AI games, restricted play, charts")
    bal.add_argument("level", help="level file")
    bal.add_argument(
        "--games", type=_positive, default=None, help="games per configuration (200; quick: 100)"
    )
    bal.add_argument("--usa", default="normal", help="player for the USA")
    bal.add_argument("--china", default="normal", help="player for China")
    bal.add_argument("--seed", type=int, default=1)
    bal.add_argument("--out", default=None, help="report folder (default: balance-<level id>)")
    bal.add_argument("--no-restricted", action="store_true", help="skip restricted play")
    bal.add_argument(
        "--depth",
        action="store_true",
        help="add the depth report (luck share, decision leverage, …) for up to 100 games",
    )
    bal.add_argument(
        "--profiles",
        action="store_true",
        help="also search for a fixed budget split that beats the AI (see `profiles`)",
    )
    bal.add_argument(
        "--quick",
        action="store_true",
        help="only the win share with its interval (100 games, no restricted play)",
    )
    bal.add_argument(
        "--compare", metavar="OTHER_LEVEL", help="also play OTHER_LEVEL: both odds side by side"
    )
    _add_scheduler(bal)

    prof = sub.add_parser(
        "profiles", help="search for a fixed budget split that beats the AI (a dominant strategy)"
    )
    prof.add_argument("level", help="level file")
    prof.add_argument("--against", default="normal", help="the AI the profiles play")
    prof.add_argument("--games", type=_positive, default=100, help="final games per side")
    prof.add_argument("--seed", type=int, default=1)
    prof.add_argument("--json", action="store_true", help="print one JSON object")

    depth = sub.add_parser(
        "depth", help="the depth report: luck share, decision leverage, predictability, fidelity"
    )
    depth.add_argument("level", help="level file")
    depth.add_argument("--games", type=_positive, default=200, help="normal-vs-normal games")
    depth.add_argument("--seed", type=int, default=2025)
    depth.add_argument(
        "--positions", type=_positive, default=20, help="games whose positions are branched"
    )
    depth.add_argument(
        "--policy-seeds", type=_positive, default=3, help="calm games per removed policy"
    )
    depth.add_argument("--json", action="store_true", help="print one JSON object")
    _add_scheduler(depth)

    sub.add_parser("paths", help="print where levels, saves, settings and reports are")

    from game.ui.shot import add_shot_parser

    add_shot_parser(sub)
    from game.cli.report import add_report_parser

    add_report_parser(sub)
    from game.cli.preview import add_preview_parser

    add_preview_parser(sub)

    from game.cli.class_report import add_class_report_parser

    add_class_report_parser(sub)
    return parser


def _add_scheduler(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="play the games on a Dask cluster (tcp://host:8786; see docs/cluster.md)",
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "play"
    if command == "validate":
        from game.cli.validate import cmd_validate
        from game.paths import LEVELS

        return cmd_validate(args.paths or [str(LEVELS)], fmt=args.format)
    if command == "simulate":
        from game.cli.simulate import cmd_simulate

        return cmd_simulate(args)
    if command == "replay":
        from game.cli.replay import cmd_replay

        return cmd_replay(args.save, args.verify, args.json, args.embedded_level)
    if command == "trace":
        from game.cli.trace import cmd_trace

        return cmd_trace(args)
    if command == "report":
        from game.cli.report import cmd_report

        return cmd_report(args)
    if command == "shot":
        from game.ui.shot import cmd_shot

        return cmd_shot(args)
    if command == "tournament":
        from game.cli.tournament import cmd_tournament

        return cmd_tournament(args)
    if command == "schema":
        from game.levels.schema import cmd_schema

        return cmd_schema(write=args.write, level=args.level)
    if command == "new-level":
        from game.cli.new_level import cmd_new_level

        return cmd_new_level(args.name, args.dir)
    if command == "paths":
        from game.cli.where import cmd_paths

        return cmd_paths()
    if command == "balance":
        from game.cli.balance import cmd_balance

        return cmd_balance(args)
    if command == "depth":
        from game.cli.depth import cmd_depth

        return cmd_depth(args)
    if command == "preview":
        from game.cli.preview import cmd_preview

        return cmd_preview(args)
    if command == "profiles":
        from game.cli.profiles import cmd_profiles

        return cmd_profiles(args)
    if command == "class-report":
        from game.cli.class_report import cmd_class_report

        return cmd_class_report(args)
    from game.app import run_app

    return run_app(
        level=getattr(args, "level", None),
        designer=getattr(args, "designer", False),
        lesson=getattr(args, "play_lesson", None) or args.lesson,
    )


def run() -> int:
    """`main()` for console use: a closed pipe (`... | head`) ends quietly."""
    try:
        return main()
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(run())
