"""Where each stock's change in a quarter came from, so every number on a report adds up.

`ledger(rules, before, after, events, side)` gives, for the stocks a player watches (chips,
power, research talent, capability), the value before and after the quarter and the items
that explain the difference: the side's own spending, its own and the rival's policies,
event cards, new power, retired chips, attrition, the training run, milestones. Card
effects are worked out by applying the cards again, in the engine's order, to a copy of the
state before the quarter (the engine's own `apply_card`), so a rival's "Bring the
researchers home" is itemised on the side it hurt.

Shown numbers are rounded once, in `shown()`: the items' rounded amounts always add up to
the rounded change (the largest item takes the rounding remainder), so a player adding the
lines of a report gets the figure at the top.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from game.engine import GameEvent, Rules
from game.engine import events as ev
from game.engine.effects import apply_card, effective_params
from game.engine.state import GameState

#: The stocks a report reconciles, in report order, with the decimals they are shown to.
DECIMALS = {"chips": 0, "power": 1, "talent": 1, "capability": 1}


@dataclass(frozen=True)
class Item:
    """One reason for a change: `key` names its words (`ledger.item.<key>`)."""

    key: str
    amount: float
    params: dict = field(default_factory=dict)


@dataclass
class StockChange:
    stock: str  # chips | power | talent | capability
    before: float
    after: float
    items: list[Item] = field(default_factory=list)

    @property
    def decimals(self) -> int:
        return DECIMALS[self.stock]

    def shown(self) -> tuple[Decimal, Decimal, list[Decimal]]:
        """(before, after, item amounts) as the report shows them: the items sum exactly
        to after − before. Items that round to nothing are 0 (the report leaves them out)."""
        q = Decimal(1).scaleb(-self.decimals)
        before = Decimal(repr(self.before)).quantize(q)
        after = Decimal(repr(self.after)).quantize(q)
        amounts = [Decimal(repr(i.amount)).quantize(q) for i in self.items]
        rest = (after - before) - sum(amounts, Decimal(0))
        if amounts and rest:
            biggest = max(range(len(amounts)), key=lambda k: abs(self.items[k].amount))
            amounts[biggest] += rest
        return before, after, amounts


def _clamped(value: float) -> float:
    return max(0.0, min(100.0, value))


def _stocks(rules: Rules, state: GameState, side: str) -> dict[str, float]:
    f = state.factions[side]
    return {
        "chips": f.fleet_h100e,
        "power": f.energy_gw,
        "talent": f.talent,
        "capability": _clamped(rules.capability(f.frontier_log10)),
    }


def _card_items(rules, s: GameState, card_id: str, effects, acting, key, params) -> dict:
    """Apply one card to `s` and return {side: {stock: change}} for the stocks it moved."""
    was = {side: _stocks(rules, s, side) for side in s.factions}
    apply_card(rules, s, card_id, list(effects), acting)
    moved: dict[str, dict[str, Item]] = {}
    for side in s.factions:
        now = _stocks(rules, s, side)
        for stock, value in now.items():
            if stock != "chips" and abs(value - was[side][stock]) > 1e-12:
                moved.setdefault(side, {})[stock] = Item(key, value - was[side][stock], params)
    return moved


def ledger(
    rules: Rules, before: GameState, after: GameState, events: list[GameEvent], side: str
) -> dict[str, StockChange]:
    """The reconciled changes of `side`'s watched stocks over one quarter."""
    start, end = _stocks(rules, before, side), _stocks(rules, after, side)
    changes = {k: StockChange(k, start[k], end[k]) for k in DECIMALS}
    s = before.clone()

    def add(moved: dict) -> None:
        for stock, item in moved.get(side, {}).items():
            changes[stock].items.append(item)

    # 1. policies, then event cards: stocks change at once (MODEL.md order)
    for e in events:
        if isinstance(e, ev.PolicyPlayed):
            policy = rules.policies[e.policy]
            key = "own_policy" if e.side == side else "rival_policy"
            params = {"card": e.policy, "by": e.side}
            add(_card_items(rules, s, e.policy, policy.effects, e.side, key, params))
    for e in events:
        if isinstance(e, ev.CardFired) and e.event in rules.events_by_id:
            card = rules.events_by_id[e.event]
            add(_card_items(rules, s, e.event, card.effects, None, "card", {"card": e.event}))
    after_cards = _stocks(rules, s, side)
    attrition = effective_params(rules, s, side)["talent_attrition_per_turn"]

    # 2. milestones come last; undo their stock effects to find the value before them
    milestone_items = _milestone_items(rules, after, events, side, end)
    settled = {k: end[k] - sum(i.amount for i in milestone_items.get(k, [])) for k in end}

    # 3. what the side's own quarter did
    mine = [e for e in events if getattr(e, "side", None) == side]
    for e in mine:
        if isinstance(e, ev.ChipsBought):
            changes["chips"].items.append(
                Item("bought", e.h100e, {"chip": e.chip, "units": e.units, "bn": e.spent_bn})
            )
        elif isinstance(e, ev.ChipsRetired):
            changes["chips"].items.append(Item("retired", -e.h100e))
        elif isinstance(e, ev.EnergyOnline):
            changes["power"].items.append(Item("online", e.gw))
        elif isinstance(e, ev.EnergyOrdered) and e.arrives_turn <= before.turn:
            changes["power"].items.append(Item("built_now", e.gw, {"bn": e.spent_bn}))
        elif isinstance(e, ev.TrainingRun):
            gain = _clamped(rules.capability(e.frontier_after)) - _clamped(
                rules.capability(e.frontier_before)
            )
            changes["capability"].items.append(Item("training", gain))
    _talent_items(changes["talent"], mine, after_cards["talent"], settled["talent"], attrition)
    for stock, items in milestone_items.items():
        changes[stock].items.extend(items)
    return changes


def _talent_items(change, mine, start: float, settled: float, attrition: float) -> None:
    """Split the hiring step's net change into new researchers and those who left."""
    net = settled - start
    hired = next((e for e in mine if isinstance(e, ev.TalentHired)), None)
    bn = {"bn": hired.spent_bn} if hired is not None else {}
    if 0 < attrition < 1 and settled < 100.0:
        gross = settled / (1 - attrition)
        left = -gross * attrition
        change.items.append(Item("hired" if hired else "inflow", net - left, bn))
        change.items.append(Item("attrition", left, {"share": attrition * 100}))
    elif abs(net) > 1e-12:
        change.items.append(Item("hired" if hired else "inflow", net, bn))


def _milestone_items(rules: Rules, after: GameState, events, side: str, end: dict) -> dict:
    """{stock: [Item]} for milestone effects on the watched stocks (applied last)."""
    reached = [e.milestone for e in events if isinstance(e, ev.MilestoneReached) and e.side == side]
    out: dict[str, list[Item]] = {}
    probe = after.clone()
    for milestone_id in reversed(reached):
        milestone = next(m for m in rules.milestones if m.id == milestone_id)
        stock_effects = [e for e in milestone.effects if _watched(e.target)]
        if not stock_effects:
            continue
        now = _stocks(rules, probe, side)
        _undo(rules, probe, stock_effects, side)
        undone = _stocks(rules, probe, side)
        for stock in now:
            if abs(now[stock] - undone[stock]) > 1e-12:
                item = Item("milestone", now[stock] - undone[stock], {"milestone": milestone_id})
                out.setdefault(stock, []).append(item)
    return out


def _watched(target: str) -> bool:
    return target in ("energy_gw", "talent", "frontier_log10")


def _undo(rules: Rules, state: GameState, effects, side: str) -> None:
    """Reverse add/multiply effects on a copy (a `set` cannot be undone: left as is)."""
    for effect in reversed(effects):
        sides = (side,) if effect.side in ("self", side, "both") else ()
        for who in sides:
            f = state.factions[who]
            value = getattr(f, effect.target)
            if effect.op == "add":
                setattr(f, effect.target, value - effect.value)
            elif effect.op == "multiply" and effect.value:
                setattr(f, effect.target, value / effect.value)
