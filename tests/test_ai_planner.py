"""The analytic planner spends like the model rewards: powered chips, money that adds up."""

from __future__ import annotations

from pathlib import Path

import pytest
from level_factory import make_rules

from game.ai import EasyAI, NormalAI
from game.ai.planner import Knobs, allocate, project_final
from game.engine import compile_rules, new_game
from game.levels.loader import load_level
from game.match import play_game

MAIN_LEVEL = Path(__file__).parents[1] / "levels" / "cold-ai-war.yaml"


def test_the_plan_spends_exactly_the_budget_and_never_less_than_nothing():
    rules = make_rules()
    state = new_game(rules, 1)
    for side in ("usa", "china"):
        for knobs in (Knobs(), Knobs(run=0.0, talent=0.0), Knobs(hire_first=0.9, overbuy=1.0)):
            money = allocate(rules, state, side, knobs)
            assert min(money) >= 0
            assert sum(money) == pytest.approx(state.factions[side].budget)


def test_the_projection_never_falls_below_the_frontier_already_reached():
    rules = make_rules()
    state = new_game(rules, 3)
    for side in ("usa", "china"):
        assert project_final(rules, state, side, Knobs()) >= state.factions[side].frontier_log10


@pytest.mark.skipif(not MAIN_LEVEL.exists(), reason="main level not present")
def test_normal_keeps_its_chips_powered_on_the_main_level():
    # Chips without power idle; the planner orders power ahead of the grid's lag.
    rules = compile_rules(load_level(MAIN_LEVEL).level)
    for seed, side in ((1, "usa"), (2, "china")):
        rival = "china" if side == "usa" else "usa"
        match = play_game(rules, {side: NormalAI(), rival: EasyAI()}, seed)
        idle = [state.factions[side].idle_share for state in match.states[1:]]
        assert max(idle) <= 0.05
