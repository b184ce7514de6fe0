"""The balance lab: many AI-vs-AI games of one level, measured and reported with charts.

`python -m game balance LEVEL` (game/cli/balance.py) runs `runner.run_lab`, summarises with
`analysis.summarise`, draws `charts` with pygame and writes `report` as Markdown and HTML.
"""
