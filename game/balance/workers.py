"""Pool workers that never outlive the command that started them, and runs that stop on Ctrl+C.

A pool worker is its own process: when the parent is killed (`kill -9`, a closed terminal)
nothing tells it, and it would go on playing games and writing saves. Each worker therefore
watches its parent: on Linux the kernel sends it SIGKILL when the parent dies (prctl), and on
every system a small thread notices the parent is gone (the worker is handed to another
parent) and exits within half a second.

`bounded_map` feeds the pool a few chunks at a time instead of every game up front, so a
run of millions of games allocates little, and Ctrl+C cancels what has not started.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor

PARENT_POLL_S = 0.5
CHUNKS_IN_FLIGHT = 4  # per worker: enough to keep every core busy, little to cancel


def die_with_parent() -> None:
    """Call first thing in a pool worker: it exits when the process that started it dies.
    Ctrl+C is left to the parent, which stops the workers itself (no traceback per worker)."""
    parent = os.getppid()
    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _kernel_watch()
    threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()


def _kernel_watch() -> None:
    """Linux: ask the kernel for SIGKILL when the parent dies (immediate, no polling)."""
    with contextlib.suppress(Exception):  # not Linux, or no libc: the thread still watches
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)


def _watch(parent: int) -> None:
    while True:
        time.sleep(PARENT_POLL_S)
        if os.getppid() != parent:
            os._exit(1)


def _play_chunk(function: Callable, items: list) -> list:
    return [function(item) for item in items]


def bounded_map(
    pool: Executor, function: Callable, items: Iterable, chunk: int, workers: int
) -> Iterator:
    """`pool.map(function, items)` in order, with only `CHUNKS_IN_FLIGHT` chunks per worker
    submitted at a time (`function` must be picklable, as for `pool.map`)."""
    source = iter(items)
    pending: deque = deque()

    def submit_next() -> bool:
        batch = [item for _, item in zip(range(chunk), source, strict=False)]
        if batch:
            pending.append(pool.submit(_play_chunk, function, batch))
        return bool(batch)

    try:
        while len(pending) < CHUNKS_IN_FLIGHT * workers and submit_next():
            pass
        while pending:
            results = pending.popleft().result()
            submit_next()
            yield from results
    finally:  # Ctrl+C, or the caller stopped early: nothing new starts
        for future in pending:
            future.cancel()


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers now, not after their current game."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    # Orders still in the pipe to a worker that is about to die would make the exit wait
    # for them forever (the queue's feeder thread is joined at exit): drop them instead.
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:
        with contextlib.suppress(Exception):
            call_queue.cancel_join_thread()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=1)
