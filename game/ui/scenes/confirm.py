"""A yes/no question over the current screen (e.g. a policy that hurts its own side).

The question names what happens on each answer; Esc and "No" change nothing. The answer
buttons are pushed as a new screen, so the input guard swallows the rest of the click
burst that opened the question.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.drawing.draw import draw_text, fit_text, panel
from game.i18n import t
from game.ui.layout import button_height, button_width
from game.ui.scene import Scene


class ConfirmScene(Scene):
    name = "confirm"
    overlay = True
    help_title = "keys.confirm.title"
    help_keys = ("keys.common.choose", "keys.confirm.esc")

    def __init__(
        self,
        app,
        title: str,
        text: str,
        on_yes: Callable[[], None],
        yes: str = "common.yes",
        no: str = "common.no",
    ):
        super().__init__(app)
        self.title, self.text, self.on_yes = title, text, on_yes
        self.yes, self.no = yes, no

    @classmethod
    def for_shot(cls, app, shot) -> ConfirmScene:
        """The question a self-harming policy asks, over the turn screen of its side."""
        from game.ui.scenes.turn import TurnScene

        turn = TurnScene.for_shot(app, shot)
        app.push(turn)
        harmful = next((e for e in turn.policies.entries if e.harms), turn.policies.entries[-1])
        return turn.harm_question(harmful)

    def answer_yes(self) -> None:
        self.app.pop()
        self.on_yes()

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        bh = button_height(self.app, "large")
        gap = px(12)
        text_w = min(px(620), w - px(80))
        heading = fit_text(
            self.title, text_w, px(120), self.app.scale.font_size("heading"), bold=True
        )
        body = fit_text(self.text, text_w, round(h * 0.5), self.app.scale.font_size("body"))
        yes_w = button_width(self.app, t(self.yes), "large", minimum=160)
        no_w = button_width(self.app, t(self.no), "large", minimum=160)
        total = heading.height + px(12) + body.height + px(20) + bh
        self.card = pygame.Rect(0, 0, text_w + 2 * px(28), total + 2 * px(22))
        self.card.center = (w // 2, h // 2)
        self.card.clamp_ip(pygame.Rect(0, 0, w, h))
        x, y = self.card.left + px(28), self.card.top + px(22)
        self.title_rect = pygame.Rect(x, y, text_w, heading.height)
        self.text_rect = pygame.Rect(x, self.title_rect.bottom + px(12), text_w, body.height)
        y = self.text_rect.bottom + px(20)
        right = self.card.right - px(28)
        # "No" first and focused: the safe answer is the easy one
        no = pygame.Rect(right - no_w, y, no_w, bh)
        yes = pygame.Rect(no.left - gap - yes_w, y, yes_w, bh)
        self.button(self.no, no, self.app.pop, object_id="#menu_button")
        self.button(self.yes, yes, self.answer_yes, object_id="#menu_button")
        self.focus(self.no)

    def draw(self, surface: pygame.Surface) -> None:
        p = self.app.palette
        size = self.app.scale.font_size
        panel(surface, self.card, p, self.app.scale, fill=p.panel, border=p.warn)
        draw_text(surface, self.title, self.title_rect, p.text, size("heading"), bold=True)
        draw_text(surface, self.text, self.text_rect, p.text_dim, size("body"))
