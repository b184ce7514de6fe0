"""Sound and motion settings: three volumes, mute, Reduce motion (opened from Settings).

Every change is heard and saved at once, like the rest of the settings. A volume steps by
10 % with [−] and [+], and its click sounds at the new level, so the player hears the
choice.
"""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.drawing.draw import draw_text, panel
from game.i18n import t
from game.ui.audio import cue
from game.ui.layout import button_height, button_width, margin
from game.ui.scene import Scene

VOLUMES = ("master", "music", "effects")
SWITCHES = {"mute": "muted", "motion": "reduce_motion"}
ROWS = (*VOLUMES, *SWITCHES)
VOLUME_STEP = 10


class SoundScene(Scene):
    name = "sound"

    @classmethod
    def for_shot(cls, app, shot) -> SoundScene:
        return cls(app)

    def _volume(self, row: str) -> int:
        return getattr(self.app.settings, f"{row}_volume")

    def _step_volume(self, row: str, step: int) -> None:
        value = max(0, min(100, self._volume(row) + step * VOLUME_STEP))
        self.app.apply_settings(replace(self.app.settings, **{f"{row}_volume": value}))
        cue(self.app, "click")

    def _switch(self, row: str, on: bool) -> None:
        self.app.apply_settings(replace(self.app.settings, **{SWITCHES[row]: on}))

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        bh = button_height(self.app)
        gap = px(8)
        heading = self.app.font("heading", bold=True).get_linesize()
        width = min(w - 2 * margin(self.app), px(760))
        left = (w - width) // 2
        self.title_rect = pygame.Rect(left, px(20), width, heading)
        back_w = button_width(self.app, t("common.back"), minimum=120)
        back = pygame.Rect(left, h - bh - px(16), back_w, bh)
        self.card = pygame.Rect(left, self.title_rect.bottom + px(14), width, 0)
        room = back.top - px(14) - self.card.top - 2 * px(12)
        row_pad = max(px(2), min(px(12), (room - len(ROWS) * bh) // (2 * len(ROWS))))
        inner_left, inner_right = left + px(20), left + width - px(20)
        bold = self.app.font("body", bold=True)
        label_w = min(
            max(bold.size(t(f"sound.{r}"))[0] for r in ROWS) + px(20),
            (inner_right - inner_left) // 2,
        )
        self.labels: list[tuple[str, pygame.Rect]] = []
        self.values: list[tuple[str, pygame.Rect]] = []
        self.separators: list[int] = []
        y = self.card.top + px(12)
        x = inner_left + label_w
        step_w = button_width(self.app, "+", minimum=48)
        value_w = bold.size("100 %")[0] + px(24)
        for index, row in enumerate(ROWS):
            y += row_pad
            if row in VOLUMES:
                minus = pygame.Rect(x, y, step_w, bh)
                value = pygame.Rect(minus.right + gap, y, value_w, bh)
                plus = pygame.Rect(value.right + gap, y, step_w, bh)
                level = self._volume(row)
                for name, rect, step, enabled in (
                    ("down", minus, -1, level > 0),
                    ("up", plus, 1, level < 100),
                ):
                    self.button(
                        f"sound.{row}.{name}",
                        rect,
                        lambda row=row, step=step: self._step_volume(row, step),
                        text="−" if step < 0 else "+",
                        enabled=enabled,
                        tooltip=t(f"sound.{name}"),
                        sound=None,  # _step_volume clicks at the new volume
                    )
                self.values.append((row, value))
            else:
                on = getattr(self.app.settings, SWITCHES[row])
                cx = x
                for value_on in (False, True):
                    label = t("common.on" if value_on else "common.off")
                    rect = pygame.Rect(cx, y, button_width(self.app, label, minimum=64), bh)
                    cx = rect.right + gap
                    button = self.button(
                        f"sound.{row}.{'on' if value_on else 'off'}",
                        rect,
                        lambda row=row, value_on=value_on: self._switch(row, value_on),
                        text=label,
                        tooltip=t(f"sound.{row}_hint"),
                    )
                    if on == value_on:
                        button.select()
            self.labels.append((f"sound.{row}", pygame.Rect(inner_left, y, label_w - px(12), bh)))
            y += bh + row_pad
            if index < len(ROWS) - 1:
                self.separators.append(y)
        self.card.height = y + px(12) - self.card.top
        self.button("common.back", back, self.back)
        self.hint_rect = pygame.Rect(
            back.right + px(16), back.top, left + width - back.right - px(16), bh
        )
        if self.focus_index is None:
            self.focus_index = 0

    def draw(self, surface: pygame.Surface) -> None:
        p = self.app.palette
        size = self.app.scale.font_size
        surface.fill(p.bg)
        draw_text(surface, t("sound.title"), self.title_rect, p.text, size("heading"), bold=True)
        panel(surface, self.card, p, self.app.scale)
        inset = self.app.px(16)
        for y in self.separators:
            pygame.draw.line(
                surface, p.panel_hi, (self.card.left + inset, y), (self.card.right - inset, y)
            )
        for key, rect in self.labels:
            draw_text(surface, t(key), rect, p.text, size("body"), bold=True, valign="middle")
        for row, rect in self.values:
            draw_text(
                surface,
                f"{self._volume(row)} %",
                rect,
                p.text,
                size("body"),
                bold=True,
                align="center",
                valign="middle",
            )
        audio = getattr(self.app, "audio", None)
        hint = t("sound.no_device") if audio is not None and audio.failed else t("settings.saved")
        draw_text(surface, hint, self.hint_rect, p.text_dim, size("small"), valign="middle")
