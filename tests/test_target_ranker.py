"""The shipped target ranker (LightGBM, ``tracker/data/stance_targets.json``) on hand-written paragraphs."""

import json
import math

import numpy

from tracker.article import Article
from tracker.extract import statements_of
from tracker.stance import OCCLUDED, TARGET_MODEL_PATH, shipped_target_ranker
from tracker.targets import ClaimJudge, claim_ranking_features


def ranked_candidates(extractor, text, words, stance):
    """``[(name, score)]`` of the candidates of the statement whose content holds ``words``, best first, by
    the shipped ranker for a claim of ``stance``, the features it names for the best one and the best one's
    features."""
    document, = extractor.annotate([Article(id="t", text=text)])
    index, book, statements = statements_of(document)
    statement = next(s for s in statements if words in index.text[s.start:s.end])
    candidates = ClaimJudge(index, book).candidates(statement)
    ranker = shipped_target_ranker()
    features = claim_ranking_features([found for _, found in candidates], stance)
    scores = ranker.scores(features)
    (best, _, reasons), = ranker.choices([features])
    assert best == int(numpy.argmax(scores))
    ranked = sorted(((target.name, float(score)) for (target, _), score in zip(candidates, scores)),
                    key=lambda pair: -pair[1])
    return ranked, reasons, features[best]


def test_the_shipped_ranker_picks_the_person_a_claim_attacks(extractor):
    text = ("Governor Ada Lindqvist closed the harbour school in Marrow Bay on Friday.\n\n"
            "Councillor Rui Santos said Lindqvist had betrayed every family in the harbour district.")
    ranked, reasons, best = ranked_candidates(extractor, text, "betrayed", "against")
    assert len(ranked) > 2 and ranked[0][0] == "Ada Lindqvist"
    ranker = shipped_target_ranker()
    score, = ranker.scores([best])
    without = []
    for reason in reasons:  # a feature of the chosen candidate, or all the floats of one of its word vectors
        kept = {name: value for name, value in best.items() if name != reason and not name.startswith(reason + ":")}
        assert len(kept) < len(best)
        without.append(ranker.scores([kept])[0])
    assert reasons and all(lower < score for lower in without) and without == sorted(without)  # strongest first


def test_a_choice_is_explained_by_occluding_its_strongest_features_only(extractor, monkeypatch):
    text = ("Governor Ada Lindqvist closed the harbour school in Marrow Bay on Friday.\n\n"
            "Councillor Rui Santos said Lindqvist had betrayed every family in the harbour district.")
    _, reasons, best = ranked_candidates(extractor, text, "betrayed", "against")
    ranker = shipped_target_ranker()
    row = ranker.matrix([best])[0]
    split_on = ranker.booster.feature_importance("split") > 0
    groups = {ranker._group_names[g] for g in ranker._group_of[numpy.flatnonzero(row * split_on)]}
    assert len(groups) > OCCLUDED  # more features than are occluded: the choice of which ones matters
    gains = dict(zip(ranker.features, ranker.booster.feature_importance("gain")))
    gain = {group: sum(v for name, v in gains.items() if name == group or name.startswith(group + ":"))
            for group in groups}
    strongest = sorted(groups, key=lambda group: -gain[group])[:OCCLUDED]
    calls = []
    predict = ranker.booster.predict
    monkeypatch.setattr(ranker.booster, "predict", lambda rows, **kw: calls.append(len(rows)) or predict(rows, **kw))
    (_, _, again), = ranker.choices([[best]])
    assert calls == [1, OCCLUDED]  # the candidate, then one row for each occluded feature
    assert again == reasons and set(reasons) <= set(strongest)


def test_the_ranker_reads_only_the_features_it_was_trained_on():
    ranker = shipped_target_ranker()
    known = ranker.features[0]
    matrix = ranker.matrix([{known: 2.0, "no such feature": 5.0}, {}])
    assert matrix.shape == (2, len(ranker.features)) and matrix.sum() == 2.0 and matrix[0, 0] == 2.0


def test_one_ranking_of_several_claims_chooses_as_one_ranking_each(extractor):
    text = ("Governor Ada Lindqvist closed the harbour school in Marrow Bay on Friday.\n\n"
            "Councillor Rui Santos said Lindqvist had betrayed every family in the harbour district.\n\n"
            "Teacher Mia Holt said the new ferry plan of the port authority was a blessing for the bay.")
    document, = extractor.annotate([Article(id="t", text=text)])
    index, book, statements = statements_of(document)
    judge, ranker = ClaimJudge(index, book), shipped_target_ranker()
    claims = [claim_ranking_features([found for _, found in judge.candidates(statement)], stance)
              for statement, stance in zip(statements, ("against", "support"))]
    assert len(claims) == 2 and min(len(candidates) for candidates in claims) > 1
    together = ranker.choices(claims)
    assert together == [ranker.choices([candidates])[0] for candidates in claims]
    assert [best for best, _, _ in together] == [int(numpy.argmax(ranker.scores(c))) for c in claims]


def test_training_chooses_the_floor_below_which_a_choice_is_mostly_wrong(training_script):
    train_claims = training_script("train_claims")
    # scores of the best candidate: at 2.0 right 9 times in 10, at 0.5 right half the time, at -1.5 right 1 in 20
    outcomes = [(2.0, True)] * 9 + [(2.0, False)] + [(0.5, True)] * 5 + [(0.5, False)] * 5 \
        + [(-1.5, True)] + [(-1.5, False)] * 19
    rows = [{"stance": "against", "target": "Harbour Board", "candidates": []} for _ in outcomes]
    best = [{"against": ("Harbour Board" if right else "ferry", score)} for score, right in outcomes]
    floor = train_claims.choose_floor(rows, best)
    assert -1.5 < floor <= 0.5
    chosen = train_claims.with_floor(best, floor)
    assert sum(c["against"] is None for c in chosen) == 20 and chosen[0]["against"] == "Harbour Board"


def test_the_shipped_ranker_carries_the_floor_its_training_chose():
    data = json.loads(TARGET_MODEL_PATH.read_text(encoding="utf-8"))
    assert shipped_target_ranker().floor == data["floor"] > -math.inf


def test_each_candidate_is_measured_against_the_claims_best(candidates_of):
    text = ("Governor Ada Lindqvist closed the harbour school. Lindqvist spoke for an hour.\n\n"
            "Councillor Rui Santos said Lindqvist had betrayed every family in Marrow Bay.")
    candidates = candidates_of(text, "betrayed")
    features = dict(zip(candidates, claim_ranking_features(list(candidates.values()), "against")))
    assert features["Ada Lindqvist"]["mentions_below_best"] == 0.0
    assert features["Marrow Bay"]["mentions_below_best"] > 0.0
    assert min(found["content_cosine_below_best"] for found in features.values()) == 0.0
