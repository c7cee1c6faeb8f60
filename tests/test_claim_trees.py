"""The claim model's trees (``tracker/data/stance_claim_trees.json``), weighed in with the linear claim model."""

import numpy

from tracker.article import Article
from tracker.extract import statements_of
from tracker.stance import CLAIM_MODEL_PATH, class_probabilities, load_linear, shipped_claim_trees
from tracker.targets import ClaimJudge, judge_stances

TEXT = ("The port authority approved a new ferry line to Marrow Bay on Monday.\n\n"
        "Councillor Rui Santos said the ferry plan was a disgrace and a waste of public money.\n\n"
        "Teacher Mia Holt said the new line would finally connect the island's children to the school.\n\n"
        "Harbour master Ole Brandt said the first ferry would sail in March.")


def test_each_claims_confidence_weighs_the_trees_with_the_linear_model(extractor):
    trees, linear = shipped_claim_trees(), load_linear(CLAIM_MODEL_PATH)
    assert trees is not None and 0 < trees.weight < 1 and trees.classes == linear.classes
    document, = extractor.annotate([Article(id="t", text=TEXT)])
    index, book, statements = statements_of(document)
    judge = ClaimJudge(index, book)
    expected = []
    for statement in statements:
        found = judge.stance_features(statement, [target for target, _ in judge.listed_candidates(statement)])
        vector = judge.dense(statement)
        blended = trees.blended(linear, found, vector)
        assert numpy.allclose(blended, (1 - trees.weight) * linear.scores(found, vector)
                              + trees.weight * trees.scores(found, vector))
        expected.append(float(class_probabilities(blended).max()))
    judge_stances(index, statements, book)
    modelled = [k for k, s in enumerate(statements) if s.stance.evidence.startswith("model (")]  # not a denial's
    assert len(modelled) >= 3
    assert [round(statements[k].stance.confidence, 6) for k in modelled] == [round(expected[k], 6) for k in modelled]


def test_the_trees_change_what_the_linear_model_alone_would_say(extractor):
    trees, linear = shipped_claim_trees(), load_linear(CLAIM_MODEL_PATH)
    document, = extractor.annotate([Article(id="t", text=TEXT)])
    index, book, statements = statements_of(document)
    judge = ClaimJudge(index, book)
    for statement in statements:
        found = judge.stance_features(statement, [target for target, _ in judge.listed_candidates(statement)])
        vector = judge.dense(statement)
        assert not numpy.allclose(class_probabilities(trees.blended(linear, found, vector)),
                                  class_probabilities(linear.scores(found, vector)))


def test_the_trees_read_only_the_features_they_were_trained_on():
    trees = shipped_claim_trees()
    known = trees.features[0]
    width = trees.booster.num_feature() - len(trees.features)  # the word vector's floats come last
    vector = numpy.zeros(width)
    assert numpy.allclose(trees.scores({known: 1.0, "no such feature": 9.0}, vector), trees.scores({known: 1.0}, vector))
