"""Every group's capability curve on one chart, each numbered as in the class table."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.classroom.overview import Overview
from game.classroom.pictures import print_pen, save_png
from game.i18n import t


def class_chart_png(overview: Overview, path: Path, size=(1500, 860)) -> Path:
    from game.classroom.overview_page import side_of

    pen = print_pen(2.2)  # printed about 12 cm wide: type large enough to read
    p, px = pen.palette, pen.px
    surface = pygame.Surface(size)
    surface.fill(p.bg)
    small = pen.font("small")
    line_h = small.get_linesize()
    plot = pygame.Rect(px(34), px(10), size[0] - px(70), size[1] - px(20) - line_h - px(10))
    longest = max(len(g.curves["usa"]) for g in overview.games)
    span = max(1, longest - 1)

    def at(index: int, value: float) -> tuple[int, int]:
        x = plot.left + plot.width * index / span
        y = plot.bottom - plot.height * max(0.0, min(100.0, value)) / 100.0
        return round(x), round(y)

    for value in range(0, 101, 20):
        y = at(0, value)[1]
        pygame.draw.line(
            surface, p.panel_hi if value else p.border, (plot.left, y), (plot.right, y)
        )
        label = small.render(str(value), True, p.text_faint)
        surface.blit(label, label.get_rect(midright=(plot.left - px(6), y)))
    ends: list[tuple[int, int, int, str]] = []
    for number, game in enumerate(overview.games, 1):
        side = side_of(game)
        curve = game.curves[side]
        colour = p.faction(side)
        points = [at(i, v) for i, v in enumerate(curve)]
        if len(points) > 1:
            pygame.draw.lines(surface, colour, False, points, max(2, px(2)))
        ends.append((*points[-1], number, side))
    taken: list[pygame.Rect] = []
    bold = pen.font("small", bold=True)
    for x, y, number, side in sorted(ends, key=lambda e: e[1]):
        label = bold.render(str(number), True, p.bg)
        badge = label.get_rect(midleft=(x + px(6), y)).inflate(px(6), px(2))
        while any(badge.colliderect(other) for other in taken):
            badge.move_ip(0, badge.height + px(1))
        taken.append(badge)
        pygame.draw.rect(surface, p.faction(side), badge, border_radius=px(3))
        surface.blit(label, label.get_rect(center=badge.center))
    caption = small.render(t("lessons.class.axis"), True, p.text_dim)
    surface.blit(caption, caption.get_rect(midtop=(plot.centerx, plot.bottom + px(8))))
    return save_png(surface, path)
