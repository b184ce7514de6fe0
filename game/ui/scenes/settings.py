"""Settings: language, UI scale, fullscreen, colour-blind palette, animation speed.

Every change applies at once (the screen rebuilds in the new language or size) and is
saved for the next start.
"""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.i18n import t
from game.ui.draw import draw_text
from game.ui.layout import button_height, button_width, flow
from game.ui.scene import Scene
from game.ui.settings import ANIMATION_SPEEDS, LANGUAGES, SCALES

ROWS = ("language", "scale", "fullscreen", "palette", "animation")


class SettingsScene(Scene):
    name = "settings"

    def _options(self, row: str) -> list[tuple[str, str, object, bool]]:
        """(widget name, label, new value, selected) for each choice of `row`."""
        s = self.app.settings
        if row == "language":
            return [
                (f"settings.language.{k}", t(f"lang.{k}"), k, s.language == k) for k in LANGUAGES
            ]
        if row == "scale":
            return [
                (f"settings.scale.{v}", f"{round(v * 100)} %", v, abs(s.ui_scale - v) < 1e-6)
                for v in SCALES
            ]
        if row == "fullscreen":
            on = s.fullscreen
        elif row == "palette":
            on = s.colourblind_palette
        else:
            return [
                (f"settings.animation.{k}", t(f"settings.speed.{k}"), k, s.animation_speed == k)
                for k in ANIMATION_SPEEDS
            ]
        return [
            (f"settings.{row}.off", t("common.off"), False, not on),
            (f"settings.{row}.on", t("common.on"), True, on),
        ]

    def _set(self, row: str, value: object) -> None:
        field = {
            "language": "language",
            "scale": "ui_scale",
            "fullscreen": "fullscreen",
            "palette": "colourblind_palette",
            "animation": "animation_speed",
        }[row]
        self.app.apply_settings(replace(self.app.settings, **{field: value}))

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        margin = px(48)
        self.title_rect = pygame.Rect(margin, px(28), w - 2 * margin, px(44))
        label_w = min(
            max(self.app.font("body", bold=True).size(t(f"settings.{r}"))[0] for r in ROWS)
            + px(24),
            (w - 2 * margin) // 2,
        )
        self.labels: list[tuple[str, pygame.Rect]] = []
        bh = button_height(self.app)
        gap = px(8)
        y = self.title_rect.bottom + px(24)
        x = margin + label_w
        for row in ROWS:
            options = self._options(row)
            widths = [button_width(self.app, label, minimum=90) for _, label, _, _ in options]
            rects = flow(widths, x, y, w - margin - x, bh, gap)
            for (name, label, value, selected), rect in zip(options, rects, strict=True):
                button = self.button(
                    name, rect, lambda row=row, value=value: self._set(row, value), text=label
                )
                if selected:
                    button.select()
            bottom = rects[-1].bottom
            self.labels.append(
                (f"settings.{row}", pygame.Rect(margin, y, label_w - px(12), bottom - y))
            )
            y = bottom + px(18)
        self.hint_rect = pygame.Rect(margin, y, w - 2 * margin, px(64))
        back_w = button_width(self.app, t("common.back"), minimum=140)
        self.button(
            "common.back",
            pygame.Rect(margin, h - bh - px(24), back_w, bh),
            self.back,
        )

    def draw(self, surface: pygame.Surface) -> None:
        p = self.app.palette
        size = self.app.scale.font_size
        surface.fill(p.bg)
        draw_text(surface, t("settings.title"), self.title_rect, p.text, size("heading"), bold=True)
        for key, rect in self.labels:
            draw_text(surface, t(key), rect, p.text, size("body"), bold=True, valign="middle")
        back = self.widgets["common.back"].rect
        hint = self.hint_rect.clip(
            pygame.Rect(0, 0, surface.get_width(), back.top - self.app.px(8))
        )
        text = t("settings.palette_hint") + "\n" + t("settings.saved")
        draw_text(surface, text, hint, p.text_dim, size("small"))
