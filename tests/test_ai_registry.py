"""Players by name: the difficulties, budgets, and the old players still work."""

from __future__ import annotations

import pytest

from game.ai import EasyAI, HardAI, NormalAI
from game.players.registry import UnknownPlayer, make_player, with_think_ms
from game.players.simple import FixedPlayer, GreedyPlayer, RandomPlayer


def test_every_spec_makes_the_right_player():
    assert isinstance(make_player("easy"), EasyAI)
    assert isinstance(make_player("normal"), NormalAI)
    assert make_player("hard").think_ms == 1000
    assert make_player("hard", think_ms=100).think_ms == 100
    assert make_player("hard@250").think_ms == 250
    assert make_player("hard#300").iterations == 300
    assert isinstance(make_player("hard#3"), HardAI)
    assert isinstance(make_player("random"), RandomPlayer)
    assert isinstance(make_player("greedy"), GreedyPlayer)
    assert isinstance(make_player("fixed:70/10/10/10"), FixedPlayer)


@pytest.mark.parametrize("spec", ["hard@", "hard#0", "hard@-5", "hard#x", "expert", "easy@3"])
def test_bad_specs_are_refused_with_a_message(spec):
    with pytest.raises(UnknownPlayer):
        make_player(spec)


def test_think_ms_only_changes_a_plain_hard():
    assert with_think_ms("hard", 100) == "hard@100"
    assert with_think_ms("hard#50", 100) == "hard#50"
    assert with_think_ms("normal", 100) == "normal"
