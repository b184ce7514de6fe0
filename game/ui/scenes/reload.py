"""Hot reload of the level while a game runs: F5, or `--designer` watching the file.

`hot_reload(app)` re-checks the level file of the game in progress (or the one given with
`--level`). An invalid file shows the level-problems screen and the game keeps the last
good level; a valid, changed one opens `ReloadScene`, a small dialog offering "restart
from turn 1" or "continue with the new numbers" (only when the state fits the new level,
see `game.engine.compat.py`). Nothing here may crash the game: every path ends in a screen.
"""

from __future__ import annotations

import logging

import pygame

from game.drawing.draw import draw_text, panel
from game.engine.compat import continue_problems
from game.i18n import t
from game.ui.layout import button_height, button_width
from game.ui.scene import Scene

log = logging.getLogger(__name__)


def find_session(app):
    """The game in progress on the scene stack, if any (topmost first).

    Scenes that hold a session expose it as `.session`; the turn screen and the curtain
    only hold the callbacks the flow gave them (`on_submit`, `on_ready`), whose closures
    carry the session.
    """
    from game.ui.session import GameSession

    for scene in reversed(list(app.stack)):
        session = getattr(scene, "session", None)
        if isinstance(session, GameSession):
            return session
        for value in vars(scene).values():
            for cell in getattr(value, "__closure__", None) or ():
                try:
                    content = cell.cell_contents
                except ValueError:  # an empty cell
                    continue
                if isinstance(content, GameSession):
                    return content
    return None


def hot_reload(app) -> None:
    """Re-check the level in play; show its problems, or offer the new version."""
    from game.levels.loader import check_level_file

    session = find_session(app)
    path = session.loaded.path if session is not None else app.level_path
    if not path:
        return
    loaded, problems = check_level_file(path)
    top = app.stack.top
    if top is not None and top.name == "level-errors" and top.path == str(path):
        top.take(loaded, problems)  # shows the new problems, or closes once the file loads
        return
    if loaded is None:
        if top is not None and top.name == "level-errors":
            top.show(path, problems)
        else:
            app.push(
                "level-errors",
                path=path,
                problems=problems,
                on_fixed=lambda fixed: offer(app, fixed),
            )
        return
    hook = getattr(top, "on_level_reloaded", None)
    if callable(hook):
        app.loaded_level = loaded
        hook(loaded)
        return
    offer(app, loaded)


def offer(app, loaded) -> None:
    """A valid level arrived: keep it, and ask how to go on if a game is being played."""
    app.loaded_level = loaded
    session = find_session(app)
    top = app.stack.top
    if session is None or session.finished or loaded.sha256 == session.loaded.sha256:
        if isinstance(top, ReloadScene):  # the edit was undone: nothing left to offer
            app.pop()
        return
    if isinstance(top, ReloadScene):
        top.loaded = loaded
        top.rebuild()
    else:
        app.push("reload", session=session, loaded=loaded)


def continue_with(session, loaded) -> None:
    """Carry the game on under `loaded`: the session's recorded switch to a new branch."""
    session.switch_level(loaded)


def continue_reasons(session, loaded) -> list[tuple[str, dict]]:
    """Why the game cannot go on under `loaded`: (code, params); empty when it can."""
    from game.engine import compile_rules
    from game.engine.resolve import IllegalOrders

    problems = continue_problems(loaded.level, session.match.state)
    if problems:
        return problems
    try:
        session.match.replayed_under(compile_rules(loaded.level))
    except IllegalOrders as refused:
        return [("orders", {"turn": getattr(refused, "turn", session.turn)})]
    return []


def restart_with(session, loaded):
    """A new game from turn 1 under `loaded`, with the same mode, sides, AI and seed."""
    from game.ui.session import GameSession

    session.cancel()
    side = session.humans[0] if len(session.humans) == 1 else "usa"
    return GameSession.new(loaded, session.mode, side, session.difficulty, session.seed)


class ReloadScene(Scene):
    name = "reload"
    overlay = True

    def __init__(self, app, session, loaded):
        super().__init__(app)
        self.session = session
        self.loaded = loaded

    @classmethod
    def for_shot(cls, app, shot) -> ReloadScene:
        from game.ui.session import GameSession

        session = GameSession.new(shot.loaded, "hotseat", seed=shot.seed, match=shot.match)
        return cls(app, session, shot.loaded)

    @property
    def reasons(self) -> list[str]:
        # Replaying the game to check is not free: once per offered version of the level.
        if getattr(self, "_reasons_for", None) != self.loaded.sha256:
            self._problems = continue_reasons(self.session, self.loaded)
            self._reasons_for = self.loaded.sha256
        return [t(f"designer.reload.reason.{code}", **params) for code, params in self._problems]

    def build(self) -> None:
        w, h = self.app.size
        px = self.app.px
        self.box = pygame.Rect(0, 0, min(w - px(40), px(760)), min(h - px(40), px(460)))
        self.box.center = (w // 2, h // 2)
        bh = button_height(self.app)
        y = self.box.bottom - px(20) - bh
        x = self.box.left + px(24)
        buttons = [
            ("designer.reload.restart", self.restart, True),
            ("designer.reload.continue", self.keep_going, not self.reasons),
            ("designer.reload.keep", self.back, True),
        ]
        if self.loaded.warnings:
            buttons.append(("designer.reload.show_warnings", self.show_warnings, True))
        for name, action, enabled in buttons:
            width = button_width(self.app, t(name), minimum=120)
            if x + width > self.box.right - px(24):  # wrap onto a row above
                x, y = self.box.left + px(24), y - bh - px(10)
            self.button(name, pygame.Rect(x, y, width, bh), action, enabled=enabled)
            x += width + px(12)
        self.text_bottom = y - px(12)
        if self.focus_index is None:
            self.focus(
                "designer.reload.continue" if not self.reasons else "designer.reload.restart"
            )

    def lines(self) -> list[tuple[str, str]]:
        """(text, role) of the dialog body, in order."""
        out = [(t("designer.reload.file", path=self.loaded.path), "dim")]
        if self.loaded.warnings:
            out.append((t("designer.reload.warnings", n=len(self.loaded.warnings)), "dim"))
        out.append((t("designer.reload.question"), "text"))
        out.append(("• " + t("designer.reload.restart_hint"), "text"))
        reasons = self.reasons
        if reasons:
            out.append((t("designer.reload.cannot_continue"), "warn"))
            out += [("  – " + r, "warn") for r in reasons]
        else:
            out.append(("• " + t("designer.reload.continue_hint"), "text"))
        return out

    def draw(self, surface: pygame.Surface) -> None:
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        panel(surface, self.box, p, self.app.scale)
        inner = self.box.inflate(-px(48), 0)
        y = self.box.top + px(20)
        title = pygame.Rect(inner.left, y, inner.width, px(40))
        heading = t("designer.reload.title")
        y += draw_text(surface, heading, title, p.text, size("heading"), bold=True).height
        y += px(12)
        colours = {"dim": p.text_dim, "text": p.text, "warn": p.warn}
        for text, role in self.lines():
            room = pygame.Rect(inner.left, y, inner.width, self.text_bottom - y)
            if room.height <= 0:
                break
            y += draw_text(surface, text, room, colours[role], size("body")).height + px(6)

    def show_warnings(self) -> None:
        self.app.push(
            "level-errors",
            path=self.loaded.path,
            problems=list(self.loaded.warnings),
            warnings=True,
        )

    def current(self):
        """The level file as it is on disk now (it may have changed since the dialog opened);
        None, with its problems shown, when it no longer loads."""
        from game.levels.loader import check_level_file

        loaded, problems = check_level_file(self.loaded.path)
        if loaded is None:
            app = self.app
            app.pop()
            app.push(
                "level-errors",
                path=self.loaded.path,
                problems=problems,
                on_fixed=lambda fixed: offer(app, fixed),
            )
        return loaded

    def restart(self) -> None:
        from game.ui.flow import start_game

        current = self.current()
        if current is None:
            return
        self.loaded = current
        try:
            session = restart_with(self.session, self.loaded)
        except Exception:  # a level that loads but cannot start: say so, keep the old game
            log.exception("restart with the reloaded level failed")
            self.back()
            return
        self.app.pop()
        start_game(self.app, session)

    def keep_going(self) -> None:
        from game.engine.resolve import IllegalOrders
        from game.ui.flow import next_scene

        current = self.current()
        if current is None:
            return
        if current.sha256 == self.session.loaded.sha256:  # undone: the game plays it already
            self.app.pop()
            return
        if current.sha256 != self.loaded.sha256:  # changed again: check it afresh
            self.loaded = current
            self.rebuild()
            return
        try:
            continue_with(self.session, self.loaded)
        except IllegalOrders:  # `reasons` replayed the game already; this is a safety net
            log.exception("continuing with the reloaded level failed")
            self.back()
            return
        self.app.pop()
        next_scene(self.app, self.session)
