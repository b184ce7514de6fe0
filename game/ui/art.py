"""The title art, drawn in code: a few large Titan blocks and a swarm of small dots
climbing toward a glowing line — superintelligence. Deterministic (fixed seed)."""

from __future__ import annotations

import random

import pygame

from game.ui.theme import Palette, mix


def draw_glow_line(surface: pygame.Surface, y: int, x0: int, x1: int, palette: Palette, px) -> None:
    """A soft horizontal glow: stacked translucent bands, brightest in the middle."""
    height = max(8, px(28))
    glow = pygame.Surface((x1 - x0, height * 2), pygame.SRCALPHA)
    for k in range(height, 0, -1):
        alpha = int(90 * (1 - k / height) ** 2)
        pygame.draw.rect(glow, (*palette.accent, alpha), (0, height - k, x1 - x0, 2 * k))
    surface.blit(glow, (x0, y - height))
    pygame.draw.line(
        surface, mix(palette.accent, (255, 255, 255), 0.4), (x0, y), (x1, y), max(2, px(2))
    )


def draw_title_art(surface: pygame.Surface, rect: pygame.Rect, palette: Palette, px) -> int:
    """Draw the art inside `rect`; returns the y of the goal line (for its label)."""
    rng = random.Random(2025)
    goal_y = rect.top + round(rect.height * 0.16)
    draw_glow_line(surface, goal_y, rect.left, rect.right, palette, px)
    ground = rect.bottom
    # Titans: a staircase of a few large blocks on the left half.
    block = max(12, round(min(rect.width * 0.085, rect.height * 0.16)))
    gap = max(2, block // 10)
    left = rect.left + round(rect.width * 0.06)
    heights = [1, 2, 3, 4]
    for i, stack in enumerate(heights):
        for j in range(stack):
            r = pygame.Rect(
                left + i * (block + gap), ground - (j + 1) * (block + gap), block, block
            )
            shade = mix(palette.titans, palette.bg, 0.15 * (len(heights) - 1 - i) / len(heights))
            pygame.draw.rect(surface, shade, r, border_radius=max(2, block // 8))
            pygame.draw.rect(
                surface,
                mix(shade, (255, 255, 255), 0.25),
                r,
                width=1,
                border_radius=max(2, block // 8),
            )
    # Swarms: a rising cloud of small dots on the right half, densest at the bottom.
    x0 = rect.left + round(rect.width * 0.5)
    span = rect.right - x0 - round(rect.width * 0.04)
    top_y = goal_y + round(rect.height * 0.2)
    radius = max(2, round(block * 0.09))
    for _ in range(420):
        u = rng.random()
        x = x0 + u * span
        # the front of the swarm climbs higher to the right
        reach = ground - (ground - top_y) * (0.25 + 0.75 * u)
        y = reach + (ground - reach) * (rng.random() ** 0.6)
        colour = mix(palette.swarms, palette.bg, rng.random() * 0.35)
        pygame.draw.circle(surface, colour, (round(x), round(y) - radius), radius)
    return goal_y
