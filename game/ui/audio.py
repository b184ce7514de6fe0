"""Sound effects and the two-layer music, through pygame.mixer, or silence when there is none.

A PC without speakers, a broken sound server or `SDL_AUDIODRIVER=dummy` must never stop the
game: when the mixer cannot open, that is logged once and every call afterwards does nothing.
The mixer opens at the end of the first frame (`update`), so the menu is on screen first.
The music is a calm loop and a tense loop of the same length, both always playing in step;
the tense one fades in while the race is close (`set_tension`). Every sound the game asks
for is remembered in `requested` (device or not), so tests can check the game's cues.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import replace

import pygame

from game.paths import ASSETS
from game.ui.settings import Settings, save_settings

log = logging.getLogger(__name__)

SOUNDS_DIR = ASSETS / "sounds"
EFFECTS = (
    "click",
    "slider",
    "end_turn",
    "card_history",
    "card_random",
    "card_policy",
    "milestone_own",
    "milestone_rival",
    "lead_change",
    "superintelligence",
    "victory",
    "defeat",
)
MUSIC = ("music_calm", "music_tense")
#: The same effect again within this many seconds is dropped (a dragged slider, say).
REPEAT_GAP_S = 0.06
#: Seconds the tense layer takes to fade fully in or out.
TENSION_FADE_S = 2.0
#: The race counts as close (tense music) when the follower is less than this behind.
TENSE_MONTHS = 3.0
MIXER_RATE = 22050
MIXER_BUFFER = 1024


class Audio:
    """Plays the game's sounds at the volumes in the settings; silent when it cannot."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.ready = False  # the mixer is open and the sounds are loaded
        self.failed = False  # opening failed once: stay silent, do not try again
        self.requested: deque[str] = deque(maxlen=64)
        self.time = 0.0
        self.tense = False
        self.tension_level = 0.0  # 0..1, how far the tense layer has faded in
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._music: list[pygame.mixer.Channel] = []
        self._last: dict[str, float] = {}
        self._frames = 0

    # --- starting -----------------------------------------------------------------------
    def start(self) -> bool:
        """Open the mixer and load every sound; False (logged once) when there is no sound."""
        if self.ready or self.failed:
            return self.ready
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=MIXER_RATE, size=-16, channels=2, buffer=MIXER_BUFFER)
            pygame.mixer.set_num_channels(max(pygame.mixer.get_num_channels(), 12))
            pygame.mixer.set_reserved(len(MUSIC))
            self._sounds = {
                name: pygame.mixer.Sound(str(SOUNDS_DIR / f"{name}.wav"))
                for name in (*EFFECTS, *MUSIC)
            }
            self._music = [pygame.mixer.Channel(i) for i in range(len(MUSIC))]
        except (pygame.error, OSError, FileNotFoundError) as exc:
            log.warning("no sound (%s); the game goes on silently", exc)
            self.failed = True
            self._sounds = {}
            return False
        self.ready = True
        for channel, name in zip(self._music, MUSIC, strict=True):
            channel.play(self._sounds[name], loops=-1)
        self.apply(self.settings)
        return True

    # --- settings -----------------------------------------------------------------------
    @property
    def silent(self) -> bool:
        s = self.settings
        return s.muted or s.master_volume == 0

    def effects_volume(self) -> float:
        s = self.settings
        return 0.0 if self.silent else s.master_volume * s.effects_volume / 10000

    def music_volume(self) -> float:
        s = self.settings
        return 0.0 if self.silent else s.master_volume * s.music_volume / 10000

    def apply(self, settings: Settings) -> None:
        """Take new volumes and mute at once (called whenever the settings change)."""
        self.settings = settings
        if not self.ready:
            return
        for name in EFFECTS:
            self._sounds[name].set_volume(self.effects_volume())
        self._set_music_volume()
        if self.silent:
            pygame.mixer.pause()  # nothing to mix while muted: no CPU spent on it
        else:
            pygame.mixer.unpause()

    def _set_music_volume(self) -> None:
        calm, tense = self._music
        volume = self.music_volume()
        calm.set_volume(volume)
        tense.set_volume(volume * self.tension_level)

    # --- playing ------------------------------------------------------------------------
    def play(self, name: str) -> None:
        """Play effect `name` (one of EFFECTS) unless muted; never raises."""
        self.requested.append(name)
        if not self.ready or self.silent:
            return
        last = self._last.get(name)
        if last is not None and self.time - last < REPEAT_GAP_S:
            return
        self._last[name] = self.time
        try:
            self._sounds[name].play()
        except (KeyError, pygame.error) as exc:
            log.warning("could not play sound %s: %s", name, exc)

    def set_tension(self, tense: bool) -> None:
        """Fade the tense music layer in (True) or out (False)."""
        self.tense = tense

    def update(self, dt: float) -> None:
        """Once a frame: open the mixer after the first frame, fade the tense layer."""
        self.time += dt
        self._frames += 1
        if not self.ready:
            if not self.failed:  # after the first frame is on screen
                self.start()
            return
        target = 1.0 if self.tense else 0.0
        if self.tension_level != target:
            step = dt / TENSION_FADE_S
            if target > self.tension_level:
                self.tension_level = min(target, self.tension_level + step)
            else:
                self.tension_level = max(target, self.tension_level - step)
            self._set_music_volume()


def cue(app, name: str) -> None:
    """Play effect `name` through the app's audio, if the app has any (tests' stand-ins)."""
    audio = getattr(app, "audio", None)
    if audio is not None:
        audio.play(name)


def follow_race(app, lag_months: float) -> None:
    """Tense music while the follower is less than TENSE_MONTHS behind."""
    audio = getattr(app, "audio", None)
    if audio is not None:
        audio.set_tension(lag_months < TENSE_MONTHS)


def is_mute_key(app, event: pygame.event.Event) -> bool:
    """M, unless a text field has the keyboard (then M is a letter)."""
    from pygame_gui.elements import UITextEntryLine

    if event.type != pygame.KEYDOWN or event.key != pygame.K_m:
        return False
    focused = app.manager.get_focus_set() or ()
    return not any(isinstance(element, UITextEntryLine) for element in focused)


def toggle_mute(app) -> None:
    """Key M: sound off or on again, remembered like any other setting."""
    new = replace(app.settings, muted=not app.settings.muted)
    app.settings = new
    app.audio.apply(new)
    if app.persist:
        save_settings(new)
    top = app.stack.top
    if top is not None and top.name == "sound":
        top.rebuild()  # the sound settings show the new state at once
