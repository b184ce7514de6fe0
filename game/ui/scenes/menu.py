"""Title and main menu: the first thing a player sees."""

from __future__ import annotations

import pygame

from game.drawing.art import title_art_surface
from game.drawing.draw import draw_text, fit_text
from game.i18n import pick, t
from game.levels.model import SIDES
from game.ui import autosave_exists, autosave_path
from game.ui.audio import follow_race
from game.ui.layout import button_height, margin
from game.ui.scene import Scene

# (button name, scene it opens; None = handled in code)
ENTRIES = (
    ("menu.new_game", "setup"),
    ("menu.continue", "continue"),
    ("menu.load", "load"),
    ("menu.tutorial", "tutorial"),
    ("menu.classroom", "classroom"),
    ("menu.sources", "sources"),
    ("menu.settings", "settings"),
    ("menu.help", "help"),
    ("menu.quit", None),
)


def continue_caption(app) -> str | None:
    """Which game Continue resumes — level, quarter, who plays which side — or None."""
    session = getattr(app, "paused_game", None)
    if session is not None and not session.finished:
        from game.ui.narrate import quarter_words

        sides = ", ".join(
            t(
                "saves.side_player",
                side=t(f"saves.side.{s}"),
                player=t("saves.player.human")
                if session.is_human(s)
                else t("saves.player.ai", name=t(f"saves.difficulty.{session.difficulty}")),
            )
            for s in SIDES
        )
        level = pick(session.loaded.level.title)
        quarter = quarter_words(session.quarter())
        return t("menu.continue_caption", level=level, quarter=quarter, sides=sides)
    if not autosave_exists():
        return None
    try:
        from game.saves.present import level_title, quarter_of, sides_line
        from game.saves.storage import read_save

        save = read_save(autosave_path())
        if not hasattr(save, "players"):  # a damaged autosave: Continue explains it
            return None
        quarter, sides = quarter_of(save, save.turn), sides_line(save)
        return t("menu.continue_caption", level=level_title(save), quarter=quarter, sides=sides)
    except Exception:  # the caption is a courtesy; the menu must open regardless
        return None


class MenuScene(Scene):
    name = "menu"
    help_title = "keys.menu.title"
    help_keys = ("keys.common.choose", "keys.menu.continue")

    def __init__(self, app):
        super().__init__(app)
        self.caption: str | None = None
        self.caption_rect = pygame.Rect(0, 0, 0, 0)
        self._offered_continue = False

    def continue_game(self) -> None:
        session = self.app.paused_game
        if session is not None and not session.finished:
            from game.ui.flow import resume_game

            resume_game(self.app, session)
        else:
            self.app.push("continue")

    def build(self) -> None:
        follow_race(self.app, float("inf"))  # back at the menu: the calm music alone
        w, h = self.app.size
        px = self.app.px
        m = margin(self.app)
        fnt = self.app.font("large")
        self.caption = continue_caption(self.app)
        can_continue = self.caption is not None or autosave_exists()
        entries = [e for e in ENTRIES if e[0] != "menu.continue" or can_continue]
        text_w = max(fnt.size(t(name))[0] for name, _ in entries)
        col_w = min(max(px(220), text_w + px(48)), round(w * 0.45))
        bh = button_height(self.app, "large")
        self.footer_h = self.app.font("small").get_linesize() + px(8)
        room = h - 2 * m - self.footer_h
        n = len(entries)
        small = self.app.font("small").get_linesize()
        gap = px(10)
        # The Continue caption takes three lines where there is room, fewer where there is not.
        for lines in (3, 2, 1, 0) if self.caption else (0,):
            cap_h = lines * small
            gap = px(10)
            total = n * bh + (n - 1) * gap + cap_h
            if total > room:  # squeeze the gaps, never the buttons
                gap = max(2, (room - n * bh - cap_h) // max(1, n - 1))
                total = n * bh + (n - 1) * gap + cap_h
            if total <= room:
                break
        if total > room:  # still too tall at a large UI scale: the buttons give a little too
            gap = max(2, px(2))
            bh = max(button_height(self.app), (room - cap_h - (n - 1) * gap) // n)
            total = n * bh + (n - 1) * gap + cap_h
        x = w - col_w - m - px(16)
        y = m + max(0, (room - total) // 2)
        self.column = pygame.Rect(x, y, col_w, total)
        for name, target in entries:
            rect = pygame.Rect(x, y, col_w, bh)
            if target is None:
                self.button(name, rect, lambda: self.app.quit(0), object_id="#menu_button")
            elif name == "menu.continue":
                self.button(
                    name, rect, self.continue_game, tooltip=self.caption, object_id="#menu_button"
                )
                self.caption_rect = pygame.Rect(x, rect.bottom + px(2), col_w, cap_h)
                y += cap_h
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
        offered = "menu.continue" in self.widgets
        if offered and (self.focus_index is None or not self._offered_continue):
            self.focus("menu.continue")  # a game to continue is what a returning player wants
        self._offered_continue = offered
        if self.focus_index is None:
            self.move_focus(1)

    def draw(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        surface.fill(p.bg)
        if self.caption and self.caption_rect.height > 0 and "menu.continue" in self.widgets:
            draw_text(
                surface,
                self.caption,
                self.caption_rect,
                p.text_dim,
                size("small"),
                align="center",
                max_lines=max(1, self.caption_rect.height // self.app.font("small").get_linesize()),
            )
        w, h = surface.get_size()
        m = margin(self.app)
        left = pygame.Rect(m, m, self.column.left - m - px(40), h - 2 * m)
        if getattr(self.app, "settings_reset", False):
            left.height -= self._draw_settings_notice(surface, left)
        title = draw_text(
            surface, t("app.title"), left, p.text, size("title"), bold=True, max_lines=2
        )
        sub_rect = pygame.Rect(left.left, left.top + title.height + px(4), left.width, px(70))
        sub = draw_text(
            surface, t("app.subtitle"), sub_rect, p.text_dim, size("large"), max_lines=2
        )
        art = pygame.Rect(left.left, sub_rect.top + sub.height + px(28), left.width, 0)
        art.height = left.bottom - art.top
        if art.height > px(60) and art.width > px(60):  # a narrow window has no room
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

    def _draw_settings_notice(self, surface: pygame.Surface, left: pygame.Rect) -> int:
        """One line at the bottom: the settings file was broken, the defaults are in use.
        Returns the height it took."""
        p, px = self.app.palette, self.app.px
        text, size = t("menu.settings_reset"), self.app.scale.font_size("small")
        fitted = fit_text(text, left.width, left.height, size, max_lines=2)
        rect = pygame.Rect(left.left, left.bottom - fitted.height, left.width, fitted.height)
        draw_text(surface, text, rect, p.warn, size, max_lines=2)
        return fitted.height + px(8)
