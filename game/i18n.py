"""Every word a player reads, in German and English, from `assets/i18n/<lang>/*.yaml`.

Each area of the game has its own file (core.yaml, turn.yaml, …) so people working on
different screens never edit the same file; all files of a language are merged into one
flat catalogue of dotted keys. Text is looked up at draw time, so switching the language
takes effect on the next frame.

    t("menu.new_game")                          → "New game"
    t("level_errors.hint", hint="use spaces")   → "Hint: use spaces"
    tn("level_errors.count", 3, file="a.yaml")  → key "level_errors.count.other", {n} = 3
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import ClassVar

import yaml

from game.paths import I18N

log = logging.getLogger(__name__)

I18N_DIR = I18N
LANGUAGES = ("en", "de")
FALLBACK = "en"


class TextLoader(yaml.SafeLoader):
    """SafeLoader that reads every scalar as text (no `no` → False, no `1.0` → float)."""

    yaml_implicit_resolvers: ClassVar[dict] = {}


def _parse(text: str) -> object:
    loader = TextLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _flatten(data: object, prefix: str, out: dict[str, str], origin: str) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            _flatten(value, f"{prefix}.{key}" if prefix else str(key), out, origin)
    elif isinstance(data, str):
        if prefix in out:
            log.warning("translation key %s defined twice (again in %s)", prefix, origin)
        out[prefix] = data
    elif data is not None:
        log.warning("translation %s in %s is not text; ignored", prefix, origin)


def load_catalogue(lang: str, root: Path = I18N_DIR) -> dict[str, str]:
    """All keys of one language, merged from every YAML file in its folder."""
    out: dict[str, str] = {}
    folder = root / lang
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = _parse(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            log.warning("cannot read translations %s: %s", path, exc)
            continue
        _flatten(data, "", out, str(path))
    return out


class _Params(dict):
    """Leaves an unknown `{placeholder}` visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Translator:
    def __init__(self, lang: str = FALLBACK, root: Path = I18N_DIR):
        self.root = root
        self._catalogues: dict[str, dict[str, str]] = {}
        self._reported: set[tuple[str, str]] = set()
        self.lang = FALLBACK
        self.set_language(lang)

    def catalogue(self, lang: str) -> dict[str, str]:
        if lang not in self._catalogues:
            self._catalogues[lang] = load_catalogue(lang, self.root)
        return self._catalogues[lang]

    def set_language(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else FALLBACK

    def reload(self) -> None:
        self._catalogues.clear()

    def has(self, key: str) -> bool:
        return key in self.catalogue(self.lang) or key in self.catalogue(FALLBACK)

    def __call__(self, key: str, **params: object) -> str:
        text = self.catalogue(self.lang).get(key)
        if text is None:
            text = self.catalogue(FALLBACK).get(key)
            if (self.lang, key) not in self._reported:
                self._reported.add((self.lang, key))
                log.warning("missing translation %s for %s", key, self.lang)
            if text is None:
                return key
        if not params:
            return text
        try:
            return text.format_map(_Params(params))
        except (ValueError, IndexError, AttributeError) as exc:
            log.warning("translation %s has a bad placeholder: %s", key, exc)
            return text


_translator = Translator()


def t(key: str, **params: object) -> str:
    """The text for `key` in the current language, with `{placeholders}` filled in."""
    return _translator(key, **params)


def tn(key: str, count: int, **params: object) -> str:
    """Plural: `key.one` when count is 1, else `key.other`; `{n}` is the count."""
    return _translator(f"{key}.{'one' if count == 1 else 'other'}", n=count, **params)


def has_key(key: str) -> bool:
    return _translator.has(key)


def set_language(lang: str) -> None:
    _translator.set_language(lang)


def language() -> str:
    return _translator.lang


def reload_catalogues() -> None:
    """Forget cached catalogues (after a translation file changed)."""
    _translator.reload()


def pick(text: object) -> str:
    """A level's `Text{en, de}` (or a plain str) in the current language."""
    if isinstance(text, str):
        return text
    return getattr(text, _translator.lang, None) or getattr(text, FALLBACK, "")
