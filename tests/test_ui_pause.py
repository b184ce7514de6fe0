"""The pause menu, by real events: Esc and Menu on the turn screen, Esc on the curtain,
saving under a name, leaving with a question, and Continue picking up where one left."""

from __future__ import annotations

import pygame
import pytest
from ui_driver import click, press

from game.i18n import t
from game.levels.loader import load_level
from game.levels.locations import MAIN_LEVEL
from game.ui.flow import start_game
from game.ui.runtime import App
from game.ui.session import GameSession
from game.ui.settings import Settings


@pytest.fixture(scope="module")
def loaded():
    return load_level(MAIN_LEVEL)


def game(loaded, mode: str = "vs_ai", lang: str = "en") -> tuple[App, GameSession]:
    app = App(settings=Settings(language=lang, animation_speed="off"), persist=False)
    app.push("menu")
    app.push("setup")  # start_game replaces the setup screen, as after Start
    session = GameSession.new(loaded, mode, "usa", "easy", seed=5)
    start_game(app, session)
    return app, session


def names(app: App) -> list[str]:
    return [scene.name for scene in app.stack]


def test_esc_on_the_turn_screen_pauses_and_esc_again_resumes_with_edits_kept(home, loaded):
    app, session = game(loaded)
    turn = app.stack.top
    assert turn.name == "turn"
    press(app, pygame.K_RIGHT)  # nudge the focused share
    percents = list(turn.alloc.percents)
    press(app, pygame.K_ESCAPE)
    assert names(app) == ["menu", "turn", "pause"]
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is turn and turn.alloc.percents == percents
    session.cancel()


def test_menu_button_then_quit_goes_to_the_menu_and_continue_resumes_there(home, loaded):
    app, session = game(loaded)
    click(app, app.stack.top.widgets["flow.menu"])
    assert app.stack.top.name == "pause"
    click(app, app.stack.top.widgets["pause.quit"])  # nothing edited: no question
    menu = app.stack.top
    assert names(app) == ["menu"]
    focused = menu.focus_order[menu.focus_index]
    assert focused is menu.widgets["menu.continue"]  # a returning player's first choice
    caption = menu.caption
    assert "Cold AI War" in caption and "Q1 2025" in caption and "AI (easy)" in caption
    press(app, pygame.K_RETURN)
    assert names(app) == ["menu", "turn"]
    assert app.stack.top.match is session.match
    session.cancel()


def test_leaving_with_edited_orders_asks_first(home, loaded):
    app, session = game(loaded, lang="de")
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_ESCAPE)
    pause = app.stack.top
    click(app, pause.widgets["pause.quit"])
    assert pause.page == "confirm" and t("pause.lose_edits") in pause._text()
    click(app, pause.widgets["pause.stay"])
    assert pause.page == "main" and names(app)[-1] == "pause"
    click(app, pause.widgets["pause.quit"])
    click(app, pause.widgets["pause.leave_now"])
    assert names(app) == ["menu"]
    session.cancel()


def test_esc_on_the_hot_seat_curtain_asks_and_keeps_the_orders_already_sent(home, loaded):
    app, session = game(loaded, mode="hotseat")
    press(app, pygame.K_SPACE)
    press(app, pygame.K_SPACE)
    assert app.stack.top.name == "turn" and app.stack.top.side == "usa"
    click(app, app.stack.top.widgets["turn.end"])
    assert app.stack.top.name == "curtain" and app.stack.top.side == "china"
    assert "usa" in session.pending
    press(app, pygame.K_ESCAPE)
    pause = app.stack.top
    assert pause.name == "pause", "Esc on the curtain must not leave the game"
    click(app, pause.widgets["pause.quit"])
    assert pause.page == "confirm"
    assert t("pause.keep_sent", name=t("faction.usa.name")) in pause._text()
    click(app, pause.widgets["pause.leave_now"])
    assert names(app) == ["menu"] and "usa" in session.pending
    press(app, pygame.K_RETURN)  # Continue
    assert app.stack.top.name == "curtain" and app.stack.top.side == "china"
    assert "usa" in session.pending


def test_save_under_a_name_writes_its_own_file(home, loaded):
    app, session = game(loaded)
    press(app, pygame.K_ESCAPE)
    pause = app.stack.top
    click(app, pause.widgets["pause.save"])
    entry = pause.widgets["pause.name"]
    entry.set_text("Group 3")
    click(app, pause.widgets["pause.save_now"])
    saved = list((home / "saves").glob("*.json")) if (home / "saves").exists() else []
    saved = saved or list(home.rglob("group-3.json"))
    assert [p.name for p in saved if p.name == "group-3.json"] == ["group-3.json"]
    assert pause.page == "main" and "group-3.json" in pause._text()
    session.cancel()


def test_esc_on_the_turn_report_pauses_instead_of_dropping_the_game(home, loaded):
    import time

    app, session = game(loaded)
    click(app, app.stack.top.widgets["turn.end"])
    deadline = time.monotonic() + 30
    while app.stack.top.name == "resolution" and app.stack.top.phase == "waiting":
        assert time.monotonic() < deadline
        app.step()
        time.sleep(0.005)
    assert app.stack.top.name == "resolution"
    press(app, pygame.K_ESCAPE)
    assert names(app) == ["menu", "resolution", "pause"]
    click(app, app.stack.top.widgets["pause.quit"])
    assert names(app) == ["menu"] and len(session.match.turns) == 1


def close_window(app: App) -> None:
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.step()


def test_closing_the_window_with_unsent_orders_asks_once(home, loaded):
    app, session = game(loaded)
    close_window(app)  # nothing edited: closes at once
    assert not app.running
    app, session = game(loaded)
    press(app, pygame.K_RIGHT)
    close_window(app)
    assert app.running and app.stack.top.name == "pause" and app.stack.top.closing
    click(app, app.stack.top.widgets["pause.stay"])
    assert app.stack.top.name == "turn"
    close_window(app)
    close_window(app)  # asked already: the second close request closes
    assert not app.running
    session.cancel()


def test_closing_on_the_curtain_names_the_orders_that_would_be_lost(home, loaded):
    app, _ = game(loaded, mode="hotseat")
    press(app, pygame.K_SPACE)
    press(app, pygame.K_SPACE)
    click(app, app.stack.top.widgets["turn.end"])
    assert app.stack.top.name == "curtain"
    close_window(app)
    question = app.stack.top
    assert question.name == "pause" and app.running
    assert t("pause.lose_sent", name=t("faction.usa.name")) in question._text()
    click(app, question.widgets["pause.close_now"])
    assert not app.running
