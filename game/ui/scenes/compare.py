"""Two timelines side by side: the original game and its what-if branch.

Both sides' capability curves for both timelines in one chart (the original solid, the
what-if dashed, a marker where they split), the decisions that differed, and both outcomes.
Built from `game.saves.compare`, so every number is exact: same seed, same engine.
"""

from __future__ import annotations

import itertools
import math

import pygame

from game.drawing import fmt
from game.drawing.charts import spread_labels, y_steps
from game.drawing.draw import draw_text, fit_text, panel
from game.drawing.icons import faction_glyph
from game.drawing.theme import mix
from game.i18n import t
from game.levels.model import SIDES
from game.match import Match
from game.saves.compare import Comparison, Timeline, compare
from game.saves.present import orders_text, outcome_text, side_name
from game.ui.layout import button_height, button_width, margin
from game.ui.scene import Scene

MAX_DIFFS = 8


def _dashed_polyline(surface, colour, points, width: int, dash: int) -> None:
    """A polyline drawn in dashes (the what-if timeline); the pattern runs on across bends."""
    phase = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < length:
            into = phase % (2 * dash)
            run = min((dash if into < dash else 2 * dash) - into, length - pos)
            if into < dash:
                a, b = pos / length, (pos + run) / length
                start = (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a)
                end = (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b)
                pygame.draw.line(surface, colour, start, end, width)
            pos += run
            phase += run


def draw_capability_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    app,
    timelines: list[tuple[Timeline, str]],
    *,
    cursor: int | None = None,
    split: int | None = None,
) -> None:
    """Capability 0–100 per quarter for both sides of each (timeline, style) given;
    style is "solid", "dashed" or "faint" (a future the viewer has not reached yet).

    Turns run along x (the first state of the first timeline at the left); `cursor` and
    `split` are turn numbers marked with vertical lines."""
    p, px = app.palette, app.px
    small = app.font("small")
    pad = px(8)
    axis_w = small.size("100")[0] + pad
    plot = pygame.Rect(
        rect.left + pad + axis_w,
        rect.top + pad,
        rect.width - 2 * pad - axis_w,
        rect.height - 2 * pad - small.get_linesize(),
    )
    if plot.width < px(40) or plot.height < px(30):
        return
    first = min(tl.turns[0] for tl, _ in timelines)
    last = max(tl.turns[-1] for tl, _ in timelines)
    span = max(1, last - first)

    def x_of(turn: float) -> int:
        return round(plot.left + plot.width * (turn - first) / span)

    def y_of(value: float) -> int:
        return round(plot.bottom - plot.height * max(0.0, min(100.0, value)) / 100.0)

    grid = mix(p.border, p.panel, 0.4)
    steps = y_steps(app.pen, plot.height, True)
    for k in range(steps + 1):
        value = 100 * k // steps
        y = y_of(value)
        colour = p.accent if value == 100 else grid
        pygame.draw.line(surface, colour, (plot.left, y), (plot.right, y), 1)
        label = small.render(str(value), True, p.text_faint)
        surface.blit(label, (plot.left - pad - label.get_width(), y - label.get_height() // 2))
    # Turn numbers along x: as many as fit without touching, the last kept inside the panel.
    labels = [small.render(str(turn), True, p.text_faint) for turn in range(first, last + 1)]
    boxes = []
    for turn, label in zip(range(first, last + 1), labels, strict=True):
        box = label.get_rect(midtop=(x_of(turn), plot.bottom + px(2)))
        box.right = min(box.right, rect.right - pad)
        boxes.append(box)
    for k in spread_labels(boxes, px(8), limit=rect.right - pad):
        surface.blit(labels[k], boxes[k])
    if split is not None:
        x = x_of(split)
        pygame.draw.line(surface, p.text_dim, (x, plot.top), (x, plot.bottom), max(1, px(2)))
    if cursor is not None:
        x = x_of(cursor)
        pygame.draw.line(surface, p.focus, (x, plot.top), (x, plot.bottom), max(1, px(2)))
    width = max(2, px(2))
    for timeline, style in timelines:
        for side in SIDES:
            colour = p.faction(side)
            if style == "faint":
                colour = mix(colour, p.panel, 0.7)
            points = [
                (x_of(turn), y_of(v))
                for turn, v in zip(timeline.turns, timeline.capability[side], strict=True)
            ]
            if len(points) < 2:
                continue
            if style == "dashed":
                _dashed_polyline(surface, colour, points, width, px(7))
            else:
                pygame.draw.lines(surface, colour, False, points, width)
            if style == "faint":
                continue
            # End marker in the side's own shape: Titans a block, Swarms a dot.
            end = pygame.Rect(0, 0, px(10), px(10))
            end.center = points[-1]
            faction_glyph(surface, side, end, colour)


class CompareScene(Scene):
    name = "compare"

    def __init__(self, app, original: Match, branch: Match, title: str = ""):
        super().__init__(app)
        self.original, self.branch, self.title = original, branch, title
        self.comparison: Comparison = compare(original, branch)

    @classmethod
    def for_shot(cls, app, shot) -> CompareScene:
        """The shot's game to the end, and a what-if that goes all in on models from turn 5."""
        from game.engine import Allocation, Orders, view_for
        from game.match import player_rng
        from game.players.base import Decision
        from game.players.registry import make_player
        from game.saves.timeline import branch

        rules = shot.rules
        original = shot.match
        greedy = make_player("greedy")
        rngs = {s: player_rng(original.seed, s) for s in SIDES}
        while not original.finished:
            original.play_turn(
                {
                    s: greedy.decide(rules, view_for(rules, original.state, s), rngs[s])
                    for s in SIDES
                }
            )
        what_if = branch(original, 5)
        rngs = {s: player_rng(original.seed, s) for s in SIDES}
        models = Decision(Orders(Allocation(0.2, 0.2, 0.1, 0.5)))
        while not what_if.finished:
            view = view_for(rules, what_if.state, "china")
            what_if.play_turn({"usa": models, "china": greedy.decide(rules, view, rngs["china"])})
        return cls(app, original, what_if)

    def build(self) -> None:
        # Close sits top right, beside the title, so the chart and the list get the height.
        w = self.app.size[0]
        m = margin(self.app)
        bh = button_height(self.app)
        width = button_width(self.app, t("saves.compare.back"), minimum=120)
        self.close_rect = pygame.Rect(w - m - width, m, width, bh)
        self.button("saves.compare.back", self.close_rect, self.back)
        if self.focus_index is None:
            self.focus_index = 0

    def draw(self, surface: pygame.Surface) -> None:
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        surface.fill(p.bg)
        w, h = surface.get_size()
        m = margin(self.app)
        c = self.comparison
        rules = self.original.rules
        head = draw_text(
            surface,
            t("saves.compare.title") + (f" — {self.title}" if self.title else ""),
            pygame.Rect(m, m, self.close_rect.left - px(12) - m, px(36)),
            p.text,
            size("heading"),
            bold=True,
            max_lines=1,
        )
        sub = draw_text(
            surface,
            t(
                "saves.compare.split",
                quarter=fmt.quarter(rules.quarter(c.split_turn)),
                turn=c.split_turn,
            ),
            pygame.Rect(m, m + head.height + px(2), self.close_rect.left - px(12) - m, px(24)),
            p.text_dim,
            size("body"),
            max_lines=1,
        )
        top = m + head.height + sub.height + px(14)
        top = max(top, self.close_rect.bottom + px(14))
        bottom = h - m
        # At a large UI scale the differences need more of the width to show anything.
        share = 0.58 if w / self.app.scale.factor >= 1000 else 0.5
        chart_w = round((w - 2 * m) * share)
        chart = pygame.Rect(m, top, chart_w, bottom - top)
        panel(surface, chart, p, self.app.scale)
        lines = 1 if self._legend_width() <= chart.width - px(20) else 2
        legend_h = self.app.font("small").get_linesize() * lines + px(10)
        draw_capability_chart(
            surface,
            pygame.Rect(chart.left, chart.top, chart.width, chart.height - legend_h),
            self.app,
            [(c.original, "solid"), (c.branch, "dashed")],
            split=c.split_turn,
        )
        self._legend(
            surface,
            pygame.Rect(
                chart.left + px(10), chart.bottom - legend_h, chart.width - px(20), legend_h
            ),
        )
        side_rect = pygame.Rect(
            chart.right + px(16), top, w - m - chart.right - px(16), bottom - top
        )
        self._outcomes_and_differences(surface, side_rect)

    def _legend_width(self) -> int:
        px, small = self.app.px, self.app.font("small")
        names = sum(px(30) + small.size(side_name(side))[0] for side in SIDES)
        return names + small.size(t("saves.compare.legend"))[0]

    def _legend(self, surface, rect) -> None:
        """Both sides, then the line styles: on the same row if it fits, else below."""
        p, px = self.app.palette, self.app.px
        small = self.app.font("small")
        line = small.get_linesize()
        g_size = px(10)
        x = rect.left
        for side in SIDES:
            g = pygame.Rect(x, rect.top + (line - g_size) // 2, g_size, g_size)
            faction_glyph(surface, side, g, p.faction(side))
            img = small.render(side_name(side), True, p.faction(side))
            surface.blit(img, (g.right + px(4), rect.top))
            x = g.right + img.get_width() + px(16)
        styles = pygame.Rect(x, rect.top, rect.right - x, line)
        if self._legend_width() > rect.width:
            styles = pygame.Rect(rect.left, rect.top + line, rect.width, line)
        draw_text(
            surface,
            t("saves.compare.legend"),
            styles,
            p.text_dim,
            self.app.scale.font_size("small"),
            max_lines=1,
        )

    def _outcome(self, timeline: Timeline, name: str) -> str:
        if timeline.outcome is None:
            return t("saves.compare.unfinished", timeline=name, turn=timeline.final_turn)
        o = timeline.outcome
        return t("saves.compare.outcome", timeline=name, outcome=outcome_text(o.winner, o.reason))

    def _outcomes_and_differences(self, surface, rect) -> None:
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        c = self.comparison
        rules = self.original.rules
        panel(surface, rect, p, self.app.scale)
        inner = rect.inflate(-px(24), -px(20))
        y = inner.top
        # A small logical screen (large UI scale): smaller type so differences still show.
        cramped = self.app.size[0] / self.app.scale.factor < 1000
        text_role, head_role = ("small", "body") if cramped else ("body", "large")
        lines = [
            (self._outcome(c.original, t("saves.compare.original")), p.text, True),
            (self._outcome(c.branch, t("saves.compare.branch")), p.text, True),
        ]
        if c.original.outcome is not None and c.branch.outcome is not None:
            same = c.original.outcome.winner == c.branch.outcome.winner
            lines.append(
                (t("saves.compare.same" if same else "saves.compare.different"), p.accent, False)
            )
        for text, colour, bold in lines:
            fitted = draw_text(
                surface,
                text,
                pygame.Rect(
                    inner.left, y, inner.width, self.app.font(text_role).get_linesize() * 2
                ),
                colour,
                size(text_role),
                bold=bold,
                max_lines=2,
            )
            y += fitted.height + px(4)
        y += px(8)
        fitted = draw_text(
            surface,
            t("saves.compare.differences"),
            pygame.Rect(
                inner.left, y, inner.width, self.app.font(head_role, True).get_linesize() * 2
            ),
            p.text,
            size(head_role),
            bold=True,
            max_lines=2,
        )
        y += fitted.height + px(6)
        if not c.differences:
            draw_text(
                surface,
                t("saves.compare.no_differences"),
                pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
                p.text_dim,
                size("body"),
            )
            return
        small = size("small")
        small_h = self.app.font("small").get_linesize()
        shown = 0
        for diff in c.differences:
            texts = [
                (t("saves.compare.was", orders=orders_text(rules, diff.original)), p.text_dim),
                (t("saves.compare.now", orders=orders_text(rules, diff.branch)), p.text),
            ]
            width = inner.width - px(16)
            later = len(c.differences) - shown - 1
            for lines in (2, 1):
                fits = [
                    fit_text(text, width, small_h * lines, small, max_lines=lines)
                    for text, _ in texts
                ]
                need = small_h + sum(f.height for f in fits) + px(8)
                if y + need <= inner.bottom - (small_h if later else 0):
                    break
            else:
                break
            head = t(
                "saves.compare.turn_side",
                quarter=fmt.quarter(rules.quarter(diff.turn)),
                side=side_name(diff.side),
            )
            g = pygame.Rect(inner.left, y + px(3), px(10), px(10))
            faction_glyph(surface, diff.side, g, p.faction(diff.side))
            draw_text(
                surface,
                head,
                pygame.Rect(g.right + px(6), y, inner.width - px(16), small_h),
                p.text,
                small,
                bold=True,
                max_lines=1,
            )
            y += small_h
            for (text, colour), fitted in zip(texts, fits, strict=True):
                draw_text(
                    surface,
                    text,
                    pygame.Rect(inner.left + px(16), y, width, fitted.height),
                    colour,
                    small,
                    max_lines=len(fitted.lines),
                )
                y += fitted.height
            y += px(8)
            shown += 1
        rest = len(c.differences) - shown
        if rest > 0:
            draw_text(
                surface,
                t("saves.compare.more", count=rest),
                pygame.Rect(inner.left, y, inner.width, small_h),
                p.text_faint,
                size("small"),
                max_lines=1,
            )
