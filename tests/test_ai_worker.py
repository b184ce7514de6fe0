"""The thinking worker: the window can poll it, read its decision, or walk away."""

from __future__ import annotations

import threading

import pytest
from level_factory import make_rules

from game.ai import HardAI, ThinkingTask
from game.ai.safety import FALLBACK_CODE
from game.ai.worker import Cancelled
from game.engine import Allocation, Orders, check, new_game, view_for
from game.engine.rng import Rng
from game.players.base import Decision

# Only a guard against a hung thread, never a speed limit: a busy machine must not trip it.
HANG = 600.0


class IllegalPlayer:
    """A planner bug: orders that spend 150% and play a policy the side cannot pay for."""

    name = "illegal"

    def decide(self, rules, view, rng) -> Decision:
        return Decision(Orders(Allocation(1.5, 0, 0, 0), "boost"), "bug")


class SlowPlayer:
    """Waits for the test's go-ahead, so the test controls when thinking ends."""

    name = "slow"

    def __init__(self) -> None:
        self.go = threading.Event()

    def decide(self, rules, view, rng) -> Decision:
        self.go.wait(HANG)
        return HardAI(think_ms=None, iterations=4).decide(rules, view, rng)


class BrokenPlayer:
    name = "broken"

    def decide(self, rules, view, rng) -> Decision:
        raise RuntimeError("bug in a planner")


def _setup():
    rules = make_rules()
    state = new_game(rules, 1)
    return rules, state, view_for(rules, state, "usa")


def test_the_window_polls_until_the_decision_is_ready():
    rules, state, view = _setup()
    player = SlowPlayer()
    task = ThinkingTask(player, rules, view, Rng(1))
    assert not task.done()
    with pytest.raises(TimeoutError):
        task.result(timeout=0.01)
    player.go.set()
    decision = task.result(timeout=HANG)
    assert task.done()
    assert check(rules, state, "usa", decision.orders) == []
    assert decision.explanation


def test_same_decision_as_thinking_in_the_foreground():
    rules, _, view = _setup()
    task = ThinkingTask(HardAI(think_ms=None, iterations=10), rules, view, Rng(3))
    direct = HardAI(think_ms=None, iterations=10).decide(rules, view, Rng(3))
    assert task.result(timeout=HANG) == direct


def test_a_cancelled_decision_is_never_used():
    rules, _, view = _setup()
    player = SlowPlayer()
    task = ThinkingTask(player, rules, view, Rng(1))
    task.cancel()
    assert task.done() and task.cancelled
    with pytest.raises(Cancelled):
        task.result()
    player.go.set()


def test_illegal_orders_from_a_thinking_player_never_reach_the_game():
    rules, state, view = _setup()
    state.factions["usa"].budget = 1.0  # `boost` costs 10
    view = view_for(rules, state, "usa")
    decision = ThinkingTask(IllegalPlayer(), rules, view, Rng(1)).result(timeout=HANG)
    assert check(rules, state, "usa", decision.orders) == []
    assert decision.explanation == FALLBACK_CODE


def test_a_crashing_player_gives_safe_orders_not_a_crash():
    rules, state, view = _setup()
    task = ThinkingTask(BrokenPlayer(), rules, view, Rng(1))
    decision = task.result(timeout=HANG)
    assert decision.explanation == FALLBACK_CODE
    assert check(rules, state, "usa", decision.orders) == []
    assert isinstance(task.error, RuntimeError)


def test_the_ui_may_change_its_state_while_the_ai_thinks():
    rules, _, view = _setup()
    player = SlowPlayer()
    task = ThinkingTask(player, rules, view, Rng(2))
    view.state.factions["usa"].budget = 0.0  # the screen moves on; the AI kept its copy
    player.go.set()
    assert task.result(timeout=HANG).explanation_params["chips"] > 0
