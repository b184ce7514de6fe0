"""A process killed in the middle of saving never damages the previous save."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from game.saves import read_save
from game.saves.format import SaveGame

ROOT = Path(__file__).resolve().parents[1]

# The child plays a game once, then rewrites one slot forever with ever-growing titles, so
# every write differs from the last and takes long enough to be caught half-way.
CHILD = textwrap.dedent(
    """
    import sys
    from game.engine import compile_rules
    from game.levels.loader import load_level
    from game.match import play_game
    from game.players.registry import make_player
    from game.saves import save_from_match, write_save

    loaded = load_level("tests/fixtures/minimal_level.yaml")
    rules = compile_rules(loaded.level)
    match = play_game(rules, {"usa": make_player("greedy"), "china": make_player("random")}, 1)
    base = save_from_match(match, loaded)
    n = 0
    while True:
        n += 1
        save = base.model_copy(update={"title": f"write {n} " + "x" * (200_000 + n * 997)})
        write_save(save, sys.argv[1])
        if n == 1:
            print("ready", flush=True)
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal")
def test_the_previous_save_survives_a_kill_at_any_moment(tmp_path):
    slot = tmp_path / "slot.json"
    rng = random.Random(6)
    seen_titles = set()
    for _ in range(5):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(slot)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout.readline().strip() == "ready", child.stderr.read()
            time.sleep(rng.uniform(0.0, 0.25))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
        save = read_save(slot)
        assert isinstance(save, SaveGame), save.message()
        assert save.title.startswith("write ") and len(save.title) > 200_000
        seen_titles.add(save.title.split(" ")[1])
    # The kills landed at different points of the loop, not always after the same write.
    assert len(seen_titles) > 1
    # Killed writes leave only hidden temporary files, which the load list ignores.
    from game.saves import list_saves

    assert [e.path.name for e in list_saves(tmp_path)] == ["slot.json"]
