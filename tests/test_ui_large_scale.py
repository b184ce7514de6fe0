"""At 200% in a 1280×720 window: the policy list shows three whole entries (never half an
entry cut at the edge), and the replay's "What happened" column lists every event at one
type size and scrolls, rather than shrinking the text or dropping "… and 22 more"."""

from __future__ import annotations

import pygame
import pytest
from ui_driver import press

from game.ui.runtime import App
from game.ui.scenes.replay import ReplayScene
from game.ui.scenes.turn import TurnScene
from game.ui.settings import Settings
from game.ui.shot import Shot


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_the_policy_list_shows_three_whole_entries(home, lang, scale):
    app = App(settings=Settings(language=lang, ui_scale=scale), size=(1280, 720), persist=False)
    app.stack.reset(TurnScene.for_shot(app, Shot(turn=6, lang=lang)))
    app.step(dt=1 / 30)
    policies = app.stack.top.policies
    assert policies.list_rect.height % policies.item_h == 0
    assert policies.list_rect.height // policies.item_h >= 3
    if policies.detail_rect is None:  # the detail box gave way: summaries get two lines
        assert policies.summary_lines == 2


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_replay_lists_every_event_and_scrolls_at_200_percent(home, lang):
    app = App(settings=Settings(language=lang, ui_scale=2.0), size=(1280, 720), persist=False)
    scene = ReplayScene.for_shot(app, Shot(turn=12, lang=lang, options={"frame": 12}))
    app.stack.reset(scene)
    app.step(dt=1 / 30)
    column = scene.quarter_text
    frame = scene.replay.frame()
    bullets = [b for b in column.blocks if b.text.startswith("• ")]
    assert len(bullets) == len(frame.events)
    assert {b.kind for b in column.blocks} >= {"row"}  # the stocks joined the column
    assert column.scrollable
    press(app, pygame.K_DOWN)
    assert column.offset > 0
