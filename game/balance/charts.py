"""Charts for the balance report, drawn with pygame on off-screen surfaces and saved as PNG.

No plotting library: the game already ships pygame, and a few bars and lines are enough.
Colours are Okabe–Ito (colour-blind safe) and the two sides also differ by line style and
label, so a chart reads in greyscale too.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


import pygame

WHITE, INK, GRID, FAINT = (255, 255, 255), (30, 30, 30), (225, 225, 225), (120, 120, 120)
SIDE_COLOUR = {"usa": (0, 114, 178), "china": (213, 94, 0)}
SIDE_LABEL = {"usa": "USA (Titans), solid", "china": "China (Swarms), dashed"}
BAR = (86, 180, 233)


def _font(size: int) -> pygame.font.Font:
    if not pygame.font.get_init():
        pygame.font.init()
    return pygame.font.Font(None, size)


def _text(surface, text, pos, size=20, colour=INK, anchor="topleft") -> pygame.Rect:
    image = _font(size).render(str(text), True, colour)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect


def _save(surface: pygame.Surface, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))
    return path


def bar_chart(path: Path, title: str, rows: list[tuple[str, float, float, float]], mark=None):
    """Horizontal bars (0–1) with 95% whiskers; `mark` draws a dotted reference line."""
    height = 70 + 34 * max(1, len(rows))
    surface = pygame.Surface((820, height))
    surface.fill(WHITE)
    _text(surface, title, (16, 12), 26)
    left, right, top = 250, 790, 50
    for k in range(0, 11, 2):
        x = left + (right - left) * k / 10
        pygame.draw.line(surface, GRID, (x, top), (x, height - 22))
        _text(surface, f"{10 * k}%", (x, height - 20), 16, FAINT, "midtop")
    for i, (label, value, lo, hi) in enumerate(rows):
        y = top + 34 * i
        _text(surface, label, (left - 10, y + 12), 19, INK, "midright")
        width = max(1, round((right - left) * value))
        pygame.draw.rect(surface, BAR, (left, y + 2, width, 22))
        x0, x1 = (left + (right - left) * v for v in (lo, hi))
        pygame.draw.line(surface, INK, (x0, y + 13), (x1, y + 13), 2)
        for x in (x0, x1):
            pygame.draw.line(surface, INK, (x, y + 7), (x, y + 19), 2)
        _text(surface, f"{100 * value:.0f}%", (max(left + width, x1) + 6, y + 4), 17, INK)
    if mark is not None:
        x = left + (right - left) * mark
        for y in range(top, height - 22, 8):
            pygame.draw.line(surface, FAINT, (x, y), (x, y + 4), 2)
    return _save(surface, path)


def histogram(
    path: Path,
    title: str,
    counts: dict[int, int],
    xlabel: str = "final turn",
    labels: dict[int, str] | None = None,
):
    """Bars per key; `labels` names the keys (quarters), shown where there is room."""
    surface = pygame.Surface((820, 320))
    surface.fill(WHITE)
    _text(surface, title, (16, 12), 26)
    left, right, top, bottom = 60, 800, 50, 280
    most = max([*counts.values(), 1])
    keys = sorted(counts, key=lambda k: int(k))  # keys read back from JSON are text
    step = (right - left) / max(1, len(keys))
    for i, key in enumerate(keys):
        h = (bottom - top) * counts[key] / most
        x = left + i * step
        pygame.draw.rect(surface, BAR, (x + 1, bottom - h, max(1, step - 2), h))
        if labels:
            if i == 0 or labels.get(key, "").endswith("Q1"):
                _text(
                    surface, labels.get(key, key), (x + step / 2, bottom + 4), 15, FAINT, "midtop"
                )
        elif len(keys) <= 30 or i % 2 == 0:
            _text(surface, key, (x + step / 2, bottom + 4), 15, FAINT, "midtop")
    pygame.draw.line(surface, INK, (left, bottom), (right, bottom))
    _text(surface, f"{most}", (left - 6, top), 15, FAINT, "topright")
    _text(surface, xlabel, ((left + right) / 2, bottom + 22), 17, FAINT, "midtop")
    return _save(surface, path)


def curves_grid(
    path: Path,
    title: str,
    curves: dict[str, dict[str, list[float]]],
    quarters: list[str] | None = None,
    markers: list[tuple[int, str]] | None = None,
):
    """Small multiples: one panel per stock, both sides' mean per turn.

    `quarters` names each turn (the x axis shows the years); `markers` are (turn index,
    label) of events, drawn as dotted lines in every panel and listed under the title."""
    names = list(curves)
    cols = 3
    rows = max(1, -(-len(names) // cols))
    pw, ph = 300, 210
    surface = pygame.Surface((cols * pw + 20, rows * ph + 80))
    surface.fill(WHITE)
    _text(surface, title, (16, 12), 26)
    x = 16
    for side in ("usa", "china"):
        pygame.draw.line(surface, SIDE_COLOUR[side], (x, 52), (x + 30, 52), 3)
        x = _text(surface, SIDE_LABEL[side], (x + 36, 45), 18).right + 24
    marks = markers or []
    legend = _marker_legend(marks)
    top = 70 + 18 * len(legend)
    if legend:
        grown = pygame.Surface((surface.get_width(), surface.get_height() + top - 70))
        grown.fill(WHITE)
        grown.blit(surface, (0, 0))
        surface = grown
        for k, line in enumerate(legend):
            _text(surface, line, (16, 64 + 18 * k), 16, FAINT)
    for i, name in enumerate(names):
        panel = pygame.Rect(10 + (i % cols) * pw, top + (i // cols) * ph, pw - 10, ph - 10)
        _panel(surface, panel, name, curves[name], quarters, marks)
    return _save(surface, path)


def _marker_legend(markers: list[tuple[int, str]]) -> list[str]:
    """'1: title' per marker, several to a line."""
    lines, line = [], "events (dotted lines) —"
    for k, (_, label) in enumerate(markers, 1):
        item = f"{k}: {label}"
        if len(line) + len(item) > 120:
            lines.append(line)
            line = ""
        line = f"{line}   {item}" if line else item
    return [*lines, line] if markers else []


def _panel(
    surface,
    rect: pygame.Rect,
    name: str,
    series: dict[str, list[float]],
    quarters: list[str] | None = None,
    markers: list[tuple[int, str]] | None = None,
) -> None:
    pygame.draw.rect(surface, GRID, rect, 1)
    _text(surface, name, (rect.left + 6, rect.top + 4), 18)
    values = [v for s in series.values() for v in s if v == v]  # NaN: a turn nobody reached
    if not values:
        return
    lo, hi = min(values), max(values)
    if hi - lo < 1e-12:
        lo, hi = lo - 1, hi + 1
    plot = pygame.Rect(rect.left + 44, rect.top + 24, rect.width - 54, rect.height - 54)
    _text(surface, f"{hi:.3g}", (plot.left - 4, plot.top), 14, FAINT, "topright")
    _text(surface, f"{lo:.3g}", (plot.left - 4, plot.bottom), 14, FAINT, "bottomright")
    length = max((len(s) for s in series.values()), default=1)
    if quarters:
        length = len(quarters)
    span = max(1, length - 1)
    if quarters:
        for t, quarter in enumerate(quarters):
            x = plot.left + plot.width * t / span
            if (quarter.endswith("Q1") or t == 0) and x + 14 <= rect.right:
                pygame.draw.line(surface, GRID, (x, plot.top), (x, plot.bottom))
                _text(surface, quarter[:4], (x, plot.bottom + 3), 14, FAINT, "midtop")
    if lo < 0 < hi:  # a zero line for differences
        y0 = plot.bottom - plot.height * (0 - lo) / (hi - lo)
        pygame.draw.line(surface, GRID, (plot.left, y0), (plot.right, y0))
    numbered = -1e9  # where the last marker number ended: numbers never overlap
    for k, (t, _) in enumerate(markers or [], 1):
        x = plot.left + plot.width * t / span
        for y in range(plot.top, plot.bottom, 6):
            pygame.draw.line(surface, FAINT, (x, y), (x, min(y + 3, plot.bottom)))
        if x + 2 >= numbered:
            numbered = _text(surface, k, (x + 2, plot.top - 2), 13, FAINT, "topleft").right + 2
    for side, points in series.items():
        n = span
        xy = [
            (plot.left + plot.width * t / n, plot.bottom - plot.height * (v - lo) / (hi - lo))
            for t, v in enumerate(points)
            if v == v
        ]
        if len(xy) < 2:
            continue
        for k, (a, b) in enumerate(itertools.pairwise(xy)):
            if side == "china" and k % 2:
                continue  # dashed: every other segment
            pygame.draw.line(surface, SIDE_COLOUR[side], a, b, 3)
