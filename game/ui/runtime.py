"""The App: window, pygame_gui manager, settings, the scene stack and one frame's work.

`App.step()` runs exactly one frame (events → update → draw), so tests drive the real app
with real pygame events and no loop of their own; `App.run()` repeats it, and waits for
events instead of spinning when nothing moves. Any unexpected exception in a scene is
written to a crash log and the apology scene replaces the stack: the game never vanishes.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import traceback
import warnings
from pathlib import Path

import pygame
import pygame_gui

from game.drawing.draw import draw_notice
from game.drawing.pen import Pen
from game.drawing.theme import gui_theme, palette_for, scale_for
from game.i18n import set_language, t
from game.paths import crash_dir
from game.ui import notices
from game.ui.audio import Audio, is_mute_key, toggle_mute
from game.ui.input_guard import InputGuard
from game.ui.scene import Scene, SceneStack
from game.ui.scenes import has_scene, make_scene
from game.ui.settings import Settings, load_settings_checked, save_settings
from game.ui.window import DEFAULT_SIZE, name_the_window, show_loading

log = logging.getLogger(__name__)

MIN_SIZE = (800, 480)
ACTIVE_FPS = 60
IDLE_WAIT_MS = 250
NOTICE_SECONDS = 8.0


class App:
    def __init__(
        self,
        settings: Settings | None = None,
        size: tuple[int, int] = DEFAULT_SIZE,
        persist: bool = True,
        level: str | None = None,
        designer: bool = False,
    ):
        # True when settings.json was broken and the defaults are in use (the menu says so).
        self.settings_reset = False
        if settings is None:
            settings, self.settings_reset = load_settings_checked()
        self.settings = settings
        set_language(self.settings.language)
        pygame.display.init()  # audio opens after the first frame (game/ui/audio.py)
        pygame.font.init()
        name_the_window()  # title and window class in the player's language
        self.audio = Audio(self.settings)  # opens after the first frame (game/ui/audio.py)
        self.persist = persist
        self.level_path = level
        self.designer = designer
        self.loaded_level = None
        self._level_mtime: float | None = None
        self._level_poll = 0.0
        self.window = self._open_window(size)
        self.scale = scale_for(self.settings)  # projector mode: larger type too
        self.palette = palette_for(self.settings.colourblind_palette, self.settings.projector)
        show_loading(self.window, self.palette.bg, self.palette.text_dim)  # fonts, theme next
        self.manager = self._make_manager()
        self.stack = SceneStack()
        self.guard = InputGuard()  # drops presses meant for the screen before
        self.clock = pygame.time.Clock()
        self.running = True
        self.exit_code = 0
        self.last_crash_log: Path | None = None
        self.notice: tuple[str, float] | None = None  # a banner: text, seconds left
        self.paused_game = None  # a GameSession left through the pause menu, for Continue
        self.remembered: dict = {}  # view state kept between screens (a list's scroll)
        self.lesson = None  # a `game.lessons.LessonRun` while a lesson game runs (its clock)

    # --- window and theme -------------------------------------------------------------
    def _open_window(self, size: tuple[int, int]) -> pygame.Surface:
        flags = pygame.FULLSCREEN if self.settings.fullscreen else pygame.RESIZABLE
        window = pygame.display.set_mode((0, 0) if self.settings.fullscreen else size, flags)
        with (
            warnings.catch_warnings(),
            contextlib.suppress(AttributeError, pygame.error, ValueError),
        ):
            warnings.simplefilter("ignore", DeprecationWarning)  # only the minimum size is set
            pygame.Window.from_display_module().minimum_size = MIN_SIZE
        return window

    def _make_manager(self) -> pygame_gui.UIManager:
        manager = pygame_gui.UIManager(self.window.get_size(), gui_theme(self.palette, self.scale))
        return manager

    @property
    def size(self) -> tuple[int, int]:
        return self.window.get_size()

    @property
    def pen(self) -> Pen:
        """The current palette and scale, for the drawing functions (game/drawing)."""
        return Pen(self.palette, self.scale)

    def px(self, value: float) -> int:
        return self.scale.px(value)

    def font(self, role: str = "body", bold: bool = False) -> pygame.font.Font:
        return self.scale.font(role, bold)

    # --- scenes -----------------------------------------------------------------------
    def push(self, scene: Scene | str, **kwargs) -> Scene:
        if isinstance(scene, str):
            scene = make_scene(scene, self, **kwargs)
        return self.stack.push(scene)

    def replace(self, scene: Scene | str, **kwargs) -> Scene:
        if isinstance(scene, str):
            scene = make_scene(scene, self, **kwargs)
        return self.stack.replace(scene)

    def pop(self) -> Scene | None:
        return self.stack.pop()

    def has_scene(self, name: str) -> bool:
        return has_scene(name)

    def input_ready(self) -> bool:
        """True when a click or key pressed now would reach the screen on top."""
        return self.guard.settled(self.stack.generation)

    def quit(self, code: int = 0) -> None:
        self.running = False
        self.exit_code = code

    # --- settings ---------------------------------------------------------------------
    def apply_settings(self, new: Settings) -> None:
        """Take new settings live: language, scale, palette and window; then persist."""
        old = self.settings
        self.settings = new
        self.audio.apply(new)
        set_language(new.language)
        pygame.display.set_caption(t("app.title"))
        top = self.stack.top
        if top is not None:
            top.teardown()
        if new.fullscreen != old.fullscreen:
            self.window = self._open_window(DEFAULT_SIZE)
        if (
            new.ui_scale != old.ui_scale
            or new.colourblind_palette != old.colourblind_palette
            or new.projector != old.projector
        ):
            self.scale = scale_for(new)
            self.palette = palette_for(new.colourblind_palette, new.projector)
            self.manager = self._make_manager()
        else:
            self.manager.set_window_resolution(self.window.get_size())
        if top is not None:
            top.build()
        if self.persist:
            save_settings(new)
        self.settings_reset = False  # the player has chosen settings of their own now

    def _resized(self) -> None:
        self.window = pygame.display.get_surface()
        self.manager.set_window_resolution(self.window.get_size())
        if self.stack.top is not None:
            self.stack.top.rebuild()

    # --- one frame --------------------------------------------------------------------
    def step(self, events: list[pygame.event.Event] | None = None, dt: float = 1 / 60) -> bool:
        """Run one frame; returns False once the app wants to close."""
        try:
            self._frame(pygame.event.get() if events is None else events, dt)
        except Exception as exc:  # the apology scene, never a vanished window
            self.crash(exc)
        return self.running

    def _frame(self, events: list[pygame.event.Event], dt: float) -> None:
        self.guard.tick(dt)
        for event in events:
            self._dispatch(event)
            if not self.running:
                return
        self._poll_level(dt)
        self._take_notices(dt)
        top = self.stack.top
        if top is not None:
            top.update(dt)
        if self.lesson is not None:
            from game.ui.lesson_clock import tick_lesson

            tick_lesson(self, dt)
        self.guard.observe(self.stack.generation)  # a change made by update() counts too
        self.manager.update(dt)
        self.draw(self.window)
        pygame.display.flip()
        self.audio.update(dt)

    def _dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            top = self.stack.top
            if top is not None and top.ask_before_closing():
                return  # a question is on screen; closing again while it shows quits
            self.quit(0)
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            if pygame.display.get_surface().get_size() != self.manager.window_resolution:
                self._resized()
            return
        if not self.guard.admit(event, self.stack.generation):
            return
        top = self.stack.top
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F1:
            if top is None or top.name != "help":
                self.push("help", screen=top)  # with the keys of the screen it covers
            else:
                self.pop()
            return
        if self.manager.process_events(event):
            return
        used = top.handle_event(event) if top is not None else False
        if not used and event.type == pygame.KEYDOWN and event.key == pygame.K_F5:
            self.reload_level()  # F5 wherever a scene does not use it: reload the level
        if not used and is_mute_key(self, event):
            toggle_mute(self)  # M wherever a scene does not use it: sound off / on

    def draw(self, surface: pygame.Surface) -> None:
        top = self.stack.top
        if top is None:
            surface.fill(self.palette.bg)
            return
        if top.overlay:
            below = self.stack.below(top)
            if below is not None:
                below.draw(surface)
                shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
                shade.fill((*self.palette.bg_deep, 170))
                surface.blit(shade, (0, 0))
        top.draw(surface)
        self.manager.draw_ui(surface)
        top.draw_overlay(surface)
        if self.lesson is not None:
            from game.ui.lesson_clock import draw_lesson_clock

            draw_lesson_clock(surface, self)
        if self.notice is not None:
            draw_notice(surface, self.notice[0], self.palette, self.scale)

    def _take_notices(self, dt: float) -> None:
        """The newest posted notice is shown for `NOTICE_SECONDS`, then disappears."""
        posted = notices.take()
        if posted:
            self.notice = (posted[-1], NOTICE_SECONDS)
        elif self.notice is not None:
            text, left = self.notice
            self.notice = (text, left - dt) if left > dt else None

    def run(self) -> int:
        """The main loop: full frame rate while animating, otherwise wait for events."""
        while self.running:
            top = self.stack.top
            busy = top is not None and top.animating()
            if busy:
                dt = self.clock.tick(ACTIVE_FPS) / 1000
                events = pygame.event.get()
            else:
                first = pygame.event.wait(IDLE_WAIT_MS)
                events = [first] if first.type != pygame.NOEVENT else []
                events += pygame.event.get()
                dt = min(self.clock.tick() / 1000, 0.25)
            self.step(events, dt)
        return self.exit_code

    # --- designer hot reload -----------------------------------------------------------
    def _poll_level(self, dt: float) -> None:
        if not (self.designer and self.level_path):
            return
        self._level_poll += dt
        if self._level_poll < 1.0:
            return
        self._level_poll = 0.0
        try:
            mtime = Path(self.level_path).stat().st_mtime
        except OSError:
            return
        if self._level_mtime is None:
            self._level_mtime = mtime
            return
        if mtime != self._level_mtime:
            self._level_mtime = mtime
            self.reload_level()

    def reload_level(self) -> None:
        """Re-check the level file: show its problems, or offer the new level (restart or
        continue) to the game in progress; see game/ui/scenes/reload.py."""
        from game.ui.scenes.reload import hot_reload

        hot_reload(self)

    # --- crashes ----------------------------------------------------------------------
    def crash(self, exc: BaseException) -> None:
        """Log the exception to a file and show the apology scene instead."""
        path = write_crash_log(exc)
        self.last_crash_log = path
        log.error("unexpected error, crash log at %s", path)
        top = self.stack.top
        if top is not None and top.name == "crash":
            self.quit(1)  # the apology scene itself failed: nothing left to show
            return
        try:
            self.stack.reset(make_scene("crash", self, log_path=path))
        except Exception:
            self.quit(1)


def write_crash_log(exc: BaseException) -> Path | None:
    """Write the traceback to the user's data folder; the path, or None if unwritable."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        folder = crash_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}.log"
        path.write_text(text, encoding="utf-8")
        return path
    except OSError:
        log.error("could not write a crash log:\n%s", text)
        return None
