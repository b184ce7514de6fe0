"""The quarter's climb in motion, and the sounds that mark its moments.

`ClimbAnimation` turns a `LadderView` into a timeline: both columns climb from last
quarter's height to this one's in `CLIMB_SECONDS` (eased), a rung passed this quarter
flashes as the column reaches it, and when the lead changed hands the gap label pulses
after the climb. `report_cues` says which sound goes with which moment (a milestone passed
by one's own side rises, the rival's falls; the lead changing hands; superintelligence)
from the engine's events of the quarter and the viewer's side, and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable

from game.drawing.ladder import LadderEffects, LadderView
from game.engine import events as ev
from game.ui.motion import Cue, Timeline, ease_out_inverse, pulse

CLIMB_SECONDS = 0.6
FLASH_SECONDS = 0.5
GAP_PULSE_SECONDS = 0.9
#: Which sound wins when several moments fall together (a click, reduced motion).
RANK = {
    "card_policy": 0,
    "milestone_rival": 1,
    "milestone_own": 2,
    "lead_change": 3,
    "superintelligence": 4,
}


def crossing(view: LadderView, side: str, capability: float) -> float:
    """0..1: how far into the climb `side`'s column reaches `capability`."""
    start, end = view.previous[side], view.capability[side]
    if end <= start:
        return 1.0
    return ease_out_inverse((capability - start) / (end - start))


def report_cues(
    view: LadderView,
    events: list,
    viewer: str | None,
    milestone_capability: Callable[[str], float],
    climb: float = CLIMB_SECONDS,
) -> list[Cue]:
    """The sounds of the quarter's report, each at its moment of the climb (in seconds)."""
    cues: list[Cue] = []
    for e in events:
        if isinstance(e, ev.PolicyPlayed) and e.side != viewer:
            cues.append(Cue(0.0, "card_policy", RANK["card_policy"]))
        elif isinstance(e, ev.MilestoneReached):
            sound = "milestone_rival" if viewer and e.side != viewer else "milestone_own"
            at = climb * crossing(view, e.side, milestone_capability(e.milestone))
            cues.append(Cue(at, sound, RANK[sound]))
    if view.lead_changed:
        cues.append(Cue(climb, "lead_change", RANK["lead_change"]))
    if any(view.capability[s] >= 100 > view.previous[s] for s in view.capability):
        cues.append(Cue(climb, "superintelligence", RANK["superintelligence"]))
    return cues


class ClimbAnimation:
    """The report's ladder over time: climb, flashes, the gap's pulse; and its sounds."""

    def __init__(
        self,
        view: LadderView,
        factor: float,
        cues: list[Cue] | None = None,
        play: Callable[[str], None] | None = None,
    ):
        self.view = view
        self.climb = CLIMB_SECONDS * factor
        self.flash_seconds = FLASH_SECONDS * factor
        self.pulse_seconds = GAP_PULSE_SECONDS * factor
        self.crossings = {
            rung.id: min(crossing(view, side, rung.capability) for side in rung.new_by)
            for rung in view.rungs
            if rung.new_by
        }
        length = self.climb
        if self.crossings:
            length = max(length, self.climb * max(self.crossings.values()) + self.flash_seconds)
        if view.lead_changed:
            length = max(length, self.climb + self.pulse_seconds)
        self.timeline = Timeline(length if factor > 0 else 0.0, cues or [], play)

    @property
    def running(self) -> bool:
        return self.timeline.running

    def step(self, dt: float) -> None:
        self.timeline.step(dt)

    def finish(self) -> None:
        self.timeline.finish()

    @property
    def progress(self) -> float:
        """0..1 through the climb (the ladder eases it)."""
        return self.timeline.fraction(0.0, self.climb) if self.timeline.running else 1.0

    def effects(self) -> LadderEffects | None:
        """The flashes and the pulse at this moment; None once everything has settled."""
        if not self.timeline.running:
            return None
        flash = {
            rung: pulse(self.timeline.fraction(self.climb * at, self.flash_seconds), beats=1)
            for rung, at in self.crossings.items()
        }
        gap = 0.0
        if self.view.lead_changed:
            gap = pulse(self.timeline.fraction(self.climb, self.pulse_seconds), beats=2)
        return LadderEffects(flash, gap)
