"""Resolution: the quarter's event cards one by one, then the turn report with the ladder.

The scene first waits (with a "thinking…" line) until every AI has decided, then asks the
session to resolve the quarter. Each event card shows its title, text, effect in words,
the simplification note and, on request, its source. The turn report puts the engine's
events into plain words (narrate.py) beside the race ladder, which climbs from last
quarter's state to this one's. In the AI-vs-AI demo the screens advance on their own at
the animation speed set in Settings. Each card slides in with its sound; the report's
moments (milestones, the lead changing hands, superintelligence) are heard as the ladder
reaches them (widgets/ladder_motion.py). Reduced motion shows the end state at once, and a
click or key during an animation completes it without turning the page.
"""

from __future__ import annotations

import pygame

from game.classroom.history import is_history, moved_note, status_tag
from game.drawing.draw import draw_text, panel
from game.drawing.fmt import num
from game.drawing.icons import draw_icon, faction_glyph
from game.drawing.ladder import LadderView, draw_ladder, gap_months_text
from game.engine import events as ev
from game.i18n import language, pick, t
from game.levels.model import SIDES
from game.ui.audio import cue, follow_race
from game.ui.describe import describe_effects
from game.ui.flow import next_scene
from game.ui.layout import button_height, button_width, margin
from game.ui.ledger_words import report_lines
from game.ui.motion import Timeline, ease_out
from game.ui.narrate import catch_up_lines, narrate, quarter_words
from game.ui.scene import ACTIVATE, Scene
from game.ui.scroll import Block, ScrollText
from game.ui.session import GameSession
from game.ui.widgets.ladder_motion import CLIMB_SECONDS, ClimbAnimation, report_cues

CARD_SLIDE_SECONDS = 0.35
DEMO_CARD_SECONDS = 4.0
DEMO_REPORT_SECONDS = 6.0
#: A side's own column: its moves first, then (after the stock ledger) what it still
#: needs to know that no stock shows: orders on the way, money left over, idle chips, bills.
OWN_FIRST = ("PolicyPlayed", "LevyPaid")
OWN_NOTES = (
    "EnergyOrdered",
    "SupplyCapped",
    "EnergyCapped",
    "TalentCapped",
    "RunCapped",
    "ChipsIdle",
    "PowerBill",
    "MilestoneReached",
)
#: What a player learns of the rival's quarter: public moves and how far it climbed.
RIVAL_KINDS = ("PolicyPlayed", "LevyPaid", "MilestoneReached")


class ResolutionScene(Scene):
    name = "resolution"
    help_title = "keys.resolution.title"
    help_keys = (
        "keys.resolution.next",
        "keys.resolution.source",
        "keys.common.scroll",
        "keys.common.pause",
    )

    def __init__(self, app, session: GameSession):
        super().__init__(app)
        self.session = session
        self.phase = "waiting"
        self.cards: list = []
        self.card_index = 0
        self.show_source = False
        self.progress = 0.0
        self.clock = 0.0
        self.dwell = 0.0
        self.slide = Timeline(0.0)  # the current card sliding in
        self.climb: ClimbAnimation | None = None
        self.view: LadderView | None = None
        self._blocks_cache: dict[tuple, list[Block]] = {}
        self.card_text = ScrollText(app, [])
        self.columns: list[ScrollText] = []

    @classmethod
    def for_shot(cls, app, shot) -> ResolutionScene:
        """The last quarter of the shot's match, as a human playing the Titans sees it
        (`--opt mode=hotseat`: as two players at one screen see it)."""
        hotseat = shot.options.get("mode") == "hotseat"
        mode, humans = ("hotseat", SIDES) if hotseat else ("vs_ai", ("usa",))
        session = GameSession(
            shot.loaded, mode, humans, "normal", shot.seed, shot.rules, shot.match
        )
        if not session.match.turns:  # the shot's own match: play its first quarter
            session.match.play_turn({s: session.stand_in(s) for s in SIDES})
        record = session.last_record
        scene = cls(app, session)
        scene._resolved(record.turn, record.events)
        if shot.options.get("phase") == "report" and scene.phase != "report":
            scene._enter_report()
        if "motion" in shot.options:  # N hundredths of a second into the animation
            scene._step_motion(int(shot.options["motion"]) / 100)
        else:  # the end state
            scene._finish_motion()
        return scene

    # --- the quarter ------------------------------------------------------------------
    @property
    def demo(self) -> bool:
        return not self.session.humans

    def _resolved(self, turn: int, events: list[ev.GameEvent]) -> None:
        """Quarter `turn` was played with these events: gather its cards, open the first."""
        self.events = list(events)
        self.cards = [
            self.session.rules.events_by_id[e.event]
            for e in self.events
            if isinstance(e, ev.CardFired) and e.event in self.session.rules.events_by_id
        ]
        self.random_ids = {e.event for e in self.events if isinstance(e, ev.CardFired) and e.random}
        self.quarter = self.session.rules.quarter(turn)
        self.card_index, self.show_source, self.progress, self.clock = 0, False, 0.0, 0.0
        self.focus_index = None
        follow_race(self.app, abs(self._gap_months()))
        if self.cards:
            self.phase = "cards"
            self._show_card()
        else:
            self._enter_report()

    # --- motion and sound -------------------------------------------------------------
    def _show_card(self) -> None:
        """The current card slides in, with the sound of its kind."""
        card = self.cards[self.card_index]
        cue(self.app, "card_random" if card.id in self.random_ids else "card_history")
        self.slide = Timeline(CARD_SLIDE_SECONDS * self.app.settings.motion_factor())

    def _enter_report(self) -> None:
        """The report: the ladder climbs, and each moment of the quarter is heard."""
        self.phase = "report"
        match, rules = self.session.match, self.session.rules
        self.view = LadderView.from_states(
            rules, match.states[-1], match.states[-2] if len(match.states) > 1 else None
        )
        levels = {m.id: rules.capability(m.log10) for m in rules.level.ladder.milestones}
        factor = self.app.settings.motion_factor()
        cues = report_cues(
            self.view,
            self.events,
            self.session.viewer,
            lambda m: levels.get(m, 0.0),
            climb=CLIMB_SECONDS * factor,
        )
        self.climb = ClimbAnimation(self.view, factor, cues, lambda name: cue(self.app, name))
        self.progress = self.climb.progress

    def _step_motion(self, dt: float) -> None:
        self.slide.step(dt)
        if self.climb is not None:
            self.climb.step(dt)
            self.progress = self.climb.progress

    def moving(self) -> bool:
        """True while a card slides or the ladder climbs, flashes or pulses."""
        return self.slide.running or (self.climb is not None and self.climb.running)

    def _finish_motion(self) -> bool:
        """Show the end state at once; True if anything was still moving."""
        was = self.moving()
        self.slide.finish()
        if self.climb is not None:
            self.climb.finish()
            self.progress = 1.0
        return was

    def update(self, dt: float) -> None:
        if self.phase == "waiting":
            if self.session.poll():
                turn = self.session.turn
                self._resolved(turn, self.session.resolve())
                self.turn_page()
            return
        factor = self.app.settings.animation_factor()
        self._step_motion(dt)
        if self.demo:  # the demo turns its own pages, never faster than one can read
            self.clock += dt
            seconds = DEMO_CARD_SECONDS if self.phase == "cards" else DEMO_REPORT_SECONDS
            if self.clock >= seconds * max(factor, 0.35):
                self._finish_motion()
                self.advance()

    def animating(self) -> bool:
        return self.phase == "waiting" or self.demo or self.moving()

    def advance(self) -> None:
        """Next card, then the report, then on to the next quarter or the end. While
        something moves, the first press only completes it: a page is never skipped."""
        if self._finish_motion():
            return
        self.clock = 0.0
        if self.phase == "cards" and self.card_index + 1 < len(self.cards):
            self.card_index += 1
            self.show_source = False
            self._show_card()
        elif self.phase == "cards":
            self._enter_report()
        elif self.phase == "report":
            next_scene(self.app, self.session)
            return
        else:
            return
        self.focus_index = None
        self.turn_page()

    def toggle_source(self) -> None:
        self.show_source = not self.show_source
        self.rebuild()
        self.focus("resolution.source")

    def ask_before_closing(self) -> bool:
        """Orders are in but the quarter is not played yet: closing would lose them."""
        if self.phase != "waiting" or not self.session.humans:
            return False
        from game.ui.scenes.pause import ask_before_closing

        return ask_before_closing(self.app, self.session)

    def to_menu(self) -> None:
        """The pause menu: leaving from there keeps the game for Continue."""
        self.app.push("pause", session=self.session)

    # --- layout -----------------------------------------------------------------------
    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        m = margin(self.app)
        bh = button_height(self.app)
        big_h = button_height(self.app, "large")
        y = h - big_h - px(14)
        self.header = pygame.Rect(
            m, px(12), w - 2 * m, self.app.font("heading", True).get_linesize()
        )
        menu_w = button_width(self.app, t("flow.menu"), minimum=110)
        self.button("flow.menu", pygame.Rect(m, y + (big_h - bh) // 2, menu_w, bh), self.to_menu)
        self.body = pygame.Rect(
            m, self.header.bottom + px(10), w - 2 * m, y - px(12) - self.header.bottom - px(10)
        )
        if self.phase == "waiting":
            return
        if self.phase == "cards":
            last = self.card_index + 1 >= len(self.cards)
            key = "resolution.report" if last else "resolution.next"
        else:
            key = "resolution.to_end" if self.session.finished else "resolution.continue"
        label = t(key)
        nw = button_width(self.app, label, "large", minimum=180)
        self.button(
            key, pygame.Rect(w - m - nw, y, nw, big_h), self.advance, object_id="#menu_button"
        )
        if self.phase == "cards":
            key = "resolution.hide_source" if self.show_source else "resolution.source"
            sw = button_width(self.app, t(key), minimum=120)
            rect = pygame.Rect(w - m - nw - px(12) - sw, y + (big_h - bh) // 2, sw, bh)
            self.button("resolution.source", rect, self.toggle_source, text=t(key))
        if self.focus_index is None:
            self.focus("resolution.report" if "resolution.report" in self.widgets else key)
            self.focus_index = len(self.focus_order) - 1 if self.phase == "report" else 1
        self.card_text.offset = 0

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.moving() and event.type in (pygame.MOUSEBUTTONDOWN, pygame.KEYDOWN):
            self._finish_motion()  # a click or key completes the animation ...
            if event.type == pygame.MOUSEBUTTONDOWN or event.key in ACTIVATE:
                return True  # ... and does nothing else
        scrolling = event.type == pygame.MOUSEWHEEL or (
            event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN)
        )
        if scrolling:
            targets = [self.card_text] if self.phase == "cards" else self.columns
            pos = pygame.mouse.get_pos()
            for target in targets:
                if len(targets) == 1 or target.rect.collidepoint(pos):
                    return target.handle_event(event)
            return bool(targets) and targets[0].handle_event(event)
        return super().handle_event(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_s and self.phase == "cards":
            self.toggle_source()
            return True
        if event.key == pygame.K_ESCAPE:
            self.to_menu()
            return True
        return super().handle_key(event)

    # --- drawing ----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        p = self.app.palette
        surface.fill(p.bg)
        if self.phase == "waiting":
            self._draw_waiting(surface)
            return
        title = t(
            "resolution.title" if self.phase == "cards" else "resolution.report_title",
            quarter=quarter_words(self.quarter),
        )
        size = self.app.scale.font_size
        draw_text(surface, title, self.header, p.text, size("heading"), bold=True, max_lines=1)
        if self.phase == "cards":
            self._draw_card(surface)
        else:
            self._draw_report(surface)

    def _draw_waiting(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        state = self.session.match.state
        ladder = pygame.Rect(
            self.body.left, self.body.top, round(self.body.width * 0.4), self.body.height
        )
        draw_ladder(
            surface, ladder, LadderView.from_states(self.session.rules, state), self.app.pen, 1.0
        )
        area = pygame.Rect(
            ladder.right + px(24),
            self.body.top,
            self.body.right - ladder.right - px(24),
            self.body.height,
        )
        thinking = self.session.thinking()
        text = (
            t("flow.thinking", name=t(f"faction.{thinking[0]}.name"))
            if thinking
            else t("resolution.waiting")
        )
        box = pygame.Rect(area.left, area.centery - px(40), area.width, px(80))
        draw_text(
            surface, text, box, p.text, size("large"), bold=True, align="center", valign="middle"
        )
        # A slow ring of dots: it moves, so the player sees the game has not frozen.
        ticks = pygame.time.get_ticks() / 1000
        centre = (area.centerx, box.bottom + px(36))
        for i in range(8):
            angle = 6.283 * i / 8
            bright = (i - ticks * 8) % 8 / 8
            colour = tuple(
                round(a + (b - a) * bright) for a, b in zip(p.panel_hi, p.accent, strict=True)
            )
            pos = (
                centre[0] + round(px(18) * pygame.math.Vector2(1, 0).rotate_rad(angle).x),
                centre[1] + round(px(18) * pygame.math.Vector2(1, 0).rotate_rad(angle).y),
            )
            pygame.draw.circle(surface, colour, pos, px(4))
        if thinking:
            side = thinking[0]
            g = px(40)
            faction_glyph(
                surface,
                side,
                pygame.Rect(area.centerx - g // 2, box.top - g - px(12), g, g),
                p.faction(side),
            )

    def _card_blocks(self, card) -> list[Block]:
        p = self.app.palette
        blocks = []
        moved = moved_note(card) if card.id not in self.random_ids else ""
        if moved:  # a plan or a date the level moved: said before the story is told
            blocks += [Block("text", moved, colour=p.warn), Block("gap")]
        blocks += [Block("text", pick(card.text), colour=p.text), Block("gap")]
        blocks.append(Block("heading", t("resolution.effect"), colour=p.accent))
        lines = describe_effects(self.session.rules, card.effects)
        for line in lines or [t("resolution.no_effect")]:
            blocks.append(Block("text", "•  " + line, colour=p.text))
        if card.simplification is not None:
            blocks += [
                Block("gap"),
                Block("row", t("resolution.simplification"), pick(card.simplification)),
            ]
        if self.show_source:
            src = self.session.rules.level.sources.get(card.source)
            blocks += [Block("gap"), Block("heading", t("resolution.source"), colour=p.accent)]
            if src is not None:
                line = t(
                    "resolution.source_line",
                    title=src.title,
                    publisher=src.publisher,
                    date=src.date,
                )
                blocks += [
                    Block("text", line, colour=p.text),
                    Block("text", src.url, colour=p.text_dim),
                ]
            else:
                blocks.append(Block("text", card.source, colour=p.text_dim))
        return blocks

    def _draw_card(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        card = self.cards[self.card_index]
        width = min(self.body.width, max(px(620), round(self.body.width * 0.66)))
        rect = pygame.Rect(0, self.body.top, width, self.body.height)
        rect.centerx = self.body.centerx
        if self.slide.running:  # slides in from the right, settling as it arrives
            rect.x += round((1 - ease_out(self.slide.fraction())) * px(120))
        self.card_text.blocks = self._card_blocks(card)
        self.card_text._layout(width - 2 * px(22) - px(10))  # measure: the card fits its text
        head_h = (
            self.app.font("small").get_linesize()
            + px(6)
            + 2 * self.app.font("heading", True).get_linesize()
        )
        rect.height = min(self.body.height, self.card_text.content_height + head_h + px(60))
        panel(surface, rect, p, self.app.scale, fill=p.panel, border=p.accent)
        inner = rect.inflate(-2 * px(22), -2 * px(16))
        small = self.app.font("small")
        random = card.id in self.random_ids
        tag = t("resolution.random_card") if random else status_tag(card)
        tag_colour = p.accent if random or is_history(card) else p.warn
        count = t("resolution.card_count", i=self.card_index + 1, n=len(self.cards))
        row = pygame.Rect(inner.left, inner.top, inner.width, small.get_linesize())
        count_w = small.size(count)[0]
        draw_text(
            surface,
            tag.upper(),
            pygame.Rect(row.left, row.top, row.width - count_w - px(12), row.height),
            tag_colour,
            size("small"),
            bold=True,
            max_lines=1,
        )
        draw_text(surface, count, row, p.text_dim, size("small"), align="right", max_lines=1)
        icon = px(26)
        draw_icon(
            surface, "source", pygame.Rect(inner.left, row.bottom + px(10), icon, icon), p.text_dim
        )
        title_rect = pygame.Rect(
            inner.left + icon + px(10), row.bottom + px(6), inner.width - icon - px(10), px(70)
        )
        fitted = draw_text(
            surface, pick(card.title), title_rect, p.text, size("heading"), bold=True, max_lines=2
        )
        top = title_rect.top + fitted.height + px(12)
        pygame.draw.line(
            surface, p.border, (inner.left, top - px(6)), (inner.right, top - px(6)), max(1, px(1))
        )
        self.card_text.draw(surface, pygame.Rect(inner.left, top, inner.width, inner.bottom - top))

    def _report_blocks(self, side: str, voice: str) -> list[Block]:
        """The column of one side; put into words once per language and palette (the
        report is drawn every frame while the ladder climbs)."""
        key = (side, voice, language(), self.app.palette, self.session.match.state.turn)
        cached = self._blocks_cache.get(key)
        if cached is None:
            cached = self._blocks_cache[key] = self._report_words(side, voice)
        return cached

    def _own_detail(self, side: str) -> bool:
        """Whether this screen may show `side`'s private report: to its own player, and in
        the AI demo. In hot-seat both players look at it, so it shows only what each could
        observe of the other (own detail waits behind the curtain, in the recap)."""
        viewer = self.session.viewer
        return side == viewer if viewer else not self.session.humans

    def _report_words(self, side: str, voice: str) -> list[Block]:
        p = self.app.palette
        rules, match = self.session.rules, self.session.match
        me_view = self.session.viewer == side
        name = t(f"faction.{side}.name")
        heading = t("resolution.your_side", name=name) if me_view else t(f"faction.{side}.full")
        blocks = [Block("heading", heading, colour=p.faction(side))]
        own = self._own_detail(side)
        voice = voice if own else "they"
        first = narrate(
            self.events,
            side,
            rules,
            voice,
            kinds=OWN_FIRST if own else RIVAL_KINDS,
            rival_news=False,
        )
        blocks += [Block("text", "•  " + line) for line in first]
        before, after = match.states[-2], match.states[-1]
        stocks = None if own else ("capability",)  # the ladder shows every side's climb
        for lines in report_lines(rules, before, after, self.events, side, stocks):
            blocks.append(Block("stock", lines.headline))
            blocks += [Block("item", item, colour=p.text_dim) for item in lines.items]
        notes = catch_up_lines(self.events, side, rules, voice)
        if own:
            notes += narrate(self.events, side, rules, voice, kinds=OWN_NOTES, rival_news=False)
        blocks += [Block("text", "•  " + line) for line in notes]
        if own:
            budget = after.factions[side].budget
            blocks.append(
                Block("text", t("resolution.budget_next", bn=num(budget, 1)), colour=p.accent)
            )
        reason = self.session.explanation(side)
        if reason:
            blocks += [
                Block("gap"),
                Block("row", t("resolution.ai_reason", name=t(f"faction.{side}.name")), reason),
            ]
        return blocks

    def _gap_months(self) -> float:
        """The Titans' lead in months after the quarter (negative: the Swarms lead)."""
        state = self.session.match.states[-1]
        fu, fc = (state.factions[s].frontier_log10 for s in SIDES)
        return self.session.rules.lag_months(fu - fc)

    def _gap_line(self) -> str:
        if self.view is not None:  # the headline's figure rolls with the ladder
            months, leader = self.view.gap_at(self.progress)
        else:
            gap = self._gap_months()
            months, leader = abs(gap), ("usa" if gap > 0 else "china")
        if months < 0.05 or leader is None:
            return t("resolution.gap_even")
        return t(
            "resolution.gap_lead", name=t(f"faction.{leader}.name"), months=gap_months_text(months)
        )

    def _draw_report(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        rules, match = self.session.rules, self.session.match
        # At a large UI scale the ladder needs more than its share to keep its labels.
        ladder_w = min(max(px(280), round(self.body.width * 0.36)), self.body.width // 2)
        ladder = pygame.Rect(self.body.left, self.body.top, ladder_w, self.body.height)
        view = self.view or LadderView.from_states(rules, match.states[-1], match.states[-2])
        effects = self.climb.effects() if self.climb is not None else None
        draw_ladder(surface, ladder, view, self.app.pen, self.progress, effects)
        right = pygame.Rect(
            ladder.right + px(20),
            self.body.top,
            self.body.right - ladder.right - px(20),
            self.body.height,
        )
        headline = [self._gap_line()]
        won = [
            narrate([e], "usa", rules, "they")[0] for e in self.events if isinstance(e, ev.GameWon)
        ]
        line_h = self.app.font("body", True).get_linesize()
        head = pygame.Rect(right.left, right.top, right.width, line_h * 2)
        fitted = draw_text(
            surface,
            " ".join(won + headline),
            head,
            p.accent if won else p.text,
            size("body"),
            bold=True,
            max_lines=2,
        )
        box = pygame.Rect(
            right.left,
            right.top + fitted.height + px(8),
            right.width,
            right.bottom - right.top - fitted.height - px(8),
        )
        viewer = self.session.viewer
        sides = [viewer, self.session.rival(viewer)] if viewer else list(SIDES)
        voice = "you" if viewer else "they"
        columns = 2 if box.width >= px(560) else 1
        if len(self.columns) != len(sides) if columns == 2 else len(self.columns) != 1:
            self.columns = [ScrollText(self.app, []) for _ in range(columns)]
        if columns == 2:
            gap = px(12)
            cw = (box.width - gap) // 2
            for i, side in enumerate(sides):
                rect = pygame.Rect(box.left + i * (cw + gap), box.top, cw, box.height)
                panel(surface, rect, p, self.app.scale)
                self.columns[i].blocks = self._report_blocks(
                    side, voice if side == viewer or not viewer else "they"
                )
                self.columns[i].draw(surface, rect.inflate(-2 * px(14), -2 * px(10)))
        else:
            panel(surface, box, p, self.app.scale)
            blocks = []
            for side in sides:
                blocks += [
                    *self._report_blocks(side, voice if side == viewer or not viewer else "they"),
                    Block("gap"),
                ]
            self.columns[0].blocks = blocks
            self.columns[0].draw(surface, box.inflate(-2 * px(14), -2 * px(10)))
