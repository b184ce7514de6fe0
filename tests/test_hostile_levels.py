"""Levels saved in the wrong encoding or holding NUL bytes: a located, plain message, a
level-problems screen that draws it, and a game in progress that survives the reload."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest
from hostile import within_watchdog
from ui_driver import settle

from game.levels.loader import check_level_file, load_level
from game.ui.flow import start_game
from game.ui.runtime import App
from game.ui.scenes.reload import find_session
from game.ui.session import GameSession
from game.ui.settings import Settings

MAIN = Path(__file__).resolve().parents[1] / "levels" / "cold-ai-war.yaml"
TEXT = MAIN.read_text(encoding="utf-8")

VARIANTS = {
    "utf16-bom": TEXT.encode("utf-16"),
    "utf16-le-no-bom": TEXT.encode("utf-16-le"),
    "utf16-be-no-bom": TEXT.encode("utf-16-be"),
    "nul-inside": TEXT.encode()[:500] + b"\x00" + TEXT.encode()[500:],
    "one-megabyte-line-and-nul": b"id: " + b"x" * 900_000 + b"\x00\n",
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_a_wrongly_encoded_level_gets_a_located_message_the_screen_can_draw(home, name):
    path = home / f"{name}.yaml"
    path.write_bytes(VARIANTS[name])
    loaded, problems = within_watchdog(check_level_file, path)
    assert loaded is None and problems
    first = problems[0]
    assert first.line >= 1 and first.col >= 1 and first.file == str(path)
    if name.startswith("utf16"):
        assert "UTF-16" in first.message and "UTF-8" in first.hint
    else:
        assert "NUL" in first.message
    assert "\x00" not in (first.source_line or "")
    app = App(settings=Settings(language="en"), persist=False)
    app.push("menu")
    app.push("level-errors", path=str(path), problems=problems)
    within_watchdog(settle, app)
    assert app.stack.top.name == "level-errors"


def test_a_utf8_level_with_a_bom_loads(home):
    path = home / "bom.yaml"
    path.write_bytes(TEXT.encode("utf-8-sig"))
    loaded, problems = check_level_file(path)
    assert loaded is not None, problems


def test_a_broken_reload_under_designer_keeps_the_game_in_progress(home):
    path = home / "mine.yaml"
    path.write_text(TEXT, encoding="utf-8")
    app = App(settings=Settings(language="en"), persist=False, designer=True)
    app.level_path = str(path)
    app.push("menu")
    session = GameSession.new(load_level(path), "hotseat", seed=7)
    start_game(app, session)
    settle(app)
    for variant in VARIANTS.values():
        path.write_bytes(variant)
        stat = path.stat()
        os.utime(path, (stat.st_atime, stat.st_mtime + 5))
        app.reload_level()
        settle(app)
        assert app.stack.top.name == "level-errors"
        assert find_session(app) is session
    path.write_text(TEXT, encoding="utf-8")
    app.stack.top.reload()
    settle(app)
    assert app.stack.top.name != "level-errors" and find_session(app) is session
    pygame.event.clear()
