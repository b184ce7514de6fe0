"""Help (F1 from anywhere): the rules in short and every key."""

from __future__ import annotations

import pygame

from game.i18n import t
from game.ui.draw import draw_text, panel
from game.ui.layout import button_height, button_width
from game.ui.scene import Scene

KEYS = ("f1", "nav", "activate", "back", "reload", "scroll", "mouse")


class HelpScene(Scene):
    name = "help"

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        bh = button_height(self.app)
        margin = px(40)
        self.title_rect = pygame.Rect(margin, px(24), w - 2 * margin, px(40))
        top = self.title_rect.bottom + px(16)
        bottom = h - bh - px(40)
        split = round((w - 2 * margin) * 0.58)
        self.rules_rect = pygame.Rect(margin, top, split - px(12), bottom - top)
        self.keys_rect = pygame.Rect(
            margin + split + px(12), top, w - 2 * margin - split - px(12), bottom - top
        )
        width = button_width(self.app, t("common.back"), minimum=140)
        self.button("common.back", pygame.Rect(margin, h - bh - px(24), width, bh), self.back)
        self.focus_index = 0

    def draw(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        surface.fill(p.bg)
        draw_text(surface, t("help.title"), self.title_rect, p.text, size("heading"), bold=True)
        for rect, title, body in (
            (self.rules_rect, t("help.rules_title"), t("help.rules").replace("\n", "\n\n")),
            (self.keys_rect, t("help.keys_title"), "\n".join(t(f"help.keys.{k}") for k in KEYS)),
        ):
            panel(surface, rect, p, self.app.scale)
            inner = rect.inflate(-px(32), -px(28))
            head = draw_text(surface, title, inner, p.accent, size("large"), bold=True, max_lines=2)
            body_rect = pygame.Rect(inner.left, inner.top + head.height + px(10), inner.width, 0)
            body_rect.height = inner.bottom - body_rect.top
            draw_text(surface, body, body_rect, p.text, size("body"), min_size=px(10))
