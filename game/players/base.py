"""One interface for every player, human or AI: given a side's observation, return orders.

`Decision` and `Player` are defined in `game.engine.decision`, which the AIs import too;
players (whose registry builds the AIs) keep importing them from here.
"""

from game.engine.decision import Decision, Player

__all__ = ["Decision", "Player"]
