"""Memory soak: random clicks, keys and resizes across every scene for ten minutes,
measuring the game's resident memory (RSS) once a second.

The goal (issue 17) is a peak under 250 MB that plateaus rather than grows. Runs headless
(SDL dummy driver) in a fresh temporary home folder, so saves the monkey writes go there.
Not a test: the figure depends on the machine, the Python build and the fonts.

    nice -n 10 .venv/bin/python bench/soak_memory.py            # 600 s
    nice -n 10 .venv/bin/python bench/soak_memory.py --seconds 60 --seed 3
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_MB = 250.0
#: Every scene a player can reach, so that each one's caches get their chance to grow.
SCENES = (
    "menu",
    "setup",
    "turn",
    "pause",
    "curtain",
    "resolution",
    "end",
    "debrief",
    "charts",
    "replay",
    "load",
    "settings",
    "help",
    "sources",
)

KEYS = ("space", "return", "tab", "escape", "up", "down", "left", "right", "page down", "f1")
KEYS += ("e", "c", "s", "7")


def rss_mb() -> float:
    """Resident memory now, from /proc (Linux); the peak so far elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def jump(app, rng: random.Random, shot) -> None:
    """Start again from the menu with a random scene on top (as `shot` builds it)."""
    from game.ui.scenes import scene_class

    app.stack.reset(scene_class("menu")(app))
    name = rng.choice(SCENES)
    cls = scene_class(name)
    if name != "menu" and cls is not None:
        app.push(cls.for_shot(app, shot) if hasattr(cls, "for_shot") else cls(app))


def one_input(app, rng: random.Random) -> None:
    import pygame

    w, h = app.size
    roll = rng.random()
    if roll < 0.6:
        pos = (rng.randrange(w), rng.randrange(h))
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        )
        for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            pygame.event.post(pygame.event.Event(kind, pos=pos, button=1))
    elif roll < 0.97:
        key = rng.choice(KEYS)
        for kind in (pygame.KEYDOWN, pygame.KEYUP):
            pygame.event.post(
                pygame.event.Event(
                    kind, key=pygame.key.key_code(key), mod=0, unicode="", scancode=0
                )
            )
    else:
        size = (rng.randint(800, 1600), rng.randint(480, 1000))
        pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))


def soak(seconds: float, seed: int) -> dict:
    from game.ui.runtime import App
    from game.ui.settings import Settings
    from game.ui.shot import Shot

    rng = random.Random(seed)
    app = App(settings=Settings(language="en", animation_speed="fast"), persist=False)
    shot = Shot(turn=6, seed=seed)
    app.push("menu")
    start_mb = rss_mb()
    samples: list[tuple[float, float]] = []
    steps = crashes = 0
    kinds: set[str] = set()
    began = next_sample = time.monotonic()
    while time.monotonic() - began < seconds:
        if steps % 250 == 0:
            jump(app, rng, shot)
        one_input(app, rng)
        app.step(dt=1 / 30)
        steps += 1
        if app.last_crash_log is not None:
            crashes += 1
            kinds.add(Path(app.last_crash_log).read_text().strip().splitlines()[-1])
            app.last_crash_log = None
        if not app.running:  # Quit was pressed: open the game again
            app.running = True
            jump(app, rng, shot)
        if rng.random() < 0.3:  # now and then a second language
            from game.i18n import set_language

            set_language(rng.choice(("en", "de")))
        now = time.monotonic()
        if now >= next_sample:
            samples.append((now - began, rss_mb()))
            next_sample = now + 1.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    minute = [mb for t, mb in samples if t <= 60] or [start_mb]
    by_minute = [
        max((mb for t, mb in samples if m * 60 <= t < (m + 1) * 60), default=0.0)
        for m in range(max(1, round(seconds / 60)))
    ]
    return {
        "by_minute": by_minute,
        "crash_kinds": sorted(kinds),
        "steps": steps,
        "crashes": crashes,
        "start_mb": start_mb,
        "after_1_min_mb": max(minute),
        "last_min_mb": max(mb for t, mb in samples if t >= seconds - 60) if samples else 0,
        "peak_mb": peak,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--seed", type=int, default=20251130)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["SWARMS_TITANS_HOME"] = home
        result = soak(args.seconds, args.seed)
    print(f"soak: {args.seconds:.0f} s, {result['steps']} inputs, {result['crashes']} crashes")
    print(f"resident memory at start      {result['start_mb']:7.1f} MB")
    print(f"highest in the first minute   {result['after_1_min_mb']:7.1f} MB")
    print(f"highest in the last minute    {result['last_min_mb']:7.1f} MB")
    print("highest per minute (MB)       " + " ".join(f"{mb:.0f}" for mb in result["by_minute"]))
    for kind in result["crash_kinds"]:
        print(f"crash: {kind}")
    print(f"peak (ru_maxrss)              {result['peak_mb']:7.1f} MB  (goal ≤ {GOAL_MB:.0f})")
    return 0 if result["peak_mb"] <= GOAL_MB and result["crashes"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
