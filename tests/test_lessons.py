"""Lesson files: checked like levels (every problem located), and the lesson's clock."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.cli.main import main
from game.lessons import LessonRun, check_lesson_file, load_lesson
from game.lessons.run import clock_text

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "lessons" / "klasse-9b.yaml"

GOOD = """\
lesson_version: 1
title: {de: "Test", en: "Test"}
level: classroom-45
seed: 4711
side: usa
opponent: easy
"""


def write(tmp_path, text: str, name: str = "lesson.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_shipped_lesson_validates_with_the_level_checker(capsys):
    assert main(["validate", str(ROOT / "lessons")]) == 0
    assert "OK: 1 lesson(s)" in capsys.readouterr().out
    lesson = load_lesson(SHIPPED)
    assert lesson.level.level.id == "classroom-45" and lesson.lesson.seed == 4711


def test_a_broken_lesson_names_every_problem_by_line_and_column(tmp_path, capsys):
    text = GOOD.replace("seed: 4711", "seed: 0").replace("side: usa", "side: both")
    text = text.replace("opponent: easy", "opponnent: easy")
    path = write(tmp_path, text)
    loaded, problems = check_lesson_file(path)
    assert loaded is None
    where = {(p.path, p.line, p.col) for p in problems}
    assert ("seed", 4, 7) in where and ("side", 5, 7) in where
    typo = next(p for p in problems if p.path == "opponnent")
    assert typo.hint == "did you mean 'opponent'?"
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:4:7: error: seed:" in out and "FAILED" in out


def test_a_misspelt_scenario_is_found_with_did_you_mean(tmp_path):
    path = write(tmp_path, GOOD.replace("classroom-45", "clasroom-45"))
    loaded, problems = check_lesson_file(path)
    assert loaded is None
    [problem] = problems
    assert (problem.code, problem.line) == ("unknown-level", 3)
    assert problem.hint == "did you mean 'classroom-45'?"


def test_a_level_beside_the_lesson_file_is_found(tmp_path):
    level = (ROOT / "levels" / "tutorial.yaml").read_text(encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(level, encoding="utf-8")
    loaded, _ = check_lesson_file(write(tmp_path, GOOD.replace("classroom-45", "mine.yaml")))
    assert loaded is not None and loaded.level.path.endswith("mine.yaml")


def test_a_stop_after_the_scenarios_end_is_a_warning(tmp_path):
    path = write(tmp_path, GOOD + "stop_after_quarters: 40\n")
    loaded, problems = check_lesson_file(path)
    assert loaded is not None
    assert [(p.severity, p.code, p.line) for p in problems] == [("warning", "stop-after-end", 7)]


def test_the_clock_counts_only_the_time_it_is_given():
    lesson = load_lesson(SHIPPED)  # 25 minutes or 8 quarters
    run = LessonRun(lesson, "Gruppe 1", "usa")
    assert run.seconds_left == 25 * 60 and not run.should_stop(0)
    for _ in range(24 * 60):
        run.tick(1.0)
    assert clock_text(run.seconds_left) == "1:00" and not run.time_up
    run.tick(float("nan"))
    run.tick(-5.0)
    assert clock_text(run.seconds_left) == "1:00"  # nonsense frames change nothing
    run.tick(60.0)
    assert run.time_up and run.should_stop(3)
    fresh = LessonRun(lesson, "Gruppe 2", "china")
    assert not fresh.should_stop(7) and fresh.should_stop(8)
    fresh.running = False
    fresh.tick(10_000.0)
    assert fresh.elapsed == 0.0  # a stopped lesson's clock stands still


@pytest.mark.parametrize("seconds,text", [(0.2, "0:01"), (59.0, "0:59"), (61.0, "1:01")])
def test_clock_text_rounds_up_so_zero_means_up(seconds, text):
    assert clock_text(seconds) == text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_named_as_a_lesson_is_refused_without_waiting(tmp_path):
    pipe = tmp_path / "lesson.yaml"
    os.mkfifo(pipe)
    loaded, [problem] = check_lesson_file(pipe)
    assert loaded is None and "not an ordinary file" in problem.message


def test_both_spellings_of_the_lesson_option_reach_the_app(monkeypatch):
    import game.app

    opened = []
    monkeypatch.setattr(game.app, "run_app", lambda **kw: opened.append(kw["lesson"]) or 0)
    assert main(["--lesson", "a.yaml"]) == 0 and main(["play", "--lesson", "b.yaml"]) == 0
    assert opened == ["a.yaml", "b.yaml"]
