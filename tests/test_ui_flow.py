"""The game flow driven with real pygame events: setup, curtain, turn, resolution, end."""

from __future__ import annotations

import time

import pygame
import pytest
import yaml
from level_factory import level_dict
from ui_driver import click, press, settle

from game.i18n import t
from game.levels.model import SIDES
from game.ui.runtime import App
from game.ui.scenes.setup import find_levels
from game.ui.settings import Settings


@pytest.fixture
def level_folder(tmp_path):
    """A small 24-quarter level nobody can win early (the goal is out of reach)."""
    data = level_dict()
    data["calendar"]["turns"] = 24
    data["ladder"]["superintelligence_log10"]["value"] = 45.0
    folder = tmp_path / "levels"
    folder.mkdir()
    (folder / "small.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return folder


def make_app(lang: str = "en", speed: str = "off") -> App:
    return App(settings=Settings(language=lang, animation_speed=speed), persist=False)


def top(app: App):
    return app.stack.top


def wait_for(app: App, predicate, seconds: float = 600.0) -> None:
    """Step the app (AIs think on a thread) until `predicate()` holds.

    The limit only stops a hung test; it is generous so a busy machine never trips it."""
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, f"still on {top(app).name}"
        app.step()
        time.sleep(0.002)


def open_setup(app: App, levels_folder=None):
    app.push("menu")
    settle(app)
    click(app, top(app).widgets["menu.new_game"])
    assert top(app).name == "setup"
    if levels_folder is not None:
        top(app).levels = find_levels(levels_folder)
        top(app).level_index = 0
        top(app).rebuild()
    return top(app)


def test_setup_starts_a_game_against_the_ai(home):
    app = make_app()
    setup = open_setup(app)
    click(app, setup.widgets["setup.side.china"])
    click(app, top(app).widgets["setup.difficulty.easy"])
    for _ in range(8):
        press(app, pygame.K_BACKSPACE)
    assert top(app).widgets["setup.seed_entry"].get_text() == ""
    for digit in "4711":  # digits typed anywhere go to the seed
        press(app, getattr(pygame, f"K_{digit}"), digit)
    assert top(app).seed() == 4711
    click(app, top(app).widgets["setup.start"])
    turn = top(app)
    assert turn.name == "turn" and turn.side == "china"
    click(app, turn.widgets["turn.end"])
    wait_for(app, lambda: top(app).name != "resolution" or top(app).phase != "waiting")
    res = top(app)
    assert res.name == "resolution"
    assert res.session.match.seed == 4711 and res.session.humans == ("china",)
    assert res.session.player_name("usa") == "easy"


def test_a_broken_level_shows_its_problems_not_a_traceback(home, tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "bad.yaml").write_text("schema_version: 1\nid: bad\nturnz: 3\n", "utf-8")
    app = make_app()
    setup = open_setup(app, folder)
    assert not setup.widgets["setup.start"].is_enabled
    click(app, setup.widgets["setup.show_problems"])
    assert top(app).name == "level-errors" and top(app).problems


def play_hotseat(app: App, seen_on_curtain: list[str]) -> None:
    """From the first curtain to the end screen, by keys and clicks only."""
    while top(app).name != "end":
        scene = top(app)
        if scene.name == "curtain":
            assert scene.covered
            seen_on_curtain.append(scene.side)
            press(app, pygame.K_SPACE)  # seated: show the recap
            assert not top(app).covered
            if len(seen_on_curtain) > 2:  # from the second quarter on, there is news
                assert recap_shown(app) and recap_shown(app) != [t("curtain.recap_first")]
            press(app, pygame.K_SPACE)  # start the turn
            assert top(app).name == "turn" and top(app).side == seen_on_curtain[-1]
        elif scene.name == "turn":
            click(app, scene.widgets["turn.end"])
        elif scene.name == "resolution":
            wait_for(app, lambda: top(app).name != "resolution" or top(app).phase != "waiting")
            if top(app).name == "resolution":
                press(app, pygame.K_RETURN)
        else:
            raise AssertionError(f"unexpected scene {scene.name}")


def test_complete_hotseat_game_of_24_turns_through_events(home, level_folder):
    app = make_app()
    setup = open_setup(app, level_folder)
    click(app, setup.widgets["setup.mode.hotseat"])
    assert "setup.side.usa" not in top(app).widgets  # both sides are human
    click(app, top(app).widgets["setup.start"])
    sides: list[str] = []
    play_hotseat(app, sides)
    end = top(app)
    assert len(end.session.match.turns) == 24
    # A curtain before every turn screen, alternating: never one side straight after the other.
    assert sides == [s for _ in range(24) for s in SIDES]
    outcome = end.session.match.state.outcome
    assert outcome is not None and outcome.reason in ("points", "draw")
    assert end.session.autosaved == 24


def test_curtain_cannot_show_the_previous_allocation(home, level_folder):
    """Titans end their turn; the Swarms' curtain holds no match, session or orders."""
    from game.engine import Orders
    from game.match import Match
    from game.ui.session import GameSession

    app = make_app()
    setup = open_setup(app, level_folder)
    click(app, setup.widgets["setup.mode.hotseat"])
    click(app, top(app).widgets["setup.start"])
    press(app, pygame.K_SPACE)
    press(app, pygame.K_SPACE)
    assert top(app).name == "turn" and top(app).side == "usa"
    click(app, top(app).widgets["turn.end"])
    curtain = top(app)
    assert curtain.name == "curtain" and curtain.side == "china" and curtain.covered
    forbidden = (Match, GameSession, Orders)
    held = [v for k, v in vars(curtain).items() if k != "app"]
    assert not any(isinstance(v, forbidden) for v in held)
    # On screen: the handover and one button, nothing else.
    shown = [w.text for w in curtain.widgets.values() if hasattr(w, "text")]
    assert shown == [t("curtain.ready_button")]
    press(app, pygame.K_SPACE)
    assert top(app).recap == []
    assert recap_shown(app) == [t("curtain.recap_first")]  # first quarter: nothing to recap


def recap_shown(app: App) -> list[str]:
    """The recap lines the seated player sees on the curtain, as drawn."""
    scene = top(app)
    scene.draw(app.window)
    return [block.text.removeprefix("•  ") for block in scene.recap_text.blocks]


def test_resolution_shows_every_fired_card_then_the_report(home):
    from game.ui.shot import Shot, render_shot

    shot = Shot(turn=1, lang="en")
    app = render_shot("resolution", _tmp_png(home), shot=shot)
    scene = top(app)
    fired = [e.event for e in scene.events if type(e).__name__ == "CardFired"]
    assert fired, "the first quarter of the main level has scripted events"
    shown = []
    while scene.phase == "cards":
        shown.append(scene.cards[scene.card_index].id)
        press(app, pygame.K_s)  # the source opens on the card
        assert scene.show_source and "resolution.source" in scene.widgets
        click(
            app,
            scene.widgets["resolution.report" if len(shown) == len(fired) else "resolution.next"],
        )
    assert shown == fired
    assert scene.phase == "report"
    lines = [b.text for col in scene.columns for b in col.blocks]
    assert any(t("faction.usa.name") in line for line in lines)


def _tmp_png(home):
    return str(home / "shot.png")


def texts_drawn(scene, app: App, monkeypatch) -> list[str]:
    """Every text the scene hands to `draw_text` in one frame."""
    import game.ui.scenes.end as end

    drawn: list[str] = []
    real = end.draw_text

    def recording(surface, text, *args, **kwargs):
        drawn.append(text)
        return real(surface, text, *args, **kwargs)

    monkeypatch.setattr(end, "draw_text", recording)
    scene.draw(app.window)
    monkeypatch.undo()
    return drawn


def test_end_scene_names_the_winner(home, monkeypatch):
    from game.ui.shot import Shot, render_shot

    app = render_shot("end", _tmp_png(home), shot=Shot(lang="de"))
    scene = top(app)
    outcome = scene.session.match.state.outcome
    assert outcome is not None
    drawn = texts_drawn(scene, app, monkeypatch)
    if outcome.winner:
        assert t("debrief.winner", name=t(f"faction.{outcome.winner}.name")) in drawn
    else:
        assert t("debrief.draw") in drawn
    assert any(t(f"debrief.reason.{outcome.reason}") in text for text in drawn)
    points = [block.text.removeprefix("•  ") for block in scene.points.blocks[1:]]
    assert points and t("debrief.tp_none") not in points  # a whole game has turning points
    click(app, scene.widgets["debrief.new_game"])
    assert top(app).name == "setup"
