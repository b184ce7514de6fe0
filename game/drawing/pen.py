"""What a picture needs to know to be drawn: the colours and the sizes, nothing else.

The game's window hands its current palette and UI scale over as a `Pen`
(`app.pen`); the classroom report makes one with a print palette. The charts and the
ladder take a `Pen`, so they draw the same way on screen and on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.drawing.theme import Palette, Scale


@dataclass(frozen=True)
class Pen:
    palette: Palette
    scale: Scale

    def px(self, value: float) -> int:
        """A design size (at 100%) in pixels at this pen's scale."""
        return self.scale.px(value)

    def font(self, role: str = "body", bold: bool = False) -> pygame.font.Font:
        return self.scale.font(role, bold)
