"""A level's tuning of the AI's style: `factions.<side>.ai` in the level YAML.

The names read here (all optional; a missing name keeps the default):

- `chips`, `energy`, `talent`, `models`: multipliers (default 1) on how much the AI puts
  into each area before it searches; 0 switches an area's planned share off.
- `policies`: appetite for playing policies (default 1; 0 never plays one).
- `rival`: how much hurting the rival counts against helping itself (default 1).
- `prefer.<policy_id>`: a bonus for one policy (for example `prefer.china_open_weights: 1`).

Unknown names are ignored, so a level written for a later AI still loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import Rules

AREA_NAMES = ("chips", "energy", "talent", "models")


@dataclass(frozen=True)
class Style:
    chips: float = 1.0
    energy: float = 1.0
    talent: float = 1.0
    models: float = 1.0
    policies: float = 1.0
    rival: float = 1.0
    prefer: dict[str, float] = field(default_factory=dict)


def style_for(rules: Rules, side: str) -> Style:
    """The style the level asks for on `side` (defaults where it says nothing)."""
    weights = rules.level.factions[side].ai if side in rules.level.factions else {}
    values = {}
    prefer = {}
    for name, value in weights.items():
        v = max(0.0, float(value))
        if name.startswith("prefer."):
            prefer[name.removeprefix("prefer.")] = v
        elif name in (*AREA_NAMES, "policies", "rival"):
            values[name] = v
    return Style(**values, prefer=prefer)
