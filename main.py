"""Launch Swarms vs Titans: `python main.py` does what `python -m game` does.

It is also the entry point of the standalone bundle (tools/build_bundle.py), where
`freeze_support` lets `simulate`'s worker processes start on Windows and macOS.
"""

import multiprocessing
import sys

from game.cli.main import run

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(run())
