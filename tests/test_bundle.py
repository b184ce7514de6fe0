"""The standalone bundle for school PCs (tools/build_bundle.py): built from this checkout,
it starts with no Python anywhere on PATH and an empty environment (as `env -i`), draws
the menu exactly as the checkout does, validates the shipped levels and a designer's level,
and in portable mode keeps user data beside the executable.

Marked `bundle`: it needs PyInstaller (`pip install -e '.[bundle]'`), which `.ci/run`
installs for this step only. Without it the tests skip, except under CI, where they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from shipped import main_level, shipped_levels

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import build_bundle  # noqa: E402

pytestmark = pytest.mark.bundle


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("CI must build the bundle: pip install -e '.[bundle]' first")
        pytest.skip("PyInstaller is not installed (pip install -e '.[bundle]')")
    dist = tmp_path_factory.mktemp("bundle") / "dist"
    return build_bundle.build(dist, portable=True)


@pytest.fixture
def bare(tmp_path):
    """(folder to run in, an environment as bare as `env -i` with a PATH without python)."""
    empty = tmp_path / "bin"
    empty.mkdir()
    assert shutil.which("python3", path=str(empty)) is None
    home = tmp_path / "home"
    env = {
        "PATH": str(empty),
        "HOME": str(home),
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
    }
    here = tmp_path / "USB stick"
    here.mkdir()
    return here, env


def _run(args, cwd, env):
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{args}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    return done.stdout


def test_the_bundle_validates_shipped_and_designer_levels_without_python(bundle, bare):
    here, env = bare
    out = _run([bundle, "validate"], here, env)
    assert out.strip().splitlines()[-1] == f"OK: {len(shipped_levels())} level(s)"
    shutil.copy(main_level(), here / "mine.yaml")
    assert _run([bundle, "validate", "mine.yaml"], here, env).endswith("OK: 1 level(s)\n")
    broken = here / "broken.yaml"
    broken.write_text("id: broken\n", encoding="utf-8")
    done = subprocess.run([bundle, "validate", broken], cwd=here, env=env, capture_output=True)
    assert done.returncode == 1 and b"Traceback" not in done.stdout + done.stderr


def test_the_bundle_draws_the_menu_as_the_checkout_does(bundle, bare, tmp_path):
    here, env = bare
    shot = here / "menu.png"
    _run([bundle, "shot", "menu", "--lang", "de", "--out", shot], here, env)
    reference = tmp_path / "checkout.png"
    checkout_env = {**os.environ, "SWARMS_TITANS_HOME": str(tmp_path / "checkout-home")}
    _run(
        [sys.executable, "-m", "game", "shot", "menu", "--lang", "de", "--out", reference],
        ROOT,
        checkout_env,
    )
    drawn = pygame.image.load(str(shot))
    assert drawn.get_size() == (1280, 720)
    assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(
        pygame.image.load(str(reference)), "RGB"
    )


def test_portable_mode_keeps_user_data_beside_the_executable(bundle, bare):
    here, env = bare
    beside = bundle.parent / "user-data"
    out = _run([bundle, "paths"], here, env)
    assert f"saves:             {beside / 'data' / 'saves'}" in out
    assert "user data:         portable" in out
    marker = bundle.parent / "portable.txt"
    marker.rename(bundle.parent / "portable.off")
    try:
        out = _run([bundle, "paths"], here, env)
    finally:
        (bundle.parent / "portable.off").rename(marker)
    assert "user data:         per user" in out
    assert f"saves:             {Path(env['HOME'])}" in out
