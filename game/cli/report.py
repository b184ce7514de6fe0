"""`python -m game report SAVE --out DIR [--lang de|en]`: the classroom report of a save.

Prints the path of report.html; a save that cannot be opened, or whose replay does not
reach the saved game, gives one plain sentence and exit code 1, never a traceback.
"""

from __future__ import annotations

import os
import sys


def cmd_report(args) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.classroom.played import GameUnavailable, from_save
    from game.classroom.report import write_report
    from game.i18n import set_language
    from game.ui.settings import load_settings

    lang = args.lang or load_settings().language
    set_language(lang)
    try:
        game = from_save(args.save, strict=True)
    except GameUnavailable as exc:
        print(f"report: {exc.message}", file=sys.stderr)
        return 1
    try:
        path = write_report(game, args.out, lang=lang)
    except OSError as exc:
        print(f"report: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


def add_report_parser(sub) -> None:
    """Register `report` on the CLI's subparsers."""
    p = sub.add_parser("report", help="write the classroom report (HTML, Markdown, CSV) of a save")
    p.add_argument("save", help="save file (.json)")
    p.add_argument("--out", required=True, help="folder to write the report into")
    p.add_argument("--lang", choices=("en", "de"), help="language (default: the game's setting)")
