"""Putting an AI's reasons into words: `explain(code, params, lang) -> str`.

Reads `assets/i18n/<lang>/ai.yaml` with the safe loader (a tiny self-contained lookup until
the UI's general i18n module exists). A code may join several parts with `+`; each part
becomes one sentence. Parameters that are `{en: ..., de: ...}` dicts (policy titles from
the level) are shown in the reader's language. Pure apart from reading the files once.
"""

from __future__ import annotations

import string
from functools import cache

import yaml

from game.i18n import language
from game.paths import I18N

I18N_DIR = I18N
LANGUAGES = ("en", "de")


@cache
def messages(lang: str) -> dict[str, str]:
    """The `ai` messages of one language (English when the language is unknown)."""
    if lang not in LANGUAGES:
        lang = "en"
    with open(I18N_DIR / lang / "ai.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return {str(k): str(v) for k, v in (data.get("ai") or {}).items()}


# Codes whose sentence counts something: with a count of one, `<code>_one` is used, so no
# reader sees "1 quarters" or "Quartal(e)".
COUNTED = {"final_push": "turns_left"}


class _Lenient(dict):
    """Leaves a `{name}` in the text when a parameter is missing, rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def explain(code: str | None, params: dict | None, lang: str = "en") -> str:
    """The decision's reasons in `lang`; empty for a decision without explanation."""
    if not code:
        return ""
    words = messages(lang)
    values = _Lenient()
    for key, value in (params or {}).items():
        if isinstance(value, dict) and ("en" in value or lang in value):
            value = value.get(lang, value.get("en", ""))
        values[key] = value
    sentences = []
    for part in code.split("+"):
        if part in COUNTED and values.get(COUNTED[part]) == 1:
            part = f"{part}_one"
        template = words.get(part) or messages("en").get(part) or part
        sentences.append(string.Formatter().vformat(template, (), values).strip())
    return " ".join(s for s in sentences if s)


def explain_for_reader(code: str, params: dict) -> str:
    """The AI's reason in the language the game is showing; empty when a parameter does
    not fit the words (a reason is a courtesy, never worth an error on screen)."""
    try:
        return explain(code, params, language())
    except (KeyError, IndexError, ValueError):
        return ""
