"""The report's pictures, drawn with the game's own charts and ladder (game/drawing).

Those take a `Pen` (palette and scale), so the report gets the very charts the players
saw, on a light palette that prints well, without a window (pygame's dummy video driver
is enough). The capability chart marks the quarters in which event cards struck with
numbered flags; `event_marks` gives the numbers the report's event list uses.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.drawing.theme import Palette, Scale, hex_colour
from game.engine import Rules
from game.engine import events as ev
from game.match import Match

if TYPE_CHECKING:  # pygame itself is imported only when a picture is drawn
    import pygame

    from game.drawing.pen import Pen

# White paper, dark ink; faction colours darkened enough to read on white (Okabe–Ito).
PRINT_PALETTE = Palette(
    bg=(255, 255, 255),
    bg_deep=(240, 242, 245),
    panel=(255, 255, 255),
    panel_hi=(236, 239, 243),
    border=(160, 168, 178),
    text=(20, 24, 30),
    text_dim=(70, 78, 90),
    text_faint=(110, 118, 130),
    accent=hex_colour("8a6d00"),
    focus=hex_colour("8a6d00"),
    titans=hex_colour("0072b2"),
    swarms=hex_colour("d55e00"),
    good=hex_colour("009e73"),
    bad=hex_colour("cc3311"),
    warn=hex_colour("b58900"),
)


def print_pen(factor: float = 1.5) -> Pen:
    """The report's pen: the print palette, type `factor` times the screen's 100% size."""
    ensure_pygame()
    from game.drawing.pen import Pen

    return Pen(PRINT_PALETTE, Scale(factor))


def ensure_pygame() -> None:
    """Fonts and surfaces without opening a window (the game's own window is left alone)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    if not pygame.font.get_init():
        pygame.font.init()


@dataclass(frozen=True)
class EventMark:
    number: int
    index: int  # position of the quarter in match.turns
    turn: int
    cards: tuple[str, ...]


def event_marks(match: Match) -> list[EventMark]:
    """One numbered mark per quarter in which at least one event card struck."""
    marks = []
    for index, record in enumerate(match.turns):
        cards = tuple(e.event for e in record.events if isinstance(e, ev.CardFired))
        if cards:
            marks.append(EventMark(len(marks) + 1, index, record.turn, cards))
    return marks


def plot_x_span(pen: Pen, rect: pygame.Rect) -> tuple[int, int]:
    """Left and width of the plot inside a large chart (the widget's own arithmetic)."""
    from game.drawing.charts import plot_rect

    plot = plot_rect(pen, rect, "capability")
    return plot.left, plot.width


def draw_capability(surface, rect, rules: Rules, match: Match, pen: Pen) -> list[EventMark]:
    """The large capability chart in `rect` with numbered event flags in a strip below it."""
    import pygame

    from game.drawing.charts import draw_chart, history
    from game.drawing.draw import panel

    p, px = pen.palette, pen.px
    small = pen.font("small", bold=True)
    strip = small.get_linesize() + px(10)
    chart = pygame.Rect(rect.left, rect.top, rect.width, rect.height - strip)
    panel(surface, rect, p, pen.scale)
    draw_chart(surface, chart, history(rules, match.states)["capability"], pen, large=True)
    marks = event_marks(match)
    left, width = plot_x_span(pen, chart)
    span = max(1, len(match.states) - 1)
    top = chart.top + pen.font("body", True).get_linesize() + px(12)
    line = pen.font("small").get_linesize()
    bottom = chart.bottom - px(8) - (line + px(8)) - line  # the plot's floor, above the axis
    last_right = -(10**6)
    for mark in marks:
        x = round(left + width * (mark.index + 1) / span)
        for y in range(top, bottom, px(6)):
            pygame.draw.line(surface, p.accent, (x, y), (x, min(y + px(3), bottom)), 1)
        label = small.render(str(mark.number), True, p.bg)
        badge = label.get_rect(midtop=(x, chart.bottom + px(2))).inflate(px(6), px(2))
        if badge.left <= last_right:  # neighbours: shift right rather than overlap
            badge.left = last_right + px(2)
        pygame.draw.rect(surface, p.accent, badge, border_radius=px(4))
        surface.blit(label, label.get_rect(center=badge.center))
        last_right = badge.right
    return marks


def save_png(surface, path: Path) -> Path:
    import pygame

    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))
    return path


def capability_png(rules: Rules, match: Match, path: Path, size=(1500, 690)) -> Path:
    import pygame

    pen = print_pen()
    surface = pygame.Surface(size)
    surface.fill(pen.palette.bg)
    draw_capability(surface, surface.get_rect().inflate(-pen.px(8), -pen.px(8)), rules, match, pen)
    return save_png(surface, path)


def metric_png(rules: Rules, match: Match, metric: str, path: Path, size=(720, 420)) -> Path:
    import pygame

    from game.drawing.charts import draw_chart, history
    from game.drawing.draw import panel

    pen = print_pen(1.25)
    surface = pygame.Surface(size)
    surface.fill(pen.palette.bg)
    rect = surface.get_rect().inflate(-pen.px(6), -pen.px(6))
    panel(surface, rect, pen.palette, pen.scale)
    draw_chart(surface, rect, history(rules, match.states)[metric], pen, large=True)
    return save_png(surface, path)


def ladder_png(rules: Rules, match: Match, path: Path, size=(900, 900)) -> Path:
    import pygame

    from game.drawing.ladder import LadderView, draw_ladder

    pen = print_pen()
    surface = pygame.Surface(size)
    surface.fill(pen.palette.bg)
    view = LadderView.from_states(rules, match.state)
    draw_ladder(surface, surface.get_rect().inflate(-pen.px(12), -pen.px(12)), view, pen)
    return save_png(surface, path)
