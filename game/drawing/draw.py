"""Drawing helpers: text that wraps and fits its box, panels, tooltips.

Text never clips silently: `fit_text` wraps first, then shrinks the font down to a floor,
and only then cuts the last line with an ellipsis — reporting that it did so (`Fitted.cut`),
so tests can assert that every label fits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pygame

from game.drawing.theme import Colour, Palette, Scale, font

ELLIPSIS = "…"


# German writes "59 %" and "2,5 Mrd. $"; a line must not start with the lone sign.
_UNIT_SIGNS = ("%", "$")


def _words(paragraph: str) -> list[str]:
    """The paragraph's words, a unit sign kept together with the word before it."""
    words: list[str] = []
    for word in paragraph.split(" "):
        if words and words[-1] and word.rstrip(".,;:!?)") in _UNIT_SIGNS:
            words[-1] = f"{words[-1]} {word}"
        else:
            words.append(word)
    return words


#: Text beyond this many characters is never laid out (it ends in an ellipsis instead):
#: whatever a file holds, drawing it costs a bounded amount of time.
MAX_LAYOUT_CHARS = 10_000


def capped(text: str, limit: int = MAX_LAYOUT_CHARS) -> str:
    """`text`, or its first `limit` characters and an ellipsis (for display only); a NUL,
    which pygame cannot draw, shows as the replacement character."""
    text = text if len(text) <= limit else text[: max(0, limit - 1)] + ELLIPSIS
    return text.replace("\x00", "\ufffd")


def _fitting_prefix(word: str, start: int, fnt: pygame.font.Font, width: int) -> int:
    """How many characters of `word` from `start` fit `width` (at least one).

    Only a window of width + 1 characters is ever measured (no glyph is narrower than a
    pixel, except zero-width ones, and a window of those is taken whole), and the cut is
    found by bisection, so splitting a long word costs time linear in its length."""
    window = word[start : start + width + 1]
    if fnt.size(window)[0] <= width:
        return len(window)
    low, high = 1, len(window) - 1  # window[:low] is taken even if it is too wide
    while low < high:
        middle = (low + high + 1) // 2
        if fnt.size(window[:middle])[0] <= width:
            low = middle
        else:
            high = middle - 1
    return low


def wrap_lines(
    text: str, fnt: pygame.font.Font, width: int, max_lines: int | None = None
) -> list[str]:
    """Split `text` into lines no wider than `width` (words too long are split by letter).
    Stops after `max_lines` + 1 lines when given: the caller only needs to know it overflows."""
    lines: list[str] = []
    width = max(1, width)
    enough = None if max_lines is None else max_lines + 1
    for paragraph in capped(text).split("\n"):
        line = ""
        for word in _words(paragraph):
            # More characters than pixels cannot fit (glyphs are at least a pixel wide).
            short = len(word) + len(line) <= width
            if short and fnt.size(f"{line} {word}" if line else word)[0] <= width:
                line = f"{line} {word}" if line else word
                continue
            if line:
                lines.append(line)
            start = 0
            while len(word) - start > 1:
                cut = _fitting_prefix(word, start, fnt, width)
                if start + cut >= len(word):
                    break
                lines.append(word[start : start + cut])
                start += cut
                if enough is not None and len(lines) >= enough:
                    return lines
            line = word[start:]
            if enough is not None and len(lines) >= enough:
                return lines
        lines.append(line)
        if enough is not None and len(lines) >= enough:
            return lines
    return lines


@dataclass
class Fitted:
    # The font by size and weight, not the object: the fitting cache then keeps no font
    # alive, so a window resized through many sizes does not pile up fonts (memory soak).
    font_px: int
    font_weight: str
    lines: list[str]
    line_height: int
    cut: bool = False

    @property
    def font(self) -> pygame.font.Font:
        return font(self.font_px, self.font_weight)

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)

    @property
    def width(self) -> int:
        return max((self.font.size(line)[0] for line in self.lines), default=0)


def fit_text(
    text: str,
    width: int,
    height: int,
    size: int,
    *,
    bold: bool = False,
    mono: bool = False,
    min_size: int | None = None,
    max_lines: int | None = None,
) -> Fitted:
    """Wrap `text` into `width`×`height`, shrinking from `size` to `min_size` if needed.
    Cached: every frame asks again for the same texts in the same boxes (treat the result
    as read-only)."""
    return _fit_text(text, width, height, size, bold, mono, min_size, max_lines)


@lru_cache(maxsize=4096)
def _fit_text(
    text: str,
    width: int,
    height: int,
    size: int,
    bold: bool,
    mono: bool,
    min_size: int | None,
    max_lines: int | None,
) -> Fitted:
    weight = "mono" if mono else ("bold" if bold else "regular")
    floor = min_size if min_size is not None else max(8, int(size * 0.7))
    current = size
    while True:
        fnt = font(current, weight)
        line_height = fnt.get_linesize()
        most = max(1, height // max(1, line_height))
        lines = wrap_lines(text, fnt, max(1, width), min(most, max_lines or most))
        fits = len(lines) * line_height <= height and (max_lines is None or len(lines) <= max_lines)
        if fits:
            return Fitted(current, weight, lines, line_height)
        if current <= floor:
            break
        current = max(floor, current - max(1, current // 12))
    room = max(1, min(height // line_height, max_lines or 10_000))
    kept = lines[:room]
    last = kept[-1]
    while last and fnt.size(last + ELLIPSIS)[0] > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + ELLIPSIS
    return Fitted(current, weight, kept, line_height, cut=True)


def draw_text(
    surface: pygame.Surface,
    text: str,
    rect: pygame.Rect,
    colour: Colour,
    size: int,
    *,
    bold: bool = False,
    mono: bool = False,
    align: str = "left",
    valign: str = "top",
    min_size: int | None = None,
    max_lines: int | None = None,
) -> Fitted:
    """Draw `text` wrapped and fitted inside `rect`; returns how it was laid out."""
    fitted = fit_text(
        text,
        rect.width,
        rect.height,
        size,
        bold=bold,
        mono=mono,
        min_size=min_size,
        max_lines=max_lines,
    )
    y = rect.top
    if valign == "middle":
        y = rect.top + (rect.height - fitted.height) // 2
    elif valign == "bottom":
        y = rect.bottom - fitted.height
    for line in fitted.lines:
        image = fitted.font.render(line, True, colour)
        if align == "center":
            x = rect.left + (rect.width - image.get_width()) // 2
        elif align == "right":
            x = rect.right - image.get_width()
        else:
            x = rect.left
        surface.blit(image, (x, y))
        y += fitted.line_height
    return fitted


def draw_label(
    surface: pygame.Surface,
    text: str,
    pos: tuple[int, int],
    fnt: pygame.font.Font,
    colour: Colour,
    anchor: str = "topleft",
) -> pygame.Rect:
    """One line of text placed by a Rect anchor name ('midtop', 'center', …)."""
    image = fnt.render(text, True, colour)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect


def panel(
    surface: pygame.Surface,
    rect: pygame.Rect,
    palette: Palette,
    scale: Scale,
    *,
    fill: Colour | None = None,
    border: Colour | None = None,
) -> None:
    """A rounded card: the container for every group of information."""
    radius = scale.px(8)
    pygame.draw.rect(surface, fill or palette.panel, rect, border_radius=radius)
    pygame.draw.rect(
        surface, border or palette.border, rect, width=max(1, scale.px(1)), border_radius=radius
    )


def draw_tooltip(
    surface: pygame.Surface,
    text: str,
    anchor: tuple[int, int],
    palette: Palette,
    scale: Scale,
    max_width: int = 360,
) -> pygame.Rect:
    """A wrapped tooltip near `anchor` (usually the mouse), kept inside the window."""
    pad = scale.px(8)
    fnt = scale.font("small")
    width = min(scale.px(max_width), surface.get_width() - 2 * pad)
    lines = wrap_lines(text, fnt, width - 2 * pad)
    text_w = max(fnt.size(line)[0] for line in lines)
    box = pygame.Rect(0, 0, text_w + 2 * pad, len(lines) * fnt.get_linesize() + 2 * pad)
    box.topleft = (anchor[0] + scale.px(14), anchor[1] + scale.px(18))
    if box.right > surface.get_width() - pad:
        box.right = anchor[0] - scale.px(6)
    if box.bottom > surface.get_height() - pad:
        box.bottom = anchor[1] - scale.px(6)
    box.clamp_ip(surface.get_rect())
    panel(surface, box, palette, scale, fill=palette.bg_deep, border=palette.text_dim)
    y = box.top + pad
    for line in lines:
        surface.blit(fnt.render(line, True, palette.text), (box.left + pad, y))
        y += fnt.get_linesize()
    return box


class Tooltips:
    """Hover regions of a custom-drawn scene: register rects each frame, draw the one hovered."""

    def __init__(self) -> None:
        self._regions: list[tuple[pygame.Rect, str]] = []

    def clear(self) -> None:
        self._regions.clear()

    def add(self, rect: pygame.Rect, text: str) -> None:
        self._regions.append((pygame.Rect(rect), text))

    def text_at(self, pos: tuple[int, int]) -> str | None:
        for rect, text in reversed(self._regions):
            if rect.collidepoint(pos):
                return text
        return None

    def draw(self, surface: pygame.Surface, palette: Palette, scale: Scale) -> None:
        if not pygame.mouse.get_focused():
            return
        pos = pygame.mouse.get_pos()
        text = self.text_at(pos)
        if text:
            draw_tooltip(surface, text, pos, palette, scale)


def draw_notice(surface: pygame.Surface, text: str, palette: Palette, scale: Scale) -> None:
    """A banner of up to two lines along the bottom of the window (the App's notices)."""
    pad = scale.px(8)
    width = surface.get_width() - 4 * pad
    if width < 4 * pad:
        return  # a window this small has no room for it
    size = scale.font_size("body")
    fitted = fit_text(text, width, surface.get_height(), size, max_lines=2)
    box = pygame.Rect(pad, 0, surface.get_width() - 2 * pad, fitted.height + 2 * pad)
    box.bottom = surface.get_height() - pad
    panel(surface, box, palette, scale, fill=palette.bg_deep, border=palette.warn)
    draw_text(surface, text, box.inflate(-2 * pad, -2 * pad), palette.text, size, max_lines=2)
