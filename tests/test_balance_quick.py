"""`balance --quick` says when its answer is too uncertain to act on; `--compare` puts two
levels' odds side by side with the difference and its p-value."""

import json
from pathlib import Path

import pytest

from game.balance.compare import too_wide
from game.balance.stats import two_proportion_p, wilson_interval
from game.cli.main import main

LEVELS = Path(__file__).resolve().parents[1] / "levels"
QUICK = ["--usa", "easy", "--china", "greedy", "--quick"]


def _wins(wins: int, n: int) -> dict:
    return {"usa": {"ci95": list(wilson_interval(wins, n))}}


def test_a_handful_of_games_is_flagged_as_deciding_nothing(tmp_path, capsys):
    out = tmp_path / "quick"
    assert (
        main(["balance", str(LEVELS / "tutorial.yaml"), *QUICK, "--games", "4", "--out", str(out)])
        == 0
    )
    printed = capsys.readouterr().out
    assert "too wide to decide anything" in printed and "usa wins" in printed
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert data["games"] == 4 and data["restricted"] == []  # quick: no restricted play


def test_the_warning_follows_the_interval():
    assert "too wide" in too_wide(_wins(30, 60))
    assert "holds 50%" in too_wide(_wins(270, 500))  # narrow, but either side may be ahead
    assert too_wide(_wins(350, 500)) is None  # 66–74%: clear enough to act on


def test_compare_prints_both_levels_the_difference_and_a_p_value(tmp_path, capsys):
    argv = ["balance", str(LEVELS / "tutorial.yaml"), "--games", "6", "--quick"]
    argv += ["--usa", "easy", "--china", "easy", "--out", str(tmp_path / "c")]
    assert main([*argv, "--compare", str(LEVELS / "classroom-45.yaml")]) == 0
    printed = capsys.readouterr().out
    assert "tutorial" in printed and "classroom-45" in printed and "p-value" in printed
    data = json.loads((tmp_path / "c" / "summary.json").read_text(encoding="utf-8"))
    usa = data["compare"]["sides"]["usa"]
    assert usa["difference"] == pytest.approx(usa["other_share"] - usa["share"])
    assert 0.0 <= usa["p_value"] <= 1.0
    md = (tmp_path / "c" / "report.md").read_text(encoding="utf-8")
    assert "## Compared with classroom-45" in md and "p-value" in md


def test_a_compare_level_that_does_not_load_is_reported_before_any_game(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nid: x\n", encoding="utf-8")
    argv = ["balance", str(LEVELS / "tutorial.yaml"), *QUICK, "--out", str(tmp_path / "o")]
    assert main([*argv, "--compare", str(bad)]) == 1
    assert "bad.yaml:" in capsys.readouterr().err and not (tmp_path / "o").exists()


def test_the_p_value_separates_a_real_difference_from_chance():
    assert two_proportion_p(50, 100, 50, 100) == pytest.approx(1.0)
    assert two_proportion_p(70, 100, 50, 100) < 0.01
    assert 0.2 < two_proportion_p(55, 100, 50, 100) < 0.8
