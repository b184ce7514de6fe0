"""Same view, same seed, same budget of worlds: the same decision, every time."""

from __future__ import annotations

from level_factory import make_rules

from game.ai import EasyAI, HardAI, NormalAI
from game.engine import new_game, state_hash, view_for
from game.engine.rng import Rng
from game.match import play_game


def test_hard_with_a_fixed_budget_repeats_itself():
    rules = make_rules()
    view = view_for(rules, new_game(rules, 9), "usa")
    first = HardAI(think_ms=None, iterations=20).decide(rules, view, Rng(42))
    again = HardAI(think_ms=None, iterations=20).decide(rules, view, Rng(42))
    assert first == again
    assert first.explanation_params["rollouts"] == 10  # `iterations` 20: ten worlds


def test_whole_games_between_ais_replay_bit_for_bit():
    rules = make_rules()
    players = {"usa": HardAI(think_ms=None, iterations=8), "china": NormalAI()}
    a = play_game(rules, players, 5)
    b = play_game(rules, players, 5)
    assert state_hash(a.state) == state_hash(b.state)
    assert [t.orders for t in a.turns] == [t.orders for t in b.turns]


def test_easy_and_normal_are_deterministic_for_a_seed():
    rules = make_rules()
    view = view_for(rules, new_game(rules, 2), "china")
    for make in (EasyAI, NormalAI):
        assert make().decide(rules, view, Rng(7)) == make().decide(rules, view, Rng(7))
