"""Ship the levels and assets inside the package, so an installed game can start.

They stay at the top of the checkout (`levels/`, `assets/`), where designers and the docs
expect them; building a wheel copies them to `game/_data/`, where `game.paths` finds them
through importlib.resources. An editable install reads the checkout's folders directly.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
#: (folder in the checkout, file patterns shipped from it)
SHIPPED = (
    ("levels", ("*.yaml", "schema.json")),
    ("lessons", ("*.yaml",)),  # the example lesson, offered by the menu's Classroom page
    ("assets", ("CREDITS.md", "fonts/*", "i18n/*/*.yaml", "sounds/*")),
)


def shipped_files() -> list[Path]:
    """Every data file the package carries, relative to the checkout (tools/build_bundle.py
    ships the same list)."""
    files: list[Path] = []
    for folder, patterns in SHIPPED:
        for pattern in patterns:
            files += (p.relative_to(HERE) for p in sorted((HERE / folder).glob(pattern)))
    return [p for p in files if (HERE / p).is_file()]


class BuildWithData(build_py):
    """build_py that also copies the shipped data into `game/_data/` of the build."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "game" / "_data"
        for relative in shipped_files():
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(HERE / relative, destination)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        target = Path(self.build_lib) / "game" / "_data"
        data = [str(target / p) for p in shipped_files()]
        return [*super().get_outputs(include_bytecode), *data]


if __name__ == "__main__":  # setuptools runs this file as __main__; the bundle script reads it
    setup(cmdclass={"build_py": BuildWithData})
