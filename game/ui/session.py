"""The game being played on screen: the controller between the scenes and the engine.

`GameSession` holds the loaded level, the rules and the `Match`, knows which sides are
human and which are AIs, collects both sides' decisions for the quarter (humans through
`submit`, AIs through a background task started as soon as the quarter begins) and
resolves the quarter once both are in. It never loops and never blocks: scenes call
`poll()` from their `update()`. It imports no pygame, so it is tested on its own.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field

from game.ai.worker import ThinkingTask
from game.engine import GameEvent, Rules, compile_rules, other, view_for
from game.levels.loader import LoadedLevel
from game.levels.model import SIDES
from game.match import Match, TurnRecord, player_rng
from game.players.base import Decision, Player

log = logging.getLogger(__name__)

MODES = ("hotseat", "vs_ai", "ai_demo")
DIFFICULTIES = ("easy", "normal", "hard")
FALLBACK_PLAYER = "greedy"
SAVE_MODE = {"hotseat": "hotseat", "vs_ai": "vs_ai", "ai_demo": "ai_vs_ai"}
MAX_SEED = 999_999


def random_seed() -> int:
    """A fresh seed a class can read aloud and type in (six digits at most)."""
    return random.SystemRandom().randint(1, MAX_SEED)


def make_ai(difficulty: str) -> Player:
    """The AI for `difficulty`, or the greedy player if that name is not available."""
    from game.players.registry import UnknownPlayer, make_player

    try:
        return make_player(difficulty)
    except UnknownPlayer as exc:  # a name from an old settings file: still playable
        log.warning("AI %r not available (%s); using %s", difficulty, exc, FALLBACK_PLAYER)
        return make_player(FALLBACK_PLAYER)


def human_sides_for(mode: str, side: str) -> tuple[str, ...]:
    if mode == "hotseat":
        return SIDES
    if mode == "vs_ai":
        return (side,)
    return ()


@dataclass
class GameSession:
    loaded: LoadedLevel
    mode: str
    humans: tuple[str, ...]
    difficulty: str
    seed: int
    rules: Rules
    match: Match
    players: dict[str, Player] = field(default_factory=dict)
    pending: dict[str, Decision] = field(default_factory=dict)
    tasks: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    autosaved: int = 0
    autosave_failures: int = 0
    group: str = ""  # the pupils' group name in a lesson; names the save file
    save_slot: str | None = None  # this game's own save file (stem), chosen at the first save
    lesson: object = None  # a `game.lessons.LessonRun` when started from a lesson file
    _rngs: dict = field(default_factory=dict, repr=False)

    @classmethod
    def new(
        cls,
        loaded: LoadedLevel,
        mode: str = "vs_ai",
        side: str = "usa",
        difficulty: str = "normal",
        seed: int | None = None,
        rules: Rules | None = None,
        match: Match | None = None,
    ) -> GameSession:
        """A new game (or one continued from `match`); AIs start thinking at once."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        rules = rules or compile_rules(loaded.level)
        seed = random_seed() if seed is None else seed
        match = match or Match.start(rules, seed)
        humans = human_sides_for(mode, side)
        session = cls(loaded, mode, humans, difficulty, match.seed, rules, match)
        session.players = {s: make_ai(difficulty) for s in SIDES if s not in humans}
        session._rngs = {s: player_rng(match.seed, s) for s in SIDES}
        session.begin_quarter()
        return session

    # --- who plays ------------------------------------------------------------------
    def is_human(self, side: str) -> bool:
        return side in self.humans

    @property
    def hotseat(self) -> bool:
        return len(self.humans) == 2

    @property
    def viewer(self) -> str | None:
        """The side whose eyes the shared screens use: the one human, else None."""
        return self.humans[0] if len(self.humans) == 1 else None

    @property
    def finished(self) -> bool:
        return self.match.finished

    @property
    def turn(self) -> int:
        return self.match.state.turn

    def quarter(self, turn: int | None = None) -> str:
        return self.rules.quarter(self.turn if turn is None else turn)

    def player_name(self, side: str) -> str:
        if self.is_human(side):
            return "human"
        # A session built without its AIs (a screenshot's) names the AI by its difficulty.
        return getattr(self.players.get(side), "name", self.difficulty)

    # --- one quarter ------------------------------------------------------------------
    def begin_quarter(self) -> None:
        """Forget last quarter's decisions and let every AI start thinking."""
        self.pending.clear()
        self.cancel()
        if self.finished:
            return
        for side, player in self.players.items():
            view = view_for(self.rules, self.match.state, side)
            self.tasks[side] = ThinkingTask(player, self.rules, view, self._rngs[side])

    def restart_thinking(self) -> None:
        """After a pause: AIs whose orders are not in yet think again; sent orders stay."""
        self.cancel()
        if self.finished:
            return
        for side, player in self.players.items():
            if side not in self.pending:
                view = view_for(self.rules, self.match.state, side)
                self.tasks[side] = ThinkingTask(player, self.rules, view, self._rngs[side])

    def waiting_for_humans(self) -> list[str]:
        """Human sides that still have to give orders this quarter, in play order."""
        return [s for s in SIDES if s in self.humans and s not in self.pending]

    def thinking(self) -> list[str]:
        """AI sides still deciding."""
        return [s for s in self.tasks if s not in self.pending]

    def submit(self, side: str, decision: Decision) -> None:
        """A human's orders for this quarter (the turn screen has checked them)."""
        if not self.is_human(side):
            raise ValueError(f"{side} is not played by a human")
        self.pending[side] = decision

    def poll(self) -> bool:
        """Collect finished AI decisions; True once both sides' orders are in."""
        for side, task in list(self.tasks.items()):
            if side in self.pending or not task.done():
                continue
            try:
                self.pending[side] = task.result()
            except Exception as exc:  # a broken AI must not end the game
                log.exception("AI for %s failed; playing greedy this quarter", side)
                self.errors.append(f"{side}: {exc}")
                self.pending[side] = self._fallback(side)
            del self.tasks[side]
        return self.ready()

    def ready(self) -> bool:
        return not self.finished and all(s in self.pending for s in SIDES)

    def resolve(self) -> list[GameEvent]:
        """Play the quarter with both decisions, autosave, and start the next quarter."""
        if not self.ready():
            raise RuntimeError("both sides must decide before the quarter is resolved")
        events = self.match.play_turn(dict(self.pending))
        self.autosave()
        self.begin_quarter()
        return events

    def cancel(self) -> None:
        """Stop waiting for AIs (leaving the game, or a new quarter)."""
        for task in self.tasks.values():
            task.cancel()
        self.tasks.clear()

    def stand_in(self, side: str) -> Decision:
        """Orders a simple AI would give for `side` now (when no turn screen is available)."""
        return self._fallback(side)

    def _fallback(self, side: str) -> Decision:
        from game.players.registry import make_player

        view = view_for(self.rules, self.match.state, side)
        return make_player(FALLBACK_PLAYER).decide(self.rules, view, self._rngs[side])

    def switch_level(self, loaded: LoadedLevel) -> None:
        """Go on under a changed level (designer hot reload) as a new branch of this game.

        The orders so far are replayed under the new rules (`Match.replayed_under`), so the
        autosave written now replays too; then this quarter starts over. Raises
        `IllegalOrders` when the new level refuses an order already given, changing nothing.
        """
        rules = compile_rules(loaded.level)
        match = self.match.replayed_under(rules)
        self.cancel()
        self.loaded, self.rules, self.match = loaded, rules, match
        self.autosave()
        self.begin_quarter()

    # --- history ----------------------------------------------------------------------
    @property
    def last_record(self) -> TurnRecord | None:
        return self.match.turns[-1] if self.match.turns else None

    def explanation(self, side: str, record: TurnRecord | None = None) -> str | None:
        """The AI's one-sentence reason for its orders in `record` (default: last quarter)."""
        record = record or self.last_record
        if record is None or self.is_human(side):
            return None
        code, params = record.explanations.get(side, (None, {}))
        if not code:
            return None
        from game.ai.explain import explain_for_reader

        return explain_for_reader(code, params or {})

    def autosave(self) -> None:
        """Write this game to its own save file (never over another game's); never
        interrupts play."""
        from game.paths import saves_dir
        from game.saves.slots import autosave_match

        players = {s: self.player_name(s) for s in SIDES}
        folder = saves_dir()
        try:
            mode = SAVE_MODE[self.mode]
            path = autosave_match(
                self.match,
                self.loaded,
                mode,
                players,
                folder=folder,
                slot=self.save_slot,
                group=self.group,
            )
            if path is not None:
                self.save_slot = path.stem  # every later quarter goes to the same file
                self.autosaved += 1
                return
        except Exception:  # an autosave must never stop the game
            log.exception("autosave failed")
        self.autosave_failures += 1
        if self.autosave_failures == 1:  # said once per game, not every quarter
            from game.i18n import t
            from game.ui import notices

            notices.post(t("saves.autosave_failed", folder=str(folder)))

    def rival(self, side: str) -> str:
        return other(side)
