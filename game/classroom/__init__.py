"""Teacher mode: the sources of every figure, the decisions that mattered, the report.

Pure Python except the pictures (`pictures.py`, `gap_chart.py`, `class_chart.py`: pygame on
the dummy driver, drawn with game/drawing and a print `Pen`; nothing here imports game/ui):
- `played.py`: a finished game from a `GameSession`, a save file or a `Match` + level;
- `sources.py`: every figure and card of a level with its source, grouped by area;
- `decisions.py`: the three decisions that mattered most, measured with the engine;
- `turns.py`: one row per quarter (orders, $bn, stocks, events) for turns.csv;
- `report.py`: `write_report(game, out_dir)` writes report.html, report.md, turns.csv, PNGs.
"""
