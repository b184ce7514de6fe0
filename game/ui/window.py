"""The window as the desktop sees it: its title and class, and "Loading…" from the first
frame.

On a busy machine the game takes seconds to start (imports, fonts, the first screen), and
a black window looks broken; so the window opens as early as possible and says it is
loading. Its class (WM_CLASS on X11, the app id on Wayland) is the game's name, so docks
and task bars show "Swarms vs Titans" rather than "__main__.py".
"""

from __future__ import annotations

import os

import pygame

from game.i18n import t

DEFAULT_SIZE = (1280, 720)
#: Environment variables SDL reads for the window class; set before the display opens.
CLASS_VARIABLES = ("SDL_VIDEO_X11_WMCLASS", "SDL_VIDEO_WAYLAND_WMCLASS")


def name_the_window() -> str:
    """Give the window the game's name (in the current language) as class and title."""
    name = t("app.title")
    for variable in CLASS_VARIABLES:
        os.environ.setdefault(variable, name)
    pygame.display.set_caption(name)
    return name


def show_loading(surface: pygame.Surface, background, colour) -> None:
    """Paint "Loading…" in the middle of `surface` and show it at once."""
    from game.drawing.theme import FONT_FILES

    surface.fill(background)
    size = max(18, surface.get_height() // 24)
    try:
        font = pygame.font.Font(str(FONT_FILES["regular"]), size)
    except (OSError, pygame.error):  # no font file: pygame's own font still says it
        font = pygame.font.Font(None, size)
    text = font.render(t("app.loading"), True, colour)
    surface.blit(text, text.get_rect(center=surface.get_rect().center))
    pygame.display.flip()
    pygame.event.pump()  # let the window manager map and paint the window now


def open_window_early(size: tuple[int, int], fullscreen: bool) -> None:
    """Open the window with "Loading…" before the rest of the game is imported."""
    from game.drawing.theme import palette_for

    pygame.display.init()
    pygame.font.init()
    name_the_window()
    flags = pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE
    window = pygame.display.set_mode((0, 0) if fullscreen else size, flags)
    palette = palette_for(False, False)
    show_loading(window, palette.bg, palette.text_dim)
