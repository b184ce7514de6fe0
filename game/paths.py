"""Every folder the game reads or writes, in one place: the project's data, the player's files.

The shipped levels and assets are package data: an installed wheel or a PyInstaller bundle
carries them in `game/_data/` (copied there by setup.py's build step), read through
`importlib.resources`; a source checkout reads the same folders at its top level.

platformdirs picks the right folder per OS for the player's files. Two environment variables
move them: `SWARMS_TITANS_HOME` puts all of them under one folder (tests, portable installs);
`SWARMS_VS_TITANS_SAVE_DIR` moves only the saves. A bundle built with `--portable` keeps them
in `user-data/` beside its executable (a `portable.txt` there says so), for school PCs whose
profiles are wiped at logout and for USB sticks. Writing a save, listing saves and Continue
all ask `saves_dir()`, so they always agree on where the autosave is.
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "swarms-vs-titans"
HOME_ENV = "SWARMS_TITANS_HOME"
SAVE_DIR_ENV = "SWARMS_VS_TITANS_SAVE_DIR"
REPORTS_FOLDER = "Swarms vs Titans"

PACKAGED_DATA = "_data"
PORTABLE_MARKER = "portable.txt"
PORTABLE_HOME = "user-data"


def data_root() -> Path:
    """The folder holding `levels/` and `assets/`: the package's own copy when installed or
    bundled, else the source checkout the package sits in."""
    package = Path(str(resources.files("game")))
    packaged = package / PACKAGED_DATA
    return packaged if packaged.is_dir() else package.parent


ROOT = data_root()
ASSETS = ROOT / "assets"
FONTS = ASSETS / "fonts"
I18N = ASSETS / "i18n"
LEVELS = ROOT / "levels"
MAIN_LEVEL = LEVELS / "cold-ai-war.yaml"


def portable_home() -> Path | None:
    """`user-data/` beside a bundle's executable when the bundle was built `--portable`."""
    if not getattr(sys, "frozen", False):
        return None
    beside = Path(sys.executable).resolve().parent
    return beside / PORTABLE_HOME if (beside / PORTABLE_MARKER).is_file() else None


def _home() -> Path | None:
    override = os.environ.get(HOME_ENV)
    return Path(override) if override else portable_home()


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
