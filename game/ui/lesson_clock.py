"""The lesson's timer on screen, and the lesson's stop between two quarters.

The clock is a small badge at the top centre of the game's screens: minutes left when the
lesson has a time limit (red once the time is up), else the quarters left until the
debrief. It is driven by the app's frame clock (`App._frame` ticks `app.lesson`).
"""

from __future__ import annotations

import pygame

from game.i18n import t
from game.lessons.run import LessonRun, clock_text
from game.ui.draw import draw_text

#: The screens of a game in progress; the badge is not drawn over menus or the debrief.
GAME_SCENES = ("turn", "resolution", "curtain", "pause", "charts")


def clock_label(run: LessonRun, quarters_played: int) -> str | None:
    """The badge's words now, or None when the lesson sets no stop."""
    left = run.seconds_left
    if left is not None:
        return (
            t("lessons.clock.up") if left <= 0 else t("lessons.clock.left", time=clock_text(left))
        )
    stop = run.lesson.lesson.stop_after_quarters
    if stop is None:
        return None
    remaining = max(0, stop - quarters_played)
    if remaining == 1:
        return t("lessons.clock.quarter_left")
    return t("lessons.clock.quarters_left", n=remaining)


def draw_lesson_clock(surface: pygame.Surface, app) -> pygame.Rect | None:
    """The badge at the top centre, if a lesson game is on screen; returns where."""
    run = getattr(app, "lesson", None)
    top = app.stack.top
    if run is None or not run.running or top is None or top.name not in GAME_SCENES:
        return None
    session = run.session
    played = len(session.match.turns) if session is not None else 0
    label = clock_label(run, played)
    if label is None:
        return None
    p, px = app.palette, app.px
    font = app.font("small", bold=True)
    width = min(font.size(label)[0] + px(24), surface.get_width() - px(16))
    rect = pygame.Rect(0, 0, width, font.get_linesize() + px(8))
    rect.midtop = (surface.get_width() // 2, px(2))
    colour = p.bad if run.time_up else p.accent
    pygame.draw.rect(surface, p.bg_deep, rect, border_radius=px(6))
    pygame.draw.rect(surface, colour, rect, width=max(1, px(2)), border_radius=px(6))
    size = app.scale.font_size("small")
    draw_text(
        surface, label, rect, colour, size, bold=True, align="center", valign="middle", max_lines=1
    )
    return rect
