"""Saves, replays and what-if branches: a save is a replay (level + seed + orders).

Public API:
- writing: `save_match(match, loaded, slot, mode, players)`, `autosave_match(...)`,
  `save_from_match(...)` + `write_save(save, path)` (atomic);
- reading: `list_saves(folder)` (entries or problems, never raises), `read_save(path)`,
  `load_save(path, use_embedded=False) -> LoadResult` (replayed and hash-checked),
  `autosave_exists()`, `load_autosave()`;
- replay and branch: `Replay(match)`, `branch(match, turn)`, `compare(original, branch)`;
- folder: `saves_dir(folder=None)` (platformdirs, or $SWARMS_VS_TITANS_SAVE_DIR).
"""

from game.saves.build import game_version, save_from_match
from game.saves.compare import Comparison, DecisionDiff, Timeline, compare
from game.saves.format import CURRENT_VERSION, MODES, BranchOf, SaveGame
from game.saves.load import LoadResult, load_save, replay_save
from game.saves.problems import SaveProblem
from game.saves.slots import (
    SaveEntry,
    autosave_exists,
    autosave_match,
    autosave_path,
    list_saves,
    load_autosave,
    save_match,
    save_simulated_game,
)
from game.saves.storage import (
    AUTOSAVE,
    ENV_SAVE_DIR,
    read_save,
    saves_dir,
    slot_name,
    slot_path,
    write_save,
)
from game.saves.timeline import Frame, Replay, branch

__all__ = [
    "AUTOSAVE",
    "CURRENT_VERSION",
    "ENV_SAVE_DIR",
    "MODES",
    "BranchOf",
    "Comparison",
    "DecisionDiff",
    "Frame",
    "LoadResult",
    "Replay",
    "SaveEntry",
    "SaveGame",
    "SaveProblem",
    "Timeline",
    "autosave_exists",
    "autosave_match",
    "autosave_path",
    "branch",
    "compare",
    "game_version",
    "list_saves",
    "load_autosave",
    "load_save",
    "read_save",
    "replay_save",
    "save_from_match",
    "save_match",
    "save_simulated_game",
    "saves_dir",
    "slot_name",
    "slot_path",
    "write_save",
]
