"""A damaged settings.json: the game still starts, with the defaults, says so once on the
menu, and keeps the broken file as settings.json.bad for inspection."""

from __future__ import annotations

import pytest
from hostile import fifo, link_to, needs_posix, within_watchdog
from ui_driver import settle

from game.i18n import t
from game.ui.runtime import App
from game.ui.settings import Settings, load_settings_checked, settings_path

BROKEN = {
    "deep": "[" * 100_000 + "]" * 100_000,
    "deep-objects": '{"a":' * 50 + "1" + "}" * 50,
    "long-number": '{"ui_scale": ' + "1" * 5000 + "}",
    "long-float": '{"ui_scale": 1.' + "5" * 5000 + "}",
    "not-json": '{"language": "de",',
    "a-list": '["de"]',
    "huge": '{"language": "' + "x" * 2_000_000 + '"}',
    "utf16": '{"language": "de"}'.encode("utf-16").decode("latin-1"),
}


def _write(text: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="latin-1" if text.startswith("\xff") else "utf-8")


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_settings_fall_back_to_defaults_and_are_kept_aside(home, name):
    _write(BROKEN[name])
    settings, broken = within_watchdog(load_settings_checked)
    assert broken
    assert settings.ui_scale == 1.0 and not settings.fullscreen
    assert not settings_path().exists()
    kept = settings_path().with_name("settings.json.bad")
    assert kept.exists()


@needs_posix
@pytest.mark.parametrize("target", ["fifo", "/dev/zero", "/dev/urandom"])
def test_a_pipe_or_device_as_settings_neither_hangs_nor_eats_memory(home, target):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if target == "fifo":
        fifo(path)
    else:
        link_to(path, target)
    settings, broken = within_watchdog(load_settings_checked)
    assert broken and settings.ui_scale == 1.0
    assert settings_path().with_name("settings.json.bad").is_symlink() or target == "fifo"


def test_good_settings_are_read_and_not_flagged(home):
    _write('{"language": "de", "ui_scale": 1.5, "projector": false}')
    settings, broken = load_settings_checked()
    assert not broken and settings.language == "de" and settings.ui_scale == 1.5


def test_the_game_starts_on_broken_settings_and_the_menu_says_so_until_settings_are_chosen(home):
    _write(BROKEN["deep"])
    app = within_watchdog(App, persist=False)
    app.push("menu")
    settle(app)
    assert app.stack.top.name == "menu" and app.settings_reset
    assert t("menu.settings_reset")  # the words exist in both languages (see test_i18n)
    notice = []
    original = app.stack.top._draw_settings_notice
    app.stack.top._draw_settings_notice = lambda *a: notice.append(1) or original(*a)
    settle(app, 1)
    assert notice, "the menu did not draw the notice"
    app.apply_settings(Settings(language="en"))
    settle(app)
    assert not app.settings_reset


def test_report_starts_on_deep_settings(home, tmp_path):
    from hostile import run_cli, valid_save_data

    valid_save_data(tmp_path / "saves", "game")
    _write(BROKEN["deep"])
    result = run_cli(
        "report",
        str(tmp_path / "saves" / "game.json"),
        "--out",
        str(tmp_path / "out"),
        env={"SWARMS_TITANS_HOME": str(home)},
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert settings_path().exists()  # the command line leaves the file for the game to judge
