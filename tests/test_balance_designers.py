"""The balance lab for a designer: quarter axes and event markers, titles not ids, every game
kept as a JSON line, a report even when interrupted, progress in a log, an honest estimate."""

import json
from pathlib import Path

import pygame

import game.cli.balance as balance_cli
from game.balance.runner import GameRecord
from game.cli.main import main
from game.levels.loader import load_level

TUTORIAL = Path(__file__).resolve().parents[1] / "levels" / "tutorial.yaml"
GREEDY = ["--usa", "greedy", "--china", "greedy"]


def run(out: Path, *extra: str) -> int:
    return main(["balance", str(TUTORIAL), "--games", "2", *GREEDY, "--out", str(out), *extra])


def test_every_game_is_a_json_line_and_cards_are_named_by_title(tmp_path, capsys):
    out = tmp_path / "r"
    assert run(out) == 0
    lines = [json.loads(x) for x in (out / "games.jsonl").read_text("utf-8").splitlines()]
    configs = {x["config"] for x in lines}
    assert "baseline" in configs and len(lines) == 2 * len(configs)
    assert {x["seed"] for x in lines} == {1, 2}
    assert all(set(x) >= {"winner", "reason", "final_turn", "frontier_log10"} for x in lines)
    level = load_level(TUTORIAL).level
    md = (out / "report.md").read_text("utf-8")
    event = level.events[0]
    assert f"| {event.title.en} ({event.id}) |" in md
    assert "games.jsonl" in md and "PARTIAL" not in md
    assert "balance: " in capsys.readouterr().err  # progress, though stderr is no terminal


def test_the_stock_chart_has_a_quarter_axis(tmp_path):
    out = tmp_path / "r"
    assert run(out, "--no-restricted") == 0
    level = load_level(TUTORIAL).level
    meta = json.loads((out / "summary.json").read_text("utf-8"))["meta"]
    assert meta["quarters"][0] == level.calendar.start
    assert len(meta["quarters"]) == level.calendar.turns + 1
    scripted = [e for e in level.events if e.at]
    assert len(meta["scripted"]) == len(scripted)
    image = pygame.image.load(str(out / "stocks.png"))
    assert image.get_width() > 400


def test_an_interrupted_run_still_writes_the_report_of_the_games_finished(
    tmp_path, capsys, monkeypatch
):
    def two_then_ctrl_c(level_path, configs, games, seed, progress=None, cluster=None):
        for s in (1, 2):
            yield GameRecord("baseline", s, "usa", "points", 8, {"usa": 26.0, "china": 25.0})
        raise KeyboardInterrupt

    monkeypatch.setattr(balance_cli, "run_lab", two_then_ctrl_c)
    out = tmp_path / "r"
    assert run(out) == 130
    assert len((out / "games.jsonl").read_text("utf-8").splitlines()) == 2
    md = (out / "report.md").read_text("utf-8")
    assert "PARTIAL: interrupted after 2 of" in md
    captured = capsys.readouterr()
    assert "interrupted" in captured.err and "PARTIAL" in captured.out


def test_a_long_run_says_how_long_it_will_take(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(balance_cli, "game_seconds", lambda *a: 30.0)
    monkeypatch.setattr(balance_cli, "_load", lambda: 0.0)
    assert run(tmp_path / "r", "--no-restricted") == 0
    err = capsys.readouterr().err
    assert "estimate: about 60 s for 2 games (30.0 s per game here, 1 process on " in err
