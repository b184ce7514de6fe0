"""One finished (or stopped) game, whatever it came from: a session, a save or a match.

The report, the debrief and the decisions analysis all need the same four things — the
level as loaded, its rules, the replayed `Match` and which sides humans played — so they
take a `PlayedGame` and never care where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.engine import Rules
from game.i18n import language
from game.levels.loader import LoadedLevel
from game.levels.model import SIDES
from game.match import Match


class GameUnavailable(Exception):
    """A save that cannot be opened as a game; `message` is already in words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class PlayedGame:
    loaded: LoadedLevel
    rules: Rules
    match: Match
    humans: tuple[str, ...] = ()
    mode: str = ""
    players: dict[str, str] = field(default_factory=dict)  # side -> 'human' or an AI spec
    source: str = ""  # the save file it came from, if any
    group: str = ""  # the pupils' group name of a lesson game ('' if none)

    @property
    def deciding_sides(self) -> tuple[str, ...]:
        """The sides whose decisions a debrief is about: the humans, else both."""
        return self.humans or SIDES


def from_match(loaded: LoadedLevel, match: Match, humans=(), mode="", players=None) -> PlayedGame:
    players = players or {s: ("human" if s in humans else "ai") for s in SIDES}
    return PlayedGame(loaded, match.rules, match, tuple(humans), mode, dict(players))


def from_session(session) -> PlayedGame:
    """A `game.ui.session.GameSession` (duck-typed: no UI import here)."""
    players = {s: session.player_name(s) for s in SIDES}
    return PlayedGame(
        session.loaded,
        session.rules,
        session.match,
        tuple(session.humans),
        session.mode,
        players,
        group=getattr(session, "group", ""),
    )


def from_save(path: str | Path, strict: bool = False) -> PlayedGame:
    """Open and replay a save; the level copy inside it is used if the file changed.
    `strict`: a replay that does not reach the saved game is unavailable too (a report of
    another game than the one played would mislead)."""
    from game.saves import load_save

    result = load_save(path)
    if (result.match is None or strict) and result.offer_embedded:
        result = load_save(path, use_embedded=True)
    diverged = strict and not result.verified
    if diverged or result.match is None or result.loaded_level is None or result.save is None:
        problem = result.problem
        raise GameUnavailable(problem.message(language()) if problem else str(path))
    save = result.save
    humans = tuple(s for s in SIDES if save.players[s].kind == "human")
    players = {s: save.players[s].name for s in SIDES}
    game = PlayedGame(
        result.loaded_level,
        result.match.rules,
        result.match,
        humans,
        save.mode,
        players,
        str(path),
        save.group,
    )
    return game


def coerce(game) -> PlayedGame:
    """A `PlayedGame` from any of: PlayedGame, GameSession, save path, (LoadedLevel, Match)."""
    if isinstance(game, PlayedGame):
        return game
    if isinstance(game, str | Path):
        return from_save(game)
    if isinstance(game, tuple) and len(game) == 2:
        return from_match(*game)
    if hasattr(game, "match") and hasattr(game, "loaded"):
        return from_session(game)
    raise TypeError(f"not a game: {type(game).__name__}")
