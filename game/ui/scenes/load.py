"""Load: every save in the folder (level, date, turn, sides, mode), damaged ones with their
message; open one to play on or to watch as a replay. Also `ContinueScene` for the menu.

Opening replays the save (`game.saves.load_save`); when the level changed since saving the
scene says so and offers the level copy stored in the save. Nothing here raises to the
player: a file that cannot be used is a line of text naming it.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from game.drawing.draw import draw_text, fit_text, panel
from game.i18n import t
from game.levels.model import SIDES
from game.saves import LoadResult, SaveEntry, autosave_path, load_save, saves_dir
from game.saves.present import entry_lines, problem_text
from game.ui.layout import button_height, button_width, flow, margin
from game.ui.row_clicks import DoubleClicks, pick_row
from game.ui.save_reader import SaveListReader, is_pending
from game.ui.scene import Scene

log = logging.getLogger(__name__)


def start_session(
    app,
    match,
    loaded,
    save,
    *,
    mode: str | None = None,
    side: str | None = None,
    path: Path | None = None,
):
    """Play `match` on: the game flow replaces the top scene with the next screen of the
    game. Its autosaves go on in `path` (the file it was opened from), else in a file of
    its own. Returns False when this build has no turn screen (nothing changes then)."""
    if not app.has_scene("turn"):
        return False
    try:
        from game.ui.flow import start_game
        from game.ui.session import SAVE_MODE, GameSession
    except ImportError:
        return False
    ui_modes = {v: k for k, v in SAVE_MODE.items()}
    humans = [s for s in SIDES if save is not None and save.players[s].kind == "human"]
    ais = [save.players[s].name for s in SIDES if save is not None and s not in humans]
    mode = mode or ui_modes.get(save.mode if save else "", "hotseat")
    side = side or (humans[0] if humans else "usa")
    difficulty = ais[0] if ais else "normal"
    session = GameSession.new(
        loaded, mode, side, difficulty, seed=match.seed, rules=match.rules, match=match
    )
    session.group = save.group if save is not None else ""
    session.save_slot = path.stem if path is not None else None
    start_game(app, session)
    return True


class LoadScene(Scene):
    name = "load"

    def __init__(self, app, folder: str | Path | None = None, select: str | None = None):
        super().__init__(app)
        self.folder = saves_dir(folder)
        self.reader = SaveListReader(self.folder)
        self.entries: list[SaveEntry] = self.reader.entries()
        self.selected = 0
        self._wanted = select  # the file to choose once it has been read
        self.scroll = 0
        self.result: LoadResult | None = None  # the last open attempt that needs an answer
        self.notice: str | None = None
        self._clicks = DoubleClicks()

    @classmethod
    def for_shot(cls, app, shot) -> LoadScene:
        """A folder with two real saves (one mid-game) and a damaged file, for screenshots."""
        import tempfile

        from game.saves import save_match
        from game.saves.timeline import branch

        folder = Path(tempfile.mkdtemp(prefix="svt-shot-saves-"))
        match = shot.match
        players = {"usa": "human", "china": "normal"}
        save_match(branch(match, 6), shot.loaded, "autosave", "vs_ai", players, folder=folder)
        demo = {"usa": "normal", "china": "normal"}
        save_match(match, shot.loaded, "class-demo", "ai_vs_ai", demo, folder=folder)
        (folder / "copied-from-usb.json").write_bytes(b'{"format": "swarms-vs-titans-save", "')
        scene = cls(app, folder)
        scene.reader.wait(30)  # a screenshot shows the list read
        scene.refresh()
        return scene

    # --- reading (off the UI thread) ----------------------------------------------------
    @property
    def reading(self) -> bool:
        return self.reader.reading

    def refresh(self) -> None:
        """Take in the files read since the last frame, keeping the chosen one chosen."""
        chosen = self.entry.path if self.entry is not None else None
        entries = self.reader.entries()
        same = len(entries) == len(self.entries) and all(
            a.path == b.path and a.save is b.save and a.problem is b.problem
            for a, b in zip(entries, self.entries, strict=True)
        )
        if same:
            return
        self.entries = entries
        paths = [e.path for e in entries]
        wanted = self.folder / self._wanted if self._wanted else None
        if wanted in paths and not is_pending(entries[paths.index(wanted)]):
            self.selected, self._wanted = paths.index(wanted), None
        elif chosen in paths:
            self.selected = paths.index(chosen)
        self.rebuild()

    def update(self, dt: float) -> None:
        self.refresh()

    def animating(self) -> bool:
        return self.reading  # keep drawing frames while the "reading…" rows wait

    # --- choosing -----------------------------------------------------------------------
    @property
    def entry(self) -> SaveEntry | None:
        return self.entries[self.selected] if self.entries else None

    def select(self, index: int) -> None:
        if self.entries:
            self.selected = max(0, min(len(self.entries) - 1, index))
            self.result, self.notice = None, None
            self.rebuild()

    def open(self, replay: bool, use_embedded: bool = False, anyway: bool = False) -> None:
        """Replay the chosen save; go on to the turn screen or the replay viewer."""
        entry = self.entry
        if entry is None or entry.save is None:
            return
        result = load_save(entry.path, use_embedded=use_embedded)
        if result.problem is not None and not (anyway and result.match is not None):
            self.result, self.notice = result, None
            self.rebuild()
            return
        self.result = None
        if replay or result.match.finished:
            self.app.push("replay", result=result, path=entry.path)
            return
        if not start_session(
            self.app, result.match, result.loaded_level, result.save, path=entry.path
        ):
            self.notice = t("saves.load.no_turn_screen")
            self.rebuild()

    def debrief(self) -> None:
        """The classroom debrief (and from there its report) of the chosen game, finished
        or stopped: replayed with the level copy it was played on if the file changed."""
        from game.classroom.played import GameUnavailable, from_save

        entry = self.entry
        if entry is None or entry.save is None:
            return
        try:
            game = from_save(entry.path)
        except GameUnavailable as exc:
            self.result, self.notice = None, exc.message
            self.rebuild()
            return
        self.app.push("classroom_debrief", game=game)

    def _original_of(self, entry: SaveEntry) -> Path | None:
        """The saved game a what-if game split from, when it is still in the folder."""
        origin = entry.save.branch_of if entry.save is not None else None
        if origin is None or not origin.file:
            return None
        path = self.folder / Path(origin.file).name
        return path if path.is_file() and path != entry.path else None

    def compare(self) -> None:
        """Both timelines of a what-if game: its original and itself."""
        entry = self.entry
        original_path = self._original_of(entry) if entry is not None else None
        if original_path is None:
            return
        what_if = load_save(entry.path, use_embedded=True)
        original = load_save(original_path, use_embedded=True)
        for result in (what_if, original):
            if result.match is None:
                self.result, self.notice = result, None
                self.rebuild()
                return
        title = original.save.title if original.save is not None else ""
        self.app.push("compare", original=original.match, branch=what_if.match, title=title)

    def default_open(self) -> None:
        entry = self.entry
        if entry is not None and entry.save is not None:
            self.open(replay=entry.save.finished)

    # --- layout -------------------------------------------------------------------------
    def build(self) -> None:
        w, h = self.app.size
        px, m = self.app.px, margin(self.app)
        bh = button_height(self.app)
        entry = self.entry
        usable = entry is not None and entry.save is not None
        buttons = [
            ("saves.load.play_on", lambda: self.open(False), usable and not entry.save.finished),
            ("saves.load.replay", lambda: self.open(True), usable),
        ]
        if usable and self.app.has_scene("classroom_debrief"):
            buttons.append(("lessons.load_debrief", self.debrief, True))
        if usable and self._original_of(entry) is not None:
            buttons.append(("saves.replay.compare", self.compare, True))
        if self.result is not None and self.result.offer_embedded:
            buttons.append(("saves.load.use_embedded", self._open_embedded, True))
        elif self.result is not None and self.result.match is not None:
            buttons.append(("saves.load.open_anyway", self._open_anyway, True))
        buttons.append(("saves.load.back", self.back, True))
        widths = [button_width(self.app, t(key), minimum=120) for key, _, _ in buttons]
        rects = flow(widths, m, 0, w - 2 * m, bh, px(12))  # a second row when they do not fit
        shift = h - m - rects[-1].bottom
        for (key, action, enabled), rect in zip(buttons, rects, strict=True):
            self.button(key, rect.move(0, shift), action, enabled=enabled)
        y = rects[0].top + shift
        top = m + self.app.font("heading", True).get_linesize() + px(34)
        message_h = px(64) if (self.result is not None or self.notice) else 0
        self.message_rect = pygame.Rect(m, y - px(12) - message_h, w - 2 * m, message_h)
        bottom = self.message_rect.top - (px(10) if message_h else px(12))
        self.list_rect = pygame.Rect(m, top, w - 2 * m, bottom - top)
        self.row_h = (
            self.app.font("body", True).get_linesize()
            + 2 * self.app.font("small").get_linesize()
            + px(16)
        )

    def _open_embedded(self) -> None:
        replay = (
            self.result is not None and self.result.save is not None and (self.result.save.finished)
        )
        self.open(replay=replay, use_embedded=True)

    def _open_anyway(self) -> None:
        self.open(replay=True, anyway=True)

    # --- input --------------------------------------------------------------------------
    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            step = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -5, pygame.K_PAGEDOWN: 5}
            self.select(self.selected + step[event.key])
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.focus_index is None:
            self.default_open()
            return True
        if event.key == pygame.K_F5:
            self.reader = SaveListReader(self.folder)
            self.refresh()
            return True
        return super().handle_key(event)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, self.scroll - event.y * self.row_h)
            return True
        if pick_row(
            event,
            self.list_rect,
            self.scroll,
            self.row_h,
            len(self.entries),
            self._clicks,
            self.select,
            self.default_open,
        ):
            return True
        return super().handle_event(event)

    # --- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        surface.fill(p.bg)
        m = margin(self.app)
        w = surface.get_width()
        head = draw_text(
            surface,
            t("saves.load.title"),
            pygame.Rect(m, m, w - 2 * m, px(40)),
            p.text,
            size("heading"),
            bold=True,
            max_lines=1,
        )
        draw_text(
            surface,
            t("saves.load.folder", count=len(self.entries), folder=str(self.folder)),
            pygame.Rect(m, m + head.height + px(4), w - 2 * m, px(24)),
            p.text_dim,
            size("small"),
            max_lines=1,
        )
        if not self.entries:
            draw_text(surface, t("saves.load.empty"), self.list_rect, p.text_dim, size("body"))
        else:
            self._draw_rows(surface)
        self._draw_message(surface)

    def _draw_rows(self, surface: pygame.Surface) -> None:
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        area, row_h = self.list_rect, self.row_h
        total = row_h * len(self.entries)
        # Keep the selected row in view.
        sel_top = self.selected * row_h
        if sel_top < self.scroll:
            self.scroll = sel_top
        elif sel_top + row_h > self.scroll + area.height:
            self.scroll = sel_top + row_h - area.height
        self.scroll = max(0, min(self.scroll, max(0, total - area.height)))
        old_clip = surface.get_clip()
        surface.set_clip(area)
        pad = px(10)
        bar_room = px(10) if total > area.height else 0  # the cards stop short of the bar
        for i, entry in enumerate(self.entries):
            rect = pygame.Rect(
                area.left, area.top + i * row_h - self.scroll, area.width - bar_room, row_h
            )
            if rect.bottom < area.top or rect.top > area.bottom:
                continue
            card = rect.inflate(-px(2), -px(6))
            chosen = i == self.selected
            panel(
                surface,
                card,
                p,
                self.app.scale,
                fill=p.panel_hi if chosen else p.panel,
                border=p.focus if chosen else p.border,
            )
            if is_pending(entry):  # still being read, off the UI thread
                headline, detail = t("saves.load.reading", file=entry.path.name), ""
                colour = p.text_dim
            else:
                headline, detail = entry_lines(entry)
                colour = p.text if entry.ok else p.warn
            inner = card.inflate(-2 * pad, -px(8))
            title_rect = inner.copy()
            if entry.ok:  # the file name tells copies of one game apart (they share a title)
                name = draw_text(
                    surface,
                    entry.path.name,
                    pygame.Rect(
                        inner.right - inner.width // 3, inner.top, inner.width // 3, px(30)
                    ),
                    p.text_dim,
                    size("small"),
                    align="right",
                    max_lines=1,
                )
                title_rect.width -= name.width + px(16)
            top = draw_text(
                surface, headline, title_rect, colour, size("body"), bold=True, max_lines=1
            )
            below = pygame.Rect(inner.left, inner.top + top.height, inner.width, inner.height)
            below.height = inner.bottom - below.top
            draw_text(surface, detail, below, p.text_dim, size("small"), max_lines=2)
        surface.set_clip(old_clip)
        if total > area.height:
            bar_h = max(px(24), area.height * area.height // total)
            bar_y = area.top + (area.height - bar_h) * self.scroll // max(1, total - area.height)
            pygame.draw.rect(
                surface, p.text_faint, (area.right - px(4), bar_y, px(4), bar_h), border_radius=2
            )

    def _draw_message(self, surface: pygame.Surface) -> None:
        if self.message_rect.height == 0:
            return
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        text = self.notice or ""
        if self.result is not None and self.result.problem is not None:
            text = problem_text(self.result.problem)
        panel(surface, self.message_rect, p, self.app.scale, fill=p.bg_deep, border=p.warn)
        fitted = fit_text(text, self.message_rect.width - px(20), self.message_rect.height, 16)
        draw_text(
            surface,
            text,
            self.message_rect.inflate(-px(20), -px(10)),
            p.text,
            size("body"),
            max_lines=max(1, len(fitted.lines)),
        )


class ContinueScene(LoadScene):
    """The menu's Continue: opens the autosave straight away; if it cannot, this is the
    load list with the autosave chosen and the reason shown."""

    name = "continue"

    def __init__(self, app, folder: str | Path | None = None):
        self._target = autosave_path(folder)  # the newest unfinished game
        super().__init__(app, folder, select=self._target.name)
        self._pending = True

    @classmethod
    def for_shot(cls, app, shot) -> ContinueScene:
        scene = LoadScene.for_shot.__func__(cls, app, shot)
        scene._pending = False
        return scene

    def update(self, dt: float) -> None:
        super().update(dt)
        if not self._pending:
            return
        autosave = self.folder / self._target.name
        if any(e.path == autosave and is_pending(e) for e in self.entries):
            return  # still being read: the list shows "reading…" meanwhile
        self._pending = False
        entry = self.entry
        if entry is None or entry.path.name != self._target.name:
            self.notice = t("saves.load.no_autosave")
            self.rebuild()
            return
        if entry.save is None:
            self.rebuild()
            return
        result = load_save(entry.path)
        if result.ok and not result.match.finished:
            if start_session(
                self.app, result.match, result.loaded_level, result.save, path=entry.path
            ):
                return
            self.notice = t("saves.load.no_turn_screen")
            self.rebuild()
            return
        if result.ok:  # a finished game continues as its replay
            self.app.replace("replay", result=result, path=entry.path)
            return
        self.result = result
        self.rebuild()
