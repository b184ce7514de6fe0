"""Every level we ship loads without a problem and plays to the end under the engine."""

import pytest
from shipped import shipped_levels

from game.engine import compile_rules, new_game
from game.levels.loader import check_level_file
from game.match import play_game
from game.players.registry import make_player

LEVELS = shipped_levels()


def test_there_are_levels():
    assert any(p.name == "cold-ai-war.yaml" for p in LEVELS)


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_level_loads_cleanly(path):
    loaded, problems = check_level_file(path)
    assert loaded is not None, "\n".join(p.format() for p in problems)
    assert [p for p in problems if p.severity == "error"] == []
    assert loaded.level.id == path.stem


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_level_plays_to_the_end(path):
    loaded, _ = check_level_file(path)
    rules = compile_rules(loaded.level)
    match = play_game(rules, {"usa": make_player("greedy"), "china": make_player("greedy")}, 3)
    assert match.state.outcome is not None
    assert match.state.outcome.turn <= rules.turns


def test_main_level_starts_with_a_lag_of_four_to_fourteen_months():
    loaded, _ = check_level_file(LEVELS[[p.stem for p in LEVELS].index("cold-ai-war")])
    rules = compile_rules(loaded.level)
    start = new_game(rules, 1)
    gap = start.factions["usa"].frontier_log10 - start.factions["china"].frontier_log10
    assert 4 <= rules.lag_months(gap) <= 14


def test_main_level_has_the_required_cards():
    loaded, _ = check_level_file(LEVELS[[p.stem for p in LEVELS].index("cold-ai-war")])
    level = loaded.level
    assert level.calendar.turns == 24 and level.calendar.start == "2025Q1"
    scripted = [e for e in level.events if e.at]
    random_events = [e for e in level.events if e.probability is not None]
    assert len(scripted) >= 10 and len(random_events) >= 8
    for side in ("usa", "china"):
        assert len([p for p in level.policies if p.side == side]) >= 4
