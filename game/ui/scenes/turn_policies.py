"""The policy choice on the turn screen: a scrolling list plus a detail box.

The policies keep the level's order every quarter (a click in the same place picks the
same card); those not playable now are greyed, with the engine's reason in words
("resting: playable again in …"). Selecting one again, or the "No policy" entry, plays
none. A policy that also hurts its own side is only chosen after a question. Mouse:
click, wheel. Keyboard (when focused): Up/Down, Enter or Space to choose, Delete/Backspace for none.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.drawing import fmt
from game.drawing.draw import draw_text, fit_text
from game.drawing.icons import draw_icon
from game.drawing.theme import mix
from game.engine import Rules, available_policies
from game.engine.orders import policy_problems
from game.engine.state import GameState
from game.i18n import pick, t
from game.ui.describe import describe_effects, describe_reasons


@dataclass(frozen=True)
class PolicyEntry:
    id: str | None  # None: play no policy
    title: str
    cost: float
    available: bool
    why_not: str
    effects: tuple[str, ...]
    text: str
    source: str
    simplification: str
    harms: tuple[str, ...] = ()  # its effects that hurt the side playing it, in words


def policy_entries(rules: Rules, state: GameState, side: str) -> list[PolicyEntry]:
    """'No policy', then every policy of `side` in the level's order, playable or not."""
    playable = set(available_policies(rules, state, side))
    entries = [
        PolicyEntry(None, t("turn.no_policy"), 0.0, True, "", (), t("turn.no_policy_text"), "", "")
    ]
    for policy in rules.policies_for(side):
        ok = policy.id in playable
        src = rules.level.sources.get(policy.source)
        entry = PolicyEntry(
            policy.id,
            pick(policy.title),
            policy.cost_bn.value,
            ok,
            ""
            if ok
            else " ".join(
                describe_reasons(rules, policy_problems(rules, state, side, policy.id), short=True)
            ),
            tuple(describe_effects(rules, policy.effects, side)),
            pick(policy.text),
            t("turn.source", title=src.title, publisher=src.publisher, date=src.date)
            if src
            else "",
            pick(policy.simplification) if policy.simplification else "",
            tuple(describe_effects(rules, self_harms(policy.effects, side), side)),
        )
        entries.append(entry)
    return entries


#: Stocks and parameters where more is worse for the side that has them.
LOWER_IS_BETTER = ("price", "levy", "domestic_chip_power_factor", "energy_build_lag_turns")


def self_harms(effects, side: str) -> list:
    """The effects that make the acting `side` weaker: less of a good thing (or more of a
    bad one) for itself, or a chip source of its own shut (supply set to 0)."""
    harms = []
    for effect in effects:
        if effect.side not in ("self", "both", side):
            continue
        worse_up = effect.target.rsplit(".", 1)[-1] in LOWER_IS_BETTER
        if effect.op == "add":
            bad = effect.value > 0 if worse_up else effect.value < 0
        elif effect.op == "multiply":
            bad = effect.value > 1 if worse_up else effect.value < 1
        else:  # "set": only a shut supply is surely a loss without knowing the old value
            bad = effect.target.endswith(".supply") and effect.value == 0
        if bad:
            harms.append(effect)
    return harms


def elide(
    surface: pygame.Surface, text: str, rect: pygame.Rect, colour, size: int, lines: int = 1
) -> None:
    """Summary text in `lines` lines, cut with an ellipsis when longer (by design)."""
    fitted = fit_text(text, rect.width, rect.height, size, min_size=size, max_lines=lines)
    for k, line in enumerate(fitted.lines):
        surface.blit(
            fitted.font.render(line, True, colour), (rect.left, rect.top + k * fitted.line_height)
        )


class PolicyList:
    def __init__(self, entries: list[PolicyEntry], selected: str | None = None):
        self.entries = entries
        self.selected = selected
        self.highlight = next((i for i, e in enumerate(entries) if e.id == selected), 0)
        self.scroll = 0
        self.items: list[pygame.Rect] = []
        self.list_rect = pygame.Rect(0, 0, 0, 0)
        self.detail_rect: pygame.Rect | None = None
        self.item_h = 0
        self.summary_lines = 1  # two when the detail box has no room (UI scale 200%)
        self.changed = False
        self.changed_view = False  # only the picture changed (hover)
        self.refused: str | None = None  # why the last click on a greyed policy did nothing
        self.asking: PolicyEntry | None = None  # a self-harming policy awaiting a yes
        self.hover: int | None = None  # the entry under the mouse: its details are shown

    @property
    def selected_entry(self) -> PolicyEntry:
        return next((e for e in self.entries if e.id == self.selected), self.entries[0])

    def choose(self, index: int) -> None:
        entry = self.entries[index]
        self.highlight = index
        if not entry.available:
            self.refused = entry.why_not
            return
        self.refused = None
        new = None if entry.id == self.selected else entry.id
        if new is not None and entry.harms:
            self.asking = entry  # the turn screen asks first; `confirm()` chooses it
            return
        self.set_selected(new)

    def confirm(self, entry: PolicyEntry) -> None:
        """The player said yes to a policy that hurts its own side."""
        self.set_selected(entry.id)

    def set_selected(self, new: str | None) -> None:
        if new != self.selected:
            self.selected = new
            self.changed = True

    # --- layout -----------------------------------------------------------------------
    def layout(self, rect: pygame.Rect, app) -> None:
        """Whole entries only (never half an entry at the edge), three at least. The detail
        box takes what is left; when that is too little for it (UI scale 200%), it gives
        way and each entry's summary gets a second line instead, if three still fit."""
        px = app.px
        title_h, small_h = app.font("body", True).get_linesize(), app.font("small").get_linesize()
        self.summary_lines = 1
        self.item_h = title_h + small_h + px(10)
        floor = round(small_h * 3.5)
        detail_h = min(round(rect.height * 0.38), max(floor, rect.height - 3 * self.item_h - px(8)))
        shown = (rect.height - detail_h - px(8)) // self.item_h
        if detail_h >= floor and shown >= min(3, len(self.entries)):
            list_h = shown * self.item_h
            self.list_rect = pygame.Rect(rect.left, rect.top, rect.width, list_h)
            self.detail_rect = pygame.Rect(
                rect.left, rect.top + list_h + px(8), rect.width, rect.height - list_h - px(8)
            )
        else:  # no detail box: two summary lines if three entries still fit, else one
            two_lines = title_h + 2 * small_h + px(8)
            if rect.height // two_lines >= min(3, len(self.entries)):
                self.summary_lines, self.item_h = 2, two_lines
            list_h = max(self.item_h, rect.height // self.item_h * self.item_h)
            self.list_rect = pygame.Rect(rect.left, rect.top, rect.width, list_h)
            self.detail_rect = None
        self._clamp_scroll()

    def _clamp_scroll(self) -> None:
        total = len(self.entries) * self.item_h
        self.scroll = max(0, min(self.scroll, total - self.list_rect.height))

    def _visible(self, index: int) -> None:
        top = index * self.item_h
        if top < self.scroll:
            self.scroll = top
        elif top + self.item_h > self.scroll + self.list_rect.height:
            self.scroll = top + self.item_h - self.list_rect.height
        self._clamp_scroll()

    def index_at(self, pos: tuple[int, int]) -> int | None:
        if not self.list_rect.collidepoint(pos):
            return None
        index = (pos[1] - self.list_rect.top + self.scroll) // max(1, self.item_h)
        return index if 0 <= index < len(self.entries) else None

    # --- input ------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            hover = self.index_at(event.pos)
            if hover != self.hover:
                self.hover = hover
                self.changed_view = True
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            index = self.index_at(event.pos)
            if index is not None:
                self.choose(index)
                return True
        if event.type == pygame.MOUSEWHEEL and self.list_rect.collidepoint(pygame.mouse.get_pos()):
            self.scroll -= event.y * self.item_h
            self._clamp_scroll()
            return True
        return False

    def handle_key(self, event: pygame.event.Event) -> bool:
        key = event.key
        if key in (pygame.K_UP, pygame.K_DOWN):
            step = -1 if key == pygame.K_UP else 1
            if 0 <= self.highlight + step < len(self.entries):
                self.highlight += step
                self._visible(self.highlight)
                return True
            return False
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.choose(self.highlight)
            return True
        if key in (pygame.K_DELETE, pygame.K_BACKSPACE):
            self.choose(0)
            return True
        return False

    # --- drawing ----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, app, focused: bool) -> list:
        p, px, size = app.palette, app.px, app.scale.font_size
        tips = []
        old_clip = surface.get_clip()
        surface.set_clip(self.list_rect.clip(old_clip) if old_clip else self.list_rect)
        title_font = app.font("body", True)
        small_h = app.font("small").get_linesize()
        for i, entry in enumerate(self.entries):
            y = self.list_rect.top + i * self.item_h - self.scroll
            if y + self.item_h < self.list_rect.top or y > self.list_rect.bottom:
                continue
            item = pygame.Rect(
                self.list_rect.left, y, self.list_rect.width - px(6), self.item_h - px(4)
            )
            chosen = entry.id == self.selected
            fill = (
                mix(p.panel_hi, p.accent, 0.18)
                if chosen
                else (p.panel_hi if entry.available else p.panel)
            )
            pygame.draw.rect(surface, fill, item, border_radius=px(6))
            edge = (
                p.focus if focused and i == self.highlight else (p.accent if chosen else p.border)
            )
            pygame.draw.rect(
                surface, edge, item, max(1, px(2 if edge != p.border else 1)), border_radius=px(6)
            )
            inner = item.inflate(-px(16), -px(6))
            mark = px(12)
            box = pygame.Rect(
                inner.left, inner.top + (title_font.get_linesize() - mark) // 2, mark, mark
            )
            pygame.draw.circle(
                surface,
                p.text_dim if entry.available else p.text_faint,
                box.center,
                mark // 2,
                max(1, px(2)),
            )
            if chosen:
                pygame.draw.circle(surface, p.accent, box.center, mark // 2 - px(3))
            cost = "" if entry.id is None else fmt.bn(entry.cost)
            cost_w = app.font("small").size(cost)[0] + px(8) if cost else 0
            left = box.right + px(8)
            title = pygame.Rect(left, inner.top, inner.right - left, title_font.get_linesize())
            beside = (
                not cost
                or not fit_text(
                    entry.title,
                    title.width - cost_w,
                    title.height,
                    size("body"),
                    bold=True,
                    max_lines=1,
                ).cut
            )
            if beside:
                title.width -= cost_w
            colour = p.text if entry.available else p.text_faint
            draw_text(surface, entry.title, title, colour, size("body"), bold=True, max_lines=1)
            sub = pygame.Rect(left, title.bottom, inner.right - left, small_h * self.summary_lines)
            if cost:
                where = pygame.Rect(
                    inner.right - cost_w,
                    title.top if beside else sub.top,
                    cost_w,
                    title.height if beside else small_h,
                )
                if not beside:
                    sub.width -= cost_w
                draw_text(
                    surface,
                    cost,
                    where,
                    p.accent if entry.available else p.text_faint,
                    size("small"),
                    align="right",
                    valign="middle",
                    max_lines=1,
                )
            line = (
                entry.why_not
                if not entry.available
                else (entry.effects[0] if entry.effects else entry.text)
            )
            more = len(entry.effects) - 1
            if entry.available and more > 0:
                line = t("turn.more_effects", first=line, n=more)
            # A summary, elided on purpose: the detail box and the tooltip say it all.
            colour = p.warn if not entry.available else p.text_dim
            elide(surface, line, sub, colour, size("small"), self.summary_lines)
            tips.append((item.clip(self.list_rect), self._tip(entry)))
        surface.set_clip(old_clip)
        total = len(self.entries) * self.item_h
        if total > self.list_rect.height:
            bar_h = max(px(20), self.list_rect.height * self.list_rect.height // total)
            bar_y = self.list_rect.top + (self.list_rect.height - bar_h) * self.scroll // max(
                1, total - self.list_rect.height
            )
            pygame.draw.rect(
                surface,
                p.text_faint,
                (self.list_rect.right - px(3), bar_y, px(3), bar_h),
                border_radius=px(2),
            )
        if self.detail_rect is not None:
            if self.hover is not None:
                shown = self.entries[self.hover]
            else:
                shown = self.entries[self.highlight] if focused else self.selected_entry
            self._draw_detail(surface, app, shown)
        return tips

    def _tip(self, entry: PolicyEntry) -> str:
        parts = [entry.title, entry.text]
        if not entry.available:
            parts.append(entry.why_not)
        parts += list(entry.effects)
        if entry.source:
            parts.append(entry.source)
        if entry.simplification:
            parts.append(t("turn.simplification", text=entry.simplification))
        return "\n".join(x for x in parts if x)

    def _draw_detail(self, surface: pygame.Surface, app, entry: PolicyEntry) -> None:
        p, px, size = app.palette, app.px, app.scale.font_size
        r = self.detail_rect
        pygame.draw.rect(surface, p.bg_deep, r, border_radius=px(6))
        inner = r.inflate(-px(16), -px(12))
        y = inner.top
        lines = list(entry.effects) or [entry.text]
        if not entry.available:
            lines = [entry.why_not, *lines]
        text = "\n".join(("• " + x) if x in entry.effects else x for x in lines)
        head = draw_text(
            surface,
            entry.title,
            pygame.Rect(inner.left, y, inner.width, app.font("body", True).get_linesize()),
            p.text,
            size("body"),
            bold=True,
            max_lines=1,
        )
        y += head.height + px(2)
        source_h = app.font("small").get_linesize() if entry.source else 0
        body = pygame.Rect(inner.left, y, inner.width, inner.bottom - y - source_h)
        fitted = fit_text(
            text,
            body.width,
            body.height,
            size("small"),
            min_size=max(8, round(size("small") * 0.8)),
        )
        for k, line in enumerate(fitted.lines):
            colour = p.warn if (not entry.available and k == 0) else p.text_dim
            surface.blit(
                fitted.font.render(line, True, colour),
                (body.left, body.top + k * fitted.line_height),
            )
        if entry.source:
            icon = app.font("small").get_linesize() - px(2)
            src = pygame.Rect(inner.left, inner.bottom - source_h, inner.width, source_h)
            draw_icon(
                surface, "source", pygame.Rect(src.left, src.top + px(1), icon, icon), p.text_faint
            )
            draw_text(
                surface,
                entry.source,
                pygame.Rect(src.left + icon + px(6), src.top, src.width - icon - px(6), source_h),
                p.text_faint,
                size("small"),
                max_lines=1,
            )
