"""The loader's cross-field rules, written into the generated JSON Schema.

Pydantic writes each field's type and range; the rules that span fields (an event is
scripted *or* random, a threshold needs a bound, a stock effect has no `turns`, who an
effect may name in a policy, an event or on the ladder) live in validators and in
`crossrefs.py`, which a schema cannot call. This module adds them as JSON Schema, so an
editor rejects what the game rejects. With a level's own ids (`LevelIds`) it also lists
the chips, cards and sources that level defines, so an editor completes and checks them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from game.levels.model import CHIP_KNOBS, PARAMS, SCHEMA_VERSION, STOCKS

Schema = dict[str, Any]

CHIP_TARGET_PATTERN = r"^chips\.[a-z][a-z0-9_]*\.(supply|price|levy)$"
CODE_PATTERN = r"^[a-z][a-z0-9-]*$"
# Who an effect may name, by where it stands (crossrefs.py says why in its messages).
EFFECT_SIDES = {
    "Effect": ["self", "opponent", "both", "usa", "china"],
    "EventEffect": ["usa", "china", "both"],
    "MilestoneEffect": ["self", "opponent"],
}
EFFECT_DESCRIPTIONS = {
    "Effect": "One change a policy makes: add, multiply or set a named stock or parameter.",
    "EventEffect": "One change an event makes, to usa, china or both.",
    "MilestoneEffect": "One change a rung makes for the side reaching it (self) or its rival.",
}


@dataclass(frozen=True)
class LevelIds:
    """The ids one level defines, read from its raw data (which may be broken)."""

    chips: tuple[str, ...] = ()
    policies: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: object) -> LevelIds:
        """Whatever ids `data` names; a broken level gives what can be read."""
        top = data if isinstance(data, dict) else {}

        def ids(key: str) -> tuple[str, ...]:
            items = top.get(key)
            items = items if isinstance(items, list) else []
            found = [i.get("id") for i in items if isinstance(i, dict)]
            return tuple(dict.fromkeys(i for i in found if isinstance(i, str)))

        sources = top.get("sources")
        named = [k for k in sources if isinstance(k, str)] if isinstance(sources, dict) else []
        return cls(ids("chips"), ids("policies"), ids("events"), tuple(named))


def tighten(schema: Schema, ids: LevelIds | None = None) -> Schema:
    """A copy of `schema` (from `Level.model_json_schema`) with the cross-field rules."""
    schema = copy.deepcopy(schema)
    _bounds(schema)
    defs = schema["$defs"]
    schema["properties"]["schema_version"] = {
        "description": schema["properties"]["schema_version"].get("description", ""),
        "type": "integer",
        "const": SCHEMA_VERSION,
    }
    _effects(defs, ids)
    defs["Event"]["oneOf"] = [_given("at", "string"), _given("probability", "number")]
    # A status says what really happened to a dated event: a random one takes none.
    defs["Event"]["if"] = {"required": ["status"], "properties": {"status": {"type": "object"}}}
    defs["Event"]["then"] = _given("at", "string")
    defs["Threshold"]["anyOf"] = [_given("above", "number"), _given("below", "number")]
    defs["Milestone"]["if"] = {
        "anyOf": [
            {"required": ["effects"], "properties": {"effects": {"minItems": 1}}},
            {"required": ["first_effects"], "properties": {"first_effects": {"minItems": 1}}},
        ]
    }
    defs["Milestone"]["then"] = {
        "oneOf": [_given("source", "string"), _given("assumption", ["string", "object"])]
    }
    # An unknown code is a warning in the game, not an error: offer the codes, accept others.
    names = schema["properties"]["suppress"]["propertyNames"]
    schema["properties"]["suppress"]["propertyNames"] = {
        "anyOf": [names, {"type": "string", "pattern": CODE_PATTERN}]
    }
    if ids is not None:
        _level_ids(schema, ids)
    return schema


def _bounds(node: object) -> None:
    """Pydantic writes a whole number's bounds as `ge`/`le` (a validator runs first); JSON
    Schema calls them minimum/maximum, and ignores words it does not know."""
    if isinstance(node, list):
        for item in node:
            _bounds(item)
    elif isinstance(node, dict):
        for ours, theirs in (("ge", "minimum"), ("le", "maximum")):
            if ours in node and node.get("type") == "integer":
                node[theirs] = node.pop(ours)
        for value in node.values():
            _bounds(value)


def _given(name: str, kind: str | list[str]) -> Schema:
    """Matches when `name` is present and not null."""
    return {"required": [name], "properties": {name: {"type": kind}}}


def _effects(defs: Schema, ids: LevelIds | None) -> None:
    base = defs["Effect"]
    chips = [f"chips.{c}.{k}" for c in ids.chips for k in CHIP_KNOBS] if ids else []
    for name, sides in EFFECT_SIDES.items():
        effect = copy.deepcopy(base)
        effect["title"], effect["description"] = name, EFFECT_DESCRIPTIONS[name]
        target = effect["properties"]["target"]
        target.pop("pattern", None)
        known = {"enum": [*STOCKS, *PARAMS]}
        target["anyOf"] = (
            [{"enum": [*STOCKS, *PARAMS, *chips]}]
            if ids
            else [known, {"pattern": CHIP_TARGET_PATTERN}]
        )
        effect["properties"]["side"]["enum"] = sides
        # A stock changes once: `turns` only means something for a parameter.
        effect["if"] = {"required": ["target"], "properties": {"target": {"enum": list(STOCKS)}}}
        effect["then"] = {"properties": {"turns": {"type": "null"}}}
        defs[name] = effect
    _point(defs["Event"]["properties"]["effects"], "EventEffect")
    _point(defs["Milestone"]["properties"]["effects"], "MilestoneEffect")
    _point(defs["Milestone"]["properties"]["first_effects"], "MilestoneEffect")


def _point(array: Schema, name: str) -> None:
    array["items"] = {"$ref": f"#/$defs/{name}"}


def _level_ids(schema: Schema, ids: LevelIds) -> None:
    defs = schema["$defs"]
    condition = defs["Condition"]["properties"]
    for field, known in (
        ("played", ids.policies),
        ("not_played", ids.policies),
        ("fired", ids.events),
        ("not_fired", ids.events),
    ):
        condition[field]["items"] = _one_of_ids(known)
    defs["FleetBatch"]["properties"]["chip"] = {
        "description": defs["FleetBatch"]["properties"]["chip"].get("description", ""),
        **_one_of_ids(ids.chips),
    }
    _sources(schema, ids.sources)


def _one_of_ids(known: tuple[str, ...]) -> Schema:
    return {"type": "string", "enum": list(known)} if known else {"not": {}}


def _sources(node: object, known: tuple[str, ...]) -> None:
    """Every `source:` property anywhere in the schema names one of `known`."""
    if isinstance(node, list):
        for item in node:
            _sources(item, known)
        return
    if not isinstance(node, dict):
        return
    props = node.get("properties")
    if isinstance(props, dict) and "source" in props and "sources" not in props:
        described = props["source"].get("description", "Id of an entry under `sources`.")
        nullable = "anyOf" in props["source"]
        allowed = _one_of_ids(known)
        props["source"] = {
            "description": described,
            **({"anyOf": [allowed, {"type": "null"}]} if nullable else allowed),
        }
    for key, value in node.items():
        if key != "properties":
            _sources(value, known)
    if isinstance(props, dict):
        for value in props.values():
            _sources(value, known)
