"""Icons and faction glyphs drawn in code, so they scale crisply at any UI scale.

Titans (USA) are a few large blocks, Swarms (China) many small dots: shape carries the
meaning, colour only helps. Every icon draws inside the square `rect` it is given.
"""

from __future__ import annotations

import itertools
import math

import pygame

from game.drawing.theme import Colour, font


def faction_glyph(surface: pygame.Surface, side: str, rect: pygame.Rect, colour: Colour) -> None:
    """USA: three stacked blocks; China: a 4×4 swarm of dots."""
    r = pygame.Rect(rect)
    if side == "usa":
        gap = max(1, r.width // 12)
        big = (r.width - gap) // 2
        pygame.draw.rect(surface, colour, (r.left, r.bottom - big, big, big), border_radius=gap)
        pygame.draw.rect(
            surface, colour, (r.left + big + gap, r.bottom - big, big, big), border_radius=gap
        )
        top = pygame.Rect(0, 0, big, big)
        top.midbottom = (r.centerx, r.bottom - big - gap)
        pygame.draw.rect(surface, colour, top, border_radius=gap)
        return
    n = 4
    step = r.width / n
    radius = max(1, round(step * 0.32))
    for i in range(n):
        for j in range(n):
            centre = (round(r.left + step * (i + 0.5)), round(r.top + step * (j + 0.5)))
            pygame.draw.circle(surface, colour, centre, radius)


def _w(rect: pygame.Rect, share: float = 0.08) -> int:
    return max(1, round(rect.width * share))


def chip(s: pygame.Surface, r: pygame.Rect, c: Colour) -> None:
    body = r.inflate(-r.width * 0.44, -r.height * 0.44)
    pygame.draw.rect(s, c, body, width=_w(r), border_radius=_w(r))
    core = body.inflate(-body.width * 0.5, -body.height * 0.5)
    pygame.draw.rect(s, c, core)
    for k in range(3):
        off = body.left + body.width * (k + 1) / 4
        for y0, y1 in (
            (r.top + r.height * 0.1, body.top),
            (body.bottom, r.bottom - r.height * 0.1),
        ):
            pygame.draw.line(s, c, (off, y0), (off, y1), _w(r, 0.06))
        off = body.top + body.height * (k + 1) / 4
        for x0, x1 in ((r.left + r.width * 0.1, body.left), (body.right, r.right - r.width * 0.1)):
            pygame.draw.line(s, c, (x0, off), (x1, off), _w(r, 0.06))


def energy(s: pygame.Surface, r: pygame.Rect, c: Colour) -> None:
    x, y, w, h = r.left, r.top, r.width, r.height
    points = [
        (x + w * 0.58, y + h * 0.05),
        (x + w * 0.2, y + h * 0.56),
        (x + w * 0.48, y + h * 0.56),
        (x + w * 0.38, y + h * 0.95),
        (x + w * 0.8, y + h * 0.42),
        (x + w * 0.52, y + h * 0.42),
    ]
    pygame.draw.polygon(s, c, points)


def talent(s: pygame.Surface, r: pygame.Rect, c: Colour) -> None:
    """A person: head and shoulders."""
    pygame.draw.circle(s, c, (r.centerx, r.top + r.height * 0.3), r.width * 0.18)
    shoulders = pygame.Rect(0, 0, r.width * 0.7, r.height * 0.76)
    shoulders.midtop = (r.centerx, r.top + r.height * 0.54)
    old_clip = s.get_clip()
    s.set_clip(pygame.Rect(r.left, r.top, r.width, r.height * 0.94).clip(old_clip))
    pygame.draw.ellipse(s, c, shoulders)
    s.set_clip(old_clip)


def model(s: pygame.Surface, r: pygame.Rect, c: Colour) -> None:
    """A small network: three layers of nodes, linked."""
    cols = [(0.18, (0.5,)), (0.5, (0.22, 0.5, 0.78)), (0.82, (0.32, 0.68))]
    nodes = [[(r.left + r.width * x, r.top + r.height * y) for y in ys] for x, ys in cols]
    for a, b in itertools.pairwise(nodes):
        for p in a:
            for q in b:
                pygame.draw.line(s, c, p, q, _w(r, 0.05))
    for layer in nodes:
        for p in layer:
            pygame.draw.circle(s, c, p, r.width * 0.1)


def budget(s: pygame.Surface, r: pygame.Rect, c: Colour) -> None:
    """A coin with a dollar sign ($bn to spend)."""
    pygame.draw.circle(s, c, r.center, r.width * 0.46, _w(r, 0.09))
    sign = font(max(6, round(r.height * 0.62)), "bold").render("$", True, c)
    s.blit(sign, sign.get_rect(center=(r.centerx, r.centery + r.height * 0.02)))


def adoption(s: pygame.Surface, r: pygame.Rect, c: Colour) -> None:
    """Rising bars: more of the economy using AI."""
    n = 4
    bw = r.width / (n * 1.5)
    for k in range(n):
        h = r.height * (0.25 + 0.22 * k)
        bar = pygame.Rect(r.left + r.width * 0.08 + k * bw * 1.5, r.bottom - h, bw, h)
        pygame.draw.rect(s, c, bar, border_radius=_w(r, 0.04))


def confidence(s: pygame.Surface, r: pygame.Rect, c: Colour) -> None:
    """A gauge with its needle."""
    arc = r.inflate(-r.width * 0.1, -r.height * 0.1)
    arc.height = arc.width
    arc.top = r.top + r.height * 0.2
    pygame.draw.arc(s, c, arc, 0, math.pi, _w(r, 0.1))
    centre = (arc.centerx, arc.centery)
    angle = math.radians(50)
    tip = (
        centre[0] + math.cos(angle) * arc.width * 0.42,
        centre[1] - math.sin(angle) * arc.width * 0.42,
    )
    pygame.draw.line(s, c, centre, tip, _w(r, 0.09))
    pygame.draw.circle(s, c, centre, r.width * 0.08)


def capability(s: pygame.Surface, r: pygame.Rect, c: Colour) -> None:
    """A ladder: capability climbing toward the goal."""
    left, right = r.left + r.width * 0.25, r.right - r.width * 0.25
    pygame.draw.line(s, c, (left, r.top), (left, r.bottom), _w(r, 0.09))
    pygame.draw.line(s, c, (right, r.top), (right, r.bottom), _w(r, 0.09))
    for k in range(4):
        y = r.top + r.height * (0.15 + 0.23 * k)
        pygame.draw.line(s, c, (left, y), (right, y), _w(r, 0.07))


def interconnect(s: pygame.Surface, r: pygame.Rect, c: Colour) -> None:
    """Nodes linked in a ring: chips working as one."""
    centre = pygame.Vector2(r.center)
    points = [centre + pygame.Vector2(r.width * 0.36, 0).rotate(k * 60) for k in range(6)]
    pygame.draw.lines(s, c, True, points, _w(r, 0.06))
    for p in points:
        pygame.draw.line(s, c, centre, p, _w(r, 0.04))
        pygame.draw.circle(s, c, p, r.width * 0.09)


def source(s: pygame.Surface, r: pygame.Rect, c: Colour) -> None:
    """An open book: where a figure comes from."""
    mid = r.centerx
    top, bottom = r.top + r.height * 0.2, r.bottom - r.height * 0.15
    for sign in (-1, 1):
        outer = mid + sign * r.width * 0.42
        pygame.draw.polygon(
            s,
            c,
            [
                (mid, top + r.height * 0.08),
                (outer, top),
                (outer, bottom - r.height * 0.08),
                (mid, bottom),
            ],
            _w(r, 0.07),
        )


ICONS = {
    "chips": chip,
    "energy": energy,
    "talent": talent,
    "models": model,
    "budget": budget,
    "adoption": adoption,
    "confidence": confidence,
    "capability": capability,
    "interconnect": interconnect,
    "source": source,
}


def draw_icon(surface: pygame.Surface, name: str, rect: pygame.Rect, colour: Colour) -> None:
    """Draw icon `name` (see ICONS) in the square `rect`."""
    ICONS[name](surface, pygame.Rect(rect), colour)
