"""The claim model's trees (``tracker/data/stance_claim_trees.json``), weighed in with the linear claim model."""

import numpy

from tracker.article import Article
from tracker.extract import statements_of
from tracker.stance import CLAIM_MODEL_PATH, claim_scores, class_probabilities, load_linear, shipped_claim_trees
from tracker.targets import ClaimJudge, judge_stances

TEXT = ("The port authority approved a new ferry line to Marrow Bay on Monday.\n\n"
        "Councillor Rui Santos said the ferry plan was a disgrace and a waste of public money.\n\n"
        "Teacher Mia Holt said the new line would finally connect the island's children to the school.\n\n"
        "Harbour master Ole Brandt said the first ferry would sail in March.")


def claims_and_inputs(extractor):
    """The statements of ``TEXT``, its index and name book, and each statement's ``(named features, vectors)``."""
    document, = extractor.annotate([Article(id="t", text=TEXT)])
    index, book, statements = statements_of(document)
    judge = ClaimJudge(index, book)
    inputs = [judge.stance_inputs(statement)[1:] for statement in statements]
    return index, book, statements, inputs


def test_each_claims_confidence_weighs_the_trees_with_the_linear_model(extractor):
    trees, linear = shipped_claim_trees(), load_linear(CLAIM_MODEL_PATH)
    assert trees is not None and 0 < trees.weight < 1 and trees.classes == linear.classes
    index, book, statements, inputs = claims_and_inputs(extractor)
    by_hand = numpy.array([(1 - trees.weight) * linear.scores(found, vector)
                           + trees.weight * trees.scores([(found, vector)])[0] for found, vector in inputs])
    assert numpy.allclose(claim_scores(inputs), by_hand)
    judge_stances(index, statements, book)
    modelled = [k for k, s in enumerate(statements) if s.stance.evidence.startswith("model (")]  # not a denial's
    assert len(modelled) >= 3
    assert [round(statements[k].stance.confidence, 6) for k in modelled] == [
        round(float(class_probabilities(by_hand[k]).max()), 6) for k in modelled]


def test_the_trees_change_what_the_linear_model_alone_would_say(extractor):
    linear = load_linear(CLAIM_MODEL_PATH)
    *_, inputs = claims_and_inputs(extractor)
    for (found, vector), scores in zip(inputs, claim_scores(inputs)):
        assert not numpy.allclose(class_probabilities(scores), class_probabilities(linear.scores(found, vector)))


def test_the_trees_score_claims_alike_alone_and_together_and_read_only_known_features(extractor):
    trees = shipped_claim_trees()
    *_, inputs = claims_and_inputs(extractor)
    assert numpy.allclose(trees.scores(inputs), [trees.scores([claim])[0] for claim in inputs])
    found, vector = inputs[0]
    assert numpy.allclose(trees.scores([({**found, "no such feature": 9.0}, vector)]), trees.scores([(found, vector)]))
