"""Editor support: the checked-in schema and reference page match the code; every level
names the schema; VS Code maps levels to it; `new-level` writes a template that validates."""

import json
import os
from pathlib import Path

import pytest
from shipped import shipped_levels

from game.cli.main import main
from game.cli.new_level import NewLevelError, new_level
from game.levels.docs import levels_markdown
from game.levels.loader import check_level_file
from game.levels.schema import MODELINE, level_schema, schema_text
from game.paths import LEVELS

ROOT = Path(__file__).resolve().parents[1]
REGENERATE = "regenerate with: python -m game schema --write"


def test_checked_in_schema_is_current():
    assert (ROOT / "levels" / "schema.json").read_text(encoding="utf-8") == schema_text(), (
        REGENERATE
    )


def test_generated_reference_page_is_current():
    page = (ROOT / "docs" / "levels.md").read_text(encoding="utf-8")
    assert page == levels_markdown(level_schema()), REGENERATE


def test_every_shipped_level_starts_with_the_schema_modeline():
    levels = shipped_levels()
    assert levels
    for path in levels:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == MODELINE, f"{path.name} must start with: {MODELINE}"


def test_vscode_maps_levels_to_the_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    [(schema, globs)] = mapping.items()
    assert (ROOT / schema).resolve() == (ROOT / "levels" / "schema.json").resolve()
    assert "levels/*.yaml" in globs


def test_schema_carries_descriptions_and_ranges_for_hover_help():
    schema = level_schema()
    calendar = schema["$defs"]["Calendar"]["properties"]["turns"]
    assert calendar["description"] and (calendar["minimum"], calendar["maximum"]) == (1, 80)
    talent = schema["$defs"]["FactionStart"]["properties"]["talent"]
    assert "researchers" in talent["description"]
    assert talent["properties"]["value"]["maximum"] == 100
    offered = schema["properties"]["suppress"]["propertyNames"]["anyOf"][0]["enum"]
    assert "unused-source" in offered and "type" not in offered


def test_schema_lists_effect_targets_and_a_levels_own_ids():
    from game.levels.schema_rules import LevelIds

    generic = level_schema()["$defs"]
    targets = generic["EventEffect"]["properties"]["target"]["anyOf"][0]["enum"]
    assert "talent" in targets and "offgrid_build_cap_gw_per_turn" in targets
    assert generic["EventEffect"]["properties"]["side"]["enum"] == ["usa", "china", "both"]
    assert generic["MilestoneEffect"]["properties"]["side"]["enum"] == ["self", "opponent"]
    own = level_schema(LevelIds(chips=("h20",), policies=("visa",), sources=("epoch",)))["$defs"]
    assert "chips.h20.supply" in own["Effect"]["properties"]["target"]["anyOf"][0]["enum"]
    assert own["Condition"]["properties"]["played"]["items"]["enum"] == ["visa"]
    assert own["Policy"]["properties"]["source"]["enum"] == ["epoch"]


def test_reference_page_lists_units_ranges_defaults_examples_and_codes():
    page = levels_markdown(level_schema())
    row = next(line for line in page.splitlines() if line.startswith("| `kw_per_unit`"))
    assert "| kW |" in row and "0.01 – 100" in row and "**required**" in row and "value:" in row
    assert "| `once` |" in page and "`false`" in page
    assert "| `unreachable-victory` | warning |" in page


def test_schema_command_prints_valid_json(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Swarms vs Titans level"


# --- new-level -----------------------------------------------------------------------------


def test_new_level_writes_a_commented_template_that_validates(tmp_path):
    path = new_level("my-what-if", tmp_path)
    assert path == tmp_path / "my-what-if.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE
    assert f"python -m game validate {os.path.relpath(path)}" in text
    assert (tmp_path / "schema.json").read_text(encoding="utf-8") == schema_text()
    assert "# --- chips:" in text and "# --- factions:" in text
    loaded, problems = check_level_file(path)
    assert loaded is not None, [p.format() for p in problems]
    assert loaded.level.id == "my-what-if"
    assert not [p for p in problems if p.severity != "hint"]


def test_new_level_refuses_to_overwrite(tmp_path):
    path = new_level("taken", tmp_path)
    path.write_text("mine", encoding="utf-8")
    with pytest.raises(NewLevelError, match="already exists"):
        new_level("taken", tmp_path)
    assert path.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("name", ["", "Big", "1st", "a b", "../escape", "x" * 61, "é"])
def test_new_level_refuses_bad_names(tmp_path, name):
    with pytest.raises(NewLevelError, match="cannot be a level name"):
        new_level(name, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_new_level_command(tmp_path, capsys):
    assert main(["new-level", "lesson", "--dir", str(tmp_path)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["new-level", "lesson", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_new_level_writes_into_the_current_folder_not_the_game(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shipped_before = sorted(LEVELS.iterdir())
    assert main(["new-level", "my-what-if"]) == 0
    assert "wrote my-what-if.yaml" in capsys.readouterr().out
    text = (tmp_path / "my-what-if.yaml").read_text(encoding="utf-8")
    assert "python -m game validate my-what-if.yaml" in text
    assert sorted(LEVELS.iterdir()) == shipped_before


def test_new_level_keeps_a_schema_the_folder_already_has(tmp_path):
    (tmp_path / "schema.json").write_text("{}", encoding="utf-8")
    new_level("mine", tmp_path)
    assert (tmp_path / "schema.json").read_text(encoding="utf-8") == "{}"


def test_validate_without_paths_checks_the_shipped_levels(capsys):
    assert main(["validate"]) == 0
    assert (
        capsys.readouterr().out.strip().splitlines()[-1] == f"OK: {len(shipped_levels())} level(s)"
    )


def _yamllint(*args: str) -> int:
    cli = pytest.importorskip("yamllint.cli")
    with pytest.raises(SystemExit) as done:
        cli.run(["-c", str(ROOT / ".yamllint"), "-s", *args])
    return int(done.value.code or 0)


def test_shipped_yamllint_settings_pass_every_level_and_catch_a_yes():
    assert _yamllint(*map(str, shipped_levels())) == 0
    assert _yamllint(str(ROOT / "tests/fixtures/broken_levels/yes_boolean.yaml")) != 0
