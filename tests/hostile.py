"""Hostile files for the hostile-input tests, and the watchdogs that bound every test.

A watchdog is a hang guard, not a speed limit: it is generous (tens of seconds for work
that takes a fraction of one) and turns "blocked forever" into a failing test instead of
a stuck test run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LEVEL = ROOT / "tests" / "fixtures" / "minimal_level.yaml"
HANG_GUARD_S = 60  # far beyond any honest run of these cases on a slow, shared machine

needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need POSIX")


def within_watchdog(function, *args, seconds: float = HANG_GUARD_S, **kwargs):
    """`function(*args, **kwargs)` run in a daemon thread; the test fails if it has not
    returned after `seconds` (a hung read stays behind in its thread, the run goes on)."""
    box: dict = {}

    def run():
        try:
            box["value"] = function(*args, **kwargs)
        except BaseException as exc:  # handed back to the test below
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"{getattr(function, '__name__', function)} hung (no answer in {seconds} s)")
    if "error" in box:
        raise box["error"]
    return box.get("value")


def run_cli(*args: str, env: dict | None = None, seconds: float = HANG_GUARD_S, cwd=ROOT):
    """`python -m game ARGS` with the dummy video driver; fails the test on a hang."""
    full_env = {
        **os.environ,
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        **(env or {}),
    }
    try:
        return subprocess.run(
            [sys.executable, "-m", "game", *args],
            capture_output=True,
            text=True,
            timeout=seconds,
            env=full_env,
            cwd=cwd,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"`python -m game {' '.join(args)}` hung (no exit in {seconds} s)")


def assert_one_plain_message(result, *words: str) -> None:
    """No traceback, and the error names what the player needs to find."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    for word in words:
        assert word in output, output


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def link_to(path: Path, target: str) -> Path:
    path.symlink_to(target)
    return path


def valid_save_data(folder: Path, slot: str = "good", title: str | None = None) -> dict:
    """A real finished game, saved, as parsed JSON (for tests that then damage it)."""
    from game.engine import compile_rules
    from game.levels.loader import load_level
    from game.match import play_game
    from game.players.registry import make_player
    from game.saves import save_match

    loaded = load_level(LEVEL)
    players = {"usa": make_player("greedy"), "china": make_player("random")}
    match = play_game(compile_rules(loaded.level), players, 4)
    specs = {"usa": "greedy", "china": "random"}
    path = save_match(match, loaded, slot, "ai_vs_ai", specs, folder=folder, title=title)
    return json.loads(path.read_text(encoding="utf-8"))


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
