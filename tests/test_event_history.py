"""History kept apart from projection: every scripted event says whether it happened, was
announced, is a forecast or was invented; no card, list or report passes a plan as history."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError
from shipped import shipped_levels
from ui_driver import click

from game.classroom.history import moved_note, projection_note, status_line, status_tag
from game.classroom.played import from_match
from game.classroom.report import gather
from game.classroom.sources import level_sources
from game.classroom.words import timeline_rows
from game.engine import compile_rules
from game.i18n import set_language, t
from game.levels.history import RELEASE_DATE, date_quarter, latest_day
from game.levels.loader import check_level_file, load_level
from game.levels.model import EventStatus
from game.match import play_game
from game.players.registry import make_player

ROOT = Path(__file__).resolve().parents[1]
CLASSROOM = ROOT / "levels" / "classroom-45.yaml"
MAIN = ROOT / "levels" / "cold-ai-war.yaml"


@pytest.fixture(autouse=True)
def english():
    yield
    set_language("en")


def scripted(path: Path):
    return [e for e in load_level(str(path)).level.events if e.at is not None]


@pytest.mark.parametrize("path", shipped_levels(), ids=lambda p: p.stem)
def test_every_scripted_event_says_what_kind_of_truth_it_is(path):
    loaded, problems = check_level_file(str(path))
    assert loaded is not None
    assert not [p for p in problems if p.code in ("event-status", "unproven-history")]
    assert all(e.status is not None for e in scripted(path))


@pytest.mark.parametrize("path", shipped_levels(), ids=lambda p: p.stem)
def test_no_card_shows_a_future_or_moved_event_as_history(path):
    level = load_level(str(path)).level
    set_language("de")
    for event in scripted(path):
        tag = status_tag(event)
        if event.status.kind != "happened":
            assert not tag.startswith("Aus der echten Chronik"), event.id
            continue
        assert tag.startswith("Aus der echten Chronik"), event.id
        assert latest_day(event.status.date) < RELEASE_DATE
        assert latest_day(level.sources[event.source].date) < RELEASE_DATE
        # history shown in its own quarter, or the card says where the level moved it
        assert date_quarter(event.status.date) == event.at or moved_note(event), event.id


def test_huawei_plans_are_announced_and_the_lesson_says_it_pulls_them_forward():
    set_language("de")
    lesson = {e.id: e for e in scripted(CLASSROOM)}
    main = {e.id: e for e in scripted(MAIN)}
    assert status_tag(lesson["atlas_950_superpod"]) == "Angekündigt für Q4 2026 (Huawei)"
    assert status_tag(lesson["atlas_960_supercluster"]) == "Angekündigt für Q4 2027 (Huawei)"
    note = moved_note(lesson["atlas_950_superpod"])
    assert "Q4 2026" in note and "Q4 2025" in note and "vor" in note
    assert moved_note(main["atlas_950_superpod"]) == ""  # the main game keeps Huawei's date
    assert status_tag(main["us_grid_tightness"]) == "Prognose (Goldman Sachs)"
    set_language("en")
    assert "brings it forward to Q4 2026" in moved_note(lesson["atlas_960_supercluster"])


def test_the_sources_screen_lists_the_status_of_each_scripted_event():
    set_language("de")
    entries = {e.key: e for e in level_sources(load_level(str(CLASSROOM)).level)}
    assert entries["deepseek_shock"].history
    assert entries["deepseek_shock"].status == "Aus der echten Chronik · 27. Januar 2025"
    assert not entries["atlas_950_superpod"].history
    assert "Huawei hat das für Q4 2026 angekündigt" in entries["atlas_950_superpod"].status
    assert entries["us_grid_tightness"].status == "Prognose (Goldman Sachs)"
    assert all(not e.status for e in entries.values() if e.kind == "event" and not e.when)


def test_debrief_timeline_and_report_mark_projection():
    level = load_level(str(CLASSROOM)).level
    rules = compile_rules(level)
    players = {s: make_player("greedy") for s in ("usa", "china")}
    match = play_game(rules, players, 3)
    set_language("de")
    rows = timeline_rows(rules, match, real_span=False)
    game_lines = [line for row in rows for line in row.game]
    atlas = pick_title(level, "atlas_950_superpod")
    listed = [line for line in game_lines if line.startswith(atlas)]
    assert listed and "angekündigt" in listed[0] and "Aus der echten" not in listed[0]
    data = gather(from_match(load_level(str(CLASSROOM)), match, humans=()), decisions=[])
    statuses = {card.card_id: card.status for card in data.fired}
    assert statuses["deepseek_shock"].startswith("Aus der echten Chronik")
    assert "zieht es auf Q4 2025 vor" in statuses["atlas_950_superpod"]
    assert data.projection.startswith("Die echte Chronik reicht bis")
    last = rules.quarter(match.turns[-1].turn)
    note = projection_note(level, last)
    assert note.startswith("Die echte Chronik reicht bis Q1 2026")


def pick_title(level, event_id: str) -> str:
    from game.i18n import pick

    return pick(next(e for e in level.events if e.id == event_id).title)


def minimal_with(status: str, source_date: str | None = None) -> str:
    text = (ROOT / "tests" / "fixtures" / "minimal_level.yaml").read_text(encoding="utf-8")
    text = text.replace("    status: {kind: invented}", f"    status: {status}")
    if source_date is not None:
        text = text.replace('    date: "2024"', f'    date: "{source_date}"', 1)
    return text


def check_text(tmp_path, text: str):
    path = tmp_path / "level.yaml"
    path.write_text(text, encoding="utf-8")
    return check_level_file(str(path))


def test_an_event_marked_happened_needs_a_source_from_before_the_release(tmp_path):
    loaded, problems = check_text(tmp_path, minimal_with('{kind: happened, date: "2025-08"}'))
    assert loaded is not None and not [p for p in problems if p.code == "unproven-history"]
    late = str(int(RELEASE_DATE[:4]) + 1)
    loaded, problems = check_text(
        tmp_path, minimal_with('{kind: happened, date: "2025-08"}', source_date=late)
    )
    assert loaded is None
    found = [p for p in problems if p.code == "unproven-history"]
    assert found and found[0].path == "events.0.source" and late in found[0].message


def test_an_event_cannot_be_history_after_the_release(tmp_path):
    late = f"{int(RELEASE_DATE[:4]) + 1}-03"
    loaded, problems = check_text(tmp_path, minimal_with(f'{{kind: happened, date: "{late}"}}'))
    assert loaded is None
    assert [p.path for p in problems if p.code == "unproven-history"] == ["events.0.status.date"]


def test_a_scripted_event_without_status_is_a_warning_naming_the_event(tmp_path):
    text = minimal_with("{kind: invented}").replace("    status: {kind: invented}\n", "")
    loaded, problems = check_text(tmp_path, text)
    assert loaded is not None
    assert [p.code for p in problems if "export_controls" in p.message] == ["event-status"]


@pytest.mark.parametrize(
    "status",
    [
        {"kind": "happened"},
        {"kind": "announced", "planned": "2026Q4"},
        {"kind": "invented", "date": "2025-01"},
        {"kind": "forecast", "planned": "2028Q1"},
    ],
)
def test_a_status_carries_what_its_kind_needs_and_nothing_else(status):
    with pytest.raises(ValidationError):
        EventStatus.model_validate(status)


def test_a_random_event_takes_no_status(tmp_path):
    text = minimal_with("{kind: invented}").replace(
        "    probability: 0.1\n", "    probability: 0.1\n    status: {kind: invented}\n"
    )
    loaded, problems = check_text(tmp_path, text)
    assert loaded is None
    assert any("only a scripted event" in p.message for p in problems)


def test_the_resolution_card_wears_the_announced_tag_and_the_moved_note(tmp_path, monkeypatch):
    """Drawn on the real card: the lesson's Atlas 950 (Q4 2025) is no 'real record'."""
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    import game.ui.scenes.resolution as resolution
    from game.ui.shot import Shot, render_shot

    shot = Shot(level_path=str(CLASSROOM), turn=4, lang="de")
    app = render_shot("resolution", str(tmp_path / "shot.png"), shot=shot)
    scene = app.stack.top
    ids = [card.id for card in scene.cards]
    assert "atlas_950_superpod" in ids, ids
    while scene.cards[scene.card_index].id != "atlas_950_superpod":
        click(app, scene.widgets["resolution.next"])
    drawn: list[str] = []
    real = resolution.draw_text

    def recording(surface, text, *args, **kwargs):
        drawn.append(text)
        return real(surface, text, *args, **kwargs)

    monkeypatch.setattr(resolution, "draw_text", recording)
    scene.draw(app.window)
    assert "ANGEKÜNDIGT FÜR Q4 2026 (HUAWEI)" in drawn
    record = t("history.tag.happened", when="").upper().rstrip(" ·")
    assert not any(text.startswith(record) for text in drawn)
    blocks = [b.text for b in scene.card_text.blocks]
    assert any("zieht es auf Q4 2025 vor" in text for text in blocks)


def test_status_lines_read_in_both_languages():
    event = {e.id: e for e in scripted(CLASSROOM)}["deepseek_shock"]
    set_language("en")
    assert status_line(event) == "From the real record · 27 January 2025"
    set_language("de")
    assert status_line(event) == "Aus der echten Chronik · 27. Januar 2025"
    assert yaml.safe_load("{kind: announced, planned: 2026Q4, by: Huawei}")["planned"] == "2026Q4"
