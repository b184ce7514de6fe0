"""The AI opponent: three difficulties behind the same `Player` interface as a human.

- `EasyAI`: the default plan, no lookahead;
- `NormalAI`: candidates tried one quarter ahead through the engine;
- `HardAI`: candidates played to the end of the game, many times, within a budget.

Each sees only `view_for(...)` (the rival's orders and the dice stay hidden), returns
orders `check()` accepts, and says why (`game.ai.explain.explain`).
"""

from game.ai.easy import EasyAI
from game.ai.explain import explain
from game.ai.hard import HardAI
from game.ai.normal import NormalAI
from game.ai.worker import ThinkingTask

__all__ = ["EasyAI", "HardAI", "NormalAI", "ThinkingTask", "explain"]
