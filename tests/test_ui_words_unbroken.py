"""Labels never break inside a word: a narrow report column stacks "Why the … chose this"
above its answer instead of cutting "entschie-den"; tooltips are wide enough for German."""

from __future__ import annotations

import pytest

from game.i18n import t
from game.ui import scroll as scroll_module
from game.ui.runtime import App
from game.ui.scroll import Block, ScrollText
from game.ui.settings import Settings


@pytest.mark.parametrize(("lang", "scale"), [("de", 1.0), ("de", 2.0), ("en", 2.0)])
def test_a_row_label_in_a_narrow_column_keeps_its_words(home, monkeypatch, lang, scale):
    app = App(settings=Settings(language=lang, ui_scale=scale), persist=False)
    wrapped: list[tuple[str, list[str]]] = []
    real = scroll_module.wrap_lines

    def recording(text, fnt, width):
        lines = real(text, fnt, width)
        wrapped.append((text, lines))
        return lines

    monkeypatch.setattr(scroll_module, "wrap_lines", recording)
    label = t("resolution.ai_reason", name=t("faction.usa.name"))
    text = ScrollText(app, [Block("text", "•  …"), Block("row", label, "Our chips sit idle.")])
    for width in (app.px(180), app.px(260), app.px(400)):
        wrapped.clear()
        text._laid_out = None
        text._layout(width)
        for source, lines in wrapped:
            if source == label:
                words = set(label.split())
                for line in lines:
                    assert set(line.split()) <= words, f"{line!r} breaks a word of {label!r}"


def test_gui_tooltips_are_as_wide_as_our_own(home):
    from game.drawing.theme import gui_theme, palette_for, scale_for

    settings = Settings(language="de", ui_scale=2.0)
    theme = gui_theme(palette_for(False), scale_for(settings))
    assert int(theme["tool_tip"]["misc"]["rect_width"]) >= 2 * 300


@pytest.mark.parametrize("lang", ["en", "de"])
def test_at_200_percent_the_turn_screen_shows_policies_and_milestone_names(home, lang):
    """1280×720 at 200%: the policy list used to show two entries, the ladder one name."""
    from game.drawing.ladder import draw_ladder
    from game.ui.scenes import scene_class
    from game.ui.shot import Shot

    app = App(settings=Settings(language=lang, ui_scale=2.0), persist=False)
    scene = scene_class("turn").for_shot(app, Shot(turn=3, seed=1, options={"page": "decide"}))
    app.push(scene)
    app.step()
    policies = scene.policies
    assert policies.list_rect.height >= 2.5 * policies.item_h
    scene.show_page("race")
    app.step()
    from game.ui.scenes.turn_draw import framed

    inner = framed(app.window, scene.layout.panels["ladder"], t("ladder.title"), app)
    regions = draw_ladder(app.window, inner, scene.ladder, app.pen)
    # A rung without a title keeps only its px(10) tooltip strip; a title box is taller.
    named = [r for k, r in regions.items() if k.startswith("rung:") and r.height > app.px(10)]
    assert len(named) >= 2  # was one: every other name dropped
