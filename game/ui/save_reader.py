"""The load list's files, read off the UI thread so a slow or stalled file never freezes it.

`SaveListReader(folder)` names the save files at once (nothing is opened) and reads them one
by one in daemon threads. `entries()` is what the screen shows now: every file read so far
in list order, then a "reading…" row for each file still being read. A file that takes
longer than `timeout` seconds becomes a "took too long" problem and a fresh worker goes on
with the others, so one stalled file (a network drive that hangs) never blocks the rest.
Daemon threads do not keep the game from quitting.

`clock` and `read` are parameters so tests can stall a read and move time on without
waiting for it.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

from game.saves import SaveEntry, read_save
from game.saves.problems import SaveProblem
from game.saves.slots import in_list_order, save_paths

#: Seconds one file may take before the list gives up on it (the guarded reader caps the
#: size, so a healthy file takes milliseconds even on a slow machine).
TIMEOUT_S = 10.0


class SaveListReader:
    def __init__(
        self,
        folder: str | Path | None,
        *,
        timeout: float = TIMEOUT_S,
        clock: Callable[[], float] = time.monotonic,
        read: Callable[[Path], object] = read_save,
    ):
        self.paths = save_paths(folder)
        self.timeout = timeout
        self.clock = clock
        self.read = read
        self._lock = threading.Lock()
        self._done: dict[Path, SaveEntry] = {}
        self._started: dict[Path, float] = {}
        self._todo: queue.SimpleQueue[Path] = queue.SimpleQueue()
        for path in self.paths:
            self._todo.put(path)
        self._workers = 0
        if self.paths:
            self._start_worker()

    # --- the workers --------------------------------------------------------------------
    def _start_worker(self) -> None:
        self._workers += 1
        threading.Thread(target=self._work, name="save-list-reader", daemon=True).start()

    def _work(self) -> None:
        while True:
            try:
                path = self._todo.get_nowait()
            except queue.Empty:
                return
            with self._lock:
                self._started[path] = self.clock()
            entry = self._entry(path)
            with self._lock:
                if path in self._done:  # it timed out meanwhile: the list has moved on
                    return
                self._done[path] = entry

    def _entry(self, path: Path) -> SaveEntry:
        try:
            read = self.read(path)
        except Exception as exc:  # a bug in reading is one row, never a frozen screen
            problem = SaveProblem(path.name, "internal", {"error": type(exc).__name__})
            return SaveEntry(path, problem=problem)
        if isinstance(read, SaveProblem):
            return SaveEntry(path, problem=read)
        return SaveEntry(path, save=read)

    # --- what the screen asks -----------------------------------------------------------
    def poll(self) -> None:
        """Give up on files that took too long (and keep the others going)."""
        now = self.clock()
        with self._lock:
            late = [
                p
                for p, began in self._started.items()
                if p not in self._done and now - began > self.timeout
            ]
            for path in late:
                seconds = {"seconds": f"{self.timeout:g}"}
                self._done[path] = SaveEntry(
                    path, problem=SaveProblem(path.name, "timed_out", seconds)
                )
        for _ in late:  # the stalled worker stays blocked: another takes over the queue
            self._start_worker()

    @property
    def reading(self) -> bool:
        """True while some file is still being read (and not yet given up on)."""
        self.poll()
        with self._lock:
            return len(self._done) < len(self.paths)

    def entries(self) -> list[SaveEntry]:
        """Files read so far in list order, then a bare entry (no save, no problem) for each
        file still being read."""
        self.poll()
        with self._lock:
            done = list(self._done.values())
            pending = [SaveEntry(p) for p in self.paths if p not in self._done]
        return in_list_order(done) + pending

    def wait(self, seconds: float) -> bool:
        """Block until every file is read or `seconds` pass (screenshots, the command line);
        True when done."""
        end = time.monotonic() + seconds
        while self.reading and time.monotonic() < end:
            time.sleep(0.01)
        return not self.reading


def is_pending(entry: SaveEntry) -> bool:
    """A row still being read."""
    return entry.save is None and entry.problem is None
