"""What can be wrong with a save, as a code + parameters a screen or the terminal words.

Every failure to read or replay a save ends up as a `SaveProblem` naming the file; nothing
a user can put in the save folder reaches the player as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.saves import words

# code -> whether the game can still be opened with the level copy inside the save
CODES = (
    "unreadable",  # the OS would not give us the bytes
    "not_a_file",  # a pipe, device, socket or folder (a link is judged by its target)
    "too_large",
    "too_many_turns",  # more turns than any level's calendar allows
    "not_text",  # junk bytes
    "truncated",  # JSON that stops early: an interrupted copy
    "not_json",
    "foreign",  # valid JSON, but not a save of this game
    "too_new",  # a newer game's save format
    "wrong_shape",  # our marker, but the contents do not fit the format
    "level_changed",  # replaying with the current level gives another game
    "version_changed",  # same level, but this version of the game plays it differently
    "engine_changed",  # same level and version number, but the rules engine was changed
    "level_copy_altered",  # the level copy in the save no longer matches its own hash
    "seed_changed",  # the seed no longer matches its fingerprint: edited after saving
    "orders_changed",  # a turn's orders no longer match their fingerprint
    "level_invalid",  # neither the current nor the embedded level can be read
    "timed_out",  # reading took longer than the load screen waits (a stalled drive)
    "internal",  # a bug: still a message, never a traceback
)


@dataclass(frozen=True)
class SaveProblem:
    file: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        return words.text(f"problem.{self.code}", lang, file=self.file, **self.params)

    def __str__(self) -> str:
        return self.message()
