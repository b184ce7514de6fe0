"""The AI plays well enough that chance cannot explain it (a quick check; the full
ladder on the main level is `python -m game tournament`, see docs/ai-strength.md)."""

from __future__ import annotations

from level_factory import make_rules

from game.ai import NormalAI
from game.match import play_game
from game.players.simple import RandomPlayer


def test_normal_beats_random_in_three_games_of_four():
    # 100 games, sides swapped. By luck alone (p = 0.5) 75 wins happen with p < 1e-6.
    rules = make_rules()
    points = 0.0
    for seed in range(50):
        for side, rival in (("usa", "china"), ("china", "usa")):
            match = play_game(rules, {side: NormalAI(), rival: RandomPlayer()}, seed)
            winner = match.state.outcome.winner
            points += 0.5 if winner is None else float(winner == side)
    assert points >= 75
