"""Build the standalone game for school PCs: a PyInstaller one-folder bundle.

    python tools/build_bundle.py [--portable] [--windowed] [--dist DIR] [--archive]

Needs `pip install -e '.[bundle]'` (PyInstaller). The result, `DIR/swarms-vs-titans/`, runs
with no Python installed: copy the folder anywhere and start `swarms-vs-titans` (`.exe` on
Windows) inside it; every command of `python -m game` works the same. The levels and assets
go in as package data (`game/_data/`, the same files the wheel carries). `--portable` writes
`portable.txt` beside the executable, so saves, settings and reports stay in `user-data/`
there instead of the user's profile (wiped profiles, USB sticks). A bundle runs only on the
OS it was built on: Windows and macOS bundles come from .github/workflows/bundle.yml.
"""

from __future__ import annotations

import argparse
import os
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "swarms-vs-titans"
#: Installed in a developer's environment but never used by the game.
EXCLUDED = ("tkinter", "numpy", "pytest", "hypothesis", "mypy", "IPython", "setuptools")
#: pygame_gui's own hook ships its Chinese, Japanese and Korean fonts (37 MB); it loads them
#: only for those UI locales, and the game sets none (German and English use Noto Sans).
UNUSED_DATA = ("pygame_gui/data/NotoSansJP-*", "pygame_gui/data/NotoSansKR-*")
UNUSED_DATA += ("pygame_gui/data/NotoSansSC-*",)
PORTABLE_NOTE = """\
Portable mode / Portabler Modus

Saves, settings and reports are kept in the folder user-data/ beside this file, not in the
user's profile. Delete this file to keep them in the profile instead.

Spielstände, Einstellungen und Berichte liegen im Ordner user-data/ neben dieser Datei,
nicht im Benutzerprofil. Wer diese Datei löscht, speichert wieder im Profil.
"""


def shipped_data() -> list[tuple[Path, str]]:
    """(file in the checkout, folder in the bundle) for every level and asset we ship."""
    shipped_files = runpy.run_path(str(ROOT / "setup.py"), run_name="bundle")["shipped_files"]
    return [(ROOT / p, str(Path("game", "_data", p.parent))) for p in shipped_files()]


def pyinstaller_args(dist: Path, work: Path, windowed: bool) -> list[str]:
    args = [
        "--noconfirm",
        "--clean",
        "--onedir",
        "--name",
        NAME,
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        "--collect-submodules",
        "game",  # screens are imported by name (game/ui/scenes/__init__.py)
        "--windowed" if windowed else "--console",
    ]
    for module in EXCLUDED:
        args += ["--exclude-module", module]
    for source, folder in shipped_data():
        args += ["--add-data", f"{source}{os.pathsep}{folder}"]
    return [*args, str(ROOT / "main.py")]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, portable: bool = False, windowed: bool = False) -> Path:
    """Build the bundle into `dist/swarms-vs-titans/`; the path of its executable."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit(
            "PyInstaller is missing: pip install -e '.[bundle]' (or pip install pyinstaller)"
        ) from None
    work = dist.parent / f"{dist.name}-build"
    command = [sys.executable, "-m", "PyInstaller", *pyinstaller_args(dist, work, windowed)]
    subprocess.run(command, cwd=ROOT, check=True)
    shutil.rmtree(work, ignore_errors=True)
    folder = dist / NAME
    for built in (folder, dist / f"{NAME}.app"):  # the .app exists with --windowed on macOS
        for pattern in UNUSED_DATA:
            for unused in built.rglob(pattern):
                unused.unlink()
    executable = folder / (NAME + (".exe" if os.name == "nt" else ""))
    if sys.platform == "darwin" and windowed:
        folder = dist / f"{NAME}.app"
        executable = folder / "Contents" / "MacOS" / NAME
    if portable:
        (executable.parent / "portable.txt").write_text(PORTABLE_NOTE, encoding="utf-8")
    return executable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="output folder (dist/)")
    parser.add_argument(
        "--portable", action="store_true", help="keep user data beside the executable"
    )
    parser.add_argument(
        "--windowed", action="store_true", help="no console window (Windows, macOS .app)"
    )
    parser.add_argument(
        "--archive", action="store_true", help="also pack the folder as .zip (Windows) or .tar.gz"
    )
    args = parser.parse_args(argv)
    dist = Path(args.dist).resolve()
    executable = build(dist, portable=args.portable, windowed=args.windowed)
    folder = executable.parent if executable.parent.name == NAME else dist / NAME
    if sys.platform == "darwin" and args.windowed:
        folder = dist / f"{NAME}.app"
    print(f"built {executable}")
    print(f"size: {folder_size(folder) / 1e6:.0f} MB in {folder}")
    if args.archive:
        kind = "zip" if os.name == "nt" or sys.platform == "darwin" else "gztar"
        archive = shutil.make_archive(str(dist / folder.name), kind, dist, folder.name)
        print(f"archive: {archive} ({Path(archive).stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
