"""The pause menu (Esc or Menu during a game): resume, save under a name, settings, help,
or leave for the main menu — with a question first when something would be lost.

Leaving keeps the game in memory (`app.paused_game`), orders already sent included, so the
main menu's Continue picks up exactly here; only the split being edited on the turn
screen is not kept, and the question says so.
"""

from __future__ import annotations

import logging

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.drawing.draw import draw_text, fit_text, panel
from game.i18n import t
from game.ui.layout import button_height, button_width
from game.ui.scene import Scene

log = logging.getLogger(__name__)

#: The pages of the pause menu.
MAIN, SAVE, CONFIRM = "main", "save", "confirm"


def suggested_name(session) -> str:
    """A slot name a class can tell apart: level, sides and quarter (cold-ai-war-usa-q3-2026)."""
    sides = "-".join(session.humans) or "demo"
    quarter = session.quarter().lower().replace(" ", "-")
    return f"{session.loaded.level.id}-{sides}-{quarter}"


class PauseScene(Scene):
    name = "pause"
    overlay = True
    help_title = "keys.pause.title"
    help_keys = ("keys.common.choose", "keys.pause.esc")

    def __init__(self, app, session, edited: bool = False, closing: bool = False):
        super().__init__(app)
        self.session = session
        self.edited = edited  # the turn screen below holds changes not yet sent
        self.closing = closing  # opened by the window's close button: the question only
        self.page = CONFIRM if closing else MAIN
        self.message: str | None = None
        self.slot = suggested_name(session)

    @classmethod
    def for_shot(cls, app, shot) -> PauseScene:
        from game.ui.scenes.turn import TurnScene

        session = shot_session(shot)
        app.push(TurnScene(app, session.match, "usa", lambda orders: None, on_menu=print))
        scene = cls(app, session, edited=True)
        scene.page = shot.options.get("page", MAIN)
        return scene

    # --- what would be lost -------------------------------------------------------------
    def at_risk(self) -> list[str]:
        """Sentences naming what leaving now would lose or keep; empty: nothing at stake."""
        lines = []
        if self.edited:
            lines.append(t("pause.lose_edits"))
        sent = "pause.lose_sent" if self.closing else "pause.keep_sent"
        for side in self.session.pending:
            if self.session.is_human(side):
                lines.append(t(sent, name=t(f"faction.{side}.name")))
        return lines

    def ask_before_closing(self) -> bool:
        if self.closing or not self.at_risk():
            return False  # the question is already here (or nothing to lose): close
        self.closing = True
        self.show(CONFIRM)
        return True

    # --- actions -------------------------------------------------------------------------
    def resume_game(self) -> None:
        self.app.pop()

    def stay(self) -> None:
        if self.closing:
            self.app.pop()
        else:
            self.show(MAIN)

    def close_game(self) -> None:
        self.session.cancel()
        self.app.quit(0)

    def show(self, page: str) -> None:
        self.page = page
        self.focus_index = None
        self.turn_page()

    def ask_leave(self) -> None:
        if self.at_risk():
            self.show(CONFIRM)
        else:
            self.leave()

    def leave(self) -> None:
        """Back to the main menu; the game waits in memory for Continue."""
        self.session.cancel()
        self.app.paused_game = self.session
        stack = self.app.stack
        while len(stack) > 1:
            stack.pop()
        if stack.top is None or stack.top.name != "menu":
            self.app.replace("menu")

    def save(self) -> None:
        from game.paths import saves_dir
        from game.saves import save_match
        from game.ui.session import SAVE_MODE

        entry = self.widgets.get("pause.name")
        name = (entry.get_text() if entry is not None else self.slot).strip()
        if not name:
            self.message = t("pause.name_missing")
            self.rebuild()
            return
        self.slot = name
        players = {s: self.session.player_name(s) for s in ("usa", "china")}
        try:
            path = save_match(
                self.session.match,
                self.session.loaded,
                name,
                SAVE_MODE[self.session.mode],
                players,
                folder=saves_dir(),
                title=name,
            )
        except OSError as exc:
            log.warning("save failed: %s", exc)
            self.message = t("pause.save_failed", reason=exc.strerror or str(exc))
            self.rebuild()
            return
        self.message = t("pause.saved", file=path.name)
        self.page = MAIN
        self.focus_index = None
        self.rebuild()

    def open_debrief(self) -> None:
        """The debrief of the game so far (Back returns here; the game goes on after)."""
        self.app.push("classroom_debrief", session=self.session)

    def open_settings(self) -> None:
        self.app.push("settings")

    def open_help(self) -> None:
        self.app.push("help", screen=self.app.stack.below(self))  # the game's keys

    # --- layout ---------------------------------------------------------------------------
    def _entries(self) -> list[tuple[str, object]]:
        if self.page == SAVE:
            return [("pause.save_now", self.save), ("pause.cancel", lambda: self.show(MAIN))]
        if self.page == CONFIRM and self.closing:
            return [("pause.close_now", self.close_game), ("pause.stay", self.stay)]
        if self.page == CONFIRM:
            return [("pause.leave_now", self.leave), ("pause.stay", self.stay)]
        return [
            ("pause.resume", self.resume_game),
            ("pause.save", lambda: self.show(SAVE)),
            ("lessons.debrief_now", self.open_debrief),
            ("menu.settings", self.open_settings),
            ("menu.help", self.open_help),
            ("pause.quit", self.ask_leave),
        ]

    def _text(self) -> str:
        if self.page == CONFIRM:
            first = t("pause.close_confirm" if self.closing else "pause.confirm")
            return " ".join([first, *self.at_risk()])
        if self.page == SAVE:
            return t("pause.save_hint")
        return self.message or ""

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        entries = self._entries()
        bh = button_height(self.app, "large")
        gap = px(10)
        col_w = max(button_width(self.app, t(k), "large", minimum=260) for k, _ in entries)
        text_w = max(col_w, min(px(560), w - px(40)))
        col_w = min(col_w, text_w)
        heading = self.app.font("heading", True).get_linesize()
        body = self.app.scale.font_size("body")
        text = self._text()
        text_h = fit_text(text, text_w, px(200), body).height + px(12) if text else 0
        entry_h = button_height(self.app) + px(12) if self.page == SAVE else 0
        total = heading + px(16) + text_h + entry_h + len(entries) * (bh + gap) - gap
        self.card = pygame.Rect(0, 0, text_w + 2 * px(28), total + 2 * px(22))
        self.card.center = (w // 2, h // 2)
        self.card.clamp_ip(pygame.Rect(0, 0, w, h))
        x = self.card.left + px(28)
        y = self.card.top + px(22)
        self.title_rect = pygame.Rect(x, y, text_w, heading)
        y += heading + px(16)
        self.text_rect = pygame.Rect(x, y, text_w, text_h)
        y += text_h
        if self.page == SAVE:
            entry = UITextEntryLine(
                pygame.Rect(x, y, text_w, button_height(self.app)), manager=self.app.manager
            )
            entry.set_text(self.slot)
            entry.focus()
            self.add(entry, "pause.name")
            y += entry_h
        bx = self.card.centerx - col_w // 2
        for key, action in entries:
            self.button(key, pygame.Rect(bx, y, col_w, bh), action, object_id="#menu_button")
            y += bh + gap
        if self.focus_index is None:
            self.focus_index = 0

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and self.page == SAVE:
            self.save()
            return True
        return super().handle_event(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_ESCAPE:
            if self.page == MAIN:
                self.resume_game()
            else:
                self.stay()
            return True
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        p = self.app.palette
        panel(surface, self.card, p, self.app.scale, fill=p.panel, border=p.accent)
        title = {MAIN: "pause.title", SAVE: "pause.save_title", CONFIRM: "pause.confirm_title"}
        if self.closing:
            title[CONFIRM] = "pause.close_title"
        size = self.app.scale.font_size
        draw_text(surface, t(title[self.page]), self.title_rect, p.text, size("heading"), bold=True)
        text = self._text()
        if text:
            colour = p.warn if self.page == CONFIRM else p.text_dim
            draw_text(surface, text, self.text_rect, colour, size("body"))


def ask_before_closing(app, session, edited: bool = False) -> bool:
    """The window's close button during a game: when orders would be lost, ask first
    (True: the question is on screen); a second click on the close button quits."""
    pause = PauseScene(app, session, edited=edited, closing=True)
    if not pause.at_risk():
        return False
    app.push(pause)
    return True


def shot_session(shot):
    """A game against the AI at the shot's quarter, the Titans human (no AI thread runs)."""
    from game.ui.session import GameSession

    return GameSession(shot.loaded, "vs_ai", ("usa",), "normal", shot.seed, shot.rules, shot.match)
