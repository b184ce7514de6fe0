"""Turn a `Match` (plus the level it is played on) into a `SaveGame` record."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from importlib import metadata
from typing import Any

from game.engine import state_hash
from game.levels.loader import LoadedLevel
from game.match import Match
from game.saves.fingerprint import record_print
from game.saves.format import (
    GROUP_CHARS,
    SAVE_SIDES,
    BranchOf,
    FinalState,
    LevelCopy,
    SavedExplanation,
    SavedOrders,
    SavedOutcome,
    SavedPlayer,
    SavedTurn,
    SaveGame,
    Side,
    as_side,
)

PlayersSpec = dict[str, str] | dict[str, SavedPlayer] | dict[str, dict[str, Any]]


def game_version() -> str:
    """The installed game's version (the package metadata, else `game.__version__`)."""
    try:
        return metadata.version("swarms-vs-titans")
    except metadata.PackageNotFoundError:
        from game import __version__

        return __version__


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def normalise_players(players: PlayersSpec) -> dict[Side, SavedPlayer]:
    """Accept {'usa': 'human', 'china': 'greedy'} or full player records."""
    out: dict[Side, SavedPlayer] = {}
    for side in SAVE_SIDES:
        p: object = players.get(side, "human")
        if isinstance(p, SavedPlayer):
            out[side] = p
        elif isinstance(p, dict):
            out[side] = SavedPlayer.model_validate(p)
        else:
            name = str(getattr(p, "name", p))
            out[side] = SavedPlayer(kind="human" if name == "human" else "ai", name=name)
    return out


def default_mode(players: dict[Side, SavedPlayer]) -> str:
    humans = sum(p.kind == "human" for p in players.values())
    return "hotseat" if humans == 2 else "vs_ai" if humans == 1 else "ai_vs_ai"


def _json_safe(value: Any) -> Any:
    """Explanation parameters as plain JSON (numbers, text, lists, mappings)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_json_safe(v) for v in value]
    return json.loads(json.dumps(value, default=str))


def save_from_match(
    match: Match,
    loaded: LoadedLevel,
    mode: str | None = None,
    players: PlayersSpec | None = None,
    *,
    title: str | None = None,
    created: str | None = None,
    branch_of: BranchOf | None = None,
    group: str = "",
) -> SaveGame:
    """Everything needed to replay `match` exactly, and to list it on the load screen.

    A what-if game made by `branch()` carries `match.branch_of`, so every save of it
    (autosaves too) remembers the game it split from."""
    branch_of = branch_of or match.branch_of
    everyone_human: dict[str, str] = {s: "human" for s in SAVE_SIDES}
    saved_players = normalise_players(players or everyone_human)
    turns = []
    for record, after in zip(match.turns, match.states[1:], strict=True):
        turns.append(
            SavedTurn(
                turn=record.turn,
                orders={
                    s: SavedOrders(
                        allocation=record.orders[s].allocation.as_tuple(),
                        policy=record.orders[s].policy,
                    )
                    for s in SAVE_SIDES
                },
                explanations={
                    as_side(s): SavedExplanation(code=code, params=_json_safe(params or {}))
                    for s, (code, params) in record.explanations.items()
                },
                state_hash=state_hash(after),
            )
        )
    outcome = match.state.outcome
    stamp = now()
    return SaveGame(
        game_version=game_version(),
        title=title or "",
        group=group[:GROUP_CHARS],
        created=created or stamp,
        updated=stamp,
        level=LevelCopy(
            id=loaded.level.id, sha256=loaded.sha256, path=str(loaded.path), text=loaded.text
        ),
        seed=match.seed,
        mode=mode or default_mode(saved_players),
        players=saved_players,
        turns=turns,
        final=FinalState(
            turn=match.state.turn,
            state_hash=state_hash(match.state),
            outcome=None
            if outcome is None
            else SavedOutcome(
                winner=as_side(outcome.winner) if outcome.winner else None,
                reason=outcome.reason,
                turn=outcome.turn,
            ),
        ),
        branch_of=branch_of,
        fingerprint=record_print(match.seed, turns),
    )
