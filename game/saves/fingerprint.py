"""Fingerprints of what a save records, so a replay that differs can say *what* differs.

A save replays from its level, its seed and its orders. The level carries its own hash;
these add one for the seed and one per turn's orders, written when the game is saved. On
loading, a fingerprint that no longer matches names the edited part ("the seed was
changed", "the orders of turn 7 were changed") instead of blaming the game's rules. They
detect damage and hand edits, not a determined forger (who could recompute them).
"""

from __future__ import annotations

import hashlib
import json

from game.saves.format import SAVE_SIDES, RecordPrint, SavedTurn, SaveGame

BOM = b"\xef\xbb\xbf"


def _digest(value: object) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seed_print(seed: int) -> str:
    return _digest({"seed": seed})


def orders_print(turn: SavedTurn) -> str:
    """16 hex digits for one turn's orders (both sides)."""
    orders = {s: turn.orders[s].model_dump(mode="json") for s in SAVE_SIDES}
    return _digest({"turn": turn.turn, "orders": orders})[:16]


def record_print(seed: int, turns: list[SavedTurn]) -> RecordPrint:
    return RecordPrint(seed=seed_print(seed), orders=[orders_print(t) for t in turns])


def level_copy_intact(save: SaveGame) -> bool:
    """Does the level text stored in the save still match the hash stored beside it?"""
    data = save.level.text.encode("utf-8", "surrogatepass")
    return save.level.sha256 in (
        hashlib.sha256(data).hexdigest(),
        hashlib.sha256(BOM + data).hexdigest(),  # saved from a file that began with a BOM
    )


def edited_part(save: SaveGame) -> tuple[str, int | None] | None:
    """('seed', None) or ('orders', first edited turn) when a fingerprint disagrees; None
    when they agree or the save has none (saves from before fingerprints)."""
    prints = save.fingerprint
    if prints is None:
        return None
    if prints.seed != seed_print(save.seed):
        return "seed", None
    for index, turn in enumerate(save.turns):
        if index >= len(prints.orders) or prints.orders[index] != orders_print(turn):
            return "orders", turn.turn
    return None
