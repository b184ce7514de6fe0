"""`python -m game class-report SAVES_OR_FOLDER... --out DIR`: one page for the whole class.

Reads every save named (or every *.json in the folders named, e.g. a USB stick), writes
class.html (prints on one A4 page), class.csv and the chart, and prints the
page's path. Files that cannot be read are named on the page and on stderr; exit 1 only
when no game at all could be opened.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from game.classroom.spreadsheet import DIALECTS


def cmd_class_report(args) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.classroom.overview import class_overview
    from game.classroom.overview_page import write_overview
    from game.i18n import set_language
    from game.ui.settings import load_settings

    set_language(args.lang or load_settings().language)
    overview = class_overview(args.saves)
    for name, reason in overview.problems:
        print(f"class-report: {name}: {reason}", file=sys.stderr)
    if not overview.games:
        print("class-report: no game could be opened from the files named", file=sys.stderr)
        return 1
    try:
        page = write_overview(overview, Path(args.out), args.csv_dialect)
    except OSError as exc:
        print(f"class-report: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(page)
    return 0


def add_class_report_parser(sub) -> None:
    p = sub.add_parser(
        "class-report", help="one overview page (HTML + CSV) of every group's saved game"
    )
    p.add_argument("saves", nargs="+", help="save files or folders of saves")
    p.add_argument("--out", required=True, help="folder to write class.html and class.csv into")
    p.add_argument("--lang", choices=("en", "de"), help="language (default: the game's setting)")
    p.add_argument(
        "--csv-dialect",
        choices=DIALECTS,
        help="de: ';' and decimal comma; en: ',' and decimal point (default: the language's)",
    )
