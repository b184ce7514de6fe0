"""Colours, fonts and sizes, all scaled by the player's UI scale.

The palette is dark and calm. The two factions are told apart by shape (Titans: blocks,
Swarms: dots) and by label first, colour second; the colours are a blue/orange pair that
stays distinct for the common forms of colour blindness. The colour-blind-safe setting
switches to the Okabe–Ito values and replaces green/red status colours by blue/yellow.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import pygame

from game.paths import FONTS

Colour = tuple[int, int, int]


def hex_colour(text: str) -> Colour:
    text = text.lstrip("#")
    return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16))


def to_hex(colour: Colour) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour[:3])


def mix(a: Colour, b: Colour, share_b: float) -> Colour:
    """`a` moved `share_b` of the way toward `b`."""
    return tuple(round(x + (y - x) * share_b) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


@dataclass(frozen=True)
class Palette:
    bg: Colour = (0x12, 0x16, 0x1D)
    bg_deep: Colour = (0x0B, 0x0E, 0x13)
    panel: Colour = (0x1B, 0x22, 0x2C)
    panel_hi: Colour = (0x25, 0x2E, 0x3A)
    border: Colour = (0x3A, 0x46, 0x56)
    text: Colour = (0xE8, 0xEB, 0xF0)
    text_dim: Colour = (0x9A, 0xA5, 0xB4)
    text_faint: Colour = (0x6B, 0x76, 0x86)
    accent: Colour = (0xD9, 0xC2, 0x7A)  # the goal line: superintelligence
    focus: Colour = (0xF2, 0xE6, 0xB8)
    titans: Colour = (0x4C, 0x8F, 0xE0)  # USA
    swarms: Colour = (0xE8, 0x89, 0x3A)  # China
    good: Colour = (0x5C, 0xB8, 0x8A)
    bad: Colour = (0xE0, 0x67, 0x6B)
    warn: Colour = (0xE0, 0xB3, 0x4A)

    def faction(self, side: str) -> Colour:
        return self.titans if side == "usa" else self.swarms


DEFAULT_PALETTE = Palette()
# Okabe–Ito sky blue / orange; good/bad become blue/yellow (never green vs red).
COLOURBLIND_PALETTE = replace(
    DEFAULT_PALETTE,
    titans=hex_colour("56b4e9"),
    swarms=hex_colour("e69f00"),
    good=hex_colour("56b4e9"),
    bad=hex_colour("f0e442"),
    warn=hex_colour("e69f00"),
    text_dim=hex_colour("b3bcc8"),
)


# Projector mode: black ground, white ink, brighter secondary text and borders, so a
# washed-out classroom projector still shows every line; faction hues stay CVD-safe.
HIGH_CONTRAST_PALETTE = replace(
    DEFAULT_PALETTE,
    bg=(0, 0, 0),
    bg_deep=(0, 0, 0),
    panel=(0x10, 0x12, 0x16),
    panel_hi=(0x2A, 0x30, 0x3A),
    border=(0xC8, 0xCE, 0xD8),
    text=(0xFF, 0xFF, 0xFF),
    text_dim=(0xE0, 0xE4, 0xEA),
    text_faint=(0xB8, 0xC0, 0xCC),
    accent=hex_colour("ffd84d"),
    focus=hex_colour("ffffff"),
    titans=hex_colour("56b4e9"),
    swarms=hex_colour("ff9a3c"),
    good=hex_colour("6fe3a8"),
    bad=hex_colour("ff7b7b"),
    warn=hex_colour("ffd84d"),
)
HIGH_CONTRAST_COLOURBLIND = replace(
    HIGH_CONTRAST_PALETTE,
    titans=hex_colour("56b4e9"),
    swarms=hex_colour("e69f00"),
    good=hex_colour("56b4e9"),
    bad=hex_colour("f0e442"),
    warn=hex_colour("e69f00"),
)


def palette_for(colourblind: bool, high_contrast: bool = False) -> Palette:
    if high_contrast:
        return HIGH_CONTRAST_COLOURBLIND if colourblind else HIGH_CONTRAST_PALETTE
    return COLOURBLIND_PALETTE if colourblind else DEFAULT_PALETTE


# Base point sizes at UI scale 100%.
FONT_SIZES = {"small": 13, "body": 16, "large": 20, "heading": 26, "title": 44, "mono": 14}
FONT_FILES = {
    "regular": FONTS / "DejaVuSans.ttf",
    "bold": FONTS / "DejaVuSans-Bold.ttf",
    "mono": FONTS / "DejaVuSansMono.ttf",
}


@lru_cache(maxsize=64)  # a screen uses a dozen; each font holds ~0.25 MB of FreeType state
def font(size: int, weight: str = "regular") -> pygame.font.Font:
    """A DejaVu font at a pixel size; weight is regular, bold or mono. Cached."""
    if not pygame.font.get_init():
        pygame.font.init()
    return pygame.font.Font(str(FONT_FILES[weight]), max(6, int(size)))


class Scale:
    """Turns design-sized numbers (at 100%) into pixels at the current UI scale."""

    def __init__(self, factor: float = 1.0, font_boost: float = 1.0):
        self.factor = factor
        self.font_boost = font_boost  # projector mode: type a little larger than the layout

    def px(self, value: float) -> int:
        return round(value * self.factor)

    def font_size(self, role: str) -> int:
        return self.px(FONT_SIZES[role] * self.font_boost)

    def font(self, role: str = "body", bold: bool = False) -> pygame.font.Font:
        weight = "mono" if role == "mono" else ("bold" if bold else "regular")
        return font(self.font_size(role), weight)


def scale_for(settings) -> Scale:
    """The `Scale` for a `Settings` (UI scale, plus larger type in projector mode)."""
    boost = settings.font_boost() if hasattr(settings, "font_boost") else 1.0
    return Scale(settings.ui_scale, boost)


def gui_theme(palette: Palette, scale: Scale) -> dict:
    """The pygame_gui theme (as a dict) for this palette and scale."""
    fonts = _gui_font(scale.font_size("body"))
    p = palette
    colours = {
        "normal_bg": to_hex(p.panel_hi),
        "hovered_bg": to_hex(mix(p.panel_hi, p.text, 0.12)),
        "disabled_bg": to_hex(p.panel),
        "selected_bg": to_hex(mix(p.panel_hi, p.accent, 0.25)),
        "active_bg": to_hex(mix(p.panel_hi, p.accent, 0.35)),
        "dark_bg": to_hex(p.panel),
        "normal_text": to_hex(p.text),
        "hovered_text": to_hex(p.text),
        "disabled_text": to_hex(p.text_faint),
        "selected_text": to_hex(p.text),
        "active_text": to_hex(p.text),
        "normal_border": to_hex(p.border),
        "hovered_border": to_hex(p.text_dim),
        "disabled_border": to_hex(mix(p.panel, p.border, 0.5)),
        "selected_border": to_hex(p.accent),
        "active_border": to_hex(p.focus),
        "link_text": to_hex(p.titans),
        "link_hover": to_hex(p.focus),
        "link_selected": to_hex(p.focus),
        "filled_bar": to_hex(p.accent),
        "unfilled_bar": to_hex(p.panel),
        "text_cursor": to_hex(p.text),
    }
    misc = {
        "shape": "rounded_rectangle",
        "shape_corner_radius": str(scale.px(6)),
        "border_width": str(max(1, scale.px(1))),
        "shadow_width": "0",
        "tool_tip_delay": "0.6",
    }
    theme: dict = {
        "defaults": {"colours": colours, "font": fonts, "misc": misc},
        "button": {"misc": misc},
        # As wide as our own tooltips (draw_tooltip): the default 170 px broke long
        # German words mid-word at a large scale.
        "tool_tip": {
            "colours": {"dark_bg": to_hex(p.bg_deep)},
            "misc": {"rect_width": str(scale.px(360))},
        },
        "label": {"colours": {"dark_bg": "#00000000"}},
        "text_box": {"colours": {"dark_bg": to_hex(p.panel)}},
        "horizontal_slider": {"misc": {"enable_arrow_buttons": "0"}},
    }
    # pygame_gui reads fonts per element type, not from "defaults".
    for element in GUI_ELEMENTS:
        theme.setdefault(element, {})["font"] = fonts
    theme["#menu_button"] = {"font": _gui_font(scale.font_size("large"))}
    theme["#small_button"] = {"font": _gui_font(scale.font_size("small"))}
    theme["#heading_label"] = {"font": _gui_font(scale.font_size("heading"), bold=True)}
    return theme


GUI_ELEMENTS = (
    "button",
    "label",
    "text_box",
    "text_entry_line",
    "text_entry_box",
    "drop_down_menu",
    "selection_list",
    "tool_tip",
    "window",
    "horizontal_slider",
    "check_box",
)


def _gui_font(size: int, bold: bool = False) -> dict:
    return {
        "name": "dejavu",
        "size": str(size),
        "bold": "1" if bold else "0",
        "regular_path": str(FONT_FILES["regular"]),
        "bold_path": str(FONT_FILES["bold"]),
        "italic_path": str(FONT_FILES["regular"]),
        "bold_italic_path": str(FONT_FILES["bold"]),
    }
