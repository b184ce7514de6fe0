"""The lesson file: what a teacher fixes once so every pair plays the same game.

A lesson names a scenario (level id or file), a seed, which side the pupils play (or
`choice`), the AI's level and, optionally, when the game stops for the debrief: after N
quarters, after M minutes of play, or whichever comes first.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from game.levels.model import Text

LESSON_VERSION = 1
#: The largest seed the setup screen accepts (six digits a class can read aloud).
MAX_SEED = 999_999


class Lesson(BaseModel):
    """One lesson, as written in `lessons/<name>.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lesson_version: Literal[1] = Field(description="The lesson file format; write 1.")
    title: Text = Field(description="The lesson's name as pupils see it, in both languages.")
    level: str = Field(
        min_length=1,
        description="The scenario: a level id from levels/ (classroom-45) or a .yaml path "
        "relative to the lesson file.",
    )
    seed: int = Field(ge=1, le=MAX_SEED, description="The world every pair plays (1–999999).")
    side: Literal["usa", "china", "choice"] = Field(
        description="The side pupils play against the AI: usa, china, or choice (they pick)."
    )
    opponent: Literal["easy", "normal", "hard"] = Field(
        "normal", description="The AI's level: easy, normal or hard."
    )
    stop_after_quarters: int | None = Field(
        None, ge=1, le=80, description="Stop for the debrief after this many quarters."
    )
    stop_after_minutes: int | None = Field(
        None, ge=1, le=240, description="Stop for the debrief after this many minutes of play."
    )
