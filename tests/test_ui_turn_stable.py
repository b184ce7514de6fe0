"""The turn screen stays where the player left it: the policy list keeps its order and its
scroll from quarter to quarter, arrows never wander out of a panel, digits always type a
share, and a policy that hurts its own side is only played after a question."""

from __future__ import annotations

import pygame
import pytest
from ui_driver import click, press, wait_until_ready

from game.players.base import Decision
from game.ui.runtime import App
from game.ui.scenes.turn import TurnScene
from game.ui.scenes.turn_policies import policy_entries
from game.ui.settings import Settings
from game.ui.shot import Shot


@pytest.fixture(scope="module")
def shot():
    return Shot(turn=0, seed=7)


def open_turn(app, match, side="china"):
    sent = []
    scene = TurnScene(app, match, side, sent.append)
    app.push(scene)
    wait_until_ready(app)
    return scene, sent


def test_policy_order_is_the_same_every_quarter(shot):
    """Playing a policy used to move it (and everything after it) down the list."""
    from game.engine import Orders
    from game.ui.session import GameSession

    rules = shot.rules
    helper = GameSession.new(shot.loaded, "ai_demo", "usa", "easy", seed=7, rules=rules)
    helper.cancel()
    match = helper.match
    first = [e.id for e in policy_entries(rules, match.state, "china")]
    for _ in range(6):
        decisions = {s: helper.stand_in(s) for s in ("usa", "china")}
        playable = [e.id for e in policy_entries(rules, match.state, "china") if e.available]
        if "china_talent_return" in playable:
            allocation = decisions["china"].orders.allocation
            decisions["china"] = Decision(Orders(allocation, "china_talent_return"))
        match.play_turn(decisions)
        entries = policy_entries(rules, match.state, "china")
        assert [e.id for e in entries] == first  # resting ones stay in place, greyed
    assert any(not e.available for e in entries)


def test_a_self_harming_policy_asks_first(home, shot):
    from game.match import Match

    app = App(settings=Settings(language="en"), persist=False)
    app.push("menu")
    scene, _ = open_turn(app, Match.start(shot.rules, 7))
    entries = scene.policies.entries
    index = next(i for i, e in enumerate(entries) if e.id and e.available and e.harms)
    harming = entries[index].id
    press(app, pygame.K_p)
    for _ in range(index):
        press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    question = app.stack.top
    assert question.name == "confirm"
    press(app, pygame.K_RETURN)  # the focused answer is the safe one
    assert app.stack.top is scene and scene.policies.selected is None
    press(app, pygame.K_RETURN)
    click(app, app.stack.top.widgets["turn.harm_yes"])
    assert app.stack.top is scene and scene.policies.selected == harming
    harmless = next(e for e in scene.policies.entries if e.id and e.available and not e.harms)
    scene.policies.choose(scene.policies.entries.index(harmless))
    app.step()
    assert app.stack.top is scene and scene.policies.selected == harmless.id


def test_arrows_stay_in_the_split_and_digits_always_type_a_share(home, shot):
    from game.match import Match

    app = App(settings=Settings(language="en"), persist=False)
    app.push("menu")
    scene, _ = open_turn(app, Match.start(shot.rules, 7))
    assert scene.slot == "alloc" and scene.alloc.row == 0
    press(app, pygame.K_UP)  # on the Chips row: stays on the split
    assert scene.slot == "alloc" and scene.alloc.row == 0
    for _ in range(5):
        press(app, pygame.K_DOWN)
    assert scene.slot == "alloc" and scene.alloc.row == 3
    press(app, pygame.K_p)
    assert scene.slot == "policies"
    press(app, pygame.K_4, "4")
    assert scene.slot == "alloc" and scene.alloc.editing == "4"


def test_the_policy_list_keeps_its_scroll_into_the_next_quarter(home, shot):
    from game.match import Match

    app = App(settings=Settings(language="en", ui_scale=1.5), persist=False)
    app.push("menu")
    match = Match.start(shot.rules, 7)
    scene, _ = open_turn(app, match)
    rect = scene.policies.list_rect
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0))
    )
    app.step()
    pygame.mouse.set_pos(rect.center)
    for _ in range(2):
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
        app.step()
    scrolled = scene.policies.scroll
    if scrolled == 0:
        pytest.skip("the whole list fits at this size")
    app.pop()
    again, _ = open_turn(app, match)
    assert again.policies.scroll == scrolled
