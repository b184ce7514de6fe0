"""Launch Swarms vs Titans: `python main.py` does what `python -m game` does."""

import sys

from game.cli.main import run

if __name__ == "__main__":
    sys.exit(run())
