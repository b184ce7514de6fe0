"""The end of a game: who won and why, capability over time, and the turning points.

The chart is the turn screen's capability chart (widgets/charts.py) drawn large, with the
quarters in which event cards struck marked on it (hover a mark for the cards' titles).
The turning points are read from the match: the quarters in which the gap moved most and
the milestones each side reached. The right-hand column is where a later classroom issue
adds discussion questions and the export buttons.
"""

from __future__ import annotations

import pygame

from game.drawing.charts import draw_chart, format_value, history
from game.drawing.draw import Tooltips, draw_text, panel, wrap_lines
from game.drawing.fmt import num
from game.drawing.icons import faction_glyph
from game.engine import events as ev
from game.i18n import t
from game.levels.model import SIDES
from game.ui.audio import cue, follow_race
from game.ui.layout import button_height, button_width, margin
from game.ui.narrate import card_title, milestone_title, quarter_words
from game.ui.scene import Scene
from game.ui.scroll import Block, ScrollText
from game.ui.session import GameSession

#: How many "the gap moved" lines the turning points list at most.
GAP_POINTS = 3


def gap_months(rules, state) -> float:
    """Titans' lead in months (negative: the Swarms lead)."""
    f = state.factions
    return rules.lag_months(f["usa"].frontier_log10 - f["china"].frontier_log10)


def turning_points(session: GameSession) -> list[tuple[int, str]]:
    """(turn, sentence) for the quarters that decided the game, in time order."""
    rules, match = session.rules, session.match
    points: list[tuple[int, str]] = []
    swings = []
    for record, before, after in zip(match.turns, match.states, match.states[1:], strict=False):
        delta = gap_months(rules, after) - gap_months(rules, before)
        swings.append((abs(delta), record.turn, delta))
        for e in record.events:
            if isinstance(e, ev.MilestoneReached):
                text = t(
                    "debrief.tp_milestone",
                    quarter=quarter_words(rules.quarter(record.turn)),
                    name=t(f"faction.{e.side}.name"),
                    milestone=milestone_title(rules, e.milestone),
                )
                points.append((record.turn, text))
    for size, turn, delta in sorted(swings, reverse=True)[:GAP_POINTS]:
        if size < 0.5:
            continue
        text = t(
            "debrief.tp_gap",
            quarter=quarter_words(rules.quarter(turn)),
            months=num(size, 1),
            name=t(f"faction.{'usa' if delta > 0 else 'china'}.name"),
        )
        points.append((turn, text))
    return sorted(points, key=lambda p: p[0])


class EndScene(Scene):
    name = "end"

    def __init__(self, app, session: GameSession):
        super().__init__(app)
        self.session = session
        self.points = ScrollText(app, [])
        self.tips = Tooltips()

    @classmethod
    def for_shot(cls, app, shot) -> EndScene:
        """A whole game (greedy vs greedy from the shot's seed) at its end."""
        from game.match import play_game
        from game.players.registry import make_player

        match = play_game(shot.rules, {s: make_player("greedy") for s in SIDES}, shot.seed)
        return cls(
            app, GameSession(shot.loaded, "hotseat", SIDES, "normal", shot.seed, shot.rules, match)
        )

    def enter(self) -> None:
        super().enter()
        self._sound_the_end()

    def _sound_the_end(self) -> None:
        """Victory or defeat for the one human at the keyboard; for two (or none), the
        winner's fanfare. A draw is quiet."""
        follow_race(self.app, float("inf"))  # the race is over: calm music again
        outcome = self.session.match.state.outcome
        if outcome is None or outcome.winner is None:
            return
        viewer = self.session.viewer
        cue(self.app, "defeat" if viewer and outcome.winner != viewer else "victory")

    def new_game(self) -> None:
        self.app.replace("setup")

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        m = margin(self.app)
        bh = button_height(self.app)
        big = button_height(self.app, "large")
        y = h - big - px(14)
        label = t("debrief.new_game")
        nw = button_width(self.app, label, "large", minimum=180)
        self.button(
            "debrief.new_game",
            pygame.Rect(w - m - nw, y, nw, big),
            self.new_game,
            object_id="#menu_button",
        )
        mw = button_width(self.app, t("debrief.menu"), minimum=110)
        self.button("debrief.menu", pygame.Rect(m, y + (big - bh) // 2, mw, bh), self.back)
        # Classroom (issue 7): decisions that mattered, real timeline, questions, report.
        if self.app.has_scene("classroom_debrief"):
            cw = button_width(self.app, t("debrief_c.open_debrief"), minimum=110)
            self.button(
                "debrief_c.open_debrief",
                pygame.Rect(m + mw + px(12), y + (big - bh) // 2, cw, bh),
                lambda: self.app.push("classroom_debrief", session=self.session),
            )
        self.bottom = y - px(12)
        if self.focus_index is None:  # never New game: Enter twice must not lose this game
            has_debrief = "debrief_c.open_debrief" in self.widgets
            self.focus("debrief_c.open_debrief" if has_debrief else "debrief.menu")

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL or (
            event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN)
        ):
            return self.points.handle_event(event)
        return super().handle_event(event)

    # --- drawing ----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        surface.fill(p.bg)
        self.tips.clear()
        w = surface.get_width()
        m = margin(self.app)
        rules, match = self.session.rules, self.session.match
        outcome = match.state.outcome
        winner = outcome.winner if outcome else None
        reason = outcome.reason if outcome else "draw"
        y = px(14)
        glyph = px(48)
        if winner:
            faction_glyph(
                surface, winner, pygame.Rect(m, y + px(4), glyph, glyph), p.faction(winner)
            )
        x = m + (glyph + px(16) if winner else 0)
        title = (
            t("debrief.winner", name=t(f"faction.{winner}.name")) if winner else t("debrief.draw")
        )
        colour = p.faction(winner) if winner else p.text
        title_size = min(size("title"), round(surface.get_height() * 0.07))
        head = pygame.Rect(x, y, w - m - x, round(title_size * 1.25))
        fitted = draw_text(surface, title, head, colour, title_size, bold=True, max_lines=1)
        y = head.top + fitted.height
        turn = outcome.turn if outcome else match.state.turn
        facts = [
            t(f"debrief.reason.{reason}"),
            t("debrief.when", quarter=quarter_words(rules.quarter(turn)), n=len(match.turns)),
        ]
        caps = {
            s: format_value("capability", rules.capability(match.state.factions[s].frontier_log10))
            for s in SIDES
        }
        facts.append(
            t(
                "debrief.final",
                usa_name=t("faction.usa.name"),
                china_name=t("faction.china.name"),
                usa=caps["usa"],
                china=caps["china"],
                si=format_value(
                    "capability",
                    rules.capability(rules.superintelligence_at(match.state.si_threshold_log10)),
                ),
            )
        )
        text = "  ".join(facts[:2]) + "\n" + facts[2]
        body_font = self.app.font("body")
        lines = len(wrap_lines(text, body_font, w - m - x))  # all of it, however it wraps
        sub = pygame.Rect(x, y, w - m - x, body_font.get_linesize() * lines)
        fitted = draw_text(surface, text, sub, p.text_dim, size("body"), max_lines=lines)
        top = max(sub.top + fitted.height, head.top + glyph) + px(14)
        body = pygame.Rect(m, top, w - 2 * m, self.bottom - top)
        chart_w = round(body.width * 0.6) if body.width > px(540) else body.width
        chart = pygame.Rect(body.left, body.top, chart_w, body.height)
        if chart_w == body.width:  # narrow window: chart above, turning points below
            chart.height = body.height // 2
        self._draw_chart(surface, chart)
        side = (
            pygame.Rect(
                chart.right + px(16), body.top, body.right - chart.right - px(16), body.height
            )
            if chart_w != body.width
            else pygame.Rect(
                body.left, chart.bottom + px(12), body.width, body.bottom - chart.bottom - px(12)
            )
        )
        self._draw_points(surface, side)

    def _draw_chart(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        p, px = self.app.palette, self.app.px
        panel(surface, rect, p, self.app.scale)
        series = history(self.session.rules, self.session.match.states)["capability"]
        plot = draw_chart(surface, rect, series, self.app.pen, large=True)
        if not plot.usable:
            return
        box, rules = plot.rect, self.session.rules
        for k, record in enumerate(self.session.match.turns):
            cards = [e.event for e in record.events if isinstance(e, ev.CardFired)]
            if not cards:
                continue
            x = plot.x(k + 1)
            r = max(3, px(4))
            centre = (x, box.bottom - r - px(2))
            pygame.draw.line(surface, p.border, (x, box.top), (x, centre[1] - r), 1)
            diamond = [
                (x, centre[1] - r),
                (x + r, centre[1]),
                (x, centre[1] + r),
                (x - r, centre[1]),
            ]
            pygame.draw.polygon(surface, p.accent, diamond)
            titles = ", ".join(card_title(rules, c) for c in cards)
            self.tips.add(
                pygame.Rect(x - px(8), box.top, px(16), box.height),
                f"{quarter_words(rules.quarter(record.turn))}: {titles}",
            )
        # The key for the marks, right-aligned in the legend row if the legend leaves room.
        small = self.app.font("small")
        img = small.render(t("debrief.chart_events"), True, p.accent)
        legend = plot.legend
        if legend is not None and legend.right + px(18) + img.get_width() < rect.right - px(8):
            surface.blit(img, img.get_rect(topright=(rect.right - px(8), legend.top)))

    def _draw_points(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        p, px = self.app.palette, self.app.px
        panel(surface, rect, p, self.app.scale)
        blocks = [Block("heading", t("debrief.turning_points"), colour=p.accent)]
        points = turning_points(self.session)
        for _, text in points or [(0, t("debrief.tp_none"))]:
            blocks.append(Block("text", "•  " + text))
        self.points.blocks = blocks
        self.points.draw(surface, rect.inflate(-2 * px(14), -2 * px(10)))

    def draw_overlay(self, surface: pygame.Surface) -> None:
        super().draw_overlay(surface)
        self.tips.draw(surface, self.app.palette, self.app.scale)
