"""The player's settings, kept between runs in a small JSON file.

A damaged or half-written file must never stop the game from starting: every field is
checked on its own, bad ones fall back to their defaults, and a warning is logged. A file
that cannot be read at all (not JSON, too big, too deep, a pipe or a device) is moved aside
as settings.json.bad and the menu says once that the defaults are in use.
"""

from __future__ import annotations

import contextlib
import json
import locale
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game.guarded_files import RefusedFile, read_guarded_text
from game.paths import config_dir

log = logging.getLogger(__name__)

LANGUAGES = ("en", "de")
SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
ANIMATION_SPEEDS = ("off", "slow", "normal", "fast")
MIN_SCALE, MAX_SCALE = 1.0, 2.0
#: Projector mode: one switch for a big UI, larger type and high contrast (classroom use).
PROJECTOR_SCALE = 1.75
PROJECTOR_FONT_BOOST = 1.1


def system_language() -> str:
    """'de' when the operating system speaks German, otherwise 'en'."""
    candidates = [os.environ.get(v, "") for v in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")]
    with contextlib.suppress(ValueError):
        candidates.append(locale.getlocale()[0] or "")
    for name in candidates:
        if name and name not in ("C", "POSIX"):
            return "de" if name.lower().startswith("de") else "en"
    return "en"


@dataclass
class Settings:
    language: str = "en"
    ui_scale: float = 1.0
    fullscreen: bool = False
    colourblind_palette: bool = False
    animation_speed: str = "normal"
    projector: bool = False
    master_volume: int = 80  # percent, like the other two volumes
    music_volume: int = 50
    effects_volume: int = 80
    muted: bool = False
    reduce_motion: bool = False

    @classmethod
    def first_start(cls) -> Settings:
        return cls(language=system_language())

    def with_projector(self, on: bool) -> Settings:
        """These settings with projector mode switched on (scale 175 %) or off (100 %)."""
        from dataclasses import replace

        scale = max(self.ui_scale, PROJECTOR_SCALE) if on else 1.0
        muted = True if on else self.muted  # a classroom projector starts without sound
        return replace(self, projector=on, ui_scale=scale, muted=muted)

    def font_boost(self) -> float:
        """Extra factor on every font size (projector mode reads from the back row)."""
        return PROJECTOR_FONT_BOOST if self.projector else 1.0

    def animation_factor(self) -> float:
        """Multiplier on animation durations; 0 means 'jump to the end'."""
        return {"off": 0.0, "slow": 1.6, "normal": 1.0, "fast": 0.5}[self.animation_speed]

    def motion_reduced(self) -> bool:
        """Show end states at once: Reduce motion, projector mode or animations off."""
        return self.reduce_motion or self.projector or self.animation_speed == "off"

    def motion_factor(self) -> float:
        """Multiplier on the length of the game's motion (climb, slides); 0 = none."""
        return 0.0 if self.motion_reduced() else self.animation_factor()


def _valid(name: str, value: object) -> object | None:
    """The value if it is acceptable for field `name`, else None."""
    if name == "language":
        return value if value in LANGUAGES else None
    if name == "ui_scale":
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if number and MIN_SCALE <= float(value) <= MAX_SCALE else None
    if name in ("master_volume", "music_volume", "effects_volume"):
        whole = isinstance(value, int) and not isinstance(value, bool)
        return value if whole and 0 <= value <= 100 else None
    if name in ("fullscreen", "colourblind_palette", "projector", "muted", "reduce_motion"):
        return value if isinstance(value, bool) else None
    if name == "animation_speed":
        return value if value in ANIMATION_SPEEDS else None
    return None


def settings_path() -> Path:
    return config_dir() / "settings.json"


# A settings file is a handful of short fields: anything much bigger, deeper or with longer
# numbers was not written by the game, and must not cost time or memory to parse.
MAX_SETTINGS_BYTES = 64_000
MAX_DEPTH = 4
MAX_NUMBER_CHARS = 32
BROKEN_SUFFIX = ".bad"


class _Unreasonable(ValueError):
    """The file is valid JSON in principle, but beyond the caps above."""


def _depth(text: str) -> int:
    """The deepest nesting of [ and { outside strings (one linear pass)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _number(kind):
    def parse(text: str):
        if len(text) > MAX_NUMBER_CHARS:
            raise _Unreasonable(f"a number of {len(text)} characters")
        return kind(text)

    return parse


def parse_settings_text(text: str) -> object:
    """JSON with the caps above; raises ValueError (JSONDecodeError included) when broken."""
    if _depth(text) > MAX_DEPTH:
        raise _Unreasonable(f"nested more than {MAX_DEPTH} levels deep")
    return json.loads(text, parse_int=_number(int), parse_float=_number(float))


def load_settings(path: Path | None = None) -> Settings:
    """Settings from disk; first start follows the system language; damage → defaults."""
    return load_settings_checked(path, keep_broken=False)[0]


def load_settings_checked(
    path: Path | None = None, *, keep_broken: bool = True
) -> tuple[Settings, bool]:
    """Settings from disk, and whether the file was broken. A broken file is moved aside
    as settings.json.bad (for inspection, unless `keep_broken` is False, as for the
    command line) and the defaults are used."""
    path = path or settings_path()
    defaults = Settings.first_start()
    if not os.path.lexists(path):
        return defaults, False
    try:
        data = parse_settings_text(read_guarded_text(path, MAX_SETTINGS_BYTES))
    except (OSError, ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        reason = exc.sentence() if isinstance(exc, RefusedFile) else str(exc)[:200]
        log.warning("settings file %s is damaged (%s); using defaults", path, reason)
        if keep_broken:
            _keep_broken(path)
        return defaults, True
    if not isinstance(data, dict):
        log.warning("settings file %s does not hold a mapping; using defaults", path)
        if keep_broken:
            _keep_broken(path)
        return defaults, True
    for f in fields(Settings):
        if f.name not in data:
            continue
        value = _valid(f.name, data[f.name])
        if value is None:
            log.warning(
                "setting %s=%r in %s is not valid; using the default",
                f.name,
                str(data[f.name])[:80],
                path,
            )
            continue
        setattr(defaults, f.name, value)
    return defaults, False


def _keep_broken(path: Path) -> None:
    """Move the broken file to settings.json.bad, so the next save does not destroy it."""
    try:
        os.replace(path, path.with_name(path.name + BROKEN_SUFFIX))
    except OSError as exc:
        log.warning("could not keep the broken settings file %s: %s", path, exc)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically (temp file + rename) so a crash mid-write cannot damage the file."""
    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        log.warning("could not save settings to %s: %s", path, exc)
