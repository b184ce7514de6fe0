"""Scenes and the scene stack: one screen at a time, no nested event loops.

A scene owns the pygame_gui elements it creates in `build()`; they are killed when it is
paused or left and built again when it comes back, or when the window size, the UI scale
or the language changes (`rebuild()`). So `build()` must lay everything out from the
current window size and scale, and read every text through `t()`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton

from game.i18n import t
from game.ui.audio import cue

if TYPE_CHECKING:
    from game.ui.runtime import App

NAV_NEXT = (pygame.K_DOWN, pygame.K_TAB, pygame.K_RIGHT)
NAV_PREV = (pygame.K_UP, pygame.K_LEFT)
ACTIVATE = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


class Scene:
    """Base class: lifecycle hooks with sensible defaults, widgets and keyboard focus."""

    name = ""
    #: True: the scene below is drawn first (dimmed), e.g. for a dialog.
    overlay = False
    #: F1 lists these (translation keys: a title, then one line per key) above the rules.
    help_title: str | None = None
    help_keys: tuple[str, ...] = ()

    def __init__(self, app: App):
        self.app = app
        self.widgets: dict[str, UIElement] = {}
        self._elements: list[UIElement] = []
        self._actions: dict[UIElement, Callable[[], None]] = {}
        self.focus_order: list[UIButton] = []
        self.focus_index: int | None = None

    # --- lifecycle -------------------------------------------------------------------
    def enter(self) -> None:
        """Pushed onto the stack."""
        self.build()

    def exit(self) -> None:
        """Popped or replaced."""
        self.teardown()

    def pause(self) -> None:
        """Another scene was pushed on top."""
        self.teardown()

    def resume(self) -> None:
        """The scene on top was popped."""
        self.build()

    def build(self) -> None:
        """Create pygame_gui elements for the current window size, scale and language."""

    def teardown(self) -> None:
        for element in self._elements:
            element.kill()
        self._elements.clear()
        self._actions.clear()
        self.widgets.clear()
        self.focus_order.clear()

    def turn_page(self) -> None:
        """Show a new page in place (the next card, the lifted curtain): rebuilt, and
        treated by the input guard as a new screen, so one burst of clicks turns one page."""
        self.app.stack.changed()
        self.rebuild()

    def rebuild(self) -> None:
        focus = self.focus_index
        self.teardown()
        self.build()
        if focus is not None and self.focus_order:
            self.focus_index = min(focus, len(self.focus_order) - 1)

    # --- per frame -------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        """Return True when the event was used. Default: buttons, focus keys, Escape."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            action = self._actions.get(event.ui_element)
            if action is not None:
                action()
                return True
        if event.type == pygame.KEYDOWN:
            return self.handle_key(event)
        return False

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_ESCAPE:
            return self.back()
        if event.key in NAV_NEXT or event.key in NAV_PREV:
            step = -1 if (event.key in NAV_PREV or event.mod & pygame.KMOD_SHIFT) else 1
            return self.move_focus(step)
        if event.key in ACTIVATE and self.focus_index is not None:
            return self.activate_focused()
        return False

    def update(self, dt: float) -> None:
        """Advance animations by `dt` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw everything that is not a pygame_gui element (before the gui is drawn)."""
        surface.fill(self.app.palette.bg)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Drawn after the gui: focus ring, own tooltips."""
        self.draw_focus_ring(surface)

    def animating(self) -> bool:
        """True while something moves; the app then draws at full frame rate."""
        return False

    def ask_before_closing(self) -> bool:
        """The window's close button was pressed: True when the scene put a question on
        screen instead (something would be lost); a second press closes regardless."""
        return False

    # --- helpers ---------------------------------------------------------------------
    def back(self) -> bool:
        if len(self.app.stack) > 1:
            self.app.stack.pop()
            return True
        return False

    def add(self, element: UIElement, name: str | None = None) -> UIElement:
        """Keep `element` so teardown kills it; `name` makes it findable (tests, focus)."""
        self._elements.append(element)
        if name:
            self.widgets[name] = element
        return element

    def button(
        self,
        name: str,
        rect: pygame.Rect,
        action: Callable[[], None],
        *,
        text: str | None = None,
        enabled: bool = True,
        tooltip: str | None = None,
        focusable: bool = True,
        object_id: str | None = None,
        sound: str | None = "click",
    ) -> UIButton:
        """A button labelled `t(name)` (or `text`) that runs `action` when pressed, with
        effect `sound` (None: the action plays its own)."""
        button = UIButton(
            rect,
            text if text is not None else t(name),
            manager=self.app.manager,
            tool_tip_text=tooltip,
            object_id=object_id,
        )
        if not enabled:
            button.disable()
        self.add(button, name)
        self._actions[button] = _with_sound(self.app, sound, action)
        if focusable:
            self.focus_order.append(button)
        return button

    def move_focus(self, step: int) -> bool:
        enabled = [i for i, b in enumerate(self.focus_order) if b.is_enabled]
        if not enabled:
            return False
        if self.focus_index not in enabled:
            self.focus_index = enabled[0] if step > 0 else enabled[-1]
            return True
        pos = enabled.index(self.focus_index)
        self.focus_index = enabled[(pos + step) % len(enabled)]
        return True

    def focus(self, name: str) -> None:
        widget = self.widgets.get(name)
        if widget in self.focus_order:
            self.focus_index = self.focus_order.index(widget)

    def activate_focused(self) -> bool:
        if self.focus_index is None or self.focus_index >= len(self.focus_order):
            return False
        button = self.focus_order[self.focus_index]
        if not button.is_enabled:
            return False
        action = self._actions.get(button)
        if action is not None:
            action()
        return True

    def draw_focus_ring(self, surface: pygame.Surface) -> None:
        if self.focus_index is None or self.focus_index >= len(self.focus_order):
            return
        rect = self.focus_order[self.focus_index].rect.inflate(self.app.px(6), self.app.px(6))
        pygame.draw.rect(
            surface,
            self.app.palette.focus,
            rect,
            width=max(2, self.app.px(2)),
            border_radius=self.app.px(8),
        )


def _with_sound(app: App, sound: str | None, action: Callable[[], None]) -> Callable[[], None]:
    if sound is None:
        return action

    def sounding() -> None:
        cue(app, sound)
        action()

    return sounding


class SceneStack:
    """push / pop / replace with the lifecycle hooks called in the right order.

    `generation` counts screen changes (every push, pop, replace, reset and page turn):
    the app's input guard drops presses for a moment after it moves (input_guard.py)."""

    def __init__(self) -> None:
        self._scenes: list[Scene] = []
        self.generation = 0

    def changed(self) -> None:
        """The screen the player sees is a new one."""
        self.generation += 1

    def __len__(self) -> int:
        return len(self._scenes)

    def __iter__(self):
        return iter(self._scenes)

    @property
    def top(self) -> Scene | None:
        return self._scenes[-1] if self._scenes else None

    def below(self, scene: Scene) -> Scene | None:
        index = self._scenes.index(scene)
        return self._scenes[index - 1] if index > 0 else None

    def push(self, scene: Scene) -> Scene:
        self.changed()
        if self._scenes:
            self._scenes[-1].pause()
        self._scenes.append(scene)
        scene.enter()
        return scene

    def pop(self) -> Scene | None:
        if not self._scenes:
            return None
        self.changed()
        scene = self._scenes.pop()
        scene.exit()
        if self._scenes:
            self._scenes[-1].resume()
        return scene

    def replace(self, scene: Scene) -> Scene:
        """Swap the top scene for `scene` without waking the one below."""
        self.changed()
        if self._scenes:
            self._scenes.pop().exit()
        self._scenes.append(scene)
        scene.enter()
        return scene

    def reset(self, scene: Scene) -> Scene:
        """Leave every scene and start again from `scene` (used after a crash)."""
        self.changed()
        while self._scenes:
            old = self._scenes.pop()
            with contextlib.suppress(Exception):  # a broken scene must not stop the reset
                old.exit()
        self._scenes.append(scene)
        scene.enter()
        return scene
