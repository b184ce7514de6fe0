"""`python -m game replay SAVE [--verify] [--json] [--embedded-level]`: a save, headless.

Replays the recorded orders through the engine and reports the game; with `--verify` the
exit code says whether the replay reached the saved final state (0) or not (1).
"""

from __future__ import annotations

import json
import sys

from game.levels.model import SIDES
from game.saves import LoadResult, load_save
from game.saves.words import text


def summary(result: LoadResult) -> dict:
    """The replayed game as plain data (what `--json` prints)."""
    save, match = result.save, result.match
    out: dict = {
        "file": result.file,
        "ok": result.ok,
        "verified": result.verified,
        "problem": None
        if result.problem is None
        else {
            "code": result.problem.code,
            "params": result.problem.params,
            "message": result.problem.message(),
        },
        "used_embedded_level": result.used_embedded,
        "level_changed": result.level_changed,
    }
    if save is not None:
        out.update(
            title=save.title,
            level=save.level.id,
            seed=save.seed,
            mode=save.mode,
            players={s: p.model_dump() for s, p in save.players.items()},
            game_version=save.game_version,
            saved_hash=save.final.state_hash,
        )
    if match is not None:
        rules = match.rules
        o = match.state.outcome
        out.update(
            turn=match.state.turn,
            outcome=None if o is None else {"winner": o.winner, "reason": o.reason, "turn": o.turn},
            capability={
                side: [
                    round(rules.capability(s.factions[side].frontier_log10), 3)
                    for s in match.states
                ]
                for side in SIDES
            },
            turns=[
                {
                    "turn": r.turn,
                    "orders": {s: r.orders[s].to_dict() for s in SIDES},
                    "events": [e.to_dict() for e in r.events],
                }
                for r in match.turns
            ],
        )
    return out


def describe(result: LoadResult) -> list[str]:
    lines = []
    save, match = result.save, result.match
    if result.used_embedded:
        lines.append(text("cli.embedded"))
    if save is not None and match is not None:
        lines.append(
            text(
                "cli.replayed",
                file=result.file,
                title=save.title,
                level=save.level.id,
                seed=save.seed,
                turns=len(match.turns),
                turn=match.state.turn,
            )
        )
        o = match.state.outcome
        if o is None:
            lines.append(text("cli.unfinished"))
        elif o.winner is None:
            lines.append(text("cli.draw", reason=o.reason, turn=o.turn))
        else:
            lines.append(text("cli.outcome", winner=o.winner, reason=o.reason, turn=o.turn))
    return lines


def cmd_replay(
    path: str, verify: bool = False, as_json: bool = False, embedded: bool = False
) -> int:
    result = load_save(path, use_embedded=embedded)
    if as_json:
        print(json.dumps(summary(result), ensure_ascii=False))
    else:
        for line in describe(result):
            print(line)
        if result.ok and verify:
            print(
                text(
                    "cli.verified",
                    file=result.file,
                    turn=result.save.final.turn,
                    hash=result.save.final.state_hash[:12],
                )
            )
    if result.problem is not None and not as_json:
        print(f"error: {result.problem.message()}", file=sys.stderr)
        if result.offer_embedded:
            print(text("cli.try_embedded"), file=sys.stderr)
    if result.match is None:
        return 1
    return 1 if verify and not result.ok else 0
