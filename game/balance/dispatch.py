"""Games played on a Dask distributed cluster instead of this machine's process pool.

A game is a pure function of (level text, seed, players), so a worker needs no file of
ours: the level travels as text (`LevelText`) and every worker prepares itself once per
run (`setup`) before its first batch. Results come back in job order, so a summary is the
same as a local run's for the same seeds. Workers must run the same game code; the run is
refused when one does not (its `code_fingerprint` differs), because different code would
play different games.

`distributed` is an optional extra (`pip install 'swarms-vs-titans[cluster]'`); without it,
asking for a scheduler gets a `ClusterProblem` saying so, never a traceback.
"""

from __future__ import annotations

import hashlib
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

BATCHES_IN_FLIGHT = 4  # per worker thread: every core busy, little to cancel on Ctrl+C
CONNECT_TIMEOUT_S = 10


class ClusterProblem(Exception):
    """The cluster cannot be used; the message is one sentence for the designer."""


@dataclass(frozen=True)
class LevelText:
    """A level as its text, for a worker that cannot read our files."""

    name: str
    text: str


def load_source(level: str | Path | LevelText):
    """The loaded level, from a file on this machine or from text sent along."""
    from game.levels.loader import load_level, load_level_text

    if isinstance(level, LevelText):
        return load_level_text(level.text, level.name)
    return load_level(level)


def level_text(path: str | Path) -> LevelText:
    """The level file as text to send to the workers (it was checked before)."""
    return LevelText(str(path), Path(path).read_text(encoding="utf-8"))


def code_fingerprint() -> str:
    """A hash of every module of the game: equal on two machines means the same rules and AI."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def connect(address: str, timeout: float = CONNECT_TIMEOUT_S):
    """A Dask client for the scheduler at `address`, after checking the workers' code."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterProblem(
            "--scheduler needs Dask: pip install 'swarms-vs-titans[cluster]'"
        ) from None
    try:
        client = Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterProblem(f"cannot reach the Dask scheduler at {address}: {err}") from None
    try:
        _check_workers(client, address)
    except BaseException:
        client.close()
        raise
    return client


def _check_workers(client, address: str) -> None:
    fingerprints = client.run(code_fingerprint)
    if not fingerprints:
        raise ClusterProblem(f"the Dask scheduler at {address} has no workers yet")
    mine = code_fingerprint()
    strangers = sorted(worker for worker, theirs in fingerprints.items() if theirs != mine)
    if strangers:
        raise ClusterProblem(
            f"{len(strangers)} worker(s) run different game code ({', '.join(strangers[:3])}); "
            "install the same version of the game on every machine"
        )


def _result(future) -> list:
    """A batch's results; a worker or scheduler lost on the way is one sentence."""
    from concurrent.futures import CancelledError

    from distributed.scheduler import KilledWorker

    try:
        return future.result()
    except (KilledWorker, CancelledError, OSError) as err:
        raise ClusterProblem(
            f"the cluster lost games on the way ({type(err).__name__}: {err}); "
            "check the workers and run again"
        ) from None


_PREPARED: dict[str, str] = {}
_WORKER_LOCK = threading.Lock()


def _run_batch(token: str, setup: Callable, setup_args: tuple, task: Callable, batch: list):
    """On a worker: prepare for this run once, then play the batch.

    One batch at a time per process: the players and rules live in module globals, and
    pure-Python games gain nothing from threads sharing one interpreter anyway.
    """
    with _WORKER_LOCK:
        if _PREPARED.get("token") != token:
            setup(*setup_args)
            _PREPARED["token"] = token
        return [task(job) for job in batch]


def cluster_map(
    client, setup: Callable, setup_args: tuple, task: Callable, jobs: Sequence, chunk: int = 0
) -> Iterator:
    """`task(job)` for every job on the cluster, yielded in job order.

    Only a few batches per worker thread are submitted at a time, so a run of millions of
    games holds little; stopping early (Ctrl+C) cancels what has not started.
    """
    threads = max(1, sum(client.nthreads().values()))
    chunk = chunk or max(1, min(32, len(jobs) // (threads * 8)))
    token = hashlib.sha256(repr((setup.__module__, setup.__qualname__, setup_args)).encode())
    token_text = token.hexdigest()
    batches = (list(jobs[i : i + chunk]) for i in range(0, len(jobs), chunk))
    pending: deque = deque()

    def submit_next() -> bool:
        batch = next(batches, None)
        if batch is not None:
            pending.append(
                client.submit(_run_batch, token_text, setup, setup_args, task, batch, pure=False)
            )
        return batch is not None

    try:
        while len(pending) < BATCHES_IN_FLIGHT * threads and submit_next():
            pass
        while pending:
            results = _result(pending.popleft())
            submit_next()
            yield from results
    finally:
        for future in pending:
            future.cancel()
