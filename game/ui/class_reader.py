"""A folder of the class's saves, opened and replayed off the UI thread.

Replaying fourteen games takes seconds on a school PC, so the teacher's screen starts a
`ClassFolderReader` and shows what it has so far. Each save goes through the class report's
own `open_group_game`, so the screen and `class-report` agree on every number; a file that
cannot be opened becomes a skipped row (name and reason) and the others go on.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from game.classroom.overview import GroupGame, Overview, open_group_game, save_files, sort_games
from game.classroom.played import GameUnavailable, PlayedGame


@dataclass(frozen=True)
class ClassRow:
    """One group's game, with the replayed game its debrief opens."""

    game: GroupGame
    played: PlayedGame


class ClassFolderReader:
    def __init__(self, folder: Path):
        self.folder = folder
        self.paths = save_files([folder]) if folder.is_dir() else []
        self._lock = threading.Lock()
        self._rows: list[ClassRow] = []
        self._skipped: list[tuple[str, str]] = []
        self._done = 0
        if self.paths:
            threading.Thread(target=self._work, name="class-folder-reader", daemon=True).start()

    def _work(self) -> None:
        for path in self.paths:
            try:
                game, played = open_group_game(path)
                row, skipped = ClassRow(game, played), None
            except GameUnavailable as exc:
                row, skipped = None, (path.name, exc.message)
            except Exception as exc:  # a bug in one file is one skipped row, never a hang
                row, skipped = None, (path.name, type(exc).__name__)
            with self._lock:
                if row is not None:
                    self._rows.append(row)
                    sort_games_rows(self._rows)
                else:
                    self._skipped.append(skipped)
                self._done += 1

    @property
    def reading(self) -> bool:
        with self._lock:
            return self._done < len(self.paths)

    @property
    def progress(self) -> tuple[int, int]:
        """(files read so far, files in the folder)."""
        with self._lock:
            return self._done, len(self.paths)

    def wait(self, seconds: float) -> bool:
        """Block until every file is read or `seconds` pass (screenshots); True when done."""
        end = time.monotonic() + seconds
        while self.reading and time.monotonic() < end:
            time.sleep(0.01)
        return not self.reading

    def rows(self) -> list[ClassRow]:
        with self._lock:
            return list(self._rows)

    def skipped(self) -> list[tuple[str, str]]:
        with self._lock:
            return list(self._skipped)

    def overview(self) -> Overview:
        """What has been read, in the shape `write_overview` writes."""
        games = [row.game for row in self.rows()]
        sort_games(games)
        return Overview(games=games, problems=self.skipped())


def sort_games_rows(rows: list[ClassRow]) -> None:
    rows.sort(key=lambda r: (r.game.group.lower(), r.game.path.name))
