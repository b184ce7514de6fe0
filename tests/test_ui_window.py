"""The window carries the game's name (title and class) and says "Loading…" before the
first screen is ready."""

from __future__ import annotations

import os

import pygame
import pytest

from game.i18n import set_language, t
from game.ui.runtime import App
from game.ui.settings import Settings
from game.ui.window import CLASS_VARIABLES


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    for variable in CLASS_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    yield tmp_path
    set_language("en")


def test_title_and_class_are_the_game_name_in_the_players_language(home):
    app = App(settings=Settings(language="de"), persist=False)
    assert pygame.display.get_caption()[0] == "Schwärme gegen Titanen"
    assert os.environ["SDL_VIDEO_X11_WMCLASS"] == "Schwärme gegen Titanen"
    app.apply_settings(Settings(language="en"))
    assert pygame.display.get_caption()[0] == "Swarms vs Titans"


def test_the_first_frame_says_loading(home):
    app = App(settings=Settings(language="en"), persist=False)
    window = app.window
    background = window.get_at((2, 2))
    centre = window.get_rect().center
    band = pygame.Rect(0, 0, window.get_width() // 2, window.get_height() // 10)
    band.center = centre
    lit = sum(
        1
        for x in range(band.left, band.right, 2)
        for y in range(band.top, band.bottom, 2)
        if window.get_at((x, y)) != background
    )
    assert lit > 30, "nothing drawn: a black window until the first screen is built"
    assert t("app.loading")
