"""Screenshots of the turn screen hold real content: both factions on the ladder, and every
label fits its box at UI scale 1 and 2, in English and German, on every page."""

from __future__ import annotations

import pygame
import pytest

from game.drawing import draw as draw_module
from game.ui.scenes.turn_layout import PAGES
from game.ui.shot import Shot, render_shot


@pytest.fixture
def drawn(monkeypatch):
    """(text, cut) for every text drawn through draw_text."""
    seen: list[tuple[str, bool]] = []
    original = draw_module.fit_text

    def recording(text, *args, **kwargs):
        fitted = original(text, *args, **kwargs)
        seen.append((text, fitted.cut))
        return fitted

    monkeypatch.setattr(draw_module, "fit_text", recording)
    return seen


def _count(surface: pygame.Surface, rect: pygame.Rect, colour) -> int:
    """Pixels of exactly `colour` inside `rect`."""
    area = surface.subsurface(rect).copy()
    return pygame.transform.threshold(None, area, colour, (0, 0, 0, 0), set_behavior=0)


def test_ladder_shows_both_factions(tmp_path, monkeypatch):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    app = render_shot("turn", tmp_path / "turn.png", shot=Shot(turn=3))
    scene = app.stack.top
    rect = scene.layout.panels["ladder"]
    titans = _count(app.window, rect, app.palette.titans)
    swarms = _count(app.window, rect, app.palette.swarms)
    assert titans > 500, "the Titans' blocks are missing from the ladder"
    assert swarms > 100, "the Swarms' dots are missing from the ladder"


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_every_label_fits(tmp_path, monkeypatch, drawn, lang, scale):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    app = render_shot(
        "turn", tmp_path / "turn.png", shot=Shot(turn=5, lang=lang, scale=scale), frames=2
    )
    scene = app.stack.top
    if scene.layout.compact:
        for page in PAGES:
            scene.show_page(page)
            app.step([])
    scene.open_charts()
    app.step([])
    assert len(drawn) > 60  # the check saw the screen's labels
    cuts = [text for text, cut in drawn if cut]
    assert cuts == [], f"cut at scale {scale} ({lang}): {cuts}"
