"""The report's pictures, drawn with the game's own chart and ladder widgets.

The widgets take an `app` only for its palette, scale and fonts, so a small `Canvas`
stands in for it: the report gets the very charts the players saw, on a light palette
that prints well, without a window (pygame's dummy video driver is enough). The
capability chart marks the quarters in which event cards struck with numbered flags;
`event_marks` gives the numbers the report's event list uses.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from game.engine import Rules
from game.engine import events as ev
from game.match import Match
from game.ui.theme import Palette, Scale, hex_colour

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


class Canvas:
    """What the widgets ask of the `App`: palette, scale, px() and font()."""

    def __init__(self, palette: Palette = PRINT_PALETTE, factor: float = 1.5):
        ensure_pygame()
        self.palette = palette
        self.scale = Scale(factor)

    def px(self, value: float) -> int:
        return self.scale.px(value)

    def font(self, role: str = "body", bold: bool = False):
        return self.scale.font(role, bold)


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


def plot_x_span(app, rect) -> tuple[int, int]:
    """Left and width of the plot inside a large chart (the widget's own arithmetic)."""
    from game.ui.widgets.charts import plot_rect

    plot = plot_rect(app, rect, "capability")
    return plot.left, plot.width


def draw_capability(surface, rect, rules: Rules, match: Match, app) -> list[EventMark]:
    """The large capability chart in `rect` with numbered event flags in a strip below it."""
    import pygame

    from game.ui.draw import panel
    from game.ui.widgets.charts import draw_chart, history

    p, px = app.palette, app.px
    small = app.font("small", bold=True)
    strip = small.get_linesize() + px(10)
    chart = pygame.Rect(rect.left, rect.top, rect.width, rect.height - strip)
    panel(surface, rect, p, app.scale)
    draw_chart(surface, chart, history(rules, match.states)["capability"], app, large=True)
    marks = event_marks(match)
    left, width = plot_x_span(app, chart)
    span = max(1, len(match.states) - 1)
    top = chart.top + app.font("body", True).get_linesize() + px(12)
    line = app.font("small").get_linesize()
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


def _save(surface, path: Path) -> Path:
    import pygame

    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))
    return path


def capability_png(rules: Rules, match: Match, path: Path, size=(1500, 690)) -> Path:
    import pygame

    app = Canvas()
    surface = pygame.Surface(size)
    surface.fill(app.palette.bg)
    draw_capability(surface, surface.get_rect().inflate(-app.px(8), -app.px(8)), rules, match, app)
    return _save(surface, path)


def metric_png(rules: Rules, match: Match, metric: str, path: Path, size=(720, 420)) -> Path:
    import pygame

    from game.ui.draw import panel
    from game.ui.widgets.charts import draw_chart, history

    app = Canvas(factor=1.25)
    surface = pygame.Surface(size)
    surface.fill(app.palette.bg)
    rect = surface.get_rect().inflate(-app.px(6), -app.px(6))
    panel(surface, rect, app.palette, app.scale)
    draw_chart(surface, rect, history(rules, match.states)[metric], app, large=True)
    return _save(surface, path)


def ladder_png(rules: Rules, match: Match, path: Path, size=(900, 900)) -> Path:
    import pygame

    from game.ui.widgets.ladder import LadderView, draw_ladder

    app = Canvas()
    surface = pygame.Surface(size)
    surface.fill(app.palette.bg)
    view = LadderView.from_states(rules, match.state)
    draw_ladder(surface, surface.get_rect().inflate(-app.px(12), -app.px(12)), view, app)
    return _save(surface, path)
