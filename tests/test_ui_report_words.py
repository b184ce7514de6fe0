"""Words on the replay and the debrief that used to contradict themselves: the header's
quarter and the "What happened in" quarter, "turn 25 of 25", "+−0.58", and a rival's win
painted in the "good" green."""

from __future__ import annotations

import pytest

from game.engine import events as ev
from game.saves.present import event_text
from game.ui.scenes import replay as replay_module
from game.ui.shot import Shot, render_shot


@pytest.mark.parametrize("frame", [24, 10])
def test_the_replay_header_names_the_quarter_its_report_describes(home, monkeypatch, frame):
    drawn: list[str] = []
    real = replay_module.draw_text

    def recording(surface, text, *args, **kwargs):
        drawn.append(text)
        return real(surface, text, *args, **kwargs)

    monkeypatch.setattr(replay_module, "draw_text", recording)
    shot = Shot(turn=24, seed=3, options={"frame": frame})
    render_shot("replay", home / "replay.png", shot=shot)
    match = shot.match
    played = len(match.turns)
    quarter = match.rules.quarter(match.turns[min(frame, played) - 1].turn)
    label = f"Q{quarter[-1]} {quarter[:4]}"
    header = next(text for text in drawn if " · quarter " in text)
    assert header.startswith(f"After {label} · quarter {min(frame, played)} of ")
    assert f"What happened in {label}" in drawn
    assert not any(f"of {played + 1}" in text for text in drawn)


def test_a_talent_loss_reads_minus_not_plus_minus(home):
    shot = Shot(turn=0)
    loss = event_text(shot.rules, ev.TalentHired(side="china", gained=-0.58, spent_bn=1.0))
    gain = event_text(shot.rules, ev.TalentHired(side="china", gained=0.4, spent_bn=1.0))
    assert "+−" not in loss and "−0.58" in loss
    assert "+0.4" in gain
