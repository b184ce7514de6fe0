"""UI performance: launch time, turn-screen frame time, idle CPU and resident memory.

Each figure is measured in a fresh subprocess under the SDL dummy driver (no window, no GPU),
with its own empty settings/saves folder, so the numbers do not depend on what ran before:

- launch: from starting `python` to the menu's first frame drawn (the same imports and
  `App` set-up as `python -m game`), median of a few launches;
- frame: `App.step()` on the turn screen at 1280×720 (after 6 quarters), still frames and
  frames with the mouse moving over the screen (hover, tooltips), p50 / p99 / max;
- climb: `App.step()` on the quarter's report while the ladder climbs, a milestone flashes
  and the gap label pulses (the animation restarted whenever it ends), at 60 frames a
  second as `App.run()` draws while animating, p50 / p99 / max, and the p99 of CPU time;
- audio: opening the mixer and loading every sound (`Audio.start()`), which the game does
  after its first frame, and the music playing during the idle measurements;
- idle: process CPU time while `App.run()` shows a screen and nothing happens, as a share
  of one core (menu and turn screen);
- memory: peak resident set size after opening every main scene.

Prints a table; `--write` also writes docs/ui-performance.md. Not a test: wall-clock figures
vary by machine and load (the load average is printed with them).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "ui-performance.md"
TARGETS = {
    "launch_s": 1.5,
    "frame_p99_ms": 8.0,
    "idle_cpu_pct": 10.0,
    "rss_mb": 250.0,
    "audio_ms": 100.0,
}

LAUNCH_CHILD = """
import sys
import game.cli.main as cli
import game.ui.runtime as runtime

def first_frame(self):
    self.step([], 1 / 60)
    print("READY", flush=True)
    return 0

runtime.App.run = first_frame
sys.exit(cli.main([]))
"""


def _env(home: str) -> dict:
    env = dict(os.environ)
    env.update(
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        SWARMS_TITANS_HOME=home,
    )
    return env


def measure_launch(runs: int) -> list[float]:
    """Seconds from spawning the interpreter to the first frame of the menu."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            start = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-c", LAUNCH_CHILD],
                cwd=ROOT,
                env=_env(home),
                stdout=subprocess.PIPE,
                text=True,
            )
            for line in proc.stdout:
                if line.strip() == "READY":
                    times.append(time.perf_counter() - start)
                    break
            proc.wait()
    return times


def _child(kind: str, *args: str) -> dict:
    with tempfile.TemporaryDirectory() as home:
        out = subprocess.run(
            [sys.executable, __file__, "--child", kind, *args],
            cwd=ROOT,
            env=_env(home),
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- children (run in their own process) ------------------------------------------------
def _app():
    from game.ui.runtime import App
    from game.ui.settings import Settings

    return App(settings=Settings(language="en"), size=(1280, 720), persist=False)


def _turn_scene(app):
    from game.ui.scenes.turn import TurnScene
    from game.ui.shot import Shot

    return TurnScene.for_shot(app, Shot(turn=6))


def child_frames(frames: int) -> dict:
    """Frame times on the turn screen: still, then with the mouse sweeping over it."""
    import pygame

    app = _app()
    app.push(_turn_scene(app))
    for _ in range(30):  # warm caches (fonts, static layer, pygame_gui shapes)
        app.step([], 1 / 60)

    def timed(events_for) -> list[float]:
        times = []
        for i in range(frames):
            events = events_for(i)
            start = time.perf_counter()
            app.step(events, 1 / 60)
            times.append((time.perf_counter() - start) * 1000)
        return times

    still = timed(lambda i: [])
    w, h = app.size

    def sweep(i: int) -> list:
        pos = (37 * i % w, 23 * i % h)
        pygame.mouse.set_pos(pos)
        return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))]

    moving = timed(sweep)
    return {"still": still, "moving": moving}


def child_climb(frames: int) -> dict:
    """Frame times on the report while the ladder climbs (restarted when it settles)."""
    from game.ui.scenes.resolution import ResolutionScene
    from game.ui.session import GameSession
    from game.ui.shot import Shot

    app = _app()
    shot = Shot(turn=3)
    session = GameSession(
        shot.loaded, "vs_ai", ("usa",), "normal", shot.seed, shot.rules, shot.match
    )
    scene = ResolutionScene(app, session)
    scene._resolved()
    scene._enter_report()
    app.push(scene)
    for _ in range(30):
        app.step([], 1 / 60)
    times, cpu = [], []
    for _ in range(frames):
        if not scene.moving():
            scene._enter_report()
        start, start_cpu = time.perf_counter(), time.thread_time()
        app.step([], 1 / 60)
        took = time.perf_counter() - start
        times.append(took * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        time.sleep(max(0.0, 1 / 60 - took))  # paced like App.run() while animating
    return {"climb": times, "climb_cpu": cpu}


def child_audio() -> dict:
    """Milliseconds to open the mixer and load every sound (done after the first frame)."""
    from game.ui.audio import Audio
    from game.ui.settings import Settings

    audio = Audio(Settings())
    start = time.perf_counter()
    ok = audio.start()
    return {"audio_ms": (time.perf_counter() - start) * 1000, "ok": ok}


def child_idle(scene: str, seconds: float) -> dict:
    """CPU share of one core while `App.run()` shows `scene` and no input arrives."""
    import threading

    import pygame

    app = _app()
    if scene == "turn":
        app.push(_turn_scene(app))
    else:
        app.push(scene)
    for _ in range(5):
        app.step([], 1 / 60)
    frames = 0
    original = app.step

    def counting(*args, **kwargs):
        nonlocal frames
        frames += 1
        return original(*args, **kwargs)

    app.step = counting
    timer = threading.Timer(seconds, lambda: pygame.event.post(pygame.event.Event(pygame.QUIT)))
    cpu0, wall0 = time.process_time(), time.perf_counter()
    timer.start()
    app.run()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {"cpu_pct": 100 * cpu / wall, "frames_per_s": frames / wall, "seconds": wall}


def child_memory() -> dict:
    """Peak resident memory after opening the main scenes one after another."""
    import resource

    from game.ui.scenes import scene_class
    from game.ui.shot import Shot

    app = _app()
    shot = Shot(turn=6)
    for name in ("menu", "setup", "turn", "charts", "resolution", "end", "help", "sources"):
        cls = scene_class(name)
        app.stack.reset(cls.for_shot(app, shot) if hasattr(cls, "for_shot") else cls(app))
        for _ in range(10):
            app.step([], 1 / 60)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"rss_mb": peak_kb / 1024}


# --- report -----------------------------------------------------------------------------
def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ap.add_argument("--frames", type=int, default=600, help="frames per frame-time series")
    ap.add_argument("--launches", type=int, default=5)
    ap.add_argument("--idle-seconds", type=float, default=4.0)
    ap.add_argument("--write", action="store_true", help="write docs/ui-performance.md")
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        result = {
            "frames": lambda: child_frames(int(rest[0])),
            "climb": lambda: child_climb(int(rest[0])),
            "audio": child_audio,
            "idle": lambda: child_idle(rest[0], float(rest[1])),
            "memory": child_memory,
        }[kind]()
        print(json.dumps(result))
        return 0

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cores = os.cpu_count()
    launches = measure_launch(args.launches)
    frames = _child("frames", str(args.frames))
    climb = _child("climb", str(min(args.frames, 600)))
    audio = _child("audio")
    idle = {s: _child("idle", s, str(args.idle_seconds)) for s in ("menu", "turn")}
    memory = _child("memory")

    rows = [
        (
            f"launch to first frame (median of {len(launches)})",
            statistics.median(launches),
            "s",
            TARGETS["launch_s"],
        ),
        ("launch, slowest", max(launches), "s", None),
    ]
    for series in ("still", "moving"):
        t = frames[series]
        rows += [
            (f"turn screen frame p50 ({series})", pct(t, 0.5), "ms", None),
            (f"turn screen frame p99 ({series})", pct(t, 0.99), "ms", TARGETS["frame_p99_ms"]),
            (f"turn screen frame max ({series})", max(t), "ms", None),
        ]
    t = climb["climb"]
    rows += [
        ("report frame p50 (ladder climbing)", pct(t, 0.5), "ms", None),
        ("report frame p99 (ladder climbing)", pct(t, 0.99), "ms", TARGETS["frame_p99_ms"]),
        ("report frame max (ladder climbing)", max(t), "ms", None),
        (
            "report frame p99 CPU time (ladder climbing)",
            pct(climb["climb_cpu"], 0.99),
            "ms",
            TARGETS["frame_p99_ms"],
        ),
        (
            "audio start (mixer + every sound, after the first frame)",
            audio["audio_ms"],
            "ms",
            TARGETS["audio_ms"],
        ),
    ]
    for scene, r in idle.items():
        rows.append(
            (f"idle CPU, {scene} (one core = 100 %)", r["cpu_pct"], "%", TARGETS["idle_cpu_pct"])
        )
        rows.append((f"idle frames per second, {scene}", r["frames_per_s"], "/s", None))
    rows.append(("peak resident memory", memory["rss_mb"], "MB", TARGETS["rss_mb"]))

    lines = [
        "| figure | value | target |",
        "|---|---|---|",
    ]
    for name, value, unit, target in rows:
        mark = ""
        if target is not None:
            mark = f"≤ {target:g} {unit} " + ("✓" if value <= target else "✗")
        lines.append(f"| {name} | {value:.2f} {unit} | {mark} |")
    context = (
        f"Measured {time.strftime('%Y-%m-%d')} with `python bench/bench_ui.py` on {cores} cores "
        f"(load average {load:.1f} while measuring), SDL dummy driver, Python "
        f"{sys.version.split()[0]}."
    )
    print(context)
    print("\n".join(lines))
    if args.write:
        DOC.write_text(
            "# UI performance\n\n"
            "Made by `python bench/bench_ui.py --write` (every figure in a fresh process under "
            "the SDL dummy driver; see the script's docstring for what each one measures).\n\n"
            f"{context}\n\n" + "\n".join(lines) + "\n",
            encoding="utf-8",
        )
        print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
