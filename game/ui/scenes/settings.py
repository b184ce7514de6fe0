"""Settings: language, UI scale, fullscreen, colour-blind palette, animation speed.

Every change applies at once (the screen rebuilds in the new language or size) and is
saved for the next start.
"""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.drawing.draw import draw_text, panel
from game.i18n import t
from game.ui.layout import button_height, button_width, flow, margin
from game.ui.scene import Scene
from game.ui.settings import ANIMATION_SPEEDS, LANGUAGES, SCALES

#: The page rescales this long after the last − / + click, so quick clicks all land.
SCALE_SETTLE_SECONDS = 0.9

ROWS = ("language", "projector", "scale", "fullscreen", "palette", "animation")
FIELDS = {
    "language": "language",
    "scale": "ui_scale",
    "fullscreen": "fullscreen",
    "palette": "colourblind_palette",
    "animation": "animation_speed",
    "projector": "projector",
}


class SettingsScene(Scene):
    name = "settings"

    def __init__(self, app):
        super().__init__(app)
        self.pending_scale: float | None = None  # chosen with − / +, not yet applied
        self.pending_wait = 0.0

    def _options(self, row: str) -> list[tuple[str, str, object, bool]]:
        """(widget name, label, new value, selected) for each choice of `row`."""
        s = self.app.settings
        if row == "language":
            return [
                (f"settings.language.{k}", t(f"lang.{k}"), k, s.language == k) for k in LANGUAGES
            ]
        if row == "animation":
            return [
                (f"settings.animation.{k}", t(f"settings.speed.{k}"), k, s.animation_speed == k)
                for k in ANIMATION_SPEEDS
            ]
        on = {"fullscreen": s.fullscreen, "projector": s.projector}.get(row, s.colourblind_palette)
        return [
            (f"settings.{row}.off", t("common.off"), False, not on),
            (f"settings.{row}.on", t("common.on"), True, on),
        ]

    def _set(self, row: str, value: object) -> None:
        if row == "projector":  # one switch: scale, type size and contrast together
            self.app.apply_settings(self.app.settings.with_projector(bool(value)))
            return
        self.app.apply_settings(replace(self.app.settings, **{FIELDS[row]: value}))

    @property
    def shown_scale(self) -> float:
        return self.app.settings.ui_scale if self.pending_scale is None else self.pending_scale

    def _step_scale(self, step: int) -> None:
        """− / +: the value changes at once, the page a moment after the last click, so
        the buttons stay under the cursor for a quick run of clicks."""
        shown = self.shown_scale
        current = min(range(len(SCALES)), key=lambda i: abs(SCALES[i] - shown))
        index = max(0, min(len(SCALES) - 1, current + step))
        self.pending_scale = SCALES[index]
        self.pending_wait = 0.0
        for name, possible in (("down", index > 0), ("up", index < len(SCALES) - 1)):
            button = self.widgets[f"settings.scale.{name}"]
            if possible:
                button.enable()
            else:
                button.disable()

    def apply_pending_scale(self) -> None:
        pending, self.pending_scale = self.pending_scale, None
        if pending is not None and pending != self.app.settings.ui_scale:
            self.app.stack.changed()  # the page moves: clicks meant for the old layout drop
            self._set("scale", pending)

    def update(self, dt: float) -> None:
        if self.pending_scale is not None:
            self.pending_wait += dt
            if self.pending_wait >= SCALE_SETTLE_SECONDS:
                self.apply_pending_scale()

    def animating(self) -> bool:
        return self.pending_scale is not None  # keep frames coming until the page rescales

    def back(self) -> bool:
        self.apply_pending_scale()
        return super().back()

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        m = margin(self.app)
        bh = button_height(self.app)
        gap = px(8)
        heading = self.app.font("heading", bold=True).get_linesize()
        width = min(w - 2 * m, px(860))
        left = (w - width) // 2
        self.title_rect = pygame.Rect(left, px(20), width, heading)
        back_w = button_width(self.app, t("common.back"), minimum=120)
        back = pygame.Rect(left, h - bh - px(16), back_w, bh)
        self.card = pygame.Rect(left, self.title_rect.bottom + px(14), width, 0)
        # rows breathe when there is room and close up when there is not (UI scale 200 %)
        room = back.top - px(14) - self.card.top - 2 * px(12)
        row_pad = max(px(2), min(px(12), (room - len(ROWS) * bh) // (2 * len(ROWS))))
        inner_left, inner_right = left + px(20), left + width - px(20)
        bold = self.app.font("body", bold=True)
        natural = max(bold.size(t(f"settings.{r}"))[0] for r in ROWS) + px(20)
        # options stay on one row; the labels get what is left (and wrap if they must)
        label_w = max(px(110), min(natural, inner_right - inner_left - self._widest_row(gap)))
        self.labels: list[tuple[str, pygame.Rect]] = []
        self.separators: list[int] = []
        y = self.card.top + px(12)
        x = inner_left + label_w
        for index, row in enumerate(ROWS):
            y += row_pad
            if row == "scale":
                rects = self._build_scale_row(x, y, bh, gap)
            else:
                options = self._options(row)
                widths = [button_width(self.app, label, minimum=64) for _, label, _, _ in options]
                rects = flow(widths, x, y, inner_right - x, bh, gap)
                for (name, label, value, selected), rect in zip(options, rects, strict=True):
                    action = lambda row=row, value=value: self._set(row, value)  # noqa: E731
                    tip = {
                        "palette": t("settings.palette_hint"),
                        "projector": t("settings.projector_hint"),
                    }.get(row)
                    button = self.button(name, rect, action, text=label, tooltip=tip)
                    if selected:
                        button.select()
            bottom = max(r.bottom for r in rects)
            self.labels.append(
                (f"settings.{row}", pygame.Rect(inner_left, y, label_w - px(12), bottom - y))
            )
            y = bottom + row_pad
            if index < len(ROWS) - 1:
                self.separators.append(y)
        self.card.height = y + px(12) - self.card.top
        self.button("common.back", back, self.back)
        # Sound and motion have their own page (game/ui/scenes/sound.py), opened up here.
        sound_label = t("settings.sound_open")
        sound_w = button_width(self.app, sound_label, minimum=120)
        sound = pygame.Rect(left + width - sound_w, 0, sound_w, bh)
        sound.centery = self.title_rect.centery
        self.title_rect.width = sound.left - px(12) - left
        self.button("settings.sound_open", sound, lambda: self.app.push("sound"))
        self.hint_rect = pygame.Rect(
            back.right + px(16), back.top, left + width - back.right - px(16), bh
        )
        if self.focus_index is None:
            self.focus_index = 0

    def _widest_row(self, gap: int) -> int:
        widest = self._scale_row_width(gap)
        for row in ROWS:
            if row != "scale":
                widths = [
                    button_width(self.app, label, minimum=64)
                    for _, label, _, _ in self._options(row)
                ]
                widest = max(widest, sum(widths) + gap * (len(widths) - 1))
        return widest

    def _scale_row_width(self, gap: int) -> int:
        step_w = button_width(self.app, "+", minimum=48)
        value_w = self.app.font("body", bold=True).size("200 %")[0] + self.app.px(24)
        return 2 * step_w + value_w + 2 * gap

    def _build_scale_row(self, x: int, y: int, bh: int, gap: int) -> list[pygame.Rect]:
        """[−] 150 % [+]: a stepper stays one short row even at 200 %."""
        step_w = button_width(self.app, "+", minimum=48)
        value_w = self.app.font("body", bold=True).size("200 %")[0] + self.app.px(24)
        minus = pygame.Rect(x, y, step_w, bh)
        self.scale_value_rect = pygame.Rect(minus.right + gap, y, value_w, bh)
        plus = pygame.Rect(self.scale_value_rect.right + gap, y, step_w, bh)
        low = self.shown_scale <= SCALES[0]
        high = self.shown_scale >= SCALES[-1]
        self.button(
            "settings.scale.down", minus, lambda: self._step_scale(-1), text="−", enabled=not low
        )
        self.button(
            "settings.scale.up", plus, lambda: self._step_scale(1), text="+", enabled=not high
        )
        return [minus, plus]

    def draw(self, surface: pygame.Surface) -> None:
        p = self.app.palette
        size = self.app.scale.font_size
        surface.fill(p.bg)
        draw_text(surface, t("settings.title"), self.title_rect, p.text, size("heading"), bold=True)
        panel(surface, self.card, p, self.app.scale)
        for y in self.separators:
            inset = self.app.px(16)
            pygame.draw.line(
                surface, p.panel_hi, (self.card.left + inset, y), (self.card.right - inset, y)
            )
        for key, rect in self.labels:
            draw_text(surface, t(key), rect, p.text, size("body"), bold=True, valign="middle")
        value = f"{round(self.shown_scale * 100)} %"
        draw_text(
            surface,
            value,
            self.scale_value_rect,
            p.text,
            size("body"),
            bold=True,
            align="center",
            valign="middle",
        )
        draw_text(
            surface, t("settings.saved"), self.hint_rect, p.text_dim, size("small"), valign="middle"
        )
