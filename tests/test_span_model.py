"""The cue-conditioned span model learns from the gold: trained on the seed article for a few steps, its loss
falls and, with no rule's help, it finds the seed's statements with their speakers."""

import random

import pytest

from tracker.attribution.span_model import SPAN_LABELS


def trained(training_script, seed_sample, scramble=False):
    """A tiny span model trained on the seed article (with ``scramble``, on labels drawn at random), its
    window losses and the seed's training row."""
    script = training_script("train_span_model")
    article, document, quotes = seed_sample
    row = script.article_row(article, document, quotes)
    if scramble:
        rng = random.Random(1)
        windows = [(f, s, cue, [rng.randrange(len(SPAN_LABELS)) for _ in labels], float(rng.random() < 0.5))
                   for f, s, cue, labels, _ in row[5]]
        cues = [[float(rng.random() < 0.1) for _ in sentence] for sentence in row[4]]
        row = row[:4] + (cues, windows)
    losses = []
    model = script.fit([row], epochs=15, losses=losses, batch=8)
    model.cue_threshold, model.threshold = 0.5, 0.5
    return model, losses, row


@pytest.fixture(scope="module")
def seed_model(training_script, seed_sample):
    """``trained`` on the seed's own labels, once for the module."""
    return trained(training_script, seed_sample)


def found_with_speaker(model, row, quotes):
    """How many of the gold ``quotes`` that have a cue and a source the model finds on its own (no rule's
    attribution given): a statement covering over 0.3 of the content whose speaker overlaps the source."""
    _, index, *_ = row
    statements = model.statements(index, [])
    found = 0
    for quote in quotes:
        if quote.get("cue_start") is None or quote.get("speaker_start") is None:
            continue
        gold = {i for a, b in quote["spans"] for i in range(a, b)}
        found += any(len(gold & {i for s, e in a.spans for i in range(s, e)}) > 0.3 * len(gold)
                     and a.speaker.start < quote["speaker_end"] and quote["speaker_start"] < a.speaker.end
                     for a in statements)
    return found


def cued_quotes(quotes):
    """The gold quotes with a cue and a source: what the span model is for."""
    return [q for q in quotes if q.get("cue_start") is not None and q.get("speaker_start") is not None]


@pytest.mark.slow  # trains a model: a minute of both cores
def test_the_loss_falls_and_the_seeds_statements_are_found(seed_model, seed_sample):
    model, losses, row = seed_model
    quotes = seed_sample[2]
    assert losses[-1] < 0.5 * losses[0]
    assert len(cued_quotes(quotes)) >= 15
    assert found_with_speaker(model, row, quotes) >= 0.85 * len(cued_quotes(quotes))
    assert all(a.sources == ["model"] for a in model.statements(row[1], []))


@pytest.mark.slow
def test_labels_at_random_teach_no_statements(training_script, seed_sample):
    model, _, row = trained(training_script, seed_sample, scramble=True)
    quotes = seed_sample[2]
    assert found_with_speaker(model, row, quotes) < 0.5 * len(cued_quotes(quotes))


@pytest.mark.slow
def test_names_are_not_learned(seed_model):
    model, _, row = seed_model
    index = row[1]
    names = {(w.lemma or w.text).lower() for tree in index.trees for w in tree.words if w.text.isalpha()
             and any(e.start_char <= w.start_char < e.end_char for e in index.entities if e.type == "PERSON")}
    assert names
    assert not names & set(model.encoder.vocabularies["lemma"])
    assert "<PERSON>" in model.encoder.vocabularies["lemma"]


def test_a_cue_path_names_the_relation_below_the_cue(seed_sample):
    from tracker.attribution.span_model import cue_paths
    from tracker.document import ArticleIndex

    index = ArticleIndex(seed_sample[1])
    tree = next(t for t in index.trees if any(w.lemma == "say" and any(k.deprel == "ccomp" for k in t.kids(w))
                                              for w in t.words))
    cue = next(i for i, w in enumerate(tree.words) if w.lemma == "say" and tree.kids(w, "ccomp"))
    paths = cue_paths(tree, cue)
    complement = tree.kids(tree.words[cue], "ccomp")[0]
    assert paths[cue] == "CUE"
    assert paths[complement.id - 1] == "below:ccomp"
    assert all(paths[w.id - 1] == "below:ccomp" for w in tree.subtree(complement))


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("Few analysts understand the new rules on bank capital.", "Few analysts", "understand",
     "the new rules on bank capital"),
    ("The mayor made the point that the bridge will reopen.", "The mayor", "made", "that the bridge will reopen"),
])
def test_the_shipped_model_finds_a_statement_no_rule_reports(extractor, text, speaker, cue, content):
    from tracker.article import Article
    from tracker.attribution.finder import find_attributions
    from tracker.document import ArticleIndex

    index = ArticleIndex(extractor.annotate([Article(id="t", text=text)])[0])
    assert find_attributions(index, span_model=None) == []
    found, = find_attributions(index)
    assert (found.sources, found.speaker.text, found.cue.text, text[found.start:found.end]) == (
        ["model"], speaker, cue, content)


def test_the_shipped_model_learned_no_name(seed_sample):
    from tracker.attribution.span_model import shipped_span_model
    from tracker.document import ArticleIndex

    lemmas = set(shipped_span_model().encoder.vocabularies["lemma"])
    index = ArticleIndex(seed_sample[1])
    names = {w.lower() for e in index.entities if e.type == "PERSON" for w in e.text.split()}
    assert names and not names & lemmas
    assert "trump" not in lemmas  # the name PolNeAR's articles give most, often first in a sentence


def test_a_document_without_vectors_gets_nothing_from_the_model(extractor, seed_sample):
    from tracker.attribution.span_model import shipped_span_model
    from tracker.document import ArticleIndex
    from tracker.engine.vectors import VECTORS

    model = shipped_span_model()
    document = seed_sample[1]
    assert model is not None and model.scored(ArticleIndex(document), [])
    vectors = getattr(document, VECTORS)
    try:
        delattr(document, VECTORS)  # what the stanza engine gives
        assert model.scored(ArticleIndex(document), []) == []
    finally:
        setattr(document, VECTORS, vectors)


@pytest.mark.parametrize("source_words, speaker", [(["The", "mayor"], "The mayor"), (["The"], None)])
def test_a_source_of_function_words_alone_names_no_one(extractor, source_words, speaker):
    import numpy

    from tracker.article import Article
    from tracker.attribution.span_model import statement_of
    from tracker.document import ArticleIndex

    text = "The mayor said the bridge will reopen."
    index = ArticleIndex(extractor.annotate([Article(id="t", text=text)])[0])
    words = index.trees[0].words
    places = [(0, k) for k in range(len(words))]
    labels = numpy.zeros((len(words), len(SPAN_LABELS)))
    for k, word in enumerate(words):
        inside = k > 0 and words[k - 1].text in source_words
        label = ("I-S" if inside else "B-S") if word.text in source_words else (
            "B-C" if word.text == "the" else "I-C" if k > 3 and word.text != "." else "O")
        labels[k, SPAN_LABELS.index(label)] = 1.0
    cue = next(k for k, word in enumerate(words) if word.text == "said")
    found = statement_of(index, places, cue, labels)
    assert (found[1].speaker.text if found else None) == speaker
    if found:
        assert text[found[1].start:found[1].end] == "the bridge will reopen"


def test_the_span_tagger_reads_each_window_of_a_batch_as_if_alone():
    import numpy
    import torch

    from tracker.attribution.span_model import CUE_COLUMNS, WORD_COLUMNS, laid_out, networks

    torch.manual_seed(0)
    columns = WORD_COLUMNS + CUE_COLUMNS
    _, tagger = networks({kind: 5 for kind in columns}, 3)
    rng = numpy.random.default_rng(0)
    windows = [(rng.normal(size=(n, 3)).astype(numpy.float32), rng.integers(0, 5, size=(n, len(columns))), cue)
               for n, cue in ((4, 1), (9, 6), (1, 0), (9, 2), (6, 5))]  # unsorted, two of one length
    with torch.inference_mode():
        labels, heads = tagger(*laid_out(windows))
        alone = [tagger(*laid_out([window])) for window in windows]
    assert labels.shape == (sum(len(f) for f, _, _ in windows), 5) and heads.shape == (len(windows),)
    assert torch.allclose(labels, torch.cat([one for one, _ in alone]), atol=1e-6)
    assert torch.allclose(heads, torch.cat([one for _, one in alone]), atol=1e-6)
    assert not torch.allclose(alone[1][0], alone[3][0], atol=1e-3)  # two windows of one length stay apart


def test_gold_labels_mark_content_source_and_cue(extractor, training_script):
    from tracker.article import Article
    from tracker.document import ArticleIndex

    script = training_script("train_span_model")
    text = "The mayor said the bridge would reopen in March."
    document, = extractor.annotate([Article(id="t", text=text)])
    quote = {"spans": [[15, 47]], "speaker_start": 0, "speaker_end": 9, "cue_start": 10, "cue_end": 14}
    tree = ArticleIndex(document).trees[0]
    labels = script.bio_labels(tree, script.gold_marks([quote]))
    assert labels == ["B-S", "I-S", "B-Q", "B-C", "I-C", "I-C", "I-C", "I-C", "I-C", "O"]
