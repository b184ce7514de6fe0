"""Charts and the ladder at 200 %: axis labels never overlap, event marks sit on the chart's
own plot, and the ladder never paints outside its box (over a page title)."""

from __future__ import annotations

import itertools

import pygame
import pytest
from level_factory import make_rules

from game.drawing.charts import draw_chart, history, spread_labels
from game.drawing.draw import wrap_lines
from game.drawing.ladder import LadderView, draw_ladder
from game.i18n import set_language
from game.levels.model import SIDES
from game.ui.runtime import App
from game.ui.scroll import Block, ScrollText
from game.ui.settings import Settings


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    app = App(settings=Settings(language="de", ui_scale=2.0), persist=False)
    yield app
    set_language("en")


@pytest.fixture
def states():
    from game.match import play_game
    from game.players.registry import make_player

    rules = make_rules()
    match = play_game(rules, {s: make_player("greedy") for s in SIDES}, 3)
    return rules, match.states


def test_spread_labels_never_overlap_and_keep_the_first():
    for width in (20, 60, 140):
        boxes = [pygame.Rect(x, 0, width, 10) for x in range(0, 1000, 50)]
        picked = spread_labels(boxes, 8, limit=1000)
        assert picked[0] == 0
        for a, b in itertools.pairwise(picked):
            assert boxes[b].left - boxes[a].right >= 8
            assert boxes[b].right <= 1000


def test_chart_plot_maps_the_first_and_last_quarter_to_its_edges(app, states):
    rules, history_states = states
    series = history(rules, history_states)["capability"]
    surface = pygame.Surface((600, 360))
    plot = draw_chart(surface, surface.get_rect(), series, app.pen, large=True)
    assert plot.usable
    assert plot.x(0) == plot.rect.left
    assert plot.x(len(history_states) - 1) == plot.rect.right
    assert plot.y(0) == plot.rect.bottom and plot.y(100) == plot.rect.top
    assert plot.legend is not None and plot.legend.right <= surface.get_width()


@pytest.mark.parametrize("size", [(300, 220), (220, 400), (520, 300)])
def test_ladder_never_paints_outside_its_box(app, states, size):
    rules, history_states = states
    view = LadderView.from_states(rules, history_states[-1], history_states[-2])
    surface = pygame.Surface((size[0] + 200, size[1] + 200))
    sentinel = (1, 2, 3)
    surface.fill(sentinel)
    box = pygame.Rect(100, 100, *size)
    draw_ladder(surface, box, view, app.pen, 0.5)
    outside = [
        (x, y)
        for x in range(0, surface.get_width(), 4)
        for y in range(0, surface.get_height(), 4)
        if not box.collidepoint(x, y) and tuple(surface.get_at((x, y)))[:3] != sentinel
    ]
    assert outside == []


def test_a_wrapped_line_never_starts_with_a_lone_percent_or_dollar_sign(app):
    fnt = app.font("small")
    text = "Der Anteil fiel von 59 % auf 42 % (A10, A11); Strom kostet 2,5 Mrd. $ pro GW"
    for width in range(fnt.size("Anteil fiel von")[0], fnt.size(text)[0] + 1, 2):
        lines = wrap_lines(text, fnt, width)
        assert " ".join(lines) == text
        assert all(fnt.size(line)[0] <= width for line in lines)
        assert not [line for line in lines if line.startswith(("%", "$"))], width


def inked(surface: pygame.Surface, rect: pygame.Rect) -> bool:
    return any(
        surface.get_at((x, y))[:3] != (0, 0, 0)
        for x in range(rect.left, rect.right)
        for y in range(rect.top, rect.bottom)
    )


def test_scroll_text_draws_whole_lines_only(app):
    """Half a line of glyphs at the edge of a short panel looks like a rendering bug."""
    text = ScrollText(app, [Block("text", "Ein Satz. " * 60)])
    line = app.font("body").get_linesize()
    surface = pygame.Surface((600, 400))
    surface.fill((0, 0, 0))
    box = pygame.Rect(0, 0, 600, line + line // 2)  # room for one and a half lines
    text.draw(surface, box)
    assert text.scrollable
    assert inked(surface, pygame.Rect(0, 0, 560, line))
    assert not inked(surface, pygame.Rect(0, line, 560, box.height - line))
