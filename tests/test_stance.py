"""Stance toward a target: the learned model, the claim rules, and the figure on NewsMTSC dev."""

import json
from pathlib import Path

import numpy
import pytest

from tracker.stance import (CLASSES, MODEL_PATH, NAME, StanceResult, claim_stance, features, is_hedged, load_linear,
                            load_model, model_words, predict_stance, target_probabilities)

NEWSMTSC_DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "stance" / "newsmtsc_dev.jsonl"


def span(text, target):
    """(target, start, end) of the first occurrence of ``target`` in ``text``."""
    start = text.index(target)
    return target, start, start + len(target)


def stance_toward(text, target):
    _, start, end = span(text, target)
    return predict_stance(text, start, end)


def claim(content, cue, *targets):
    return claim_stance(content, cue, [span(content, target) for target in targets])


@pytest.mark.parametrize("text, target, expected", [
    ("The mayor praised the new hospital as a triumph for the city.", "the new hospital", "support"),
    ("The minister was widely admired for her honest and effective leadership.", "The minister", "support"),
    ("Smith is a brilliant and honest leader who has served the town well.", "Smith", "support"),
    ("Critics said the senator's corrupt dealings had disgraced the party.", "the senator", "against"),
    ("The company was fined for lying to regulators and cheating customers.", "The company", "against"),
    ("Smith is a liar and a fraud who has betrayed the town.", "Smith", "against"),
    ("The council met on Tuesday in the town hall.", "The council", None),
])
def test_model_labels_clear_sentences(text, target, expected):
    result = stance_toward(text, target)
    assert result.stance == expected
    assert 0.0 < result.confidence <= 1.0
    assert result.evidence.startswith("model (")


def test_model_evidence_names_the_deciding_words():
    result = stance_toward("Smith is a liar and a fraud who has betrayed the town.", "Smith")
    assert "liar" in result.evidence or "fraud" in result.evidence


def test_stance_depends_on_the_target():
    text = "The governor won praise for her courage, but the mayor was condemned as corrupt and dishonest."
    assert stance_toward(text, "The governor").stance == "support"
    assert stance_toward(text, "the mayor").stance == "against"


@pytest.mark.parametrize("cue, expected", [
    ("condemn", "against"), ("deny", "against"), ("reject", "against"), ("accuse", "against"),
    ("praise", "support"), ("welcome", "support"), ("back", "support"), ("urge", "support"),
    ("lambast", "against"), ("critical", "against"), ("supportive", "support"),
])
def test_cue_polarity_drives_claim_stance(cue, expected):
    result, target = claim("the new housing plan for the harbour district", cue, "the new housing plan")
    assert (result.stance, target) == (expected, "the new housing plan")
    assert cue in result.evidence


def test_neutral_cue_leaves_a_neutral_statement_neutral():
    result, target = claim("the committee will meet again in March", "say", "the committee")
    assert result.stance is None and target == "the committee"


def test_negation_flips_an_evaluation():
    result, target = claim("We don't take Haftar as a legitimate actor anyway,", "say", "Haftar")
    assert (result.stance, target) == ("against", "Haftar")
    assert "legitimate" in result.evidence
    result, _ = claim("The new budget is not a good deal for families", "say", "The new budget")
    assert result.stance == "against"


def test_negated_stance_verb():
    result, _ = claim("the union does not support the merger", "say", "the merger")
    assert (result.stance, result.evidence) == ("against", "negated 'support'")
    result, _ = claim("the union did not criticize the merger", "say", "the merger")
    assert result.evidence.startswith("model")


def test_stance_verb_before_the_target():
    result, target = claim("it backs a ceasefire and political talks", "say", "a ceasefire", "political talks")
    assert (result.stance, target) == ("support", "a ceasefire")


@pytest.mark.parametrize("content, targets, expected_target", [
    ("the rebel commander must withdraw from the port", ("the rebel commander", "the port"), "the rebel commander"),
    ("the port and the airfield should be evacuated by the militia", ("the port", "the airfield", "the militia"),
     "the militia"),
    ("any deal requires the militia to pull back from the border", ("the militia", "the border"), "the militia"),
])
def test_demand_to_give_way_is_against_its_agent(content, targets, expected_target):
    result, target = claim(content, "say", *targets)
    assert (result.stance, target) == ("against", expected_target)
    assert result.evidence.startswith("demand")


def test_rule_evidence_beats_model_only_targets():
    content = "the weather was pleasant, but the governor must resign"
    result, target = claim(content, "say", "the weather", "the governor")
    assert (result.stance, target) == ("against", "the governor")


@pytest.mark.parametrize("content, cue, hedged", [
    ("the plan might work", "say", True),
    ("the minister reportedly resigned", "say", True),
    ("the plan will fail", "believe", True),
    ("the plan will fail", "say", False),
])
def test_hedged_flag(content, cue, hedged):
    result, _ = claim(content, cue, "the plan" if "plan" in content else "the minister")
    assert result.hedged is hedged


def test_no_targets_gives_neutral_and_no_name():
    result, target = claim_stance("It rained all day.", "say", [])
    assert result == StanceResult(stance=None, confidence=0.0, evidence="no target", hedged=False)
    assert target is None


def test_model_file_records_its_source_and_stays_small():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert "NewsMTSC" in data["source"] and "scripts/train_stance.py" in data["source"]
    assert sorted(data["classes"]) == sorted(CLASSES)
    assert MODEL_PATH.stat().st_size < 3_000_000
    assert load_model() is load_model()


def macro_f1(gold, predicted):
    """Macro-F1 (in %) over support, against and neutral, as ../shared/eval/score_stance.py computes it."""
    total = 0.0
    for label in CLASSES:
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label != g for g, p in zip(gold, predicted))
        fn = sum(g == label != p for g, p in zip(gold, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        total += 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return 100 * total / len(CLASSES)


@pytest.mark.skipif(not NEWSMTSC_DEV.exists(), reason="../shared/stance/newsmtsc_dev.jsonl is absent")
def test_newsmtsc_dev_macro_f1_at_least_65():
    rows = [json.loads(line) for line in NEWSMTSC_DEV.read_text(encoding="utf-8").splitlines()]
    gold = [r["stance"] for r in rows]
    by_model = [predict_stance(r["text"], r["target_start"], r["target_end"]).stance for r in rows]
    with_rules = [claim_stance(r["text"], None, [(r["target"], r["target_start"], r["target_end"])])[0].stance
                  for r in rows]
    assert macro_f1(gold, [stance or "neutral" for stance in by_model]) >= 65
    assert macro_f1(gold, [stance or "neutral" for stance in with_rules]) >= 65


def test_a_tiny_training_run_lowers_the_loss_and_exports_what_it_learned(training_script, tmp_path):
    train_claims = training_script("train_claims")
    rows = [({"c_neg": 2.0, "cue:say": 1.0}, "against"), ({"c_pos": 2.0, "cue:say": 1.0}, "support"),
            ({"cue:say": 1.0, "future": 1.0}, "neutral"), ({"c_denial": 1.0, "cue:deny": 1.0}, "deny")] * 4
    examples, labels = [features for features, _ in rows], [label for _, label in rows]
    model = train_claims.Scaled(C=1.0).fit(examples, labels)
    probabilities = model.probabilities(examples)
    truth = [list(model.classifier.classes_).index(label) for label in labels]
    loss = -numpy.mean(numpy.log(probabilities[numpy.arange(len(truth)), truth]))
    assert loss < numpy.log(4) / 2  # well below the loss of knowing nothing (log 4)
    path = tmp_path / "model.json"
    model.export(path, "test")
    exported = load_linear(path)
    for features, row in zip(examples, probabilities):
        assert numpy.allclose(exported.probabilities(features), row, atol=1e-3)


def test_the_month_may_is_no_hedge():
    assert not is_hedged("the bridge reopened in May")
    assert is_hedged("the bridge may reopen") and is_hedged("May it reopen soon?")



@pytest.mark.parametrize("template, names, target", [
    ("{} is a brilliant and honest leader who has served the town well.", ("Mara Quell", "Hope Pelham"), None),
    ("The council said {} had betrayed the harbour workers.", ("Olek Marsh", "Joy Pelham"), None),
    ("Critics said the plan by {} would ruin the harbour.", ("Ida Marsh", "Grace Pelham"), "the plan"),
    ("{} warned that the new toll was a disgrace.", ("Sen. Vell", "Sen. Faith"), "the new toll"),
])
def test_the_model_reads_no_name(template, names, target):
    """Sentences alike but for a person's name, the target's or another's, have the same features and
    probabilities ("Hope", "Joy", "Grace" and "Faith" are lexicon words too; "Olek" and "Vell" are no census
    names, but stand before a surname or after a title, as "Faith" does)."""
    found, probabilities = [], []
    for name in names:
        text = template.format(name)
        _, start, end = span(text, target or name)
        found.append(features(text, start, end))
        probabilities.append(target_probabilities(text, [(start, end)]))
    assert found[0] == found[1]
    assert probabilities[0] == probabilities[1]
    assert not any(feature.split(":")[-1] == part.lower() for feature in found[0] for name in names
                   for part in name.split())


@pytest.mark.parametrize("word", ["Republicans", "Congress", "Iran", "Critics"])
def test_a_capitalised_word_that_is_no_name_is_read_as_itself(word):
    """Parties, institutions, countries and a sentence's first word are words, not NAME."""
    text = f"{word} condemned the toll that Mara Quell proposed."
    assert model_words(text) == [word.lower(), "condemned", "the", "toll", "that", NAME, NAME, "proposed", "."]
    _, start, end = span(text, "the toll")
    assert f"L:{word.lower()}" in features(text, start, end)
