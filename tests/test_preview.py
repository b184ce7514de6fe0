"""`preview`: a card's effect, seen by playing the level with and without it on the same seeds."""

import io
import json
from argparse import Namespace
from pathlib import Path

import pytest

from game.balance.preview import PreviewError, arm_level, choose_card, run_preview
from game.cli.preview import cmd_preview, preview_text
from game.engine import compile_rules
from game.levels.loader import load_level
from game.players.registry import make_player

MINIMAL = Path(__file__).parent / "fixtures" / "minimal_level.yaml"


@pytest.fixture(scope="module")
def level():
    return load_level(MINIMAL).level


def args(**extra) -> Namespace:
    base = dict(
        level=str(MINIMAL), event=None, policy=None, quarter=None, games=2, seed=1,
        usa="greedy", china="greedy", out=None, json=False,
    )  # fmt: skip
    return Namespace(**{**base, **extra})


def test_an_event_is_forced_into_one_arm_and_kept_out_of_the_other(level):
    card = choose_card(level, "breakthrough", None, "2025Q2")
    with_it = compile_rules(arm_level(level, card, "with"))
    without = compile_rules(arm_level(level, card, "without"))
    [forced] = [e for e in with_it.random_events if e.id == "breakthrough"]
    [kept_out] = [e for e in without.random_events if e.id == "breakthrough"]
    assert forced.probability == 1 and kept_out.probability == 0
    assert forced.when.from_quarter == forced.when.until_quarter == "2025Q2"
    assert forced.when.fired == ["export_controls"]  # its own condition still holds


def test_a_scripted_events_effect_shows_in_its_quarter(level):
    card = choose_card(level, "export_controls", None, None)
    assert card.quarter == "2025Q3"
    preview = run_preview(level, card, make_player, ("greedy", "greedy"), games=2)
    assert preview.arms["with"].acted == 2 and preview.arms["without"].acted == 0
    text = preview_text(preview)
    row = next(line for line in text.splitlines() if line.startswith("2025Q3"))
    assert "(once) china talent -1" in row
    before = next(line for line in text.splitlines() if line.startswith("2025Q2"))
    assert "talent" not in before


def test_a_policy_in_force_is_listed_for_its_quarters(level):
    card = choose_card(level, None, "chips_act", "2025Q2")
    preview = run_preview(level, card, make_player, ("greedy", "greedy"), games=1)
    in_force = preview.arms["with"].in_force
    assert sorted(in_force) == [2, 3, 4, 5]  # turns: 4, from the quarter it is played
    assert in_force[2] == ["usa energy_cost_bn_per_gw ×0.8"]
    assert preview.arms["without"].in_force == {}


def test_unknown_card_and_quarter_are_plain_errors(level):
    with pytest.raises(PreviewError, match="did you mean 'breakthrough'"):
        choose_card(level, "breakthru", None, None)
    with pytest.raises(PreviewError, match="outside the game"):
        choose_card(level, "breakthrough", None, "2031Q1")


def test_command_prints_a_table_and_writes_a_page_with_charts(tmp_path, capsys):
    out = io.StringIO()
    assert cmd_preview(args(event="export_controls", out=str(tmp_path)), out=out) == 0
    text = out.getvalue()
    assert text.splitlines()[3].startswith("quarter")
    assert "USA wins" in text and "95% CI" in text
    page = (tmp_path / "preview.html").read_text(encoding="utf-8")
    assert "difference.png" in page and (tmp_path / "difference.png").stat().st_size > 1000


def test_command_json_and_a_bad_id(capsys):
    out = io.StringIO()
    assert cmd_preview(args(policy="big_fund", json=True), out=out) == 0
    data = json.loads(out.getvalue())
    assert data["card"]["id"] == "big_fund" and set(data["arms"]) == {"with", "without"}
    assert cmd_preview(args(policy="big_funt"), out=io.StringIO()) == 2
    assert "did you mean 'big_fund'" in capsys.readouterr().err
