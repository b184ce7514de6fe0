"""Every reason the AI can give has words in English and German, and decisions carry one."""

from __future__ import annotations

import pytest
import yaml
from level_factory import make_rules

from game.ai import EasyAI, HardAI, NormalAI, explain
from game.ai.explain import I18N_DIR
from game.ai.reasons import REASON_CODES
from game.engine import new_game, view_for
from game.engine.rng import Rng
from game.match import play_game


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_code_has_words(lang):
    data = yaml.load((I18N_DIR / lang / "ai.yaml").read_text("utf-8"), Loader=yaml.SafeLoader)
    for code in REASON_CODES:
        assert str(data["ai"].get(code, "")).strip(), f"{lang}/ai.yaml lacks {code}"


def test_german_is_really_german():
    text = explain("talent_build+search", {"talent": 30, "rollouts": 50, "win": 70}, "de")
    assert "Forschende" in text and "ü" in text
    assert text != explain("talent_build+search", {"talent": 30, "rollouts": 50, "win": 70})


@pytest.mark.parametrize("lang", ["en", "de"])
def test_decisions_in_a_whole_game_read_as_sentences(lang):
    rules = make_rules()
    players = {"usa": NormalAI(), "china": HardAI(think_ms=None, iterations=6)}
    match = play_game(rules, players, 3)
    for record in match.turns:
        for code, params in record.explanations.values():
            text = explain(code, params, lang)
            assert len(text) > 20
            assert "{" not in text and "}" not in text


def test_policy_titles_follow_the_reader_language():
    rules = make_rules()
    view = view_for(rules, new_game(rules, 1), "usa")
    decision = EasyAI().decide(rules, view, Rng(1))
    if decision.orders.policy:
        assert "Boost" in explain(decision.explanation, decision.explanation_params, "de")
    assert explain(None, {}, "en") == ""
    assert explain("train_ahead", {"months": 3, "models": 40}, "fr").startswith("We lead")
