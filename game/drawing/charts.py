"""History line charts (capability, usable compute, energy, talent) for both sides.

`history(rules, states)` reads the numbers out of `match.states`; `draw_chart` draws one
metric into any rect, small (title, two lines, latest values) or large (axes, quarter
labels, legend) and returns the `Plot` it drew into, so callers can mark quarters on it
without repeating the layout. The two sides differ in marker shape as well as colour:
Titans squares, Swarms dots, each with its faction glyph in the legend.

Axis labels adapt to the room they get: fewer value ticks in a short chart, every second
(or fifth) year in a narrow one, short faction names in a tight legend — never overlapping.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pygame

from game.drawing import fmt
from game.drawing.draw import draw_text
from game.drawing.icons import faction_glyph
from game.drawing.pen import Pen
from game.drawing.theme import mix
from game.engine import formulas
from game.engine.effects import effective_params
from game.engine.rules import Rules
from game.engine.state import GameState
from game.i18n import t
from game.levels.model import SIDES

METRICS = ("capability", "compute", "energy", "talent")
#: Year steps tried for the x-axis labels, densest first.
YEAR_STEPS = (1, 2, 5, 10)


def _value(rules: Rules, state: GameState, side: str, metric: str) -> float:
    f = state.factions[side]
    if metric == "capability":
        return max(0.0, min(100.0, rules.capability(f.frontier_log10)))
    if metric == "compute":
        return f.usable_pflops if state.turn > 1 else starting_pflops(rules, state, side)
    if metric == "energy":
        return f.energy_gw
    return f.talent


def format_value(metric: str, value: float, *, unit: bool = True, decimals: int = 1) -> str:
    if metric == "compute":
        return t("unit.pflops", v=fmt.compact(value)) if unit else fmt.compact(value)
    if metric == "energy" and unit:
        return t("unit.gw", v=fmt.num(value, decimals))
    return fmt.num(value, decimals)


@dataclass(frozen=True)
class Series:
    metric: str
    values: dict[str, list[float]]  # side -> one value per state
    first_turn: int
    quarters: list[str]  # calendar name per state


def starting_pflops(rules: Rules, state: GameState, side: str) -> float:
    """Usable compute before the first quarter is played (the engine works it out only
    while resolving a quarter, so the first state would say 0 though chips are running)."""
    f = state.factions[side]
    params = effective_params(rules, state, side)
    return formulas.usable_flops(rules, f, params, f.energy_gw) / 1e15


def history(rules: Rules, states: list[GameState]) -> dict[str, Series]:
    """Every metric for both sides over the given states (oldest first)."""
    quarters = [rules.quarter(s.turn) for s in states]
    first = states[0].turn if states else 1
    return {
        m: Series(
            m,
            {side: [_value(rules, s, side, m) for s in states] for side in SIDES},
            first,
            quarters,
        )
        for m in METRICS
    }


@dataclass(frozen=True)
class Plot:
    """The area the lines are drawn in, and where a state index / a value lands on it."""

    rect: pygame.Rect
    count: int  # states along x (index 0 at the left edge, count-1 at the right)
    top: float  # the value at the top edge (the bottom edge is 0)
    legend: pygame.Rect | None = None  # the legend row actually drawn (large charts)

    def x(self, index: float) -> int:
        return round(self.rect.left + self.rect.width * index / max(1, self.count - 1))

    def y(self, value: float) -> int:
        share = max(0.0, min(1.0, value / self.top)) if self.top > 0 else 0.0
        return round(self.rect.bottom - self.rect.height * share)

    @property
    def usable(self) -> bool:
        return self.rect.width > 0 and self.rect.height > 0


def _nice_top(value: float) -> float:
    """A round axis maximum at or above `value`."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** int(f"{value:e}".split("e")[1])
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def axis_top(series: Series) -> float:
    """The value at the top of the chart: 100 for capability, else a round number."""
    if series.metric == "capability":
        return 100.0
    return _nice_top(max((max(v) for v in series.values.values() if v), default=1.0))


def y_steps(pen: Pen, height: int, large: bool) -> int:
    """How many grid intervals fit: 4, 2 or 1, with room for a label between lines."""
    room = pen.font("small").get_linesize() * 1.15 if large else pen.px(12)
    for steps in (4, 2, 1) if large else (2, 1):
        if height / steps >= room:
            return steps
    return 1


def _tick_label(metric: str, value: float) -> str:
    """A y-axis label without unit (the chart's title names it)."""
    whole = float(value).is_integer()
    return format_value(metric, value, unit=False, decimals=0 if whole else 1)


def _layout(pen: Pen, rect: pygame.Rect, metric: str, top: float) -> tuple[pygame.Rect, int]:
    """The large chart's plot rect and grid intervals (title above, labels and legend below)."""
    px, small = pen.px, pen.font("small")
    pad = px(8)
    title_bottom = rect.top + pad + pen.font("body", True).get_linesize()
    legend_h = small.get_linesize() + pad
    x_labels = small.get_linesize()
    height = rect.height - (title_bottom - rect.top) - px(4) - pad - legend_h - x_labels
    steps = y_steps(pen, height, True)
    labels = [_tick_label(metric, top * k / steps) for k in range(steps + 1)]
    axis_w = max(small.size(text)[0] for text in labels) + pad
    plot = pygame.Rect(
        rect.left + pad + axis_w, title_bottom + px(4), rect.width - 2 * pad - axis_w, height
    )
    return plot, steps


def plot_rect(pen: Pen, rect: pygame.Rect, metric: str = "capability", top: float = 100.0):
    """Where `draw_chart(..., large=True)` draws the lines of `metric` inside `rect`."""
    return _layout(pen, rect, metric, top)[0]


def spread_labels(
    boxes: list[pygame.Rect], gap: int, *, aligned: bool = True, limit: int | None = None
) -> list[int]:
    """Indices of `boxes` (left to right) to show so that none overlap: the first always,
    then every n-th of the rest for the smallest n that leaves `gap` pixels between labels
    and stays left of `limit`. `aligned`: the rhythm counts from the first label (years from
    a Q1 start), else from the second."""
    if not boxes:
        return []
    rest = range(1, len(boxes))
    for step in (*YEAR_STEPS, len(boxes)):
        shift = 1 if aligned else 0
        chosen = [i for k, i in enumerate(rest) if (k + shift) % step == 0]
        # the first label may hide the next one; skip that, keep the rhythm
        chosen = [i for i in chosen if boxes[i].left >= boxes[0].right + gap]
        if limit is not None:
            chosen = [i for i in chosen if boxes[i].right <= limit]
        picked = [0, *chosen]
        if all(boxes[b].left - boxes[a].right >= gap for a, b in itertools.pairwise(picked)):
            return picked
    return [0]


def _x_labels(surface, plot: Plot, series: Series, pen: Pen, right_edge: int) -> None:
    """The first quarter at the left end, then each new year under its first quarter."""
    p, px, small = pen.palette, pen.px, pen.font("small")
    grid = mix(p.border, p.panel, 0.4)
    if not series.quarters:
        return
    marks = [(i, q[:4]) for i, q in enumerate(series.quarters) if q.endswith("Q1") and i > 0]
    for i, _ in marks:
        x = plot.x(i)
        pygame.draw.line(surface, grid, (x, plot.rect.bottom), (x, plot.rect.bottom + px(3)), 1)
    first = fmt.quarter(series.quarters[0])
    if marks and series.quarters[0].endswith("Q1"):
        room = plot.x(marks[0][0]) - plot.rect.left - small.size(marks[0][1])[0] // 2 - px(10)
        if small.size(first)[0] > room:  # tight: "2025" rather than hide 2026 behind it
            first = series.quarters[0][:4]
    items = [(0, first), *marks]
    images = [small.render(text, True, p.text_faint) for _, text in items]
    boxes = []
    for (i, _), img in zip(items, images, strict=True):
        box = img.get_rect(midtop=(plot.x(i), plot.rect.bottom + px(3)))
        if i == 0:
            box.left = plot.rect.left
        elif box.right > right_edge:  # the last year may lean left to stay inside
            box.right = right_edge
        boxes.append(box)
    aligned = series.quarters[0].endswith("Q1")
    for k in spread_labels(boxes, px(10), aligned=aligned, limit=right_edge):
        surface.blit(images[k], boxes[k])


def _legend(surface, rect: pygame.Rect, y: int, pen: Pen) -> pygame.Rect:
    """Both factions with glyphs from `rect.left`; short names (or glyphs only) when tight.
    Returns the row actually used."""
    p, px, small = pen.palette, pen.px, pen.font("small")
    g = px(10)
    for key in ("full", "name", None):
        texts = [t(f"faction.{side}.{key}") if key else "" for side in SIDES]
        need = sum(g + px(5) + small.size(text)[0] + px(18) for text in texts) - px(18)
        if need <= rect.width:
            break
    x = rect.left
    for side, text in zip(SIDES, texts, strict=True):
        glyph = pygame.Rect(x, y + (small.get_linesize() - g) // 2, g, g)
        faction_glyph(surface, side, glyph, p.faction(side))
        x += g + px(5)
        if text:
            img = small.render(text, True, p.text)
            surface.blit(img, (x, y))
            x += img.get_width()
        x += px(18)
    return pygame.Rect(rect.left, y, x - px(18) - rect.left, small.get_linesize())


def _latest_values(surface, series: Series, title: pygame.Rect, pen: Pen) -> int:
    """Small chart: both sides' latest values, glyph-marked, right of the title or below
    it. Returns the height taken below the title (0 or one line)."""
    p, px, small = pen.palette, pen.px, pen.font("small")
    g = px(8)
    title_w = pen.font("small", True).size(t(f"chart.short.{series.metric}"))[0]
    for with_unit in (True, False):
        parts = [
            (
                side,
                small.render(
                    format_value(series.metric, v[-1], unit=with_unit), True, p.faction(side)
                ),
            )
            for side, v in series.values.items()
            if v
        ]
        need = sum(img.get_width() + g + px(11) for _, img in parts)
        if need <= title.width:
            break
    else:
        return 0
    row, below = pygame.Rect(title), 0
    if parts and title_w + need + px(8) > title.width:
        row = pygame.Rect(title.left, title.bottom, title.width, small.get_linesize())
        below = row.height
    x = row.right
    for side, img in reversed(parts):
        x -= img.get_width()
        surface.blit(img, (x, row.top))
        x -= g + px(3)
        faction_glyph(surface, side, pygame.Rect(x, row.centery - g // 2, g, g), p.faction(side))
        x -= px(8)
    return below


def draw_chart(
    surface: pygame.Surface, rect: pygame.Rect, series: Series, pen: Pen, *, large: bool = False
) -> Plot:
    """One metric as two lines in `rect`; `large` adds axes, quarter labels and a legend.
    Returns the plot drawn into (`plot.usable` is False when `rect` was too small)."""
    p, px, size = pen.palette, pen.px, pen.scale.font_size
    small = pen.font("small")
    pad = px(8)
    title_h = (pen.font("body", True) if large else small).get_linesize()
    title = pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, title_h)
    draw_text(
        surface,
        t(f"chart.{series.metric}") + f"  ·  {t(f'chart.unit.{series.metric}')}"
        if large
        else t(f"chart.short.{series.metric}"),
        title,
        p.text if large else p.text_dim,
        size("body" if large else "small"),
        bold=True,
        max_lines=1,
    )
    top = axis_top(series)
    count = max((len(v) for v in series.values.values()), default=0)
    if large:
        box, steps = _layout(pen, rect, series.metric, top)
    else:
        box = pygame.Rect(
            rect.left + pad,
            title.bottom + px(4),
            rect.width - 2 * pad,
            rect.bottom - title.bottom - px(4) - pad,
        )
        below = _latest_values(surface, series, title, pen)
        box.top += below
        box.height -= below
        steps = y_steps(pen, box.height, False)
    if box.height < px(16) or box.width < px(30):
        return Plot(pygame.Rect(box.left, box.top, 0, 0), count, top)
    plot = Plot(box, count, top)
    grid = mix(p.border, p.panel, 0.4)
    for k in range(steps + 1):
        value = top * k / steps
        y = plot.y(value)
        pygame.draw.line(surface, grid, (box.left, y), (box.right, y), 1)
        if large:
            label = small.render(_tick_label(series.metric, value), True, p.text_faint)
            surface.blit(label, label.get_rect(midright=(box.left - px(4), y)))
    for side in SIDES:
        colour = p.faction(side)
        pts = [(plot.x(i), plot.y(v)) for i, v in enumerate(series.values[side])]
        if len(pts) > 1:
            pygame.draw.lines(surface, colour, False, pts, max(2, px(2)))
        mark = max(2, px(3 if large else 2))
        for pt in pts if large else pts[-1:]:
            if side == "usa":
                square = pygame.Rect(pt[0] - mark, pt[1] - mark, 2 * mark, 2 * mark)
                pygame.draw.rect(surface, colour, square)
            else:
                pygame.draw.circle(surface, colour, pt, mark + 1)
    if large:
        _x_labels(surface, plot, series, pen, rect.right - pad)
        row = pygame.Rect(rect.left + pad, 0, rect.width - 2 * pad, 0)
        legend = _legend(surface, row, box.bottom + small.get_linesize() + px(6), pen)
        return Plot(box, count, top, legend)
    return plot
