"""`normal` weighs a policy against the split it is played with.

It used to try every policy only with its default plan while the best split without a
policy was another variant, so a clearly helpful card lost to a better split rather than
to "no card" and the USA played no card for most of a game.
"""

from shipped import main_level

from game.ai.candidates import candidates
from game.ai.easy import DEFAULT_KNOBS
from game.ai.normal import NormalAI, ranked
from game.ai.style import style_for
from game.engine import compile_rules, view_for
from game.engine.rng import Rng
from game.engine.setup import new_game
from game.levels.loader import load_level
from game.levels.model import Effect


def _level_with_a_free_gift():
    level = load_level(main_level()).level
    template = next(p for p in level.policies if p.side == "usa")
    gift = template.model_copy(
        update={
            "id": "usa_free_gift",
            "cost_bn": template.cost_bn.model_copy(update={"value": 0.0}),
            "requires": type(template.requires)(),
            "effects": [Effect(target="algo_efficiency", op="multiply", value=1.3, side="self")],
        }
    )
    china = [p for p in level.policies if p.side == "china"]
    # China copies none of the gift: with distillation a higher US model can lift China over
    # a rung inside the lookahead, and this test is about pairing cards with splits.
    factions = dict(level.factions)
    params = factions["china"].params
    params = params.model_copy(
        update={"distillation": params.distillation.model_copy(update={"value": 0.0})}
    )
    factions["china"] = factions["china"].model_copy(update={"params": params})
    # the gift is the USA's only card
    return level.model_copy(update={"policies": [gift, *china], "factions": factions})


def test_a_free_helpful_card_is_played_even_when_another_split_beats_the_default_plan():
    rules = compile_rules(_level_with_a_free_gift())
    state = new_game(rules, 5)
    style = style_for(rules, "usa")
    splits = candidates(rules, state, "usa", DEFAULT_KNOBS, style, max_policies=0)
    dice = Rng(5).randrange(1 << 62)  # the seed `decide` draws from Rng(5)
    _, best = ranked(rules, state, "usa", splits, style, dice)[0]
    assert best != 0, "the position must be one where a variant beats the default plan"
    decision = NormalAI().decide(rules, view_for(rules, state, "usa"), Rng(5))
    assert decision.orders.policy == "usa_free_gift"
