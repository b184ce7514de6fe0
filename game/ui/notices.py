"""One-line notices any part of the game can raise and the window shows for a few seconds.

Code without a screen of its own (the game session's autosave, for one) posts the text
here; `App` takes it at the next frame and draws it as a banner over whatever scene is up.
"""

from __future__ import annotations

_pending: list[str] = []


def post(text: str) -> None:
    """Show `text` (already in the player's language) at the next frame."""
    _pending.append(text)


def take() -> list[str]:
    """The notices posted since the last call (the window calls this once a frame)."""
    taken = list(_pending)
    _pending.clear()
    return taken
