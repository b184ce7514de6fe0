"""A save edited after saving says what was edited: the level copy (checked against its own
hash before it is ever replayed), the seed or a turn's orders — never "the game's rules
have changed" for a file someone changed by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine import compile_rules
from game.levels.loader import load_level
from game.match import play_game
from game.players.registry import make_player
from game.saves import load_save, save_match

MINIMAL = Path(__file__).parent / "fixtures" / "minimal_level.yaml"


@pytest.fixture
def saved(tmp_path) -> tuple[Path, Path]:
    """A finished game on a level in tmp_path/levels, saved, and that level's folder."""
    levels = tmp_path / "levels"
    levels.mkdir()
    (levels / "race.yaml").write_text(MINIMAL.read_text())
    loaded = load_level(levels / "race.yaml")
    players = {"usa": make_player("greedy"), "china": make_player("random")}
    match = play_game(compile_rules(loaded.level), players, 4)
    path = save_match(match, loaded, "edited", folder=tmp_path / "saves")
    assert load_save(path, level_dirs=[levels]).ok
    return path, levels


def edit(path: Path, change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def test_a_changed_seed_is_named_as_the_seed(saved):
    path, levels = saved
    edit(path, lambda d: d.update(seed=d["seed"] + 1))
    result = load_save(path, level_dirs=[levels])
    assert not result.ok and result.problem.code == "seed_changed"
    assert "seed" in result.problem.message() and "rules" not in result.problem.message()


def test_changed_orders_name_the_turn_that_was_edited(saved):
    path, levels = saved

    def change(d):
        d["turns"][2]["orders"]["usa"]["allocation"] = [0.1, 0.2, 0.3, 0.4]

    edit(path, change)
    result = load_save(path, level_dirs=[levels])
    assert not result.ok and result.problem.code == "orders_changed"
    assert "orders of turn 3" in result.problem.message()
    assert result.match is not None  # it can still be watched, knowingly


def test_an_edited_level_copy_is_never_replayed_and_says_so(saved):
    path, levels = saved
    (levels / "race.yaml").unlink()  # only the copy in the save is left

    def change(d):
        d["level"]["text"] = d["level"]["text"].replace("value: 100", "value: 130", 1)

    edit(path, change)
    result = load_save(path, level_dirs=[levels])
    assert result.problem.code == "level_copy_altered" and result.match is None
    assert "changed after saving" in result.problem.message()


def test_a_changed_level_with_an_edited_copy_offers_no_copy(saved):
    path, levels = saved
    level = levels / "race.yaml"
    level.write_text(level.read_text().replace("income_bn: {value: 100", "income_bn: {value: 130"))
    edit(path, lambda d: d["level"].update(text=d["level"]["text"] + "\n# edited\n"))
    result = load_save(path, level_dirs=[levels])
    assert not result.offer_embedded and result.problem.code == "level_copy_altered"


def test_an_untouched_save_still_loads_and_an_older_save_without_fingerprints_too(saved):
    path, levels = saved
    assert load_save(path, level_dirs=[levels]).ok
    edit(path, lambda d: d.pop("fingerprint"))
    assert load_save(path, level_dirs=[levels]).ok
