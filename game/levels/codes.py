"""Every problem code the level checker uses: stable names tools, docs and `suppress:` rely on.

A code never changes meaning once shipped. Codes that are only ever errors cannot be
silenced; the others can, one level at a time, with `suppress: {code: "reason"}`.
"""

from __future__ import annotations

# code → (the severities it can have, what it means)
CODES: dict[str, tuple[tuple[str, ...], str]] = {
    "io": (("error",), "the file cannot be read"),
    "too-large": (("error",), "the file is too large (or has too many values) to be a level"),
    "too-deep": (("error",), "values are nested too deep"),
    "encoding": (("error",), "the file is not UTF-8 text"),
    "empty": (("error",), "the file is empty"),
    "yaml-syntax": (("error",), "the YAML itself cannot be read"),
    "alias": (("error",), "YAML anchors and aliases are not allowed"),
    "tag": (("error",), "YAML tags (!!int, !python/...) are not allowed"),
    "duplicate-key": (("error",), "a key appears twice in one mapping"),
    "unknown-key": (("error",), "a key the level format does not know (often a typo)"),
    "missing-key": (("error",), "a required key is missing"),
    "type": (("error",), "a value of the wrong kind (text where a number belongs, ...)"),
    "value": (("error",), "a value that is not allowed here"),
    "range": (("error",), "a number outside its allowed range"),
    "newer-schema": (("error",), "the level needs a newer game"),
    "older-schema": (("warning",), "the level is written for an older level format"),
    "duplicate-id": (("error",), "two chips, cards or milestones share an id"),
    "unknown-reference": (("error",), "an id that names nothing in the level"),
    "calendar": (
        ("error", "warning"),
        "a quarter outside the game (before the start: error; after the end: warning)",
    ),
    "chip-window": (("error",), "a chip goes off sale before it goes on sale"),
    "clamped": (("warning",), "a start value the engine will clamp into its range"),
    "unaffordable-policy": (("warning",), "a policy that costs more than its side can ever have"),
    "percent-as-factor": (
        ("warning",),
        "`op: multiply` by 10 or more: probably a percentage written where a factor belongs",
    ),
    "effect-clamped": (
        ("warning",),
        "an effect that drives a number outside its range (below zero supply, a share above 1)",
    ),
    "off-sale-effect": (("warning",), "a card changes the market of a chip that is off sale then"),
    "milestone-order": (("warning",), "milestones are not listed from the lowest rung up"),
    "never-holds": (("warning",), "a condition no game can meet, so the card never acts"),
    "duplicate-level-id": (("warning",), "two level files share one id (saves mix them up)"),
    "unreachable-victory": (
        ("warning",),
        "in trial games nobody reaches superintelligence within the turns",
    ),
    "dry-run-failed": (("error",), "a trial game stopped with an internal error (a bug)"),
    "unused-source": (("hint",), "a source no number, card or timeline entry cites"),
    "unused-chip": (("warning",), "a chip nobody can ever buy or own"),
    "identical-factions": (("hint",), "both factions have the same numbers"),
    "event-status": (
        ("warning",),
        "a scripted event that does not say whether it happened, was announced, is a "
        "forecast or was invented",
    ),
    "unproven-history": (
        ("error",),
        "an event marked happened whose date or source is not before the release date",
    ),
    "unknown-suppress": (("warning",), "`suppress:` names a code the checker does not have"),
    "unsuppressable": (("warning",), "`suppress:` names a code that is always an error"),
    "unused-suppress": (("hint",), "`suppress:` silences a code this level no longer triggers"),
    "internal": (("error",), "the checker itself failed (a bug)"),
}


def can_suppress(code: str) -> bool:
    """True when `code` can be a warning or hint, so a level may silence it."""
    severities, _ = CODES.get(code, ((), ""))
    return any(s != "error" for s in severities)


def suppressible_codes() -> list[str]:
    return [code for code in CODES if can_suppress(code)]
