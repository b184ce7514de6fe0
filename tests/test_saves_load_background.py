"""The load list reads saves off the UI thread: a file that stalls shows a "reading…" row
while the others appear, and after the timeout it is listed with its reason, never a
frozen screen. Time here is a fake clock moved by the test (no wall-clock limits)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from game.i18n import set_language
from game.saves import read_save
from game.saves.present import problem_text
from game.ui.runtime import App
from game.ui.save_reader import SaveListReader, is_pending
from game.ui.scenes.load import LoadScene
from game.ui.settings import Settings

STALLED = "stalled.json"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path / "home"))
    set_language("en")
    saves = tmp_path / "saves"
    saves.mkdir()
    for name in ("a.json", STALLED, "z.json"):
        (saves / name).write_text('{"format": "swarms-vs-titans-save", "')
    yield saves
    set_language("en")


class Stall:
    """A read of STALLED that blocks until released; the others read at once."""

    def __init__(self):
        self.release = threading.Event()
        self.now = 0.0

    def read(self, path: Path):
        if path.name == STALLED:
            self.release.wait()
        return read_save(path)

    def clock(self) -> float:
        return self.now


def wait_for(condition, limit: int = 4000) -> None:
    """Let the worker threads run (each check gives them 5 ms) until `condition` holds."""
    for _ in range(limit):
        if condition():
            return
        time.sleep(0.005)
    raise AssertionError("the background reader never got there")


def test_a_stalled_file_reads_as_pending_then_times_out_while_the_others_are_listed(folder):
    stall = Stall()
    reader = SaveListReader(folder, timeout=10, clock=stall.clock, read=stall.read)
    try:
        wait_for(lambda: sum(not is_pending(e) for e in reader.entries()) == 1)
        rows = {e.path.name: e for e in reader.entries()}
        assert not is_pending(rows["a.json"]) and is_pending(rows[STALLED])
        stall.now = 5.0  # not yet too long
        assert is_pending({e.path.name: e for e in reader.entries()}[STALLED])
        stall.now = 11.0  # too long: the stalled file gets its reason, the rest go on
        wait_for(lambda: not reader.reading)
        rows = {e.path.name: e for e in reader.entries()}
        assert rows[STALLED].problem.code == "timed_out"
        assert "took longer than 10 seconds" in problem_text(rows[STALLED].problem)
        assert rows["z.json"].problem is not None and rows["z.json"].problem.code != "timed_out"
    finally:
        stall.release.set()


def test_the_load_screen_draws_a_reading_row_and_stays_responsive(folder, monkeypatch):
    stall = Stall()
    real = SaveListReader

    def stalled_reader(path, **kwargs):
        return real(path, timeout=10, clock=stall.clock, read=stall.read)

    monkeypatch.setattr("game.ui.scenes.load.SaveListReader", stalled_reader)
    app = App(settings=Settings(language="en"), size=(1280, 720), persist=False)
    drawn: list[str] = []
    import game.ui.scenes.load as load_module

    real_draw = load_module.draw_text
    monkeypatch.setattr(
        load_module,
        "draw_text",
        lambda s, text, *a, **k: drawn.append(text) or real_draw(s, text, *a, **k),
    )
    try:
        app.push("load", folder=folder)
        scene = app.stack.top
        assert isinstance(scene, LoadScene)
        wait_for(lambda: (app.step(dt=1 / 30) or True) and len(scene.reader._done) >= 1)
        app.step(dt=1 / 30)
        assert f"Reading {STALLED}…" in drawn and scene.reading
        assert scene.animating()  # frames keep coming while it reads
        stall.now = 11.0
        wait_for(lambda: (app.step(dt=1 / 30) or True) and not scene.reading)
        app.step(dt=1 / 30)
        assert not any(is_pending(e) for e in scene.entries) and len(scene.entries) == 3
        assert app.last_crash_log is None
    finally:
        stall.release.set()
