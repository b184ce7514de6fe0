"""New game: the scenario, the mode, your side, the AI's strength and the seed.

Every `levels/*.yaml` is checked when the screen opens; one that does not load is listed
with a "Show problems" button that opens the level-problems screen (never a traceback).
The seed is random by default and can be typed (digits), so a whole class can share one.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.drawing.draw import draw_text, panel
from game.drawing.icons import faction_glyph
from game.i18n import pick, t
from game.levels.model import SIDES
from game.paths import LEVELS
from game.ui.flow import start_game
from game.ui.layout import button_height, button_width, flow, margin
from game.ui.narrate import quarter_words
from game.ui.scene import Scene
from game.ui.scroll import Block, ScrollText
from game.ui.session import DIFFICULTIES, MAX_SEED, MODES, GameSession, random_seed

LEVELS_DIR = LEVELS
DEFAULT_LEVEL = "cold-ai-war.yaml"
SEED_DIGITS = len(str(MAX_SEED))


#: path -> ((mtime_ns, size), (LoadedLevel or None, problems)): a full check of every
#: level takes about a second, and the screen opens often; an edited file is re-checked.
_CHECKED: dict[str, tuple[tuple[int, int], tuple[object, list]]] = {}


def _check(path) -> tuple[object, list]:
    from game.levels.loader import check_level_file

    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = None
    cached = _CHECKED.get(str(path))
    if stamp is not None and cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        loaded, problems = check_level_file(str(path))
    except Exception as exc:  # a loader bug must not close the screen
        loaded, problems = None, [exc]
    result = (loaded, list(problems))
    if stamp is not None:
        _CHECKED[str(path)] = (stamp, result)
    return result


def find_levels(folder=LEVELS_DIR, extra: str | None = None) -> list[tuple[str, object, list]]:
    """(path, LoadedLevel or None, problems) for every level file, the main level first,
    then `extra` (a `--level` file anywhere) unless it lies in `folder` already.
    A file unchanged since it was last checked is not checked again."""
    paths = sorted(folder.glob("*.yaml"), key=lambda p: (p.name != DEFAULT_LEVEL, p.name))
    if extra and Path(extra).resolve() not in {p.resolve() for p in paths}:
        paths.append(Path(extra))
    found = []
    for path in paths:
        loaded, problems = _check(path)
        found.append((str(path), loaded, list(problems)))
    return found


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b


class SetupScene(Scene):
    name = "setup"
    help_title = "keys.setup.title"
    help_keys = ("keys.common.choose", "keys.setup.seed", "keys.common.back")

    def __init__(self, app, levels: list | None = None, seed: int | None = None):
        super().__init__(app)
        wanted = getattr(app, "level_path", None)
        self.levels = find_levels(extra=wanted) if levels is None else levels
        self.level_index = next((i for i, lv in enumerate(self.levels) if lv[1]), 0)
        if wanted:  # `play --level F`: offered first, even when it does not load
            self.level_index = next(
                (i for i, lv in enumerate(self.levels) if _same_file(lv[0], wanted)),
                self.level_index,
            )
        self.mode = "vs_ai"
        self.side = "usa"
        self.difficulty = "normal"
        self.seed_text = str(random_seed() if seed is None else seed)
        self.seed_error = False
        self.info = ScrollText(app, [])

    @classmethod
    def for_shot(cls, app, shot) -> SetupScene:
        scene = cls(app, seed=shot.seed * 1000 + 42)
        if shot.options.get("difficulty") in DIFFICULTIES:
            scene.difficulty = shot.options["difficulty"]
        return scene

    # --- choices ----------------------------------------------------------------------
    @property
    def loaded(self):
        return self.levels[self.level_index][1] if self.levels else None

    def choose(self, attr: str, value) -> None:
        self._read_seed()
        setattr(self, attr, value)
        self.rebuild()

    def new_seed(self) -> None:
        self.seed_text = str(random_seed())
        self.seed_error = False
        self.rebuild()

    def show_problems(self) -> None:
        path, _, problems = self.levels[self.level_index]
        self.app.push("level-errors", path=path, problems=problems, on_fixed=self._fixed)

    def show_warnings(self) -> None:
        path, loaded, _ = self.levels[self.level_index]
        problems = list(loaded.warnings) if loaded is not None else []
        self.app.push(
            "level-errors", path=path, problems=problems, on_fixed=self._fixed, warnings=True
        )

    def _fixed(self, loaded) -> None:
        path = self.levels[self.level_index][0]
        self.levels[self.level_index] = (path, loaded, [])
        self.rebuild()

    def _read_seed(self) -> None:
        entry = self.widgets.get("setup.seed_entry")
        if entry is not None:
            self.seed_text = entry.get_text()

    def seed(self) -> int | None:
        self._read_seed()
        text = self.seed_text.strip()
        return int(text) if text.isdigit() else None

    def on_level_reloaded(self, loaded) -> None:
        """The designer saved the level file: show (and start) the new numbers."""
        self._refresh()

    def _refresh(self) -> None:
        """Re-read the chosen file if it changed on disk since it was listed."""
        if not self.levels:
            return
        path = self.levels[self.level_index][0]
        loaded, problems = _check(Path(path))
        self.levels[self.level_index] = (path, loaded, list(problems))
        self.rebuild()

    def start(self) -> None:
        seed = self.seed()
        self._refresh()  # a game starts with the file as it is now, never a stale copy
        if seed is None or self.loaded is None:
            self.seed_error = seed is None
            return
        session = GameSession.new(self.loaded, self.mode, self.side, self.difficulty, seed)
        start_game(self.app, session)

    # --- layout -----------------------------------------------------------------------
    def _row(self, key: str, attr: str, options: list[tuple[object, str]], y: int) -> int:
        """A labelled row: all choices side by side if they fit, else one button that cycles."""
        px, bh, gap = self.app.px, button_height(self.app), self.app.px(8)
        self.labels.append((key, pygame.Rect(self.row_x, y, self.label_w - px(12), bh)))
        x, width = self.row_x + self.label_w, self.row_w - self.label_w
        widths = [button_width(self.app, label, minimum=90) for _, label in options]
        if sum(widths) + gap * (len(widths) - 1) <= width:
            rects = flow(widths, x, y, width, bh, gap)
            for (value, label), rect in zip(options, rects, strict=True):
                action = lambda attr=attr, value=value: self.choose(attr, value)  # noqa: E731
                button = self.button(f"setup.{attr}.{value}", rect, action, text=label)
                if getattr(self, attr) == value:
                    button.select()
        else:
            # ‹ value ›: three fixed buttons, so neither arrow moves when the value changes,
            # and ‹ goes back while › (or the value itself) goes on.
            values = [v for v, _ in options]
            index = values.index(getattr(self, attr)) if getattr(self, attr) in values else 0
            step_w = button_width(self.app, "‹", minimum=44)
            mid_w = max(px(60), min(width - 2 * (step_w + gap), max(widths)))
            steps = {
                "prev": (values[(index - 1) % len(values)], "‹", x),
                "cycle": (values[(index + 1) % len(values)], options[index][1], x + step_w + gap),
                "next": (values[(index + 1) % len(values)], "›", x + step_w + mid_w + 2 * gap),
            }
            for part, (value, label, left) in steps.items():
                rect = pygame.Rect(left, y, mid_w if part == "cycle" else step_w, bh)
                action = lambda attr=attr, value=value: self.choose(attr, value)  # noqa: E731
                long = part == "cycle" and button_width(self.app, label) > mid_w
                self.button(
                    f"setup.{attr}.{part}",
                    rect,
                    action,
                    text=label,
                    tooltip=label if long else None,
                    object_id="#small_button" if long else None,
                )
        return y + bh + px(7)

    def build(self) -> None:
        self.labels: list[tuple[str, pygame.Rect]] = []
        w, h = self.app.size
        px = self.app.px
        m = margin(self.app)
        bh = button_height(self.app)
        heading = self.app.font("heading", bold=True).get_linesize()
        self.title_rect = pygame.Rect(m, px(14), w - 2 * m, heading)
        bold = self.app.font("body", bold=True)
        keys = ("setup.level", "setup.mode", "setup.side", "setup.difficulty", "setup.seed")
        self.row_x, self.row_w = m, w - 2 * m
        self.label_w = min(max(bold.size(t(k))[0] for k in keys) + px(24), self.row_w // 3)
        y = self.title_rect.bottom + px(12)
        levels = []
        for i, (path, loaded, _) in enumerate(self.levels):
            if loaded is not None:
                levels.append((i, pick(loaded.level.title)))
            else:
                levels.append((i, f"{path.rsplit('/', 1)[-1]} — {t('setup.level_broken')}"))
        if len(levels) > 1 or (levels and self.loaded is None):  # one good level: no choice
            y = self._row("setup.level", "level_index", levels, y)
        y = self._row("setup.mode", "mode", [(k, t(f"setup.mode_{k}")) for k in MODES], y)
        if self.mode == "vs_ai":
            sides = [(side, t(f"faction.{side}.full")) for side in SIDES]
            y = self._row("setup.side", "side", sides, y)
        if self.mode != "hotseat":
            levels_ai = [(d, t(f"setup.diff.{d}")) for d in DIFFICULTIES]
            y = self._row("setup.difficulty", "difficulty", levels_ai, y)
        self.labels.append(("setup.seed", pygame.Rect(m, y, self.label_w - px(12), bh)))
        x = m + self.label_w
        entry_w = self.app.font("body").size("0" * (SEED_DIGITS + 2))[0] + px(24)
        entry = UITextEntryLine(
            pygame.Rect(x, y, entry_w, bh), manager=self.app.manager, initial_text=self.seed_text
        )
        entry.set_allowed_characters("numbers")
        entry.set_text_length_limit(SEED_DIGITS)
        self.add(entry, "setup.seed_entry")
        label = t("setup.new_seed")
        dice = pygame.Rect(x + entry_w + px(8), y, button_width(self.app, label), bh)
        self.button("setup.new_seed", dice, self.new_seed, text=label)
        y += bh + px(12)
        # Bottom: back and start; between: the panel that explains the choices.
        start_label = t("setup.start")
        start_w = button_width(self.app, start_label, "large", minimum=160)
        start_h = button_height(self.app, "large")
        start = pygame.Rect(w - m - start_w, h - start_h - px(12), start_w, start_h)
        back_w = button_width(self.app, t("common.back"), minimum=120)
        back = pygame.Rect(m, start.centery - bh // 2, back_w, bh)
        self.button("common.back", back, self.back)
        self.button(
            "setup.start",
            start,
            self.start,
            enabled=self.loaded is not None,
            object_id="#menu_button",
        )
        self.info_rect = pygame.Rect(m, y, w - 2 * m, start.top - px(12) - y)
        if self.levels and self.loaded is None:
            label = t("setup.show_problems")
            rect = pygame.Rect(0, 0, button_width(self.app, label), bh)
            rect.bottomright = (self.info_rect.right - px(12), self.info_rect.bottom - px(12))
            self.button("setup.show_problems", rect, self.show_problems, text=label)
        elif self.loaded is not None and self.loaded.warnings:
            # Between Back and Start: the level loads, so the panel keeps its room for text.
            label = t("setup.show_warnings", n=len(self.loaded.warnings))
            rect = pygame.Rect(0, 0, button_width(self.app, label), bh)
            rect.midright = (start.left - px(16), start.centery)
            if rect.left < back.right + px(16):
                rect.width = max(px(60), start.left - back.right - px(32))
                rect.left = back.right + px(16)
            self.button("setup.show_warnings", rect, self.show_warnings, text=label)
        if self.focus_index is None:
            self.focus("setup.start")

    # --- input ------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL or (
            event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN)
        ):
            return self.info.handle_event(event)
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED:
            self._read_seed()
            self.seed_error = False
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            self.start()
            return True
        return super().handle_event(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        """Digits and Backspace edit the seed even when the field has no focus."""
        entry = self.widgets.get("setup.seed_entry")
        if entry is not None and not entry.is_focused:
            self.seed_text = entry.get_text()
            if event.unicode and event.unicode.isdigit():
                if len(self.seed_text) < SEED_DIGITS:
                    self.seed_text += event.unicode
                    entry.set_text(self.seed_text)
                return True
            if event.key == pygame.K_BACKSPACE:
                self.seed_text = self.seed_text[:-1]
                entry.set_text(self.seed_text)
                return True
        return super().handle_key(event)

    # --- drawing ----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        p = self.app.palette
        size = self.app.scale.font_size
        surface.fill(p.bg)
        draw_text(surface, t("setup.title"), self.title_rect, p.text, size("heading"), bold=True)
        for key, rect in self.labels:
            draw_text(surface, t(key), rect, p.text, size("body"), bold=True, valign="middle")
        self._draw_info(surface)

    def _blocks(self, compact: bool = False) -> list[Block]:
        """What the info panel explains: the scenario, then what each choice means.

        `compact` (a short panel, at a large UI scale) leaves out the scenario's title: the
        scenario button above already shows it, and the room is better spent on the text.
        """
        p = self.app.palette
        if not self.levels:
            return [Block("text", t("setup.no_levels"), colour=p.bad)]
        _, loaded, problems = self.levels[self.level_index]
        blocks = []
        if loaded is None:
            text = f"{t('setup.level_broken')} ({len(problems)})"
            blocks.append(Block("heading", text, colour=p.bad))
        else:
            level = loaded.level
            meta = t(
                "setup.level_turns",
                n=level.calendar.turns,
                start=quarter_words(level.calendar.start),
            )
            if not compact:
                blocks.append(Block("heading", pick(level.title), colour=p.text))
            blocks += [
                Block("text", meta, colour=p.accent),
                *([] if compact else [Block("gap")]),
                Block("text", pick(level.description), colour=p.text_dim),
                Block("gap"),
            ]
        blocks.append(Block("row", t(f"setup.mode_{self.mode}"), t(f"setup.mode_hint.{self.mode}")))
        if self.mode != "hotseat":
            d = self.difficulty
            blocks.append(Block("row", t(f"setup.diff.{d}"), t(f"setup.diff_hint.{d}")))
        blocks.append(Block("row", t("setup.seed"), t("setup.seed_hint")))
        if self.seed_error:
            blocks.append(Block("text", t("setup.bad_seed"), colour=p.bad))
        return blocks

    def _draw_info(self, surface: pygame.Surface) -> None:
        p, px = self.app.palette, self.app.px
        rect = self.info_rect
        if rect.height < px(30):
            return
        pad = px(14)
        glyph_w = px(76)
        text_rect = pygame.Rect(
            rect.left + pad,
            rect.top + px(10),
            rect.width - 2 * pad - glyph_w - px(10),
            rect.height - px(20),
        )
        if "setup.show_problems" in self.widgets:
            text_rect.height -= button_height(self.app) + px(8)
        compact = text_rect.height < 6 * self.app.font("body").get_linesize()
        self.info.blocks = self._blocks(compact)
        self.info._layout(text_rect.width - px(10))  # measure, to fit the panel to its text
        used = min(rect.height, self.info.content_height + px(20))
        if "setup.show_problems" in self.widgets:
            used = rect.height
        box = pygame.Rect(rect.left, rect.top, rect.width, max(used, px(30)))
        panel(surface, box, p, self.app.scale)
        if box.height > px(40):
            top = box.top + px(10)
            faction_glyph(
                surface,
                "usa",
                pygame.Rect(box.right - pad - glyph_w, top, px(34), px(32)),
                p.titans,
            )
            faction_glyph(
                surface,
                "china",
                pygame.Rect(box.right - pad - px(34), top, px(34), px(32)),
                p.swarms,
            )
        self.info.draw(surface, text_rect.clip(box.inflate(0, -px(10))))
