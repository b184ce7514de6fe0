"""A clone keeps every field: `clone()` passes them positionally (it is on the AIs' hot
path), so a field added or moved without updating it must fail here, not in a game."""

from dataclasses import fields

from game.engine.state import ActiveEffect, ChipBatch, FactionState, GameState, Outcome


def _faction(side: str, base: float) -> FactionState:
    values = {}
    for i, f in enumerate(fields(FactionState)):
        if f.name == "side":
            values[f.name] = side
        elif f.name == "fleet":
            values[f.name] = [ChipBatch("h100", base + i, 1.0, 0.7, "usa", -1)]
        elif f.name == "energy_pipeline":
            values[f.name] = [(3, base + i)]
        elif f.name == "policies_played":
            values[f.name] = {"p": i}
        elif f.name == "milestones":
            values[f.name] = [f"m{i}"]
        elif f.name in ("run_history", "frontier_history"):
            values[f.name] = [base + i, base + i + 0.5]
        else:
            values[f.name] = base + i  # every number different, so a swap shows
    return FactionState(**values)


def test_a_clone_keeps_every_field_of_the_state_and_its_factions():
    state = GameState(
        level_id="lvl",
        seed=7,
        turn=5,
        rng_state=11,
        factions={"usa": _faction("usa", 100.0), "china": _faction("china", 200.0)},
        effects=[ActiveEffect("card", "usa", "income_growth", "add", 0.1, 9)],
        fired={"e": 2},
        outcome=Outcome("usa", "points", 5),
        si_threshold_log10=29.5,
    )
    twin = state.clone()
    for f in fields(GameState):
        assert getattr(twin, f.name) == getattr(state, f.name), f.name
    for side in ("usa", "china"):
        for f in fields(FactionState):
            mine, theirs = (
                getattr(twin.factions[side], f.name),
                getattr(state.factions[side], f.name),
            )
            assert mine == theirs, (side, f.name)
    assert twin.to_dict() == state.to_dict()
    assert twin.factions["usa"].fleet is not state.factions["usa"].fleet
