"""The command line, run as a user runs it: a subprocess with real arguments."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
LEVEL = ROOT / "levels" / "cold-ai-war.yaml"


def run(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "game", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_validate_says_ok_for_good_levels():
    result = run("validate", str(LEVEL))
    assert result.returncode == 0
    assert result.stdout.strip().endswith("OK: 1 level(s)")


def test_validate_locates_a_broken_level(tmp_path):
    broken = tmp_path / "broken.yaml"
    text = LEVEL.read_text(encoding="utf-8").replace("  turns: 24", "  turns: lots", 1)
    broken.write_text(text, encoding="utf-8")
    result = run("validate", str(broken))
    assert result.returncode == 1
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "turns: lots" in ln)
    assert f"broken.yaml:{line}:" in result.stdout
    assert "calendar.turns" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_simulate_reports_as_json_on_the_last_line():
    result = run("simulate", str(LEVEL), "--games", "6", "--seed", "3", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    for key in ("games", "wins", "draws", "superintelligence_share", "median_final_turn"):
        assert key in summary
    assert summary["games"] == 6
    assert sum(summary["wins"].values()) + summary["draws"] == 6
    assert 4 <= summary["start_lag_months"] <= 14


def test_simulate_rejects_an_unknown_player_plainly():
    result = run("simulate", str(LEVEL), "--usa", "grandmaster")
    assert result.returncode != 0
    assert "grandmaster" in result.stderr and "Traceback" not in result.stderr


def test_simulate_is_repeatable_under_a_seed():
    a = run("simulate", str(LEVEL), "--games", "4", "--seed", "9", "--usa", "random", "--json")
    b = run("simulate", str(LEVEL), "--games", "4", "--seed", "9", "--usa", "random", "--json")
    assert a.stdout.splitlines()[-1] == b.stdout.splitlines()[-1]


def test_schema_is_json_with_the_level_fields():
    result = run("schema")
    schema = json.loads(result.stdout)
    assert {"factions", "chips", "policies", "events"} <= set(schema["properties"])


def test_trace_prints_every_quarter():
    result = run("trace", str(LEVEL), "--seed", "2")
    assert result.returncode == 0
    assert "2025Q1" in result.stdout and "outcome:" in result.stdout


def test_missing_level_file_is_a_message_not_a_traceback():
    result = run("simulate", "levels/nope.yaml")
    assert result.returncode != 0
    assert "nope.yaml" in result.stderr and "Traceback" not in result.stderr


def test_tournament_runs_in_a_pipe_and_prints_the_matrix():
    result = run("tournament", str(LEVEL), "--games", "1", "--players", "random,greedy")
    assert result.returncode == 0, result.stderr
    assert "random vs greedy" in result.stdout


def test_balance_runs_in_a_pipe(tmp_path):
    result = run(
        "balance",
        str(LEVEL),
        "--games",
        "2",
        "--usa",
        "greedy",
        "--china",
        "greedy",
        "--no-restricted",
        "--out",
        str(tmp_path / "lab"),
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "lab" / "report.html").exists()
