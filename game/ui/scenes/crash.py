"""The apology scene: shown instead of a vanished window after an unexpected error."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.drawing.draw import draw_text, panel
from game.i18n import t
from game.ui.layout import button_height, button_width
from game.ui.scene import Scene


class CrashScene(Scene):
    name = "crash"

    def __init__(self, app, log_path: Path | None = None):
        super().__init__(app)
        self.log_path = log_path

    @classmethod
    def for_shot(cls, app, shot) -> CrashScene:
        from game.paths import crash_dir

        return cls(app, log_path=crash_dir() / "crash-20250101-120000-000000.log")

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        bh = button_height(self.app)
        self.card = pygame.Rect(0, 0, min(w - px(48), px(760)), min(h - px(48), px(420)))
        self.card.center = (w // 2, h // 2)
        names = ("crash.menu", "crash.quit")
        widths = [button_width(self.app, t(n), minimum=140) for n in names]
        x = self.card.left + px(28)
        y = self.card.bottom - bh - px(24)
        actions = (self._to_menu, lambda: self.app.quit(1))
        for name, width, action in zip(names, widths, actions, strict=True):
            self.button(name, pygame.Rect(x, y, width, bh), action)
            x += width + px(12)
        self.focus_index = 0

    def _to_menu(self) -> None:
        from game.ui.scenes import make_scene

        self.app.stack.reset(make_scene("menu", self.app))

    def back(self) -> bool:
        self._to_menu()
        return True

    def draw(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        surface.fill(p.bg)
        panel(surface, self.card, p, self.app.scale, border=p.warn)
        inner = self.card.inflate(-px(56), -px(48))
        inner.height = self.widgets["crash.menu"].rect.top - px(12) - inner.top
        log = str(self.log_path) if self.log_path else None
        parts = [
            (t("crash.title"), p.text, size("heading"), "bold"),
            (t("crash.body"), p.text, size("body"), ""),
            (t("crash.log") if log else t("crash.no_log"), p.text_dim, size("body"), ""),
        ]
        if log:
            parts.append((log, p.accent, size("mono"), "mono"))
            parts.append((t("crash.ask"), p.text_dim, size("small"), ""))
        y = inner.top
        for text, colour, font_size, weight in parts:
            rect = pygame.Rect(inner.left, y, inner.width, max(0, inner.bottom - y))
            fitted = draw_text(
                surface, text, rect, colour, font_size, bold=weight == "bold", mono=weight == "mono"
            )
            y += fitted.height + px(12)
