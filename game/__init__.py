"""Swarms vs Titans: the US–China race toward superintelligence, as a turn-based game."""

__version__ = "0.1.0"
