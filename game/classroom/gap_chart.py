"""The gap chart: who leads by how many months, quarter by quarter, beside reality.

Up is a Titans' lead, down a Swarms' lead; the shaded band is the measured real US lead
(Epoch AI: about 7 months, 4–14), the dashed line its middle. Drawn with plain pygame on
any surface, so the debrief shows it and the report saves the same picture as a PNG.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pygame

from game.classroom.teach import MEASURED_GAP_MONTHS, MEASURED_GAP_RANGE, GapPoint
from game.drawing.pen import Pen
from game.i18n import t


def _blend(a, b, share: float):
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True))


def draw_gap(surface: pygame.Surface, rect: pygame.Rect, points: list[GapPoint], pen: Pen) -> None:
    """The chart inside `rect` (`pen` gives palette, px() and fonts)."""
    p, px = pen.palette, pen.px
    small = pen.font("small")
    line_h = small.get_linesize()
    label_w = small.size("−30")[0] + px(8)
    plot = pygame.Rect(
        rect.left + label_w, rect.top + line_h + px(6), rect.width - label_w - px(8), 0
    )
    plot.height = rect.bottom - line_h - px(6) - plot.top
    if plot.width < px(60) or plot.height < px(40) or not points:
        return
    reach = max([MEASURED_GAP_RANGE[1] + 2.0, *(abs(pt.months) + 2.0 for pt in points)])
    step = 6 if reach <= 24 else 12

    def y_of(months: float) -> int:
        return round(plot.centery - months / reach * (plot.height / 2))

    span = max(1, len(points) - 1)

    def x_of(index: int) -> int:
        return round(plot.left + plot.width * index / span)

    low, high = MEASURED_GAP_RANGE
    band = pygame.Rect(plot.left, y_of(high), plot.width, y_of(low) - y_of(high))
    pygame.draw.rect(surface, _blend(p.panel, p.titans, 0.22), band)
    for x in range(plot.left, plot.right, px(10)):
        y = y_of(MEASURED_GAP_MONTHS)
        pygame.draw.line(surface, p.titans, (x, y), (min(x + px(5), plot.right), y), max(1, px(2)))
    months = -(int(reach) // step) * step
    while months <= reach:
        y = y_of(months)
        colour = p.text_dim if months == 0 else p.panel_hi
        pygame.draw.line(surface, colour, (plot.left, y), (plot.right, y), 1)
        text = small.render(f"{abs(months)}", True, p.text_faint)
        surface.blit(text, text.get_rect(midright=(plot.left - px(4), y)))
        months += step
    up = small.render(t("lessons.gap.lead", name=t("faction.usa.name")), True, p.titans)
    down = small.render(t("lessons.gap.lead", name=t("faction.china.name")), True, p.swarms)
    surface.blit(up, (plot.left, rect.top + px(2)))
    surface.blit(down, (plot.left, plot.bottom + px(4)))
    band_text = small.render(t("lessons.gap.band"), True, p.text_dim)
    if band_text.get_width() < plot.width - up.get_width() - px(20):
        surface.blit(band_text, band_text.get_rect(topright=(plot.right, rect.top + px(2))))
    width = max(2, px(3))
    for a, b in pairwise(points):
        mid = (a.months + b.months) / 2
        colour = p.titans if mid >= 0 else p.swarms
        pygame.draw.line(
            surface, colour, (x_of(a.index), y_of(a.months)), (x_of(b.index), y_of(b.months)), width
        )
    last = points[-1]
    dot = p.titans if last.months >= 0 else p.swarms
    pygame.draw.circle(surface, dot, (x_of(last.index), y_of(last.months)), max(3, px(5)))
    years: dict[str, list[int]] = {}
    for point in points[1:]:
        years.setdefault(point.quarter[:4], []).append(x_of(point.index))
    for year, xs in years.items():  # the year under its quarters, a tick where it ends
        if point_is_year_end(year, points):
            pygame.draw.line(
                surface, p.border, (xs[-1], plot.bottom - px(4)), (xs[-1], plot.bottom), 1
            )
        label = small.render(year, True, p.text_faint)
        spot = label.get_rect(
            midtop=((xs[0] + xs[-1]) // 2 - plot.width // span // 2, plot.bottom + px(4))
        )
        spot.clamp_ip(pygame.Rect(plot.left, spot.top, plot.width, spot.height))
        if spot.left > plot.left + down.get_width() + px(6):
            surface.blit(label, spot)


def point_is_year_end(year: str, points: list[GapPoint]) -> bool:
    return any(pt.quarter == f"{year}Q4" for pt in points)


def gap_png(points: list[GapPoint], path, size=(1400, 560)):
    """The chart as a PNG on the print palette (for the report and the summary page)."""
    from game.classroom.pictures import print_pen, save_png

    pen = print_pen()
    surface = pygame.Surface(size)
    surface.fill(pen.palette.bg)
    draw_gap(surface, surface.get_rect().inflate(-pen.px(12), -pen.px(12)), points, pen)
    return save_png(surface, Path(path))
