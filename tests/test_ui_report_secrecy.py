"""Hot-seat keeps secrets past the first quarter: the shared turn report shows each side
only what the other could observe (policies, levies, milestones, the climb on the ladder);
each player's own purchases, talent and budget wait behind the curtain, in the recap."""

from __future__ import annotations

import pytest

from game.i18n import set_language
from game.levels.model import SIDES
from game.ui.runtime import App
from game.ui.scenes.resolution import ResolutionScene
from game.ui.settings import Settings
from game.ui.shot import Shot

PRIVATE = ("bought", "Budget next quarter", "Research talent", "Power:", "Chips:", "power bill")


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    set_language("en")
    app = App(settings=Settings(language="en"), size=(1280, 720), persist=False)
    yield app
    set_language("en")


def column_words(app, mode: str) -> dict[str, str]:
    shot = Shot(turn=5, seed=11, options={"phase": "report", "mode": mode})
    scene = ResolutionScene.for_shot(app, shot)
    app.stack.reset(scene)
    app.step(dt=1 / 30)
    voice = "you" if scene.session.viewer else "they"
    return {
        side: "\n".join(b.text + " " + b.value for b in scene._report_blocks(side, voice))
        for side in SIDES
    }


def test_hot_seat_report_shows_neither_side_private_detail(app):
    words = column_words(app, "hotseat")
    for side in SIDES:
        assert "Capability:" in words[side]  # the climb the ladder shows anyway
        for private in PRIVATE:
            assert private not in words[side], (side, private, words[side])


def test_against_the_ai_the_player_sees_own_detail_and_only_the_rival_public_news(app):
    words = column_words(app, "vs_ai")
    assert "bought" in words["usa"] and "Budget next quarter" in words["usa"]
    for private in PRIVATE:
        assert private not in words["china"], private


def test_the_hot_seat_recap_behind_the_curtain_has_the_own_detail(app):
    from game.ui.flow import recap_lines

    match = Shot(turn=5, seed=11).match
    recap = "\n".join(recap_lines(match, "china", ledger=True))
    assert "Chips:" in recap and "bought" in recap and "Research talent:" in recap
