"""The debrief teaches the one quantity the lesson is about — who leads by how many
months, beside the measured 7 — in sign-correct words, with the side's own questions."""

from __future__ import annotations

import re

import pytest

from game.classroom.decisions import KeyDecision
from game.classroom.played import from_match
from game.classroom.report import write_report
from game.classroom.teach import gap_series, gap_words, side_questions
from game.classroom.words import decision_text
from game.engine import Allocation, Orders, compile_rules
from game.engine.formulas import time_shift_months
from game.i18n import set_language, t
from game.levels.loader import load_level
from game.levels.model import SIDES
from game.match import play_game
from game.players.registry import make_player


@pytest.fixture(scope="module")
def game():
    loaded = load_level("levels/classroom-45.yaml")
    rules = compile_rules(loaded.level)
    players = {"usa": make_player("random"), "china": make_player("normal")}
    return loaded, rules, play_game(rules, players, 4711)


@pytest.fixture(autouse=True)
def english():
    yield
    set_language("en")


def test_the_gap_is_epochs_time_shift_read_between_quarters(game):
    _, rules, match = game
    history = [{s: st.factions[s].frontier_log10 for s in SIDES} for st in match.states]
    points = gap_series(rules, match)
    assert len(points) == len(match.states)
    for index, point in enumerate(points):
        shift = time_shift_months(rules, history, index)  # the depth report's measure too
        assert abs(point.months) == pytest.approx(shift)
        leader = max(history[index], key=history[index].get)
        follower_level = min(history[index].values())
        first = next(i for i in range(index + 1) if history[i][leader] >= follower_level)
        if first > 0:  # reached in-game: between whole quarters, never outside them
            assert (index - first) * 3 - 1e-9 <= shift <= (index - first + 1) * 3 + 1e-9
        leader = max(SIDES, key=lambda s: history[index][s])
        assert (point.months >= 0) == (leader == "usa") or point.months == 0


def decision(lead_played: float, lead_alt: float) -> KeyDecision:
    orders = Orders(Allocation(0.25, 0.25, 0.25, 0.25))
    return KeyDecision("china", 2, 3, orders, orders, None, {}, lead_played, lead_alt, None, None)


@pytest.mark.parametrize(
    "played,alt,phrase",
    [
        (-3.0, -8.0, "weniger Rückstand"),  # behind either way, the real choice helped
        (-8.0, -3.0, "weniger Rückstand"),  # behind either way, the AI's would have helped
        (5.0, 2.0, "mehr Vorsprung"),
        (2.0, 5.0, "mehr Vorsprung"),
    ],
)
def test_a_decision_is_worded_by_the_sign_of_the_lead(game, played, alt, phrase):
    _, rules, _ = game
    set_language("de")
    effect = decision_text(rules, decision(played, alt)).effect
    assert phrase in effect
    if played < 0 and alt < 0:
        assert "Vorsprung" not in effect


def test_questions_match_the_side_played(game):
    set_language("de")
    china = side_questions(("china",))
    assert china and all("USA hat euch" in q or "Strom" in q or "Rückstand" in q for q in china)
    assert not set(china) & set(side_questions(("usa",)))
    assert len(side_questions(SIDES)) == len(china) + len(side_questions(("usa",)))


def test_gap_words_name_the_leader():
    set_language("de")
    assert gap_words(5.64) == "Titanen 5,6 Monate vorn"
    assert gap_words(-2.0) == "Schwärme 2,0 Monate vorn"
    assert gap_words(0.01) == t("lessons.gap.even")


def test_the_german_report_has_german_numbers_and_no_english_words(game, tmp_path):
    loaded, _rules, match = game
    played = from_match(loaded, match, humans=("china",), players={"usa": "random"})
    played.group = "Lena & Tom"
    write_report(played, tmp_path, lang="de")
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    summary = (tmp_path / "summary.html").read_text(encoding="utf-8")
    assert (tmp_path / "gap.png").is_file() and "Wer führt um wie viele Monate?" in html
    assert not re.search(r"Fähigkeit \d+\.\d", html), "a decimal point in the German report"
    assert re.search(r"Fähigkeit \d+,\d", html)
    for english in ("KI (random)", "KI (greedy)", "<dt>Level</dt>"):
        assert english not in html
    assert "Zusammenfassung: Lena &amp; Tom" in summary and "Vorsprung der USA (4–14)" in summary
    assert summary.count("<li>") <= 4


def test_the_debrief_screen_draws_the_gap_tab(game):
    from ui_driver import settle

    from game.ui.runtime import App
    from game.ui.settings import Settings

    loaded, _rules, match = game
    app = App(settings=Settings(language="de"), persist=False)
    app.push("menu")
    scene = app.push("classroom_debrief", game=from_match(loaded, match, humans=("usa",)))
    scene.choose("gap")
    settle(app)
    items = scene._lines(scene.view.width)
    widths = sorted(image.get_width() for _, _, image in items)
    assert widths[-1] >= scene.view.width - app.px(20)  # the chart spans the panel
    assert scene.content_height > app.px(230)


def test_the_final_line_names_where_superintelligence_turned_out_to_lie():
    """With a hidden threshold the winner may stop below 100: the line says where it was."""
    from game.classroom.words import final_words

    rules = compile_rules(load_level("levels/cold-ai-war.yaml").level)
    match = play_game(rules, {"usa": make_player("greedy"), "china": make_player("greedy")}, 7)
    drawn = rules.capability(match.state.si_threshold_log10)
    assert drawn < 100  # the main level draws its threshold below the ladder's top
    set_language("en")
    assert f"(superintelligence at {drawn:.1f})" in final_words(rules, match)
    set_language("de")
    assert f"(Superintelligenz bei {drawn:.1f}".replace(".", ",") in final_words(rules, match)


def test_the_final_line_names_the_same_lead_as_the_last_quarter_report():
    """The report after the last quarter and the debrief's headline must agree on the lead
    (a take-off made Epoch's time shift 0.5 months where the ladder said 1.9)."""
    from game.classroom.words import final_words

    rules = compile_rules(load_level("levels/cold-ai-war.yaml").level)
    match = play_game(rules, {"usa": make_player("normal"), "china": make_player("easy")}, 3)
    f = match.state.factions
    months = abs(rules.lag_months(f["usa"].frontier_log10 - f["china"].frontier_log10))
    set_language("en")
    assert f"lead by {months:.1f} months" in final_words(rules, match)
