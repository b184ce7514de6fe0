"""The race ladder: both sides climbing toward superintelligence (capability 100).

The game's visual identity in one picture: the Titans (USA) climb as a tower of a few
large blocks, the Swarms (China) as a rising cloud of many small dots. The named
milestones of the level are rungs across the middle; the goal glows at the top; the gap
between the two is given in months. `LadderView` is a plain view model built from states,
and `draw_ladder` is a pure function of it, so the turn, resolution and replay scenes share
it and `progress` (0→1) animates from the previous state to the current one.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from functools import lru_cache

import pygame

from game.drawing import fmt
from game.drawing.art import draw_glow_line
from game.drawing.draw import Fitted, draw_text, fit_text
from game.drawing.icons import faction_glyph
from game.drawing.pen import Pen
from game.drawing.theme import Colour, mix
from game.engine.rules import Rules
from game.engine.state import GameState
from game.i18n import pick, t
from game.levels.model import SIDES


@dataclass(frozen=True)
class Rung:
    id: str
    capability: float
    title: object  # a level `Text`; picked at draw time so a language switch shows at once
    passed_by: tuple[str, ...]
    new_by: tuple[str, ...] = ()  # the sides that passed it in this very quarter


@dataclass(frozen=True)
class LadderEffects:
    """Motion laid over the ladder: rung id -> flash strength 0..1, and the gap's pulse."""

    flash: dict[str, float]
    gap_pulse: float = 0.0


@dataclass(frozen=True)
class LadderView:
    capability: dict[str, float]  # side -> 0..100 now
    previous: dict[str, float]  # side -> 0..100 before the quarter (same as now if unknown)
    rungs: tuple[Rung, ...]
    lag_months: float  # how far the follower is behind, in months of the leader's progress
    leader: str | None  # None when level
    previous_leader: str | None = None  # the leader before the quarter
    #: The Titans' lead in months (negative: the Swarms lead), before and after the quarter.
    previous_gap: float = 0.0
    gap: float = 0.0
    #: Capability from which superintelligence may already be reached (100: exactly at the
    #: top); where in this band it really lies is hidden from both sides.
    band_from: float = 100.0

    @classmethod
    def from_states(
        cls, rules: Rules, state: GameState, previous_state: GameState | None = None
    ) -> LadderView:
        def caps(s: GameState) -> dict[str, float]:
            return {
                side: max(0.0, min(100.0, rules.capability(s.factions[side].frontier_log10)))
                for side in SIDES
            }

        now = caps(state)
        before = caps(previous_state) if previous_state is not None else dict(now)
        fronts = {side: state.factions[side].frontier_log10 for side in SIDES}
        old = previous_state or state
        old_fronts = {side: old.factions[side].frontier_log10 for side in SIDES}
        gap = fronts["usa"] - fronts["china"]
        old_gap = old_fronts["usa"] - old_fronts["china"]
        rungs = tuple(
            Rung(
                m.id,
                rules.capability(m.log10),
                m.title,
                tuple(side for side in SIDES if fronts[side] >= m.log10),
                tuple(s for s in SIDES if fronts[s] >= m.log10 > old_fronts[s]),
            )
            for m in rules.level.ladder.milestones
            if 0 < rules.capability(m.log10) < 100
        )
        return cls(
            now,
            before,
            rungs,
            rules.lag_months(abs(gap)),
            _leader(gap),
            _leader(old_gap),
            rules.lag_months(old_gap),
            rules.lag_months(gap),
            max(
                0.0,
                rules.capability(
                    rules.superintelligence_log10 - rules.superintelligence_band_log10
                ),
            ),
        )

    def at(self, side: str, progress: float) -> float:
        """Capability of `side` part-way through the animation (eased)."""
        k = _ease(max(0.0, min(1.0, progress)))
        return self.previous[side] + (self.capability[side] - self.previous[side]) * k

    def gap_at(self, progress: float) -> tuple[float, str | None]:
        """(months behind, leader) part-way through the animation: the counter rolls."""
        if progress >= 1:
            return self.lag_months, self.leader
        k = _ease(max(0.0, progress))
        signed = self.previous_gap + (self.gap - self.previous_gap) * k
        return abs(signed), _leader(signed)

    @property
    def lead_changed(self) -> bool:
        """The lead changed hands this quarter (not merely drew level or pulled away)."""
        return None not in (self.leader, self.previous_leader) and (
            self.leader != self.previous_leader
        )


# Share of the ladder's height below the band where superintelligence may lie: the band is
# one unknown, drawn narrower than its capability span so the rungs below it keep room.
BELOW_BAND_SHARE = 0.7


def height_share(capability: float, band_from: float) -> float:
    """How far up the ladder (0-1) a capability sits: linear below the superintelligence
    band and within it, the band drawn over the top `1 - BELOW_BAND_SHARE` of the height."""
    c = max(0.0, min(100.0, capability))
    if not 0.0 < band_from < 100.0 or band_from / 100.0 >= BELOW_BAND_SHARE:
        return c / 100.0
    if c <= band_from:
        return BELOW_BAND_SHARE * c / band_from
    return BELOW_BAND_SHARE + (1 - BELOW_BAND_SHARE) * (c - band_from) / (100.0 - band_from)


def gap_months_text(months: float) -> str:
    """The gap's figure, the same under the ladder and in the report's headline."""
    return fmt.num(months, 1)


def _leader(gap: float) -> str | None:
    return None if abs(gap) < 1e-9 else ("usa" if gap > 0 else "china")


def _ease(x: float) -> float:
    return 1 - (1 - x) ** 3


@lru_cache(maxsize=16)
def _titan_tower(w: int, h: int, colour: Colour, bg: Colour, unit: int) -> pygame.Surface:
    """A full-height column of few large blocks (two abreast), drawn once and clipped later."""
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    gap = max(2, round(unit * 3))
    block = max(8, (w - gap) // 2)
    rows = h // (block + gap) + 1
    for row in range(rows):
        for col in range(2):
            y = h - (row + 1) * (block + gap) + gap
            rect = pygame.Rect(col * (block + gap), y, block, block)
            shade = mix(colour, bg, 0.28 * ((row + col) % 3) / 2)
            pygame.draw.rect(surf, shade, rect, border_radius=max(2, block // 9))
            pygame.draw.rect(
                surf, mix(shade, (255, 255, 255), 0.3), rect, 1, border_radius=max(2, block // 9)
            )
    return surf


@lru_cache(maxsize=16)
def _swarm_cloud(w: int, h: int, colour: Colour, bg: Colour, unit: int) -> pygame.Surface:
    """A full-height column of many small dots on a jittered grid (fixed seed)."""
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    rng = random.Random(2030)
    radius = max(2, round(unit * 2.4))
    step = round(radius * 3.3)
    cols = max(1, w // step)
    x_off = (w - cols * step) / 2 + step / 2
    for row in range(h // step + 1):
        for col in range(cols):
            x = x_off + col * step + rng.uniform(-0.3, 0.3) * step
            y = h - (row + 0.5) * step + rng.uniform(-0.3, 0.3) * step
            shade = mix(colour, bg, rng.random() * 0.4)
            pygame.draw.circle(surf, shade, (round(x), round(y)), radius)
    return surf


@lru_cache(maxsize=8)
def _goal_glow(w: int, colour: Colour, unit: float) -> pygame.Surface:
    from game.drawing.theme import DEFAULT_PALETTE

    half = max(6, round(22 * unit))
    surf = pygame.Surface((w, half * 2), pygame.SRCALPHA)
    palette = DEFAULT_PALETTE.__class__(accent=colour)
    draw_glow_line(surf, half, 0, w, palette, lambda v: round(v * unit))
    return surf


def _number_font(pen: Pen, width: int) -> pygame.font.Font:
    """The largest bold font in which "100.0" fits a column `width` wide."""
    widest = fmt.num(100.0, 1)
    for role in ("large", "body", "small"):
        font = pen.font(role, True)
        if font.size(widest)[0] + pen.px(4) <= width:
            return font
    return pen.font("small", True)


def draw_ladder(
    surface: pygame.Surface,
    rect: pygame.Rect,
    view: LadderView,
    pen: Pen,
    progress: float = 1.0,
    effects: LadderEffects | None = None,
) -> dict[str, pygame.Rect]:
    """Draw the ladder inside `rect`; returns hover regions (name -> rect) for tooltips.

    Copes with short and narrow rects: the columns get at least the width of their numbers
    (smaller type when even that is too much), the lines under the columns collapse to one,
    rung titles that would touch a neighbour or a number keep only their tooltip, and
    nothing is drawn outside `rect`."""
    old_clip = surface.get_clip()
    surface.set_clip(rect.clip(old_clip) if old_clip else rect)
    try:
        return _draw_ladder(surface, rect, view, pen, progress, effects)
    finally:
        surface.set_clip(old_clip)


def _draw_ladder(
    surface: pygame.Surface,
    rect: pygame.Rect,
    view: LadderView,
    pen: Pen,
    progress: float,
    effects: LadderEffects | None,
) -> dict[str, pygame.Rect]:
    p, px, size = pen.palette, pen.px, pen.scale.font_size
    regions: dict[str, pygame.Rect] = {}
    small = pen.font("small")
    line = small.get_linesize()
    top_band = line + px(14)
    name_font = pen.font("body", True)
    # A short ladder keeps one line under the columns (names and gap), not two.
    two_lines = rect.height >= px(260)
    bottom_band = name_font.get_linesize() + (line if two_lines else 0) + px(14)
    climb = pygame.Rect(rect.left, rect.top + top_band, rect.width, rect.height - top_band)
    climb.height -= bottom_band
    if climb.height < px(40) or rect.width < px(160):
        return regions
    centre_w = max(round(rect.width * 0.4), px(120))
    number_need = pen.font("large", True).size(fmt.num(100.0, 1))[0] + px(8)
    if (rect.width - centre_w - px(16)) // 2 < number_need:  # narrow: give the columns room
        centre_w = max(round(rect.width * 0.34), px(96), rect.width - px(16) - 2 * number_need)
    col_w = (rect.width - centre_w - px(16)) // 2
    number_font = _number_font(pen, col_w)
    cols = {
        "usa": pygame.Rect(rect.left + px(4), climb.top, col_w, climb.height),
        "china": pygame.Rect(rect.right - px(4) - col_w, climb.top, col_w, climb.height),
    }
    centre = pygame.Rect(cols["usa"].right + px(4), climb.top, centre_w, climb.height)

    def y_of(capability: float) -> int:
        return round(climb.bottom - climb.height * height_share(capability, view.band_from))

    # Where each side's number goes: above its column's top, or inside it near the goal.
    tags: dict[str, tuple[pygame.Surface, pygame.Rect, bool]] = {}
    for side in SIDES:
        col = cols[side]
        top_y = y_of(view.at(side, progress))
        tag = number_font.render(fmt.num(view.at(side, progress), 1), True, p.faction(side))
        tag_rect = tag.get_rect(
            midbottom=(col.centerx, max(top_y - px(4), climb.top + tag.get_height() - px(20)))
        )
        inside = tag_rect.top < rect.top + top_band - px(2)
        if inside:
            tag_rect.top = top_y + px(6)
        tag_rect.clamp_ip(rect)
        tags[side] = (tag, tag_rect, inside)

    # The rails of the ladder and its rungs: the milestones.
    rail = max(1, px(2))
    for x in (centre.left + px(6), centre.right - px(6)):
        pygame.draw.line(surface, p.border, (x, climb.top), (x, climb.bottom), rail)
    pygame.draw.line(surface, p.border, (rect.left, climb.bottom), (rect.right, climb.bottom), rail)
    if view.band_from < 100:  # where superintelligence may lie: a band below the goal
        top_y, low_y = y_of(100.0), y_of(view.band_from)
        band = pygame.Surface((rect.width, max(1, low_y - top_y)), pygame.SRCALPHA)
        band.fill((*p.accent[:3], 34))
        surface.blit(band, (rect.left, top_y))
        _dashed(surface, mix(p.accent, p.bg, 0.35), rect.left, rect.right, low_y, px)
    rungs = sorted(view.rungs, key=lambda r: r.capability)
    # A rung passed this quarter counts as passed once the climbing column reaches it.
    passed_by = {
        r.id: tuple(
            s for s in r.passed_by if s not in r.new_by or view.at(s, progress) >= r.capability
        )
        for r in rungs
    }
    for rung in rungs:
        y = y_of(rung.capability)
        for col in cols.values():
            _dashed(surface, mix(p.border, p.bg, 0.3), col.left, col.right, y, px)
        rung_colour = p.text_dim if passed_by[rung.id] else p.text_faint
        pygame.draw.line(
            surface, rung_colour, (centre.left + px(6), y), (centre.right - px(6), y), rail
        )
        regions[f"rung:{rung.id}"] = pygame.Rect(centre.left, y - px(5), centre.width, px(10))
    # Titles sit on their rungs; where two would overlap, the more telling one wins (the
    # next rung to reach, then the highest reached) and the other keeps only its tooltip.
    upcoming = [r for r in rungs if not passed_by[r.id]]
    reached = [r for r in rungs if passed_by[r.id]]
    order = upcoming[:1] + reached[-1:] + upcoming[1:] + reached[-2::-1]
    numbers = [tag_rect.inflate(px(10), px(4)) for _, tag_rect, _ in tags.values()]
    placed: list[pygame.Rect] = []
    label_boxes: dict[str, pygame.Rect] = {}
    ys = sorted(y_of(r.capability) for r in rungs)
    spacing = min((b - a for a, b in itertools.pairwise(ys)), default=climb.height)
    # Two-line titles only where the rungs stand far enough apart for them.
    label_lines = 2 if climb.height >= px(150) and spacing >= 2 * line + px(6) else 1
    glyph = px(9)
    for rung in order:
        y = y_of(rung.capability)
        passed = bool(passed_by[rung.id])
        title = pick(rung.title)
        fitted = _fit_words(title, centre.width - px(30), line * label_lines, size("small"), passed)
        if fitted is None:
            continue
        box = pygame.Rect(0, 0, fitted.width + px(10), fitted.height + px(2))
        box.center = (centre.centerx, y)
        marked = box.inflate(2 * (glyph + px(3)), 0)  # with the glyphs of who passed it
        if (
            box.top < climb.top + px(6)
            or box.bottom > climb.bottom
            or any(box.colliderect(b.inflate(0, px(4))) for b in placed)
            or any(marked.colliderect(b) for b in numbers)
        ):
            continue
        placed.append(box)
        label_boxes[rung.id] = box
        pygame.draw.rect(surface, p.panel, box, border_radius=px(4))
        y_text = box.top + (box.height - fitted.height) // 2
        for text_line in fitted.lines:
            img = fitted.font.render(text_line, True, p.text if passed else p.text_dim)
            surface.blit(img, img.get_rect(midtop=(box.centerx, y_text)))
            y_text += fitted.line_height
        regions[f"rung:{rung.id}"] = box
        for side in passed_by[rung.id]:
            gx = box.left - glyph - px(3) if side == "usa" else box.right + px(3)
            g_rect = pygame.Rect(gx, box.centery - glyph // 2, glyph, glyph)
            faction_glyph(surface, side, g_rect, p.faction(side))

    # The goal: superintelligence, glowing at the top.
    glow = _goal_glow(rect.width, p.accent, pen.scale.factor)
    surface.blit(glow, (rect.left, climb.top - glow.get_height() // 2))
    goal = pygame.Rect(rect.left, rect.top, rect.width, top_band - px(6))
    goal_text = (
        t("ladder.goal")
        if view.band_from >= 100
        else t("ladder.goal_band", low=fmt.num(view.band_from, 0))
    )
    draw_text(
        surface,
        goal_text,
        goal,
        p.accent,
        size("small"),
        bold=True,
        align="center",
        valign="bottom",
        max_lines=1,
    )
    regions["goal"] = goal

    # A rung passed this quarter flashes as it is reached (behind the columns and numbers).
    for rung in rungs:
        strength = effects.flash.get(rung.id, 0.0) if effects else 0.0
        if strength > 0:
            y = y_of(rung.capability)
            bright = mix(p.accent, (255, 255, 255), 0.5 * strength)
            colour = mix(p.bg, bright, min(1.0, 0.4 + strength))
            width = max(2, px(2) + round(px(4) * strength))
            box = label_boxes.get(rung.id)
            if box is None:
                pygame.draw.line(surface, colour, (rect.left, y), (rect.right, y), width)
                continue
            # across the columns up to the rails, clear of the passers' glyphs by the title
            pygame.draw.line(surface, colour, (rect.left, y), (centre.left + px(6), y), width)
            pygame.draw.line(surface, colour, (centre.right - px(6), y), (rect.right, y), width)
            ring = box.inflate(px(4), px(4))  # the title stays readable inside a bright ring
            pygame.draw.rect(surface, colour, ring, max(1, px(2)), border_radius=px(5))

    # Both sides climbing.
    unit = pen.scale.factor
    for side in SIDES:
        col = cols[side]
        cap = view.at(side, progress)
        top_y = y_of(cap)
        art = (_titan_tower if side == "usa" else _swarm_cloud)(
            col.width, col.height, p.faction(side), p.bg, unit
        )
        height = col.bottom - top_y
        if height > 0:
            surface.blit(
                art, (col.left, top_y), pygame.Rect(0, col.height - height, col.width, height)
            )
        colour = p.faction(side)
        pygame.draw.line(
            surface,
            mix(colour, (255, 255, 255), 0.35),
            (col.left, top_y),
            (col.right, top_y),
            max(2, px(3)),
        )
        if abs(view.previous[side] - view.capability[side]) > 0.05 and progress < 1:
            ghost = y_of(view.previous[side])
            _dashed(surface, colour, col.left, col.right, ghost, px)
        tag, tag_rect, inside = tags[side]
        if inside:
            bg = tag_rect.inflate(px(10), px(4))
            pygame.draw.rect(surface, p.bg_deep, bg, border_radius=px(4))
        surface.blit(tag, tag_rect)
        regions[f"side:{side}"] = pygame.Rect(
            col.left, min(top_y, tag_rect.top), col.width, col.bottom - min(top_y, tag_rect.top)
        )

    # Names under the columns (glyph + label, never colour alone) and the gap in months.
    base = pygame.Rect(rect.left, climb.bottom + px(6), rect.width, bottom_band - px(6))
    _side_names(surface, cols, base.top, pen, two_lines)
    gap_box = pygame.Rect(centre.left, base.top, centre.width, base.height)
    months, leader = view.gap_at(progress)  # the counter rolls with the climb
    if leader is None or months < 0.05:
        gap_text = t("ladder.level")
        detail = ""
    else:
        gap_text = t("ladder.gap", months=gap_months_text(months))
        detail = t("ladder.ahead", side=t(f"faction.{leader}.name"))
    top_line = pygame.Rect(gap_box.left, gap_box.top, gap_box.width, name_font.get_linesize())
    pulse = effects.gap_pulse if effects else 0.0
    if pulse > 0:  # the lead changed hands: the gap label throbs in the leader's colour
        glow = top_line.inflate(0, round(px(6) * pulse))  # grows up and down, never sideways
        colour = p.faction(leader) if leader else p.accent
        pygame.draw.rect(surface, mix(p.bg, colour, 0.55 * pulse), glow, border_radius=px(6))
        pygame.draw.rect(surface, colour, glow, max(1, px(2)), border_radius=px(6))
    if (
        leader is not None
        and fit_text(
            gap_text, top_line.width, top_line.height, size("body"), bold=True, max_lines=1
        ).cut
    ):
        gap_text = t("unit.months", v=gap_months_text(months))
    draw_text(
        surface, gap_text, top_line, p.text, size("body"), bold=True, align="center", max_lines=1
    )
    if detail and two_lines:
        lower = pygame.Rect(gap_box.left, top_line.bottom, gap_box.width, line)
        draw_text(surface, detail, lower, p.text_dim, size("small"), align="center", max_lines=1)
    regions["gap"] = gap_box
    return regions


def _name_options(side: str, col: pygame.Rect, top: int, pen: Pen, two_lines: bool) -> list:
    """(text, box, with_glyph) to try under a column, best first: glyph and name, the
    name alone (a little smaller), glyph and country (short ladders), the glyph alone."""
    px = pen.px
    name_h = pen.font("body", True).get_linesize()
    glyph = px(14)
    beside = pygame.Rect(col.left + glyph + px(6), top, col.width - glyph - px(6), name_h)
    whole = pygame.Rect(col.left, top, col.width, name_h)
    name = t(f"faction.{side}.name")
    options = [(name, beside, True), (name, whole, False)]
    if not two_lines:
        options.append((t(f"faction.{side}.country"), beside, True))
    return [*options, ("", beside, True)]


def _name_fits(option, pen: Pen) -> bool:
    text, box, _ = option
    size = pen.scale.font_size("body")
    floor = round(size * 0.6)
    return (
        not text
        or not fit_text(
            text, box.width, box.height, size, bold=True, min_size=floor, max_lines=1
        ).cut
    )


def _side_names(surface, cols: dict, top: int, pen: Pen, two_lines: bool) -> None:
    """Both factions' names under their columns, in the same form for both (the best
    that fits either), then the country below if there is room. Never a cut-off name."""
    p, px, size = pen.palette, pen.px, pen.scale.font_size
    options = {side: _name_options(side, cols[side], top, pen, two_lines) for side in SIDES}
    pick_at = max(
        next(k for k, option in enumerate(opts) if _name_fits(option, pen))
        for opts in options.values()
    )
    glyph = px(14)
    for side in SIDES:
        text, box, with_glyph = options[side][pick_at]
        if text:
            draw_text(
                surface,
                text,
                box,
                p.faction(side),
                size("body"),
                bold=True,
                max_lines=1,
                align="left" if with_glyph else "center",
                valign="middle",
                min_size=round(size("body") * 0.6),
            )
        if with_glyph:
            g_rect = pygame.Rect(box.left - glyph - px(6), box.centery - glyph // 2, glyph, glyph)
            faction_glyph(surface, side, g_rect, p.faction(side))
        if two_lines:
            col = cols[side]
            line = pen.font("small").get_linesize()
            sub = pygame.Rect(col.left, box.bottom, col.width, line)
            country = t(f"faction.{side}.country")
            draw_text(surface, country, sub, p.text_faint, size("small"), max_lines=1)


def _fit_words(text: str, width: int, height: int, size: int, bold: bool) -> Fitted | None:
    """`text` wrapped at word boundaries only (no word split), shrunk to 75% at most —
    to 60% for large type (UI scale 200%), where that is still at least 16 px."""
    lowest = min(round(size * 0.75), max(11, round(size * 0.6)))
    for step in range(9):
        step_size = round(size * (1 - 0.05 * step))
        if step_size < lowest:
            break
        fitted = fit_text(text, width, height, step_size, bold=bold, min_size=step_size)
        words_fit = all(fitted.font.size(w)[0] <= width for w in text.split())
        if words_fit and not fitted.cut:
            return fitted
    return None


def _dashed(surface: pygame.Surface, colour: Colour, x0: int, x1: int, y: int, px) -> None:
    dash, gap, width = max(3, px(6)), max(2, px(5)), max(1, px(1))
    x = x0
    while x < x1:  # drawn every frame while the ladder climbs: no scaling in the loop
        pygame.draw.line(surface, colour, (x, y), (min(x + dash, x1), y), width)
        x += dash + gap
