"""Small layout helpers that size widgets from the text they hold, at the current scale."""

from __future__ import annotations

import pygame


def button_height(app, role: str = "body") -> int:
    """Height of a one-line button whose text is in font `role`."""
    return app.font(role).get_linesize() + app.px(12)


def text_width(app, text: str, role: str = "body", bold: bool = False) -> int:
    return app.font(role, bold).size(text)[0]


def button_width(app, text: str, role: str = "body", minimum: int = 0) -> int:
    """Wide enough for `text` plus pygame_gui's padding on both sides."""
    return max(app.px(minimum), text_width(app, text, role) + app.px(26))


def margin(app, design: int = 48, share: float = 0.04) -> int:
    """A page margin that grows with the UI scale but never eats a small window."""
    w = app.size[0]
    return max(app.px(12), min(app.px(design), round(w * share)))


def flow(
    widths: list[int], x: int, y: int, max_width: int, height: int, gap: int
) -> list[pygame.Rect]:
    """Place boxes left to right, wrapping to a new row when `max_width` is reached."""
    rects = []
    cx, cy = x, y
    for w in widths:
        if cx > x and cx + w > x + max_width:
            cx, cy = x, cy + height + gap
        rects.append(pygame.Rect(cx, cy, w, height))
        cx += w + gap
    return rects
