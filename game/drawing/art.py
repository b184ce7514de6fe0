"""The title art, drawn in code: a few large Titan blocks and a swarm of small dots
climbing toward a glowing line — superintelligence. Deterministic (fixed seed)."""

from __future__ import annotations

import random
from functools import lru_cache

import pygame

from game.drawing.theme import Palette, mix


def draw_glow_line(surface: pygame.Surface, y: int, x0: int, x1: int, palette: Palette, px) -> None:
    """A soft horizontal glow that fades out toward both ends."""
    width, half = max(1, x1 - x0), max(6, px(22))
    glow = pygame.Surface((width, half * 2), pygame.SRCALPHA)
    for k in range(half, 0, -1):
        alpha = int(70 * (1 - k / half) ** 2)
        pygame.draw.rect(glow, (*palette.accent, alpha), (0, half - k, width, 2 * k))
    core = mix(palette.accent, (255, 255, 255), 0.45)
    pygame.draw.rect(glow, (*core, 255), (0, half - max(1, px(1)), width, max(2, px(2))))
    fade = pygame.Surface((width, 1), pygame.SRCALPHA)
    edge = max(1, width // 6)
    for x in range(width):
        share = min(1.0, x / edge, (width - 1 - x) / edge)
        fade.set_at((x, 0), (255, 255, 255, int(255 * share)))
    glow.blit(
        pygame.transform.scale(fade, glow.get_size()), (0, 0), special_flags=pygame.BLEND_RGBA_MULT
    )
    surface.blit(glow, (x0, y - half))


def draw_title_art(surface: pygame.Surface, rect: pygame.Rect, palette: Palette, px) -> int:
    """Draw the art inside `rect`; returns the y of the goal line (for its label)."""
    rng = random.Random(2025)
    goal_y = rect.top + max(px(18), round(rect.height * 0.08))
    draw_glow_line(surface, goal_y, rect.left, rect.right, palette, px)
    ground = rect.bottom
    climb = ground - goal_y
    # Titans: a staircase of a few large blocks, the top step well up toward the line.
    steps = 4
    block = max(10, min(round(rect.width * 0.09), round(climb * 0.62 / steps)))
    gap = max(2, block // 9)
    left = rect.left + round(rect.width * 0.05)
    for i in range(steps):
        for j in range(i + 1):
            r = pygame.Rect(
                left + i * (block + gap), ground - (j + 1) * (block + gap), block, block
            )
            shade = mix(palette.titans, palette.bg, 0.35 * (steps - 1 - i) / steps)
            radius = max(2, block // 8)
            pygame.draw.rect(surface, shade, r, border_radius=radius)
            pygame.draw.rect(
                surface, mix(shade, (255, 255, 255), 0.3), r, width=1, border_radius=radius
            )
    # Swarms: many small dots, a front rising toward the line from left to right.
    x0 = left + steps * (block + gap) + round(rect.width * 0.06)
    span = max(1, rect.right - x0 - round(rect.width * 0.03))
    radius = max(2, round(block * 0.07))
    for _ in range(900):
        u = rng.random()
        x = x0 + u * span
        reach = ground - climb * (0.15 + 0.62 * u**1.3)
        y = reach + (ground - reach) * (rng.random() ** 0.7)
        colour = mix(palette.swarms, palette.bg, rng.random() * 0.45)
        pygame.draw.circle(surface, colour, (round(x), round(y) - radius), radius)
    return goal_y


@lru_cache(maxsize=8)
def title_art_surface(
    size: tuple[int, int], palette: Palette, factor: float
) -> tuple[pygame.Surface, int]:
    """The title art rendered once per size, palette and scale (it is static)."""
    surface = pygame.Surface(size, pygame.SRCALPHA)
    goal_y = draw_title_art(surface, surface.get_rect(), palette, lambda v: round(v * factor))
    return surface, goal_y
