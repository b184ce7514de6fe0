"""`python -m game shot SCENE --out FILE.png`: any scene rendered headless to a PNG.

The scene is looked up in the scene registry (game/ui/scenes/__init__.py) and built with
`SceneClass.for_shot(app, shot)`; `shot` carries the level, the seed and a `Match` after
`turn` quarters of greedy-vs-greedy play, computed only when a scene asks for it. Scenes
that need more set-up (turn, curtain, resolution, debrief, setup, …) override `for_shot`;
`--opt KEY=VALUE` passes scene settings (`SHOT_OPTIONS`), e.g. `--opt phase=report`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from game.levels.locations import MAIN_LEVEL

DEFAULT_LEVEL = str(MAIN_LEVEL)
#: Every scene `shot` can render, in the order a player meets them (the scene registry,
#: game/ui/scenes/__init__.py, may hold more; those render too if they have `for_shot`).
SHOT_SCENES = (
    "menu",
    "setup",
    "tutorial",
    "turn",
    "pause",
    "confirm",
    "charts",
    "curtain",
    "resolution",
    "end",
    "debrief",
    "classroom_debrief",
    "classroom",
    "class_overview",
    "sources",
    "load",
    "continue",
    "replay",
    "compare",
    "settings",
    "help",
    "level-errors",
    "reload",
    "crash",
)
#: `--opt KEY=VALUE` settings the scenes read (anything else is ignored).
SHOT_OPTIONS = {
    "turn": "page=decide|race, side=usa|china",
    "setup": "difficulty=easy|normal|hard (the hint shown for it)",
    "resolution": "phase=report, mode=hotseat, motion=N (N/100 s into the card's slide or climb)",
    "pause": "page=main|save|confirm",
    "help": "over=turn|resolution|curtain|menu (the keys of that screen first)",
    "curtain": "covered=false (the recap)",
    "classroom_debrief": "tab=chart|decisions|timeline|questions",
    "sources": "area=chips|energy|talent|money|models|events|policies",
    "tutorial": "step=N",
    "replay": "frame=N",
}


def shot_scenes() -> list[str]:
    """`SHOT_SCENES` plus any other registered scene, for the help text and errors."""
    from game.ui.scenes import SCENES

    return [*SHOT_SCENES, *(name for name in SCENES if name not in SHOT_SCENES)]


def parse_option(text: str) -> tuple[str, object]:
    """'frame=3' → ('frame', 3); 'covered=false' → ('covered', False); else a string."""
    key, _, raw = text.partition("=")
    value: object = raw
    if raw.lower() in ("true", "false"):
        value = raw.lower() == "true"
    elif raw.lstrip("-").isdigit():
        value = int(raw)
    return key.strip(), value


@dataclass
class Shot:
    """What a scene may need to draw itself for a screenshot."""

    level_path: str = DEFAULT_LEVEL
    turn: int = 0
    seed: int = 1
    lang: str = "en"
    scale: float = 1.0
    options: dict = field(default_factory=dict)

    @cached_property
    def loaded(self):
        """The `LoadedLevel` (raises `LevelError` when the level is broken)."""
        from game.levels.loader import load_level

        return load_level(self.level_path)

    @cached_property
    def rules(self):
        from game.engine import compile_rules

        return compile_rules(self.loaded.level)

    @cached_property
    def match(self):
        """A `Match` after `turn` quarters of greedy vs greedy (fewer if the game ends)."""
        from game.engine import view_for
        from game.levels.model import SIDES
        from game.match import Match, player_rng
        from game.players.registry import make_player

        match = Match.start(self.rules, self.seed)
        players = {side: make_player("greedy") for side in SIDES}
        rngs = {side: player_rng(self.seed, side) for side in SIDES}
        while len(match.turns) < self.turn and not match.finished:
            decisions = {
                side: players[side].decide(
                    self.rules, view_for(self.rules, match.state, side), rngs[side]
                )
                for side in SIDES
            }
            match.play_turn(decisions)
        return match


def render_shot(
    scene: str,
    out: str | Path,
    *,
    shot: Shot | None = None,
    size: tuple[int, int] = (1280, 720),
    frames: int = 3,
):
    """Render `scene` into a PNG at `out`; returns the App (for tests to inspect)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.ui.runtime import App
    from game.ui.scenes import scene_class
    from game.ui.settings import Settings

    shot = shot or Shot()
    cls = scene_class(scene)
    if cls is None:
        raise KeyError(f"no scene named {scene!r}; try one of: {', '.join(shot_scenes())}")
    settings = Settings(language=shot.lang, ui_scale=shot.scale)
    app = App(settings=settings, size=size, persist=False)
    built = cls.for_shot(app, shot) if hasattr(cls, "for_shot") else cls(app)
    app.push(built)
    for _ in range(frames):
        app.step([], dt=1 / 60)
        pygame.event.clear()
    top = app.stack.top
    if top is not built and top is not None and top.name == "crash":
        raise RuntimeError(f"scene {scene!r} crashed; see {app.last_crash_log}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(app.window, str(out))
    return app


def parse_size(text: str) -> tuple[int, int]:
    w, _, h = text.lower().partition("x")
    return int(w), int(h)


def cmd_shot(args) -> int:
    """The `shot` subcommand; prints the PNG path, or a plain message on failure."""
    import sys

    from game.levels.diagnostics import LevelError

    shot = Shot(
        level_path=args.level or DEFAULT_LEVEL,
        turn=args.turn,
        seed=args.seed,
        lang=args.lang,
        scale=args.scale,
        options=dict(parse_option(text) for text in args.opt or ()),
    )
    try:
        render_shot(args.scene, args.out, shot=shot, size=parse_size(args.size))
    except KeyError as exc:
        print(f"shot: {exc.args[0]}", file=sys.stderr)
        return 2
    except LevelError as exc:
        print(f"shot: the level has problems:\n{exc}", file=sys.stderr)
        return 1
    except RuntimeError as exc:
        print(f"shot: {exc}", file=sys.stderr)
        return 1
    print(args.out)
    return 0


def add_shot_parser(sub) -> None:
    """Register `shot` on the CLI's subparsers."""
    options = "; ".join(f"{scene}: {text}" for scene, text in SHOT_OPTIONS.items())
    p = sub.add_parser(
        "shot",
        help="render one scene headless to a PNG",
        description="Render one scene headless (SDL dummy driver) after --turn quarters of "
        "greedy-vs-greedy play and write a PNG.",
    )
    p.add_argument("scene", help="one of: " + ", ".join(SHOT_SCENES))
    p.add_argument("--out", required=True, help="PNG file to write")
    p.add_argument("--lang", choices=("en", "de"), default="en")
    p.add_argument("--scale", type=float, default=1.0, help="UI scale 1.0–2.0")
    p.add_argument("--level", help="level file (default: the main level)")
    p.add_argument("--turn", type=int, default=0, help="quarters of AI-vs-AI play first")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--size", default="1280x720", help="window size WxH")
    p.add_argument(
        "--opt",
        action="append",
        metavar="KEY=VALUE",
        help=f"a scene setting, repeatable ({options})",
    )
