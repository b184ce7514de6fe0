"""Where the game keeps the player's files: settings, saves and crash logs.

platformdirs picks the right folder per OS. Setting the environment variable
`SWARMS_TITANS_HOME` puts everything under one folder instead (tests, portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "swarms-vs-titans"
HOME_ENV = "SWARMS_TITANS_HOME"
ROOT = Path(__file__).resolve().parent.parent.parent
ASSETS = ROOT / "assets"
FONTS = ASSETS / "fonts"
I18N = ASSETS / "i18n"


def data_dir() -> Path:
    """Saves and crash logs live here (not created until something is written)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """settings.json lives here."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def saves_dir() -> Path:
    return data_dir() / "saves"


def autosave_path() -> Path:
    return saves_dir() / "autosave.json"


def crash_dir() -> Path:
    return data_dir() / "crashes"
