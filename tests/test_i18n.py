"""Translations: German and English have the same keys and placeholders, every key the
code asks for exists, and the loader is safe and forgiving."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from game.i18n import I18N_DIR, Translator, load_catalogue, set_language, t, tn

ROOT = Path(__file__).parent.parent
# t("a.b"), tn("a.b", n), self.button("a.b", …): literal dotted keys used by the code
KEY_CALL = re.compile(r"""\b(?:t|tn|_t)\(\s*["']([a-z0-9_]+(?:\.[a-z0-9_\-]+)+)["']""")


@pytest.fixture(autouse=True)
def english():
    yield
    set_language("en")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_de_and_en_have_the_same_keys():
    en, de = load_catalogue("en"), load_catalogue("de")
    assert en, "no English texts found"
    assert sorted(set(en) - set(de)) == [], "missing in German"
    assert sorted(set(de) - set(en)) == [], "missing in English"


def test_placeholders_match_between_languages():
    en, de = load_catalogue("en"), load_catalogue("de")
    wrong = {
        k: (en[k], de[k]) for k in en if k in de and placeholders(en[k]) != placeholders(de[k])
    }
    assert wrong == {}


def test_every_key_used_in_code_exists():
    en = load_catalogue("en")
    plural = {k.rsplit(".", 1)[0] for k in en if k.endswith((".one", ".other"))}
    missing = []
    for path in (ROOT / "game").rglob("*.py"):
        for key in KEY_CALL.findall(path.read_text(encoding="utf-8")):
            if key not in en and key not in plural:
                missing.append(f"{path.relative_to(ROOT)}: {key}")
    assert missing == []


def test_german_has_real_umlauts():
    de = " ".join(load_catalogue("de").values())
    assert all(ch in de for ch in "äöüß")


def test_live_switch_and_placeholders():
    set_language("en")
    assert t("menu.quit") == "Quit"
    set_language("de")
    assert t("menu.quit") == "Beenden"
    assert tn("level_errors.count", 1, file="a.yaml") == "1 Problem in a.yaml"
    assert tn("level_errors.count", 3, file="a.yaml") == "3 Probleme in a.yaml"


def test_missing_key_shows_the_key_not_a_crash():
    assert t("no.such.key") == "no.such.key"
    assert t("level_errors.hint") == "Hint: {hint}"  # a missing parameter stays visible


def test_loader_reads_everything_as_text_and_ignores_broken_files(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.yaml").write_text("a:\n  no: no\n  n: 1.0\n", encoding="utf-8")
    (tmp_path / "en" / "b.yaml").write_text("b: [unclosed\n", encoding="utf-8")
    (tmp_path / "en" / "c.yaml").write_text("c: !!python/object:os.system x\n", encoding="utf-8")
    tr = Translator("en", root=tmp_path)
    assert tr("a.no") == "no" and tr("a.n") == "1.0"
    assert tr("b") == "b" and tr("c") == "c"


def test_translation_files_are_utf8_yaml_per_area():
    for lang in ("en", "de"):
        files = sorted((I18N_DIR / lang).glob("*.yaml"))
        assert any(f.name == "core.yaml" for f in files)
