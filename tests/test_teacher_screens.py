"""The teacher's screens, driven with real events: the menu's Classroom page starts a lesson
from a list of lesson files, and the class overview reads a folder of kept games (one of
them damaged), opens a group's debrief and writes the class report into the folder."""

from __future__ import annotations

import csv
import shutil

import pygame
import pytest
from ui_driver import click, click_at, press, settle

from game.classroom.class_summary import summarise, summary_lines
from game.engine import compile_rules
from game.i18n import set_language
from game.levels.loader import load_level
from game.match import play_game
from game.players.registry import make_player
from game.saves import save_match
from game.saves.timeline import branch
from game.ui.recent_folders import recent_file, recent_folders, remember_folder
from game.ui.runtime import App
from game.ui.settings import Settings

GROUPS = ("Aylin & Max", "Jonas & Mia", "Lena & Tom")
PLANS = ("greedy", "fixed:70/10/10/10", "random")
DAMAGED = "kopie-abgebrochen.json"


@pytest.fixture(scope="module")
def usb_stick(tmp_path_factory):
    """Three groups' games of one lesson (the last stopped early) and a file cut short."""
    folder = tmp_path_factory.mktemp("usb-stick")
    loaded = load_level("levels/classroom-45.yaml")
    rules = compile_rules(loaded.level)
    for k, (group, plan) in enumerate(zip(GROUPS, PLANS, strict=True)):
        side, other = ("usa", "china") if k % 2 == 0 else ("china", "usa")
        match = play_game(rules, {side: make_player(plan), other: make_player("easy")}, 4711)
        if k == 2:
            match = branch(match, 5)
        players = {side: "human", other: "easy"}
        save_match(match, loaded, f"pc{k + 1}", "vs_ai", players, folder=folder, group=group)
    (folder / DAMAGED).write_text('{"format": "swarms-vs-titans-save", "', encoding="utf-8")
    return folder


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SWARMS_VS_TITANS_SAVE_DIR", raising=False)
    yield tmp_path
    set_language("en")


def menu_app(lang: str = "de", scale: float = 1.0, size=(1280, 720), persist=False) -> App:
    settings = Settings(language=lang, ui_scale=scale, animation_speed="off")
    app = App(settings=settings, size=size, persist=persist)
    app.push("menu")
    settle(app)
    return app


def open_overview(app: App):
    click(app, app.stack.top.widgets["menu.classroom"])
    assert app.stack.top.name == "classroom"
    click(app, app.stack.top.widgets["teacher.hub.overview"])
    scene = app.stack.top
    assert scene.name == "class_overview"
    return scene


def read_folder_typed(app: App, folder) -> None:
    """Click into the folder box, type the path over the old one, press Enter."""
    scene = app.stack.top
    entry = scene.widgets["teacher.folder_entry"]
    click(app, entry)
    assert entry.is_focused
    entry.set_text(str(folder))
    press(app, pygame.K_RETURN)
    settle(app)


def test_the_class_overview_lists_every_group_and_skips_the_damaged_file(home, usb_stick):
    app = menu_app()
    scene = open_overview(app)
    assert scene.widgets["teacher.folder_entry"].get_text() == str(home / "home/data/saves")
    assert "gibt es nicht" in scene.message  # no saves folder yet: said, nothing breaks
    read_folder_typed(app, usb_stick)
    assert [row.game.group for row in scene.rows] == sorted(GROUPS)
    assert [name for name, _ in scene.skipped] == [DAMAGED]
    assert "bricht mittendrin ab" in scene.skipped[0][1]
    summary = " ".join(scene.summary())
    assert "Gruppen: 3" in summary and "Vorzeitig beendet: 1" in summary
    assert "Startwert 4711" in summary and "1 Datei wurde übersprungen" in summary
    assert "Abstand am Ende von" in summary


def test_a_row_opens_its_debrief_and_esc_comes_back_to_the_list(home, usb_stick):
    app = menu_app()
    scene = open_overview(app)
    read_folder_typed(app, usb_stick)
    press(app, pygame.K_DOWN)
    assert scene.selected == 1
    press(app, pygame.K_RETURN)
    debrief = app.stack.top
    assert debrief.name == "classroom_debrief"
    assert debrief.game.group == scene.rows[1].game.group == "Jonas & Mia"
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is scene and scene.selected == 1
    assert scene.widgets["teacher.folder_entry"].get_text() == str(usb_stick)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_DOWN)  # past the games: the skipped file has no debrief
    assert scene.selected == 3 and not scene.widgets["teacher.debrief"].is_enabled
    press(app, pygame.K_RETURN)
    assert app.stack.top is scene


def test_a_double_click_on_a_row_opens_that_groups_debrief(home, usb_stick):
    app = menu_app(lang="en")
    scene = open_overview(app)
    read_folder_typed(app, usb_stick)
    row = scene.list_rect.left + 40, scene.list_rect.top + scene.row_h * 2 + scene.row_h // 2
    click_at(app, row)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=row, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=row, button=1))
    settle(app)
    assert app.stack.top.name == "classroom_debrief"
    assert app.stack.top.game.group == "Lena & Tom"


def test_write_class_report_puts_page_and_german_spreadsheet_into_the_folder(
    home, usb_stick, tmp_path
):
    stick = tmp_path / "stick"
    shutil.copytree(usb_stick, stick)
    app = menu_app()
    scene = open_overview(app)
    read_folder_typed(app, stick)
    click(app, scene.widgets["teacher.write"])
    page = stick / "klassenuebersicht" / "class.html"
    assert page.is_file() and str(page) in scene.message and scene.message_ok
    html = page.read_text(encoding="utf-8")
    assert all(f"<td>{g.replace('&', '&amp;')}</td>" in html for g in GROUPS)
    assert DAMAGED in html
    with open(page.parent / "class.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, delimiter=";"))
    assert rows[0][0] == "Gruppe" and len(rows) == 1 + len(GROUPS)


def test_a_folder_that_cannot_be_written_falls_back_to_the_reports_folder(
    home, usb_stick, monkeypatch
):
    from game.classroom import overview_page

    real = overview_page.write_overview

    def refuse_the_stick(overview, out_dir, dialect=None):
        if usb_stick in out_dir.parents:
            raise PermissionError(13, "Permission denied")
        return real(overview, out_dir, dialect)

    monkeypatch.setattr(overview_page, "write_overview", refuse_the_stick)
    app = menu_app(lang="en")
    scene = open_overview(app)
    read_folder_typed(app, usb_stick)
    click(app, scene.widgets["teacher.write"])
    assert "cannot be written to (Permission denied)" in scene.message
    written = home / "home" / "reports" / "class-report" / "class.html"
    assert written.is_file() and str(written) in scene.message


def test_tab_reaches_the_folder_box_and_enter_reads_it(home, usb_stick):
    app = menu_app(lang="en")
    scene = open_overview(app)
    scene.widgets["teacher.folder_entry"].set_text(str(usb_stick))
    entry = scene.widgets["teacher.folder_entry"]
    for _ in range(len(scene.focus_order) + 1):
        if entry.is_focused:
            break
        press(app, pygame.K_TAB)
    assert entry.is_focused
    press(app, pygame.K_RETURN)
    settle(app)
    assert len(scene.rows) == len(GROUPS)
    entry = scene.widgets["teacher.folder_entry"]  # the page was laid out anew
    assert not entry.is_focused  # so the arrow keys choose groups again
    press(app, pygame.K_TAB)
    assert scene.focus_order[scene.focus_index] is scene.widgets["teacher.read"]


def test_an_empty_folder_says_so(home, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    app = menu_app(lang="en")
    scene = open_overview(app)
    read_folder_typed(app, empty)
    assert "No saved games" in scene.message and not scene.rows
    assert not scene.widgets["teacher.write"].is_enabled


def test_at_ui_scale_2_everything_stays_inside_the_window(home, usb_stick):
    app = menu_app(scale=2.0)
    scene = open_overview(app)
    read_folder_typed(app, usb_stick)
    window = pygame.Rect((0, 0), app.size)
    for name in ("teacher.folder_entry", "teacher.read", "teacher.debrief", "teacher.write"):
        assert window.contains(scene.widgets[name].rect), name
    assert scene.list_rect.height >= 2 * scene.row_h  # at least two groups in view
    assert scene.summary_rect.bottom <= scene.list_rect.top
    app.draw(app.window)


def test_recent_folders_are_remembered_newest_first_and_survive_a_damaged_file(home, usb_stick):
    app = menu_app(lang="en", persist=True)
    open_overview(app)
    read_folder_typed(app, usb_stick)
    assert recent_folders()[0] == str(usb_stick)
    remember_folder("/media/other")
    assert recent_folders()[:2] == ["/media/other", str(usb_stick)]
    recent_file().write_text("{not json", encoding="utf-8")
    assert recent_folders() == []


def test_the_class_summary_counts_wins_and_spreads_gaps(usb_stick):
    from game.classroom.overview import class_overview

    set_language("en")
    games = class_overview([usb_stick]).games
    summary = summarise(games)
    assert summary.groups == 3 and summary.unfinished == 1
    assert sum(summary.wins.values()) + summary.draws == 2
    assert summary.gaps == tuple(sorted(g.gap_months for g in games))
    lines = summary_lines(summary)
    assert lines[0].startswith("Groups: 3") and "median" in lines[1]


# --- the Classroom page: lessons ----------------------------------------------------------

LESSON = """\
lesson_version: 1
title: {de: "Klasse 10c", en: "Class 10c"}
level: classroom-45
seed: 2468
side: usa
opponent: easy
"""


def own_lessons(home):
    folder = home / "home" / "data" / "lessons"
    folder.mkdir(parents=True)
    (folder / "10c.yaml").write_text(LESSON, encoding="utf-8")
    return folder


def test_the_classroom_page_starts_the_chosen_lesson_locked_as_the_command_line_does(home):
    own_lessons(home)
    app = menu_app()
    click(app, app.stack.top.widgets["menu.classroom"])
    hub = app.stack.top
    names = [p.name for p in hub.files]
    assert "10c.yaml" in names and "klasse-9b.yaml" in names
    hub.select(names.index("10c.yaml"))
    click(app, hub.widgets["teacher.hub.start_lesson"])
    lesson = app.stack.top
    assert lesson.name == "lesson" and lesson.lesson.lesson.seed == 2468
    assert lesson.side == "usa"
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is hub


def test_a_lesson_is_chosen_and_started_by_keyboard(home):
    own_lessons(home)
    app = menu_app(lang="en")
    click(app, app.stack.top.widgets["menu.classroom"])
    hub = app.stack.top
    target = [p.name for p in hub.files].index("klasse-9b.yaml")
    for _ in range(len(hub.files)):
        press(app, pygame.K_UP)
    for _ in range(target):
        press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert app.stack.top.name == "lesson"
    assert app.stack.top.lesson.path.name == "klasse-9b.yaml"


def test_a_broken_lesson_file_is_marked_and_opens_its_problems(home):
    folder = own_lessons(home)
    (folder / "10c.yaml").write_text(LESSON.replace("seed: 2468", "seed: -1"), encoding="utf-8")
    app = menu_app(lang="en")
    click(app, app.stack.top.widgets["menu.classroom"])
    hub = app.stack.top
    index = [p.name for p in hub.files].index("10c.yaml")
    assert "has errors" in hub.lines[index][1]
    hub.select(index)
    click(app, hub.widgets["teacher.hub.start_lesson"])
    assert app.stack.top.name == "level-errors"


def test_without_lesson_files_the_page_says_where_to_put_them(home, monkeypatch):
    monkeypatch.setattr("game.ui.scenes.classroom.lesson_files", lambda: [])
    app = menu_app(lang="en")
    click(app, app.stack.top.widgets["menu.classroom"])
    hub = app.stack.top
    assert not hub.widgets["teacher.hub.start_lesson"].is_enabled
    assert hub.focus_order[hub.focus_index] is hub.widgets["teacher.hub.overview"]
    press(app, pygame.K_RETURN)
    assert app.stack.top.name == "class_overview"
