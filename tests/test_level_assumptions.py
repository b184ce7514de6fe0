"""Assumptions in both languages: German pupils read why a number was chosen in German.

An assumption is plain text (English, as older levels wrote it) or `{en: …, de: …}`; the
Sources screen's entries and the turn screen's tooltips pick the player's language.
"""

from pathlib import Path

import pytest

from game.classroom.sources import level_sources
from game.engine import compile_rules
from game.i18n import set_language
from game.levels.crossrefs import params_in
from game.levels.loader import check_level_bytes, load_level, load_level_text
from game.levels.locations import shipped_levels
from game.levels.model import Assumption
from game.ui.scenes.turn_info import origin_text

MINIMAL = Path(__file__).parent / "fixtures" / "minimal_level.yaml"
QUIET = 'suppress:\n  unreachable-victory: "eight quarters: a test level, not a race"\n'
TEXT = MINIMAL.read_text(encoding="utf-8") + QUIET
PLAIN = '{value: 20, assumption: "five years of service"}'
KEY = "constants.chip_max_age_turns"


@pytest.fixture
def german():
    set_language("de")
    yield
    set_language("en")


def with_assumption(written: str) -> str:
    assert PLAIN in TEXT
    return TEXT.replace(PLAIN, written, 1)


def figure(level, key: str = KEY):
    return next(e for e in level_sources(level) if e.key == key)


BILINGUAL = with_assumption(
    '\n    value: 20\n    assumption:\n      en: "five years of service"\n'
    '      de: "fünf Jahre im Einsatz"'
)


def test_plain_assumption_still_loads_and_reads_english_in_both_languages(german):
    level = load_level_text(TEXT).level
    assert figure(level).assumption == "five years of service"
    set_language("en")
    assert figure(level).assumption == "five years of service"
    param = level.constants.chip_max_age_turns
    assert param.assumption_text("de") == param.assumption_text("en") == "five years of service"


def test_bilingual_assumption_reads_german_on_the_sources_screen(german):
    level = load_level_text(BILINGUAL).level
    assert figure(level).assumption == "fünf Jahre im Einsatz"
    set_language("en")
    assert figure(level).assumption == "five years of service"


def test_turn_screen_tooltip_names_the_assumption_in_german(german):
    level = load_level_text(BILINGUAL).level
    text = origin_text(compile_rules(level), level.constants.chip_max_age_turns)
    assert text == "Annahme: fünf Jahre im Einsatz"


def test_flow_map_form_loads_too():
    written = '{value: 20, assumption: {en: "five years of service", de: "fünf Jahre"}}'
    param = load_level_text(with_assumption(written)).level.constants.chip_max_age_turns
    assert param.assumption == Assumption(en="five years of service", de="fünf Jahre")


def test_missing_german_is_a_located_error():
    text = with_assumption('{value: 20, assumption: {en: "five years of service"}}')
    _, problems = check_level_bytes(text.encode(), "m.yaml")
    [problem] = problems
    line = text.splitlines().index(
        '  chip_max_age_turns: {value: 20, assumption: {en: "five years of service"}}'
    )
    assert (problem.severity, problem.code) == ("error", "missing-key")
    assert problem.path == f"{KEY}.assumption.de"
    assert (problem.line, problem.col) == (line + 1, 47)  # the {en: …} mapping
    assert problem.message == "missing required key 'de'"
    assert problem.hint == "add `de:` (Why this number, in German)"


@pytest.mark.parametrize(
    ("written", "path", "message"),
    [
        ('{en: "five years", de: "fünf Jahre", fr: "cinq ans"}', "assumption.fr", "key 'fr'"),
        ('{en: "five years of service", de: "kurz"}', "assumption.de", "needs at least 5"),
        ('"abc"', "assumption", "needs at least 5 characters"),
        ("[a, b]", "assumption", "expected text, got a list"),
    ],
)
def test_a_badly_written_assumption_names_its_path(written, path, message):
    text = with_assumption(f"{{value: 20, assumption: {written}}}")
    _, problems = check_level_bytes(text.encode(), "m.yaml")
    assert [p.path for p in problems if p.severity == "error"] == [f"{KEY}.{path}"]
    assert message in problems[0].message


@pytest.mark.parametrize("path", shipped_levels(), ids=lambda p: p.stem)
def test_every_assumption_of_every_shipped_level_is_in_both_languages(path):
    level = load_level(path).level
    notes = [(loc, p.assumption) for loc, p in params_in(level) if p.assumption is not None]
    assert notes
    english = [".".join(map(str, loc)) for loc, note in notes if not isinstance(note, Assumption)]
    assert english == [], "assumptions without a German text"
    untranslated = [".".join(map(str, loc)) for loc, note in notes if note.de == note.en]
    assert untranslated == [], "German text copied from the English"
