"""`python -m game trace LEVEL`: one headless game printed quarter by quarter.

For designers tuning a level: every stock of both sides after each quarter, and the cards
that fired, so a number's effect can be seen without opening the game.
"""

from __future__ import annotations

import sys

from game.engine import compile_rules, events
from game.levels.model import SIDES
from game.match import play_game
from game.players.registry import make_player

COLUMNS = (
    ("cap", "{:6.1f}"),
    ("$bn", "{:7.1f}"),
    ("MH100e", "{:7.2f}"),
    ("GW", "{:6.1f}"),
    ("idle", "{:5.0%}"),
    ("talent", "{:6.1f}"),
    ("algo", "{:7.1f}"),
    ("adopt", "{:5.0%}"),
    ("conf", "{:5.2f}"),
)


def _row(rules, f) -> list[str]:
    values = (
        rules.capability(f.frontier_log10),
        f.budget,
        f.fleet_h100e / 1e6,
        f.energy_gw,
        f.idle_share,
        f.talent,
        f.algo_efficiency,
        f.adoption,
        f.confidence,
    )
    return [fmt.format(v) for (_, fmt), v in zip(COLUMNS, values, strict=True)]


def cmd_trace(args, out=sys.stdout) -> int:
    from game.cli.common import InputProblem, load_inputs

    try:
        rules = compile_rules(load_inputs(args.level, (args.usa, args.china)).level)
    except InputProblem as problem:
        return problem.report()
    players = {"usa": make_player(args.usa), "china": make_player(args.china)}
    match = play_game(rules, players, args.seed)
    head = " ".join(f"{name:>7}" for name, _ in COLUMNS)
    print(f"{'quarter':8} {'side':5} {head}  lag(months)", file=out)
    for i, state in enumerate(match.states):
        lag = rules.lag_months(
            state.factions["usa"].frontier_log10 - state.factions["china"].frontier_log10
        )
        for side in SIDES:
            cells = " ".join(f"{c:>7}" for c in _row(rules, state.factions[side]))
            label = rules.quarter(state.turn) if side == "usa" else ""
            extra = f"  {lag:6.1f}" if side == "usa" else ""
            print(f"{label:8} {side:5} {cells}{extra}", file=out)
        if i < len(match.turns):
            record = match.turns[i]
            cards = [e.event for e in record.events if isinstance(e, events.CardFired)]
            cards += [
                f"{e.side}:{e.policy}" for e in record.events if isinstance(e, events.PolicyPlayed)
            ]
            if cards:
                print(f"{'':8} cards: {', '.join(cards)}", file=out)
    outcome = match.state.outcome
    print(f"outcome: {outcome.winner or 'draw'} ({outcome.reason}, turn {outcome.turn})", file=out)
    return 0
