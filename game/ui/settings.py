"""The player's settings, kept between runs in a small JSON file.

A damaged or half-written file must never stop the game from starting: every field is
checked on its own, bad ones fall back to their defaults, and a warning is logged.
"""

from __future__ import annotations

import contextlib
import json
import locale
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

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

    @classmethod
    def first_start(cls) -> Settings:
        return cls(language=system_language())

    def with_projector(self, on: bool) -> Settings:
        """These settings with projector mode switched on (scale 175 %) or off (100 %)."""
        from dataclasses import replace

        scale = max(self.ui_scale, PROJECTOR_SCALE) if on else 1.0
        return replace(self, projector=on, ui_scale=scale)

    def font_boost(self) -> float:
        """Extra factor on every font size (projector mode reads from the back row)."""
        return PROJECTOR_FONT_BOOST if self.projector else 1.0

    def animation_factor(self) -> float:
        """Multiplier on animation durations; 0 means 'jump to the end'."""
        return {"off": 0.0, "slow": 1.6, "normal": 1.0, "fast": 0.5}[self.animation_speed]


def _valid(name: str, value: object) -> object | None:
    """The value if it is acceptable for field `name`, else None."""
    if name == "language":
        return value if value in LANGUAGES else None
    if name == "ui_scale":
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if number and MIN_SCALE <= float(value) <= MAX_SCALE else None
    if name in ("fullscreen", "colourblind_palette", "projector"):
        return value if isinstance(value, bool) else None
    if name == "animation_speed":
        return value if value in ANIMATION_SPEEDS else None
    return None


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Settings from disk; first start follows the system language; damage → defaults."""
    path = path or settings_path()
    defaults = Settings.first_start()
    if not path.exists():
        return defaults
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        log.warning("settings file %s is damaged (%s); using defaults", path, exc)
        return defaults
    if not isinstance(data, dict):
        log.warning("settings file %s does not hold a mapping; using defaults", path)
        return defaults
    for f in fields(Settings):
        if f.name not in data:
            continue
        value = _valid(f.name, data[f.name])
        if value is None:
            log.warning(
                "setting %s=%r in %s is not valid; using the default", f.name, data[f.name], path
            )
            continue
        setattr(defaults, f.name, value)
    return defaults


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
