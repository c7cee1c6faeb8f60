"""The learned check on the rules' proposals: its features, its training script, and its place in the finder."""

import pytest

from tracker.article import Article
from tracker.attribution.classifier import Classifier, features, shipped_classifier
from tracker.attribution.finder import find_attributions
from tracker.document import ArticleIndex


def test_features_name_the_rule_the_cue_and_the_speaker(extractor):
    text = "The minister said on Monday that the bridge would open in May."
    document, = extractor.annotate([Article(id="t", text=text)])
    index = ArticleIndex(document)
    attribution, = find_attributions(index, classifier=None)
    names = features(index, attribution)
    assert {"rule=ccomp", "lemma=say", "kind=indirect", "cue.before", "speaker.before"} <= names
    assert "speaker=none" not in names


def test_the_classifier_keeps_what_reaches_its_threshold():
    classifier = Classifier({"rule=ccomp": 2.0, "rule=object": -2.0}, intercept=0.0, threshold=0.5)
    assert classifier.keeps({"rule=ccomp"}) and not classifier.keeps({"rule=object"})
    assert classifier.probability(set()) == 0.5


def test_the_finder_drops_what_its_classifier_rejects(seed_sample):
    _, document, _ = seed_sample
    index = ArticleIndex(document)
    everything = find_attributions(index, classifier=None)
    nothing = find_attributions(index, classifier=Classifier({}, intercept=-5.0, threshold=0.5),
                                span_model=None)
    assert everything and nothing == []


def test_the_shipped_model_loads_and_keeps_most_of_the_seed(seed_sample):
    _, document, gold = seed_sample
    classifier = shipped_classifier()
    assert classifier is not None and 0 < classifier.threshold < 1
    index = ArticleIndex(document)
    kept = find_attributions(index)
    assert len(gold) - 2 <= len(kept) <= len(find_attributions(index, classifier=None))


def test_training_on_a_sample_ranks_right_proposals_above_wrong_ones(seed_sample, training_script):
    train = training_script("train_attribution")
    article, document, gold = seed_sample
    rows = train.proposals([(article, document)], {article.id: gold})
    labels = [row[2] for row in rows]
    assert 0 < sum(labels) < len(labels)  # the seed's proposals include false alarms
    train_rows = rows * train.MIN_ROWS  # every feature reaches the minimum count
    weights, intercept = train.fit(train_rows, c=1.0)
    judged = [train.probability(weights, intercept, row[1]) for row in rows]
    right = [p for p, y in zip(judged, labels) if y]
    wrong = [p for p, y in zip(judged, labels) if not y]
    assert min(right) > max(wrong) or sum(right) / len(right) > sum(wrong) / len(wrong) + 0.2


@pytest.mark.parametrize("text, proposal", [("The council maintained the old road.", "the old road"),
                                            ("The mayor relied on the budget.", "the budget")])
def test_the_shipped_model_rejects_a_cue_used_in_another_sense(extractor, text, proposal):
    index = ArticleIndex(extractor.annotate([Article(id="t", text=text)])[0])
    assert [text[a.start:a.end] for a in find_attributions(index, classifier=None)] == [proposal]
    assert find_attributions(index) == []  # the rules propose it, the model turns it down
