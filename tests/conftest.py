"""Test-wide set-up: headless SDL so screen tests run without a display."""

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).parent))

import pytest
from hypothesis import settings

# No wall-clock limit on any example: on a busy machine a slow example is not a bug.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path_factory, monkeypatch):
    """Every test keeps its saves, settings and reports in a folder of its own: tests that
    autosaved without the `home` fixture had left 700 saves in the developer's real folder,
    which the menu then offered to continue."""
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh data folder for saves and settings; the language back to English after."""
    from game.i18n import set_language

    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    yield tmp_path
    set_language("en")


@pytest.fixture
def cuts(monkeypatch):
    """Every text that `draw_text` had to cut with an ellipsis."""
    found: list[str] = []
    import game.drawing.draw as draw

    real = draw.fit_text

    def recording(text, *args, **kwargs):
        fitted = real(text, *args, **kwargs)
        if fitted.cut:
            found.append(text)
        return fitted

    monkeypatch.setattr(draw, "fit_text", recording)
    return found
