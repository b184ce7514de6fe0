"""The lesson's start screen: the teacher's settings, locked, and the group's name.

Opened by `python -m game --lesson FILE`. Scenario, seed, AI and stop are shown but cannot
be changed; the side is fixed too unless the lesson says `choice`. The group types its
name (it names the save file and heads the report), and Start opens the game.
"""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.drawing.draw import draw_text, panel
from game.drawing.icons import faction_glyph
from game.i18n import pick, t
from game.lessons import LessonRun, LoadedLesson
from game.levels.model import SIDES
from game.saves.format import GROUP_CHARS
from game.ui.flow import start_game
from game.ui.layout import button_height, button_width, flow, margin
from game.ui.scene import Scene
from game.ui.session import GameSession


def stop_words(lesson) -> str:
    """'after 8 quarters or 25 minutes, whichever comes first' (or the scenario's end)."""
    quarters, minutes = lesson.stop_after_quarters, lesson.stop_after_minutes
    if quarters and minutes:
        return t("lessons.stop.both", quarters=quarters, minutes=minutes)
    if quarters:
        return t("lessons.stop.quarters", quarters=quarters)
    if minutes:
        return t("lessons.stop.minutes", minutes=minutes)
    return t("lessons.stop.none")


class LessonScene(Scene):
    name = "lesson"
    help_title = "keys.setup.title"
    help_keys = ("keys.common.choose", "keys.common.back")

    def __init__(self, app, lesson: LoadedLesson, group: str = ""):
        super().__init__(app)
        self.lesson = lesson
        spec = lesson.lesson
        self.side = spec.side if spec.side != "choice" else None
        self.group = group
        self.error = ""

    @classmethod
    def for_shot(cls, app, shot) -> LessonScene:
        from game.lessons import load_lesson
        from game.paths import ROOT

        path = shot.options.get("lesson", str(ROOT / "lessons" / "klasse-9b.yaml"))
        scene = cls(app, load_lesson(path), group=str(shot.options.get("group", "")))
        if shot.options.get("side") in SIDES:
            scene.side = shot.options["side"]
        return scene

    # --- actions ----------------------------------------------------------------------
    def choose_side(self, side: str) -> None:
        self._read_group()
        self.side = side
        self.error = ""
        self.rebuild()

    def _read_group(self) -> None:
        entry = self.widgets.get("lessons.group_entry")
        if entry is not None:
            self.group = entry.get_text()

    def start(self) -> None:
        self._read_group()
        group = " ".join(self.group.split())
        self.error = ""
        if not group:
            self.error = t("lessons.need_group")
        elif self.side is None:
            self.error = t("lessons.need_side")
        if self.error or self.side is None:
            self.rebuild()
            return
        spec = self.lesson.lesson
        session = GameSession.new(self.lesson.level, "vs_ai", self.side, spec.opponent, spec.seed)
        session.group = group
        session.lesson = LessonRun(self.lesson, group, self.side, session=session)
        self.app.lesson = session.lesson  # the app's frame clock drives the lesson timer
        start_game(self.app, session)

    # --- layout -----------------------------------------------------------------------
    def build(self) -> None:
        w, h = self.app.size
        px, m = self.app.px, margin(self.app)
        bh = button_height(self.app)
        heading = self.app.font("heading", bold=True).get_linesize()
        body = self.app.font("body").get_linesize()
        self.title_rect = pygame.Rect(m, px(14), w - 2 * m, heading)
        self.facts_rect = pygame.Rect(m, self.title_rect.bottom + px(10), w - 2 * m, 0)
        self.facts_rect.height = 4 * body + px(24)
        y = self.facts_rect.bottom + px(16)
        self.label_w = min(
            max(
                self.app.font("body", True).size(t(k))[0] for k in ("lessons.side", "lessons.group")
            )
            + px(24),
            (w - 2 * m) // 3,
        )
        x = m + self.label_w
        self.side_label = pygame.Rect(m, y, self.label_w - px(12), bh)
        if self.lesson.lesson.side == "choice":
            labels = [t(f"faction.{s}.full") for s in SIDES]
            widths = [button_width(self.app, label, minimum=140) for label in labels]
            rects = flow(widths, x, y, w - m - x, bh, px(8))
            for side, label, rect in zip(SIDES, labels, rects, strict=True):
                button = self.button(
                    f"lessons.side.{side}", rect, lambda s=side: self.choose_side(s), text=label
                )
                if side == self.side:
                    button.select()
            y = rects[-1].bottom
        else:
            y += bh
        self.side_value = pygame.Rect(x, self.side_label.top, w - m - x, bh)
        y += px(14)
        self.group_label = pygame.Rect(m, y, self.label_w - px(12), bh)
        entry = UITextEntryLine(
            pygame.Rect(x, y, min(px(420), w - m - x), bh),
            manager=self.app.manager,
            initial_text=self.group,
            placeholder_text=t("lessons.group_placeholder"),
        )
        entry.set_text_length_limit(GROUP_CHARS)
        self.add(entry, "lessons.group_entry")
        y += bh + px(10)
        start_w = button_width(self.app, t("lessons.start"), "large", minimum=160)
        start_h = button_height(self.app, "large")
        start = pygame.Rect(w - m - start_w, h - start_h - px(12), start_w, start_h)
        back = pygame.Rect(m, start.centery - bh // 2, button_width(self.app, t("common.back")), bh)
        self.button("common.back", back, self.back)
        self.button("lessons.start", start, self.start, object_id="#menu_button")
        self.note_rect = pygame.Rect(m, y, w - 2 * m, start.top - px(12) - y)
        if self.focus_index is None:
            entry.focus()

    # --- input ------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            self.start()
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED:
            self._read_group()
            return True
        return super().handle_event(event)

    # --- drawing ----------------------------------------------------------------------
    def facts(self) -> list[tuple[str, str]]:
        spec, level = self.lesson.lesson, self.lesson.level.level
        return [
            (t("lessons.fact.scenario"), pick(level.title)),
            (t("lessons.fact.seed"), str(spec.seed)),
            (t("lessons.fact.opponent"), t(f"setup.diff.{spec.opponent}")),
            (t("lessons.fact.stop"), stop_words(spec)),
        ]

    def draw(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        surface.fill(p.bg)
        title = pick(self.lesson.lesson.title)
        draw_text(surface, title, self.title_rect, p.text, size("heading"), bold=True, max_lines=1)
        box = self.facts_rect
        panel(surface, box, p, self.app.scale)
        inner = box.inflate(-2 * px(14), -2 * px(10))
        line = self.app.font("body").get_linesize()
        key_w = max(self.app.font("body", True).size(k)[0] for k, _ in self.facts()) + px(16)
        glyphs = px(86)
        for i, (key, value) in enumerate(self.facts()):
            row = pygame.Rect(inner.left, inner.top + i * line, inner.width - glyphs, line)
            draw_text(surface, key, row, p.text_dim, size("body"), bold=True, max_lines=1)
            value_rect = pygame.Rect(row.left + key_w, row.top, row.width - key_w, line)
            draw_text(surface, value, value_rect, p.text, size("body"), max_lines=1)
        for k, side in enumerate(SIDES):
            glyph = pygame.Rect(inner.right - glyphs + k * px(44), inner.top, px(38), px(36))
            faction_glyph(surface, side, glyph, p.faction(side))
        label = t("lessons.side")
        draw_text(surface, label, self.side_label, p.text, size("body"), bold=True, valign="middle")
        if self.lesson.lesson.side != "choice":
            side = self.lesson.lesson.side
            value = t("lessons.side_locked", name=t(f"faction.{side}.full"))
            draw_text(
                surface,
                value,
                self.side_value,
                p.faction(side),
                size("body"),
                bold=True,
                valign="middle",
                max_lines=1,
            )
        draw_text(
            surface,
            t("lessons.group"),
            self.group_label,
            p.text,
            size("body"),
            bold=True,
            valign="middle",
        )
        note = self.error or t("lessons.locked", file=self.lesson.path.name)
        colour = p.bad if self.error else p.text_dim
        draw_text(surface, note, self.note_rect, colour, size("body"), max_lines=4)
