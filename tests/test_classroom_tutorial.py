"""The tutorial is completed by the player's real actions on the real turn screen."""

from __future__ import annotations

import pygame
import pytest
from ui_driver import click_at, press, settle

from game.i18n import t
from game.ui.runtime import App
from game.ui.scenes.tutorial import STEPS
from game.ui.settings import Settings
from game.ui.shot import Shot, render_shot


def open_tutorial(lang: str = "en", scale: float = 1.0) -> App:
    app = App(settings=Settings(language=lang, ui_scale=scale), persist=False)
    app.push("menu")
    settle(app)
    button = app.stack.top.widgets["menu.tutorial"]
    pygame.event.post(
        pygame.event.Event(
            pygame.MOUSEMOTION, pos=button.rect.center, rel=(0, 0), buttons=(0, 0, 0)
        )
    )
    settle(app, 1)
    click_at(app, button.rect.center)
    assert app.stack.top.name == "tutorial"
    return app


@pytest.mark.parametrize(("lang", "scale"), [("en", 1.0), ("de", 2.0)])
def test_tutorial_is_completed_by_real_actions(home, lang, scale):
    app = open_tutorial(lang, scale)
    tut = app.stack.top
    keys = [step.key for step in STEPS]
    assert keys[0] == "welcome" and keys[-1] == "done"
    while tut.step.key in ("welcome", "ladder", "stocks"):
        before = tut.step_index
        click_at(app, tut.buttons["tutorial.next"].center)  # the card's Next button
        assert tut.step_index == before + 1
    assert tut.step.key == "alloc"
    assert "tutorial.next" not in tut.buttons  # this step waits for a real change
    press(app, pygame.K_RIGHT)  # nudge the focused share, as a player would
    assert tut.step.key == "policy"
    press(app, pygame.K_n, "n")
    assert tut.step.key == "forecast"
    press(app, pygame.K_n, "n")
    assert tut.step.key == "end"
    turn_before = tut.match.state.turn
    end = tut.inner.widgets["turn.end"]
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=end.rect.center, rel=(0, 0), buttons=(0, 0, 0))
    )
    settle(app, 1)
    click_at(app, end.rect.center)  # the real End turn button
    assert tut.match.state.turn == turn_before + 1
    assert tut.step.key == "result" and tut.report
    press(app, pygame.K_n, "n")
    assert tut.step.key == "done"
    click_at(app, tut.buttons["tutorial.next"].center)
    assert tut.finished and app.stack.top.name == "menu"


def test_tutorial_can_be_skipped_and_replayed(home):
    app = open_tutorial()
    press(app, pygame.K_ESCAPE)
    assert app.stack.top.name == "menu"
    app = open_tutorial()
    tut = app.stack.top
    click_at(app, tut.buttons["tutorial.skip"].center)
    assert app.stack.top.name == "menu"


def test_tutorial_hint_cards_render(home, tmp_path):
    for step in (0, 3, 6):
        app = render_shot("tutorial", tmp_path / f"t{step}.png", shot=Shot(options={"step": step}))
        scene = app.stack.top
        assert scene.name == "tutorial"
        assert app.window.get_rect().contains(scene.card)


@pytest.mark.parametrize(("lang", "scale"), [("en", 1.0), ("de", 2.0)])
def test_every_tutorial_card_shows_its_words_whole(home, cuts, lang, scale):
    """At 200% German the step counter was squeezed to "Sch / rit…" beside the buttons:
    the card now drops what does not fit instead of cutting it. (The turn screen behind
    may shorten its own policy lines; those have tooltips.)"""
    for step in range(len(STEPS)):
        out = home / f"tutorial-{lang}-{step}.png"
        app = render_shot(
            "tutorial", out, shot=Shot(lang=lang, scale=scale, options={"step": step})
        )
        card = app.stack.top.card
        assert card is not None and pygame.Rect(0, 0, 1280, 720).contains(card)
        key = STEPS[step].key
        words = (t(f"tutorial.step.{key}.title"), t(f"tutorial.step.{key}.text"))
        card_cut = [c for c in cuts if c in words or c.startswith(("Step ", "Schritt "))]
        assert card_cut == [], (step, card_cut)
        cuts.clear()
