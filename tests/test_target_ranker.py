"""The shipped target ranker (LightGBM, ``tracker/data/stance_targets.json``) on hand-written paragraphs."""

import numpy

from tracker.article import Article
from tracker.extract import statements_of
from tracker.stance import shipped_target_ranker
from tracker.targets import ClaimJudge, ranking_features


def ranked_candidates(extractor, text, words, stance):
    """``[(name, score)]`` of the candidates of the statement whose content holds ``words``, best first, by
    the shipped ranker for a claim of ``stance``, and the features it names for the best one."""
    document, = extractor.annotate([Article(id="t", text=text)])
    index, book, statements = statements_of(document)
    statement = next(s for s in statements if words in index.text[s.start:s.end])
    candidates = ClaimJudge(index, book).candidates(statement)
    ranker = shipped_target_ranker()
    features = [ranking_features(found, stance) for _, found in candidates]
    scores = ranker.scores(features)
    best = int(numpy.argmax(scores))
    ranked = sorted(((target.name, float(score)) for (target, _), score in zip(candidates, scores)),
                    key=lambda pair: -pair[1])
    return ranked, ranker.reasons(features[best])


def test_the_shipped_ranker_picks_the_person_a_claim_attacks(extractor):
    text = ("Governor Ada Lindqvist closed the harbour school in Marrow Bay on Friday.\n\n"
            "Councillor Rui Santos said Lindqvist had betrayed every family in the harbour district.")
    ranked, reasons = ranked_candidates(extractor, text, "betrayed", "against")
    assert len(ranked) > 2 and ranked[0][0] == "Ada Lindqvist"
    assert reasons and {reason.removeprefix("no ") for reason in reasons} <= set(shipped_target_ranker().features)


def test_the_ranker_reads_only_the_features_it_was_trained_on():
    ranker = shipped_target_ranker()
    known = ranker.features[0]
    matrix = ranker.matrix([{known: 2.0, "no such feature": 5.0}, {}])
    assert matrix.shape == (2, len(ranker.features)) and matrix.sum() == 2.0 and matrix[0, 0] == 2.0
