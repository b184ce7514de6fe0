"""The one way the game reads a file a user could have put there: levels, saves, settings.

A path in a data folder can be anything: a named pipe that blocks the reader forever, a
link to /dev/zero that never ends, a socket, a folder, a file of many gigabytes. Before a
single byte is read, the path (with every symbolic link resolved) must be a regular file
no larger than the caller's limit; the open itself never blocks (O_NONBLOCK), the opened
handle is checked again (the file may have been swapped meanwhile) and at most limit + 1
bytes are read, so a file that grows while it is read is still caught.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# One reason code per way a file can be refused; callers word them for their audience.
REASONS = ("missing", "not_regular", "too_large", "unreadable")


class RefusedFile(OSError):
    """A file the game will not read, with a reason code and one plain English sentence."""

    def __init__(self, path: str | Path, reason: str, detail: str = "", size: int = 0, limit=0):
        self.path = str(path)
        self.reason = reason
        self.detail = detail  # the kind of thing found, or the system's reason
        self.size = size
        self.limit = limit
        super().__init__(self.sentence())

    def sentence(self) -> str:
        """One sentence naming the file and what is wrong with it (for logs and the CLI)."""
        name = self.path
        if self.reason == "missing":
            return f"{name} does not exist."
        if self.reason == "not_regular":
            return f"{name} is {self.detail}, not an ordinary file, so it was not read."
        if self.reason == "too_large":
            return (
                f"{name} is too large to read ({self.size:,} bytes; the limit is {self.limit:,})."
            )
        return f"{name} cannot be read ({self.detail})."


def _kind(mode: int) -> str:
    """What a non-regular file is, in words a player can look up."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not an ordinary file"


def _check(path: str | Path, info: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise RefusedFile(path, "not_regular", _kind(info.st_mode))
    if info.st_size > limit:
        raise RefusedFile(path, "too_large", size=info.st_size, limit=limit)


def check_file(path: str | Path, limit: int) -> Path:
    """The resolved path if `path` is a regular file within `limit` bytes; else `RefusedFile`.
    Symbolic links are followed to their end and the target held to the same rule."""
    try:
        real = Path(os.path.realpath(path))
        info = os.stat(real)
    except FileNotFoundError:
        raise RefusedFile(path, "missing") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise RefusedFile(path, "unreadable", getattr(exc, "strerror", None) or str(exc)) from None
    _check(path, info, limit)
    return real


def read_guarded(path: str | Path, limit: int) -> bytes:
    """The bytes of `path`, a regular file of at most `limit` bytes; raises `RefusedFile`
    (never blocks on pipes or devices, never reads more than limit + 1 bytes)."""
    real = check_file(path, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        raise RefusedFile(path, "unreadable", exc.strerror or type(exc).__name__) from None
    try:
        _check(path, os.fstat(fd), limit)  # the path may have been swapped since the check
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        if isinstance(exc, RefusedFile):
            raise
        raise RefusedFile(path, "unreadable", exc.strerror or type(exc).__name__) from None
    finally:
        os.close(fd)
    if total > limit:
        raise RefusedFile(path, "too_large", size=total, limit=limit)
    return b"".join(chunks)


def read_guarded_text(path: str | Path, limit: int) -> str:
    """`read_guarded` decoded as UTF-8 (a leading BOM dropped); UnicodeDecodeError as is."""
    return read_guarded(path, limit).decode("utf-8").removeprefix("\ufeff")
