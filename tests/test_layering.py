"""The import graph keeps its layers: a package never imports one above it.

engine <- levels; players/ai <- engine; match <- players; saves/balance/classroom <- match;
ui and cli <- all of them. Every import counts, also those inside functions and those only
for type checking, because each is a dependency a reader has to follow."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[1] / "game"

# What each package must never import (directly or inside a function).
FORBIDDEN = {
    "levels": {"engine", "match", "players", "ai", "saves", "balance", "classroom", "ui", "cli"},
    "engine": {"match", "players", "ai", "saves", "balance", "classroom", "ui", "cli"},
    "match": {"saves", "balance", "classroom", "ui", "cli"},
    "saves": {"balance", "classroom", "ui", "cli"},
    "balance": {"classroom", "ui", "cli"},
    "paths": {"engine", "levels", "match", "saves", "ui", "cli"},
    "numbers": {"engine", "levels", "match", "saves", "ui", "cli"},
}


def imported_packages(package: str) -> dict[str, set[str]]:
    """{imported top-level package under game: the modules that import it}."""
    root = GAME / package
    files = sorted(root.rglob("*.py")) if root.is_dir() else [GAME / f"{package}.py"]
    found: dict[str, set[str]] = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
                if node.module == "game":
                    names = [f"game.{alias.name}" for alias in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "game" and len(parts) > 1 and parts[1] != package:
                    found.setdefault(parts[1], set()).add(path.relative_to(GAME).as_posix())
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_reaches_up_a_layer(package):
    found = imported_packages(package)
    wrong = {up: sorted(found[up]) for up in FORBIDDEN[package] & set(found)}
    assert wrong == {}, f"game/{package} imports a layer above it: {wrong}"
