"""`shot` renders the core scenes headless, in both languages and at scale 1 and 2,
with every label inside its widget and no text cut."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import UIButton

from game.ui.shot import Shot, render_shot

ROOT = Path(__file__).parent.parent
CORE_SCENES = ("menu", "settings", "help", "level-errors", "crash")


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("scene", CORE_SCENES)
def test_shot_renders_scene_with_labels_that_fit(home, cuts, scene, lang, scale):
    out = home / f"{scene}-{lang}-{scale}.png"
    app = render_shot(scene, out, shot=Shot(lang=lang, scale=scale))
    assert out.stat().st_size > 5_000
    image = pygame.image.load(str(out))
    assert image.get_size() == (1280, 720)
    # not a blank screen: many distinct colours
    colours = {image.get_at((x, y))[:3] for x in range(0, 1280, 16) for y in range(0, 720, 16)}
    assert len(colours) > 8
    window = pygame.Rect(0, 0, 1280, 720)
    buttons = [w for w in app.stack.top.widgets.values() if isinstance(w, UIButton)]
    assert buttons
    for button in buttons:
        assert window.contains(button.rect), button.text
        text_w = button.font.size(button.text)[0]
        assert text_w <= button.rect.width - 8, (button.text, text_w, button.rect.width)
    for a in buttons:
        for b in buttons:
            assert a is b or not a.rect.colliderect(b.rect), (a.text, b.text)
    assert cuts == []


def test_shot_command_line_writes_png(tmp_path):
    out = tmp_path / "menu.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "game",
            "shot",
            "menu",
            "--out",
            str(out),
            "--lang",
            "de",
            "--scale",
            "2",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"SDL_VIDEODRIVER": "dummy", "SWARMS_TITANS_HOME": str(tmp_path), "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 5_000


def test_shot_unknown_scene_is_a_plain_message(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "game", "shot", "nowhere", "--out", str(tmp_path / "x.png")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"SDL_VIDEODRIVER": "dummy", "SWARMS_TITANS_HOME": str(tmp_path), "PATH": ""},
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "nowhere" in result.stderr


@pytest.mark.parametrize("difficulty", ["easy", "normal", "hard"])
def test_setup_shot_shows_the_hint_of_the_chosen_difficulty(home, cuts, difficulty):
    from game.i18n import t

    app = render_shot("setup", home / "setup.png", shot=Shot(options={"difficulty": difficulty}))
    setup = app.stack.top
    assert setup.difficulty == difficulty
    hints = [block.value for block in setup._blocks() if block.kind == "row"]
    assert t(f"setup.diff_hint.{difficulty}") in hints
    assert cuts == []
