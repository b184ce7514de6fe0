"""Saves put into words for the screens: list lines, sides, dates, orders and events.

Pure text (no pygame), so the load, replay and comparison scenes stay thin and this is
tested on its own. Every word comes from assets/i18n/<lang>/saves.yaml via `game.i18n`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

import yaml

from game import numbers as fmt
from game.engine import AREAS, GameEvent, Orders, Rules
from game.i18n import has_key, pick, t
from game.levels.model import SIDES, quarter_index, quarter_name
from game.saves.format import SAVE_SIDES, SavedPlayer, SaveGame
from game.saves.problems import SaveProblem
from game.saves.slots import SaveEntry

DIFFICULTIES = ("easy", "normal", "hard")


@dataclass(frozen=True)
class LevelFacts:
    """What the list needs from the level copy inside a save, without compiling it."""

    title: dict[str, Any]
    start_quarter: int | None


@lru_cache(maxsize=32)
def _facts(sha256: str, text: str) -> LevelFacts:
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError:
        data = None
    finally:
        loader.dispose()
    data = data if isinstance(data, dict) else {}
    title = data.get("title")
    title = title if isinstance(title, dict) else {}
    start = (data.get("calendar") or {}).get("start") if isinstance(data, dict) else None
    try:
        index = quarter_index(str(start)) if start is not None else None
    except ValueError:
        index = None
    return LevelFacts({k: str(v) for k, v in title.items()}, index)


def level_facts(save: SaveGame) -> LevelFacts:
    return _facts(save.level.sha256, save.level.text)


def level_title(save: SaveGame) -> str:
    facts = level_facts(save)
    return pick(_Text(facts.title)) or save.level.id


class _Text:
    """`pick()` reads `.en` / `.de` attributes; the list has a plain dict."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def quarter_of(save: SaveGame, turn: int) -> str:
    start = level_facts(save).start_quarter
    if start is None:
        return t("saves.turn", turn=turn)
    return fmt.quarter(quarter_name(start + turn - 1))


def side_name(side: str) -> str:
    return t(f"saves.side.{side}")


def player_label(player: SavedPlayer) -> str:
    if player.kind == "human":
        return t("saves.player.human")
    base = player.name.split("@")[0].split("#")[0]
    name = t(f"saves.difficulty.{base}") if base in DIFFICULTIES else player.name
    return t("saves.player.ai", name=name)


def sides_line(save: SaveGame) -> str:
    return ", ".join(
        t("saves.side_player", side=side_name(s), player=player_label(save.players[s]))
        for s in SAVE_SIDES
    )


def mode_name(mode: str) -> str:
    key = f"saves.mode.{mode}"
    return t(key) if has_key(key) else mode


def date_text(stamp: str) -> str:
    """An ISO time stamp as the player's local date and time."""
    try:
        when = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return t(
        "saves.date",
        year=when.year,
        month=f"{when.month:02d}",
        day=f"{when.day:02d}",
        time=f"{when.hour:02d}:{when.minute:02d}",
    )


def outcome_text(winner: str | None, reason: str) -> str:
    how = t(f"saves.reason.{reason}") if has_key(f"saves.reason.{reason}") else reason
    if winner is None:
        return t("saves.draw", how=how)
    return t("saves.won", side=side_name(winner), how=how)


def entry_lines(entry: SaveEntry) -> tuple[str, str]:
    """Headline and detail line of one load-list row (a problem row names the file)."""
    if entry.save is None:
        detail = problem_text(entry.problem) if entry.problem is not None else ""
        return t("saves.load.damaged", file=entry.path.name), detail
    save = entry.save
    title = t("saves.autosave") if entry.is_autosave else short_title(save.title)
    title = title or level_title(save)
    state = (
        outcome_text(save.final.outcome.winner, save.final.outcome.reason)
        if save.final.outcome
        else t("saves.load.at", quarter=quarter_of(save, save.turn), turn=save.turn)
    )
    parts = [state, sides_line(save), t("lessons.list.seed", seed=save.seed)]
    if save.group:
        parts.append(t("lessons.list.group", group=short_title(save.group, 40)))
    parts += [mode_name(save.mode), date_text(save.updated)]
    if title != level_title(save):  # the headline already names the level otherwise
        parts.insert(0, level_title(save))
    return title, " · ".join(parts)


#: A save's title is the player's (or anyone's) text: shown at most this long.
TITLE_CHARS = 80


def short_title(title: str, limit: int = TITLE_CHARS) -> str:
    """The title cut to `limit` characters with an ellipsis (the file name says the rest)."""
    title = title[: limit + 1].replace("\n", " ")
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def problem_text(problem: SaveProblem) -> str:
    return t(f"saves.problem.{problem.code}", file=problem.file, **problem.params)


def orders_text(rules: Rules, orders: Orders) -> str:
    shares = " · ".join(
        t(f"saves.area.{a}", share=fmt.pct(s))
        for a, s in zip(AREAS, orders.allocation.as_tuple(), strict=True)
    )
    if orders.policy is None:
        return shares
    policy = rules.policies.get(orders.policy)
    name = pick(policy.title) if policy is not None else orders.policy
    return t("saves.with_policy", shares=shares, policy=name)


def event_text(rules: Rules, event: GameEvent) -> str:
    """One line for an engine event, from `saves.event.<Kind>`."""
    data = event.to_dict()
    kind = data.pop("kind")
    p: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("side", "payer", "receiver", "winner"):
            p[key] = side_name(value) if value in SIDES else t("saves.nobody")
        elif key == "policy":
            policy = rules.policies.get(value)
            p[key] = pick(policy.title) if policy is not None else value
        elif key == "event":
            card = rules.events_by_id.get(value)
            p[key] = pick(card.title) if card is not None else value
        elif key == "milestone":
            titles = {m.id: pick(m.title) for m in rules.level.ladder.milestones}
            p[key] = titles.get(value, value)
        elif key == "chip":
            chips = {c.id: pick(c.name) for c in rules.level.chips}
            p[key] = chips.get(value, value)
        elif key in ("units", "h100e"):
            p[key] = fmt.compact(value)
        elif key.endswith("_bn"):
            p[key] = fmt.bn(value)
        elif key == "idle_share":
            p[key] = fmt.pct(value)
        elif key.endswith("gw"):
            p[key] = fmt.gw(value)
        elif key == "arrives_turn":
            p[key] = fmt.quarter(rules.quarter(value))
        elif key == "reason":
            p[key] = t(f"saves.reason.{value}") if has_key(f"saves.reason.{value}") else value
        elif key == "gained":  # may be a loss: "+0.4" or "−0.2", never "+−0.2"
            p[key] = fmt.signed(value, fmt.auto_decimals(value))
        elif isinstance(value, float):
            p[key] = fmt.smart(value) if "capability" not in key else fmt.num(value, 1)
        else:
            p[key] = value if value is not None else "–"
    key = f"saves.event.{kind}"
    if kind == "TrainingRun" and p["capability_before"] == p["capability_after"]:
        # never "capability 83.3 → 83.3": say why it stayed
        key += "_none" if data["run_log10"] is None else "_flat"
    return t(key, **p) if has_key(key) else kind
