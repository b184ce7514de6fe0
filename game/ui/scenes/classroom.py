"""The menu's Classroom page: start a lesson from a lesson file, or open the class overview.

Lists every lesson file the game finds (game/lessons/found.py) with its scenario, seed,
side, AI and end. Start lesson opens it exactly as `python -m game --lesson FILE` does:
the locked start screen, or the file's problems with line and column.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.drawing.draw import draw_text, fit_text, panel
from game.i18n import pick, t
from game.lessons import check_lesson_file
from game.lessons.found import lesson_files, own_lessons_dir
from game.ui.layout import button_height, button_width, flow, margin
from game.ui.row_clicks import DoubleClicks, pick_row
from game.ui.scene import Scene
from game.ui.scenes.lesson import stop_words


def lesson_lines(path: Path) -> tuple[str, str, bool]:
    """Title, facts line and whether the file opens (a broken one says so)."""
    loaded, _ = check_lesson_file(path)
    if loaded is None:
        return path.stem, t("teacher.hub.broken", file=path.name), False
    spec = loaded.lesson
    side = t("teacher.hub.side_choice") if spec.side == "choice" else t(f"faction.{spec.side}.full")
    facts = t(
        "teacher.hub.facts",
        scenario=pick(loaded.level.level.title),
        seed=spec.seed,
        side=side,
        opponent=t(f"setup.diff.{spec.opponent}"),
        stop=stop_words(spec),
    )
    return pick(spec.title), facts, True


class ClassroomScene(Scene):
    name = "classroom"
    help_title = "teacher.hub.title"
    help_keys = ("teacher.hub.keys", "keys.common.choose", "keys.common.back")

    def __init__(self, app, files: list[Path] | None = None):
        super().__init__(app)
        self.files = lesson_files() if files is None else files
        self.lines = [lesson_lines(path) for path in self.files]
        self.selected = 0
        self.scroll = 0
        self._clicks = DoubleClicks()

    @classmethod
    def for_shot(cls, app, shot) -> ClassroomScene:
        from game.paths import ROOT

        return cls(app, lesson_files([ROOT / "lessons"]))

    # --- actions ------------------------------------------------------------------------
    def start_lesson(self) -> None:
        """The chosen lesson, as `--lesson` opens it."""
        from game.ui.lesson_start import open_lesson

        if 0 <= self.selected < len(self.files):
            open_lesson(self.app, str(self.files[self.selected]))

    def select(self, index: int) -> None:
        if self.files:
            self.selected = max(0, min(len(self.files) - 1, index))

    # --- layout -------------------------------------------------------------------------
    def build(self) -> None:
        w, h = self.app.size
        px, m = self.app.px, margin(self.app, 32)
        bh = button_height(self.app)
        heading = self.app.font("heading", True).get_linesize()
        small = self.app.font("small").get_linesize()
        self.title_rect = pygame.Rect(m, px(10), w - 2 * m, heading)
        intro = fit_text(
            t("teacher.hub.intro"), w - 2 * m, 4 * small, self.app.scale.font_size("small")
        )
        self.intro_rect = pygame.Rect(m, self.title_rect.bottom + px(6), w - 2 * m, intro.height)
        body = self.app.font("body", True).get_linesize()
        self.list_title = pygame.Rect(m, self.intro_rect.bottom + px(10), w - 2 * m, body)
        buttons = [
            ("teacher.hub.start_lesson", self.start_lesson, bool(self.files)),
            ("teacher.hub.overview", lambda: self.app.push("class_overview"), True),
            ("common.back", self.back, True),
        ]
        widths = [button_width(self.app, t(key), minimum=120) for key, _, _ in buttons]
        rects = flow(widths, m, 0, w - 2 * m, bh, px(12))
        shift = h - px(12) - rects[-1].bottom
        for (key, action, enabled), rect in zip(buttons, rects, strict=True):
            self.button(key, rect.move(0, shift), action, enabled=enabled)
        self.where_rect = pygame.Rect(m, rects[0].top + shift - px(8) - 2 * small, w - 2 * m, 0)
        self.where_rect.height = 2 * small
        top = self.list_title.bottom + px(6)
        self.list_rect = pygame.Rect(m, top, w - 2 * m, max(0, self.where_rect.top - px(6) - top))
        self.row_h = body + 2 * small + px(18)
        if self.focus_index is None and not self.files:
            self.focus("teacher.hub.overview")

    # --- input --------------------------------------------------------------------------
    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_UP, pygame.K_DOWN):
            self.select(self.selected + (1 if event.key == pygame.K_DOWN else -1))
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.focus_index is None:
            self.start_lesson()
            return True
        return super().handle_key(event)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if pick_row(
            event,
            self.list_rect,
            self.scroll,
            self.row_h,
            len(self.files),
            self._clicks,
            self.select,
            self.start_lesson,
        ):
            return True
        return super().handle_event(event)

    # --- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        p, size = self.app.palette, self.app.scale.font_size
        surface.fill(p.bg)
        draw_text(
            surface,
            t("teacher.hub.title"),
            self.title_rect,
            p.text,
            size("heading"),
            bold=True,
            max_lines=1,
        )
        intro = t("teacher.hub.intro")
        draw_text(surface, intro, self.intro_rect, p.text_dim, size("small"), max_lines=4)
        draw_text(
            surface,
            t("teacher.hub.lessons"),
            self.list_title,
            p.text,
            size("body"),
            bold=True,
            max_lines=1,
        )
        folder = str(own_lessons_dir())
        where = t("teacher.hub.where" if self.files else "teacher.hub.none", folder=folder)
        draw_text(surface, where, self.where_rect, p.text_dim, size("small"), max_lines=2)
        self._draw_rows(surface)

    def _draw_rows(self, surface: pygame.Surface) -> None:
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        area, row_h = self.list_rect, self.row_h
        if not self.files or area.height <= 0:
            return
        first = self.selected * row_h
        if first < self.scroll:
            self.scroll = first
        elif first + row_h > self.scroll + area.height:
            self.scroll = first + row_h - area.height
        old_clip = surface.get_clip()
        surface.set_clip(area)
        body = self.app.font("body", True).get_linesize()
        small_size = size("small")
        for i, (path, (title, facts, ok)) in enumerate(zip(self.files, self.lines, strict=True)):
            rect = pygame.Rect(area.left, area.top + i * row_h - self.scroll, area.width, row_h)
            if rect.bottom < area.top or rect.top > area.bottom:
                continue
            chosen = i == self.selected
            card = rect.inflate(-px(2), -px(6))
            border = p.focus if chosen else (p.border if ok else p.warn)
            fill = p.panel_hi if chosen else p.panel
            panel(surface, card, p, self.app.scale, fill=fill, border=border)
            inner = card.inflate(-2 * px(10), -px(8))
            third = inner.width // 3
            name_rect = pygame.Rect(inner.right - third, inner.top, third, body)
            name = draw_text(
                surface, path.name, name_rect, p.text_dim, small_size, align="right", max_lines=1
            )
            head = pygame.Rect(inner.left, inner.top, inner.width - name.width - px(16), body)
            draw_text(surface, title, head, p.text, size("body"), bold=True, max_lines=1)
            line = pygame.Rect(inner.left, inner.top + body, inner.width, inner.height - body)
            colour = p.text_dim if ok else p.warn
            shrink = round(small_size * 0.6)
            draw_text(surface, facts, line, colour, small_size, max_lines=2, min_size=shrink)
        surface.set_clip(old_clip)
