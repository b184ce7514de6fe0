"""Monkey test: thousands of seeded random clicks, keys and resizes across every scene.

Every few dozen inputs (every 250 in the long soak) the test jumps to another scene (as
`shot` builds it) so that all of them get their share, including the ones deep in a game.
Passing means: no exception reached the apology screen and the window never closed
unexpectedly.
"""

from __future__ import annotations

import os
import random

import pygame
import pytest

from game.ui.runtime import App
from game.ui.scenes import scene_class
from game.ui.settings import Settings
from game.ui.shot import Shot

# The default suite runs a short soak (~3 s of CPU); the full 10,000 steps (~30 s, nearly
# all drawing) run with `pytest -m slow`, as `.ci/run` does. UI_MONKEY_STEPS overrides both.
SHORT_STEPS, SOAK_STEPS = 1000, 10000
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


def jump(app: App, rng: random.Random, shot: Shot) -> None:
    """Start again from the menu with a random scene on top."""
    name = rng.choice(SCENES)
    app.stack.reset(scene_class("menu")(app))
    cls = scene_class(name)
    if name != "menu" and cls is not None:
        app.push(cls.for_shot(app, shot) if hasattr(cls, "for_shot") else cls(app))


def steps(default: int) -> int:
    return int(os.environ.get("UI_MONKEY_STEPS", default))


def test_random_input_never_crashes(home):
    monkey(steps(SHORT_STEPS), seed=20251129)


@pytest.mark.slow
def test_a_long_soak_of_random_input_never_crashes(home):
    monkey(steps(SOAK_STEPS), seed=20251130)


def monkey(count: int, seed: int) -> None:
    """`count` random inputs; every scene the soak is meant to reach must be reached."""
    rng = random.Random(seed)
    jump_every = max(25, min(250, count // 40))  # about forty scenes per run
    app = App(settings=Settings(language="en", animation_speed="fast"), persist=False)
    shot = Shot(turn=3, seed=5)
    app.push("menu")
    visited = set()
    for step in range(count):
        if step % jump_every == 0:
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
