"""Pictures drawn from plain data onto any `pygame.Surface`, with no window and no `App`.

The screens (game/ui) and the classroom report (game/classroom) both draw with these, so
this package imports neither: colours, fonts and sizes come in as a `Pen`.
- `theme.py`: `Palette`, `Scale`, fonts; `pen.py`: `Pen` (a palette and a scale);
- `draw.py`: text that wraps and shrinks, panels, tooltips; `icons.py`, `art.py`;
- `charts.py`: the history line charts; `ladder.py`: the capability ladder;
- `fmt.py`: numbers as the screens and reports write them.
"""
