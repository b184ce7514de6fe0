"""The turn screen, the heart of the game: one side reads the race and sends its orders.

The scene only reads (`view_for` the side, the match history) and sends (`on_submit(Orders)`
once End turn is accepted by `check()`). Panels: your stocks and the rival's visible ones,
the race ladder with small history charts, the four allocation controls, the policy
choice, and a bottom bar with the forecast (an estimate) or the reasons End turn is
refused. Layout in turn_layout.py, pieces in turn_draw/turn_policies/turn_info.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.drawing import fmt
from game.drawing.charts import METRICS, draw_chart, format_value, history
from game.drawing.draw import Tooltips, draw_tooltip
from game.drawing.ladder import LadderView, draw_ladder
from game.engine import Orders, check, view_for
from game.i18n import pick, t
from game.ui.audio import cue, follow_race
from game.ui.describe import describe_reasons
from game.ui.layout import button_height, button_width
from game.ui.scene import Scene
from game.ui.scenes.turn_draw import (
    draw_bottom_bar,
    draw_stocks,
    draw_top_bar,
    frame_inner,
    framed,
    warning_lines,
)
from game.ui.scenes.turn_info import forecast, stock_rows
from game.ui.scenes.turn_layout import PAGES, compute_layout, warning_width
from game.ui.scenes.turn_policies import PolicyList, policy_entries
from game.ui.widgets.allocation import AllocationControl, percents_of

PAGE_KEYS = {pygame.K_r: "race", pygame.K_s: "stocks", pygame.K_d: "decide"}


class TurnScene(Scene):
    name = "turn"
    help_title = "turn.keys.title"
    help_keys = tuple(
        f"turn.keys.{k}"
        for k in (
            *("menu", "tab", "alloc", "nudge", "type"),
            *("policy", "end", "charts", "pages", "mouse"),
        )
    )

    def __init__(
        self,
        app,
        match,
        side: str,
        on_submit: Callable[[Orders], None] | None = None,
        on_menu: Callable[[bool], object] | None = None,
    ):
        super().__init__(app)
        self.match, self.side, self.on_submit = match, side, on_submit
        self.on_menu = on_menu  # opens the pause menu (Esc, Menu); None inside the tutorial
        self.rules = match.rules
        self.view = view_for(self.rules, match.state, side)
        last = next((r.orders[side] for r in reversed(match.turns) if side in r.orders), None)
        self.alloc = AllocationControl(percents_of(last.allocation) if last else None)
        self.policies = PolicyList(policy_entries(self.rules, self.view.state, side))
        self._as_opened = (tuple(self.alloc.percents), self.policies.selected)
        # the list keeps its place from quarter to quarter, so a click lands where it did
        self.policies.scroll = app.remembered.get(("policy_scroll", side), 0)
        previous = match.states[-2] if len(match.states) > 1 else None
        self.ladder = LadderView.from_states(self.rules, match.state, previous)
        follow_race(app, self.ladder.lag_months)
        self.history = history(self.rules, match.states)
        self.page = "decide"
        self.slot = "alloc"  # keyboard focus: "alloc", "policies" or a button name
        self.refused: list[str] = []  # reasons shown after a refused End turn
        self.submitted = False
        self.tips = Tooltips()  # hover texts of the controls
        self.tips_static = Tooltips()  # hover texts of the read-only panels
        self._tip_target = self.tips
        self._static: pygame.Surface | None = None
        self._static_key = None
        self._forecast_key = None
        self._forecast = None
        self._warning_lines = 0  # the bottom bar's waste warning, as laid out
        self._canvas: pygame.Surface | None = None
        self._dirty = True

    @classmethod
    def for_shot(cls, app, shot) -> TurnScene:
        match = shot.match
        side = shot.options.get("side", "china" if match.state.turn % 2 == 0 else "usa")
        scene = cls(app, match, side, lambda orders: None, on_menu=lambda edited: None)
        scene.page = shot.options.get("page", scene.page)
        return scene

    # --- orders -----------------------------------------------------------------------
    def orders(self) -> Orders:
        return Orders(self.alloc.allocation(), self.policies.selected)

    def spend_bn(self) -> float:
        """The budget the split divides: this quarter's budget after the policy's cost."""
        return max(0.0, self.view.me.budget - self.policies.selected_entry.cost)

    def problems(self) -> list[str]:
        return describe_reasons(
            self.rules, check(self.rules, self.match.state, self.side, self.orders())
        )

    def end_turn(self) -> None:
        if self.submitted:
            return
        self.alloc.commit_typing()
        problems = self.problems()
        if problems:
            self.refused = problems
            cue(self.app, "click")
            return
        self.refused = []
        self.submitted = True
        cue(self.app, "end_turn")
        if self.on_submit is not None:
            self.on_submit(self.orders())

    def edited(self) -> bool:
        """True when the split or the policy differs from how the screen opened."""
        return (tuple(self.alloc.percents), self.policies.selected) != self._as_opened

    def harm_question(self, entry):
        """The question asked before a policy that also hurts its own side."""
        from game.ui.scenes.confirm import ConfirmScene

        return ConfirmScene(
            self.app,
            t("turn.harm_title", policy=entry.title),
            t("turn.harm_text", harms="; ".join(entry.harms)),
            lambda: self.policies.confirm(entry),
            yes="turn.harm_yes",
            no="turn.harm_no",
        )

    def exit(self) -> None:
        self.app.remembered[("policy_scroll", self.side)] = self.policies.scroll
        super().exit()

    def ask_before_closing(self) -> bool:
        if self.on_menu is None:
            return False
        return bool(self.on_menu(self.edited() and not self.submitted, closing=True))

    def open_menu(self) -> None:
        if self.on_menu is not None:
            self.alloc.commit_typing()
            self.on_menu(self.edited() and not self.submitted)

    def current_forecast(self):
        key = (tuple(self.alloc.percents), self.policies.selected)
        if key != self._forecast_key:
            self._forecast_key = key
            self._forecast = forecast(self.rules, self.view, self.orders())
        return self._forecast

    # --- widgets ----------------------------------------------------------------------
    def build(self) -> None:
        self._dirty = True
        self._warning_lines = self.warning_lines()
        self.layout = compute_layout(self.app, self.page, self._warning_lines)
        lay, px = self.layout, self.app.px
        bh = button_height(self.app)
        end = lay.end
        self.button(
            "turn.end",
            end,
            self.end_turn,
            object_id="#menu_button",
            tooltip=t("turn.end_tip"),
            sound=None,  # end_turn() plays its own
        )
        self.bottom_room = end.left - lay.bottom.left - px(8)
        x = lay.top.right
        if self.on_menu is not None:
            w = button_width(self.app, t("flow.menu"))
            x -= w
            self.button(
                "flow.menu",
                pygame.Rect(x, lay.top.top + px(4), w, bh),
                self.open_menu,
                tooltip=t("turn.menu_tip"),
            )
            x -= px(10)
        if lay.compact:
            for page in reversed(PAGES):
                w = button_width(self.app, t(f"turn.page.{page}"))
                x -= w + px(6)
                b = self.button(
                    f"turn.page.{page}",
                    pygame.Rect(x, lay.top.top + px(4), w, bh),
                    lambda page=page: self.show_page(page),
                )
                if page == self.page:
                    b.select()
        self.top_room = x - lay.top.left
        panels = lay.panels
        if "charts" in panels:
            small_h = button_height(self.app, "small")
            w = button_width(self.app, t("turn.charts_open"), "small")
            head_h = self.app.font("body", True).get_linesize()
            r = pygame.Rect(panels["charts"].right - w - px(10), 0, w, small_h)
            r.centery = panels["charts"].top + px(9) + head_h // 2
            self.button(
                "turn.charts_open",
                r,
                self.open_charts,
                tooltip=t("turn.charts_tip"),
                object_id="#small_button",
            )
        if "alloc" in panels:
            inner = self._inner(panels["alloc"])
            self.alloc.layout(inner, self.app)
        else:
            self.alloc.rows = []
        if "policies" in panels:
            self.policies.layout(self._inner(panels["policies"]), self.app)
        else:
            self.policies.list_rect = pygame.Rect(0, 0, 0, 0)
        self._sync_focus()

    def warning_lines(self) -> int:
        """The lines the current split's waste warning wraps onto across the bottom bar."""
        return warning_lines(self.app, self.current_forecast(), warning_width(self.app))

    def _inner(self, rect: pygame.Rect) -> pygame.Rect:
        return frame_inner(rect, self.app)

    def show_page(self, page: str) -> None:
        if page != self.page:
            self.page = page
            self.rebuild()

    def open_charts(self) -> None:
        from game.ui.scenes.charts import ChartsScene

        self.app.push(ChartsScene(self.app, self.rules, self.match.states))

    # --- keyboard focus ---------------------------------------------------------------
    def _slots(self) -> list[str]:
        names = [n for n, w in self.widgets.items() if w in self.focus_order]
        return ["alloc", "policies", *names]

    def _sync_focus(self) -> None:
        w = self.widgets.get(self.slot)
        self.focus_index = self.focus_order.index(w) if w in self.focus_order else None

    def set_slot(self, slot: str) -> None:
        self.alloc.commit_typing()
        self.slot = slot
        wanted = {"alloc": "decide", "policies": "decide"}.get(slot)
        if wanted and self.layout.compact and self.page != wanted:
            self.show_page(wanted)
        self._sync_focus()

    def cycle(self, step: int) -> bool:
        slots = self._slots()
        index = slots.index(self.slot) if self.slot in slots else 0
        self.set_slot(slots[(index + step) % len(slots)])
        return True

    def handle_key(self, event: pygame.event.Event) -> bool:
        self._dirty = True  # any key may change a share, the focus or a message
        return self._handle_key(event)

    def _handle_key(self, event: pygame.event.Event) -> bool:
        key, mod = event.key, event.mod
        if self.slot == "alloc" and self.alloc.editing is not None and key != pygame.K_TAB:
            return self.alloc.handle_key(event) or True
        if key == pygame.K_TAB:
            self.alloc.commit_typing()
            return self.cycle(-1 if mod & pygame.KMOD_SHIFT else 1)
        if key == pygame.K_ESCAPE:
            self.open_menu()  # the pause menu; nothing is lost by pressing Esc
            return True
        ctrl_enter = key in (pygame.K_RETURN, pygame.K_KP_ENTER) and mod & pygame.KMOD_CTRL
        if ctrl_enter or key == pygame.K_e:
            self.end_turn()
            return True
        if key == pygame.K_c:
            self.open_charts()
            return True
        if key in (pygame.K_a, pygame.K_p):
            self.set_slot("alloc" if key == pygame.K_a else "policies")
            return True
        if key in PAGE_KEYS and self.layout.compact:
            self.show_page(PAGE_KEYS[key])
            return True
        if self.slot == "alloc" and self.alloc.handle_key(event):
            return True
        if self.slot == "policies" and self.policies.handle_key(event):
            return True
        if self.slot in ("alloc", "policies") and key in (pygame.K_UP, pygame.K_DOWN):
            return True  # arrows stay inside the panel at its ends; Tab leaves it
        if self.slot != "alloc" and event.unicode and event.unicode.isdigit():
            self.set_slot("alloc")  # digits always type a share, wherever the focus was
            return self.alloc.handle_key(event)
        if self.slot not in ("alloc", "policies"):
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                return self.activate_focused()
            if key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN):
                return self.cycle(-1 if key in (pygame.K_LEFT, pygame.K_UP) else 1)
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL):
            self._dirty = True
        if self.alloc.handle_event(event):
            self._dirty = True
            self.slot = "alloc"
            self._sync_focus()
            return True
        if self.policies.handle_event(event):
            if event.type == pygame.MOUSEBUTTONDOWN:
                self.slot = "policies"
                self._sync_focus()
            return True
        return super().handle_event(event)

    def back(self) -> bool:
        return False

    # --- per frame ----------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self.policies.asking is not None:
            entry, self.policies.asking = self.policies.asking, None
            self.app.push(self.harm_question(entry))
            return
        if self.policies.changed_view:
            self.policies.changed_view = False
            self._dirty = True
        if self.alloc.changed:
            cue(self.app, "slider")
        if self.alloc.changed or self.policies.changed:
            self._dirty = True
            self.alloc.changed = self.policies.changed = False
            self.refused = []
            if self.warning_lines() != self._warning_lines:  # the bottom bar makes room
                self.rebuild()

    def draw(self, surface: pygame.Surface) -> None:
        """Blit the cached picture; repaint it only after something changed (input, resize)."""
        size = surface.get_size()
        if self._canvas is None or self._canvas.get_size() != size:
            self._canvas = pygame.Surface(size).convert()
            self._static = pygame.Surface(size).convert()
            self._static_key = None
            self._dirty = True
        if self._dirty:
            self._dirty = False
            key = (id(self.layout), self.app.palette)
            if key != self._static_key:  # the read-only panels change only with the layout
                self._static_key = key
                self._tip_target = self.tips_static
                self.tips_static.clear()
                self.paint_static(self._static)
            self._canvas.blit(self._static, (0, 0))
            self._tip_target = self.tips
            self.tips.clear()
            self.paint_controls(self._canvas)
        surface.blit(self._canvas, (0, 0))

    def paint_static(self, surface: pygame.Surface) -> None:
        """Everything the player cannot change this turn: bars, stocks, ladder, charts."""
        p, app = self.app.palette, self.app
        surface.fill(p.bg)
        lay = self.layout
        add = self._add_tips
        add(
            draw_top_bar(
                surface,
                lay.top,
                app,
                self.side,
                self.view.quarter,
                self.view.turn,
                self.rules.turns,
                self.top_room,
            )
        )
        panels = lay.panels
        rival = "china" if self.side == "usa" else "usa"
        if "stocks" in panels:
            inner = framed(surface, panels["stocks"], t("turn.your_stocks"), app, glyph=self.side)
            add(draw_stocks(surface, inner, stock_rows(self.rules, self.view, self.side), app))
        if "rival" in panels:
            title = t("turn.rival_stocks", side=t(f"faction.{rival}.name"))
            inner = framed(surface, panels["rival"], title, app, glyph=rival)
            columns = 2 if inner.width > app.px(420) else 1
            add(
                draw_stocks(
                    surface,
                    inner,
                    stock_rows(self.rules, self.view, rival, brief=True),
                    app,
                    columns=columns,
                )
            )
        if "ladder" in panels:
            inner = framed(surface, panels["ladder"], t("ladder.title"), app)
            regions = draw_ladder(surface, inner, self.ladder, app.pen)
            self._ladder_tips(regions)
        if "charts" in panels:
            self._draw_charts(surface, panels["charts"])

    def paint_controls(self, surface: pygame.Surface) -> None:
        """The split, the policies and the bottom bar: repainted after every change."""
        app, lay, add = self.app, self.layout, self._add_tips
        panels = lay.panels
        if "alloc" in panels:
            cost = self.policies.selected_entry.cost
            title = t("turn.split", amount=fmt.bn(self.spend_bn()))
            if cost > 0:
                title = t(
                    "turn.split_after_policy", amount=fmt.bn(self.spend_bn()), cost=fmt.bn(cost)
                )
            framed(surface, panels["alloc"], title, app)
            add(self.alloc.draw(surface, app, self.spend_bn(), self.slot == "alloc"))
        if "policies" in panels:
            framed(surface, panels["policies"], t("turn.policy_title"), app)
            add(self.policies.draw(surface, app, self.slot == "policies"))
        problems = self.refused or ([self.policies.refused] if self.policies.refused else [])
        add(draw_bottom_bar(surface, lay, app, self.current_forecast(), problems, self.bottom_room))

    def _draw_charts(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        app, px = self.app, self.app.px
        inner = framed(surface, rect, t("turn.history"), app)
        cols = 2
        rows = -(-len(METRICS) // cols)
        w = (inner.width - px(8)) // cols
        h = (inner.height - px(8) * (rows - 1)) // rows
        for i, metric in enumerate(METRICS):
            r = pygame.Rect(
                inner.left + (i % cols) * (w + px(8)), inner.top + (i // cols) * (h + px(8)), w, h
            )
            pygame.draw.rect(surface, app.palette.bg_deep, r, border_radius=px(6))
            draw_chart(surface, r, self.history[metric], app.pen)
            series = self.history[metric]
            latest = " · ".join(
                f"{t(f'faction.{side}.name')}: {format_value(metric, values[-1])}"
                for side, values in series.values.items()
                if values
            )
            self._tip_target.add(r, t(f"chart.tip.{metric}") + "\n" + latest)

    def _ladder_tips(self, regions: dict) -> None:
        for name, rect in regions.items():
            if name == "goal":
                banded = self.rules.superintelligence_band_log10 > 0
                self._tip_target.add(
                    rect, t("ladder.tip_goal_band" if banded else "ladder.tip_goal")
                )
            elif name == "gap":
                self._tip_target.add(rect, t("ladder.tip_gap"))
            elif name.startswith("rung:"):
                milestone = next(m for m in self.rules.level.ladder.milestones if m.id == name[5:])
                value = fmt.num(self.rules.capability(milestone.log10), 0)
                text = t("ladder.tip_rung", title=pick(milestone.title), value=value)
                if milestone.text is not None:
                    text += "\n" + pick(milestone.text)
                self._tip_target.add(rect, text)
            elif name.startswith("side:"):
                side = name[5:]
                value = fmt.num(self.ladder.capability[side], 1)
                self._tip_target.add(
                    rect, t("ladder.tip_side", name=t(f"faction.{side}.full"), value=value)
                )

    def _add_tips(self, pairs: list) -> None:
        for rect, text in pairs:
            if text:
                self._tip_target.add(rect, text)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        super().draw_overlay(surface)
        self.draw_hover_tip(surface)

    def draw_hover_tip(self, surface: pygame.Surface) -> None:
        """The tooltip of whatever is under the mouse (drawn last, above everything)."""
        if not pygame.mouse.get_focused():
            return
        pos = pygame.mouse.get_pos()
        text = self.tips.text_at(pos) or self.tips_static.text_at(pos)
        if text:
            draw_tooltip(surface, text, pos, self.app.palette, self.app.scale)
