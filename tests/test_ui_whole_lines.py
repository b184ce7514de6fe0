"""At 200 % in German on a 1280×720 window, the lines that used to end in "…" are read whole:
the turn screen's waste warning (money a split wastes in every area, and idle chips) and the
debrief's headline sentence (why, when, the final capabilities and the lead). Each is drawn
at its screen's own type size, never shrunk and never cut."""

from __future__ import annotations

import dataclasses

import pytest

import game.ui.scenes.debrief as debrief_module
import game.ui.scenes.end as end_module
import game.ui.scenes.turn_draw as turn_draw
import game.ui.widgets.allocation as allocation_module
from game.classroom.words import final_words, outcome_words
from game.drawing import draw
from game.engine.advice import Idle, Waste
from game.ui.runtime import App
from game.ui.scenes.turn import TurnScene
from game.ui.scenes.turn_draw import waste_text
from game.ui.settings import Settings
from game.ui.shot import Shot, render_shot

CASES = [("de", 2.0), ("en", 2.0), ("de", 1.0), ("en", 1.0)]
#: What the split of the first quarters wastes (chips not on sale, the run's growth limit).
TWO_AREAS = (Waste("chips", 8.2, 4.1), Waste("models", 1.6, 0.8))
#: The most a split was seen to waste (a 2029 quarter, 0/20/20/60), with wide figures.
FOUR_AREAS = (
    Waste("energy", 247.2, 123.6),
    Waste("talent", 218.5, 109.3),
    Idle(0.12, 16.0),
    Waste("models", 159.1, 79.5),
)


def recording(monkeypatch, *modules) -> list[tuple[str, object, draw.Fitted]]:
    """Record (text, rect, how it was fitted) for every `draw_text` of these modules."""
    calls: list[tuple[str, object, draw.Fitted]] = []

    def record(surface, text, rect, *args, **kwargs):
        fitted = draw.draw_text(surface, text, rect, *args, **kwargs)
        calls.append((text, rect.copy(), fitted))
        return fitted

    for module in modules:
        monkeypatch.setattr(module, "draw_text", record)
    return calls


def whole(fitted: draw.Fitted, text: str) -> bool:
    """Every word of `text` is on the fitted lines, none cut with an ellipsis."""
    return not fitted.cut and " ".join(fitted.lines).split() == text.split()


@pytest.mark.parametrize("items", [TWO_AREAS, FOUR_AREAS], ids=["two", "four"])
@pytest.mark.parametrize(("lang", "scale"), CASES)
def test_the_waste_warning_is_read_whole_however_many_areas_it_names(
    home, monkeypatch, lang, scale, items
):
    app = App(settings=Settings(language=lang, ui_scale=scale), size=(1280, 720), persist=False)
    scene = TurnScene.for_shot(app, Shot(turn=1, lang=lang))
    app.stack.reset(scene)
    app.step(dt=1 / 30)
    scene._forecast = dataclasses.replace(scene.current_forecast(), waste=items)
    scene.alloc.changed = True  # as if a share had just moved
    calls = recording(monkeypatch, turn_draw, allocation_module)
    app.step(dt=1 / 30)
    warning = waste_text(items)
    drawn = [(rect, fitted) for text, rect, fitted in calls if text == warning]
    assert drawn, "the waste warning was not drawn"
    rect, fitted = drawn[-1]
    assert whole(fitted, warning)
    assert fitted.font_px == app.scale.font_size("small")  # the bottom bar's own size
    lay = scene.layout
    assert lay.bottom.contains(rect)
    assert not rect.colliderect(scene.widgets["turn.end"].rect)
    assert lay.content.bottom < lay.bottom.top
    # the split gave way: its percentages are whole (and, for a usual warning, not shrunk)
    alloc = lay.panels["alloc"]
    percents = [f for text, r, f in calls if text.endswith("%") and alloc.contains(r)]
    assert len(percents) == 4 and not any(f.cut for f in percents)
    if items is TWO_AREAS:
        assert all(f.font_px == app.scale.font_size("body") for f in percents)


@pytest.mark.parametrize(("lang", "scale"), CASES)
def test_the_classroom_debrief_headline_is_read_to_its_last_word(
    home, monkeypatch, tmp_path, lang, scale
):
    calls = recording(monkeypatch, debrief_module)
    app = render_shot(
        "classroom_debrief", tmp_path / "debrief.png", shot=Shot(lang=lang, scale=scale)
    )
    scene = app.stack.top
    rules, match = scene.game.rules, scene.game.match
    last = final_words(rules, match)
    drawn = [(text, fitted) for text, _, fitted in calls if text.endswith(last)]
    assert drawn, "the headline sentence was not drawn"
    text, fitted = drawn[-1]
    assert whole(fitted, text)
    assert fitted.font_px == app.scale.font_size("body")
    headline, _ = outcome_words(rules, match)
    heads = [(t, f) for t, _, f in calls if t.endswith(headline)]
    assert heads and all(not f.cut for _, f in heads)


@pytest.mark.parametrize(("lang", "scale"), CASES)
def test_the_end_screen_sentence_is_read_whole_at_body_size(
    home, monkeypatch, tmp_path, lang, scale
):
    calls = recording(monkeypatch, end_module)
    app = render_shot("debrief", tmp_path / "end.png", shot=Shot(lang=lang, scale=scale))
    facts = [(text, fitted) for text, _, fitted in calls if "\n" in text]
    assert facts, "the end screen's facts were not drawn"
    text, fitted = facts[-1]
    assert not fitted.cut
    assert sum(len(line.split()) for line in fitted.lines) == len(text.split())
    assert fitted.font_px == app.scale.font_size("body")
