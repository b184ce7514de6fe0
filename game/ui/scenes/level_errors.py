"""Level problems: every problem of a level that failed to load, with Reload (F5) and Back.

Each problem shows `file:line:col`, the message, the hint and the offending line with a
caret. Reload re-runs the loader on the same file; when it loads, the scene hands the level
to `on_fixed` (or stores it on the app) and closes. Opened for a level's warnings
(`warnings=True`), it lists them and stays until Back, refreshing them on Reload.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.drawing.draw import fit_text, panel
from game.drawing.theme import font
from game.i18n import t, tn
from game.levels.diagnostics import Problem
from game.levels.loader import printable
from game.ui.layout import button_height, button_width
from game.ui.scene import Scene

# Whatever a file holds, a problem card shows at most this much of it.
PROSE_CHARS = 2_000
CODE_CHARS = 160

EXAMPLE_LEVEL = """\
schema_version: 1
id: broken-example
title: {en: Broken, de: Kaputt}
turnz: 24
sides:
  usa: {budget: ten}
"""


def _mono_fitting(text: str, width: int, size: int) -> pygame.font.Font:
    """The monospace font at `size`, or smaller until `text` fits `width` (floor 8 px)."""
    fnt = font(size, "mono")
    while size > 8 and fnt.size(text)[0] > width:
        size -= 1
        fnt = font(size, "mono")
    return fnt


def _example_problems(level_path: str) -> tuple[str, list[Problem]]:
    """A realistic broken level for screenshots: the real level with two typical mistakes."""
    from game.guarded_files import read_guarded_text
    from game.levels.loader import MAX_BYTES, check_level_bytes

    try:
        text = read_guarded_text(level_path, MAX_BYTES)
    except (OSError, ValueError):
        text = EXAMPLE_LEVEL
    text = text.replace("turns:", "turnz:", 1).replace("start: 20", "start: 20x", 1)
    _, problems = check_level_bytes(text.encode(), level_path)
    return level_path, problems


class LevelErrorsScene(Scene):
    name = "level-errors"

    def __init__(
        self,
        app,
        path: str,
        problems: list[Problem],
        on_fixed: Callable[[object], None] | None = None,
        warnings: bool = False,
        check: Callable[[str], tuple[object, list]] | None = None,
    ):
        super().__init__(app)
        self.check = check  # another file kind's checker (a lesson); default: a level
        self.path = str(path)
        self.problems = list(problems)
        self.on_fixed = on_fixed
        self.for_warnings = warnings
        self.scroll = 0
        self.still_broken = False

    @classmethod
    def for_shot(cls, app, shot) -> LevelErrorsScene:
        return cls(app, *_example_problems(shot.level_path))

    def show(self, path: str, problems: list[Problem]) -> None:
        self.path, self.problems, self.scroll = str(path), list(problems), 0

    @property
    def only_warnings(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def reload(self) -> None:
        from game.levels.loader import check_level_file

        self.take(*(self.check or check_level_file)(self.path))

    def take(self, loaded, problems: list[Problem]) -> None:
        """The file as it is now: list its problems, or (it loads) close and hand it on."""
        if loaded is None:
            self.show(self.path, problems)
            self.still_broken = True
            return
        self.still_broken = False
        if self.check is None:  # a level (a lesson hands its own result on)
            self.app.loaded_level = loaded
            if self.for_warnings and loaded.warnings:
                self.show(self.path, list(loaded.warnings))
                return
        self.app.pop()
        if self.on_fixed is not None:
            self.on_fixed(loaded)

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        bh = button_height(self.app)
        margin = px(32)
        x = margin
        y = h - bh - px(20)
        for name, action in (
            ("level_errors.reload", self.reload),
            ("level_errors.back", self.back),
        ):
            width = button_width(self.app, t(name), minimum=140)
            self.button(name, pygame.Rect(x, y, width, bh), action)
            x += width + px(12)
        self.list_rect = pygame.Rect(margin, px(130), w - 2 * margin, y - px(16) - px(130))
        if self.focus_index is None:
            self.focus_index = 0

    def handle_key(self, event: pygame.event.Event) -> bool:
        step = self.app.font("body").get_linesize() * 3
        if event.key == pygame.K_F5:
            self.reload()
            return True
        if event.key in (pygame.K_DOWN, pygame.K_PAGEDOWN):
            self.scroll += step * (4 if event.key == pygame.K_PAGEDOWN else 1)
            return True
        if event.key in (pygame.K_UP, pygame.K_PAGEUP):
            self.scroll = max(0, self.scroll - step * (4 if event.key == pygame.K_PAGEUP else 1))
            return True
        return super().handle_key(event)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, self.scroll - event.y * self.app.px(40))
            return True
        return super().handle_event(event)

    def _cards(self, width: int) -> list[list[tuple[str, str, object]]]:
        """For each problem: (text, weight, colour) lines, already wrapped to `width`."""
        p = self.app.palette
        size = self.app.scale.font_size
        cards = []
        for problem in self.problems:
            colour = p.bad if problem.severity == "error" else p.warn
            where = printable(f"{problem.file}:{problem.line}:{problem.col}  {problem.severity}")
            parts = [(where, "mono", colour, size("mono"))]
            message = f"{problem.path}: {problem.message}" if problem.path else problem.message
            parts.append((printable(message, PROSE_CHARS), "regular", p.text, size("body")))
            if problem.hint:
                hint = printable(t("level_errors.hint", hint=problem.hint), PROSE_CHARS)
                parts.append((hint, "regular", p.text_dim, size("body")))
            if problem.source_line is not None:
                # The line around the column, so the caret stays in view on a long line.
                start = max(0, problem.col - 1 - CODE_CHARS // 2)
                text = problem.source_line.replace("\t", "    ")[start : start + CODE_CHARS]
                text = printable(text.rstrip(), CODE_CHARS)
                parts.append((f"{problem.line:>4} | {text}", "mono", p.text, size("mono")))
                column = min(max(0, problem.col - 1 - start), len(text))
                caret = " " * (len(f"{problem.line:>4} | ") + column) + "^"
                parts.append((caret, "caret", p.accent, size("mono")))
            lines = []
            for text, weight, col, font_size in parts:
                if weight == "mono":  # code keeps its spaces: shrink to fit, never wrap
                    lines.append((text, _mono_fitting(text, width, font_size), col))
                    continue
                if weight == "caret":  # the font of the code line above, so it points right
                    lines.append((text, lines[-1][1], col))
                    continue
                fitted = fit_text(text, width, 10_000, font_size)
                for line in fitted.lines:
                    lines.append((line, fitted.font, col))
            cards.append(lines)
        return cards

    def draw(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        surface.fill(p.bg)
        w = surface.get_width()
        head = pygame.Rect(px(32), px(20), w - px(64), px(110))
        warned = self.only_warnings and bool(self.problems)
        heading = t("level_errors.title_warnings" if warned else "level_errors.title")
        title = fit_text(heading, head.width, px(40), size("heading"), bold=True)
        y = head.top
        for line in title.lines:
            surface.blit(title.font.render(line, True, p.text), (head.left, y))
            y += title.line_height
        sub = printable(tn("level_errors.count", len(self.problems), file=self.path), PROSE_CHARS)
        if self.still_broken:
            sub += " — " + t("level_errors.still_broken")
        explain = t("level_errors.explain_warnings" if warned else "level_errors.explain")
        for text, colour in ((sub, p.text_dim), (explain, p.text_faint)):
            fitted = fit_text(text, head.width, px(40), size("body"))
            for line in fitted.lines[:2]:
                surface.blit(fitted.font.render(line, True, colour), (head.left, y))
                y += fitted.line_height
        bottom = self.list_rect.bottom  # the list starts below the heading, ends where it did
        self.list_rect.top = max(self.list_rect.top, y + px(10))
        self.list_rect.height = max(0, bottom - self.list_rect.top)
        self._draw_list(surface)

    def _draw_list(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        area = self.list_rect
        pad = px(12)
        cards = self._cards(area.width - 2 * pad)
        total = sum(sum(f.get_linesize() for _, f, _ in c) + 2 * pad + px(8) for c in cards)
        self.scroll = min(self.scroll, max(0, total - area.height))
        old_clip = surface.get_clip()
        surface.set_clip(area)
        y = area.top - self.scroll
        card_w = area.width - (px(10) if total > area.height else 0)  # room for the bar
        for lines in cards:
            height = sum(f.get_linesize() for _, f, _ in lines) + 2 * pad
            if y + height >= area.top and y <= area.bottom:
                panel(surface, pygame.Rect(area.left, y, card_w, height), p, self.app.scale)
                ly = y + pad
                for text, fnt, colour in lines:
                    surface.blit(fnt.render(text, True, colour), (area.left + pad, ly))
                    ly += fnt.get_linesize()
            y += height + px(8)
        surface.set_clip(old_clip)
        if total > area.height:  # a scroll bar says there is more below
            bar_h = max(px(24), area.height * area.height // total)
            bar_y = area.top + (area.height - bar_h) * self.scroll // max(1, total - area.height)
            pygame.draw.rect(
                surface,
                p.text_faint,
                (area.right - px(4), bar_y, px(4), bar_h),
                border_radius=px(2),
            )
