"""The save folder as the player sees it: named slots, the autosave, and the load list.

Listing reads and checks every file but replays none (that happens when one is opened), so
the load screen stays quick; a file that cannot be read is listed as a problem entry that
names it, and every other save is still listed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.levels.loader import LoadedLevel
from game.match import Match
from game.saves.build import PlayersSpec, save_from_match
from game.saves.format import BranchOf, SaveGame
from game.saves.load import LoadResult, load_save
from game.saves.problems import SaveProblem
from game.saves.storage import (
    AUTOSAVE,
    SUFFIX,
    read_save,
    saves_dir,
    slot_name,
    slot_path,
    write_save,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SaveEntry:
    """One line of the load screen: a readable save, or a problem naming the file."""

    path: Path
    save: SaveGame | None = None
    problem: SaveProblem | None = None

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def is_autosave(self) -> bool:
        return self.path.stem == AUTOSAVE

    @property
    def ok(self) -> bool:
        return self.save is not None


def list_saves(folder: str | Path | None = None) -> list[SaveEntry]:
    """Every *.json in the save folder, newest first; problems last. Never raises."""
    entries = []
    for path in save_paths(folder):
        read = read_save(path)
        if isinstance(read, SaveProblem):
            entries.append(SaveEntry(path, problem=read))
        else:
            entries.append(SaveEntry(path, save=read))
    return in_list_order(entries)


def save_paths(folder: str | Path | None = None) -> list[Path]:
    """The files the load list shows, by name (nothing is opened); [] if the folder is not
    there or cannot be listed."""
    root = saves_dir(folder)
    try:
        return sorted(p for p in root.iterdir() if _is_save_name(p))
    except OSError:
        return []


def in_list_order(entries: list[SaveEntry]) -> list[SaveEntry]:
    """Good saves newest first, then the files with a problem."""
    good = sorted(
        (e for e in entries if e.save is not None and e.ok),
        key=lambda e: e.save.updated if e.save is not None else "",
        reverse=True,
    )
    return good + [e for e in entries if not e.ok]


def _is_save_name(path: Path) -> bool:
    return path.suffix == SUFFIX and not path.name.startswith(".")


def _continues(old: SaveGame | SaveProblem, new: SaveGame) -> bool:
    """Is `new` the same game as `old`, played on (so it keeps the creation date)?"""
    if isinstance(old, SaveProblem):
        return False
    same = old.seed == new.seed and old.level.sha256 == new.level.sha256
    return same and [t.orders for t in old.turns] == [t.orders for t in new.turns[: len(old.turns)]]


def save_match(
    match: Match,
    loaded: LoadedLevel,
    slot: str,
    mode: str | None = None,
    players: PlayersSpec | None = None,
    *,
    folder: str | Path | None = None,
    title: str | None = None,
    branch_of: BranchOf | None = None,
) -> Path:
    """Write `match` to a named slot (atomically). Raises OSError if the disk refuses."""
    path = slot_path(slot, folder)
    save = save_from_match(match, loaded, mode, players, title=title, branch_of=branch_of)
    if path.exists():
        old = read_save(path)
        if isinstance(old, SaveGame) and _continues(old, save):
            save = save.model_copy(update={"created": old.created})
    return write_save(save, path)


def autosave_match(
    match: Match,
    loaded_level: LoadedLevel,
    mode: str | None = None,
    players: PlayersSpec | None = None,
    *,
    folder: str | Path | None = None,
) -> Path | None:
    """Called by the turn flow after every turn. Returns the path, or None when the disk
    refused (an autosave must never interrupt play; the next turn tries again)."""
    try:
        return save_match(match, loaded_level, AUTOSAVE, mode, players, folder=folder)
    except OSError as exc:
        log.warning("autosave to %s failed: %s", saves_dir(folder), exc.strerror or exc)
        return None


def autosave_path(folder: str | Path | None = None) -> Path:
    return slot_path(AUTOSAVE, folder)


def autosave_exists(folder: str | Path | None = None) -> bool:
    """Is there an unfinished autosaved game to offer as Continue?"""
    path = autosave_path(folder)
    if not path.is_file():
        return False
    save = read_save(path)
    return isinstance(save, SaveGame) and not save.finished


def load_autosave(folder: str | Path | None = None, **kwargs: Any) -> LoadResult:
    """Open the autosave (Continue on the title menu)."""
    return load_save(autosave_path(folder), **kwargs)


def save_simulated_game(
    folder: str | Path, match: Match, loaded: LoadedLevel, players: dict[str, str]
) -> Path:
    """One file per headless game (`simulate --save-dir`), named by level, players and seed."""
    stem = f"sim-{loaded.level.id}-{players['usa']}-vs-{players['china']}-seed{match.seed}"
    path = Path(folder) / (slot_name(stem) + SUFFIX)
    return write_save(save_from_match(match, loaded, "ai_vs_ai", players, title=stem), path)
