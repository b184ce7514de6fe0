"""Every number on a turn report adds up: for every quarter of 200 seeded games, each
stock change a side is shown ("Research talent: 42.1 → 42.3") equals the sum of the
amounts listed under it (its spending, its own and the rival's policies, event cards,
attrition, retired chips, the training run) — read back from the words a player sees."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

import pytest

from game.drawing.charts import history
from game.engine import Allocation, Orders, compile_rules
from game.engine import events as ev
from game.i18n import set_language
from game.levels.loader import load_level
from game.levels.locations import LEVELS_DIR, MAIN_LEVEL
from game.levels.model import SIDES
from game.match import Match, play_game
from game.players.base import Decision
from game.players.registry import make_player
from game.saves.present import event_text
from game.ui.ledger import ledger
from game.ui.ledger_words import compact_lines, report_lines

GAMES = 200
NUMBER = r"[−+-]?[\d,]+(?:\.\d+)?"


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


@cache
def rules_of(path):
    return compile_rules(load_level(path).level)


def levels():
    return sorted(LEVELS_DIR.glob("*.yaml"), key=lambda p: (p != MAIN_LEVEL, p.name))


def number(text: str) -> Decimal:
    return Decimal(text.replace("−", "-").replace(",", "").replace("+", ""))


def shown_change(headline: str) -> Decimal:
    """'Research talent: 42.1 → 42.3' → 0.2 (and 0 for '…, unchanged')."""
    found = re.search(rf"({NUMBER}) → ({NUMBER})", headline)
    return number(found.group(2)) - number(found.group(1)) if found else Decimal(0)


def check_quarter(rules, before, after, events, where: str) -> None:
    for side in SIDES:
        changes = ledger(rules, before, after, events, side)
        for stock, change in changes.items():
            listed = sum(item.amount for item in change.items)
            assert listed == pytest.approx(change.after - change.before, abs=1e-6), (
                f"{where} {side} {stock}: {change.items} do not add up to "
                f"{change.before} → {change.after}"
            )
        for lines in report_lines(rules, before, after, events, side):
            amounts = [
                number(re.match(NUMBER, item).group(0))
                for item in lines.items
                if re.match(NUMBER, item)
            ]
            assert sum(amounts, Decimal(0)) == shown_change(lines.headline), (
                f"{where} {side}: {lines.headline} / {lines.items}"
            )
            if "→" in lines.headline:  # never "capability 83.3 → 83.3"
                assert shown_change(lines.headline) != 0 or lines.items, lines.headline


def test_every_quarter_of_200_games_adds_up_as_the_player_reads_it():
    all_levels = levels()
    for game in range(GAMES):
        path = all_levels[0] if game % 2 == 0 else all_levels[game % len(all_levels)]
        rules = rules_of(path)
        kinds = ("greedy", "random") if game % 3 else ("random", "greedy")
        players = {side: make_player(kind) for side, kind in zip(SIDES, kinds, strict=True)}
        match = play_game(rules, players, seed=game)
        for i, record in enumerate(match.turns):
            where = f"{path.name} seed {game} quarter {i + 1}"
            check_quarter(rules, match.states[i], match.states[i + 1], record.events, where)


def _quarter_with(rules, orders: dict[str, Orders], seed: int = 4):
    match = Match.start(rules, seed)
    match.play_turn({side: Decision(orders[side]) for side in SIDES})
    return match


def test_a_rival_policy_that_takes_your_researchers_is_itemised_on_your_side():
    rules = rules_of(MAIN_LEVEL)
    even = Allocation(0.25, 0.25, 0.25, 0.25)
    match = _quarter_with(
        rules, {"usa": Orders(even), "china": Orders(even, policy="china_talent_return")}
    )
    lines = report_lines(rules, *match.states, match.turns[0].events, "usa")
    talent = next(line for line in lines if line.stock == "talent")
    named = [item for item in talent.items if "Swarms" in item]
    taken = next(
        e.value
        for e in rules.policies["china_talent_return"].effects
        if e.target == "talent" and e.side == "opponent"
    )
    assert named and named[0].startswith(f"−{abs(taken):.1f}"), talent.items
    assert any("left for other work" in item for item in talent.items)
    assert not any("grew by −" in item or "+−" in item for item in talent.items)
    assert shown_change(talent.headline) == sum(
        number(re.match(NUMBER, item).group(0)) for item in talent.items
    )


def test_a_quarter_without_a_better_model_never_reads_x_to_x():
    rules = rules_of(MAIN_LEVEL)
    nothing_on_models = Allocation(0.34, 0.33, 0.33, 0.0)
    match = _quarter_with(rules, {side: Orders(nothing_on_models) for side in SIDES})
    events = match.turns[0].events
    lines = report_lines(rules, *match.states, events, "usa")
    capability = next(line for line in lines if line.stock == "capability")
    assert "→" not in capability.headline and "unchanged" in capability.headline
    run = next(e for e in events if isinstance(e, ev.TrainingRun) and e.side == "usa")
    assert "→" not in event_text(rules, run)


def test_the_hot_seat_recap_carries_the_own_ledger_in_one_line_per_stock():
    rules = rules_of(MAIN_LEVEL)
    match = play_game(rules, {s: make_player("greedy") for s in SIDES}, seed=2)
    record = match.turns[0]
    lines = compact_lines(rules, match.states[0], match.states[1], record.events, "china")
    assert any(line.startswith("Chips: ") and "bought" in line for line in lines)


def test_usable_compute_starts_above_zero_where_the_sides_own_chips():
    rules = rules_of(MAIN_LEVEL)
    match = Match.start(rules, 1)
    compute = history(rules, match.states)["compute"]
    for side in SIDES:
        assert match.state.factions[side].fleet_h100e > 0
        assert compute.values[side][0] > 0
