"""Where an exported report goes: the user's documents folder, so a teacher finds it.

`SWARMS_TITANS_HOME` (tests, portable installs) puts reports beside everything else; if
the documents folder is missing or not writable, the game's data folder is used instead.
"""

from __future__ import annotations

from pathlib import Path

from game.paths import reports_dir


def export_report(game, decisions=None, folder: Path | None = None) -> Path:
    """Write the report of `game` into a new folder under `reports_dir()`; report.html path."""
    from game.classroom.played import coerce
    from game.classroom.report import default_folder, write_report

    played = coerce(game)
    out = (folder or reports_dir()) / default_folder(played)
    return write_report(played, out, decisions=decisions)
