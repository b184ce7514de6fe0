"""The fixed-profile search: the grid covers the simplex, and a search finds a strong split."""

from pathlib import Path

from game.balance.profiles import ProfileResult, grid, neighbours, play, search, strength
from game.cli.main import main

LEVELS = Path(__file__).resolve().parents[1] / "levels"
LEVEL = str(LEVELS / "tutorial.yaml")
MAIN = str(LEVELS / "cold-ai-war.yaml")


def test_grid_covers_every_split_with_a_training_run():
    profiles = grid(20)
    assert all(sum(p) == 100 and p[3] >= 20 for p in profiles)
    assert len(profiles) == len(set(profiles)) == 35
    assert (0, 0, 0, 100) in profiles and (80, 0, 0, 20) in profiles


def test_neighbours_move_one_step_and_keep_a_run():
    near = neighbours((50, 0, 0, 50), 10)
    assert (40, 10, 0, 50) in near and (60, 0, 0, 40) in near
    assert all(sum(p) == 100 and min(p) >= 0 and p[3] > 0 for p in near)
    assert (50, 0, 0, 50) not in near


def test_when_every_split_loses_the_closest_one_ranks_first():
    far = ProfileResult((0, 0, 0, 100), {"usa": 0, "china": 0}, {"usa": 2, "china": 2}, -4.0)
    near = ProfileResult((60, 0, 20, 20), {"usa": 0, "china": 0}, {"usa": 2, "china": 2}, -0.4)
    ranked = sorted([far, near], key=strength)
    assert ranked[0] is near and near.margin == -0.1


def test_a_split_without_chips_loses_to_one_with_chips():
    results = play(MAIN, [(0, 0, 0, 100), (40, 10, 20, 30)], "greedy", games=2, seed=1)
    assert results[0].profile == (40, 10, 20, 30)
    assert results[0].share > results[1].share
    assert all(sum(r.games.values()) == 4 for r in results)


def test_search_returns_the_final_candidates_with_games_on_both_sides():
    results = search(
        LEVEL,
        "greedy",
        coarse_step=50,
        fine_step=25,
        coarse_games=1,
        fine_games=1,
        final_games=2,
        keep=2,
    )
    assert len(results) == 2
    assert all(r.games == {"usa": 2, "china": 2} for r in results)


def test_profiles_command_reports_whether_a_split_beats_the_ai(capsys):
    assert main(["profiles", LEVEL, "--against", "random", "--games", "2"]) == 0
    out = capsys.readouterr().out
    assert "strongest fixed profiles against random" in out
    assert "fixed:" in out and ("beats random" in out or "no fixed profile" in out)
