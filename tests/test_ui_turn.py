"""The turn screen driven by real pygame events: mouse alone, keyboard alone, End turn."""

from __future__ import annotations

import pygame
import pytest
from hypothesis import given
from hypothesis import strategies as st
from level_factory import make_rules
from ui_driver import click_at, press, wait_until_ready

from game.drawing import draw as draw_module
from game.drawing import fmt
from game.engine import Allocation, Orders, check
from game.match import Match
from game.players.base import Decision
from game.ui.runtime import App
from game.ui.scenes.turn import TurnScene
from game.ui.settings import Settings
from game.ui.widgets.allocation import rebalance


@pytest.fixture
def app(monkeypatch, tmp_path):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    application = App(settings=Settings(language="en"), persist=False)
    yield application
    pygame.event.clear()


@pytest.fixture
def drawn(monkeypatch):
    """Every text drawn through draw_text this test, with whether it had to be cut."""
    seen: list[tuple[str, bool]] = []
    original = draw_module.fit_text

    def recording(text, *args, **kwargs):
        fitted = original(text, *args, **kwargs)
        seen.append((text, fitted.cut))
        return fitted

    monkeypatch.setattr(draw_module, "fit_text", recording)
    return seen


def step(app: App, n: int = 2) -> None:
    for _ in range(n):
        app.step()


def post(event_type: int, **attrs) -> None:
    pygame.event.post(pygame.event.Event(event_type, **attrs))


def start(app: App, match: Match | None = None, side: str = "usa"):
    match = match or Match.start(make_rules(), seed=3)
    sent: list[Orders] = []
    scene = TurnScene(app, match, side, sent.append)
    app.push(scene)
    wait_until_ready(app)
    return scene, sent


def assert_exact_split(scene: TurnScene) -> None:
    assert sum(scene.alloc.percents) == 100
    shares = scene.alloc.allocation().as_tuple()
    assert sum(shares) == pytest.approx(1.0, abs=1e-12)
    assert all(s >= 0 for s in shares)


def test_drag_a_share_with_the_mouse(app, drawn):
    scene, _ = start(app)
    track = scene.alloc.rows[0]["track"]
    press_at = (track.left + track.width // 10, track.centery)
    target = (track.left + round(track.width * 0.6), track.centery)
    post(pygame.MOUSEBUTTONDOWN, pos=press_at, button=1)
    post(pygame.MOUSEMOTION, pos=target, rel=(1, 0), buttons=(1, 0, 0))
    post(pygame.MOUSEBUTTONUP, pos=target, button=1)
    drawn.clear()
    step(app, 2)
    assert scene.alloc.percents[0] == 60
    assert_exact_split(scene)
    budget = scene.view.me.budget
    texts = [text for text, _ in drawn]
    for share in scene.alloc.percents:  # the $bn beside each share is what it will buy
        assert fmt.bn(budget * share / 100) in texts


def test_keyboard_alone_moves_and_types_shares(app):
    scene, _ = start(app)
    press(app, pygame.K_a)
    press(app, pygame.K_DOWN)  # energy
    before = scene.alloc.percents[1]
    for _ in range(3):
        press(app, pygame.K_RIGHT)
    press(app, pygame.K_RIGHT, mod=pygame.KMOD_SHIFT)
    assert scene.alloc.percents[1] == before + 8
    assert_exact_split(scene)
    press(app, pygame.K_DOWN)  # talent: type 40
    press(app, pygame.K_4, unicode="4")
    press(app, pygame.K_0, unicode="0")
    press(app, pygame.K_RETURN)
    assert scene.alloc.percents[2] == 40
    assert_exact_split(scene)


def test_click_a_percentage_and_type_a_number(app):
    scene, _ = start(app)
    click_at(app, scene.alloc.rows[3]["pct"].center)
    assert scene.alloc.editing == ""
    for key, char in ((pygame.K_7, "7"), (pygame.K_5, "5")):
        press(app, key, unicode=char)
    press(app, pygame.K_RETURN)
    assert scene.alloc.percents[3] == 75
    assert_exact_split(scene)


def test_pick_a_policy_and_end_turn_with_the_mouse(app, drawn):
    scene, sent = start(app)
    index = next(i for i, e in enumerate(scene.policies.entries) if e.id == "boost")
    item_y = (
        scene.policies.list_rect.top + index * scene.policies.item_h + scene.policies.item_h // 2
    )
    drawn.clear()
    click_at(app, (scene.policies.list_rect.centerx, item_y))
    assert scene.policies.selected == "boost"
    budget = scene.view.me.budget
    assert any(fmt.bn(budget - 10.0) in text for text, _ in drawn)  # the split shrinks by its cost
    click_at(app, scene.widgets["turn.end"].rect.center)
    assert len(sent) == 1
    assert sent[0].policy == "boost"
    assert check(scene.rules, scene.match.state, "usa", sent[0]) == []


def _after_boost() -> Match:
    match = Match.start(make_rules(), seed=3)
    even = Orders(Allocation(0.25, 0.25, 0.25, 0.25))
    match.play_turn({"usa": Decision(Orders(even.allocation, "boost")), "china": Decision(even)})
    return match


def test_illegal_end_turn_shows_the_reason_and_sends_nothing(app, drawn):
    scene, sent = start(app, _after_boost())
    boost = next(e for e in scene.policies.entries if e.id == "boost")
    assert not boost.available and "only once" in boost.why_not
    scene.policies.selected = "boost"  # e.g. orders kept from an earlier quarter
    drawn.clear()
    press(app, pygame.K_e)
    step(app)
    assert sent == []
    texts = " ".join(text for text, _ in drawn)
    assert "End turn is not possible yet" in texts
    assert "can be played only once" in texts
    # A greyed policy cannot be chosen: clicking it explains why instead.
    scene.policies.selected = None
    index = scene.policies.entries.index(boost)
    y = scene.policies.list_rect.top + index * scene.policies.item_h + scene.policies.item_h // 2
    click_at(app, (scene.policies.list_rect.centerx, y))
    assert scene.policies.selected is None
    assert scene.policies.refused


def test_keyboard_end_turn_sends_legal_orders(app):
    scene, sent = start(app)
    press(app, pygame.K_p)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert scene.policies.selected == "boost"
    press(app, pygame.K_RETURN, mod=pygame.KMOD_CTRL)
    assert len(sent) == 1
    assert check(scene.rules, scene.match.state, "usa", sent[0]) == []
    press(app, pygame.K_e)
    assert len(sent) == 1  # never twice


def test_charts_open_large_and_close(app):
    start(app)
    press(app, pygame.K_c)
    assert app.stack.top.name == "charts"
    press(app, pygame.K_ESCAPE)
    assert app.stack.top.name == "turn"


def test_tab_reaches_every_control_and_switches_pages_when_compact(monkeypatch, tmp_path):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    app = App(settings=Settings(language="en", ui_scale=2.0), persist=False)
    scene, _ = start(app)
    assert scene.layout.compact
    scene.show_page("race")
    press(app, pygame.K_a)
    assert scene.page == "decide" and scene.slot == "alloc"
    seen = set()
    for _ in range(len(scene.focus_order) + 2):
        press(app, pygame.K_TAB)
        seen.add(scene.slot)
    assert {"alloc", "policies", "turn.end"} <= seen
    press(app, pygame.K_r)
    assert scene.page == "race"


def test_every_stock_says_what_it_does_and_where_its_figure_comes_from(app):
    scene, _ = start(app)
    rect = scene.layout.panels["stocks"]
    texts = {
        scene.tips_static.text_at((rect.centerx, y)) for y in range(rect.top + 40, rect.bottom, 8)
    }
    texts.discard(None)
    assert len(texts) >= 8
    for text in texts:
        first, *origin = text.split("\n")
        assert len(first) > 20
        assert origin and all(line.startswith(("Source:", "Assumption:")) for line in origin)


@given(
    st.lists(st.integers(0, 100), min_size=4, max_size=4).filter(lambda v: sum(v) > 0),
    st.integers(0, 3),
    st.floats(-20, 130),
)
def test_moving_one_share_keeps_the_total_at_100(weights, index, value):
    start_split = rebalance(weights, 0, weights[0] * 100 / sum(weights))
    assert sum(start_split) == 100
    moved = rebalance(start_split, index, value)
    assert sum(moved) == 100
    assert all(v >= 0 for v in moved)
    assert moved[index] == max(0, min(100, round(value)))
    assert sum(Allocation.normalised(moved).as_tuple()) == pytest.approx(1.0, abs=1e-12)


def test_the_bottom_bar_projects_the_split_to_the_end_and_names_waste():
    from game.engine import Allocation, Orders, compile_rules, new_game
    from game.engine.view import observe
    from game.levels.loader import load_level
    from game.ui.scenes.turn_draw import forecast_text, waste_text
    from game.ui.scenes.turn_info import forecast

    rules = compile_rules(load_level("levels/cold-ai-war.yaml").level)
    view = observe(rules, new_game(rules, 5), "usa")
    energy_heavy = forecast(rules, view, Orders(Allocation(0, 1, 0, 0)))
    assert "Q" in forecast_text(energy_heavy) and "tries" in forecast_text(energy_heavy)
    assert "energy money" in waste_text(energy_heavy.waste)
    sensible = forecast(rules, view, Orders(Allocation(0.4, 0.05, 0.4, 0.15)))
    assert sensible.projection.lead_months[1] > energy_heavy.projection.lead_months[1]


def test_late_game_algorithm_factors_stay_short_enough_for_the_rival_panel():
    from game.engine import compile_rules, new_game
    from game.engine.view import observe
    from game.levels.loader import load_level
    from game.ui.scenes.turn_info import factor_text, stock_rows

    assert factor_text(2.5) == "2.50" and factor_text(57.2) == "57.2"
    assert factor_text(1.84, 1) == "1.8"  # a range of two factors
    assert factor_text(3_585.7) == "3,586"
    assert factor_text(881_163.9) == "881k"
    rules = compile_rules(load_level("levels/cold-ai-war.yaml").level)
    state = new_game(rules, 5)
    for f in state.factions.values():
        f.algo_efficiency = 300_000.0  # where a 2030 game stands
    rival = stock_rows(rules, observe(rules, state, "usa"), "china", brief=True)
    estimate = next(row for row in rival if row.key == "algo_est")
    assert "k" in estimate.value and len(estimate.value) <= 12
