"""Where each panel of the turn screen goes, for the window size and UI scale at hand.

Wide (room for about 1180×640 design pixels): everything at once — your stocks and the
rival's on the left, the ladder with small charts in the centre, the allocation and the
policies on the right. Compact (large UI scale or a small window): the same panels on
three pages — Race, Stocks, Decide — switched by tabs in the top bar, so nothing is
squeezed until it overlaps or clips. The bottom bar (forecast, problems, End turn) is
always visible. A waste warning gets the bar's whole width below the estimate and End
turn, on as many lines as it wraps onto: the bar grows by them, the panels above give way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.i18n import t
from game.ui.layout import button_height, button_width

WIDE_MIN = (1180, 640)
BOTTOM_MAX_SHARE = 0.4  # however long the warning, the bar takes no more of the height
PAGES = ("race", "stocks", "decide")


@dataclass
class TurnLayout:
    compact: bool
    top: pygame.Rect
    bottom: pygame.Rect
    content: pygame.Rect
    end: pygame.Rect  # the End turn button, right in the bottom bar
    warning: pygame.Rect  # the waste warning's lines across the bottom bar (empty: none)
    panels: dict[str, pygame.Rect] = field(default_factory=dict)  # only the visible ones


def _split_v(rect: pygame.Rect, share: float, gap: int) -> tuple[pygame.Rect, pygame.Rect]:
    h = round((rect.height - gap) * share)
    a = pygame.Rect(rect.left, rect.top, rect.width, h)
    return a, pygame.Rect(rect.left, a.bottom + gap, rect.width, rect.bottom - a.bottom - gap)


def _split_h(rect: pygame.Rect, share: float, gap: int) -> tuple[pygame.Rect, pygame.Rect]:
    w = round((rect.width - gap) * share)
    a = pygame.Rect(rect.left, rect.top, w, rect.height)
    return a, pygame.Rect(a.right + gap, rect.top, rect.right - a.right - gap, rect.height)


def warning_width(app) -> int:
    """How wide the bottom bar's waste warning is (the window's width less the margins)."""
    return app.size[0] - 2 * app.px(10) - 2 * app.px(12)


def compute_layout(app, page: str, warning_lines: int = 0) -> TurnLayout:
    """`warning_lines`: how many lines the waste warning takes (0: no warning)."""
    w, h = app.size
    px = app.px
    factor = app.scale.factor
    compact = w / factor < WIDE_MIN[0] or h / factor < WIDE_MIN[1]
    m, gap = px(10), px(10)
    bh = button_height(app)
    top = pygame.Rect(m, m, w - 2 * m, bh + px(8))
    small_h = app.font("small").get_linesize()
    end_w = button_width(app, t("turn.end"), "large", minimum=150)
    end_h = button_height(app, "large")
    plain_h = max(bh + px(16), small_h * 3 + px(12))  # heading, two lines of estimate
    # with a warning: heading and a line of estimate beside End turn, then the warning
    upper_h = max(small_h * 2, end_h)
    lines = max(0, warning_lines)
    bottom_h = max(plain_h, upper_h + small_h * lines + px(12)) if lines else plain_h
    bottom_h = min(bottom_h, max(plain_h, round(h * BOTTOM_MAX_SHARE)))
    bottom = pygame.Rect(m, h - m - bottom_h, w - 2 * m, bottom_h)
    end = pygame.Rect(bottom.right - end_w - px(10), 0, end_w, end_h)
    warning = pygame.Rect(bottom.left + px(12), bottom.bottom - px(6), bottom.width - px(24), 0)
    if lines:
        upper = pygame.Rect(bottom.left, bottom.top + px(6), bottom.width, upper_h)
        end.centery = upper.centery
        warning.top = upper.bottom
        warning.height = bottom.bottom - px(6) - upper.bottom
    else:
        end.centery = bottom.centery
    content = pygame.Rect(m, top.bottom + gap, w - 2 * m, bottom.top - gap - top.bottom - gap)
    layout = TurnLayout(compact, top, bottom, content, end, warning)
    panels = layout.panels
    if not compact:
        left_w = max(px(290), round(content.width * 0.235))
        right_w = max(px(420), round(content.width * 0.345))
        left = pygame.Rect(content.left, content.top, left_w, content.height)
        right = pygame.Rect(content.right - right_w, content.top, right_w, content.height)
        centre = pygame.Rect(
            left.right + gap, content.top, right.left - left.right - 2 * gap, content.height
        )
        panels["stocks"], panels["rival"] = _split_v(left, 0.63, gap)
        panels["ladder"], panels["charts"] = _split_v(centre, 0.66, gap)
        alloc_h = min(round(right.height * 0.42), bh * 5 + px(40))
        panels["alloc"] = pygame.Rect(right.left, right.top, right.width, alloc_h)
        panels["policies"] = pygame.Rect(
            right.left, right.top + alloc_h + gap, right.width, right.height - alloc_h - gap
        )
        return layout
    if page == "race":
        panels["ladder"], panels["charts"] = _split_h(content, 0.55, gap)
    elif page == "stocks":
        panels["stocks"], panels["rival"] = _split_h(content, 0.55, gap)
    else:
        panels["alloc"], panels["policies"] = _split_h(content, 0.5, gap)
    return layout
