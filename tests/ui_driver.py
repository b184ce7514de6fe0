"""Real pygame events for screen tests: click a widget, press a key, let frames pass.

Shared by the screen tests so that every one drives the game the same way a player does.
"""

from __future__ import annotations

import time

import pygame


def settle(app, frames: int = 3) -> None:
    for _ in range(frames):
        app.step()
    wait_for_files(app)


def wait_for_files(app, limit: int = 6000) -> None:
    """A screen that reads files off the UI thread (the load list's "reading…" rows): let
    frames pass until it has read them, as a player waits for the list to fill."""
    if not getattr(app.stack.top, "reading", False):
        if hasattr(app.stack.top, "reading"):
            app.step()  # the reading may have ended after the last frame: take its rows in
        return
    for _ in range(limit):
        time.sleep(0.005)
        app.step()
        if not getattr(app.stack.top, "reading", False):
            app.step()  # the frame that takes in the last rows
            return
    raise AssertionError(f"{app.stack.top.name} is still reading files")


def wait_until_ready(app, limit: int = 200) -> None:
    """Let frames pass until a press would reach the screen, as a player waits to see a new
    screen before clicking it (the input guard drops presses right after a change)."""
    for _ in range(limit):
        if app.input_ready():
            return
        app.step(dt=0.05)
    raise AssertionError(f"{app.stack.top.name} never became ready for input")


def click(app, widget) -> None:
    """Hover, then press and release the left button on the widget's centre."""
    click_at(app, widget.rect.center)


def click_at(app, pos: tuple[int, int]) -> None:
    """Hover, then press and release the left button at `pos` (a list row, a chart point)."""
    wait_until_ready(app)
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    )
    settle(app, 1)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    settle(app)


def press(app, key: int, unicode: str = "", mod: int = 0) -> None:
    """Key down and up, then a few frames."""
    wait_until_ready(app)
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=key, mod=mod, unicode=unicode, scancode=0))
    settle(app)
