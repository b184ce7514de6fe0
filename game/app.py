"""The desktop game: `run_app` opens the window and runs the scene stack until Quit."""

from __future__ import annotations

import logging
import os


def run_app(level: str | None = None, designer: bool = False, lesson: str | None = None) -> int:
    """Open the game; `level` is offered first (and shown with its problems if broken);
    `lesson` opens the lesson's start screen (or its problems, never a traceback)."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from game.i18n import set_language
    from game.ui.settings import load_settings
    from game.ui.window import DEFAULT_SIZE, open_window_early

    settings = load_settings()
    set_language(settings.language)
    open_window_early(DEFAULT_SIZE, settings.fullscreen)  # "Loading…" before the heavy imports
    from game.ui.lesson_start import open_lesson
    from game.ui.runtime import App

    app = App(settings=settings, level=level, designer=designer)
    app.push("menu")
    if lesson is not None:
        open_lesson(app, lesson)
    if level is not None:
        app.level_path = level
        app.reload_level()
    try:
        return app.run()
    finally:
        import pygame

        pygame.quit()
