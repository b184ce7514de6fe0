"""The class overview: one page and one table from a folder of saves, in the reader's
CSV convention; a file that cannot be read is named and the others still count."""

from __future__ import annotations

import csv
import re

import pytest

from game.cli.main import main
from game.engine import compile_rules
from game.i18n import set_language
from game.levels.loader import load_level
from game.match import play_game
from game.players.registry import make_player
from game.saves import save_match
from game.saves.timeline import branch

PLANS = ("greedy", "random", "fixed:70/10/10/10", "fixed:10/40/20/30")


@pytest.fixture(scope="module")
def class_folder(tmp_path_factory):
    """Four groups' saves from one lesson (seed 4711), one stopped early, in two PC folders."""
    folder = tmp_path_factory.mktemp("usb")
    loaded = load_level("levels/classroom-45.yaml")
    rules = compile_rules(loaded.level)
    for k, plan in enumerate(PLANS):
        side, other = ("usa", "china") if k % 2 == 0 else ("china", "usa")
        match = play_game(rules, {side: make_player(plan), other: make_player("easy")}, 4711)
        if k == 3:
            match = branch(match, 6)  # stopped by the lesson after five quarters
        players = {side: "human", other: "easy"}
        save_match(
            match, loaded, f"g{k}", "vs_ai", players, folder=folder / f"pc{k % 2}",
            group=f"Gruppe {k + 1}",
        )  # fmt: skip
    (folder / "pc0" / "kaputt.json").write_text('{"format": "swarms', encoding="utf-8")
    yield folder
    set_language("en")


def read_csv(path, delimiter):
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode()), "no byte-order mark: Excel garbles the umlauts"
    with open(path, encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file, delimiter=delimiter))


def test_one_page_for_every_group_and_a_german_spreadsheet(class_folder, tmp_path, capsys):
    out = tmp_path / "overview"
    assert main(["class-report", str(class_folder), "--out", str(out), "--lang", "de"]) == 0
    assert "kaputt.json" in capsys.readouterr().err
    html = (out / "class.html").read_text(encoding="utf-8")
    for k in range(len(PLANS)):
        assert f"<td>Gruppe {k + 1}</td>" in html
    assert html.count('<tr><td><span class="nr') == len(PLANS)
    assert "angehalten nach" in html and "Warum endete dieselbe Welt verschieden?" in html
    assert "kaputt.json" in html and html.count("data:image/png;base64,") == 1
    rows = read_csv(out / "class.csv", ";")
    assert len(rows) == 1 + len(PLANS) and all(len(r) == len(rows[0]) for r in rows)
    assert len(set(rows[0])) == len(rows[0])
    gap = rows[0].index("Abstand in Monaten (positiv: Titanen vorn)")
    assert all(re.fullmatch(r"−?-?\d+(,\d)?", r[gap]) for r in rows[1:])
    assert any("," in r[gap] for r in rows[1:])
    for name in ("handout-de.html", "worksheet-de.html", "handout-en.html", "worksheet-en.html"):
        assert (out / name).is_file()


def test_the_csv_dialect_can_be_chosen_apart_from_the_language(class_folder, tmp_path):
    out = tmp_path / "en"
    args = ["class-report", str(class_folder), "--out", str(out), "--lang", "de"]
    assert main([*args, "--csv-dialect", "en"]) == 0
    rows = read_csv(out / "class.csv", ",")
    assert rows[0][0] == "Gruppe" and len(rows) == 1 + len(PLANS)
    assert not any("," in cell for row in rows[1:] for cell in row[12:14])


def test_no_readable_game_is_one_sentence_and_exit_1(tmp_path, capsys):
    (tmp_path / "a.json").write_text("nope", encoding="utf-8")
    assert main(["class-report", str(tmp_path), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "no game could be opened" in err and "Traceback" not in err
