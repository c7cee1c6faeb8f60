"""A linear model scores many rows in one product: the NewsMTSC model a claim's candidate targets, the claim
model an article's claims; each row's figures are those it has scored alone."""

import numpy

from tracker.stance import CLAIM_MODEL_PATH, features, load_linear, load_model, target_probabilities

TEXT = "The union said the harbour toll was a disgrace and the new ferry plan would help the island's families."
TARGETS = ["union", "harbour toll", "new ferry plan", "island"]


def test_the_targets_of_a_content_are_scored_at_once_as_each_alone():
    model = load_model()
    spans = [(TEXT.index(target), TEXT.index(target) + len(target)) for target in TARGETS]
    together = target_probabilities(TEXT, spans)
    assert len(together) == len(TARGETS)
    for (start, end), probabilities in zip(spans, together):
        alone = model.probabilities(features(TEXT, start, end))
        assert set(probabilities) == set(model.classes)
        assert numpy.allclose([probabilities[label] for label in model.classes], alone, rtol=0, atol=1e-12)
    # the toll called a disgrace and the plan that helps do not read alike
    assert together[1]["against"] > together[2]["against"]


def test_a_model_with_word_vectors_scores_rows_as_each_alone():
    model = load_linear(CLAIM_MODEL_PATH)
    rows = [{"cue:say": 1.0, "kind:direct": 1.0}, {"cue:condemn": 1.0, "w:disgrace": 1.0}, {"no such feature": 2.0}]
    vectors = numpy.random.default_rng(0).normal(size=(len(rows), model.dense.shape[0])).astype(numpy.float32)
    together = model.scores_of(rows, list(vectors))  # the vectors' product is float32: alike to 1e-5
    assert together.shape == (len(rows), len(model.classes))
    for row, vector, scores in zip(rows, vectors, together):
        assert numpy.allclose(scores, model.intercept + model.contributions(row)[1].sum(axis=0) + vector @ model.dense,
                              rtol=0, atol=1e-5)
    assert numpy.allclose(together[2], model.intercept + vectors[2] @ model.dense, rtol=0, atol=1e-5)  # unknown: none
