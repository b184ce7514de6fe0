"""Clicks on a scrolled list of rows (Load, Classroom, class overview): which row, and
whether the click completed a double click."""

from __future__ import annotations

from collections.abc import Callable

import pygame

DOUBLE_CLICK_MS = 400


def clicked_row(
    event: pygame.event.Event, list_rect: pygame.Rect, scroll: int, row_h: int
) -> int | None:
    """The row a left click on the list points at (it may lie past the last row), or None
    when the event is not a left click on the list."""
    if event.type != pygame.MOUSEBUTTONDOWN or event.button != 1:
        return None
    if not list_rect.collidepoint(event.pos):
        return None
    return (event.pos[1] - list_rect.top + scroll) // row_h


class DoubleClicks:
    """Remembers the last clicked row: a second click on it in time is a double click."""

    def __init__(self) -> None:
        self._last = (-1, 0)

    def click(self, index: int) -> bool:
        now = pygame.time.get_ticks()
        last, when = self._last
        self._last = (index, now)
        return last == index and now - when < DOUBLE_CLICK_MS


def pick_row(
    event: pygame.event.Event,
    list_rect: pygame.Rect,
    scroll: int,
    row_h: int,
    count: int,
    clicks: DoubleClicks,
    select: Callable[[int], None],
    open_row: Callable[[], None],
) -> bool:
    """A left click on the list selects the row it hits and opens it on a double click.
    True when the click was on the list (a click past the last row is taken, not used)."""
    index = clicked_row(event, list_rect, scroll, row_h)
    if index is None:
        return False
    if 0 <= index < count:
        double = clicks.click(index)
        select(index)
        if double:
            open_row()
    return True
