"""A scrollable column of text blocks (headings, paragraphs, key/value rows).

Long text at a large UI scale must stay readable: instead of shrinking it to nothing it
scrolls (wheel, Up/Down, Page Up/Down) and shows a scroll bar, so nothing is cut silently.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.drawing.draw import wrap_lines
from game.drawing.theme import Colour


@dataclass
class Block:
    kind: str  # "heading" | "text" | "stock" (bold) | "item" (indented) | "row" | "gap"
    text: str = ""
    value: str = ""
    colour: Colour | None = None


class ScrollText:
    def __init__(self, app, blocks: list[Block]):
        self.app = app
        self.blocks = blocks
        self.offset = 0
        self.content_height = 0
        self.rect = pygame.Rect(0, 0, 0, 0)
        self._laid_out: tuple[object, list, int] | None = None

    def _layout(self, width: int) -> list[tuple[int, int, pygame.Surface]]:
        """(x, y, image) for every line, y from the top of the content; rendered again only
        when the blocks, the width, the palette or the scale changed."""
        scale = self.app.scale
        key = (
            width,
            self.app.palette,
            scale.factor,
            scale.font_boost,
            tuple((b.kind, b.text, b.value, b.colour) for b in self.blocks),
        )
        if self._laid_out is not None and self._laid_out[0] == key:
            self.content_height = self._laid_out[2]
            return self._laid_out[1]
        items = self._render(width)
        self._laid_out = (key, items, self.content_height)
        return items

    def _render(self, width: int) -> list[tuple[int, int, pygame.Surface]]:
        p, px = self.app.palette, self.app.px
        body = self.app.font("body")
        items: list[tuple[int, int, pygame.Surface]] = []
        y = 0
        key_w = 0
        stacked = False  # rows as "key" over "value" when a key's word will not fit beside
        rows = [b for b in self.blocks if b.kind == "row"]
        if rows:
            bold = self.app.font("body", bold=True)
            key_w = min(max(bold.size(b.text)[0] for b in rows) + px(16), width // 3)
            longest = max(bold.size(word)[0] for b in rows for word in b.text.split() or [""])
            stacked = longest > key_w - px(12)
        for block in self.blocks:
            if block.kind == "gap":
                y += px(14)
            elif block.kind == "heading":
                fnt = self.app.font("large", bold=True)
                for line in wrap_lines(block.text, fnt, width):
                    items.append((0, y, fnt.render(line, True, block.colour or p.accent)))
                    y += fnt.get_linesize()
                y += px(6)
            elif block.kind in ("text", "stock", "item"):
                fnt = self.app.font("body", bold=True) if block.kind == "stock" else body
                indent = px(18) if block.kind == "item" else 0
                for line in wrap_lines(block.text, fnt, width - indent):
                    colour = block.colour or p.text
                    items.append((indent, y, fnt.render(line, True, colour)))
                    y += fnt.get_linesize()
            elif block.kind == "row" and stacked:
                bold = self.app.font("body", bold=True)
                for line in wrap_lines(block.text, bold, width):
                    items.append((0, y, bold.render(line, True, p.accent)))
                    y += bold.get_linesize()
                for line in wrap_lines(block.value, body, width - px(12)):
                    items.append((px(12), y, body.render(line, True, p.text)))
                    y += body.get_linesize()
                y += px(4)
            elif block.kind == "row":
                bold = self.app.font("body", bold=True)
                keys = wrap_lines(block.text, bold, key_w - px(12))
                values = wrap_lines(block.value, body, width - key_w)
                for i, line in enumerate(keys):
                    items.append(
                        (0, y + i * bold.get_linesize(), bold.render(line, True, p.accent))
                    )
                for i, line in enumerate(values):
                    items.append(
                        (key_w, y + i * body.get_linesize(), body.render(line, True, p.text))
                    )
                y += max(len(keys), len(values)) * body.get_linesize() + px(4)
        self.content_height = y
        return items

    def scroll(self, delta: int) -> None:
        self.offset = max(
            0, min(self.offset + delta, max(0, self.content_height - self.rect.height))
        )

    def handle_event(self, event: pygame.event.Event) -> bool:
        line = self.app.font("body").get_linesize()
        if event.type == pygame.MOUSEWHEEL:
            self.scroll(-event.y * line * 2)
            return True
        if event.type == pygame.KEYDOWN:
            step = {
                pygame.K_DOWN: line,
                pygame.K_UP: -line,
                pygame.K_PAGEDOWN: self.rect.height - line,
                pygame.K_PAGEUP: -(self.rect.height - line),
            }.get(event.key)
            if step is not None:
                self.scroll(step)
                return True
        return False

    @property
    def scrollable(self) -> bool:
        return self.content_height > self.rect.height

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        px = self.app.px
        self.rect = pygame.Rect(rect)
        bar = px(10)
        items = self._layout(rect.width - bar)
        self.scroll(0)  # clamp after a resize
        old = surface.get_clip()
        surface.set_clip(rect.clip(old) if old else rect)
        for x, y, image in items:
            top = rect.top + y - self.offset
            # Whole lines only: half a line of glyphs at an edge reads as a rendering bug.
            if top >= rect.top and top + image.get_height() <= rect.bottom:
                surface.blit(image, (rect.left + x, top))
        surface.set_clip(old)
        if self.scrollable:
            p = self.app.palette
            track = pygame.Rect(rect.right - px(4), rect.top, px(4), rect.height)
            pygame.draw.rect(surface, p.panel_hi, track, border_radius=px(2))
            h = max(px(24), rect.height * rect.height // self.content_height)
            y = rect.top + (rect.height - h) * self.offset // max(
                1, self.content_height - rect.height
            )
            pygame.draw.rect(
                surface, p.text_dim, (track.left, y, track.width, h), border_radius=px(2)
            )


class ScrollKeys:
    """Scrolling for a scene that draws a tall column into `self.view`.

    Mix in before `Scene`; the scene keeps `offset` (pixels scrolled) and `content_height`.
    The wheel, arrows, Page Up/Down, Home and End move it, never past either end.
    """

    view: pygame.Rect
    offset: int
    content_height: int

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            self.scroll(-event.y * self.app.font("body").get_linesize() * 3)
            return True
        return super().handle_event(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        line = self.app.font("body").get_linesize()
        page = max(line, self.view.height - line)
        steps = {
            pygame.K_DOWN: 2 * line,
            pygame.K_UP: -2 * line,
            pygame.K_PAGEDOWN: page,
            pygame.K_PAGEUP: -page,
            pygame.K_HOME: -(10**9),
            pygame.K_END: 10**9,
        }
        if event.key in steps:
            self.scroll(steps[event.key])
            return True
        return super().handle_key(event)

    def scroll(self, delta: int) -> None:
        most = max(0, self.content_height - self.view.height)
        self.offset = max(0, min(self.offset + delta, most))
