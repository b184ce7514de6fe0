"""The command line and the Load screen against hostile files and hostile numbers.

Each case runs in its own process with a timeout: a hang fails the test and is killed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import (
    HANG_GUARD_S,
    LEVEL,
    ROOT,
    assert_one_plain_message,
    fifo,
    link_to,
    needs_posix,
    run_cli,
    valid_save_data,
    write_json,
)

LOAD_SCREEN = """
import json, sys
from game.ui.runtime import App
from game.ui.settings import Settings
from game.saves.present import entry_lines
app = App(settings=Settings(language="en"), persist=False)
app.push("menu")
app.push("load", folder=sys.argv[1])
import time
for _ in range(3):
    app.step([])
for _ in range(6000):  # the list is read off the UI thread: wait for its rows
    if not app.stack.top.reading:
        break
    time.sleep(0.005)
    app.step([])
app.step([])
scene = app.stack.top
print(json.dumps({
    "scene": scene.name,
    "crashed": app.last_crash_log is not None,
    "rows": [[e.path.name, *entry_lines(e)] for e in scene.entries],
}))
"""


@needs_posix
def test_validate_and_simulate_refuse_a_pipe_as_the_level(tmp_path):
    pipe = fifo(tmp_path / "level.yaml")
    for args in (("validate", str(pipe)), ("simulate", str(pipe), "--games", "1")):
        result = run_cli(*args)
        assert result.returncode == 1
        assert_one_plain_message(result, "level.yaml", "named pipe")


@needs_posix
@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_replay_and_report_refuse_a_device_or_pipe_as_the_save(tmp_path, target):
    save = fifo(tmp_path / "x.json") if target == "fifo" else link_to(tmp_path / "x.json", target)
    for args in (("replay", str(save)), ("report", str(save), "--out", str(tmp_path / "r"))):
        result = run_cli(*args, env={"SWARMS_TITANS_HOME": str(tmp_path)})
        assert result.returncode == 1
        assert_one_plain_message(result, "x.json", "not an ordinary file")


def test_huge_games_are_refused_with_a_message():
    result = run_cli("simulate", str(LEVEL), "--games", "1000000000")
    assert result.returncode == 2
    assert_one_plain_message(result, "--games", "1,000,000")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere"
)
def test_an_unwritable_save_folder_is_one_sentence(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = run_cli("simulate", str(LEVEL), "--games", "2", "--save-dir", str(folder))
    finally:
        folder.chmod(0o700)
    assert result.returncode == 1
    assert_one_plain_message(result, "locked")


def test_a_save_folder_that_is_a_file_is_one_sentence(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = run_cli("simulate", str(LEVEL), "--games", "2", "--save-dir", str(blocker / "sub"))
    assert result.returncode == 1
    assert_one_plain_message(result, "not-a-folder")


def _diverging_save(folder: Path) -> Path:
    data = valid_save_data(folder)
    data["final"]["state_hash"] = "0" * 64  # the recorded end no longer matches the replay
    return write_json(folder / "diverged.json", data)


def test_replay_verify_and_report_fail_on_a_diverging_save(tmp_path):
    save = _diverging_save(tmp_path)
    verify = run_cli("replay", str(save), "--verify")
    assert verify.returncode == 1
    assert_one_plain_message(verify, "diverged.json")
    report = run_cli(
        "report", str(save), "--out", str(tmp_path / "r"), env={"SWARMS_TITANS_HOME": str(tmp_path)}
    )
    assert report.returncode == 1
    assert_one_plain_message(report, "diverged.json")
    good = run_cli("replay", str(tmp_path / "good.json"), "--verify")
    assert good.returncode == 0, good.stderr


@needs_posix
def test_the_load_screen_lists_every_hostile_file_by_name(tmp_path):
    folder = tmp_path / "saves"
    folder.mkdir()
    data = valid_save_data(folder, "good")
    fifo(folder / "pipe.json")
    link_to(folder / "zero.json", "/dev/zero")
    long_title = {**data, "title": "W" * 200_000}  # no spaces: the old layout was cubic
    write_json(folder / "long-title.json", long_title)
    write_json(folder / "nul-title.json", {**data, "title": "a\x00b"})
    write_json(folder / "million.json", {**data, "turns": [{}] * 1_000_000})
    write_json(folder / "copy.json", data)
    result = subprocess.run(
        [sys.executable, "-c", LOAD_SCREEN, str(folder)],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_S,
        cwd=ROOT,
        env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SWARMS_TITANS_HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["scene"] == "load" and not shown["crashed"]
    rows = {name: (head, detail) for name, head, detail in shown["rows"]}
    for name in ("pipe.json", "zero.json", "million.json"):
        head, detail = rows[name]
        assert name in head and name in detail
    assert {"good.json", "copy.json", "long-title.json", "nul-title.json"} <= rows.keys()
    long_head = rows["long-title.json"][0]
    assert long_head.endswith("…") and len(long_head) < 200


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] != "Z":
                    alive.append(pid)
        except OSError:
            pass
    return alive


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_long_simulation(tmp_path: Path) -> tuple[subprocess.Popen, list[int]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "simulate", str(LEVEL), "--games", "1000000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SWARMS_TITANS_HOME": str(tmp_path)},
        # As if started from a terminal: a test run started in the background (`cmd &` in a
        # script) inherits SIGINT ignored, and so would the simulation, deaf to Ctrl+C.
        preexec_fn=_default_sigint,
    )
    workers: list[int] = []
    waited = 0.0
    while len(workers) < 2 and waited < HANG_GUARD_S and process.poll() is None:
        time.sleep(0.2)
        waited += 0.2
        workers = _children(process.pid)
    return process, workers


needs_proc = pytest.mark.skipif(
    not Path("/proc/self/stat").exists() or (os.cpu_count() or 1) < 2,
    reason="needs /proc and a process pool",
)


@needs_proc
def test_pool_workers_die_with_a_killed_parent(tmp_path):
    process, workers = _start_long_simulation(tmp_path)
    assert workers, "the simulation started no pool workers"
    process.kill()
    process.communicate(timeout=HANG_GUARD_S)
    deadline = time.monotonic() + HANG_GUARD_S  # a hang guard: they go within a second
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    orphans = _alive(workers)
    for pid in orphans:  # never leave them behind, even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not orphans


@needs_proc
def test_ctrl_c_stops_a_long_simulation_and_prints_what_finished(tmp_path):
    process, workers = _start_long_simulation(tmp_path)
    process.send_signal(signal.SIGINT)
    try:
        out, err = process.communicate(timeout=HANG_GUARD_S)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(
            f"Ctrl+C did not stop the simulation (workers {workers}, "
            f"SIGINT in this process: {signal.getsignal(signal.SIGINT)}); "
            f"stderr: {err[-2000:]!r}; stdout: {out[-500:]!r}"
        )
    assert process.returncode == 130
    assert "interrupted" in err and "Traceback" not in err, err
    assert "games:" in out
    assert not _alive(workers)
