"""Hot-seat handover: a full-screen curtain, then "since your last turn" for the new player.

The curtain is built from the incoming side, the quarter and recap lines that were already
public when the quarter began (last quarter's report); it is never given the match or the
orders of this quarter, so it cannot show the previous player's allocation even by mistake.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.i18n import t
from game.ui.draw import draw_text, panel
from game.ui.icons import faction_glyph
from game.ui.layout import button_height, button_width, margin
from game.ui.narrate import quarter_words
from game.ui.scene import Scene
from game.ui.scroll import Block, ScrollText


class CurtainScene(Scene):
    name = "curtain"

    def __init__(
        self,
        app,
        side: str,
        quarter: str,
        recap: list[str],
        on_ready: Callable[[], None],
    ):
        super().__init__(app)
        self.side = side
        self.quarter = quarter
        self.recap = list(recap)
        self.on_ready = on_ready
        self.covered = True
        self.recap_text = ScrollText(app, [])

    @classmethod
    def for_shot(cls, app, shot) -> CurtainScene:
        from game.ui.narrate import HEADLINES, narrate

        match = shot.match
        side = "china"
        recap = (
            narrate(match.turns[-1].events, side, match.rules, kinds=HEADLINES)
            if match.turns
            else []
        )
        scene = cls(app, side, match.rules.quarter(match.state.turn), recap, lambda: None)
        scene.covered = shot.options.get("covered", True)
        return scene

    def reveal(self) -> None:
        """Space on the curtain: the incoming player is seated; show the recap."""
        self.covered = False
        self.focus_index = None
        self.rebuild()

    def ready(self) -> None:
        self.on_ready()

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        m = margin(self.app)
        if self.covered:
            label = t("curtain.ready_button")
            bw = button_width(self.app, label, "large", minimum=220)
            bh = button_height(self.app, "large")
            rect = pygame.Rect((w - bw) // 2, round(h * 0.66), bw, bh)
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
        return super().handle_key(event)

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
        glyph = px(96)
        faction_glyph(
            surface, self.side, pygame.Rect((w - glyph) // 2, round(h * 0.14), glyph, glyph), colour
        )
        m = margin(self.app)
        title = pygame.Rect(m, round(h * 0.14) + glyph + px(20), w - 2 * m, px(120))
        name = t(f"faction.{self.side}.name")
        fitted = draw_text(
            surface,
            t("curtain.pass", name=name),
            title,
            p.text,
            size("title"),
            bold=True,
            align="center",
            max_lines=2,
        )
        sub = pygame.Rect(m, title.top + fitted.height + px(10), w - 2 * m, px(60))
        fitted = draw_text(
            surface, t("curtain.ready"), sub, colour, size("large"), align="center", max_lines=2
        )
        button = self.widgets.get("curtain.ready_button")
        bottom = button.rect.bottom + px(16) if button is not None else round(h * 0.8)
        note = pygame.Rect(m, bottom, w - 2 * m, h - bottom - px(10))
        draw_text(surface, t("curtain.secret"), note, p.text_faint, size("small"), align="center")

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
        box = self.list_rect
        panel(surface, box, p, self.app.scale)
        inner = box.inflate(-2 * px(16), -2 * px(12))
        lines = self.recap or [t("curtain.recap_first")]
        self.recap_text.blocks = [Block("text", "•  " + line) for line in lines]
        self.recap_text.draw(surface, inner)
