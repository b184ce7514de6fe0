"""`swarms-vs-titans paths`: where the game reads its levels and keeps the player's files.

For a school's IT admin (and a portable bundle's owner): one look says what to back up,
what a wiped profile loses, and whether the portable mode is in force. Creates nothing.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from game import paths


def cmd_paths(out: TextIO | None = None) -> int:
    out = out if out is not None else sys.stdout
    portable = paths.portable_home()
    rows = (
        ("levels (shipped)", paths.LEVELS),
        ("saves", paths.saves_dir()),
        ("settings", paths.config_dir() / "settings.json"),
        ("reports", paths.reports_dir()),
        ("crash logs", paths.crash_dir()),
    )
    for name, where in rows:
        out.write(f"{name + ':':<18} {where}\n")
    mode = f"portable (beside the program, {portable})" if portable else "per user"
    if os.environ.get(paths.HOME_ENV):
        mode = f"moved by ${paths.HOME_ENV}"
    out.write(f"{'user data:':<18} {mode}\n")
    return 0
