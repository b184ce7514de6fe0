"""Widgets drawn by our own renderer from view models: ladder, charts, allocation, numbers.

Each widget is a pure function of a small view model plus the `App` (palette, scale), so
the turn, resolution, replay and debrief scenes can all reuse it and tests can render it
headless.
"""
