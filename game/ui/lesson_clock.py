"""The lesson's timer on screen, and the lesson's stop between two quarters.

The clock is a small badge at the top centre of the game's screens: minutes left when the
lesson has a time limit (red once the time is up), else the quarters left until the
debrief. It is driven by the app's frame clock (`App._frame` ticks `app.lesson`).
"""

from __future__ import annotations

import pygame

from game.drawing.draw import draw_text
from game.i18n import t
from game.lessons.run import LessonRun, clock_text

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


def tick_lesson(app, dt: float) -> None:
    """Advance the lesson clock by one frame; the moment time runs out, say what follows."""
    run = getattr(app, "lesson", None)
    if run is None:
        return
    was_up = run.time_up
    run.tick(dt)
    if run.running and run.time_up and not was_up:
        from game.ui import notices

        notices.post(t("lessons.clock.up_long"))


def _free_spot(app, size: tuple[int, int]) -> pygame.Rect:
    """Where the badge covers no button: top centre, else beside the top-right button,
    else bottom centre (the first that is free; top centre if none is)."""
    w, h = app.size
    px = app.px
    taken = [getattr(e, "rect", None) for e in getattr(app.stack.top, "_elements", [])]
    taken = [r for r in taken if r is not None]
    rect = pygame.Rect((0, 0), size)
    spots = [
        {"midtop": (w // 2, 0)},
        {"topright": (min((r.left for r in taken if r.top < px(60)), default=w) - px(8), 0)},
        {"midbottom": (w // 2, h - px(2))},
    ]
    for spot in spots:
        candidate = rect.copy()
        setattr(candidate, *next(iter(spot.items())))
        if candidate.left >= 0 and not any(candidate.colliderect(r) for r in taken):
            return candidate
    rect.midtop = w // 2, 0
    return rect


def draw_lesson_clock(surface: pygame.Surface, app) -> pygame.Rect | None:
    """The badge on a lesson game's screens, where it covers no button; returns where."""
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
    width = min(font.size(label)[0] + px(20), surface.get_width() - px(16))
    rect = _free_spot(app, (width, font.get_linesize() + px(2)))  # in the top margin
    colour = p.bad if run.time_up else p.accent
    pygame.draw.rect(surface, p.bg_deep, rect, border_radius=px(6))
    pygame.draw.rect(surface, colour, rect, width=max(1, px(2)), border_radius=px(6))
    size = app.scale.font_size("small")
    draw_text(
        surface, label, rect, colour, size, bold=True, align="center", valign="middle", max_lines=1
    )
    return rect
