"""The replay viewer: step forward and back through a saved game, quarter by quarter.

Each step shows the game as it stood at the start of that quarter — the ladder, both
sides' stocks, the capability chart up to then — and what happened in the quarter before:
both sides' orders, the AI's reasons and the events. "Branch here" plays on from this
quarter with the same dice (`game.saves.branch`); the what-if game remembers where it split.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pygame

from game.drawing import fmt
from game.drawing.draw import draw_text, fit_text, panel
from game.drawing.icons import faction_glyph
from game.i18n import t
from game.levels.model import SIDES
from game.saves import BranchOf, LoadResult, Replay, branch, save_match
from game.saves.compare import Timeline, timeline
from game.saves.present import (
    event_text,
    mode_name,
    orders_text,
    outcome_text,
    short_title,
    side_name,
    sides_line,
)
from game.ui.layout import button_height, button_width, flow, margin
from game.ui.scene import Scene
from game.ui.scenes.compare import draw_capability_chart
from game.ui.scenes.load import start_session
from game.ui.scroll import Block, ScrollText

log = logging.getLogger(__name__)

# Events that matter most come first when space is short.
EVENT_ORDER = (
    "GameWon",
    "MilestoneReached",
    "CardFired",
    "PolicyPlayed",
    "TrainingRun",
    "ChipsIdle",
    "LevyPaid",
    "SupplyCapped",
    "EnergyCapped",
    "TalentCapped",
    "RunCapped",
    "EnergyOnline",
    "ChipsBought",
    "EnergyOrdered",
    "TalentHired",
    "ChipsRetired",
    "PowerBill",
)


def _explanation(code: str | None, params: dict) -> str:
    """The AI's one-sentence reason in the current language, or '' when there is none."""
    if not code:
        return ""
    from game.ai.explain import explain
    from game.i18n import language

    try:
        return explain(code, params, language())
    except (KeyError, IndexError, ValueError):  # a saved parameter the words do not fit
        log.debug("no words for explanation %s", code, exc_info=True)
        return ""


class ReplayScene(Scene):
    name = "replay"

    def __init__(self, app, result: LoadResult, path: str | Path | None = None):
        super().__init__(app)
        self.result = result
        self.path = Path(path) if path is not None else None
        self.match = result.match
        self.loaded = result.loaded_level
        self.save = result.save
        self.replay = Replay(self.match)
        self.branching = False
        self.message: str | None = None
        self.quarter_text = ScrollText(app, [])  # "What happened", scrolled, never cut

    @classmethod
    def for_shot(cls, app, shot) -> ReplayScene:
        """A finished greedy-vs-greedy game (saved and loaded back), shown at `turn`."""
        from game.saves import load_save, save_from_match, write_save

        match = shot.match
        folder = Path(__import__("tempfile").mkdtemp(prefix="svt-shot-replay-"))
        path = write_save(
            save_from_match(match, shot.loaded, "ai_vs_ai", {"usa": "greedy", "china": "greedy"}),
            folder / "shot.json",
        )
        scene = cls(app, load_save(path), path)
        scene.replay.seek(shot.options.get("frame", len(match.turns)))
        return scene

    # --- moving -------------------------------------------------------------------------
    def go(self, index: int) -> None:
        self.replay.seek(index)
        self.message = None
        self.rebuild()

    def step(self, delta: int) -> None:
        self.go(self.replay.position + delta)

    # --- branching ----------------------------------------------------------------------
    def ask_branch(self) -> None:
        self.branching = True
        self.rebuild()
        self.focus("saves.branch.cancel")

    def cancel_branch(self) -> None:
        self.branching = False
        self.rebuild()
        self.focus("saves.replay.branch")

    def branch_here(self, mode: str, side: str | None = None) -> None:
        """Play on from the quarter shown, with the same seed; the original stays saved."""
        frame = self.replay.frame()
        title = (self.save.title if self.save else "") or ""
        original_file = self._keep_original()
        origin = BranchOf(title=title, turn=frame.turn, file=original_file)
        what_if = branch(self.match, frame.turn, origin=origin)
        if not start_session(self.app, what_if, self.loaded, self.save, mode=mode, side=side):
            self.branching = False
            self.message = t("saves.branch.unavailable")
            self.rebuild()

    def _keep_original(self) -> str | None:
        """The original's file name; an autosave is first copied to its own slot, because
        the what-if game's autosaves will overwrite the autosave file."""
        if self.path is None:
            return None
        if self.path.stem != "autosave":
            return self.path.name
        players = self.save.players if self.save else None
        mode = self.save.mode if self.save else None
        try:
            stamp = self.save.updated.replace(":", "").replace("-", "")[:13] if self.save else ""
            kept = save_match(
                self.match,
                self.loaded,
                f"before-what-if-{stamp}",
                mode,
                players,
                folder=self.path.parent,
                title=self.save.title if self.save else "",
            )
        except OSError:
            return None
        return kept.name

    # --- layout -------------------------------------------------------------------------
    def build(self) -> None:
        w, h = self.app.size
        px, m = self.app.px, margin(self.app)
        bh = button_height(self.app)
        pos, last = self.replay.position, self.replay.last
        if self.branching:
            can_play = self.app.has_scene("turn")
            buttons = [
                (
                    "saves.branch.vs_ai_usa",
                    t("saves.branch.vs_ai", side=side_name("usa")),
                    lambda: self.branch_here("vs_ai", "usa"),
                    can_play,
                ),
                (
                    "saves.branch.vs_ai_china",
                    t("saves.branch.vs_ai", side=side_name("china")),
                    lambda: self.branch_here("vs_ai", "china"),
                    can_play,
                ),
                (
                    "saves.branch.hotseat",
                    t("saves.branch.hotseat"),
                    lambda: self.branch_here("hotseat"),
                    can_play,
                ),
                ("saves.branch.cancel", t("saves.branch.cancel"), self.cancel_branch, True),
            ]
        else:
            can_branch = not self.replay.frame().state.finished
            buttons = [
                ("saves.replay.start", None, lambda: self.go(0), pos > 0),
                ("saves.replay.prev", None, lambda: self.step(-1), pos > 0),
                ("saves.replay.next", None, lambda: self.step(1), pos < last),
                ("saves.replay.end", None, lambda: self.go(last), pos < last),
                ("saves.replay.branch", None, self.ask_branch, can_branch),
                ("saves.replay.back", None, self.back, True),
            ]
        labels = [text if text is not None else t(name) for name, text, _, _ in buttons]
        widths = [button_width(self.app, label, minimum=96) for label in labels]
        self.head_right = w - m
        role, object_id, moved = "body", None, None
        if not self.branching and sum(widths) + px(10) * (len(widths) - 1) > w - 2 * m:
            # One row only: Close moves up beside the title, the rest may take small type.
            name, _, action, enabled = buttons.pop()
            label, close_w = labels.pop(), widths.pop()
            close = pygame.Rect(w - m - close_w, m - px(16), close_w, bh)
            moved = (name, close, action, label, enabled)
            self.head_right = close.left - px(12)
            if sum(widths) + px(10) * (len(widths) - 1) > w - 2 * m:
                role, object_id = "small", "#small_button"
                widths = [button_width(self.app, text, role, minimum=72) for text in labels]
                bh = button_height(self.app, role)
        x, y = m, h - m - bh
        self.buttons_top = y
        if self.branching:  # the choices sit inside the dialog box, under its text
            box_w = min(w - 2 * m, max(px(640), sum(widths) + px(10) * len(widths) + px(32)))
            rects = flow(widths, 0, 0, box_w - px(32), bh, px(10))
            rows_h = rects[-1].bottom
            self.dialog_rect = pygame.Rect(0, 0, box_w, px(150) + rows_h)
            self.dialog_rect.center = (w // 2, h // 2)
            left, top = self.dialog_rect.left + px(16), self.dialog_rect.bottom - px(16) - rows_h
            rects = [r.move(left, top) for r in rects]
        else:  # wrapped rows (large UI scale) grow upward from the bottom margin
            rects = flow(widths, x, y, w - 2 * m, bh, px(10))
            rise = rects[-1].bottom - (h - m)
            rects = [r.move(0, -rise) for r in rects]
            self.buttons_top = rects[0].top
        for (name, _, action, enabled), label, rect in zip(buttons, labels, rects, strict=True):
            self.button(name, rect, action, text=label, enabled=enabled, object_id=object_id)
        if moved is not None:  # last in the focus order, as in the bottom row
            name, rect, action, label, enabled = moved
            self.button(name, rect, action, text=label, enabled=enabled)
        if self.focus_index is None or self.branching:
            self.focus("saves.branch.cancel" if self.branching else "saves.replay.next")
        if self.focus_index is not None and not self.focus_order[self.focus_index].is_enabled:
            self.move_focus(1)

    # --- input --------------------------------------------------------------------------
    def handle_key(self, event: pygame.event.Event) -> bool:
        if self.branching:
            if event.key == pygame.K_ESCAPE:
                self.cancel_branch()
                return True
            return super().handle_key(event)
        keys = {
            pygame.K_LEFT: -1,
            pygame.K_RIGHT: 1,
            pygame.K_PAGEUP: -4,
            pygame.K_PAGEDOWN: 4,
        }
        if event.key in keys:
            self.step(keys[event.key])
            return True
        if event.key == pygame.K_HOME:
            self.go(0)
            return True
        if event.key == pygame.K_END:
            self.go(self.replay.last)
            return True
        if event.key == pygame.K_b and not self.replay.frame().state.finished:
            self.ask_branch()
            return True
        return super().handle_key(event)

    # --- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        surface.fill(p.bg)
        w = surface.get_width()
        m = margin(self.app)
        frame = self.replay.frame()
        rules = self.match.rules
        title = short_title(self.save.title if self.save else "") or pick_level_title(rules)
        head = draw_text(
            surface,
            t("saves.replay.title", title=title),
            pygame.Rect(m, m - px(16), self.head_right - m, px(36)),
            p.text,
            size("heading"),
            bold=True,
            max_lines=1,
        )
        # A frame is the game after `index` quarters: name the quarter just played, the
        # one its "What happened" column reports (never the coming one, never "25 of 25").
        if frame.record is None:
            where = t("saves.replay.where_start", quarter=fmt.quarter(rules.quarter(frame.turn)))
        else:
            where = t(
                "saves.replay.where_after",
                quarter=fmt.quarter(rules.quarter(frame.record.turn)),
                i=frame.index,
                n=max(rules.turns, frame.index),
            )
        note = self._note(frame)
        sub = draw_text(
            surface,
            where + (f"  ·  {note}" if note else ""),
            pygame.Rect(m, m - px(16) + head.height, self.head_right - m, px(22)),
            p.text_dim,
            size("body"),
            max_lines=1,
        )
        top = m - px(16) + head.height + sub.height + px(8)
        bottom = self.buttons_top - px(26)
        body = pygame.Rect(m, top, w - 2 * m, bottom - top)
        gap = px(12)
        if self.narrow(body):  # large UI scale: two panels, the stocks join the quarter's
            ladder = pygame.Rect(body.left, body.top, round(body.width * 0.36), body.height)
            right = pygame.Rect(
                ladder.right + gap, body.top, body.right - ladder.right - gap, body.height
            )
            self._draw_ladder(surface, ladder, frame)
            self._draw_quarter(surface, right, frame, with_stocks=True)
        else:
            ladder_w = max(px(200), round(body.width * 0.25))
            centre_w = round(body.width * 0.38)
            ladder = pygame.Rect(body.left, body.top, ladder_w, body.height)
            centre = pygame.Rect(ladder.right + gap, body.top, centre_w, body.height)
            right = pygame.Rect(
                centre.right + gap, body.top, body.right - centre.right - gap, body.height
            )
            self._draw_ladder(surface, ladder, frame)
            chart_h = round(centre.height * 0.46)
            self._draw_chart(
                surface, pygame.Rect(centre.left, centre.top, centre.width, chart_h), frame
            )
            stocks = pygame.Rect(
                centre.left, centre.top + chart_h + gap, centre.width, centre.height - chart_h - gap
            )
            self._draw_stocks(surface, stocks, frame)
            self._draw_quarter(surface, right, frame)
        keys = t("saves.replay.keys")
        draw_text(
            surface,
            self.message or keys,
            pygame.Rect(m, self.buttons_top - px(22), w - 2 * m, px(20)),
            p.warn if self.message else p.text_faint,
            size("small"),
            max_lines=1,
        )
        if self.branching:
            self._draw_branch_dialog(surface, body, frame)

    def _note(self, frame) -> str:
        if self.save is not None and self.save.branch_of is not None:
            b = self.save.branch_of
            return t("saves.replay.branch_of", title=short_title(b.title) or "…", turn=b.turn)
        if self.result.used_embedded:
            return t("saves.replay.embedded_note")
        if not self.result.verified:
            return t("saves.replay.mismatch_note")
        return ""

    def _draw_ladder(self, surface, rect, frame) -> None:
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        panel(surface, rect, p, self.app.scale)
        rules = self.match.rules
        try:
            from game.drawing.ladder import LadderView, draw_ladder

            view = LadderView.from_states(rules, frame.state, frame.previous)
            draw_ladder(surface, rect.inflate(-px(8), -px(8)), view, self.app.pen, 1.0)
            return
        except Exception:  # the shared ladder is missing or changed: draw the simple one
            log.debug("shared ladder unavailable", exc_info=True)
        inner = rect.inflate(-px(20), -px(20))
        head = draw_text(
            surface, t("saves.replay.ladder"), inner, p.text, size("body"), bold=True, max_lines=1
        )
        track = pygame.Rect(
            inner.left,
            inner.top + head.height + px(12),
            inner.width,
            inner.height - head.height - px(24),
        )
        axis_x = track.centerx

        def y_of(cap: float) -> int:
            return round(track.bottom - track.height * max(0.0, min(100.0, cap)) / 100.0)

        pygame.draw.line(
            surface, p.border, (axis_x, track.top), (axis_x, track.bottom), max(1, px(2))
        )
        pygame.draw.line(
            surface, p.accent, (track.left, y_of(100)), (track.right, y_of(100)), max(1, px(2))
        )
        small = self.app.font("small")
        label = small.render(t("saves.replay.superintelligence"), True, p.accent)
        surface.blit(
            label, (track.centerx - label.get_width() // 2, y_of(100) - label.get_height() - px(2))
        )
        for milestone in rules.milestones:
            cap = rules.capability(milestone.log10)
            if 0 < cap < 100:
                y = y_of(cap)
                pygame.draw.line(surface, p.text_faint, (axis_x - px(8), y), (axis_x + px(8), y), 1)
        for side, sign in (("usa", -1), ("china", 1)):
            cap = rules.capability(frame.state.factions[side].frontier_log10)
            y = y_of(cap)
            g = pygame.Rect(0, 0, px(18), px(18))
            g.center = (axis_x + sign * px(26), y)
            faction_glyph(surface, side, g, p.faction(side))
            text = small.render(fmt.num(cap, 1), True, p.faction(side))
            tx = g.left - px(6) - text.get_width() if sign < 0 else g.right + px(6)
            surface.blit(text, (tx, y - text.get_height() // 2))

    def _draw_chart(self, surface, rect, frame) -> None:
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        panel(surface, rect, p, self.app.scale)
        head = draw_text(
            surface,
            t("saves.replay.chart"),
            rect.inflate(-px(20), -px(12)),
            p.text,
            size("body"),
            bold=True,
            max_lines=1,
        )
        whole = timeline(self.match.rules, self.match)
        cut = frame.index + 1
        so_far = Timeline(
            whole.turns[:cut],
            {side: values[:cut] for side, values in whole.capability.items()},
            None,
            frame.turn,
        )
        chart = pygame.Rect(
            rect.left, rect.top + head.height + px(6), rect.width, rect.height - head.height - px(6)
        )
        draw_capability_chart(
            surface, chart, self.app, [(whole, "faint"), (so_far, "solid")], cursor=frame.turn
        )

    def _draw_stocks(self, surface, rect, frame) -> None:
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        panel(surface, rect, p, self.app.scale)
        inner = rect.inflate(-px(20), -px(16))
        head = draw_text(
            surface, t("saves.replay.stocks"), inner, p.text, size("body"), bold=True, max_lines=1
        )
        rows = self._stock_rows(frame)
        small = self.app.font("small")
        line = small.get_linesize()
        # Each side's column as wide as its widest figure; the labels take what is left.
        widest = max(
            [small.size(value(side))[0] for _, value in rows for side in SIDES]
            + [small.size(side_name(side))[0] + px(17) for side in SIDES]
        )
        col_w = max(round(inner.width * 0.24), widest + px(10))
        cols = {"usa": inner.right - 2 * col_w, "china": inner.right - col_w}
        y = inner.top + head.height + px(6)
        for side in SIDES:
            g = pygame.Rect(cols[side], y + px(2), px(12), px(12))
            faction_glyph(surface, side, g, p.faction(side))
            surface.blit(small.render(side_name(side), True, p.faction(side)), (g.right + px(5), y))
        y += line + px(2)
        # Too narrow for labels beside the figures: each label on its own line above them.
        stacked = cols["usa"] - inner.left - px(8) < px(60)
        row_h = 2 * line if stacked else line
        room = (inner.bottom - y) // max(1, row_h)
        for key, value in rows[:room]:
            label = fit_text(
                t(f"saves.stock.{key}"),
                inner.width if stacked else cols["usa"] - inner.left - px(8),
                line,
                size("small"),
                max_lines=1,
            )
            surface.blit(label.font.render(label.lines[0], True, p.text_dim), (inner.left, y))
            y += line if stacked else 0
            for side in SIDES:
                surface.blit(small.render(value(side), True, p.text), (cols[side], y))
            y += line

    def narrow(self, body: pygame.Rect) -> bool:
        """Too little room (in design pixels) for the chart beside the quarter's words."""
        return body.width < self.app.px(900)

    def _stock_rows(self, frame) -> list[tuple[str, Callable[[str], str]]]:
        f = frame.state.factions
        rules = self.match.rules
        return [
            ("budget", lambda s: fmt.bn(f[s].budget)),
            ("income", lambda s: fmt.bn(f[s].income)),
            ("compute", lambda s: fmt.compact(f[s].fleet_h100e)),
            ("energy", lambda s: fmt.gw(f[s].energy_gw)),
            ("talent", lambda s: fmt.num(f[s].talent, 1)),
            ("capability", lambda s: fmt.num(rules.capability(f[s].frontier_log10), 1)),
            ("adoption", lambda s: fmt.pct(f[s].adoption)),
            ("confidence", lambda s: fmt.num(f[s].confidence, 2)),
            ("idle", lambda s: fmt.pct(f[s].idle_share)),
        ]

    def _draw_quarter(self, surface, rect, frame, with_stocks: bool = False) -> None:
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        panel(surface, rect, p, self.app.scale)
        inner = rect.inflate(-px(20), -px(16))
        rules = self.match.rules
        record = frame.record
        if record is None:
            text = t("saves.replay.at_start")
            if self.save is not None:
                facts = t(
                    "saves.replay.game_facts", seed=self.save.seed, mode=mode_name(self.save.mode)
                )
                text = "\n\n".join([text, sides_line(self.save), facts])
            draw_text(surface, text, inner, p.text_dim, size("body"))
            return
        head = draw_text(
            surface,
            t("saves.replay.quarter_before", quarter=fmt.quarter(rules.quarter(record.turn))),
            inner,
            p.text,
            size("body"),
            bold=True,
            max_lines=2,
        )
        top = inner.top + head.height + px(6)
        self.quarter_text.blocks = self._quarter_blocks(frame, with_stocks)
        self.quarter_text.draw(
            surface, pygame.Rect(inner.left, top, inner.width, inner.bottom - top)
        )

    def _quarter_blocks(self, frame, with_stocks: bool) -> list[Block]:
        """Both sides' orders and reasons, the outcome, every event (and, when the chart
        has no room, the stocks), at one type size: the column scrolls instead of cutting."""
        p, rules, record = self.app.palette, self.match.rules, frame.record
        blocks: list[Block] = []
        for side in SIDES:
            label = t("saves.replay.orders", side=side_name(side))
            blocks.append(Block("stock", label, colour=p.faction(side)))
            blocks.append(Block("text", orders_text(rules, record.orders[side])))
            why = _explanation(*record.explanations.get(side, (None, {})))
            if why:
                blocks.append(Block("item", t("saves.replay.why", reason=why), colour=p.text_dim))
        if frame.state.finished and frame.state.outcome is not None:
            o = frame.state.outcome
            text = t("saves.replay.finished", outcome=outcome_text(o.winner, o.reason))
            blocks.append(Block("stock", text, colour=p.accent))
        blocks.append(Block("gap"))
        events = sorted(
            frame.events,
            key=lambda e: (
                EVENT_ORDER.index(type(e).__name__) if type(e).__name__ in EVENT_ORDER else 99
            ),
        )
        blocks += [Block("text", "• " + event_text(rules, e), colour=p.text_dim) for e in events]
        if with_stocks:
            blocks += [Block("gap"), Block("heading", t("saves.replay.stocks"), colour=p.text)]
            for key, value in self._stock_rows(frame):
                figures = " · ".join(f"{side_name(s)} {value(s)}" for s in SIDES)
                blocks.append(Block("row", t(f"saves.stock.{key}"), figures))
        return blocks

    def handle_event(self, event: pygame.event.Event) -> bool:
        scrolls = event.type == pygame.MOUSEWHEEL or (
            event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN)
        )
        if scrolls and not self.branching and self.replay.frame().record is not None:
            return self.quarter_text.handle_event(event)
        return super().handle_event(event)

    def _draw_branch_dialog(self, surface, body, frame) -> None:
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surface.blit(shade, (0, 0))
        box = self.dialog_rect
        panel(surface, box, p, self.app.scale, fill=p.panel_hi, border=p.focus)
        inner = box.inflate(-px(32), -px(28))
        rules = self.match.rules
        head = draw_text(
            surface,
            t("saves.branch.title", quarter=fmt.quarter(rules.quarter(frame.turn))),
            inner,
            p.text,
            size("large"),
            bold=True,
            max_lines=1,
        )
        explain = t("saves.branch.explain")
        if not self.app.has_scene("turn"):
            explain = t("saves.branch.unavailable")
        draw_text(
            surface,
            explain,
            pygame.Rect(
                inner.left,
                inner.top + head.height + px(10),
                inner.width,
                box.top + px(140) - (inner.top + head.height + px(10)),
            ),
            p.text_dim,
            size("body"),
        )


def pick_level_title(rules) -> str:
    from game.i18n import pick

    return pick(rules.level.title)
