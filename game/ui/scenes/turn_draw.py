"""Drawing pieces of the turn screen that hold no state: panel frames, stock lists, top and
bottom bars. Each returns the tooltip regions it created."""

from __future__ import annotations

import pygame

from game.drawing import fmt
from game.drawing.draw import draw_text, panel, wrap_lines
from game.drawing.icons import draw_icon, faction_glyph
from game.engine.advice import Idle
from game.i18n import t
from game.ui.narrate import quarter_words
from game.ui.scenes.turn_info import Forecast, StockRow
from game.ui.scenes.turn_layout import TurnLayout


def frame_inner(rect: pygame.Rect, app) -> pygame.Rect:
    """The part of a framed panel below its heading."""
    px = app.px
    head_bottom = rect.top + px(9) + app.font("body", True).get_linesize()
    return pygame.Rect(
        rect.left + px(10),
        head_bottom + px(10),
        rect.width - px(20),
        rect.bottom - head_bottom - px(16),
    )


def framed(
    surface: pygame.Surface, rect: pygame.Rect, title: str, app, *, glyph: str | None = None
) -> pygame.Rect:
    """A panel with a heading; returns the inner rect below the heading."""
    p, px = app.palette, app.px
    panel(surface, rect, p, app.scale)
    head_h = app.font("body", True).get_linesize()
    x = rect.left + px(12)
    if glyph:
        g = px(14)
        faction_glyph(
            surface,
            glyph,
            pygame.Rect(x, rect.top + px(9) + (head_h - g) // 2, g, g),
            p.faction(glyph),
        )
        x += g + px(8)
    head = pygame.Rect(x, rect.top + px(9), rect.right - px(12) - x, head_h)
    draw_text(surface, title, head, p.text, app.scale.font_size("body"), bold=True, max_lines=1)
    pygame.draw.line(
        surface,
        p.border,
        (rect.left + px(12), head.bottom + px(6)),
        (rect.right - px(12), head.bottom + px(6)),
        1,
    )
    return frame_inner(rect, app)


def draw_stocks(
    surface: pygame.Surface, inner: pygame.Rect, rows: list[StockRow], app, *, columns: int = 1
) -> list:
    """Stock rows: icon, name, value (bold, right) and, when there is room, a second line."""
    p, px, size = app.palette, app.px, app.scale.font_size
    tones = {"text": p.text, "good": p.good, "bad": p.bad, "warn": p.warn}
    per_col = -(-len(rows) // columns)
    col_w = (inner.width - px(12) * (columns - 1)) // columns
    row_h = inner.height // max(1, per_col)
    body_h = app.font("body").get_linesize()
    small_h = app.font("small").get_linesize()
    two_lines = row_h >= body_h + small_h + px(2)
    tips = []
    for i, row in enumerate(rows):
        col, k = divmod(i, per_col)
        r = pygame.Rect(inner.left + col * (col_w + px(12)), inner.top + k * row_h, col_w, row_h)
        if k % 2 == 1:
            pygame.draw.rect(surface, p.panel_hi, r, border_radius=px(4))
        icon = min(px(18), row_h - px(6))
        block_h = body_h + (small_h if two_lines else 0)
        top = r.top + (r.height - block_h) // 2
        draw_icon(
            surface,
            row.icon,
            pygame.Rect(r.left + px(4), top + (body_h - icon) // 2, icon, icon),
            p.text_dim,
        )
        value_font = app.font("body", True)
        value_w = min(value_font.size(row.value)[0] + px(2), r.width // 2)
        label = pygame.Rect(r.left + icon + px(12), top, r.width - icon - px(20) - value_w, body_h)
        draw_text(
            surface, t(f"turn.stock.{row.key}.label"), label, p.text_dim, size("body"), max_lines=1
        )
        value = pygame.Rect(r.right - px(6) - value_w, top, value_w, body_h)
        draw_text(
            surface,
            row.value,
            value,
            tones.get(row.tone, p.text),
            size("body"),
            bold=True,
            align="right",
            max_lines=1,
        )
        if two_lines and row.sub:
            sub = pygame.Rect(label.left, top + body_h, r.right - px(6) - label.left, small_h)
            draw_text(
                surface, row.sub, sub, p.text_faint, size("small"), align="right", max_lines=1
            )
        tips.append((r, row.tip))
    return tips


def draw_top_bar(
    surface: pygame.Surface,
    rect: pygame.Rect,
    app,
    side: str,
    quarter: str,
    turn: int,
    turns: int,
    room: int,
) -> list:
    """Whose turn it is and when; `room` is the width left of the bar's buttons."""
    p, px, size = app.palette, app.px, app.scale.font_size
    g = px(24)
    faction_glyph(
        surface, side, pygame.Rect(rect.left + px(4), rect.centery - g // 2, g, g), p.faction(side)
    )
    x = rect.left + g + px(14)
    avail = max(px(40), room - (x - rect.left) - px(12))
    when = t("turn.when", quarter=fmt.quarter(quarter), turn=turn, turns=turns)
    big, body = app.font("large", True), app.font("body")
    full = t("turn.your_turn", side=t(f"faction.{side}.full"))
    short = t("turn.your_turn", side=t(f"faction.{side}.name"))
    gap = px(14)
    choice = (short, "")
    for name, extra in ((full, when), (full, fmt.quarter(quarter)), (short, fmt.quarter(quarter))):
        if big.size(name)[0] + (gap + body.size(extra)[0] if extra else 0) <= avail:
            choice = (name, extra)
            break
    name, extra = choice
    box = pygame.Rect(x, rect.top, min(big.size(name)[0] + px(4), avail), rect.height)
    draw_text(
        surface, name, box, p.faction(side), size("large"), bold=True, valign="middle", max_lines=1
    )
    if extra:
        slot = pygame.Rect(box.right + gap, rect.top, avail - box.width - gap, rect.height)
        draw_text(surface, extra, slot, p.text_dim, size("body"), valign="middle", max_lines=1)
    return [(box, when)]


def forecast_text(f: Forecast | None, short: bool = False) -> str:
    """The estimate in words; `short` for a bar with room for one line (large UI scales)."""
    if f is None:
        return t("turn.forecast_none")
    text = t(
        "turn.forecast",
        now=fmt.num(f.capability_now, 1),
        next=fmt.num(f.capability_next, 1),
        change=fmt.signed(f.capability_next - f.capability_now, 1),
        idle=fmt.pct(f.idle_next),
    )
    pr = f.projection
    if pr is None:
        return text
    low, mid, high = pr.lead_months
    if short:
        return t(
            "turn.forecast_short",
            next=fmt.num(f.capability_next, 1),
            change=fmt.signed(f.capability_next - f.capability_now, 1),
            lead=fmt.signed(mid, 1),
            wins=pr.wins,
            worlds=pr.worlds,
        )
    lead_key = "turn.forecast_lead" if mid >= 0 else "turn.forecast_behind"
    lead = t(
        lead_key, months=fmt.num(abs(mid), 1), low=fmt.signed(low, 1), high=fmt.signed(high, 1)
    )
    end = t(
        "turn.forecast_end",
        quarter=quarter_words(f.projection_quarter),
        mine=fmt.num(min(100.0, max(0.0, pr.mine[1])), 0),
        rival=fmt.num(min(100.0, max(0.0, pr.rival[1])), 0),
        lead=lead,
        wins=pr.wins,
        worlds=pr.worlds,
    )
    return f"{text} · {end}"


def waste_text(items) -> str:
    """The warning naming the money this split wastes and the chips it leaves idle."""
    parts = []
    for item in items:
        if isinstance(item, Idle):
            parts.append(
                t("turn.waste.idle", share=fmt.pct(item.share), gw=fmt.num(item.missing_gw, 1))
            )
        else:
            parts.append(
                t(
                    f"turn.waste.{item.kind}",
                    unspent=fmt.num(item.unspent_bn, 1),
                    kept=fmt.num(item.kept_bn, 1),
                )
            )
    return t("turn.waste.head") + " " + "; ".join(parts) if parts else ""


def warning_lines(app, forecast: Forecast | None, width: int) -> int:
    """How many lines the waste warning wraps onto at `width` (0: no warning)."""
    warning = waste_text(forecast.waste) if forecast else ""
    return len(wrap_lines(warning, app.font("small", True), width)) if warning else 0


def draw_bottom_bar(
    surface: pygame.Surface,
    lay: TurnLayout,
    app,
    forecast: Forecast | None,
    problems: list[str],
    room: int,
) -> list:
    """The forecast (labelled as an estimate) or, when orders are not allowed, the reasons;
    below them, across the bar, the waste warning (`lay.warning`, laid out to hold it)."""
    p, px, size = app.palette, app.px, app.scale.font_size
    rect = lay.bottom
    panel(surface, rect, p, app.scale, fill=p.bg_deep)
    inner = pygame.Rect(rect.left + px(12), rect.top + px(6), room - px(24), rect.height - px(12))
    small_h = app.font("small").get_linesize()
    if problems:  # the whole height left of End turn; the warning waits for the estimate
        head = pygame.Rect(inner.left, inner.top, inner.width, small_h)
        draw_text(surface, t("turn.cannot_end"), head, p.bad, size("small"), bold=True, max_lines=1)
        body = pygame.Rect(inner.left, head.bottom, inner.width, inner.bottom - head.bottom)
        lines = max(2, body.height // small_h)
        draw_text(surface, " ".join(problems), body, p.text, size("small"), max_lines=lines)
        return [(inner, "\n".join(problems))]
    if lay.warning.height:  # the estimate beside End turn, the warning across below
        inner.height = lay.warning.top - inner.top
    head = pygame.Rect(inner.left, inner.top, inner.width, small_h)
    draw_text(
        surface, t("turn.forecast_title"), head, p.accent, size("small"), bold=True, max_lines=1
    )
    body = pygame.Rect(inner.left, head.bottom, inner.width, inner.bottom - head.bottom)
    warning = waste_text(forecast.waste) if forecast else ""
    if warning and lay.warning.height:
        lines = max(1, lay.warning.height // small_h)
        draw_text(surface, warning, lay.warning, p.warn, size("small"), bold=True, max_lines=lines)
    elif warning:  # not laid out for it (yet): the last line of the estimate
        line = pygame.Rect(body.left, body.bottom - small_h, body.width, small_h)
        draw_text(surface, warning, line, p.warn, size("small"), bold=True, max_lines=1)
        body.height -= small_h
    lines = max(1, body.height // small_h)
    font = app.font("small")
    text = forecast_text(forecast)
    if font.size(text)[0] > body.width * lines * 0.9:  # wrapping loses a little per line
        text = forecast_text(forecast, short=True)
    draw_text(surface, text, body, p.text, size("small"), max_lines=lines)
    tip = forecast_text(forecast) + "\n\n" + t("turn.forecast_tip")
    if warning:
        tip = f"{tip}\n\n{warning}"
    return [(inner, tip), (lay.warning, warning)] if warning else [(inner, tip)]
