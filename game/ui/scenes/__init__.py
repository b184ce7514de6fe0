"""Every scene by name. Add yours with ONE line: `"name": "module.path:ClassName"`.

Scenes are imported lazily, so a scene that does not exist yet (or fails to import)
just reads as unavailable: `has_scene("setup")` is False and the menu disables its button.
A scene class is built as `Cls(app, **kwargs)`; for `python -m game shot NAME` it is built
with `Cls.for_shot(app, shot)` (see game/ui/shot.py).
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.runtime import App
    from game.ui.scene import Scene

log = logging.getLogger(__name__)

SCENES: dict[str, str] = {
    "menu": "game.ui.scenes.menu:MenuScene",
    "settings": "game.ui.scenes.settings:SettingsScene",
    "help": "game.ui.scenes.help:HelpScene",
    "level-errors": "game.ui.scenes.level_errors:LevelErrorsScene",
    "crash": "game.ui.scenes.crash:CrashScene",
    # other engineers: one line each below
    "turn": "game.ui.scenes.turn:TurnScene",
    "load": "game.ui.scenes.load:LoadScene",
    "continue": "game.ui.scenes.load:ContinueScene",
    "replay": "game.ui.scenes.replay:ReplayScene",
    "compare": "game.ui.scenes.compare:CompareScene",
    "setup": "game.ui.scenes.setup:SetupScene",
    "curtain": "game.ui.scenes.curtain:CurtainScene",
    "resolution": "game.ui.scenes.resolution:ResolutionScene",
    "end": "game.ui.scenes.end:EndScene",
    "debrief": "game.ui.scenes.end:EndScene",
    "reload": "game.ui.scenes.reload:ReloadScene",
    "sources": "game.ui.scenes.sources:SourcesScene",
    "classroom_debrief": "game.ui.scenes.debrief:DebriefScene",
    "tutorial": "game.ui.scenes.tutorial:TutorialScene",
    "charts": "game.ui.scenes.charts:ChartsScene",
    "pause": "game.ui.scenes.pause:PauseScene",
    "confirm": "game.ui.scenes.confirm:ConfirmScene",
    "sound": "game.ui.scenes.sound:SoundScene",
    "lesson": "game.ui.scenes.lesson:LessonScene",
    "classroom": "game.ui.scenes.classroom:ClassroomScene",
    "class_overview": "game.ui.scenes.class_overview:ClassOverviewScene",
}


def scene_class(name: str) -> type[Scene] | None:
    """The class registered as `name`, or None when missing or not importable."""
    target = SCENES.get(name)
    if target is None:
        return None
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return None  # not written yet
        raise
    return getattr(module, attr, None)


def has_scene(name: str) -> bool:
    try:
        return scene_class(name) is not None
    except Exception as exc:  # a broken module reads as unavailable, with a note
        log.warning("scene %s cannot be imported: %s", name, exc)
        return False


def make_scene(name: str, app: App, **kwargs) -> Scene:
    cls = scene_class(name)
    if cls is None:
        raise KeyError(f"no scene named {name!r}")
    return cls(app, **kwargs)
