"""The classroom debrief: what happened, which decisions mattered, reality, questions.

Left, the capability chart with numbered flags where event cards struck (hover a flag
for the cards). Right, tabs: the three decisions that mattered most (computed in the
background by replaying the game, game/classroom/decisions.py), the game's timeline
beside the real one, and the level's discussion questions. "Export report" writes the
report folder to the documents folder and shows where. In a narrow window (or at a large
UI scale) the chart becomes a tab of its own.
"""

from __future__ import annotations

import logging
import threading

import pygame

from game.classroom import pictures
from game.classroom.decisions import KeyDecision, key_decisions
from game.classroom.gap_chart import draw_gap
from game.classroom.history import projection_note
from game.classroom.played import PlayedGame, coerce
from game.classroom.teach import gap_series, gap_words, side_questions
from game.classroom.words import (
    decision_text,
    final_words,
    outcome_words,
    quarter_words,
    questions,
    timeline_rows,
)
from game.drawing.draw import Tooltips, draw_text, fit_text, panel, wrap_lines
from game.i18n import language, t
from game.ui.layout import button_height, button_width, flow, margin
from game.ui.narrate import card_title
from game.ui.scene import Scene
from game.ui.scroll import ScrollKeys

log = logging.getLogger(__name__)

TABS = ("decisions", "gap", "timeline", "questions")
TAB_LABELS = {"gap": "lessons.gap.tab"}
WIDE_DESIGN_WIDTH = 980  # below this many design pixels, the chart gets its own tab


class DebriefScene(ScrollKeys, Scene):
    name = "classroom_debrief"

    def __init__(
        self,
        app,
        session=None,
        game: PlayedGame | None = None,
        tab: str = "decisions",
        stopped: str = "",
    ):
        super().__init__(app)
        self.game = coerce(game if game is not None else session)
        self.stopped = stopped  # why a lesson game ended here ('' for a game played out)
        self.tab = tab
        self.decisions: list[KeyDecision] | None = None
        self.failed = False
        self.export_message = ""
        self.export_ok = True
        self.offset = 0
        self.content_height = 0
        self.view = pygame.Rect(0, 0, 0, 0)
        self.tips = Tooltips()
        self._cache: tuple | None = None
        self._thread = threading.Thread(target=self._analyse, daemon=True)
        self._thread.start()

    @classmethod
    def for_shot(cls, app, shot) -> DebriefScene:
        """A whole game (greedy USA against the normal AI) analysed before the picture."""
        from game.classroom.played import from_match
        from game.levels.model import SIDES
        from game.match import play_game
        from game.players.registry import make_player

        players = {s: make_player("greedy" if s == "usa" else "normal") for s in SIDES}
        match = play_game(shot.rules, players, shot.seed)
        if "stop" in shot.options:  # a lesson stopped after this many quarters
            from game.saves.timeline import branch

            match = branch(match, int(shot.options["stop"]) + 1)
        scene = cls(
            app,
            game=from_match(shot.loaded, match, humans=("usa",)),
            tab=shot.options.get("tab", "decisions"),
            stopped=t("lessons.stopped_quarters", n=len(match.turns))
            if "stop" in shot.options
            else "",
        )
        scene._thread.join()
        return scene

    def _analyse(self) -> None:
        try:
            g = self.game
            self.decisions = key_decisions(g.rules, g.match, g.deciding_sides)
        except Exception:  # the debrief still shows everything else
            log.exception("decision analysis failed")
            self.failed = True
            self.decisions = []

    # --- words ------------------------------------------------------------------------
    def headline(self) -> str:
        """'Debrief · The Swarms win' (or that the game was stopped before its end)."""
        headline, _ = outcome_words(self.game.rules, self.game.match)
        return f"{t('debrief_c.title')} · {headline}"

    def subtitle(self) -> str:
        """Why and when it was decided, the final capabilities and the lead."""
        rules, match = self.game.rules, self.game.match
        _, why = outcome_words(rules, match)
        if self.stopped:
            why = t("lessons.stopped", reason=self.stopped)
        return f"{why} {final_words(rules, match)}"

    # --- layout -----------------------------------------------------------------------
    @property
    def wide(self) -> bool:
        return self.app.size[0] / self.app.scale.factor >= WIDE_DESIGN_WIDTH

    def tabs(self) -> tuple[str, ...]:
        return TABS if self.wide else ("chart", *TABS)

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        m = margin(self.app, 32)
        bh = button_height(self.app)
        if self.tab not in self.tabs():
            self.tab = self.tabs()[0]
        # The headline and the sentence below it whole, on as many lines as they wrap onto
        # (the headline may first shrink a little to stay on one line, as headings do).
        heading, body = self.app.font("heading", bold=True), self.app.font("body")
        one_line = fit_text(
            self.headline(),
            w - 2 * m,
            heading.get_linesize(),
            self.app.scale.font_size("heading"),
            bold=True,
            max_lines=1,
        )
        self.head_lines = (
            1 if not one_line.cut else len(wrap_lines(self.headline(), heading, w - 2 * m))
        )
        self.sub_lines = len(wrap_lines(self.subtitle(), body, w - 2 * m))
        self.head_rect = pygame.Rect(m, px(10), w - 2 * m, heading.get_linesize() * self.head_lines)
        self.sub_rect = pygame.Rect(
            m, self.head_rect.bottom, w - 2 * m, body.get_linesize() * self.sub_lines
        )
        top = self.sub_rect.bottom + px(8)
        # bottom row: Back · Sources · Export report, the export message beside them
        y = h - bh - px(10)
        x = m
        for name, action in (
            ("common.back", self.back),
            ("debrief_c.sources", self.open_sources),
            ("debrief_c.export", self.export),
        ):
            bw = button_width(self.app, t(name), minimum=100)
            self.button(name, pygame.Rect(x, y, bw, bh), action)
            x += bw + px(10)
        self.message_rect = pygame.Rect(x + px(6), y - px(4), w - m - x - px(6), bh + px(8))
        bottom = y - px(10)
        if self.wide:
            chart_w = round((w - 2 * m) * 0.52)
            self.chart_rect = pygame.Rect(m, top, chart_w, bottom - top)
            right = pygame.Rect(self.chart_rect.right + px(14), top, 0, 0)
            right.width = w - m - right.left
        else:
            self.chart_rect = pygame.Rect(0, 0, 0, 0)
            right = pygame.Rect(m, top, w - 2 * m, 0)
        labels = [t(TAB_LABELS.get(k, f"debrief_c.tab.{k}")) for k in self.tabs()]
        widths = [button_width(self.app, label, minimum=80) for label in labels]
        rects = flow(widths, right.left, top, right.width, bh, px(6))
        for key, label, rect in zip(self.tabs(), labels, rects, strict=True):
            button = self.button(
                f"debrief_c.tab.{key}", rect, lambda k=key: self.choose(k), text=label
            )
            if key == self.tab:
                button.select()
        panel_top = rects[-1].bottom + px(8)
        self.panel_rect = pygame.Rect(right.left, panel_top, right.width, bottom - panel_top)
        if self.tab == "chart":
            self.chart_rect = self.panel_rect
        self.view = self.panel_rect.inflate(-2 * px(14), -2 * px(10))
        self._cache = None
        if self.focus_index is None:
            self.focus(f"debrief_c.tab.{self.tab}")

    def choose(self, tab: str) -> None:
        self.tab = tab
        self.offset = 0
        self.rebuild()
        self.focus(f"debrief_c.tab.{tab}")

    # --- actions ----------------------------------------------------------------------
    def open_sources(self) -> None:
        self.app.push("sources", loaded=self.game.loaded, area="events")

    def export(self) -> None:
        from game.classroom.export import export_report

        try:
            path = export_report(self.game, decisions=self.decisions)
        except OSError as exc:
            self.export_ok = False
            self.export_message = t("debrief_c.export_failed", reason=exc.strerror or str(exc))
            return
        self.export_ok = True
        self.export_message = t("debrief_c.exported", path=str(path.parent))
        self.exported_path = path

    # --- state ------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self._cache is not None and self._cache[0][-1] != (self.decisions is not None):
            self._cache = None  # the analysis just finished

    def animating(self) -> bool:
        return self.decisions is None

    # --- content ----------------------------------------------------------------------
    def _lines(self, width: int) -> list[tuple[int, int, pygame.Surface]]:
        key = (self.tab, width, language(), self.app.scale.factor, self.decisions is not None)
        if self._cache and self._cache[0] == key:
            return self._cache[1]
        p, px = self.app.palette, self.app.px
        fonts = {
            "head": self.app.font("large", True),
            "bold": self.app.font("body", True),
            "body": self.app.font("body"),
            "small": self.app.font("small"),
        }
        items: list[tuple[int, int, pygame.Surface]] = []
        y = 0

        def put(text: str, role: str, colour, x: int = 0, w: int = width) -> int:
            nonlocal y
            f = fonts[role]
            for line in wrap_lines(text, f, max(10, w - x)):
                items.append((x, y, f.render(line, True, colour)))
                y += f.get_linesize()
            return y

        rules = self.game.rules
        if self.tab == "decisions":
            put(t("classroom.decisions.title"), "head", p.accent)
            y += px(4)
            if self.decisions is None:
                put(t("classroom.decisions.working"), "body", p.text_dim)
            elif not self.decisions:
                put(t("classroom.decisions.none"), "body", p.text_dim)
            for number, d in enumerate(self.decisions or [], 1):
                words = decision_text(rules, d)
                put(f"{number}. {words.heading}", "bold", p.faction(d.side))
                put(words.played, "small", p.text, px(16))
                put(words.suggested, "small", p.text_dim, px(16))
                colour = p.good if d.gain > 0 else (p.warn if d.gain < 0 else p.text)
                if d.outcome_changed:  # "winner X": X's own colour, never "good" green
                    colour = p.faction(d.winner_alt) if d.winner_alt else p.text
                put(words.effect, "bold", colour, px(16))
                y += px(10)
            put(t("classroom.decisions.method"), "small", p.text_faint)
        elif self.tab == "timeline":
            put(t("classroom.timeline.title"), "head", p.accent)
            y += px(4)
            qw = fonts["bold"].size(quarter_words("2030Q4"))[0] + px(12)
            col = (width - qw - px(12)) // 2
            heads_y = y
            put(t("classroom.timeline.game"), "bold", p.text_dim, qw, qw + col)
            y = heads_y
            put(t("classroom.timeline.real"), "bold", p.text_dim, qw + col + px(12))
            y += px(4)
            for row in timeline_rows(rules, self.game.match):
                start = y
                put(quarter_words(row.quarter), "bold", p.accent)
                y = start
                put("\n".join(row.game) or "—", "small", p.text, qw, qw + col)
                left_end = y
                y = start
                put(
                    "\n".join(text for text, _ in row.real) or "—",
                    "small",
                    p.text_dim,
                    qw + col + px(12),
                )
                y = max(y, left_end, start + fonts["bold"].get_linesize()) + px(8)
            last = rules.quarter(self.game.match.turns[-1].turn) if self.game.match.turns else ""
            note = projection_note(rules.level, last) if last else ""
            if note:
                put(note, "small", p.warn)
        elif self.tab == "gap":
            put(t("lessons.gap.title"), "head", p.accent)
            y += px(4)
            points = gap_series(rules, self.game.match)
            tall = max(px(140), min(px(230), round(self.view.height * 0.55)))
            chart = pygame.Surface((width, tall))  # room below for the words on one screen
            chart.fill(p.panel)
            draw_gap(chart, chart.get_rect(), points, self.app.pen)
            items.append((0, y, chart))
            y += chart.get_height() + px(8)
            put(t("lessons.gap.final", gap=gap_words(points[-1].months)), "bold", p.text)
            y += px(6)
            put(t("lessons.gap.definition"), "small", p.text_dim)
        elif self.tab == "questions":
            put(t("classroom.questions.title"), "head", p.accent)
            y += px(4)
            qs = side_questions(self.game.deciding_sides) + questions(rules)
            if not qs:
                put(t("classroom.questions.none"), "body", p.text_dim)
            for number, q in enumerate(qs, 1):
                put(f"{number}.  {q}", "body", p.text)
                y += px(8)
        self.content_height = y
        self._cache = (key, items)
        return items

    # --- drawing ----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        surface.fill(p.bg)
        self.tips.clear()
        draw_text(
            surface,
            self.headline(),
            self.head_rect,
            p.text,
            size("heading"),
            bold=True,
            max_lines=self.head_lines,
        )
        draw_text(
            surface,
            self.subtitle(),
            self.sub_rect,
            p.text_dim,
            size("body"),
            max_lines=self.sub_lines,
        )
        if self.chart_rect.width > 0:
            self._draw_chart(surface)
        if self.tab != "chart":
            panel(surface, self.panel_rect, p, self.app.scale)
            items = self._lines(self.view.width - px(12))
            self.scroll(0)
            old = surface.get_clip()
            surface.set_clip(self.view)
            for x, y, image in items:
                top = self.view.top + y - self.offset
                if top + image.get_height() >= self.view.top and top <= self.view.bottom:
                    surface.blit(image, (self.view.left + x, top))
            surface.set_clip(old)
            if self.content_height > self.view.height:
                track = pygame.Rect(
                    self.panel_rect.right - px(8), self.view.top, px(4), self.view.height
                )
                pygame.draw.rect(surface, p.panel_hi, track, border_radius=px(2))
                bar_h = max(px(24), self.view.height * self.view.height // self.content_height)
                room = max(1, self.content_height - self.view.height)
                bar_y = self.view.top + (self.view.height - bar_h) * self.offset // room
                pygame.draw.rect(
                    surface,
                    p.text_dim,
                    (track.left, bar_y, track.width, bar_h),
                    border_radius=px(2),
                )
        if self.export_message:
            colour = p.good if self.export_ok else p.bad
            draw_text(
                surface,
                self.export_message,
                self.message_rect,
                colour,
                size("small"),
                valign="middle",
                max_lines=3,
            )

    def _draw_chart(self, surface: pygame.Surface) -> None:
        rules, match = self.game.rules, self.game.match
        marks = pictures.draw_capability(surface, self.chart_rect, rules, match, self.app.pen)
        left, width = pictures.plot_x_span(self.app.pen, self.chart_rect)
        span = max(1, len(match.states) - 1)
        for mark in marks:
            x = round(left + width * (mark.index + 1) / span)
            titles = ", ".join(card_title(rules, c) for c in mark.cards)
            self.tips.add(
                pygame.Rect(
                    x - self.app.px(8), self.chart_rect.top, self.app.px(16), self.chart_rect.height
                ),
                f"{mark.number}. {quarter_words(rules.quarter(mark.turn))}: {titles}",
            )

    def draw_overlay(self, surface: pygame.Surface) -> None:
        super().draw_overlay(surface)
        self.tips.draw(surface, self.app.palette, self.app.scale)
