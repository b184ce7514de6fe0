"""Every quarter of a game as one table row: both sides' orders, stocks and what struck.

The same rows feed turns.csv (for a spreadsheet), the report's tables and the tests. The
money per area is the budget after the policy's cost times the share, exactly as the
engine spends it. Column headers are in the current language; values are plain numbers in
the reader's convention (decimal comma and `;` in German).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.classroom.spreadsheet import CsvDialect, csv_dialect, number, write_table
from game.engine import AREAS, Rules
from game.engine import events as ev
from game.engine.state import GameState
from game.i18n import language, pick, t
from game.levels.model import SIDES
from game.match import Match

STOCKS = ("capability", "compute_pflops", "energy_gw", "talent", "adoption", "confidence", "idle")


@dataclass(frozen=True)
class TurnRow:
    index: int
    turn: int
    quarter: str
    budget: dict[str, float]  # side -> $bn available before the policy
    shares: dict[str, tuple[float, float, float, float]]
    spend: dict[str, tuple[float, float, float, float]]  # $bn per area
    policy: dict[str, str | None]  # side -> policy id
    policy_cost: dict[str, float]
    stocks: dict[str, dict[str, float]]  # side -> stock -> value after the quarter
    cards: tuple[str, ...]  # event card ids that struck
    milestones: tuple[tuple[str, str], ...]  # (side, milestone id)


def stocks_of(rules: Rules, state: GameState, side: str) -> dict[str, float]:
    f = state.factions[side]
    return {
        "capability": rules.capability(f.frontier_log10),
        "compute_pflops": f.usable_pflops,
        "energy_gw": f.energy_gw,
        "talent": f.talent,
        "adoption": f.adoption,
        "confidence": f.confidence,
        "idle": f.idle_share,
    }


def turn_rows(rules: Rules, match: Match) -> list[TurnRow]:
    rows = []
    for index, record in enumerate(match.turns):
        before, after = match.states[index], match.states[index + 1]
        budget, spend, cost, shares, policy = {}, {}, {}, {}, {}
        for side in SIDES:
            orders = record.orders[side]
            card = rules.policies.get(orders.policy) if orders.policy else None
            cost[side] = card.cost_bn.value if card is not None else 0.0
            budget[side] = before.factions[side].budget
            left = max(0.0, budget[side] - cost[side])
            shares[side] = orders.allocation.as_tuple()
            spend[side] = tuple(left * s for s in shares[side])
            policy[side] = orders.policy
        rows.append(
            TurnRow(
                index,
                record.turn,
                rules.quarter(record.turn),
                budget,
                shares,
                spend,
                policy,
                cost,
                {s: stocks_of(rules, after, s) for s in SIDES},
                tuple(e.event for e in record.events if isinstance(e, ev.CardFired)),
                tuple(
                    (e.side, e.milestone)
                    for e in record.events
                    if isinstance(e, ev.MilestoneReached)
                ),
            )
        )
    return rows


def card_title(rules: Rules, card_id: str) -> str:
    card = rules.events_by_id.get(card_id) or rules.policies.get(card_id)
    return pick(card.title) if card is not None else card_id


def milestone_title(rules: Rules, milestone_id: str) -> str:
    for m in rules.level.ladder.milestones:
        if m.id == milestone_id:
            return pick(m.title)
    return milestone_id


def headers() -> list[str]:
    cols = [t("classroom.csv.turn"), t("classroom.csv.quarter")]
    for side in SIDES:
        who = t(f"faction.{side}.name")
        cols.append(t("classroom.csv.budget", side=who))
        cols += [t("classroom.csv.share", side=who, area=t(f"classroom.area.{a}")) for a in AREAS]
        cols += [t("classroom.csv.spend", side=who, area=t(f"classroom.area.{a}")) for a in AREAS]
        cols += [t("classroom.csv.policy", side=who), t("classroom.csv.policy_cost", side=who)]
        cols += [t(f"classroom.csv.stock.{k}", side=who) for k in STOCKS]
    cols += [t("classroom.csv.events"), t("classroom.csv.milestones")]
    return cols


def csv_cells(rules: Rules, row: TurnRow, dialect: CsvDialect | None = None) -> list[str]:
    dialect = dialect or csv_dialect(None, language())

    def _n(value: float, decimals: int = 3) -> str:
        return number(value, decimals, dialect)

    cells = [str(row.turn), row.quarter]
    for side in SIDES:
        cells.append(_n(row.budget[side], 2))
        cells += [_n(100 * s, 1) for s in row.shares[side]]
        cells += [_n(v, 2) for v in row.spend[side]]
        policy = row.policy[side]
        cells += [card_title(rules, policy) if policy else "", _n(row.policy_cost[side], 2)]
        cells += [_n(row.stocks[side][k], 3) for k in STOCKS]
    cells.append("; ".join(card_title(rules, c) for c in row.cards))
    cells.append(
        "; ".join(
            f"{t(f'faction.{side}.name')}: {milestone_title(rules, m)}"
            for side, m in row.milestones
        )
    )
    return cells


def write_csv(
    rules: Rules, rows: list[TurnRow], path: Path, dialect: CsvDialect | None = None
) -> Path:
    """turns.csv in the reader's convention (`game.classroom.spreadsheet`): `;` and a
    decimal comma in German, a byte-order mark so spreadsheets read the umlauts right."""
    dialect = dialect or csv_dialect(None, language())
    return write_table(path, headers(), [csv_cells(rules, row, dialect) for row in rows], dialect)
