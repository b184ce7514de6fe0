"""The import graph keeps its layers: a package never imports one above it.

engine <- levels; players/ai <- engine; match <- players; saves/balance/classroom <- match;
drawing (pictures from plain data, no App) <- engine; ui and cli <- all of them. Every
import counts, also those inside functions and those only for type checking, because each
is a dependency a reader has to follow."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[1] / "game"

# What each package must never import (directly or inside a function).
FORBIDDEN = {
    "levels": {"engine", "match", "players", "ai", "saves", "balance", "classroom", "ui", "cli"},
    "engine": {"match", "players", "ai", "saves", "balance", "classroom", "ui", "cli"},
    # The player registry builds the AIs, so the AIs take `Decision` from the engine.
    "ai": {"players", "match", "saves", "balance", "classroom", "ui", "cli"},
    "players": {"match", "saves", "balance", "classroom", "ui", "cli"},
    "match": {"saves", "balance", "classroom", "ui", "cli"},
    "saves": {"balance", "classroom", "ui", "cli"},
    "balance": {"classroom", "ui", "cli"},
    "classroom": {"ui", "cli"},
    "drawing": {"match", "players", "ai", "saves", "balance", "classroom", "lessons", "ui", "cli"},
    "paths": {"engine", "levels", "match", "saves", "ui", "cli"},
    "numbers": {"engine", "levels", "match", "saves", "ui", "cli"},
}


def imported_modules(path: Path) -> list[str]:
    """Every `game.…` name one file imports (`from game.a import b` gives `game.a.b`)."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return [name for name in names if name.startswith("game.")]


def package_of(path: Path) -> str:
    """The top-level package under game/ a file belongs to (`ui`, `paths`, …)."""
    return path.relative_to(GAME).with_suffix("").parts[0]


def imported_packages(package: str) -> dict[str, set[str]]:
    """{imported top-level package under game: the modules that import it}."""
    root = GAME / package
    files = sorted(root.rglob("*.py")) if root.is_dir() else [GAME / f"{package}.py"]
    found: dict[str, set[str]] = {}
    for path in files:
        for name in imported_modules(path):
            top = name.split(".")[1]
            if top != package:
                found.setdefault(top, set()).add(path.relative_to(GAME).as_posix())
    return found


def package_graph() -> dict[str, set[str]]:
    """{package: the packages it imports}, over every file under game/."""
    graph: dict[str, set[str]] = {}
    for path in sorted(GAME.rglob("*.py")):
        own = package_of(path)
        found = {name.split(".")[1] for name in imported_modules(path)} - {own}
        graph.setdefault(own, set()).update(found)
    return graph


def cycle_through(graph: dict[str, set[str]], start: str) -> list[str]:
    """A path start -> ... -> start along the graph's arrows, or [] when there is none."""
    trail: dict[str, str] = {}
    todo = [start]
    while todo:
        node = todo.pop()
        for nxt in sorted(graph.get(node, ())):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(trail[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if nxt not in trail:
                trail[nxt] = node
                todo.append(nxt)
    return []


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_reaches_up_a_layer(package):
    found = imported_packages(package)
    wrong = {up: sorted(found[up]) for up in FORBIDDEN[package] & set(found)}
    assert wrong == {}, f"game/{package} imports a layer above it: {wrong}"


def test_the_classroom_draws_without_the_screens():
    """The report's charts come from game/drawing with a print pen: no App, no scene."""
    found = imported_packages("classroom")
    assert "ui" not in found, f"game/classroom imports game/ui: {sorted(found.get('ui', []))}"
    assert "drawing" in found  # the same charts the screens draw, not a copy


@pytest.mark.parametrize("package", ["classroom", "saves", "ui", "drawing", "ai", "players"])
def test_no_import_cycle_runs_through(package):
    graph = package_graph()
    assert cycle_through(graph, package) == []


def test_the_cycle_finder_finds_a_cycle():
    """The check above can fail: a graph with an arrow back up has a cycle."""
    graph = {"ui": {"classroom"}, "classroom": {"saves", "drawing"}, "saves": {"ui"}}
    assert cycle_through(graph, "classroom") == ["classroom", "saves", "ui", "classroom"]
    assert cycle_through({"ui": {"classroom"}, "classroom": {"drawing"}}, "ui") == []
