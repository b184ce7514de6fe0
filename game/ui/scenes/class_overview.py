"""The teacher's class overview: every kept game in a folder, one row per group, for the
projector.

The teacher types or picks a folder (the saves folder, a USB stick, a shared drive); the
screen replays every save in it off the UI thread, through the class report's own code,
and lists each group: side, winner, final gap, superintelligence, scenario, seed, policies.
Above the list, the class in two sentences (who won how often, how far apart the groups
ended). Enter or a double click opens a group's debrief; "Write class report" writes
class.html and class.csv into the folder and says where. A damaged or foreign file is a
row of its own, "skipped", with its name and reason.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.classroom.class_summary import summarise, summary_lines
from game.classroom.overview import GroupGame
from game.classroom.overview_page import si_words, sides_words, status_words, winner_words
from game.classroom.teach import gap_words
from game.drawing.draw import draw_text, panel
from game.i18n import t, tn
from game.ui.class_reader import ClassFolderReader, ClassRow
from game.ui.layout import button_height, button_width, flow, margin
from game.ui.recent_folders import recent_folders, remember_folder
from game.ui.row_clicks import DoubleClicks, pick_row
from game.ui.scene import Scene

ROOMY_DESIGN_HEIGHT = 500  # below this many design pixels the recent folders give way
SHRINK = 0.6  # a long line shrinks to this share of its font size rather than wrap
ENTRY = "teacher.folder_entry"


def default_folder() -> Path:
    from game.saves import saves_dir

    return saves_dir()


def row_lines(game: GroupGame, shared: bool = False) -> tuple[str, str]:
    """The result line and the facts line of one group's row (`shared`: every group played
    this scenario and seed, which the summary says once, so the row leaves them out)."""
    result = t(
        "teacher.row.result",
        side=sides_words(game, short=True),
        winner=winner_words(game),
        gap=gap_words(game.gap_months),
        si=si_words(game),
    )
    policies = ", ".join(f"{title} ×{n}" for title, n in game.policies) or "–"
    if shared:
        return result, t("teacher.row.facts_shared", status=status_words(game), policies=policies)
    facts = t(
        "teacher.row.facts",
        scenario=game.level_title,
        seed=game.seed,
        status=status_words(game),
        policies=policies,
    )
    return result, facts


def one_world(games: list[GroupGame]) -> bool:
    """Did every group play the same scenario with the same seed (a lesson's usual case)?"""
    return len({(g.level_title, g.seed) for g in games}) == 1


class ClassOverviewScene(Scene):
    name = "class_overview"
    help_title = "teacher.keys.title"
    help_keys = (
        "teacher.keys.rows",
        "teacher.keys.folder",
        "keys.common.choose",
        "keys.common.back",
    )

    def __init__(self, app, folder: str | Path | None = None):
        super().__init__(app)
        self.folder_text = str(folder if folder is not None else default_folder())
        self.recent = recent_folders()
        self.reader: ClassFolderReader | None = None
        self.rows: list[ClassRow] = []
        self.skipped: list[tuple[str, str]] = []
        self.selected = 0
        self.scroll = 0
        self.message = ""
        self.message_ok = True
        self._clicks = DoubleClicks()
        self.read_folder()

    @classmethod
    def for_shot(cls, app, shot) -> ClassOverviewScene:
        """A folder with four groups' games of one lesson and a damaged file."""
        scene = cls(app, shot_folder())
        scene.recent = [str(scene.folder), "/media/usb-stick/klasse-9b"]
        scene.reader.wait(120)
        scene.refresh()
        return scene

    # --- reading ------------------------------------------------------------------------
    @property
    def folder(self) -> Path:
        return Path(self.folder_text.strip() or default_folder()).expanduser()

    @property
    def reading(self) -> bool:
        return self.reader is not None and self.reader.reading

    def read_folder(self, text: str | None = None) -> None:
        """Read the folder in the box (or `text`): its rows replace the list."""
        if text is None:
            self._read_entry()
        else:
            self.folder_text = text
        folder = self.folder
        self.reader = ClassFolderReader(folder)
        self.rows, self.skipped, self.selected, self.scroll = [], [], 0, 0
        self.message, self.message_ok = "", True
        if not folder.is_dir():
            self.message, self.message_ok = t("teacher.no_folder", folder=str(folder)), False
        elif not self.reader.paths:
            self.message = t("teacher.no_saves", folder=str(folder))
        elif self.app.persist:  # a screenshot or a test leaves the teacher's list alone
            self.recent = remember_folder(folder)
        else:
            self.recent = [str(folder), *(f for f in self.recent if f != str(folder))]
        if self.widgets:
            self.rebuild()

    def refresh(self) -> None:
        """Take in the games read since the last frame."""
        if self.reader is None:
            return
        rows, skipped = self.reader.rows(), self.reader.skipped()
        if len(rows) == len(self.rows) and len(skipped) == len(self.skipped):
            return
        chosen = self.chosen_path()
        self.rows, self.skipped = rows, skipped
        paths = [r.game.path for r in rows]
        if chosen in paths:
            self.selected = paths.index(chosen)
        self.rebuild()

    def update(self, dt: float) -> None:
        self.refresh()

    def animating(self) -> bool:
        return self.reading

    def _read_entry(self) -> None:
        entry = self.widgets.get(ENTRY)
        if entry is not None:
            self.folder_text = entry.get_text()

    def pause(self) -> None:
        self._read_entry()
        super().pause()

    # --- choosing -----------------------------------------------------------------------
    @property
    def count(self) -> int:
        return len(self.rows) + len(self.skipped)

    def chosen_path(self) -> Path | None:
        if 0 <= self.selected < len(self.rows):
            return self.rows[self.selected].game.path
        return None

    def select(self, index: int) -> None:
        if self.count:
            self.selected = max(0, min(self.count - 1, index))
            self.rebuild()

    def open_debrief(self) -> None:
        """The chosen group's debrief, for the projector (Esc comes back here)."""
        if 0 <= self.selected < len(self.rows):
            self.app.push("classroom_debrief", game=self.rows[self.selected].played)

    def write_report(self) -> None:
        """class.html, class.csv and the handouts into the folder (or, if it is read-only,
        into the reports folder), and say where."""
        from game.classroom.overview_page import write_overview
        from game.paths import reports_dir

        if not self.rows or self.reading:
            return
        overview = self.reader.overview()
        name = t("teacher.report_folder")
        try:
            page = write_overview(overview, self.reader.folder / name)
            self.message, self.message_ok = t("teacher.written", path=str(page)), True
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            try:
                page = write_overview(overview, reports_dir() / name)
            except OSError as again:
                self.message = t("teacher.write_failed", reason=again.strerror or reason)
                self.message_ok = False
            else:
                self.message = t("teacher.written_elsewhere", reason=reason, path=str(page))
                self.message_ok = True
        self.rebuild()

    # --- layout -------------------------------------------------------------------------
    @property
    def roomy(self) -> bool:
        return self.app.size[1] / self.app.scale.factor >= ROOMY_DESIGN_HEIGHT

    def build(self) -> None:
        w, h = self.app.size
        px, m = self.app.px, margin(self.app, 32)
        bh = button_height(self.app)
        small_bh = button_height(self.app, "small")
        heading = self.app.font("heading", True).get_linesize()
        self.title_rect = pygame.Rect(m, px(10), w - 2 * m, heading)
        y = self.title_rect.bottom + px(8)
        label = t("teacher.folder")
        self.label_rect = pygame.Rect(m, y, self.app.font("body", True).size(label)[0], bh)
        read_w = button_width(self.app, t("teacher.read"), minimum=100)
        x = self.label_rect.right + px(10)
        entry = UITextEntryLine(
            pygame.Rect(x, y, w - m - read_w - px(10) - x, bh),
            manager=self.app.manager,
            initial_text=self.folder_text,
        )
        entry.set_text_length_limit(1000)
        self.add(entry, ENTRY)
        self.button("teacher.read", pygame.Rect(w - m - read_w, y, read_w, bh), self.read_folder)
        y += bh + px(6)
        others = [f for f in self.recent if f != str(self.folder)]
        if others and self.roomy:
            lead = t("teacher.recent")
            self.recent_rect = pygame.Rect(m, y, self.app.font("small").size(lead)[0], small_bh)
            x = self.recent_rect.right + px(8)
            names = [Path(f).name or f for f in others]
            widths = [button_width(self.app, n, "small") for n in names]
            for k, (folder, text, rect) in enumerate(
                zip(others, names, flow(widths, x, y, w - m - x, small_bh, px(6)), strict=True)
            ):
                if rect.top != y:
                    break  # one row of recent folders; the rest wait their turn
                self.button(
                    f"teacher.recent.{k}",
                    rect,
                    lambda f=folder: self.read_folder(f),
                    text=text,
                    tooltip=folder,
                    object_id="#small_button",
                )
            y += small_bh + px(6)
        else:
            self.recent_rect = pygame.Rect(m, y, 0, 0)
        small = self.app.font("small").get_linesize()
        self.summary_rect = pygame.Rect(m, y, w - 2 * m, 3 * small + px(16))
        y = self.summary_rect.bottom + px(8)
        # Bottom: Debrief, Write class report, Back.
        usable = 0 <= self.selected < len(self.rows)
        buttons = [
            ("teacher.debrief", self.open_debrief, usable),
            ("teacher.write", self.write_report, bool(self.rows) and not self.reading),
            ("common.back", self.back, True),
        ]
        widths = [button_width(self.app, t(key), minimum=120) for key, _, _ in buttons]
        rects = flow(widths, m, 0, w - 2 * m, bh, px(12))
        shift = h - px(12) - rects[-1].bottom
        for (key, action, enabled), rect in zip(buttons, rects, strict=True):
            self.button(key, rect.move(0, shift), action, enabled=enabled)
        bottom = rects[0].top + shift - px(8)
        message_h = 2 * small + px(12) if self.message else 0
        self.message_rect = pygame.Rect(m, bottom - message_h, w - 2 * m, message_h)
        list_bottom = self.message_rect.top - (px(8) if message_h else 0)
        self.list_rect = pygame.Rect(m, y, w - 2 * m, max(0, list_bottom - y))
        self.row_h = self.app.font("body", True).get_linesize() + 2 * small + px(16)

    # --- input --------------------------------------------------------------------------
    def move_focus(self, step: int) -> bool:
        """Tab runs through the buttons and the folder box."""
        entry = self.widgets.get(ENTRY)
        if entry is None:
            return super().move_focus(step)
        if entry.is_focused:
            entry.unfocus()
            self.focus_index = None
            return super().move_focus(step)
        enabled = [i for i, b in enumerate(self.focus_order) if b.is_enabled]
        if self.focus_index in enabled:
            pos = enabled.index(self.focus_index)
            if (step > 0 and pos == len(enabled) - 1) or (step < 0 and pos == 0):
                self.focus_index = None
                entry.focus()
                return True
        return super().move_focus(step)

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            step = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -5, pygame.K_PAGEDOWN: 5}
            self.select(self.selected + step[event.key])
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.focus_index is None:
            self.open_debrief()
            return True
        return super().handle_key(event)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.widgets.get(
            ENTRY
        ):
            self.read_folder()
            return True
        if event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, self.scroll - event.y * self.row_h)
            return True
        if pick_row(
            event,
            self.list_rect,
            self.scroll,
            self.row_h,
            self.count,
            self._clicks,
            self.select,
            self.open_debrief,
        ):
            return True
        return super().handle_event(event)

    # --- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        p, size = self.app.palette, self.app.scale.font_size
        surface.fill(p.bg)
        draw_text(
            surface,
            t("teacher.title"),
            self.title_rect,
            p.text,
            size("heading"),
            bold=True,
            max_lines=1,
        )
        draw_text(
            surface,
            t("teacher.folder"),
            self.label_rect,
            p.text,
            size("body"),
            bold=True,
            valign="middle",
        )
        if self.recent_rect.width:
            draw_text(
                surface,
                t("teacher.recent"),
                self.recent_rect,
                p.text_dim,
                size("small"),
                valign="middle",
            )
        self._draw_summary(surface)
        self._draw_rows(surface)
        if self.message_rect.height:
            colour = p.text if self.message_ok else p.bad
            panel(surface, self.message_rect, p, self.app.scale, fill=p.bg_deep)
            inner = self.message_rect.inflate(-self.app.px(16), -self.app.px(8))
            draw_text(surface, self.message, inner, colour, size("small"), max_lines=2)

    def summary(self) -> list[str]:
        """Up to three lines: the shared world and skipped files, who won, the gaps."""
        if self.reading:
            done, total = self.reader.progress
            return [t("teacher.reading", done=done, total=total)]
        games = [r.game for r in self.rows]
        first = []
        if one_world(games):
            first.append(t("lessons.class.facts", levels=games[0].level_title, seeds=games[0].seed))
        if self.skipped:
            first.append(tn("teacher.skipped_count", len(self.skipped)))
        return [" · ".join(first)] * bool(first) + summary_lines(summarise(games))

    def _draw_summary(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        lines = self.summary()
        if not lines:
            return
        panel(surface, self.summary_rect, p, self.app.scale)
        inner = self.summary_rect.inflate(-2 * px(12), -px(16))
        line_h = self.app.font("small").get_linesize()
        for k, line in enumerate(lines[:3]):
            box = pygame.Rect(inner.left, inner.top + k * line_h, inner.width, line_h)
            self._line(surface, line, box, p.text)

    def _line(self, surface: pygame.Surface, text: str, box: pygame.Rect, colour) -> None:
        """One line of small text that shrinks rather than wraps (a projector at 200%)."""
        size = self.app.scale.font_size("small")
        draw_text(surface, text, box, colour, size, max_lines=1, min_size=round(size * SHRINK))

    def _draw_rows(self, surface: pygame.Surface) -> None:
        p, px, size = self.app.palette, self.app.px, self.app.scale.font_size
        area, row_h = self.list_rect, self.row_h
        if not self.count or area.height <= 0:
            return
        total = row_h * self.count
        top = self.selected * row_h
        if top < self.scroll:
            self.scroll = top
        elif top + row_h > self.scroll + area.height:
            self.scroll = top + row_h - area.height
        self.scroll = max(0, min(self.scroll, max(0, total - area.height)))
        old_clip = surface.get_clip()
        surface.set_clip(area)
        bar = px(10) if total > area.height else 0
        body = self.app.font("body", True).get_linesize()
        small = self.app.font("small").get_linesize()
        shared = one_world([r.game for r in self.rows])
        for i in range(self.count):
            top = area.top + i * row_h - self.scroll
            rect = pygame.Rect(area.left, top, area.width - bar, row_h)
            if rect.bottom < area.top or rect.top > area.bottom:
                continue
            card = rect.inflate(-px(2), -px(6))
            chosen = i == self.selected
            ok = i < len(self.rows)
            border = p.focus if chosen else (p.border if ok else p.warn)
            panel(
                surface,
                card,
                p,
                self.app.scale,
                fill=p.panel_hi if chosen else p.panel,
                border=border,
            )
            inner = card.inflate(-2 * px(10), -px(8))
            if ok:
                game = self.rows[i].game
                head, lines = f"{i + 1}. {game.group}", row_lines(game, shared)
                name = game.path.name
            else:
                name, reason = self.skipped[i - len(self.rows)]
                head, lines = t("teacher.skipped", file=name), (reason, "")
                name = ""
            head_rect = pygame.Rect(inner.left, inner.top, inner.width, body)
            if name:
                third = inner.width // 3
                side = pygame.Rect(inner.right - third, inner.top, third, body)
                fitted = draw_text(
                    surface, name, side, p.text_dim, size("small"), align="right", max_lines=1
                )
                head_rect.width -= fitted.width + px(16)
            colour = p.text if ok else p.warn
            draw_text(surface, head, head_rect, colour, size("body"), bold=True, max_lines=1)
            y = inner.top + body
            for text, tone in zip(lines, (p.text, p.text_dim), strict=True):
                self._line(surface, text, pygame.Rect(inner.left, y, inner.width, small), tone)
                y += small
        surface.set_clip(old_clip)
        if total > area.height:
            bar_h = max(px(24), area.height * area.height // total)
            bar_y = area.top + (area.height - bar_h) * self.scroll // max(1, total - area.height)
            pygame.draw.rect(
                surface, p.text_faint, (area.right - px(4), bar_y, px(4), bar_h), border_radius=2
            )


def shot_folder() -> Path:
    """A temporary USB stick: four groups' classroom games on one seed, one of them
    stopped by the lesson, and a file copied half-way."""
    import tempfile

    from game.engine import compile_rules
    from game.levels.loader import load_level
    from game.match import play_game
    from game.paths import LEVELS
    from game.players.registry import make_player
    from game.saves import save_match
    from game.saves.timeline import branch

    folder = Path(tempfile.mkdtemp(prefix="klasse-9b-"))
    loaded = load_level(LEVELS / "classroom-45.yaml")
    rules = compile_rules(loaded.level)
    plans = ("greedy", "fixed:70/10/10/10", "random", "fixed:10/40/20/30")
    groups = ("Lena & Tom", "Aylin & Max", "Jonas & Mia", "Noah & Emma")
    for k, (plan, group) in enumerate(zip(plans, groups, strict=True)):
        side, other = ("usa", "china") if k % 2 == 0 else ("china", "usa")
        match = play_game(rules, {side: make_player(plan), other: make_player("easy")}, 4711)
        if k == 3:
            match = branch(match, 6)
        players = {side: "human", other: "easy"}
        save_match(match, loaded, f"pc{k + 1}", "vs_ai", players, folder=folder, group=group)
    (folder / "kopie-abgebrochen.json").write_text('{"format": "swarms', encoding="utf-8")
    return folder
