"""The tutorial: a guided first quarter on the real turn screen, with hints over it.

The tutorial holds a real `TurnScene` (the one the game uses) and passes every event
and frame through to it, so the player learns on the real controls. On top it draws a
hint card and a spotlight on the part of the screen the hint is about; steps that ask
for an action (move a share, press End turn) advance when the player really does it,
the others with Next (or N). Esc or "Skip" leaves at any time; the menu's Tutorial entry
starts it again. It plays the `tutorial` level if it exists, else the main level, always
with the same seed, as the Titans against the normal AI.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.drawing.draw import draw_text, panel
from game.i18n import t
from game.paths import LEVELS
from game.ui.layout import button_height, button_width
from game.ui.scene import Scene

LEVELS_DIR = LEVELS
LEVEL_NAMES = ("tutorial.yaml", "cold-ai-war.yaml")
SEED = 2025
SIDE = "usa"


@dataclass(frozen=True)
class Step:
    key: str  # tutorial.step.<key>.title / .text
    target: str | None  # a turn-screen panel, "bottom", a widget name, or None
    page: str | None = None  # the compact layout's page that shows the target
    wait: str | None = None  # "alloc" | "submit": advances on that action, not on Next


STEPS = (
    Step("welcome", None),
    Step("ladder", "ladder", "race"),
    Step("stocks", "stocks", "stocks"),
    Step("alloc", "alloc", "decide", wait="alloc"),
    Step("policy", "policies", "decide"),
    Step("forecast", "bottom", "decide"),
    Step("end", "turn.end", "decide", wait="submit"),
    Step("result", "ladder", "race"),
    Step("done", None),
)


def tutorial_level():
    from game.levels.loader import load_level

    for name in LEVEL_NAMES:
        path = LEVELS_DIR / name
        if path.exists():
            return load_level(str(path))
    raise FileNotFoundError("no level for the tutorial")


class TutorialScene(Scene):
    name = "tutorial"

    def __init__(self, app, loaded=None):
        super().__init__(app)
        from game.engine import compile_rules
        from game.match import Match

        self.loaded = loaded or tutorial_level()
        self.rules = compile_rules(self.loaded.level)
        self.match = Match.start(self.rules, SEED)
        self.step_index = 0
        self.report: list[str] = []
        self.finished = False
        self.inner = self._turn_scene()
        self.start_percents = list(self.inner.alloc.percents)
        self.buttons: dict[str, pygame.Rect] = {}
        self.card = pygame.Rect(0, 0, 0, 0)

    @classmethod
    def for_shot(cls, app, shot) -> TutorialScene:
        scene = cls(app)
        scene.step_index = min(int(shot.options.get("step", 3)), len(STEPS) - 1)
        return scene

    def _turn_scene(self):
        from game.ui.scenes.turn import TurnScene

        return TurnScene(self.app, self.match, SIDE, self._submitted)

    @property
    def step(self) -> Step:
        return STEPS[self.step_index]

    # --- lifecycle: the turn screen lives inside -------------------------------------
    def build(self) -> None:
        self.inner.build()
        self._show_page()

    def teardown(self) -> None:
        self.inner.teardown()
        super().teardown()

    def _show_page(self) -> None:
        lay = getattr(self.inner, "layout", None)
        if self.step.page and lay is not None and lay.compact and self.inner.page != self.step.page:
            self.inner.show_page(self.step.page)

    # --- progress ---------------------------------------------------------------------
    def advance(self) -> None:
        if self.step_index >= len(STEPS) - 1:
            self.finish()
            return
        self.step_index += 1
        self._show_page()

    def finish(self) -> None:
        self.finished = True
        self.app.pop()

    def real_game(self) -> None:
        self.finished = True
        if self.app.has_scene("setup"):
            self.app.replace("setup")
        else:
            self.app.pop()

    def _submitted(self, orders) -> None:
        """End turn was accepted: the AI answers, the quarter is resolved, the next begins."""
        from game.classroom.decisions import make_advisor
        from game.engine import view_for
        from game.match import player_rng
        from game.players.base import Decision
        from game.ui.narrate import HEADLINES, narrate

        rival = "china" if SIDE == "usa" else "usa"
        ai = make_advisor()  # the normal AI, or the simple one if it cannot be loaded
        decision = ai.decide(
            self.rules, view_for(self.rules, self.match.state, rival), player_rng(SEED, rival)
        )
        events = self.match.play_turn({SIDE: Decision(orders), rival: decision})
        self.report = narrate(events, SIDE, self.rules, kinds=HEADLINES)[:4]
        self.inner.teardown()
        self.inner = self._turn_scene()
        self.inner.build()
        if self.step.wait == "submit":
            self.advance()

    def _check_actions(self) -> None:
        if self.step.wait == "alloc" and self.inner.alloc.percents != self.start_percents:
            self.advance()

    # --- input ------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for name, rect in self.buttons.items():
                if rect.collidepoint(event.pos):
                    self._press(name)
                    return True
        if event.type == pygame.KEYDOWN:
            typing = self.inner.alloc.editing is not None
            if event.key == pygame.K_ESCAPE and not typing:
                self.finish()
                return True
            if event.key == pygame.K_n and not typing and "tutorial.next" in self.buttons:
                self._press("tutorial.next")
                return True
        used = self.inner.handle_event(event)
        self._check_actions()
        return used

    def _press(self, name: str) -> None:
        self.app.stack.changed()  # a new tutorial card: one burst of clicks turns one page
        {
            "tutorial.next": self.advance,
            "tutorial.skip": self.finish,
            "tutorial.play": self.real_game,
        }[name]()

    def update(self, dt: float) -> None:
        self.inner.update(dt)
        self._check_actions()

    def animating(self) -> bool:
        return self.inner.animating()

    # --- drawing ----------------------------------------------------------------------
    def target_rect(self) -> pygame.Rect | None:
        target = self.step.target
        if target is None:
            return None
        lay = self.inner.layout
        if target == "bottom":
            return pygame.Rect(lay.bottom)
        if target in self.inner.widgets:
            return self.inner.widgets[target].rect.inflate(self.app.px(8), self.app.px(8))
        rect = lay.panels.get(target)
        return pygame.Rect(rect) if rect is not None else None

    def draw(self, surface: pygame.Surface) -> None:
        self.inner.draw(surface)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        self.inner.draw_focus_ring(surface)
        p, px = self.app.palette, self.app.px
        w, h = surface.get_size()
        target = self.target_rect()
        shade = pygame.Surface((w, h), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 120))
        if target is not None:
            shade.fill((0, 0, 0, 0), target)
        surface.blit(shade, (0, 0))
        if target is not None:
            pygame.draw.rect(surface, p.accent, target, width=max(3, px(3)), border_radius=px(8))
        self._draw_card(surface, target)
        # Tooltips go above the shade, never under or over the tutorial's own card.
        if not self.card.collidepoint(pygame.mouse.get_pos()):
            self.inner.draw_hover_tip(surface)

    def _place(self, card: pygame.Rect, target, size) -> tuple[int, int]:
        """Where the card hides least of the spotlight and none of the real buttons."""
        w, h = size
        m = self.app.px(16)
        if target is None:
            return (w - card.width) // 2, (h - card.height) // 2
        xs = (m, w - card.width - m, (w - card.width) // 2)
        ys = ((h - card.height) // 2, m + self.app.px(40), h - card.height - m)
        buttons = [b.rect for b in self.inner.widgets.values()]

        def cost(x: int, y: int) -> int:
            rect = pygame.Rect(x, y, card.width, card.height)
            hidden = rect.clip(target)
            blocked = sum(rect.clip(b).width * rect.clip(b).height for b in buttons)
            return hidden.width * hidden.height + 50 * blocked

        return min(((x, y) for y in ys for x in xs), key=lambda xy: cost(*xy))

    def _draw_card(self, surface: pygame.Surface, target: pygame.Rect | None) -> None:
        p, px = self.app.palette, self.app.px
        size = self.app.scale.font_size
        w, h = surface.get_size()
        step = self.step
        card_w = min(w - 2 * px(16), max(px(360), round(w * 0.42)))
        title = t(f"tutorial.step.{step.key}.title")
        text = t(f"tutorial.step.{step.key}.text")
        if step.key == "result" and self.report:
            text = text + "\n" + "\n".join(f"• {line}" for line in self.report)
        bh = button_height(self.app)
        names = ["tutorial.skip"]
        if step.key == "done":
            names = ["tutorial.next", "tutorial.play"]
        elif step.wait is None:
            names.append("tutorial.next")
        body_font = self.app.font("body")
        from game.drawing.draw import wrap_lines

        inner_w = card_w - 2 * px(16)
        lines = sum(len(wrap_lines(part, body_font, inner_w)) for part in text.split("\n"))
        head_h = self.app.font("large", True).get_linesize() * 2
        card_h = head_h + lines * body_font.get_linesize() + bh + px(44)
        card_h = min(card_h, h - 2 * px(16))
        x, y = self._place(pygame.Rect(0, 0, card_w, card_h), target, (w, h))
        self.card = pygame.Rect(x, y, card_w, card_h)
        panel(surface, self.card, p, self.app.scale, fill=p.bg_deep, border=p.accent)
        counter = t("tutorial.counter", n=self.step_index + 1, total=len(STEPS))
        head = pygame.Rect(x + px(16), y + px(12), inner_w, head_h)
        fitted = draw_text(
            surface, f"{title}", head, p.accent, size("large"), bold=True, max_lines=2
        )
        body = pygame.Rect(
            x + px(16),
            head.top + fitted.height + px(6),
            inner_w,
            self.card.bottom - bh - px(20) - (head.top + fitted.height + px(6)),
        )
        draw_text(surface, text, body, p.text, size("body"))
        self.buttons = {}
        bx = self.card.right - px(16)
        by = self.card.bottom - bh - px(12)
        for name in reversed(names):
            label = (
                t("tutorial.finish")
                if (name == "tutorial.next" and step.key == "done")
                else t(name)
            )
            bw = button_width(self.app, label, minimum=90)
            rect = pygame.Rect(bx - bw, by, bw, bh)
            primary = name != "tutorial.skip"
            pygame.draw.rect(surface, p.panel_hi if primary else p.panel, rect, border_radius=px(6))
            pygame.draw.rect(
                surface,
                p.accent if primary else p.border,
                rect,
                width=max(1, px(2 if primary else 1)),
                border_radius=px(6),
            )
            draw_text(
                surface,
                label,
                rect,
                p.text,
                size("body"),
                align="center",
                valign="middle",
                max_lines=1,
            )
            self.buttons[name] = rect
            bx = rect.left - px(10)
        keys = pygame.Rect(x + px(16), by, bx - x - px(16), bh)
        label = _counter_label(
            self.app.font("small"),
            keys.width,
            (
                f"{counter} · {t('tutorial.keys')}",
                counter,
                f"{self.step_index + 1}/{len(STEPS)}",
            ),
        )
        if label:
            draw_text(surface, label, keys, p.text_dim, size("small"), valign="middle", max_lines=2)


def _counter_label(font, width: int, choices: tuple[str, ...]) -> str:
    """The first of `choices` (longest first) that fits `width` in two lines of whole words
    ("" if none does):
    at 200% German the buttons leave too little room for "Schritt 6 von 9 · N = weiter…",
    which was squeezed to "Sch / rit…"."""
    from game.drawing.draw import wrap_lines

    for text in choices:
        whole_words = all(font.size(word)[0] <= width for word in text.split())
        if whole_words and len(wrap_lines(text, font, width)) <= 2:
            return text
    return ""
