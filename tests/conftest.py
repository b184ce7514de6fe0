"""Test-wide set-up: headless SDL so screen tests run without a display."""

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).parent))

from hypothesis import settings

# No wall-clock limit on any example: on a busy machine a slow example is not a bug.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")
