"""History charts, large: capability, usable compute, energy and talent for both sides.

Opened from the turn screen (C or the Charts button) over the dimmed screen below; Esc,
C or Close return. Reused by any scene that has a list of states.
"""

from __future__ import annotations

import pygame

from game.drawing.charts import METRICS, draw_chart, history
from game.drawing.draw import draw_text, panel
from game.i18n import t
from game.ui.layout import button_height, button_width
from game.ui.scene import Scene


class ChartsScene(Scene):
    name = "charts"
    overlay = True

    def __init__(self, app, rules, states):
        super().__init__(app)
        self.rules = rules
        self.series = history(rules, list(states))

    @classmethod
    def for_shot(cls, app, shot) -> ChartsScene:
        return cls(app, shot.rules, shot.match.states)

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        m = px(24)
        self.frame = pygame.Rect(m, m, w - 2 * m, h - 2 * m)
        bh = button_height(self.app)
        bw = button_width(self.app, t("common.close"), minimum=110)
        close = pygame.Rect(self.frame.right - bw - px(14), self.frame.top + px(12), bw, bh)
        self.button("common.close", close, self.back)
        self.head_h = bh + px(24)
        self.focus_index = 0

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_c:
            return self.back()
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        panel(surface, self.frame, p, self.app.scale, fill=p.bg)
        title = pygame.Rect(
            self.frame.left + px(20),
            self.frame.top + px(12),
            self.frame.width - px(200),
            button_height(self.app),
        )
        draw_text(
            surface,
            t("chart.title"),
            title,
            p.text,
            self.app.scale.font_size("heading"),
            bold=True,
            valign="middle",
            max_lines=1,
        )
        area = pygame.Rect(
            self.frame.left + px(16),
            self.frame.top + self.head_h,
            self.frame.width - px(32),
            self.frame.height - self.head_h - px(16),
        )
        cols = 2 if area.width / max(1, area.height) > 0.8 else 1
        rows = -(-len(METRICS) // cols)
        gap = px(12)
        cw = (area.width - gap * (cols - 1)) // cols
        ch = (area.height - gap * (rows - 1)) // rows
        for i, metric in enumerate(METRICS):
            r = pygame.Rect(
                area.left + (i % cols) * (cw + gap), area.top + (i // cols) * (ch + gap), cw, ch
            )
            pygame.draw.rect(surface, p.bg_deep, r, border_radius=px(8))
            draw_chart(surface, r, self.series[metric], self.app.pen, large=True)
