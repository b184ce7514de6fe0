"""Title and main menu: the first thing a player sees."""

from __future__ import annotations

import pygame

from game.i18n import t
from game.ui import autosave_exists
from game.ui.art import title_art_surface
from game.ui.audio import follow_race
from game.ui.draw import draw_text
from game.ui.layout import button_height, margin
from game.ui.scene import Scene

# (button name, scene it opens; None = handled in code)
ENTRIES = (
    ("menu.new_game", "setup"),
    ("menu.continue", "continue"),
    ("menu.load", "load"),
    ("menu.tutorial", "tutorial"),
    ("menu.sources", "sources"),
    ("menu.settings", "settings"),
    ("menu.help", "help"),
    ("menu.quit", None),
)


class MenuScene(Scene):
    name = "menu"

    def build(self) -> None:
        follow_race(self.app, float("inf"))  # back at the menu: the calm music alone
        w, h = self.app.size
        px = self.app.px
        m = margin(self.app)
        fnt = self.app.font("large")
        entries = [e for e in ENTRIES if e[0] != "menu.continue" or autosave_exists()]
        text_w = max(fnt.size(t(name))[0] for name, _ in entries)
        col_w = min(max(px(220), text_w + px(48)), round(w * 0.45))
        bh = button_height(self.app, "large")
        self.footer_h = self.app.font("small").get_linesize() + px(8)
        room = h - 2 * m - self.footer_h
        gap = px(10)
        total = len(entries) * bh + (len(entries) - 1) * gap
        if total > room:  # squeeze the gaps, never the buttons
            gap = max(2, (room - len(entries) * bh) // max(1, len(entries) - 1))
            total = len(entries) * bh + (len(entries) - 1) * gap
        x = w - col_w - m - px(16)
        y = m + max(0, (room - total) // 2)
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
        size = self.app.scale.font_size
        surface.fill(p.bg)
        w, h = surface.get_size()
        m = margin(self.app)
        left = pygame.Rect(m, m, self.column.left - m - px(40), h - 2 * m)
        title = draw_text(
            surface, t("app.title"), left, p.text, size("title"), bold=True, max_lines=2
        )
        sub_rect = pygame.Rect(left.left, left.top + title.height + px(4), left.width, px(70))
        sub = draw_text(
            surface, t("app.subtitle"), sub_rect, p.text_dim, size("large"), max_lines=2
        )
        art = pygame.Rect(left.left, sub_rect.top + sub.height + px(28), left.width, 0)
        art.height = left.bottom - art.top
        if art.height > px(60):
            image, goal = title_art_surface(art.size, p, self.app.scale.factor)
            surface.blit(image, art.topleft)
            goal_y = art.top + goal
            label = pygame.Rect(art.left, goal_y - px(26), art.width, px(22))
            draw_text(
                surface, t("menu.goal"), label, p.accent, size("small"), bold=True, align="center"
            )
        footer = pygame.Rect(
            self.column.left,
            h - m - self.footer_h + px(8),
            w - self.column.left - px(8),
            self.footer_h,
        )
        draw_text(surface, t("menu.footer"), footer, p.text_faint, size("small"), max_lines=1)
