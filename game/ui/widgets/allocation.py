"""Four allocation controls (chips, energy, talent, models) that always sum to 100 %.

The split is kept as whole percents that add up to exactly 100: moving one share
rebalances the other three in proportion (largest remainder, so rounding never loses a
percent), and `allocation()` turns it into an engine `Allocation` whose shares sum to 1.
Mouse: drag a handle, click a track, scroll over a row, click a percentage to type one.
Keyboard (when focused): Up/Down pick a row, Left/Right ±1 (Shift ±5), PageUp/PageDown
±10, a digit or Enter starts typing, Enter confirms, Esc cancels.
"""

from __future__ import annotations

import pygame

from game.drawing import fmt
from game.drawing.draw import draw_text
from game.drawing.icons import draw_icon
from game.drawing.theme import mix
from game.engine.orders import AREAS, Allocation
from game.i18n import t

TOTAL = 100


def rebalance(percents: list[int], index: int, value: float) -> list[int]:
    """Set share `index` to `value` (0–100) and scale the others to fill the rest."""
    value = max(0, min(TOTAL, round(value)))
    rest = TOTAL - value
    others = [i for i in range(len(percents)) if i != index]
    weights = [max(0, percents[i]) for i in others]
    if sum(weights) == 0:
        weights = [1] * len(others)
    total = sum(weights)
    exact = [rest * w / total for w in weights]
    floors = [int(x) for x in exact]
    leftover = rest - sum(floors)
    order = sorted(
        range(len(others)), key=lambda k: (exact[k] - floors[k], weights[k]), reverse=True
    )
    for k in order[:leftover]:
        floors[k] += 1
    out = list(percents)
    out[index] = value
    for k, i in enumerate(others):
        out[i] = floors[k]
    return out


def percents_of(allocation: Allocation) -> list[int]:
    """Whole percents (summing to 100) closest to an `Allocation`."""
    exact = [max(0.0, s) * TOTAL for s in allocation.as_tuple()]
    floors = [int(x) for x in exact]
    order = sorted(range(4), key=lambda k: exact[k] - floors[k], reverse=True)
    for k in order[: TOTAL - sum(floors)]:
        floors[k] += 1
    return floors


class AllocationControl:
    """The four share rows: state, layout, drawing and input; no pygame_gui involved."""

    def __init__(self, percents: list[int] | None = None):
        self.percents = list(percents) if percents else [25, 25, 25, 25]
        self.row = 0  # the row keyboard keys act on
        self.editing: str | None = None  # digits typed so far while typing a share
        self.dragging: int | None = None
        self.rows: list[dict[str, pygame.Rect]] = []
        self.changed = False  # set on every change; the scene clears it

    # --- the split --------------------------------------------------------------------
    def allocation(self) -> Allocation:
        return Allocation.normalised(self.percents)

    def set_share(self, index: int, value: float) -> None:
        new = rebalance(self.percents, index, round(value))
        if new != self.percents:
            self.percents = new
            self.changed = True

    def nudge(self, index: int, step: int) -> None:
        self.set_share(index, self.percents[index] + step)

    # --- layout -----------------------------------------------------------------------
    def layout(self, rect: pygame.Rect, app) -> None:
        """Split `rect` into four rows: icon, name, track, percent, amount."""
        px = app.px
        body = app.font("body", True)
        row_h = rect.height // 4
        icon = min(px(22), row_h - px(6))
        pct_w = body.size("100%")[0] + px(16)
        amount_w = app.font("small").size(fmt.bn(8888.8))[0] + px(6)
        label_w = max(app.font("body").size(t(f"stock.{a}"))[0] for a in AREAS) + px(8)
        label_w = min(label_w, rect.width // 4)
        self.rows = []
        for i in range(4):
            r = pygame.Rect(rect.left, rect.top + i * row_h, rect.width, row_h)
            x = r.left + px(6)
            amount = pygame.Rect(r.right - amount_w - px(6), r.top, amount_w, r.height)
            pct = pygame.Rect(amount.left - pct_w - px(4), r.top + px(4), pct_w, r.height - px(8))
            track_left = x + icon + px(8) + label_w + px(8)
            stacked = pct.left - px(14) - track_left < rect.width * 0.3
            # stacked, the top line keeps the percent's type whole; the track takes the rest
            top_line = max(r.height // 2, min(r.height * 2 // 3, body.get_linesize() + px(4)))
            line = top_line if stacked else r.height
            icon_r = pygame.Rect(x, r.top + (line - icon) // 2, icon, icon)
            label = pygame.Rect(icon_r.right + px(8), r.top, label_w, line)
            if stacked:  # narrow: name, percent and amount above a full-width track
                label.width = pct.left - px(8) - label.left
                pct = pygame.Rect(pct.left, r.top + px(3), pct_w, line - px(4))
                amount.height = line
                track = pygame.Rect(
                    label.left,
                    r.top + line + (r.height - line) // 2 - px(3),
                    r.right - px(16) - label.left,
                    px(6),
                )
            else:
                track = pygame.Rect(label.right + px(8), r.centery - px(3), 0, px(6))
                track.width = max(px(20), pct.left - px(14) - track.left)
            hit = track.inflate(px(16), max(px(14), min(r.height, line) - px(4)) - track.height)
            self.rows.append(
                {
                    "row": r,
                    "icon": icon_r,
                    "label": label,
                    "track": track,
                    "hit": hit,
                    "pct": pct,
                    "amount": amount,
                }
            )

    def _value_at(self, index: int, x: int) -> int:
        track = self.rows[index]["track"]
        return round((x - track.left) / max(1, track.width) * TOTAL)

    # --- input ------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        """Mouse input anywhere on the rows; True when used."""
        if not self.rows:
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i, row in enumerate(self.rows):
                if row["pct"].collidepoint(event.pos):
                    self.row, self.editing = i, ""
                    return True
                if row["hit"].collidepoint(event.pos):
                    self.commit_typing()
                    self.row, self.dragging = i, i
                    self.set_share(i, self._value_at(i, event.pos[0]))
                    return True
        elif event.type == pygame.MOUSEMOTION and self.dragging is not None:
            self.set_share(self.dragging, self._value_at(self.dragging, event.pos[0]))
            return True
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.dragging is not None:
            self.dragging = None
            return True
        elif event.type == pygame.MOUSEWHEEL:
            pos = pygame.mouse.get_pos()
            for i, row in enumerate(self.rows):
                if row["row"].collidepoint(pos):
                    self.row = i
                    self.nudge(i, event.y)
                    return True
        return False

    def handle_key(self, event: pygame.event.Event) -> bool:
        """Keys while the control has keyboard focus; True when used."""
        key, shift = event.key, bool(event.mod & pygame.KMOD_SHIFT)
        if self.editing is not None:
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_TAB):
                self.commit_typing()
                return key != pygame.K_TAB
            if key == pygame.K_ESCAPE:
                self.editing = None
                return True
            if key == pygame.K_BACKSPACE:
                self.editing = self.editing[:-1]
                return True
            if event.unicode and event.unicode.isdigit() and len(self.editing) < 3:
                self.editing += event.unicode
                return True
            if key not in (pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT):
                return True
            self.commit_typing()
        if key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.nudge(self.row, (5 if shift else 1) * (1 if key == pygame.K_RIGHT else -1))
            return True
        if key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.nudge(self.row, 10 if key == pygame.K_PAGEUP else -10)
            return True
        if key in (pygame.K_UP, pygame.K_DOWN):
            step = -1 if key == pygame.K_UP else 1
            if 0 <= self.row + step < 4:
                self.row += step
                return True
            return False  # let the scene move focus out of the control
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.editing = ""
            return True
        if event.unicode and event.unicode.isdigit():
            self.editing = event.unicode
            return True
        return False

    def commit_typing(self) -> None:
        if self.editing:
            self.set_share(self.row, min(TOTAL, int(self.editing)))
        self.editing = None

    # --- drawing ----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, app, budget_bn: float, focused: bool) -> list:
        """Draw the rows; returns (rect, tooltip text) pairs for the scene's tooltips."""
        p, px, size = app.palette, app.px, app.scale.font_size
        tips = []
        for i, (area, row) in enumerate(zip(AREAS, self.rows, strict=True)):
            active = focused and i == self.row
            if active:
                pygame.draw.rect(surface, p.panel_hi, row["row"], border_radius=px(6))
                pygame.draw.rect(surface, p.focus, row["row"], max(1, px(2)), border_radius=px(6))
            draw_icon(surface, area, row["icon"], p.text if active else p.text_dim)
            draw_text(
                surface,
                t(f"stock.{area}"),
                row["label"],
                p.text,
                size("body"),
                valign="middle",
                max_lines=1,
            )
            track = row["track"]
            share = self.percents[i] / TOTAL
            pygame.draw.rect(surface, p.bg_deep, track, border_radius=track.height // 2)
            filled = pygame.Rect(track.left, track.top, round(track.width * share), track.height)
            pygame.draw.rect(
                surface,
                p.accent if active else mix(p.accent, p.panel, 0.3),
                filled,
                border_radius=track.height // 2,
            )
            knob_r = max(px(7), track.height)
            centre = (track.left + round(track.width * share), track.centery)
            pygame.draw.circle(surface, p.focus if active else p.text, centre, knob_r)
            pygame.draw.circle(surface, p.bg_deep, centre, max(2, knob_r // 3))
            box = row["pct"]
            typing = active and self.editing is not None
            pygame.draw.rect(surface, p.bg_deep if typing else p.panel_hi, box, border_radius=px(4))
            pygame.draw.rect(
                surface, p.focus if typing else p.border, box, max(1, px(1)), border_radius=px(4)
            )
            text = (self.editing or "") + "▏" if typing else fmt.pct(share)
            draw_text(
                surface,
                text,
                box,
                p.text,
                size("body"),
                bold=True,
                align="center",
                valign="middle",
                max_lines=1,
            )
            amount = fmt.bn(budget_bn * share)
            draw_text(
                surface,
                amount,
                row["amount"],
                p.text_dim,
                size("small"),
                align="right",
                valign="middle",
                max_lines=1,
            )
            tips.append((pygame.Rect(row["label"]).union(row["icon"]), t(f"alloc.tip.{area}")))
            tips.append((row["pct"], t("alloc.tip_type")))
        return tips
