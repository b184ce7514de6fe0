"""Help (F1 from anywhere): the rules in short and every key; scrolls when it is long."""

from __future__ import annotations

import pygame

from game.drawing.draw import draw_text, panel
from game.i18n import t
from game.ui.layout import button_height, button_width, margin
from game.ui.scene import Scene
from game.ui.scroll import Block, ScrollText

KEYS = ("f1", "nav", "activate", "back", "reload", "mute", "scroll")


class HelpScene(Scene):
    name = "help"

    def __init__(self, app, screen: Scene | None = None):
        super().__init__(app)
        self.text = ScrollText(app, [])
        # the screen F1 was pressed on (a dialog stands for the screen below it)
        while screen is not None and not screen.help_keys and screen.overlay:
            screen = app.stack.below(screen) if screen in app.stack else None
        self.screen = screen

    @classmethod
    def for_shot(cls, app, shot) -> HelpScene:
        """`--opt over=turn` (or another scene): the help as F1 shows it over that screen."""
        over = shot.options.get("over")
        if not over:
            return cls(app)
        from game.ui.scenes import scene_class

        below_cls = scene_class(over)
        below = below_cls.for_shot(app, shot) if hasattr(below_cls, "for_shot") else below_cls(app)
        app.push(below)
        return cls(app, screen=below)

    def _screen_blocks(self) -> list[Block]:
        screen = self.screen
        if screen is None or not screen.help_keys:
            return []
        title = t(screen.help_title) if screen.help_title else ""
        blocks = [Block("heading", t("help.screen_keys", screen=title))]
        blocks += [Block("text", "•  " + t(key)) for key in screen.help_keys]
        return [*blocks, Block("gap")]

    def _blocks(self) -> list[Block]:
        blocks = self._screen_blocks()
        blocks.append(Block("heading", t("help.rules_title")))
        for paragraph in t("help.rules").split("\n"):
            blocks += [Block("text", paragraph), Block("gap")]
        blocks.append(Block("heading", t("help.keys_title")))
        blocks += [Block("row", t(f"help.keys.{k}.key"), t(f"help.keys.{k}.what")) for k in KEYS]
        blocks += [
            Block("gap"),
            Block("text", t("help.keys.mouse"), colour=self.app.palette.text_dim),
        ]
        return blocks

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        m = margin(self.app)
        bh = button_height(self.app)
        heading = self.app.font("heading", bold=True).get_linesize()
        self.title_rect = pygame.Rect(m, px(16), w - 2 * m, heading)
        back = pygame.Rect(
            m, h - bh - px(16), button_width(self.app, t("common.back"), minimum=120), bh
        )
        self.card = pygame.Rect(m, self.title_rect.bottom + px(10), w - 2 * m, back.top - px(12))
        self.card.height -= self.card.top
        self.button("common.back", back, self.back)
        self.text.blocks = self._blocks()
        self.focus_index = 0

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.text.handle_event(event):
            return True
        return super().handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        surface.fill(p.bg)
        draw_text(
            surface,
            t("help.title"),
            self.title_rect,
            p.text,
            self.app.scale.font_size("heading"),
            bold=True,
        )
        panel(surface, self.card, p, self.app.scale)
        inner = self.card.inflate(-px(40), -px(28))
        max_w = px(900)
        if inner.width > max_w:  # long lines are hard to read: keep a comfortable measure
            inner.width = max_w
        self.text.draw(surface, inner)
