"""Open a save: read it, find its level, replay every turn, and prove it is the same game.

The result is a `LoadResult` a screen can present as it is: the replayed `Match` when there
is one, and otherwise — or in addition, when the replay came out differently — a plain
`SaveProblem` and whether opening the level copy stored in the save would help.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.engine import Allocation, Orders, compile_rules, state_hash
from game.engine.resolve import IllegalOrders
from game.guarded_files import RefusedFile, read_guarded
from game.levels.diagnostics import LevelError
from game.levels.loader import MAX_BYTES as LEVEL_MAX_BYTES
from game.levels.loader import LoadedLevel, check_level_file, load_level_text
from game.match import Match
from game.paths import LEVELS, ROOT
from game.players.base import Decision
from game.saves.fingerprint import edited_part, level_copy_intact
from game.saves.format import SAVE_SIDES, SaveGame
from game.saves.problems import SaveProblem
from game.saves.storage import read_save

PROJECT_ROOT = ROOT  # where a save's relative level path (levels/NAME.yaml) is found
LEVEL_DIRS = (LEVELS,)


@dataclass
class LoadResult:
    """What opening a save gave. `match` is None only when nothing could be replayed."""

    file: str
    save: SaveGame | None = None
    match: Match | None = None
    loaded_level: LoadedLevel | None = None
    problem: SaveProblem | None = None
    verified: bool = False  # the replay reached the saved state hash
    used_embedded: bool = False  # the level copy in the save was used
    level_changed: bool = False  # the level file differs from the one the game was played on
    offer_embedded: bool = False  # opening with the stored level copy should give the game
    copy_intact: bool = True  # the stored level copy still matches its hash

    @property
    def ok(self) -> bool:
        return self.verified and self.match is not None


def decisions_of(save: SaveGame, index: int) -> dict[str, Decision]:
    """The recorded decisions of the `index`-th turn (0-based) as `Match.play_turn` takes."""
    turn = save.turns[index]
    out: dict[str, Decision] = {}
    for side in SAVE_SIDES:
        o = turn.orders[side]
        why = turn.explanations.get(side)
        out[side] = Decision(
            Orders(Allocation(*o.allocation), o.policy),
            why.code if why else None,
            dict(why.params) if why else {},
        )
    return out


def find_current_level(
    save: SaveGame, level_dirs: Iterable[str | Path] | None = None
) -> LoadedLevel | None:
    """The level file the save names (by path, else by id in the level folders), if any."""
    ref = save.level
    candidates: list[Path] = []
    if ref.path:
        given = Path(ref.path)
        candidates.append(given)
        if not given.is_absolute():
            candidates.append(PROJECT_ROOT / given)
    for folder in level_dirs if level_dirs is not None else LEVEL_DIRS:
        candidates.extend(p for p in sorted(Path(folder).glob("*.yaml")) if _names_id(p, ref.id))
    for path in dict.fromkeys(p.resolve() for p in candidates if p.is_file()):
        loaded = _load_file(path)
        if loaded is not None and loaded.level.id == ref.id:
            return loaded
    return None


_ID_LINE = re.compile(r"^id:\s*['\"]?([^'\"#\s]+)", re.MULTILINE)
_CACHE: dict[object, LoadedLevel | None] = {}
_CACHE_SIZE = 16


def _names_id(path: Path, level_id: str) -> bool:
    """A quick look at the top-level `id:` line, so only likely files are parsed in full."""
    try:
        head = read_guarded(path, LEVEL_MAX_BYTES).decode("utf-8", errors="replace")
    except RefusedFile:
        return False
    found = _ID_LINE.search(head)
    return found is None or found.group(1) == level_id


def _remember(key: object, value: LoadedLevel | None) -> LoadedLevel | None:
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = value
    return value


def _load_file(path: Path) -> LoadedLevel | None:
    """Parse a level file once per version of it (parsing a big level takes a while)."""
    try:
        info = path.stat()
    except OSError:
        return None
    key = ("file", str(path), info.st_mtime_ns, info.st_size)
    if key not in _CACHE:
        _remember(key, check_level_file(path)[0])
    return _CACHE[key]


def _load_text(text: str, name: str) -> LoadedLevel:
    """The level copy stored in a save; raises `LevelError` when it cannot be read."""
    key = ("text", hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    cached = _CACHE.get(key)
    if cached is None:  # only readable copies are remembered: a bad one raises each time
        cached = load_level_text(text, name)
        _remember(key, cached)
    return cached


def replay_save(save: SaveGame, loaded: LoadedLevel) -> tuple[Match, int | None]:
    """Replay every recorded turn; also the first turn whose state differs from the record
    (None when all match). Raises `IllegalOrders` when the rules now refuse an order."""
    rules = compile_rules(loaded.level)
    match = Match.start(rules, save.seed)
    first_difference = None
    for index, turn in enumerate(save.turns):
        if match.finished:
            return match, first_difference or turn.turn
        try:
            match.play_turn(decisions_of(save, index))
        except IllegalOrders as exc:
            # IllegalOrders (game/engine/resolve.py) does not declare `turn` yet.
            exc.turn = turn.turn  # type: ignore[attr-defined]
            raise
        if (
            first_difference is None
            and turn.state_hash
            and turn.state_hash != state_hash(match.state)
        ):
            first_difference = turn.turn
    if first_difference is None and state_hash(match.state) != save.final.state_hash:
        first_difference = save.final.turn
    return match, first_difference


def load_save(
    source: str | Path | SaveGame | SaveProblem,
    *,
    use_embedded: bool = False,
    level_dirs: Iterable[str | Path] | None = None,
    file: str | None = None,
) -> LoadResult:
    """Open a save file (or what `read_save` gave for one); never raises."""
    if isinstance(source, SaveProblem):
        return LoadResult(source.file, problem=source)
    name = file or (Path(source).name if not isinstance(source, SaveGame) else "<save>")
    try:
        return _load(source, name, use_embedded, level_dirs)
    except Exception as exc:  # a bug must still reach the player as a message
        problem = SaveProblem(name, "internal", {"error": f"{type(exc).__name__}: {exc}"})
        return LoadResult(name, problem=problem)


def _load(
    source: str | Path | SaveGame,
    name: str,
    use_embedded: bool,
    level_dirs: Iterable[str | Path] | None,
) -> LoadResult:
    save = source if isinstance(source, SaveGame) else read_save(source)
    if isinstance(save, SaveProblem):
        return LoadResult(name, problem=save)
    result = LoadResult(name, save=save)
    copy_intact = level_copy_intact(save)
    current = None if use_embedded else find_current_level(save, level_dirs)
    if current is None and not copy_intact:  # never replay a level copy edited after saving
        result.problem = SaveProblem(name, "level_copy_altered", {"level": save.level.id})
        return result
    if current is None:
        try:
            current = _load_text(save.level.text, f"{name} (level copy)")
        except LevelError as err:
            detail = err.problems[0].message if err.problems else ""
            result.problem = SaveProblem(name, "level_invalid", {"detail": detail})
            return result
        result.used_embedded = True
    result.loaded_level = current
    result.level_changed = current.sha256 != save.level.sha256
    result.copy_intact = copy_intact
    calendar = current.level.calendar.turns
    if len(save.turns) > calendar:  # a game cannot outlast its level: do not replay junk
        limit = {"turns": len(save.turns), "limit": calendar}
        result.offer_embedded = (
            result.level_changed and not result.used_embedded and result.copy_intact
        )
        result.problem = SaveProblem(name, "too_many_turns", limit)
        return result
    params = {
        "level": save.level.id,
        "saved_version": save.game_version,
        "version": _version(),
    }
    edited = edited_part(save)
    try:
        match, differs = replay_save(save, current)
    except IllegalOrders as exc:
        turn = _turn_of(exc, save)
        result.problem = _mismatch(result, name, {**params, "turn": turn}, edited)
        return result
    result.match = match
    if differs is None and edited is None:
        result.verified = True
        return result
    turn = differs if differs is not None else save.final.turn
    result.problem = _mismatch(result, name, {**params, "turn": turn}, edited)
    return result


def _mismatch(
    result: LoadResult, name: str, params: dict[str, Any], edited: tuple[str, int | None] | None
) -> SaveProblem:
    """Which of level, seed or orders made the replay differ, as far as the save can tell."""
    if edited is not None:  # the save's own fingerprints name the edited part
        part, turn = edited
        if part == "seed":
            return SaveProblem(name, "seed_changed", params)
        return SaveProblem(name, "orders_changed", {**params, "edited": turn})
    if result.level_changed and not result.used_embedded:
        if not result.copy_intact:  # the copy that could have helped was edited too
            return SaveProblem(name, "level_copy_altered", params)
        result.offer_embedded = True
        return SaveProblem(name, "level_changed", params)
    if params.get("saved_version") == params.get("version"):
        # Same version number, different rules: a development build or an edited engine.
        return SaveProblem(name, "engine_changed", params)
    return SaveProblem(name, "version_changed", params)


def _turn_of(exc: IllegalOrders, save: SaveGame) -> int:
    return getattr(exc, "turn", None) or save.final.turn


def _version() -> str:
    from game.saves.build import game_version

    return game_version()
