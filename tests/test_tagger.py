"""The learned tagger of what the rules miss: its labels, its training script, and its place in the finder."""

import pytest

from tracker.article import Article
from tracker.attribution.finder import find_attributions
from tracker.attribution.tagger import Tagger, content_runs, found_by_tagger, sentence_features, shipped_tagger
from tracker.document import ArticleIndex

@pytest.fixture(scope="module")
def script(training_script):
    return training_script("train_tagger")


def test_gold_labels_mark_content_source_and_cue(extractor, script):
    text = "The mayor said the bridge would reopen in March."
    document, = extractor.annotate([Article(id="t", text=text)])
    quote = {"spans": [[15, 47]], "speaker_start": 0, "speaker_end": 9, "cue_start": 10, "cue_end": 14}
    tree = ArticleIndex(document).trees[0]
    labels = script.bio_labels(tree, script.gold_marks([quote]))
    assert labels == ["B-S", "I-S", "B-Q", "B-C", "I-C", "I-C", "I-C", "I-C", "I-C", "O"]


def test_content_runs_and_their_confidence():
    labels = ["O", "B-C", "I-C", "O", "I-C", "B-C", "B-S"]
    confidences = [0.0, 0.9, 0.7, 0.1, 0.6, 0.8, 0.2]
    assert [(a, b, round(c, 2)) for a, b, c in content_runs(labels, confidences)] == [
        (1, 2, 0.8), (4, 4, 0.6), (5, 5, 0.8)]


def test_training_on_a_sample_learns_its_contents(seed_sample, script, tmp_path):
    article, document, gold = seed_sample
    rows = script.articles([(article, document)], {article.id: gold})
    path = tmp_path / "seed.crfsuite"
    script.fit(rows, path)
    tagger = Tagger(path, threshold=0.5)
    sentences = rows[0][3]
    right = total = 0
    for features, labels in sentences:
        tagged, confidence = tagger.tag(features)
        assert len(tagged) == len(confidence) == len(labels) and all(0 <= c <= 1 for c in confidence)
        right += sum(t[-1] == g[-1] for t, g in zip(tagged, labels))
        total += len(labels)
    assert right / total > 0.9  # its own training sample: contents, sources and cues come back


def test_what_the_tagger_adds_has_a_speaker_and_overlaps_no_rule(extractor, script, tmp_path):
    text = "The mayor said the bridge would reopen in March. Few analysts understand the new rules on bank capital."
    document, = extractor.annotate([Article(id="t", text=text)])
    gold = [{"spans": [[15, 47]], "speaker_start": 0, "speaker_end": 9, "cue_start": 10, "cue_end": 14},
            {"spans": [[73, 102]], "speaker_start": 49, "speaker_end": 61, "cue_start": 62, "cue_end": 72}]
    row = script.articles([(Article(id="t", text=text), document)], {"t": gold})[0]
    _, index, found, sentences = row
    assert [text[a.start:a.end] for a in found] == ["the bridge would reopen in March"]  # the rules miss the view
    path = tmp_path / "two.crfsuite"
    script.fit([row] * script.MIN_FREQ, path)  # often enough for its features to count
    tagger = Tagger(path, threshold=0.0)
    assert [tagger.tag(features)[0] for features, _ in sentences] == [labels for _, labels in sentences]
    # it tags both contents, but the mayor's is the rules' already: only the analysts' view is added
    added = found_by_tagger(index, found, tagger)
    assert [(a.sources, a.speaker.text, a.cue.text, text[a.start:a.end]) for a in added] == [
        (["tagger"], "Few analysts", "understand", "the new rules on bank capital")]


def test_the_shipped_tagger_adds_to_the_rules_and_keeps_them(extractor):
    tagger = shipped_tagger()
    assert tagger is not None and 0 < tagger.threshold < 1
    text = "Few analysts understand the new rules on bank capital. The mayor said the bridge would reopen in March."
    index = ArticleIndex(extractor.annotate([Article(id="t", text=text)])[0])
    rules = find_attributions(index, tagger=None, span_model=None)
    with_tagger = find_attributions(index, tagger=tagger, span_model=None)  # as in a document without vectors
    assert [(a.sources, text[a.start:a.end]) for a in with_tagger] == [
        (["tagger"], "the new rules on bank capital"), (["ccomp"], "the bridge would reopen in March")]  # in order
    assert [a.spans for a in rules] == [a.spans for a in with_tagger if a.sources != ["tagger"]]


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("As the party slid to defeat on Tuesday, some of its supporters saw a culprit in the state chairman.",
     "some of its supporters", "saw", "a culprit in the state chairman"),
    ("Few analysts understand the new rules on bank capital.", "Few analysts", "understand",
     "the new rules on bank capital"),
])
def test_the_shipped_tagger_finds_a_view_no_rule_reports(extractor, text, speaker, cue, content):
    document, = extractor.annotate([Article(id="t", text=text)])
    index = ArticleIndex(document)
    assert find_attributions(index, tagger=None, span_model=None) == []
    found, = find_attributions(index, tagger=shipped_tagger(), span_model=None)  # as in a document without vectors
    assert (found.sources, found.speaker.text, found.cue.text, text[found.start:found.end]) == (
        ["tagger"], speaker, cue, content)


def test_a_seeming_the_tagger_finds_has_no_speaker_to_give(extractor, script, tmp_path):
    text = "The senator seems to be winning the argument over the budget."
    document, = extractor.annotate([Article(id="t", text=text)])
    quote = {"spans": [[18, 61]], "speaker_start": 0, "speaker_end": 11, "cue_start": 12, "cue_end": 17}
    index = ArticleIndex(document)
    tree = index.trees[0]
    sentences = [(sentence_features(index, tree, {}), script.bio_labels(tree, script.gold_marks([quote])))]
    path = tmp_path / "seeming.crfsuite"
    script.fit([("t", index, [], sentences * script.MIN_FREQ)], path)  # often enough for its features to count
    tagger = Tagger(path, threshold=0.0)
    labels = tagger.tag(sentences[0][0])[0]
    assert labels[:3] == ["B-S", "I-S", "B-Q"] and labels[3].endswith("-C")  # it learnt its one sentence
    assert found_by_tagger(index, [], tagger) == []  # but a seeming is said by no one
