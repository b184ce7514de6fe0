"""Hot-seat handover: a full-screen curtain, then "since your last turn" for the new player.

The curtain is built from the incoming side, the quarter and recap lines that were already
public when the quarter began (last quarter's report); it is never given the match or the
orders of this quarter, so it cannot show the previous player's allocation even by mistake.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.drawing.draw import draw_text, fit_text, panel
from game.drawing.icons import faction_glyph
from game.i18n import t
from game.ui.layout import button_height, button_width, margin
from game.ui.narrate import quarter_words
from game.ui.scene import Scene
from game.ui.scroll import Block, ScrollText


class CurtainScene(Scene):
    name = "curtain"
    help_title = "keys.curtain.title"
    help_keys = ("keys.curtain.ready", "keys.common.scroll", "keys.curtain.pause")

    def __init__(
        self,
        app,
        side: str,
        quarter: str,
        recap: list[str],
        on_ready: Callable[[], None],
        on_menu: Callable[[], object] | None = None,
    ):
        super().__init__(app)
        self.side = side
        self.quarter = quarter
        self.recap = list(recap)
        self.on_ready = on_ready
        self.on_menu = on_menu  # Esc: the pause menu, which keeps orders already sent
        self.covered = True
        self.recap_text = ScrollText(app, [])

    @classmethod
    def for_shot(cls, app, shot) -> CurtainScene:
        from game.ui.flow import recap_lines

        match = shot.match
        side = "china"
        recap = recap_lines(match, side, ledger=True)  # the curtain is hot-seat only
        scene = cls(app, side, match.rules.quarter(match.state.turn), recap, lambda: None)
        scene.covered = shot.options.get("covered", True)
        return scene

    def reveal(self) -> None:
        """Space on the curtain: the incoming player is seated; show the recap."""
        self.covered = False
        self.focus_index = None
        self.turn_page()

    def ready(self) -> None:
        self.on_ready()

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        m = margin(self.app)
        if self.covered:
            rect = self._curtain_layout()["button"]
            self.button("curtain.ready_button", rect, self.reveal, object_id="#menu_button")
            self.focus("curtain.ready_button")
            return
        label = t("curtain.start_turn")
        bw = button_width(self.app, label, "large", minimum=220)
        bh = button_height(self.app, "large")
        rect = pygame.Rect(w - m - bw, h - bh - px(16), bw, bh)
        self.button("curtain.start_turn", rect, self.ready, object_id="#menu_button")
        self.focus("curtain.start_turn")
        self.list_rect = pygame.Rect(m, px(120), w - 2 * m, rect.top - px(16) - px(120))

    def handle_event(self, event: pygame.event.Event) -> bool:
        if not self.covered and (
            event.type == pygame.MOUSEWHEEL
            or (event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN))
        ):
            return self.recap_text.handle_event(event)
        return super().handle_event(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER):
            self.reveal() if self.covered else self.ready()
            return True
        if event.key == pygame.K_ESCAPE and self.on_menu is not None:
            self.on_menu()
            return True
        return super().handle_key(event)

    def ask_before_closing(self) -> bool:
        return bool(self.on_menu is not None and self.on_menu(closing=True))

    def draw(self, surface: pygame.Surface) -> None:
        if self.covered:
            self._draw_curtain(surface)
        else:
            self._draw_recap(surface)

    def _draw_curtain(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        w, h = surface.get_size()
        surface.fill(p.bg_deep)
        colour = p.faction(self.side)
        # Vertical folds of a stage curtain, faint, so the screen reads as "covered".
        fold = max(px(36), w // 24)
        for x in range(0, w, fold):
            pygame.draw.line(surface, p.bg, (x, 0), (x, h), max(1, px(2)))
        lay = self._curtain_layout()
        faction_glyph(surface, self.side, lay["glyph"], colour)
        draw_text(
            surface,
            lay["title_text"],
            lay["title"],
            p.text,
            size("title"),
            bold=True,
            align="center",
            max_lines=2,
        )
        draw_text(
            surface,
            t("curtain.ready"),
            lay["sub"],
            colour,
            size("large"),
            align="center",
            max_lines=2,
        )
        draw_text(
            surface, t("curtain.secret"), lay["note"], p.text_faint, size("small"), align="center"
        )

    def _curtain_layout(self) -> dict:
        """The covered screen as one centred column — glyph, title, "press Space", button,
        note — sized from the texts, so nothing overlaps at any scale or window size."""
        px, size = self.app.px, self.app.scale.font_size
        w, h = self.app.size
        m = margin(self.app)
        width = w - 2 * m
        glyph = min(px(96), round(h * 0.14))
        title_text = t("curtain.pass", name=t(f"faction.{self.side}.name"))
        title = fit_text(title_text, width, round(h * 0.28), size("title"), bold=True, max_lines=2)
        sub = fit_text(t("curtain.ready"), width, px(60), size("large"), max_lines=2)
        note = fit_text(t("curtain.secret"), width, px(60), size("small"))
        label = t("curtain.ready_button")
        bw = button_width(self.app, label, "large", minimum=220)
        bh = button_height(self.app, "large")
        gaps = (px(20), px(10), px(28), px(16))
        total = glyph + title.height + sub.height + bh + note.height + sum(gaps)
        y = max(px(12), round((h - total) * 0.45))
        out = {"glyph": pygame.Rect((w - glyph) // 2, y, glyph, glyph), "title_text": title_text}
        y += glyph + gaps[0]
        out["title"] = pygame.Rect(m, y, width, title.height)
        y += title.height + gaps[1]
        out["sub"] = pygame.Rect(m, y, width, sub.height)
        y += sub.height + gaps[2]
        out["button"] = pygame.Rect((w - bw) // 2, y, bw, bh)
        y += bh + gaps[3]
        out["note"] = pygame.Rect(m, y, width, max(note.height, h - y - px(10)))
        return out

    def _draw_recap(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        w = surface.get_width()
        surface.fill(p.bg)
        m = margin(self.app)
        colour = p.faction(self.side)
        glyph = px(44)
        faction_glyph(surface, self.side, pygame.Rect(m, px(22), glyph, glyph), colour)
        head = pygame.Rect(m + glyph + px(14), px(18), w - 2 * m - glyph - px(14), px(40))
        draw_text(
            surface, t("curtain.recap_title"), head, p.text, size("heading"), bold=True, max_lines=1
        )
        sub = pygame.Rect(head.left, head.top + px(40), head.width, px(32))
        name = t(f"faction.{self.side}.name")
        text = t("curtain.recap_quarter", quarter=quarter_words(self.quarter), name=name)
        draw_text(surface, text, sub, colour, size("body"), bold=True, max_lines=1)
        lines = self.recap or [t("curtain.recap_first")]
        self.recap_text.blocks = [Block("text", "•  " + line) for line in lines]
        # The panel as tall as the recap (up to the room there is), not a large empty box.
        box = pygame.Rect(self.list_rect)
        self.recap_text._layout(box.width - 2 * px(16) - px(10))
        box.height = min(box.height, self.recap_text.content_height + 2 * px(12) + px(4))
        panel(surface, box, p, self.app.scale)
        self.recap_text.draw(surface, box.inflate(-2 * px(16), -2 * px(12)))
