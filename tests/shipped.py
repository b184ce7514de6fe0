"""The levels we ship: the files git tracks under levels/, not whatever lies in the folder.

A stray file a designer left in `levels/` must not join (or hide from) the shipped-level
tests. Outside a git checkout (an unpacked source archive) the folder itself is the list.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shipped_levels() -> list[Path]:
    """Every tracked `levels/*.yaml`, sorted; the folder's files when git cannot tell."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--", "levels/*.yaml"],
            cwd=ROOT,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout.decode("utf-8")
    except (OSError, subprocess.SubprocessError):
        listed = ""
    tracked = [ROOT / name for name in listed.split("\0") if name and "/" not in name[7:]]
    if tracked:
        return sorted(tracked)
    return sorted((ROOT / "levels").glob("*.yaml"))


def main_level() -> Path:
    """The main level's file; fails loudly when it is not shipped."""
    path = ROOT / "levels" / "cold-ai-war.yaml"
    assert path in shipped_levels(), f"the main level {path} is missing"
    return path
