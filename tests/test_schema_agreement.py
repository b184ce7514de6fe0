"""The editor's schema and the game agree: a third-party validator (check-jsonschema, as an
editor or CI would run it) accepts exactly the files the game's own loader accepts.

Each file is checked against the schema of its own ids (`python -m game schema --level F`),
so an unknown chip, card or source is caught by both. Warnings are acceptance: the game
loads the level and says what looks wrong.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.levels.loader import check_level_file
from game.levels.schema import level_ids_of, schema_text

HERE = Path(__file__).parent
BROKEN = HERE / "fixtures" / "broken_levels"
MINIMAL = (HERE / "fixtures" / "minimal_level.yaml").read_text(encoding="utf-8")

EFFECT = "      - {target: talent, op: add, value: -1, side: china}"
POLICY_EFFECT = (
    "      - {target: energy_cost_bn_per_gw, op: multiply, value: 0.8, side: self, turns: 4}"
)
RUNG = "      title: {en: Reliable agents, de: Verlässliche Agenten}"
# The mistakes the designer study found where the two disagreed, and a few neighbours.
# name -> (old text, new text); each applied once to the minimal level.
HELD_BACK = {
    "event_at_and_probability": ("    at: 2025Q3", "    at: 2025Q3\n    probability: 0.5"),
    "event_neither_at_nor_probability": ("    at: 2025Q3\n", ""),
    "event_side_self": (EFFECT, EFFECT.replace("side: china", "side: self")),
    "event_side_null_at": ("    at: 2025Q3", "    at: null\n    probability: 0.2"),
    "turns_on_a_stock": (EFFECT, EFFECT.replace("}", ", turns: 2}")),
    "turns_null_on_a_stock": (EFFECT, EFFECT.replace("}", ", turns: null}")),
    "threshold_without_bound": (
        "      fired: [export_controls]",
        "      fired: [export_controls]\n      thresholds: [{side: usa, stock: talent}]",
    ),
    "threshold_with_bound": (
        "      fired: [export_controls]",
        "      fired: [export_controls]\n      thresholds: [{side: usa, stock: talent, above: 10}]",
    ),
    "schema_version_2": ("schema_version: 1", "schema_version: 2"),
    "schema_version_0": ("schema_version: 1", "schema_version: 0"),
    "turns_as_float": ("  turns: 8", "  turns: 8.0"),
    "turns_as_fraction": ("  turns: 8", "  turns: 8.5"),
    "calendar_too_long": ("  turns: 8", "  turns: 100"),
    "effect_lasts_too_long": (POLICY_EFFECT, POLICY_EFFECT.replace("turns: 4", "turns: 81")),
    "once_capital_true": ("    once: true", "    once: True"),
    "once_yes": ("    once: true", "    once: yes"),
    "unknown_suppress_code": ("timeline:", 'suppress: {no-such-code: "a reason"}\ntimeline:'),
    "milestone_effect_names_a_side": (
        RUNG,
        RUNG + "\n      effects: [{target: talent, op: add, value: 1, side: usa}]"
        "\n      assumption: agents hire",
    ),
    "milestone_effect_without_origin": (
        RUNG,
        RUNG + "\n      effects: [{target: talent, op: add, value: 1, side: self}]",
    ),
    "milestone_effect_self": (
        RUNG,
        RUNG + "\n      effects: [{target: talent, op: add, value: 1, side: self}]"
        "\n      assumption: agents hire",
    ),
    "policy_side_usa": (POLICY_EFFECT, POLICY_EFFECT.replace("side: self", "side: usa")),
    "unknown_played_policy": ("      fired: [export_controls]", "      played: [chips_akt]"),
    "unknown_chip_in_target": ("chips.ascend.supply", "chips.ascent.supply"),
    "unknown_target": (EFFECT, EFFECT.replace("target: talent", "target: tallent")),
    "offgrid_param_target": (
        POLICY_EFFECT,
        POLICY_EFFECT.replace("energy_cost_bn_per_gw", "offgrid_build_cap_gw_per_turn"),
    ),
    "unknown_source_on_a_number": ("{value: 989, source: nvidia}", "{value: 989, source: nvida}"),
}


# What the YAML layer refuses before any schema sees the data: the reason, per file.
BEYOND_A_SCHEMA = {
    "alias.yaml": "a YAML reader expands anchors and aliases; the schema sees plain values",
}


def _checker() -> list[str]:
    found = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")
    return [found]


def _schema_verdicts(files: list[Path], tmp: Path) -> dict[Path, bool]:
    """check-jsonschema's accept (True) or reject per file, one run per distinct schema."""
    groups: dict[str, list[Path]] = {}
    for path in files:
        groups.setdefault(schema_text(level_ids_of(path)), []).append(path)
    verdicts: dict[Path, bool] = {}
    for text, members in groups.items():
        schema = tmp / f"schema-{hashlib.sha256(text.encode()).hexdigest()[:12]}.json"
        schema.write_text(text, encoding="utf-8")
        run = subprocess.run(
            [*_checker(), "-o", "json", "--schemafile", str(schema), *map(str, members)],
            capture_output=True,
            text=True,
            check=False,
        )
        result = json.loads(run.stdout)
        rejected = {e["filename"] for e in result["errors"] + result["parse_errors"]}
        verdicts |= {path: str(path) not in rejected for path in members}
    return verdicts


def _cases(tmp: Path) -> list[Path]:
    files = [*sorted(BROKEN.glob("*.yaml")), HERE / "fixtures" / "minimal_level.yaml"]
    for name, (old, new) in HELD_BACK.items():
        assert old in MINIMAL, (name, old)
        path = tmp / f"{name}.yaml"
        path.write_text(MINIMAL.replace(old, new, 1), encoding="utf-8")
        files.append(path)
    return files


def test_check_jsonschema_and_the_game_accept_and_reject_the_same_files(tmp_path):
    files = _cases(tmp_path)
    verdicts = _schema_verdicts(files, tmp_path)
    disagree = []
    for path in files:
        game_accepts = check_level_file(path)[0] is not None
        if path.name in BEYOND_A_SCHEMA:
            assert not game_accepts and verdicts[path], path.name
            continue
        if game_accepts != verdicts[path]:
            who = "the game" if game_accepts else "check-jsonschema"
            disagree.append(f"{path.name}: only {who} accepts it")
    assert not disagree, "\n".join(disagree)


def test_the_cases_cover_both_verdicts(tmp_path):
    """The agreement above must be able to fail: some cases load, most do not."""
    accepted = [p.name for p in _cases(tmp_path) if check_level_file(p)[0] is not None]
    assert "turns_as_float.yaml" in accepted and "once_capital_true.yaml" in accepted
    assert "event_at_and_probability.yaml" not in accepted
    assert 5 <= len(accepted) <= 15
