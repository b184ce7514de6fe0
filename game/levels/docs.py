"""`docs/levels.md`, generated from the level JSON Schema: every field with its meaning,
unit, range, default and an example, plus every problem code the checker can report.

Written by `python -m game schema --write`; a test fails when the page is stale, so the
reference can never drift from the code. Examples come from the small test level
(`tests/fixtures/minimal_level.yaml`, frozen because saves in the tests pin its hash);
fields it does not use get an example made from their type and range.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from game.levels.codes import CODES

EXAMPLE_LEVEL = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "minimal_level.yaml"

# (pattern in a description, unit shown); first match wins.
UNITS = [
    (r"\$/kWh", "$/kWh"),
    (r"\$ thousands", "$ thousand"),
    (r"\$bn", "$bn"),
    (r"\bGW\b", "GW"),
    (r"\bkW\b", "kW"),
    (r"log10 FLOP|log10 effective", "log10 FLOP"),
    (r"log10 per year", "log10 per year"),
    (r"H100-equivalents", "H100-equivalents"),
    (r"TFLOP/s", "TFLOP/s"),
    (r"percent", "percent"),
    (r"[Mm]ultiplier", "multiplier"),
    (r"\(0–1\)|Share of|share of", "share (0–1)"),
    (r"[Nn]umber of quarters|in quarters|Quarters from|how many quarters", "quarters"),
    (r"per quarter", "per quarter"),
]

INTRO = """\
# Level file reference

*Generated from the models by `python -m game schema --write` — do not edit by hand.*

A level is one YAML file in `levels/`. Its first line,
`# yaml-language-server: $schema=schema.json`, lets editors with the YAML extension
complete keys, check values as you type and show these descriptions on hover.
Check a level with `python -m game validate levels/NAME.yaml`; start a new one with
`python -m game new-level NAME` (see `docs/first-scenario.md`).

**Numbers with a source.** Most numbers are written `{value: 1.5, source: some_id}` (an id
under `sources`) or `{value: 1.5, assumption: "why this number"}` — exactly one of the two.
The range below applies to `value`. Pupils read assumptions on the Sources screen, so give
them in both languages, `assumption: {en: "why this number", de: "warum diese Zahl"}`;
plain text still works and is shown in English to everyone.

**Your level's own ids.** `schema.json` checks every key, range and effect target, but it
cannot know the chips, cards and sources a level defines. For completion and checking of
those too, write a schema for your level and point its first line at it:
`python -m game schema --level levels/NAME.yaml > levels/NAME.schema.json`, then
`# yaml-language-server: $schema=NAME.schema.json` (regenerate it after adding an id).
A `.yamllint` in the project root tunes yamllint to the level style (`yamllint levels/`).
"""


EFFECT_SECTIONS = ("Effect", "EventEffect", "MilestoneEffect")
EFFECT_LINK = " See [How effects work](#how-effects-work)."

EFFECTS = """\
## How effects work

What happens in one quarter, in this order (`game/engine/resolve.py`):

1. **Policies** are played, the USA's first, then China's. Each pays `cost_bn` and applies
   its effects at once.
2. **Scripted events** of the quarter strike in the order they stand in the file, each only
   if its `when` holds (and, with `once: true`, only the first time).
3. **Random events** roll in file order: each one whose `when` holds (and that has not
   fired yet, if `once`) draws a die and strikes when it is below `probability`.
4. The quarter is played with the **parameters in force** (below): chips bought, power
   ordered and arriving, talent hired, algorithms, the training run.
5. **Milestones** passed in this quarter apply their effects; as they come after the
   quarter's play, they count from the next quarter on.
6. Effects whose last quarter this was **expire**.

**A stock** (`budget`, `income`, `energy_gw`, `talent`, `algo_efficiency`,
`frontier_log10`, `adoption`, `confidence`, `interconnect`) changes once, the moment the
card acts, and stays changed: the effect has no `turns`. It is clamped at once to its
limits (talent 0–100, adoption and interconnect 0–1, confidence between `confidence_min`
and `confidence_max`, the others at least 0).

**A parameter** (anything under `params`, and `chips.<id>.supply|price|levy`) is changed
while the effect is in force: from the quarter the card acts for `turns` quarters (that
quarter included), or for the rest of the game without `turns`. A milestone's effect starts
in the quarter after the rung, so `turns: 1` on a milestone never acts.

**Several effects on one number stack** in the order they arrived (a card played earlier
first; within a card, from the top): each one works on the result of the one before,
starting from the level's value for that quarter. `add` and `multiply` do not commute:
`×0.5` then `+10` on 100 gives 60, `+10` then `×0.5` gives 55. A `set` wipes out what came
before it (but not what comes after). Only the result is clamped to the parameter's range
(chip supply and price at least 0, a levy 0–1), so one effect may push past a limit and a
later one bring it back. When an effect expires, the number goes back to the level's value
with the remaining effects on it: nothing is remembered.

**The level's value** of a parameter is the number in the file, except chip markets: a
chip's supply grows by `growth_per_turn` from the quarter it goes on sale and is 0 outside
`available_from`–`available_until`, so `multiply` on a chip that is off sale changes
nothing, and `add` puts it on sale (the checker warns about both: `off-sale-effect`). A
chip's price falls by `price_change_per_turn` from turn 1.

To see what a card does, play the level with and without it on the same seeds:
`python -m game preview LEVEL --event ID` (or `--policy ID`, `--quarter 2026Q3`): a table
per quarter and, with `--out DIR`, an HTML page with charts.
"""


def levels_markdown(schema: dict[str, Any]) -> str:
    """The whole reference page for `schema` (as made by `level_schema()`)."""
    defs = schema.get("$defs", {})
    examples = _examples(schema, defs)
    out = [INTRO]
    for name, node in _sections(schema, defs):
        title = "Level (top level)" if name == "" else name
        out.append(f"## {title}\n")
        if node.get("description"):
            out.append(_one_line(node["description"]) + "\n")
        required = set(node.get("required", []))
        out.append("| field | meaning | unit | range | default | example |")
        out.append("|---|---|---|---|---|---|")
        for field, prop in node.get("properties", {}).items():
            example = examples.get(name, {}).get(field)
            if name in EFFECT_SECTIONS:
                prop = {**prop, "description": (prop.get("description") or "") + EFFECT_LINK}
            out.append(_row(field, prop, field in required, example, defs))
        out.append("")
    out.append(EFFECTS)
    out.append(_codes_table())
    return "\n".join(out).rstrip() + "\n"


def _sections(schema: dict[str, Any], defs: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The top level, then each model in the order it is first reached."""
    order, queue, seen = [("", schema)], [schema], set()
    while queue:
        for ref in _refs(queue.pop(0)):
            if ref not in seen and ref in defs:
                seen.add(ref)
                order.append((ref, defs[ref]))
                queue.append(defs[ref])
    return order


def _refs(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"].rsplit("/", 1)[-1]] if "$ref" in node else []
        for key, value in node.items():
            if key != "$defs":
                found += _refs(value)
        return found
    if isinstance(node, list):
        return [r for item in node for r in _refs(item)]
    return []


def _row(
    field: str, prop: dict[str, Any], required: bool, example: object, defs: dict[str, Any]
) -> str:
    inner, optional = _strip_null(prop)
    meaning = _one_line(prop.get("description") or inner.get("description") or "")
    if "$ref" in inner and not meaning:
        target = defs.get(inner["$ref"].rsplit("/", 1)[-1], {})
        meaning = _one_line(target.get("description", ""))
    kind = _kind(inner).replace("|", "\\|")
    composite = _composite(inner)
    unit = "—" if composite else _unit(meaning)
    meaning = f"{meaning} *({kind})*" if meaning else f"*{kind}*"
    if not required:
        default = prop.get("default", "—" if not optional else None)
        if default == "—":
            default_text = "optional"
        elif default is None:
            default_text = "none"
        else:
            default_text = f"`{_flow(default)}`"
    else:
        default_text = "**required**"
    shown = composite or _flow(example if example is not None else _synthetic(inner, defs))
    return (
        f"| `{field}` | {meaning} | {unit} | {_range(inner)} | {default_text} | `{shown}` |"
    ).replace("\n", " ")


def _composite(node: dict[str, Any]) -> str | None:
    """A short stand-in example for a field holding another model (its own section)."""
    if "$ref" in node:
        return "{…}"
    if node.get("type") == "array" and "$ref" in node.get("items", {}):
        return "[{…}, …]"
    extra = node.get("additionalProperties")
    if node.get("type") == "object" and isinstance(extra, dict) and "$ref" in extra:
        return "{some_id: {…}}"
    return None


def _strip_null(prop: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    options = prop.get("anyOf")
    if options:
        rest = [o for o in options if o.get("type") != "null"]
        if len(rest) == 1:
            return rest[0], len(rest) < len(options)
    return prop, False


def _kind(node: dict[str, Any]) -> str:
    if "$ref" in node:
        return f"see {node['$ref'].rsplit('/', 1)[-1]}"
    if _is_param(node):
        return "number with source"
    if "enum" in node or "const" in node:
        options = node.get("enum") or [node["const"]]
        return "one of " + ", ".join(f"`{o}`" for o in options)
    kind = node.get("type", "value")
    if kind == "array":
        return f"list of {_kind(node.get('items', {}))}"
    if kind == "object":
        return f"mapping of {_kind(node.get('additionalProperties') or {})}"
    if kind == "string" and node.get("pattern"):
        return f"text matching `{node['pattern']}`"
    return {"number": "number", "integer": "whole number", "string": "text"}.get(
        str(kind), str(kind)
    )


def _is_param(node: dict[str, Any]) -> bool:
    return node.get("type") == "object" and "value" in node.get("properties", {})


def _range(node: dict[str, Any]) -> str:
    target = node["properties"]["value"] if _is_param(node) else node
    lo, hi = target.get("minimum"), target.get("maximum")
    if lo is None and hi is None:
        lo, hi = target.get("exclusiveMinimum"), target.get("exclusiveMaximum")
    if node.get("type") == "array" and ("maxItems" in node or "minItems" in node):
        return f"{node.get('minItems', 0)}–{node.get('maxItems', '…')} entries"
    if lo is None and hi is None:
        return "—"
    return f"{_num(lo) if lo is not None else '…'} – {_num(hi) if hi is not None else '…'}"


def _num(x: float) -> str:
    return f"{x:g}"


def _unit(meaning: str) -> str:
    for pattern, unit in UNITS:
        if re.search(pattern, meaning):
            return unit
    return "—"


def _synthetic(node: dict[str, Any], defs: dict[str, Any]) -> object:
    """A plausible example from the type and range, when the example level lacks one."""
    if _is_param(node):
        value = node["properties"]["value"]
        lo, hi = value.get("minimum", 0), value.get("maximum", 1)
        return {"value": _nice(lo, hi), "source": "my_source"}
    if "$ref" in node:
        return "{…}"
    if "enum" in node:
        return node["enum"][0]
    if "const" in node:
        return node["const"]
    kind = node.get("type")
    pattern = node.get("pattern", "")
    if kind == "string":
        if "Q[1-4]" in pattern:
            return "2026Q1"
        if pattern.startswith("^[a-z]"):
            return "my_id"
        return "text"
    if kind in ("number", "integer"):
        lo = node.get("minimum", 0)
        hi = node.get("maximum", lo + 10)
        value = _nice(lo, hi)
        return int(value) if kind == "integer" else value
    if kind == "boolean":
        return False
    if kind == "array":
        return []
    return {}


def _nice(lo: float, hi: float) -> float:
    if lo <= 1 <= hi:
        return 1
    return float(f"{(lo + hi) / 2:.2g}")


def _examples(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Model name → the first instance of it in the example level."""
    try:
        data = yaml.safe_load(EXAMPLE_LEVEL.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    found: dict[str, dict[str, Any]] = {}

    def walk(node: dict[str, Any], value: object, name: str | None) -> None:
        node, _ = _strip_null(node)
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            node = defs.get(name, {})
        if isinstance(value, dict) and "properties" in node and not _is_param(node):
            if name is not None:
                found.setdefault(name, value)
            for key, prop in node["properties"].items():
                if key in value:
                    walk(prop, value[key], None)
        elif isinstance(value, list) and value and "items" in node:
            walk(node["items"], value[0], None)
        elif (
            isinstance(value, dict) and value and isinstance(node.get("additionalProperties"), dict)
        ):
            walk(node["additionalProperties"], next(iter(value.values())), None)

    walk(schema, data, "")
    return found


def _flow(value: object) -> str:
    text = yaml.safe_dump(
        value, default_flow_style=True, width=10_000, allow_unicode=True, sort_keys=False
    )
    text = text.strip().removesuffix("...").strip()
    text = text.replace("|", "\\|")
    return text if len(text) <= 70 else text[:67] + "…"


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _codes_table() -> str:
    lines = [
        "## Problem codes\n",
        "Every problem `python -m game validate` reports has one of these codes. Warnings "
        'and hints can be silenced in the level with `suppress: {code: "why"}`; errors '
        "cannot.\n",
        "| code | severity | meaning | can be silenced |",
        "|---|---|---|---|",
    ]
    for code, (severities, meaning) in CODES.items():
        silence = "no" if severities == ("error",) else "yes"
        lines.append(f"| `{code}` | {' / '.join(severities)} | {meaning} | {silence} |")
    return "\n".join(lines) + "\n"
