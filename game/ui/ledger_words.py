"""A quarter's stock ledger (game/ui/ledger.py) in words: one line per stock that moved,
with the items under it; the amounts printed are exactly the ones that add up."""

from __future__ import annotations

from dataclasses import dataclass

from game.drawing.fmt import num, signed
from game.engine import GameEvent, Rules
from game.engine import events as ev
from game.i18n import t
from game.ui.ledger import StockChange, ledger
from game.ui.narrate import card_title, chip_name, milestone_title, money

#: Stocks named even when nothing moved them (capability is the race itself).
ALWAYS = ("capability",)


@dataclass(frozen=True)
class StockLines:
    stock: str
    headline: str
    items: list[str]


def _value(amount, decimals: int) -> str:
    return num(float(amount), decimals)


def _item_text(rules: Rules, item, amount, decimals: int) -> str:
    p = dict(item.params)
    words = {"amount": signed(float(amount), decimals)}
    if "card" in p:
        words["card"] = card_title(rules, p["card"])
    if "by" in p:
        words["name"] = t(f"faction.{p['by']}.name")
    if "chip" in p:
        words["chip"] = chip_name(rules, p["chip"])
        words["units"] = num(p["units"])
    if "bn" in p:
        words["bn"] = money(p["bn"])
    if "share" in p:
        words["share"] = num(p["share"], 1)
    if "milestone" in p:
        words["milestone"] = milestone_title(rules, p["milestone"])
    return t(f"ledger.item.{item.key}", **words)


def stock_lines(rules: Rules, change: StockChange, events: list[GameEvent]) -> StockLines | None:
    """The words for one stock, or None when nothing moved it and it need not be named."""
    before, after, amounts = change.shown()
    d = change.decimals
    items = [
        _item_text(rules, item, amount, d)
        for item, amount in zip(change.items, amounts, strict=True)
        if amount != 0
    ]
    if before == after and not items:
        if change.stock not in ALWAYS:
            return None
        headline = t(f"ledger.same.{change.stock}", value=_value(after, d))
        why = _why_capability_stayed(events, change)
        return StockLines(change.stock, headline, [why] if why else [])
    headline = t(f"ledger.stock.{change.stock}", before=_value(before, d), after=_value(after, d))
    return StockLines(change.stock, headline, items)


def _why_capability_stayed(events: list[GameEvent], change: StockChange) -> str:
    if change.stock != "capability":
        return ""
    for e in events:
        if isinstance(e, ev.TrainingRun):
            return t("ledger.why_same.none" if e.run_log10 is None else "ledger.why_same.flat")
    return ""


def report_lines(
    rules: Rules, before, after, events: list[GameEvent], side: str, stocks=None
) -> list[StockLines]:
    """Every watched stock of `side` that moved (and capability always), in report order;
    `stocks` limits them (a rival's column shows only what the ladder shows)."""
    changes = ledger(rules, before, after, events, side)
    side_events = [e for e in events if getattr(e, "side", side) == side]
    out = []
    for stock, change in changes.items():
        if stocks is not None and stock not in stocks:
            continue
        lines = stock_lines(rules, change, side_events)
        if lines is not None:
            out.append(lines)
    return out


def compact_lines(rules: Rules, before, after, events: list[GameEvent], side: str) -> list[str]:
    """One line per stock for a short recap: 'Research talent: 34.1 → 33.8 (+0.5 …, −0.8 …)'."""
    out = []
    for lines in report_lines(rules, before, after, events, side):
        if lines.items:
            out.append(t("ledger.compact", stock=lines.headline, items="; ".join(lines.items)))
        else:
            out.append(lines.headline)
    return out
