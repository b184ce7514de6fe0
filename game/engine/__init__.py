"""The pure rules engine: no pygame, no I/O, no global randomness.

Public API (the contract every screen, AI and tool codes against):
`compile_rules(level)`, `new_game(rules, seed)`, `check(rules, state, side, orders)`,
`resolve(rules, state, orders)`, `observe(rules, state, side)` (alias `view_for`: what one
side may know, an `Observation` without the dice), `state_hash(state)`.
"""

from game.engine.events import GameEvent
from game.engine.orders import AREAS, Allocation, Orders, Reason, available_policies, check
from game.engine.resolve import IllegalOrders, resolve
from game.engine.rules import Rules, compile_rules, other
from game.engine.setup import new_game
from game.engine.state import GameState, state_hash
from game.engine.view import Observation, PlayerView, imagined_world, observe, view_for

__all__ = [
    "AREAS",
    "Allocation",
    "GameEvent",
    "GameState",
    "IllegalOrders",
    "Observation",
    "Orders",
    "PlayerView",
    "Reason",
    "Rules",
    "available_policies",
    "check",
    "compile_rules",
    "imagined_world",
    "new_game",
    "observe",
    "other",
    "resolve",
    "state_hash",
    "view_for",
]
