"""Bursts of real pygame events at every screen that moves the game on.

A double click on End turn once skipped the first event card, and eight quick clicks on
Next skipped every card and the report. Here an impatient player hammers the button that
advances (or the key), frame by frame on a fake clock, and every card and the report must
still have been on screen, in order; a single burst moves on one screen only.
"""

from __future__ import annotations

import time

import pygame
import pytest
from ui_driver import settle, wait_until_ready

from game.engine.events import CardFired
from game.levels.loader import load_level
from game.levels.locations import MAIN_LEVEL
from game.match import Match
from game.ui.flow import next_scene
from game.ui.input_guard import LONGEST_SECONDS, QUIET_SECONDS
from game.ui.runtime import App
from game.ui.session import GameSession
from game.ui.settings import Settings

DT = 1 / 60
#: The buttons that move the game on, on every screen of a quarter and of the start.
ADVANCING = (
    "menu.new_game",
    "setup.start",
    "curtain.ready_button",
    "curtain.start_turn",
    "turn.end",
    "resolution.next",
    "resolution.report",
    "resolution.continue",
    "resolution.to_end",
)
#: Quarter 4 of the main level opens three scripted event cards, whatever the seed.
CARD_TURN = 3


@pytest.fixture(scope="module")
def loaded():
    return load_level(MAIN_LEVEL)


def make_app() -> App:
    return App(settings=Settings(language="en", animation_speed="off"), persist=False)


def page(app: App) -> tuple:
    """What the player sees: the scene, and for the resolution its phase and card."""
    top = app.stack.top
    if top.name == "resolution":
        return ("resolution", top.phase, top.card_index if top.phase == "cards" else 0)
    if top.name == "turn":
        return ("turn", len(top.match.turns))
    if top.name == "curtain":
        return ("curtain", top.side, top.covered)
    return (top.name,)


def advancing_button(app: App):
    widgets = app.stack.top.widgets
    return next((widgets[n] for n in ADVANCING if n in widgets), None)


def post_click(pos, times: int = 1) -> None:
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    )
    for _ in range(times):
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))


def post_key(key: int, mod: int = 0, *, down: bool = True, up: bool = True) -> None:
    kinds = [k for k, on in ((pygame.KEYDOWN, down), (pygame.KEYUP, up)) if on]
    for kind in kinds:
        pygame.event.post(pygame.event.Event(kind, key=key, mod=mod, unicode="", scancode=0))


def runs(pages: list[tuple]) -> list[tuple[tuple, int]]:
    """Consecutive frames on the same page: [(page, frames), ...]."""
    out: list[tuple[tuple, int]] = []
    for p in pages:
        if out and out[-1][0] == p:
            out[-1] = (p, out[-1][1] + 1)
        else:
            out.append((p, 1))
    return out


def hammer(app: App, stop, *, per_second: float = 8, clicks: int = 1, key=None, seconds=40):
    """Click the advancing button (or press `key`) `per_second` times a second until
    `stop()`; returns the pages shown, frame by frame."""
    gap = max(1, round(1 / (per_second * DT)))
    shown = [page(app)]
    for frame in range(round(seconds / DT)):
        if frame % gap == 0:
            if key is not None:
                post_key(*key)
            else:
                target = advancing_button(app)
                if target is not None:
                    post_click(target.rect.center, clicks)
        app.step(dt=DT)
        shown.append(page(app))
        if stop():
            return shown
    raise AssertionError(f"never stopped; last page {page(app)}")


def session_at_cards(loaded, home) -> tuple[App, GameSession]:
    """A game against the easy AI, the Titans to play quarter 4 (three event cards)."""
    from game.engine import compile_rules

    rules = compile_rules(loaded.level)
    match = Match.start(rules, 2)
    probe = GameSession.new(loaded, "ai_demo", "usa", "easy", seed=2, rules=rules, match=match)
    probe.cancel()
    for _ in range(CARD_TURN):
        match.play_turn({s: probe.stand_in(s) for s in ("usa", "china")})
    session = GameSession.new(loaded, "vs_ai", "usa", "easy", seed=2, rules=rules, match=match)
    app = make_app()
    app.push("menu")
    next_scene(app, session)
    deadline = time.monotonic() + 30
    while not all(task.done() for task in session.tasks.values()):  # the AI on its thread
        assert time.monotonic() < deadline, "the AI never decided"
        app.step(dt=DT)
        time.sleep(0.005)
    wait_until_ready(app)
    return app, session


def quarter_pages(shown: list[tuple]) -> list[tuple[tuple, int]]:
    return [(p, n) for p, n in runs(shown) if p[:2] != ("resolution", "waiting")]


def assert_every_card_and_the_report(app, session, shown, min_frames: int) -> None:
    n_cards = sum(isinstance(e, CardFired) for e in session.match.turns[-1].events)
    assert n_cards >= 2, "the quarter must open several cards for this test"
    expected = [
        ("turn", CARD_TURN),
        *[("resolution", "cards", i) for i in range(n_cards)],
        ("resolution", "report", 0),
        ("turn", CARD_TURN + 1),
    ]
    seen = quarter_pages(shown)
    assert [p for p, _ in seen] == expected
    for p, frames in seen[1:-1]:  # every card and the report stood long enough to read
        assert frames >= min_frames, f"{p} shown for {frames} frames only"


@pytest.mark.parametrize(
    ("per_second", "clicks"),
    [(8, 1), (12, 1), (4, 2)],  # eight and twelve clicks a second; double clicks
    ids=["8-per-second", "12-per-second", "double-clicks"],
)
def test_hammering_the_advancing_button_shows_every_card_and_the_report(
    home, loaded, per_second, clicks
):
    app, session = session_at_cards(loaded, home)
    shown = hammer(
        app,
        lambda: page(app) == ("turn", CARD_TURN + 1),
        per_second=per_second,
        clicks=clicks,
    )
    assert_every_card_and_the_report(app, session, shown, round(QUIET_SECONDS / DT))


def test_hammering_enter_shows_every_card_and_the_report(home, loaded):
    app, session = session_at_cards(loaded, home)
    shown = hammer(
        app,
        lambda: page(app) == ("turn", CARD_TURN + 1),
        per_second=10,
        key=(pygame.K_RETURN, pygame.KMOD_CTRL),  # Ctrl+Enter ends the turn, Enter turns pages
    )
    assert_every_card_and_the_report(app, session, shown, round(QUIET_SECONDS / DT))


def test_one_burst_of_eight_clicks_moves_on_one_page(home, loaded):
    """Eight clicks within a second at one spot: End turn once, then the first card stays."""
    app, _ = session_at_cards(loaded, home)
    spot = app.stack.top.widgets["turn.end"].rect.center
    shown = [page(app)]
    for frame in range(round(1.0 / DT)):
        if frame % round(1 / (8 * DT)) == 0:
            post_click(spot)
        app.step(dt=DT)
        shown.append(page(app))
    settle(app, 5)
    assert page(app) == ("resolution", "cards", 0)
    assert [p for p, _ in quarter_pages(shown)] == [
        ("turn", CARD_TURN),
        ("resolution", "cards", 0),
    ]


def test_a_held_key_repeating_moves_on_one_page(home, loaded):
    """Ctrl+Enter held down: SDL repeats the key-down; only the first one counts."""
    app, _ = session_at_cards(loaded, home)
    post_key(pygame.K_RETURN, pygame.KMOD_CTRL, up=False)
    app.step(dt=DT)
    for _ in range(round(3 * LONGEST_SECONDS / 0.05)):  # repeats every 50 ms for 4.5 s
        post_key(pygame.K_RETURN, pygame.KMOD_CTRL, up=False)
        for _ in range(3):
            app.step(dt=DT)
    assert page(app) == ("resolution", "cards", 0)
    post_key(pygame.K_RETURN, pygame.KMOD_CTRL, down=False)  # released
    settle(app)
    wait_until_ready(app)
    post_key(pygame.K_RETURN)  # a new press is a new intent
    settle(app)
    assert page(app) == ("resolution", "cards", 1)


def test_new_game_then_start_in_one_burst_never_submits_the_default_split(home):
    """New game, Start and End turn once stood at one spot: a burst there opens the setup
    screen only; a double click on Start opens the turn screen and submits nothing."""
    app = make_app()
    app.push("menu")
    wait_until_ready(app)
    spot = app.stack.top.widgets["menu.new_game"].rect.center
    for frame in range(round(1.0 / DT)):
        if frame % round(1 / (8 * DT)) == 0:
            post_click(spot)
        app.step(dt=DT)
    settle(app, 5)
    assert page(app) == ("setup",)
    wait_until_ready(app)
    post_click(app.stack.top.widgets["setup.start"].rect.center, times=2)  # a double click
    settle(app, 2)
    end = app.stack.top.widgets["turn.end"]
    post_click(end.rect.center, times=2)  # the rest of the burst lands on End turn
    settle(app, 5)
    turn = app.stack.top
    assert turn.name == "turn" and not turn.submitted
    assert turn.match.turns == []
    shown = hammer(app, lambda: app.stack.top.name != "turn", per_second=8)
    assert runs(shown)[0][1] >= round(QUIET_SECONDS / DT)  # the turn screen could be read


def test_hammering_through_a_hot_seat_quarter_shows_both_curtains_and_every_card(home, loaded):
    from game.engine import compile_rules

    rules = compile_rules(loaded.level)
    session = GameSession.new(loaded, "hotseat", "usa", "easy", seed=2, rules=rules)
    app = make_app()
    app.push("menu")
    next_scene(app, session)
    wait_until_ready(app)
    shown = hammer(app, lambda: page(app) == ("resolution", "report", 0), per_second=8)
    n_cards = sum(isinstance(e, CardFired) for e in session.match.turns[-1].events)
    seen = quarter_pages(shown)
    assert [p for p, _ in seen] == [
        ("curtain", "usa", True),
        ("curtain", "usa", False),
        ("turn", 0),
        ("curtain", "china", True),
        ("curtain", "china", False),
        ("turn", 0),
        *[("resolution", "cards", i) for i in range(n_cards)],
        ("resolution", "report", 0),
    ]
    for p, frames in seen[1:-1]:  # the first was on screen before the burst began
        assert frames >= round(QUIET_SECONDS / DT), f"{p} shown for {frames} frames only"
