"""Can a game in progress go on under a changed level ("continue with the new numbers")?

The state holds ids and numbers only: chips in the fleets, policies played, events fired,
effects in force, and the turn. If the new level still knows every id the state uses and
the game has not outlived the new calendar, the engine can carry on with the new rules.
"""

from __future__ import annotations

from typing import Any

from game.engine.state import GameState
from game.levels.model import SIDES, Level


def continue_problems(level: Level, state: GameState) -> list[tuple[str, dict[str, Any]]]:
    """Why `state` cannot continue under `level`: (reason code, params); empty when it can."""
    problems: list[tuple[str, dict[str, Any]]] = []
    if set(state.factions) != set(SIDES) or set(level.factions) != set(SIDES):
        problems.append(("factions", {}))
        return problems
    chips = {c.id for c in level.chips}
    owned = {b.chip for f in state.factions.values() for b in f.fleet}
    targeted = {e.target.split(".")[1] for e in state.effects if e.target.startswith("chips.")}
    missing = sorted((owned | targeted) - chips)
    if missing:
        problems.append(("chips", {"ids": ", ".join(missing)}))
    policies = {p.id for p in level.policies}
    played = {p for f in state.factions.values() for p in f.policies_played}
    missing = sorted(played - policies)
    if missing:
        problems.append(("policies", {"ids": ", ".join(missing)}))
    missing = sorted(set(state.fired) - {e.id for e in level.events})
    if missing:
        problems.append(("events", {"ids": ", ".join(missing)}))
    if state.turn > level.calendar.turns:
        problems.append(("turns", {"turn": state.turn, "turns": level.calendar.turns}))
    return problems
