"""Title and main menu: the first thing a player sees."""

from __future__ import annotations

import pygame

from game.i18n import t
from game.ui import autosave_exists
from game.ui.art import draw_title_art
from game.ui.draw import draw_text
from game.ui.layout import button_height
from game.ui.scene import Scene

# (button name, scene it opens; None = handled in code)
ENTRIES = (
    ("menu.new_game", "setup"),
    ("menu.continue", "continue"),
    ("menu.load", "load"),
    ("menu.sources", "sources"),
    ("menu.settings", "settings"),
    ("menu.help", "help"),
    ("menu.quit", None),
)


class MenuScene(Scene):
    name = "menu"

    def build(self) -> None:
        w, h = self.app.size
        fnt = self.app.font("large")
        pad = self.app.px(24)
        entries = [e for e in ENTRIES if e[0] != "menu.continue" or autosave_exists()]
        text_w = max(fnt.size(t(name))[0] for name, _ in entries)
        col_w = max(self.app.px(240), text_w + self.app.px(48))
        bh = button_height(self.app, "large")
        gap = self.app.px(10)
        total = len(entries) * bh + (len(entries) - 1) * gap
        if total > h - 2 * pad:  # squeeze the gaps, never the buttons
            gap = max(2, (h - 2 * pad - len(entries) * bh) // max(1, len(entries) - 1))
            total = len(entries) * bh + (len(entries) - 1) * gap
        x = w - col_w - self.app.px(64)
        y = max(pad, (h - total) // 2)
        self.column = pygame.Rect(x, y, col_w, total)
        for name, target in entries:
            rect = pygame.Rect(x, y, col_w, bh)
            if target is None:
                self.button(name, rect, lambda: self.app.quit(0), object_id="#menu_button")
            else:
                available = self.app.has_scene(target)
                self.button(
                    name,
                    rect,
                    lambda target=target: self.app.push(target),
                    enabled=available,
                    tooltip=None if available else t("common.unavailable"),
                    object_id="#menu_button",
                )
            y += bh + gap
        if self.focus_index is None:
            self.move_focus(1)

    def draw(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        surface.fill(p.bg)
        w, h = surface.get_size()
        art = pygame.Rect(px(40), px(24), self.column.left - px(40) - px(48), h - px(48))
        title_box = pygame.Rect(art.left, art.top + round(art.height * 0.22), art.width, px(140))
        goal_y = draw_title_art(surface, art, p, px)
        draw_text(
            surface,
            t("menu.goal"),
            pygame.Rect(art.left, goal_y - px(30), art.width, px(24)),
            p.accent,
            self.app.scale.font_size("small"),
            bold=True,
            align="center",
        )
        fitted = draw_text(
            surface,
            t("app.title"),
            title_box,
            p.text,
            self.app.scale.font_size("title"),
            bold=True,
            max_lines=2,
        )
        sub = pygame.Rect(title_box.left, title_box.top + fitted.height + px(6), art.width, px(60))
        draw_text(surface, t("app.subtitle"), sub, p.text_dim, self.app.scale.font_size("large"))
        footer = pygame.Rect(self.column.left, h - px(34), w - self.column.left - px(16), px(28))
        draw_text(
            surface, t("menu.footer"), footer, p.text_faint, self.app.scale.font_size("small")
        )
