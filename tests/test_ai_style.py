"""A level can tune the AI's style in YAML (`factions.<side>.ai`), and it shows in play."""

from __future__ import annotations

from level_factory import make_rules

from game.ai import EasyAI, NormalAI
from game.ai.style import style_for
from game.engine import new_game, view_for
from game.engine.rng import Rng


def _with_style(**weights):
    def mutate(data):
        data["factions"]["usa"]["ai"] = weights

    return make_rules(mutate)


def test_no_style_means_the_defaults():
    style = style_for(make_rules(), "usa")
    assert (style.chips, style.talent, style.policies, style.prefer) == (1.0, 1.0, 1.0, {})


def test_a_level_can_switch_off_talent_and_policies():
    rules = _with_style(talent=0.0, policies=0.0, **{"prefer.boost": 0.0, "future_knob": 3.0})
    view = view_for(rules, new_game(rules, 1), "usa")
    for ai in (EasyAI(), NormalAI()):
        decision = ai.decide(rules, view, Rng(1))
        assert decision.orders.allocation.talent == 0.0
        assert decision.orders.policy is None


def test_policy_appetite_lets_it_play_a_dear_policy():
    def dear(data):
        data["policies"][0]["cost_bn"]["value"] = 40.0

    plain = make_rules(dear)
    keen = make_rules(lambda d: (dear(d), d["factions"]["usa"].update(ai={"policies": 5.0})))
    for rules, expected in ((plain, None), (keen, "boost")):
        view = view_for(rules, new_game(rules, 1), "usa")
        assert EasyAI().decide(rules, view, Rng(1)).orders.policy == expected
