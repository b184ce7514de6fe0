"""Saves' messages in the player's language, from assets/i18n/<lang>/saves.yaml.

Problems travel as a code plus parameters (like the engine's `Reason`s); this module puts
them into words for the command line and for screens that have no translator of their own.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from game.paths import I18N

I18N_DIR = I18N


@cache
def _table(lang: str) -> dict[str, Any]:
    try:
        with open(I18N_DIR / lang / "saves.yaml", encoding="utf-8") as file:
            data = yaml.safe_load(file)
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def text(key: str, lang: str = "en", **params: object) -> str:
    """The message for a dotted key (under `saves:`), filled in; the key itself if missing."""
    node: object = _table(lang).get("saves", {})
    for part in key.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    if not isinstance(node, str):
        if lang != "en":
            return text(key, "en", **params)
        return key
    try:
        return node.format(**params)
    except (KeyError, IndexError, ValueError):
        return node
