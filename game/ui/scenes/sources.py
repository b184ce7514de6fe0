"""Sources: every figure and event of a level with where it comes from, by area.

Tabs choose the area (chips, energy, talent, money, models, events, policies); the list
scrolls (wheel, Up/Down, Page Up/Down, Home/End). Each entry names the figure or card,
its value, and its source (title, publisher, date, URL) or the assumption behind it; a
"Simplification" tag carries the level's note wherever the game departs from reality.
The level is the one being played (or given with --level); ◀ ▶ switch to the other
shipped levels.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.classroom.sources import AREAS, SourceEntry, by_area, cite, level_sources
from game.classroom.words import quarter_words
from game.drawing.draw import draw_text, panel, wrap_lines
from game.i18n import language, pick, t
from game.paths import LEVELS
from game.ui.layout import button_height, button_width, flow, margin
from game.ui.scene import Scene
from game.ui.scroll import ScrollKeys

LEVELS_DIR = LEVELS
DEFAULT_LEVEL = "cold-ai-war.yaml"


def shipped_levels(folder: Path = LEVELS_DIR) -> list[Path]:
    return sorted(folder.glob("*.yaml"), key=lambda p: (p.name != DEFAULT_LEVEL, p.name))


class SourcesScene(ScrollKeys, Scene):
    name = "sources"

    def __init__(self, app, loaded=None, area: str = "chips"):
        super().__init__(app)
        self.paths = shipped_levels()
        self.loaded = loaded or getattr(app, "loaded_level", None)
        self.problem = ""
        if self.loaded is None:
            self._open(self._first_path())
        self.area = area if area in AREAS else AREAS[0]
        self.offset = 0
        self.content_height = 0
        self.view = pygame.Rect(0, 0, 0, 0)
        self._cache: tuple | None = None

    @classmethod
    def for_shot(cls, app, shot) -> SourcesScene:
        return cls(app, shot.loaded, area=shot.options.get("area", "events"))

    # --- which level ------------------------------------------------------------------
    def _first_path(self) -> Path | None:
        given = getattr(self.app, "level_path", None)
        if given:
            return Path(given)
        return self.paths[0] if self.paths else None

    def _open(self, path: Path | None) -> None:
        from game.levels.loader import check_level_file

        self.problem = ""
        if path is None:
            self.loaded = None
            return
        loaded, _ = check_level_file(str(path))
        self.loaded = loaded
        if loaded is None:
            self.problem = t("sources.broken", file=path.name)

    def _current_index(self) -> int:
        if self.loaded is not None and self.loaded.path:
            here = Path(self.loaded.path).resolve()
            for i, p in enumerate(self.paths):
                if p.resolve() == here:
                    return i
        return -1

    def switch_level(self, step: int) -> None:
        if not self.paths:
            return
        index = (self._current_index() + step) % len(self.paths)
        self._open(self.paths[index])
        self.offset = 0
        self._cache = None

    def choose(self, area: str) -> None:
        self.area = area
        self.offset = 0
        self._cache = None
        self.rebuild()
        self.focus(f"sources.tab.{area}")

    @property
    def entries(self) -> dict[str, list[SourceEntry]]:
        """Every source of the level by area; gathered once per level and language (it
        walks the whole level, far too slow to repeat every frame)."""
        from game.i18n import language

        cached = getattr(self, "_entries", None)
        if cached is None or cached[0] is not self.loaded or cached[1] != language():
            found = by_area(level_sources(self.loaded.level)) if self.loaded else {}
            self._entries = (self.loaded, language(), found)
        return self._entries[2]

    # --- widgets ----------------------------------------------------------------------
    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        m = margin(self.app)
        bh = button_height(self.app)
        heading = self.app.font("heading", bold=True).get_linesize()
        self.title_rect = pygame.Rect(m, px(14), w - 2 * m, heading)
        y = self.title_rect.bottom + px(6)
        arrow_w = button_width(self.app, "◀", minimum=44)
        many = len(self.paths) > 1
        if many:
            self.button(
                "sources.prev",
                pygame.Rect(m, y, arrow_w, bh),
                lambda: self.switch_level(-1),
                text="◀",
                tooltip=t("sources.other_level"),
            )
            self.button(
                "sources.next",
                pygame.Rect(w - m - arrow_w, y, arrow_w, bh),
                lambda: self.switch_level(1),
                text="▶",
                tooltip=t("sources.other_level"),
            )
        inset = arrow_w + px(10) if many else 0
        self.level_rect = pygame.Rect(m + inset, y, w - 2 * m - 2 * inset, bh)
        y += bh + px(10)
        labels = [t(f"classroom.area.{a}") for a in AREAS]
        widths = [button_width(self.app, label, minimum=70) for label in labels]
        rects = flow(widths, m, y, w - 2 * m, bh, px(6))
        for area, label, rect in zip(AREAS, labels, rects, strict=True):
            button = self.button(
                f"sources.tab.{area}", rect, lambda a=area: self.choose(a), text=label
            )
            if area == self.area:
                button.select()
        y = rects[-1].bottom + px(10)
        back_w = button_width(self.app, t("common.back"), minimum=120)
        back = pygame.Rect(m, h - bh - px(12), back_w, bh)
        self.button("common.back", back, self.back)
        self.hint_rect = pygame.Rect(back.right + px(16), back.top, w - m - back.right - px(16), bh)
        self.panel_rect = pygame.Rect(m, y, w - 2 * m, back.top - px(10) - y)
        self.view = self.panel_rect.inflate(-2 * px(14), -2 * px(10))
        self._cache = None
        if self.focus_index is None:
            self.focus(f"sources.tab.{self.area}")

    # --- drawing ----------------------------------------------------------------------
    def _layout(self) -> list[tuple[int, int, pygame.Surface]]:
        """(x, y, image) of every line of the current area, laid out once per width."""
        key = (self.area, self.view.width, language(), self.app.scale.factor, id(self.loaded))
        if self._cache and self._cache[0] == key:
            return self._cache[1]
        p, px = self.app.palette, self.app.px
        bold, body, small = (
            self.app.font("body", True),
            self.app.font("body"),
            self.app.font("small"),
        )
        width = self.view.width - px(12)
        indent = px(18)
        items: list[tuple[int, int, pygame.Surface]] = []
        y = 0
        entries = self.entries.get(self.area, [])
        if not entries:
            for line in wrap_lines(t("sources.empty"), body, width):
                items.append((0, y, body.render(line, True, p.text_dim)))
                y += body.get_linesize()
        for entry in entries:
            head = entry.label
            if entry.value:
                head = f"{head}: {entry.value}"
            if entry.when:
                when = t("sources.scripted", quarter=quarter_words(entry.when))
                head = f"{head}  ({when})"
            elif entry.chance is not None:
                head = f"{head}  ({t('sources.chance', percent=round(entry.chance * 100))})"
            for line in wrap_lines(head, bold, width):
                items.append((0, y, bold.render(line, True, p.text)))
                y += bold.get_linesize()
            lines: list[tuple[str, tuple]] = []
            if entry.status:
                colour = p.accent if entry.history else p.warn
                lines.append((t("sources.status", text=entry.status), colour))
            if entry.source is not None:
                lines.append((cite(entry.source), p.text_dim))
            elif entry.assumption:
                lines.append((t("sources.assumption", text=entry.assumption), p.text_dim))
            elif entry.source_id:
                lines.append((t("sources.unknown_source", id=entry.source_id), p.warn))
            if entry.simplification is not None:
                note = t("sources.simplification", text=pick(entry.simplification))
                lines.append((note, p.warn))
            for text, colour in lines:
                for line in wrap_lines(text, small, width - indent):
                    items.append((indent, y, small.render(line, True, colour)))
                    y += small.get_linesize()
            y += px(10)
        self.content_height = y
        self._cache = (key, items)
        return items

    def draw(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        surface.fill(p.bg)
        draw_text(
            surface,
            t("sources.title"),
            self.title_rect,
            p.text,
            size("heading"),
            bold=True,
            max_lines=1,
        )
        level = pick(self.loaded.level.title) if self.loaded else self.problem
        draw_text(
            surface,
            level or t("sources.no_level"),
            self.level_rect,
            p.accent,
            size("large"),
            bold=True,
            align="center",
            valign="middle",
            max_lines=1,
        )
        panel(surface, self.panel_rect, p, self.app.scale)
        items = self._layout()
        self.scroll(0)
        view = self.view
        old = surface.get_clip()
        surface.set_clip(view)
        for x, y, image in items:
            top = view.top + y - self.offset
            if top + image.get_height() >= view.top and top <= view.bottom:
                surface.blit(image, (view.left + x, top))
        surface.set_clip(old)
        if self.content_height > view.height:
            track = pygame.Rect(self.panel_rect.right - px(8), view.top, px(4), view.height)
            pygame.draw.rect(surface, p.panel_hi, track, border_radius=px(2))
            bar_h = max(px(24), view.height * view.height // self.content_height)
            room = max(1, self.content_height - view.height)
            bar_y = view.top + (view.height - bar_h) * self.offset // room
            pygame.draw.rect(
                surface, p.text_dim, (track.left, bar_y, track.width, bar_h), border_radius=px(2)
            )
        count = len(self.entries.get(self.area, []))
        draw_text(
            surface,
            t("sources.hint", n=count),
            self.hint_rect,
            p.text_dim,
            size("small"),
            valign="middle",
            max_lines=2,
        )
