"""A content the span model cuts inside a phrase runs on to the end of that phrase."""

import numpy
import pytest

from tracker.article import Article
from tracker.attribution.span_model import SPAN_LABELS, statement_of
from tracker.document import ArticleIndex


def content_with_labels(extractor, text, source, content):
    """The content of the statement ``statement_of`` reads at "praised" when the words ``source`` are labelled
    the source and the words ``content`` (a run of the sentence) the content."""
    index = ArticleIndex(extractor.annotate([Article(id="t", text=text)])[0])
    words = index.trees[0].words
    labels = numpy.zeros((len(words), len(SPAN_LABELS)))
    first_source = next(k for k, w in enumerate(words) if w.text == source[0])
    first_content = next(k for k, w in enumerate(words) if w.text == content[0] and k > first_source + len(source))
    for k in range(len(words)):
        if first_source <= k < first_source + len(source):
            label = "B-S" if k == first_source else "I-S"
        elif first_content <= k < first_content + len(content):
            label = "B-C" if k == first_content else "I-C"
        else:
            label = "O"
        labels[k, SPAN_LABELS.index(label)] = 1.0
    cue = next(k for k, w in enumerate(words) if w.text == "praised")
    _, found = statement_of(index, [(0, k) for k in range(len(words))], cue, labels)
    return text[found.start:found.end]


@pytest.mark.parametrize("content, expected", [
    (["the", "city", "'s"], "the city's new budget plan"),
    (["the", "city", "'s", "new"], "the city's new budget plan"),
    (["the", "city", "'s", "new", "budget", "plan", "for"], "the city's new budget plan for schools"),
    (["the", "city", "'s", "new", "budget", "plan"], "the city's new budget plan"),
])
def test_a_content_cut_inside_a_phrase_runs_on_to_its_end(extractor, content, expected):
    text = "The mayor praised the city's new budget plan for schools."
    assert content_with_labels(extractor, text, ["The", "mayor"], content) == expected
