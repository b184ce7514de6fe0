"""Input meant for one screen never lands on the next one.

The buttons that move a game on (New game, Start, End turn, Next, Turn report, Next
quarter) sit where the previous screen's button was, so a double click or a burst of
clicks used to skip event cards and whole reports. The rule lives here, once, for every
scene: after the screen changes (the scene stack moves, or a scene turns a page in place),
presses are dropped until the new screen has been drawn and the player has been still for
`QUIET_SECONDS`; a press dropped meanwhile restarts that wait (a burst is one intent), up
to `LONGEST_SECONDS`. A key or button held down across the change belongs to the old
screen: its repeats and its release are dropped too.

Time is the sum of the frames' `dt` and the count of frames, never the wall clock, so
tests replay bursts of events frame by frame and get the same answer on any machine.
"""

from __future__ import annotations

import pygame

#: How long the player must leave the new screen alone before a press counts.
QUIET_SECONDS = 0.35
#: Frames the new screen must have been drawn before a press counts.
MIN_FRAMES = 2
#: However long a burst goes on, presses count again this long after the change.
LONGEST_SECONDS = 1.5

PRESS_KINDS = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN)
RELEASE_KINDS = (pygame.KEYUP, pygame.MOUSEBUTTONUP)


def _which(event: pygame.event.Event):
    """The key or mouse button an event is about."""
    return (
        ("key", event.key)
        if event.type in (pygame.KEYDOWN, pygame.KEYUP)
        else (
            "button",
            getattr(event, "button", 1),
        )
    )


class InputGuard:
    """Decides, event by event, whether input may reach the scene on top."""

    def __init__(self) -> None:
        self.time = 0.0
        self.frame = 0
        self.generation: int | None = None
        self.changed_time = 0.0
        self.changed_frame = 0
        self.quiet_from = 0.0
        self.held: set = set()  # keys and buttons down now, pressed on this screen
        self.stale: set = set()  # down now, but pressed before the screen changed
        self.dropped = 0  # presses swallowed so far (for tests and the debug log)

    def tick(self, dt: float) -> None:
        """A new frame begins, `dt` seconds after the last one."""
        self.time += dt
        self.frame += 1

    def observe(self, generation: int) -> None:
        """Called every frame and before every event: notice a screen change at once."""
        if generation != self.generation:
            self._screen_changed(generation)

    def _screen_changed(self, generation: int) -> None:
        self.generation = generation
        self.changed_time = self.quiet_from = self.time
        self.changed_frame = self.frame
        self.stale |= self.held
        self.held.clear()

    def settled(self, generation: int) -> bool:
        """True when a press arriving now would reach the screen."""
        if generation != self.generation:
            return False
        if self.frame - self.changed_frame < MIN_FRAMES:
            return False
        since_change = self.time - self.changed_time
        return self.time - self.quiet_from >= QUIET_SECONDS or since_change >= LONGEST_SECONDS

    def admit(self, event: pygame.event.Event, generation: int) -> bool:
        """True if `event` may go on to the gui and the scene; `generation` counts the
        screen changes so far (see `SceneStack.generation`)."""
        self.observe(generation)
        kind = event.type
        if kind in RELEASE_KINDS:
            which = _which(event)
            self.held.discard(which)
            if which in self.stale:
                self.stale.discard(which)
                return False
            return True
        if kind in PRESS_KINDS:
            which = _which(event)
            if which in self.stale:  # a repeat of a key held since the old screen
                return False
            if not self.settled(generation):
                self.stale.add(which)
                self.quiet_from = self.time
                self.dropped += 1
                return False
            self.held.add(which)
            return True
        if kind == pygame.TEXTINPUT:
            return self.settled(generation)
        return True
