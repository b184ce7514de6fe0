"""Old save formats, brought up to the current one step by step (Tuxemon's upgrader idea).

`UPGRADERS[n]` turns a format-n dictionary into a format-(n+1) one. Every format ever
written keeps its upgrader and a fixture save in tests/fixtures/saves/, so a player's old
saves keep opening after the game changes.

Format 1 (the first, simpler shape)::

    {"version": 1, "level": "<level id>", "level_sha256": "...", "level_text": "...",
     "seed": 7, "players": {"usa": "greedy", "china": "human"},
     "orders": [{"usa": {"allocation": [c, e, t, m], "policy": null}, "china": {...}}, ...],
     "state_hash": "...", "saved_at": "2025-01-01T00:00:00+00:00"}

It had no explanations, no mode, no title and no per-turn hashes. Format 2 is format 3
without `group` (the pupils' group name, added with lesson mode).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.saves.format import CURRENT_VERSION, MARKER

UNKNOWN_VERSION = "unknown"


class UnknownFormat(ValueError):
    """Not a save of this game at all."""


class WrongShape(ValueError):
    """Looks like our save, but its contents are not what its format promises."""


def detect_version(data: object) -> int:
    """The format version of parsed JSON; raises `UnknownFormat` for foreign files."""
    if not isinstance(data, dict):
        raise UnknownFormat("not an object")
    if data.get("format") == MARKER:
        version = data.get("format_version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise WrongShape(f"the format version is {version!r}, not a whole number")
        return version
    if data.get("version") == 1 and {"seed", "orders", "level"} <= data.keys():
        return 1
    raise UnknownFormat("no save marker")


def _mode_from_players(kinds: list[str]) -> str:
    humans = kinds.count("human")
    return "hotseat" if humans == 2 else "vs_ai" if humans == 1 else "ai_vs_ai"


def _upgrade_1_to_2(old: dict[str, Any]) -> dict[str, Any]:
    players_in = old.get("players") or {}
    if not isinstance(players_in, dict):
        raise WrongShape("players must be a mapping of side to player name")
    players = {}
    for side, name in players_in.items():
        name = str(name)
        players[side] = {"kind": "human" if name == "human" else "ai", "name": name}
    orders = old["orders"]
    if not isinstance(orders, list):
        raise WrongShape("orders must be a list of turns")
    saved_at = str(old.get("saved_at", ""))
    level_id = str(old["level"])
    return {
        "format": MARKER,
        "format_version": 2,
        "game_version": UNKNOWN_VERSION,
        "title": "",
        "created": saved_at,
        "updated": saved_at,
        "level": {
            "id": level_id,
            "sha256": old.get("level_sha256"),
            "path": None,
            "text": old.get("level_text"),
        },
        "seed": old["seed"],
        "mode": _mode_from_players([p["kind"] for p in players.values()]),
        "players": players,
        "turns": [{"turn": i + 1, "orders": turn} for i, turn in enumerate(orders)],
        # Format 1 stored no outcome: the replay recomputes it.
        "final": {"turn": len(orders) + 1, "state_hash": old.get("state_hash"), "outcome": None},
    }


def _upgrade_2_to_3(old: dict[str, Any]) -> dict[str, Any]:
    """Format 3 adds the pupils' group name of a lesson game; older games had none."""
    return {**old, "format_version": 3, "group": ""}


UPGRADERS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _upgrade_1_to_2,
    2: _upgrade_2_to_3,
}


def upgrade(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Bring a parsed save of `version` up to `CURRENT_VERSION` (a new dict)."""
    if version < 1:
        raise WrongShape(f"format version {version} never existed")
    while version < CURRENT_VERSION:
        try:
            data = UPGRADERS[version](data)
        except (KeyError, TypeError, AttributeError) as exc:
            raise WrongShape(f"the format {version} save lacks {exc}") from None
        version += 1
    return data
