"""The balance lab: restricted players, the report files and the printed summary."""

import json
from pathlib import Path

import pygame
import pytest

from game.balance.analysis import summarise
from game.balance.players import AREAS, RESTRICTIONS, RestrictedPlayer, without
from game.balance.runner import Config, run_lab
from game.cli.main import main
from game.engine import Allocation, compile_rules, new_game, view_for
from game.engine.rng import Rng
from game.levels.loader import load_level
from game.players.simple import FixedPlayer, GreedyPlayer

LEVEL = Path(__file__).resolve().parents[1] / "levels" / "cold-ai-war.yaml"
TUTORIAL = LEVEL.parent / "tutorial.yaml"


@pytest.fixture(scope="module")
def rules():
    return compile_rules(load_level(LEVEL).level)


@pytest.mark.parametrize("area", ["chips", "energy", "talent", "models"])
def test_restricted_player_never_spends_on_its_area(rules, area):
    player = RestrictedPlayer(GreedyPlayer(), area)
    state = new_game(rules, 3)
    decision = player.decide(rules, view_for(rules, state, "usa"), Rng(1))
    shares = dict(zip(AREAS, decision.orders.allocation.as_tuple(), strict=True))
    assert shares[area] == 0 and sum(shares.values()) == pytest.approx(1)


def test_restricted_player_without_policies_plays_none(rules):
    player = RestrictedPlayer(GreedyPlayer(), "policies")
    state = new_game(rules, 3)
    for side in ("usa", "china"):
        assert player.decide(rules, view_for(rules, state, side), Rng(1)).orders.policy is None


def test_all_in_on_the_banned_area_spreads_over_the_rest():
    shares = without(Allocation(1, 0, 0, 0), "chips").as_tuple()
    assert shares[0] == 0 and shares[1:] == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_restricted_play_is_measured_with_paired_seeds(rules):
    configs = [
        Config("baseline", "fixed:30/15/10/45", "greedy", detailed=True),
        Config("usa:no-models", "fixed:30/15/10/45", "greedy", "usa", "models"),
    ]
    records = list(run_lab(str(LEVEL), configs, games=4, seed=5, workers=2))
    assert sorted((r.config, r.seed) for r in records) == sorted(
        (c.name, s) for c in configs for s in range(5, 9)
    )
    summary = summarise(records, rules.level)
    [row] = summary["restricted"]
    assert (row["side"], row["restriction"], row["games"]) == ("usa", "models", 4)
    # Never training a model cannot be better than the same plan that trains.
    assert row["share"] <= summary["wins"]["usa"]["share"]
    wins = summary["wins"]
    assert wins["usa"]["wins"] + wins["china"]["wins"] + summary["draws"] == 4
    assert len(summary["curves"]["capability"]["usa"]) >= 2


def test_balance_command_writes_markdown_html_and_charts(tmp_path, capsys):
    out = tmp_path / "report"
    code = main(
        [
            "balance",
            str(LEVEL),
            "--games",
            "2",
            "--usa",
            "greedy",
            "--china",
            "greedy",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "usa wins" in printed and "p(50%)" in printed and "report.html" in printed
    loaded = load_level(LEVEL)
    md = (out / "report.md").read_text(encoding="utf-8")
    assert loaded.sha256 in md and "Restricted play" in md and "Never fired" in md
    assert md.count("| USA | ") + md.count("| China | ") >= 2 + len(RESTRICTIONS) * 2
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.count('src="data:image/png;base64,') == 3 and "<table>" in page
    for name in ("win-share.png", "game-length.png", "stocks.png"):
        image = pygame.image.load(str(out / name))
        assert image.get_width() > 400 and image.get_height() > 200
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert data["meta"]["sha256"] == loaded.sha256 and data["games"] == 2
    assert set(data["events"]["share_of_games"]) == {e.id for e in loaded.level.events}


def test_balance_command_reports_a_broken_level(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nid: x\n", encoding="utf-8")
    assert main(["balance", str(bad), "--games", "1", "--out", str(tmp_path / "o")]) == 1
    assert "bad.yaml:" in capsys.readouterr().err and not (tmp_path / "o").exists()


def test_fixed_player_shares_survive_the_wrapper(rules):
    inner = FixedPlayer((40, 20, 20, 20))
    state = new_game(rules, 1)
    shares = (
        RestrictedPlayer(inner, "energy")
        .decide(rules, view_for(rules, state, "china"), Rng(2))
        .orders.allocation.as_tuple()
    )
    assert shares == pytest.approx((0.5, 0, 0.25, 0.25))


def test_balance_profiles_adds_the_fixed_split_section(tmp_path, capsys):
    out = tmp_path / "report"
    args = ["balance", str(TUTORIAL), "--games", "2", "--usa", "greedy", "--china", "greedy"]
    assert main([*args, "--no-restricted", "--profiles", "--out", str(out)]) == 0
    assert "fixed split fixed:" in capsys.readouterr().out
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "## Fixed splits" in md and "fixed split found beats the AI" in md
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert len(data["profiles"]) == 3
    assert all(row["games_per_side"] == 2 for row in data["profiles"])


def test_the_balance_report_renders_a_depth_section_as_preformatted_text():
    from game.balance.report import to_html

    depth = {
        "level": "x",
        "games": 2,
        "usa_win_share": 0.5,
        "luck_share": 0.2,
        "leverage": {"1": {"mean": 3.0, "median": 3.0, "min": 2.0, "positions": 1}},
        "leverage_one_quarter": {"1": {"mean": 0.4, "median": 0.4, "min": 0.4, "positions": 1}},
        "predictability": [0.5, 1.0],
        "policy_values": {"p": 0.7},
        "lever_shares": {
            "usa": {"2025": {"chips": 0.4, "energy": 0.1, "talent": 0.3, "models": 0.2}}
        },
        "superintelligence": {
            "share": 0.5,
            "distinct_quarters": 1,
            "earliest": "2030Q4",
            "by_quarter": {"2030Q4": 1},
        },
        "fidelity": {
            "us_run_2025_log10": 26.5,
            "compute_growth_per_year": 4.0,
            "lag_2025_months": 6.0,
            "lag_2026_months": 6.0,
            "us_budget_2025_bn": 400.0,
        },
        "checks": {
            k: True
            for k in (
                "luck_share",
                "leverage",
                "predictability",
                "policy_values",
                "lever_shares",
                "superintelligence",
                "fidelity_run_2025",
                "fidelity_growth",
                "fidelity_lag",
                "fidelity_budget",
            )
        },
    }
    from game.balance.report import _depth_section

    lines = _depth_section(depth)
    assert "## Depth" in lines and any("luck share" in line for line in lines)
    assert any("that one quarter only" in line for line in lines)
    assert any("Q1   mean   0.4" in line for line in lines)
    page = to_html("\n".join(lines), {"level_id": "x"})
    assert "<pre>" in page and "luck share (R²" in page and "```" not in page


def test_one_quarter_leverage_changes_only_that_quarter():
    """The depth report's one-quarter plans differ from the whole-game ones only in the
    position's quarter: the AI's own plan gives the same game, and a lopsided split costs
    far less for one quarter than for the rest of the game."""
    from game.balance import depth
    from game.engine import new_game

    depth._init(str(TUTORIAL))
    rules = depth._WORKER["rules"]
    start = new_game(rules, 7)
    whole = depth.leverage_of(start, "usa", 7)
    single = depth.leverage_of(start, "usa", 7, one_quarter=True)
    assert depth.ALTERNATIVES[0] == "normal" and single[0] == whole[0]
    energy_heavy = depth.ALTERNATIVES.index("fixed:15/55/15/15")
    assert single[energy_heavy] > whole[energy_heavy]
    assert max(single) - min(single) < max(whole) - min(whole)
