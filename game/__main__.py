import sys

from game.cli.main import run

sys.exit(run())
