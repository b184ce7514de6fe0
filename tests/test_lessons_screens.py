"""Lesson mode on screen, driven with real events: a lesson file opens locked, the group
types its name, the timer runs on the game clock and the stop leads to the debrief."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from ui_driver import click, press, settle

from game.i18n import set_language
from game.ui.flow import next_scene
from game.ui.lesson_clock import clock_label, draw_lesson_clock
from game.ui.lesson_start import open_lesson
from game.ui.runtime import App
from game.ui.settings import Settings

LESSON = """\
lesson_version: 1
title: {de: "Klasse 9b", en: "Class 9b"}
level: classroom-45
seed: 4711
side: SIDE
opponent: easy
"""


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    monkeypatch.delenv("SWARMS_VS_TITANS_SAVE_DIR", raising=False)
    yield tmp_path
    set_language("en")


def lesson_file(folder: Path, side: str = "china", extra: str = "") -> Path:
    path = folder / "lesson.yaml"
    path.write_text(LESSON.replace("SIDE", side) + extra, encoding="utf-8")
    return path


def lesson_app(path: Path, lang: str = "de") -> App:
    app = App(settings=Settings(language=lang, animation_speed="off"), persist=False)
    app.push("menu")
    open_lesson(app, str(path))
    settle(app)
    return app


def wait_for(app: App, predicate, seconds: float = 300.0) -> None:
    """Step the app until `predicate()` holds (the limit only stops a hung test)."""
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, f"still on {app.stack.top.name}"
        app.step()
        time.sleep(0.002)


def start(app: App, group: str) -> None:
    scene = app.stack.top
    scene.widgets["lessons.group_entry"].set_text(group)
    click(app, scene.widgets["lessons.start"])
    wait_for(app, lambda: app.stack.top.name == "turn")


def play_quarter(app: App) -> None:
    """Both sides' orders for this quarter (the human's from the stand-in), resolved."""
    session = app.lesson.session
    for side in session.waiting_for_humans():
        session.submit(side, session.stand_in(side))
    wait_for(app, session.poll)
    session.resolve()


def test_a_lesson_opens_locked_into_its_scenario_seed_side_and_ai(home):
    app = lesson_app(lesson_file(home, side="china"))
    scene = app.stack.top
    assert scene.name == "lesson"
    assert not [name for name in scene.widgets if "seed" in name or "side" in name]
    click(app, scene.widgets["lessons.start"])  # no group name yet: said, nothing starts
    assert app.stack.top is scene and scene.error
    start(app, "Lena & Tom")
    session = app.lesson.session
    assert (session.seed, session.humans, session.difficulty) == (4711, ("china",), "easy")
    assert session.loaded.level.id == "classroom-45" and session.group == "Lena & Tom"


def test_with_side_choice_the_group_picks_its_side_first(home):
    app = lesson_app(lesson_file(home, side="choice"), lang="en")
    scene = app.stack.top
    scene.widgets["lessons.group_entry"].set_text("Pair 4")
    click(app, scene.widgets["lessons.start"])
    assert app.stack.top is scene and "side" in scene.error
    click(app, scene.widgets["lessons.side.usa"])
    start(app, "Pair 4")
    assert app.lesson.session.humans == ("usa",)


def test_the_timer_runs_on_the_game_clock_and_the_stop_opens_the_debrief(home):
    app = lesson_app(lesson_file(home, extra="stop_after_minutes: 1\n"))
    start(app, "Gruppe 3")
    run = app.lesson
    for _ in range(30):
        app.step([], dt=1.0)
    assert "0:3" in clock_label(run, 0) and draw_lesson_clock(app.window, app) is not None
    for _ in range(31):
        app.step([], dt=1.0)
    assert run.time_up and clock_label(run, 0) == "Zeit um"
    assert app.notice is not None and "Nachbesprechung" in app.notice[0]
    assert app.stack.top.name == "turn"  # a quarter is never cut in half
    play_quarter(app)
    next_scene(app, run.session)
    settle(app)
    debrief = app.stack.top
    assert debrief.name == "classroom_debrief" and "Zeit" in debrief.stopped
    assert not run.running and draw_lesson_clock(app.window, app) is None
    assert not run.session.finished  # the debrief of an unfinished game
    saved = list((home / "data" / "saves").glob("*.json"))
    assert [p.name for p in saved] == [f"{run.session.save_slot}.json"]
    assert "gruppe-3" in saved[0].name and "seed-4711" in saved[0].name


def test_a_quarter_limit_stops_after_that_many_quarters(home):
    app = lesson_app(lesson_file(home, extra="stop_after_quarters: 2\n"))
    start(app, "Gruppe 5")
    session = app.lesson.session
    play_quarter(app)
    next_scene(app, session)
    assert app.stack.top.name != "classroom_debrief"
    assert clock_label(app.lesson, 1) == "Noch 1 Quartal"
    play_quarter(app)
    next_scene(app, session)
    assert app.stack.top.name == "classroom_debrief" and len(session.match.turns) == 2


def test_a_broken_lesson_shows_its_problems_and_opens_once_fixed(home):
    path = lesson_file(home)
    path.write_text(path.read_text().replace("seed: 4711", "seed: -3"), encoding="utf-8")
    app = lesson_app(path)
    errors = app.stack.top
    assert errors.name == "level-errors" and errors.problems[0].path == "seed"
    path.write_text(path.read_text().replace("seed: -3", "seed: 12"), encoding="utf-8")
    click(app, errors.widgets["level_errors.reload"])
    assert app.stack.top.name == "lesson" and app.stack.top.lesson.lesson.seed == 12


def test_the_pause_menu_opens_the_debrief_of_the_game_so_far(home):
    app = lesson_app(lesson_file(home))
    start(app, "Gruppe 7")
    play_quarter(app)
    next_scene(app, app.lesson.session)
    wait_for(app, lambda: app.stack.top.name == "turn")
    press(app, 27)  # Esc
    assert app.stack.top.name == "pause"
    click(app, app.stack.top.widgets["lessons.debrief_now"])
    assert app.stack.top.name == "classroom_debrief"
    press(app, 27)
    assert app.stack.top.name == "pause"  # back to the game, which goes on
