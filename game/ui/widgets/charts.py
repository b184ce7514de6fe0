"""History line charts (capability, usable compute, energy, talent) for both sides.

`history(rules, states)` reads the numbers out of `match.states`; `draw_chart` draws one
metric into any rect, small (title, two lines, latest values) or large (axes with units,
quarter labels, legend). The two sides differ in marker shape as well as colour: Titans
squares, Swarms dots, each with its faction glyph in the legend.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine.rules import Rules
from game.engine.state import GameState
from game.i18n import t
from game.levels.model import SIDES
from game.ui.draw import draw_text
from game.ui.icons import faction_glyph
from game.ui.theme import mix
from game.ui.widgets import fmt

METRICS = ("capability", "compute", "energy", "talent")


def _value(rules: Rules, state: GameState, side: str, metric: str) -> float:
    f = state.factions[side]
    if metric == "capability":
        return max(0.0, min(100.0, rules.capability(f.frontier_log10)))
    if metric == "compute":
        return f.usable_pflops
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


def _nice_top(value: float) -> float:
    """A round axis maximum at or above `value`."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** int(f"{value:e}".split("e")[1])
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def draw_chart(
    surface: pygame.Surface, rect: pygame.Rect, series: Series, app, *, large: bool = False
) -> None:
    """One metric as two lines in `rect`; `large` adds axes, quarter labels and a legend."""
    p, px, size = app.palette, app.px, app.scale.font_size
    small = app.font("small")
    pad = px(8)
    title_h = (app.font("body", True) if large else small).get_linesize()
    title = pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, title_h)
    unit = t(f"chart.unit.{series.metric}")
    draw_text(
        surface,
        t(f"chart.{series.metric}") + f"  ·  {unit}"
        if large
        else t(f"chart.short.{series.metric}"),
        title,
        p.text if large else p.text_dim,
        size("body" if large else "small"),
        bold=True,
        max_lines=1,
    )
    legend_h = small.get_linesize() + pad if large else 0
    axis_w = (small.size(format_value(series.metric, 8888.8))[0] + pad) if large else 0
    x_labels = small.get_linesize() if large else 0
    plot = pygame.Rect(
        rect.left + pad + axis_w,
        title.bottom + px(4),
        rect.width - 2 * pad - axis_w,
        rect.height - (title.bottom - rect.top) - px(4) - pad - legend_h - x_labels,
    )
    if not large:  # latest values, glyph-marked, at the right of the title or below it
        g = px(8)
        title_w = app.font("small", True).size(t(f"chart.short.{series.metric}"))[0]
        row = pygame.Rect(title)
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
            parts = []
        if parts and title_w + need + px(8) > title.width:
            row = pygame.Rect(title.left, title.bottom, title.width, small.get_linesize())
            plot.top += row.height
            plot.height -= row.height
        x = row.right
        for side, img in reversed(parts):
            x -= img.get_width()
            surface.blit(img, (x, row.top))
            x -= g + px(3)
            glyph = pygame.Rect(x, row.centery - g // 2, g, g)
            faction_glyph(surface, side, glyph, p.faction(side))
            x -= px(8)
    if plot.height < px(16) or plot.width < px(30):
        return
    top = _nice_top(max((max(v) for v in series.values.values() if v), default=1.0))
    if series.metric == "capability":
        top = 100.0
    grid = mix(p.border, p.panel, 0.4)
    for k in range(5 if large else 3):
        share = k / (4 if large else 2)
        y = round(plot.bottom - plot.height * share)
        pygame.draw.line(surface, grid, (plot.left, y), (plot.right, y), 1)
        if large:
            value = top * share
            text = format_value(series.metric, value, decimals=0 if value.is_integer() else 1)
            label = small.render(text, True, p.text_faint)
            surface.blit(label, label.get_rect(midright=(plot.left - px(4), y)))
    n = max(len(v) for v in series.values.values())
    span = max(1, n - 1)

    def point(i: int, v: float) -> tuple[int, int]:
        return (
            round(plot.left + plot.width * i / span),
            round(plot.bottom - plot.height * max(0.0, min(1.0, v / top))),
        )

    for side in SIDES:
        values = series.values[side]
        colour = p.faction(side)
        pts = [point(i, v) for i, v in enumerate(values)]
        if len(pts) > 1:
            pygame.draw.lines(surface, colour, False, pts, max(2, px(2)))
        mark = max(2, px(3 if large else 2))
        for i, pt in enumerate(pts):
            if not large and i != len(pts) - 1:
                continue
            if side == "usa":
                pygame.draw.rect(
                    surface, colour, pygame.Rect(pt[0] - mark, pt[1] - mark, 2 * mark, 2 * mark)
                )
            else:
                pygame.draw.circle(surface, colour, pt, mark + 1)
    if large:
        # The first quarter at the left end, then each new year under its first quarter.
        marks = [(i, q[:4]) for i, q in enumerate(series.quarters) if q.endswith("Q1") and i > 0]
        marks = [(0, fmt.quarter(series.quarters[0])), *marks] if series.quarters else marks
        right_edge = plot.right + px(8)
        for i, text in marks:
            label = small.render(text, True, p.text_faint)
            x = point(i, 0)[0]
            pygame.draw.line(surface, grid, (x, plot.bottom), (x, plot.bottom + px(3)), 1)
            box = label.get_rect(midtop=(x, plot.bottom + px(3)))
            if i == 0:
                box.left = plot.left
            if box.right <= right_edge:
                surface.blit(label, box)
        x = plot.left
        y = plot.bottom + x_labels + px(6)
        for side in SIDES:
            g = px(10)
            faction_glyph(
                surface,
                side,
                pygame.Rect(x, y + (small.get_linesize() - g) // 2, g, g),
                p.faction(side),
            )
            x += g + px(5)
            img = small.render(t(f"faction.{side}.full"), True, p.text)
            surface.blit(img, (x, y))
            x += img.get_width() + px(18)
