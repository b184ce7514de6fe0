"""Every folder the game reads or writes, in one place: the project's data, the player's files.

platformdirs picks the right folder per OS. Two environment variables move them:
`SWARMS_TITANS_HOME` puts all of the player's files under one folder (tests, portable
installs); `SWARMS_VS_TITANS_SAVE_DIR` moves only the saves. Writing a save, listing saves
and Continue all ask `saves_dir()`, so they always agree on where the autosave is.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "swarms-vs-titans"
HOME_ENV = "SWARMS_TITANS_HOME"
SAVE_DIR_ENV = "SWARMS_VS_TITANS_SAVE_DIR"
REPORTS_FOLDER = "Swarms vs Titans"

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
FONTS = ASSETS / "fonts"
I18N = ASSETS / "i18n"
LEVELS = ROOT / "levels"


def _home() -> Path | None:
    override = os.environ.get(HOME_ENV)
    return Path(override) if override else None


def data_dir() -> Path:
    """Saves, crash logs and fallback reports live here (created when first written)."""
    home = _home()
    if home is not None:
        return home / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """settings.json lives here."""
    home = _home()
    if home is not None:
        return home / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def saves_dir(folder: str | Path | None = None) -> Path:
    """`folder` if given, else $SWARMS_VS_TITANS_SAVE_DIR, else `data_dir()/saves`."""
    if folder is not None:
        return Path(folder)
    moved = os.environ.get(SAVE_DIR_ENV)
    if moved:
        return Path(moved)
    return data_dir() / "saves"


def crash_dir() -> Path:
    return data_dir() / "crashes"


def reports_dir() -> Path:
    """Exported classroom reports: the documents folder, so a teacher finds them."""
    home = _home()
    if home is not None:
        return home / "reports"
    docs = Path(platformdirs.user_documents_dir())
    if docs.is_dir() and os.access(docs, os.W_OK):
        return docs / REPORTS_FOLDER
    return data_dir() / "reports"
