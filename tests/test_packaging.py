"""The game as a real package: a wheel built from the project, installed into a fresh
environment and run from another folder, validates its shipped levels, draws the menu in
both languages exactly as the checkout does, and writes a new level where the designer is.

Offline: the wheel is built without build isolation (setuptools comes with the test extra)
and installed with --no-deps --no-index; the fresh environment borrows the dependencies
(pygame-ce, pydantic, ...) from this one through a .pth file, while `game` itself must come
from the wheel (checked).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pygame
import pytest
from shipped import shipped_levels

ROOT = Path(__file__).resolve().parents[1]
BUILD_INPUTS = (
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "README.md",
    "game",
    "levels",
    "assets",
)

PIP = (sys.executable, "-m", "pip")

pytestmark = pytest.mark.slow


def _run(args, cwd, env, timeout=600):
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{args}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    return done.stdout


def _clean_copy(target: Path) -> Path:
    """The files a build may use, without build/ leftovers or caches of the checkout."""
    target.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "_data", "*.egg-info")
    for name in BUILD_INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(python, scripts folder, environment) of a fresh venv holding only the built wheel."""
    tmp = tmp_path_factory.mktemp("packaging")
    source = _clean_copy(tmp / "source")
    wheels = tmp / "wheels"
    base_env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    _run(
        [*PIP, "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", wheels, source],
        cwd=tmp,
        env=base_env,
    )
    (wheel,) = wheels.glob("swarms_vs_titans-*.whl")

    venv = tmp / "fresh"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp, env=base_env)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run(
        [*PIP, "--python", python, "install", "-q", "--no-deps", "--no-index", wheel],
        cwd=tmp,
        env=base_env,
    )
    where = json.loads(
        _run(
            [python, "-c", "import json, sysconfig; print(json.dumps(sysconfig.get_paths()))"],
            cwd=tmp,
            env=base_env,
        )
    )
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(where["purelib"], "borrowed_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")

    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        SWARMS_TITANS_HOME=str(tmp / "home"),
        PATH=os.pathsep.join([where["scripts"], env.get("PATH", "")]),
    )
    return python, Path(where["scripts"]), Path(where["purelib"]), env


@pytest.fixture
def elsewhere(tmp_path):
    folder = tmp_path / "a classroom folder"
    folder.mkdir()
    return folder


def test_the_installed_game_comes_from_the_wheel_with_its_data(installed, elsewhere):
    python, _, site, env = installed
    code = "import game, game.paths as p; print(game.__file__); print(p.LEVELS); print(p.FONTS)"
    module, levels, fonts = _run([python, "-c", code], elsewhere, env).split()
    for found in (module, levels, fonts):
        assert Path(found).is_relative_to(site), found
    assert sorted(p.name for p in Path(levels).glob("*.yaml")) == [p.name for p in shipped_levels()]
    assert (Path(fonts) / "DejaVuSans.ttf").is_file()


def test_validate_checks_the_shipped_levels_from_another_folder(installed, elsewhere):
    _, scripts, _, env = installed
    out = _run([scripts / "swarms-vs-titans", "validate"], elsewhere, env)
    assert out.strip().splitlines()[-1] == f"OK: {len(shipped_levels())} level(s)"


def test_the_menu_draws_as_in_the_checkout_in_both_languages(installed, elsewhere):
    _, scripts, _, env = installed
    shots = {}
    for lang in ("de", "en"):
        out = elsewhere / f"menu-{lang}.png"
        _run(
            [scripts / "swarms-vs-titans", "shot", "menu", "--lang", lang, "--out", out],
            elsewhere,
            env,
        )
        reference = elsewhere / f"checkout-{lang}.png"
        _run(
            [sys.executable, "-m", "game", "shot", "menu", "--lang", lang, "--out", reference],
            ROOT,
            env,
        )
        shots[lang] = pygame.image.tobytes(pygame.image.load(str(out)), "RGB")
        assert shots[lang] == pygame.image.tobytes(pygame.image.load(str(reference)), "RGB")
    assert shots["de"] != shots["en"]  # the translations were found, not shown as keys twice


def test_new_level_writes_where_the_designer_is_not_into_the_install(installed, elsewhere):
    _, scripts, site, env = installed
    before = sorted((site / "game" / "_data" / "levels").iterdir())
    out = _run([scripts / "swarms-vs-titans", "new-level", "my-what-if"], elsewhere, env)
    assert "wrote my-what-if.yaml" in out
    assert (elsewhere / "my-what-if.yaml").is_file() and (elsewhere / "schema.json").is_file()
    assert sorted((site / "game" / "_data" / "levels").iterdir()) == before
    out = _run([scripts / "swarms-vs-titans", "validate", "my-what-if.yaml"], elsewhere, env)
    assert out.strip().splitlines()[-1] == "OK: 1 level(s)"
