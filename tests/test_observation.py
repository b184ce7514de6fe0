"""The observation boundary: a side learns the public facts and never the dice.

Two games that differ only in what no player may know — the seed, the RNG state, the
rival's orders before both are in — must look exactly alike to every player."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from level_factory import make_rules

from game.engine import Observation, observe
from game.engine.view import HIDDEN
from game.match import Match, player_rng
from game.players.registry import make_player

RULES = make_rules()
SIDES = ("usa", "china")


def played(seed: int, quarters: int) -> Match:
    """A match `quarters` deep, random play from `seed`: odd stocks, used policies."""
    match = Match.start(RULES, seed)
    rngs = {side: player_rng(seed, side) for side in SIDES}
    players = {side: make_player("random") for side in SIDES}
    for _ in range(quarters):
        if match.finished:
            break
        match.play_turn({s: players[s].decide(RULES, match.observe(s), rngs[s]) for s in SIDES})
    return match


@settings(max_examples=40)
@given(
    st.integers(0, 10_000),
    st.integers(0, 6),
    st.integers(0, 2**62),
    st.integers(0, 2**64 - 1),
    st.sampled_from(SIDES),
)
def test_states_differing_only_in_the_dice_look_the_same(seed, quarters, other_seed, dice, side):
    state = played(seed, quarters).state
    twin = state.clone()
    twin.seed, twin.rng_state = other_seed, dice
    assert observe(RULES, state, side) == observe(RULES, twin, side)
    assert observe(RULES, state, side).facts() == observe(RULES, twin, side).facts()


@settings(max_examples=15)
@given(st.integers(0, 10_000), st.integers(0, 4), st.sampled_from(SIDES))
def test_the_rival_s_orders_given_first_change_nothing_seen(seed, quarters, side):
    from game.levels.loader import load_level
    from game.ui.session import GameSession

    loaded = load_level("tests/fixtures/minimal_level.yaml")
    session = GameSession.new(loaded, "hotseat", seed=seed)
    for _ in range(quarters):
        for s in SIDES:
            session.submit(s, session.stand_in(s))
        session.resolve()
    before = session.match.observe(side)
    rival = "china" if side == "usa" else "usa"
    session.submit(rival, session.stand_in(rival))
    assert session.match.observe(side) == before


def test_an_observation_holds_no_dice():
    match = played(5, 3)
    seen = match.observe("usa")
    assert isinstance(seen, Observation)
    assert all(getattr(seen.state, name) == 0 for name in HIDDEN)
    assert not set(HIDDEN) & set(seen.facts())
    # Everything else is public: the facts are the state's, field for field.
    public = {k: v for k, v in match.state.to_dict().items() if k not in HIDDEN}
    assert seen.facts() == {"side": "usa", "turn": 4, "quarter": RULES.quarter(4), **public}


def test_an_observation_is_a_copy_the_game_does_not_share():
    match = played(6, 2)
    seen = match.observe("china")
    seen.state.factions["china"].budget = -1.0
    seen.state.turn = 99
    assert match.state.factions["china"].budget >= 0 and match.state.turn == 3


@pytest.mark.parametrize("dice", [0, 1, 2**63])
def test_a_sampled_world_uses_the_player_s_dice_not_the_game_s(dice):
    match = played(7, 2)
    world = match.observe("usa").world(dice)
    assert world.rng_state == dice and world.seed == 0
    assert world.factions == match.state.factions and world is not match.state


def test_a_lookahead_world_guesses_where_superintelligence_lies_within_the_band():
    """The real threshold is hidden; a lookahead draws its own guess from the band with its
    own dice, instead of assuming nobody can arrive before the top of the ladder."""
    from game.engine import compile_rules, imagined_world, new_game, observe
    from game.levels.loader import load_level

    rules = compile_rules(load_level("levels/cold-ai-war.yaml").level)
    seen = observe(rules, new_game(rules, 5), "usa").state
    assert seen.si_threshold_log10 is None  # nobody knows it
    top, band = rules.superintelligence_log10, rules.superintelligence_band_log10
    guesses = {imagined_world(rules, seen, dice).si_threshold_log10 for dice in range(1, 40)}
    assert all(top - band <= g <= top for g in guesses)
    assert len(guesses) > 30  # each world its own guess
    assert (
        imagined_world(rules, seen, 7).si_threshold_log10
        == imagined_world(rules, seen, 7).si_threshold_log10
    )  # the same dice, the same world
    assert seen.si_threshold_log10 is None  # the observation itself is untouched


def test_without_a_band_a_lookahead_world_plays_to_the_top_of_the_ladder():
    from game.engine import compile_rules, imagined_world, new_game, observe
    from game.levels.loader import load_level

    rules = compile_rules(load_level("levels/classroom-45.yaml").level)
    seen = observe(rules, new_game(rules, 5), "usa").state
    assert imagined_world(rules, seen, 3).si_threshold_log10 is None
