"""Thinking in the background so the window stays responsive while an AI decides.

`ThinkingTask(player, rules, view, rng)` starts the decision on a daemon thread at once.
The UI polls `.done()` each frame (showing "thinking…"), then reads `.result()`.
`.cancel()` abandons a decision (the player left the screen): its result is never used.

A thread is enough: `hard` keeps to its own time budget, and the engine is pure, so the
decision only reads its own copy of the view. The copy is taken here, before the thread
starts, so the UI may go on changing its state while the AI thinks. Any error inside the
player becomes a legal fallback decision: a bug must never freeze or crash the game.
"""

from __future__ import annotations

import threading

from game.ai.safety import FALLBACK_CODE, safe_decision
from game.engine import Allocation, Observation, Orders, Rules
from game.engine.decision import Decision, Player
from game.engine.rng import Rng


class Cancelled(RuntimeError):
    """Raised by `result()` on a cancelled task."""


class ThinkingTask:
    def __init__(self, player: Player, rules: Rules, view: Observation, rng: Rng) -> None:
        self._view = view.copy()
        self._player, self._rules, self._rng = player, rules, rng
        self._finished = threading.Event()
        self._cancelled = False
        self._decision: Decision | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._think, name="ai-thinking", daemon=True)
        self._thread.start()

    def _think(self) -> None:
        try:
            decision = self._player.decide(self._rules, self._view, self._rng)
            self._decision = safe_decision(self._rules, self._view, decision)
        except Exception as error:  # the game goes on with safe orders; the error is kept
            self._error = error
            self._decision = Decision(Orders(Allocation(0.25, 0.25, 0.25, 0.25)), FALLBACK_CODE)
        finally:
            self._finished.set()

    def done(self) -> bool:
        """True once the decision is ready (or the task was cancelled)."""
        return self._cancelled or self._finished.is_set()

    def cancel(self) -> None:
        """Give up on this decision; the thread ends on its own, its result is dropped."""
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    @property
    def error(self) -> BaseException | None:
        """The exception the player raised, if it fell back to safe orders."""
        return self._error

    def result(self, timeout: float | None = None) -> Decision:
        """The decision; waits up to `timeout` seconds (None: as long as it takes)."""
        if self._cancelled:
            raise Cancelled("this decision was cancelled")
        if not self._finished.wait(timeout):
            raise TimeoutError("the AI is still thinking")
        assert self._decision is not None
        return self._decision
