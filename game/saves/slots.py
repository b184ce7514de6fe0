"""The save folder as the player sees it: named slots, every game's own file, the load list.

Every game is autosaved into a file of its own, named by level, seed, group and the time it
began (`game_slot`), so the next game never overwrites it; a file that already holds another
game is never written over (`autosave_match` picks a free name instead). Continue opens the
newest unfinished game. Listing reads and checks every file but replays none (that happens
when one is opened), so the load screen stays quick; a file that cannot be read is listed as
a problem entry that names it, and every other save is still listed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
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


def game_slot(level_id: str, seed: int, group: str = "", when: datetime | None = None) -> str:
    """The file stem of one game: 'classroom-45-seed-4711-gruppe-3-20261130-0845'."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M")
    parts = [level_id, f"seed-{seed}", slot_name(group) if group.strip() else "", stamp]
    return slot_name("-".join(p for p in parts if p))


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
    group: str = "",
) -> Path:
    """Write `match` to a named slot (atomically). Raises OSError if the disk refuses."""
    path = slot_path(slot, folder)
    save = save_from_match(
        match, loaded, mode, players, title=title, branch_of=branch_of, group=group
    )
    if path.exists():
        old = read_save(path)
        if isinstance(old, SaveGame) and _continues(old, save):
            save = save.model_copy(update={"created": old.created})
    return write_save(save, path)


def holds_other_game(path: Path, match: Match, loaded: LoadedLevel) -> bool:
    """Would writing `match` to `path` replace a different game (or an unreadable file)?"""
    if not path.exists():
        return False
    old = read_save(path)
    return not (isinstance(old, SaveGame) and _continues(old, save_from_match(match, loaded)))


def free_slot(stem: str, match: Match, loaded: LoadedLevel, folder: str | Path | None) -> str:
    """`stem`, or `stem-2`, `stem-3`, … : the first slot that holds no other game."""
    candidate, number = slot_name(stem), 1
    while holds_other_game(slot_path(candidate, folder), match, loaded):
        number += 1
        candidate = f"{slot_name(stem)[:56]}-{number}"
    return candidate


def autosave_match(
    match: Match,
    loaded_level: LoadedLevel,
    mode: str | None = None,
    players: PlayersSpec | None = None,
    *,
    folder: str | Path | None = None,
    slot: str | None = None,
    group: str = "",
) -> Path | None:
    """Called by the turn flow after every turn: the game goes to its own file (`slot`,
    by default named by `game_slot`), never over another game's. Returns the path, or
    None when the disk refused (an autosave must never interrupt play; the next turn
    tries again)."""
    stem = slot or game_slot(loaded_level.level.id, match.seed, group)
    try:
        stem = free_slot(stem, match, loaded_level, folder)
        return save_match(match, loaded_level, stem, mode, players, folder=folder, group=group)
    except OSError as exc:
        log.warning("autosave to %s failed: %s", saves_dir(folder), exc.strerror or exc)
        return None


def latest_unfinished(folder: str | Path | None = None) -> Path | None:
    """The newest unfinished game in the folder (what Continue opens), or None."""
    for entry in list_saves(folder):
        if entry.save is not None and not entry.save.finished:
            return entry.path
    return None


def autosave_path(folder: str | Path | None = None) -> Path:
    """The game Continue opens: the newest unfinished one (else the old autosave.json)."""
    return latest_unfinished(folder) or slot_path(AUTOSAVE, folder)


def autosave_exists(folder: str | Path | None = None) -> bool:
    """Is there an unfinished game to offer as Continue?"""
    return latest_unfinished(folder) is not None


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
