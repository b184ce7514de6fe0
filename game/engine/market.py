"""The chip market a side faces this quarter, cheapest compute first.

The engine buys from it, and players plan with it, so both see the same offers in the
same order.
"""

from __future__ import annotations

from typing import NamedTuple

from game.engine.rules import ChipSpec, Params, Rules


class Offer(NamedTuple):
    chip: ChipSpec
    price_k_usd: float
    supply_units: float


def chip_offers(rules: Rules, params: dict[str, float]) -> list[Offer]:
    """Chips on sale to the side whose `params` (see `effective_params`) are given."""
    known = params.offers if type(params) is Params else None
    if known is None:
        known = _offers(rules, params)
        if type(params) is Params:
            params.offers = known
    return list(known)


def _offers(rules: Rules, params: dict[str, float]) -> tuple[Offer, ...]:
    offers = []
    for chip in rules.chips:
        supply_key, price_key = _keys(chip.id)
        supply = params[supply_key]
        price = params[price_key]
        if supply >= 1 and price > 0:
            offers.append((price / chip.h100e_per_unit, chip.id, Offer(chip, price, supply)))
    offers.sort(key=lambda o: (o[0], o[1]))
    return tuple(offer for _, _, offer in offers)


def _keys(chip_id: str) -> tuple[str, str]:
    """The parameter names of a chip's supply and price (spelt once, not every quarter)."""
    found = _KEYS.get(chip_id)
    if found is None:
        found = _KEYS[chip_id] = (f"chips.{chip_id}.supply", f"chips.{chip_id}.price")
    return found


_KEYS: dict[str, tuple[str, str]] = {}


def levy_key(chip_id: str) -> str:
    """The parameter name of the levy on a chip."""
    found = _LEVY_KEYS.get(chip_id)
    if found is None:
        found = _LEVY_KEYS[chip_id] = f"chips.{chip_id}.levy"
    return found


_LEVY_KEYS: dict[str, str] = {}
