"""No file a user can put in the save folder crashes the game or hides the other saves."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.saves import list_saves, load_save, read_save
from game.saves.problems import SaveProblem
from game.saves.storage import parse_save

FIXTURES = Path(__file__).parent / "fixtures" / "saves"
GOOD = FIXTURES / "v2_minimal.json"
EXPECTED = {
    "truncated.json": ("truncated", "stops part way through"),
    "empty.json": ("truncated", "stops part way through"),
    "junk.json": ("not_text", "not text"),
    "foreign.json": ("foreign", "not a Swarms vs Titans save"),
    "wrong_shape.json": ("wrong_shape", "seed"),
    "newer_format.json": ("too_new", "newer version of the game"),
}


def folder_with_damage(tmp_path: Path) -> Path:
    for path in (FIXTURES / "damaged").glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(GOOD, tmp_path / "good.json")
    shutil.copy(FIXTURES / "v1_minimal.json", tmp_path / "old.json")
    return tmp_path


def test_every_damaged_file_is_listed_with_a_message_naming_it(tmp_path):
    entries = list_saves(folder_with_damage(tmp_path))
    by_name = {e.path.name: e for e in entries}
    assert set(EXPECTED) <= set(by_name)
    for name, (code, words) in EXPECTED.items():
        problem = by_name[name].problem
        assert problem is not None and problem.code == code, name
        assert name in problem.message() and words in problem.message()
        assert name in problem.message("de")
    # The good saves still list, first, with their facts, and still open.
    assert {e.path.name for e in entries[:2]} == {"good.json", "old.json"}
    for name in ("good.json", "old.json"):
        entry = by_name[name]
        assert entry.ok and entry.save.level.id == "minimal" and entry.save.turn > 1
        result = load_save(entry.path)
        assert result.match is not None and result.match.state.turn == entry.save.turn


def test_loading_a_damaged_file_gives_the_problem_not_an_exception(tmp_path):
    folder = folder_with_damage(tmp_path)
    for name, (code, _) in EXPECTED.items():
        result = load_save(folder / name)
        assert result.match is None and result.problem.code == code
        assert name in str(result.problem)


def test_a_missing_or_unreadable_file_is_a_message(tmp_path):
    problem = read_save(tmp_path / "gone.json")
    assert isinstance(problem, SaveProblem) and problem.code == "unreadable"
    assert "gone.json" in problem.message()
    (tmp_path / "folder.json").mkdir()
    assert list_saves(tmp_path)[0].problem.code == "not_a_file"  # a folder is not a save
    assert list_saves(tmp_path / "no such folder") == []


def test_a_changed_level_is_said_plainly_and_the_stored_copy_opens_the_game(tmp_path):
    static = load_save(FIXTURES / "changed_level.json")
    assert static.problem.code == "level_changed" and static.offer_embedded
    assert "has changed" in static.problem.message()
    assert "changed_level.json" in str(static.problem)
    # Made with today's engine, the stored level copy gives exactly the saved game.
    path = _make_fixtures().write_changed_level_save(tmp_path / "changed.json")
    result = load_save(path)
    assert result.problem.code == "level_changed" and result.offer_embedded
    embedded = load_save(path, use_embedded=True)
    assert embedded.used_embedded and embedded.problem is None and embedded.ok


def test_a_level_edited_after_saving_is_detected(tmp_path):
    from game.engine import compile_rules
    from game.levels.loader import load_level
    from game.match import play_game
    from game.players.registry import make_player
    from game.saves import save_match

    level = tmp_path / "race.yaml"
    text = (Path(__file__).parent / "fixtures" / "minimal_level.yaml").read_text()
    level.write_text(text)
    loaded = load_level(level)
    players = {"usa": make_player("greedy"), "china": make_player("greedy")}
    match = play_game(compile_rules(loaded.level), players, 4)
    path = save_match(match, loaded, "before-edit", folder=tmp_path / "saves")
    assert load_save(path).ok

    level.write_text(text.replace("income_bn: {value: 100", "income_bn: {value: 130"))
    result = load_save(path)
    assert result.level_changed and result.offer_embedded and not result.ok
    assert load_save(path, use_embedded=True).ok


def test_orders_the_rules_now_refuse_are_a_message(tmp_path):
    data = json.loads(GOOD.read_text())
    data["turns"][0]["orders"]["usa"]["allocation"] = [0.9, 0.9, 0.1, 0.1]
    (tmp_path / "cheat.json").write_text(json.dumps(data))
    result = load_save(tmp_path / "cheat.json")
    assert result.match is None
    assert result.problem.code in ("version_changed", "engine_changed")
    assert "from turn 1" in result.problem.message()


def _make_fixtures():
    """tests/fixtures/saves/make_fixtures.py as a module (it writes saves with today's engine)."""
    import importlib.util

    path = Path(__file__).parent / "fixtures" / "saves" / "make_fixtures.py"
    spec = importlib.util.spec_from_file_location("make_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOOD_BYTES = GOOD.read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cut=st.integers(0, len(GOOD_BYTES)),
    flips=st.lists(st.tuples(st.integers(0, len(GOOD_BYTES) - 1), st.integers(0, 255)), max_size=4),
)
def test_no_corruption_of_a_save_raises(cut, flips):
    data = bytearray(GOOD_BYTES[:cut])
    for at, value in flips:
        if at < len(data):
            data[at] = value
    result = parse_save(bytes(data), "fuzz.json")
    if isinstance(result, SaveProblem):
        assert "fuzz.json" in result.message() and result.code != "internal"


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=12,
    ),
    st.sampled_from(["seed", "turns", "players", "final", "level", "mode", "title"]),
)
def test_any_json_in_any_field_is_a_message_or_a_game(value, field):
    data = json.loads(GOOD_BYTES)
    data[field] = value
    result = load_save(parse_save(json.dumps(data).encode(), "odd.json"), file="odd.json")
    assert result.match is not None or "odd.json" in result.problem.message()
    assert result.problem is None or result.problem.code != "internal", result.problem
