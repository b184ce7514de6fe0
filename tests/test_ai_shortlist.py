"""`NormalAI(keep=k)`, the cheaper search kept for balance-lab experiments.

Every candidate looks one quarter ahead; only the best `k` are played the full lookahead.
Keeping them all must give exactly `normal`'s ranking, and a kept candidate must be
rated exactly as `normal` rates it, so the experiment differs from `normal` only in
which candidates it cuts.
"""

import pytest
from shipped import main_level

from game.ai.candidates import candidates
from game.ai.easy import DEFAULT_KNOBS
from game.ai.normal import NormalAI, ranked, shortlisted
from game.ai.style import style_for
from game.engine import compile_rules
from game.engine.setup import new_game
from game.levels.loader import load_level
from game.match import play_game


@pytest.fixture(scope="module")
def position():
    rules = compile_rules(load_level(main_level()).level)
    state = new_game(rules, 11)
    style = style_for(rules, "usa")
    return rules, state, style, candidates(rules, state, "usa", DEFAULT_KNOBS, style)


def test_keeping_every_candidate_ranks_exactly_as_normal(position):
    rules, state, style, options = position
    assert len(options) > 2, "the first quarter offers several candidates"
    full = ranked(rules, state, "usa", options, style, 99)
    assert shortlisted(rules, state, "usa", options, style, 99, keep=len(options)) == full


def test_a_kept_candidate_is_rated_as_normal_rates_it_and_cut_ones_rank_below(position):
    rules, state, style, options = position
    full = dict((i, v) for v, i in ranked(rules, state, "usa", options, style, 99))
    short = shortlisted(rules, state, "usa", options, style, 99, keep=2)
    assert sorted(i for _, i in short) == list(range(len(options)))
    for value, i in short[:2]:
        assert value == full[i]
    assert short[0][0] >= short[1][0]


def test_the_cheaper_search_plays_legal_whole_games(position):
    rules = position[0]
    match = play_game(rules, {"usa": NormalAI(keep=2), "china": NormalAI()}, seed=3)
    assert match.finished
    assert all(code != "fallback" for t in match.turns for code, _ in t.explanations.values())
