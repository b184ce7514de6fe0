"""Monkey test: thousands of seeded random clicks, keys and resizes across every scene.

Every few hundred inputs the test jumps to another scene (as `shot` builds it) so that all
of them get their share, including the ones deep in a game. Passing means: no exception
reached the apology screen and the window never closed unexpectedly.
"""

from __future__ import annotations

import os
import random

import pygame
import pytest

from game.i18n import set_language
from game.ui.runtime import App
from game.ui.scenes import scene_class
from game.ui.settings import Settings
from game.ui.shot import Shot

# The full 10,000 steps: ~30 s of CPU (autosave fsyncs are under 1 s of it; the rest is
# drawing). Lower UI_MONKEY_STEPS for a quick local run.
STEPS = int(os.environ.get("UI_MONKEY_STEPS", "10000"))
JUMP_EVERY = 250
SCENES = ("menu", "setup", "turn", "curtain", "resolution", "end", "settings", "help")
KEYS = [
    (pygame.K_SPACE, " "),
    (pygame.K_RETURN, "\r"),
    (pygame.K_TAB, "\t"),
    (pygame.K_ESCAPE, ""),
    (pygame.K_UP, ""),
    (pygame.K_DOWN, ""),
    (pygame.K_LEFT, ""),
    (pygame.K_RIGHT, ""),
    (pygame.K_PAGEDOWN, ""),
    (pygame.K_BACKSPACE, ""),
    (pygame.K_F1, ""),
    (pygame.K_s, "s"),
    (pygame.K_e, "e"),
    (pygame.K_c, "c"),
    (pygame.K_7, "7"),
]


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    yield tmp_path
    set_language("en")


def jump(app: App, rng: random.Random, shot: Shot) -> None:
    """Start again from the menu with a random scene on top."""
    name = rng.choice(SCENES)
    app.stack.reset(scene_class("menu")(app))
    cls = scene_class(name)
    if name != "menu" and cls is not None:
        app.push(cls.for_shot(app, shot) if hasattr(cls, "for_shot") else cls(app))


def test_random_input_never_crashes(home):
    rng = random.Random(20251129)
    app = App(settings=Settings(language="en", animation_speed="fast"), persist=False)
    shot = Shot(turn=3, seed=5)
    app.push("menu")
    visited = set()
    for step in range(STEPS):
        if step % JUMP_EVERY == 0:
            jump(app, rng, shot)
        w, h = app.size
        roll = rng.random()
        if roll < 0.6:
            pos = (rng.randrange(w), rng.randrange(h))
            pygame.event.post(
                pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
            )
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        elif roll < 0.97:
            key, char = rng.choice(KEYS)
            pygame.event.post(
                pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=char, scancode=0)
            )
            pygame.event.post(
                pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=char, scancode=0)
            )
        else:
            size = (rng.randint(800, 1600), rng.randint(480, 1000))
            pygame.display.set_mode(size, pygame.RESIZABLE)
            pygame.event.post(
                pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])
            )
        app.step(dt=1 / 30)
        assert app.last_crash_log is None, f"step {step}: crash, see {app.last_crash_log}"
        if not app.running:  # Quit was pressed: fine, open the game again
            app.running = True
            jump(app, rng, shot)
        visited.add(app.stack.top.name)
    assert {"menu", "setup", "curtain", "resolution", "end"} <= visited
