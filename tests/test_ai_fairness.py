"""The AI sees exactly what a human on its side sees, and never the dice."""

from __future__ import annotations

import pytest
from level_factory import make_rules

from game.ai import EasyAI, HardAI, NormalAI
from game.engine import new_game, view_for
from game.engine.rng import Rng
from game.match import Match, player_rng
from game.players.base import Decision

AIS = [EasyAI, NormalAI, lambda: HardAI(think_ms=None, iterations=12)]


class Spy:
    """Wraps a player and records every view it is handed."""

    def __init__(self, player) -> None:
        self.player, self.views = player, []
        self.name = "spy"

    def decide(self, rules, view, rng) -> Decision:
        self.views.append(view)
        return self.player.decide(rules, view, rng)


@pytest.mark.parametrize("make_ai", AIS)
def test_same_decision_when_only_the_dice_differ(make_ai):
    rules = make_rules()
    state = new_game(rules, 3)
    other = state.clone()
    other.rng_state = state.rng_state ^ 0xDEADBEEF
    for side in ("usa", "china"):
        a = make_ai().decide(rules, view_for(rules, state, side), Rng(5))
        b = make_ai().decide(rules, view_for(rules, other, side), Rng(5))
        assert a == b


@pytest.mark.parametrize("make_ai", AIS)
def test_same_decision_when_only_the_seed_differs(make_ai):
    rules = make_rules()
    state = new_game(rules, 3)
    other = state.clone()
    other.seed = state.seed + 1_000_003
    for side in ("usa", "china"):
        a = make_ai().decide(rules, view_for(rules, state, side), Rng(5))
        b = make_ai().decide(rules, view_for(rules, other, side), Rng(5))
        assert a == b


def test_the_ai_is_handed_the_human_view_with_the_dice_hidden():
    rules = make_rules()
    match = Match.start(rules, 11)
    spy = Spy(NormalAI())
    rngs = {side: player_rng(11, side) for side in ("usa", "china")}
    while not match.finished:
        state = match.state
        decisions = {
            "usa": spy.decide(rules, view_for(rules, state, "usa"), rngs["usa"]),
            "china": EasyAI().decide(rules, view_for(rules, state, "china"), rngs["china"]),
        }
        seen = spy.views[-1]
        # What a human on the Titans' side is shown: every public fact of the game.
        public = {k: v for k, v in state.to_dict().items() if k not in ("seed", "rng_state")}
        assert seen.facts() == {
            "side": "usa",
            "turn": state.turn,
            "quarter": rules.quarter(state.turn),
            **public,
        }
        assert seen.state.rng_state == 0 and seen.state.seed == 0
        assert (seen.side, seen.turn) == ("usa", state.turn)
        match.play_turn(decisions)


@pytest.mark.parametrize("make_ai", AIS)
def test_deciding_leaves_the_view_untouched(make_ai):
    rules = make_rules()
    view = view_for(rules, new_game(rules, 4), "china")
    before = view.state.to_dict()
    make_ai().decide(rules, view, Rng(1))
    assert view.state.to_dict() == before
