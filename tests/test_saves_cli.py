"""`simulate --save-dir` writes replayable saves; `replay --verify` says whether they hold."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from game.cli.main import main

LEVEL = "tests/fixtures/minimal_level.yaml"
FIXTURES = Path(__file__).parent / "fixtures" / "saves"


def test_simulate_writes_one_save_per_game_and_each_verifies(tmp_path, capsys):
    folder = tmp_path / "runs"
    code = main(["simulate", LEVEL, "--games", "5", "--seed", "3", "--save-dir", str(folder)])
    assert code == 0
    saves = sorted(folder.glob("*.json"))
    assert len(saves) == 5
    capsys.readouterr()
    for path in saves:
        assert main(["replay", str(path), "--verify"]) == 0
        out = capsys.readouterr().out
        assert out.startswith(path.name) and "OK:" in out


def test_replay_json_reports_the_game(tmp_path, capsys):
    main(["simulate", LEVEL, "--games", "1", "--seed", "8", "--save-dir", str(tmp_path)])
    capsys.readouterr()
    path = next(tmp_path.glob("*.json"))
    assert main(["replay", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verified"] and data["seed"] == 8 and data["level"] == "minimal"
    assert len(data["turns"]) == data["turn"] - 1
    assert len(data["capability"]["usa"]) == data["turn"]
    assert data["outcome"]["winner"] in ("usa", "china", None)


def test_verify_fails_with_a_clear_message_when_the_game_differs(tmp_path, capsys):
    main(["simulate", LEVEL, "--games", "1", "--save-dir", str(tmp_path)])
    path = next(tmp_path.glob("*.json"))
    data = json.loads(path.read_text())
    data["turns"][2]["orders"]["china"]["allocation"] = [0.1, 0.2, 0.3, 0.4]
    data["turns"][2]["orders"]["china"]["policy"] = None
    path.write_text(json.dumps(data))
    capsys.readouterr()
    assert main(["replay", str(path), "--verify"]) == 1
    err = capsys.readouterr().err
    assert path.name in err and "from turn 3 on" in err


def test_a_changed_level_fails_verify_and_suggests_the_stored_copy(tmp_path, capsys):
    path = str(_make_fixtures().write_changed_level_save(tmp_path / "changed_level.json"))
    assert main(["replay", path, "--verify"]) == 1
    err = capsys.readouterr().err
    assert "has changed" in err and "--embedded-level" in err
    assert main(["replay", path, "--verify", "--embedded-level"]) == 0


def test_a_damaged_save_is_a_message_and_exit_1(tmp_path, capsys):
    shutil.copy(FIXTURES / "damaged" / "junk.json", tmp_path / "junk.json")
    assert main(["replay", str(tmp_path / "junk.json")]) == 1
    err = capsys.readouterr().err
    assert "junk.json" in err and "Traceback" not in err


def _make_fixtures():
    """tests/fixtures/saves/make_fixtures.py as a module (it writes saves with today's engine)."""
    import importlib.util

    path = Path(__file__).parent / "fixtures" / "saves" / "make_fixtures.py"
    spec = importlib.util.spec_from_file_location("make_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
