"""F1 lists the keys of the screen it covers, first; every listed key has words in both
languages."""

from __future__ import annotations

import pygame
import pytest
from ui_driver import press

from game.i18n import has_key, load_catalogue, set_language, t
from game.ui.runtime import App
from game.ui.scenes import SCENES, scene_class
from game.ui.settings import Settings
from game.ui.shot import Shot


def test_f1_on_the_turn_screen_lists_every_turn_key_first(home):
    app = App(settings=Settings(language="en"), persist=False)
    app.push("menu")
    cls = scene_class("turn")
    app.push(cls.for_shot(app, Shot(turn=2, seed=4)))
    press(app, pygame.K_F1)
    help_scene = app.stack.top
    assert help_scene.name == "help"
    texts = [b.text for b in help_scene.text.blocks]
    assert texts[0] == t("help.screen_keys", screen=t("turn.keys.title"))
    written = [
        k for k in load_catalogue("en") if k.startswith("turn.keys.") and k != "turn.keys.title"
    ]
    listed = " ".join(texts[:20])
    for key in written:  # every key the turn screen knows is in the help
        assert t(key) in listed, key
    for word in ("E or Ctrl+Enter", "A:", "P:", "C:", "R / S / D", "Digits", "Shift", "Page Up"):
        assert word in listed
    press(app, pygame.K_F1)
    assert app.stack.top.name == "turn"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_screens_keys_have_words(lang):
    set_language(lang)
    try:
        for name in SCENES:
            cls = scene_class(name)
            for key in (*cls.help_keys, *([cls.help_title] if cls.help_title else [])):
                assert has_key(key), f"{name}: {key} ({lang})"
    finally:
        set_language("en")
