"""The neural tagger learns from the gold: trained on the seed article, it tags its quotations as content."""

import random

import pytest

from tracker.attribution.neural import BIO_LABELS, sentence_inputs
from tracker.document import ArticleIndex


def trained(training_script, seed_sample, scramble=False):
    """A tiny neural tagger trained on the seed article (with ``scramble``, on shuffled labels), its losses and
    the seed's index and rule attributions."""
    train_tagger = training_script("train_tagger")
    script = training_script("train_neural_tagger")
    article, document, quotes = seed_sample
    rows = train_tagger.articles([(article, document)], {article.id: quotes}, sentence_inputs)
    if scramble:
        rng = random.Random(1)
        rows = [(aid, index, found, [(inputs, [rng.choice(BIO_LABELS) for _ in labels]) for inputs, labels in row])
                for aid, index, found, row in rows]
    losses = []
    tagger = script.fit(rows, epochs=12, losses=losses, batch=16)
    _, index, found, _ = rows[0]
    return tagger, losses, index, found


@pytest.fixture(scope="module")
def seed_tagger(training_script, seed_sample):
    """``trained`` on the seed's own labels, once for the module."""
    return trained(training_script, seed_sample)


def quoted_content_words(training_script, seed_sample):
    """The words of the seed inside both a quotation and a gold content, as ``(sentence, position)``."""
    train_tagger = training_script("train_tagger")
    article, document, quotes = seed_sample
    index = ArticleIndex(document)
    gold = train_tagger.gold_marks(quotes)
    return {(tree.index, i) for tree in index.trees for i, w in enumerate(tree.words)
            if w.upos != "PUNCT" and index.in_quotation(w.start_char) and gold.get(w.start_char, ("O",))[0] == "C"}


def tagged_content(tagger, index, found):
    """The ``(sentence, position)`` of the words ``tagger`` labels content."""
    from tracker.attribution.tagger import rule_marks

    marks = rule_marks(found)
    return {(tree.index, i) for tree in index.trees
            for i, label in enumerate(tagger.tag(tagger.inputs(index, tree, marks))[0]) if label.endswith("-C")}


def test_the_loss_falls_and_quotations_are_tagged_content(training_script, seed_sample, seed_tagger):
    tagger, losses, index, found = seed_tagger
    assert losses[-1] < 0.5 * losses[0]
    quoted = quoted_content_words(training_script, seed_sample)
    assert len(quoted) > 20
    assert len(quoted & tagged_content(tagger, index, found)) >= 0.9 * len(quoted)


def test_labels_at_random_teach_no_content(training_script, seed_sample):
    tagger, losses, index, found = trained(training_script, seed_sample, scramble=True)
    quoted = quoted_content_words(training_script, seed_sample)
    assert len(quoted & tagged_content(tagger, index, found)) < 0.5 * len(quoted)


def test_names_are_not_learned(seed_tagger):
    tagger, _, index, _ = seed_tagger
    people = {e.start_char for e in index.entities if e.type == "PERSON"}
    names = {(w.lemma or w.text).lower() for tree in index.trees for w in tree.words if w.text.isalpha()
             and any(e.start_char <= w.start_char < e.end_char for e in index.entities if e.type == "PERSON")}
    assert people and names
    assert not names & set(tagger.encoder.vocabularies["lemma"])
    assert "<PERSON>" in tagger.encoder.vocabularies["lemma"]
