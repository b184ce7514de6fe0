"""Motion: the quarter's report moves on a clock the test steps (never the wall clock); a
click completes an animation without turning the page; Reduce motion shows end states at
once; a whole quarter played with and without motion ends on the very same screen."""

from __future__ import annotations

import pygame
from ui_driver import click, press, settle

from game.drawing.ladder import LadderView, Rung
from game.ui.flow import start_game
from game.ui.motion import Cue, Timeline
from game.ui.runtime import App
from game.ui.scenes.resolution import ResolutionScene
from game.ui.session import GameSession
from game.ui.settings import Settings
from game.ui.shot import Shot
from game.ui.widgets.ladder_motion import CLIMB_SECONDS, ClimbAnimation

FRAME = 1 / 60


def test_timeline_plays_cues_in_time_and_only_the_strongest_when_cut_short():
    heard: list[str] = []
    line = Timeline(1.0, [Cue(0.2, "a", 1), Cue(0.5, "b", 3), Cue(0.9, "c", 2)], heard.append)
    line.step(0.1)
    assert heard == []
    line.step(0.15)
    assert heard == ["a"]
    line.finish()  # b and c were still due: only the higher-ranked one sounds
    assert heard == ["a", "b"] and not line.running
    instant = Timeline(0.0, [Cue(0.0, "x", 0), Cue(0.0, "y", 4)], heard.append)
    assert heard[-1] == "y" and not instant.running


def lead_change_view() -> LadderView:
    """The Titans climb past a rung (40) and overtake the Swarms (2 months behind → 1.5 ahead)."""
    rung = Rung("agents", 40.0, None, ("usa",), ("usa",))
    return LadderView(
        {"usa": 50.0, "china": 36.0},
        {"usa": 30.0, "china": 35.0},
        (rung,),
        1.5,
        "usa",
        "china",
        -2.0,
        1.5,
    )


def test_counters_roll_the_rung_flashes_and_the_gap_pulses_in_order():
    view = lead_change_view()
    climb = ClimbAnimation(view, factor=1.0)
    months = [view.gap_at(k / 10) for k in range(11)]
    assert months[0] == (2.0, "china") and months[-1] == (1.5, "usa")
    assert any(leader == "usa" and 0 < m < 1.5 for m, leader in months)  # rolls through
    flashes, pulses = [], []
    while climb.running:
        climb.step(FRAME)
        fx = climb.effects()
        if fx is not None:
            flashes.append(fx.flash["agents"])
            pulses.append(fx.gap_pulse)
    assert max(flashes) > 0.5 and flashes[-1] == 0  # a flash, then quiet
    first_flash = next(i for i, f in enumerate(flashes) if f > 0)
    first_pulse = next(i for i, g in enumerate(pulses) if g > 0)
    assert first_flash < first_pulse  # the rung is passed during the climb, the lead after
    assert climb.effects() is None and climb.progress == 1


def test_no_lead_change_no_pulse():
    view = lead_change_view()
    calm = LadderView(view.capability, view.previous, view.rungs, 1.5, "usa", "usa", 1.0, 1.5)
    climb = ClimbAnimation(calm, factor=1.0)
    climb.step(CLIMB_SECONDS + 0.1)
    assert climb.effects() is None or climb.effects().gap_pulse == 0


def report_scene(app: App, turn: int = 3) -> ResolutionScene:
    """The report of quarter `turn` (the Titans pass a milestone in Q3 2025), from its start."""
    shot = Shot(turn=turn)
    session = GameSession(
        shot.loaded, "vs_ai", ("usa",), "normal", shot.seed, shot.rules, shot.match
    )
    scene = ResolutionScene(app, session)
    scene._resolved(session.last_record.turn, session.last_record.events)
    if scene.phase != "report":
        scene._enter_report()
    app.push(scene)
    return scene


def test_the_ladder_climbs_over_the_stepped_clock_and_the_milestone_is_heard_on_the_way(home):
    app = App(settings=Settings(language="en"), persist=False)
    scene = report_scene(app)
    assert scene.progress == 0 and scene.moving()
    assert "milestone_own" not in app.audio.requested
    for _ in range(round(CLIMB_SECONDS / 2 / FRAME)):
        app.step([], FRAME)
    assert 0.3 < scene.progress < 1  # half the time, more than half the way (eased)
    middle = pygame.image.tobytes(app.window, "RGB")
    for _ in range(round(CLIMB_SECONDS / FRAME) + 60):
        app.step([], FRAME)
    assert scene.progress == 1 and not scene.moving()
    assert pygame.image.tobytes(app.window, "RGB") != middle  # it was seen moving
    assert list(app.audio.requested).count("milestone_own") == 1


def test_a_click_during_the_climb_completes_it_and_does_not_turn_the_page(home):
    app = App(settings=Settings(language="en"), persist=False)
    scene = report_scene(app)
    click(app, scene.widgets["resolution.continue"])
    assert app.stack.top is scene and scene.phase == "report"
    assert scene.progress == 1 and not scene.moving()
    assert "milestone_own" in app.audio.requested  # cut short, but still heard
    click(app, scene.widgets["resolution.continue"])
    assert app.stack.top is not scene  # the second click moves on


def test_a_click_anywhere_completes_the_card_slide(home):
    app = App(settings=Settings(language="en"), persist=False)
    shot = Shot(turn=3)
    session = GameSession(
        shot.loaded, "vs_ai", ("usa",), "normal", shot.seed, shot.rules, shot.match
    )
    scene = ResolutionScene(app, session)
    scene._resolved(session.last_record.turn, session.last_record.events)
    app.push(scene)
    assert scene.phase == "cards" and scene.slide.running
    assert app.audio.requested[-1] in ("card_history", "card_random")
    for _ in range(200):  # the input guard drops presses until the new screen has settled
        if app.input_ready():
            break
        settle(app, 1)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(640, 600), button=1))
    settle(app, 1)
    # The click completes the slide (or finds it done); it never skips the card.
    assert not scene.slide.running and scene.card_index == 0


def test_reduce_motion_shows_the_end_state_at_once(home):
    for settings in (
        Settings(language="en", reduce_motion=True),
        Settings(language="en").with_projector(True),
    ):
        app = App(settings=settings, persist=False)
        scene = report_scene(app)
        assert scene.progress == 1 and not scene.moving() and not scene.animating()
        assert app.audio.requested[-1] == "milestone_own"


def play_a_quarter(reduce_motion: bool) -> tuple[bytes, int, list[str]]:
    """Hot-seat, keyboard only: both sides end their turn, every card and the report are
    paged through, up to the next quarter's turn screen. Returns its pixels, how many
    presses the resolution took and the sounds asked for."""
    app = App(settings=Settings(language="en", reduce_motion=reduce_motion), persist=False)
    app.push("menu")
    shot = Shot()
    session = GameSession.new(shot.loaded, "hotseat", seed=11, rules=shot.rules)
    start_game(app, session)
    presses = 0
    while not session.match.turns or app.stack.top.name != "turn":
        scene = app.stack.top
        if scene.name == "curtain":
            press(app, pygame.K_SPACE)
        elif scene.name == "turn":
            press(app, pygame.K_e)
        elif scene.name == "resolution":
            settle(app, 1)
            if scene.phase != "waiting":
                press(app, pygame.K_RETURN)
                presses += 1
        else:
            raise AssertionError(f"unexpected scene {scene.name}")
        assert presses < 40 and app.last_crash_log is None
    settle(app, 5)
    return pygame.image.tobytes(app.window, "RGB"), presses, list(app.audio.requested)


def test_a_quarter_with_and_without_motion_ends_on_the_same_screen(home):
    still, still_presses, still_sounds = play_a_quarter(reduce_motion=True)
    moving, moving_presses, moving_sounds = play_a_quarter(reduce_motion=False)
    assert moving == still
    # With motion a page takes a second press only while it still moves (the input guard
    # may outlast a short animation); never a page skipped.
    assert still_presses <= moving_presses <= 2 * still_presses
    assert still_sounds == moving_sounds
    assert {"end_turn", "card_history"} <= set(still_sounds)


def test_the_superintelligence_band_is_drawn_narrower_so_the_rungs_below_keep_room():
    from game.drawing.ladder import BELOW_BAND_SHARE, height_share

    # The band from 50 to 100 takes the top 30% of the ladder, not its upper half.
    assert height_share(50.0, 50.0) == BELOW_BAND_SHARE
    assert height_share(25.0, 50.0) == BELOW_BAND_SHARE / 2
    assert height_share(100.0, 50.0) == 1.0
    ys = [height_share(c, 50.0) for c in range(0, 101, 5)]
    assert ys == sorted(ys)
    # Without a band (or a narrow one at the top) the ladder stays linear.
    assert height_share(40.0, 100.0) == 0.4
    assert height_share(40.0, 90.0) == 0.4
