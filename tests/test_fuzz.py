"""Property tests: the quotation finder and the readers never fail on arbitrary text."""

import json

from hypothesis import example, given, settings, strategies as st

from tracker.article import Article, ReadError, article_from_text, read_jsonl_lines
from tracker.marks import find_quotes

MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a"
# text made mostly of quotation marks, words, spaces and line breaks: where the pairing logic is busy
QUOTY = st.lists(st.sampled_from(list(MARKS) + ["a", "Word", " ", ", ", ".", "\n", "\n\n", "-", "("]),
                 max_size=40).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=200), QUOTY)
FAST = settings(max_examples=300, deadline=None)


@FAST
@given(ANY_TEXT)
def test_find_quotes_spans_are_sorted_disjoint_and_inside_the_text(text):
    spans = find_quotes(text)
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end
        previous_end = span.end


@FAST
@given(st.one_of(ANY_TEXT, st.builds(lambda d, t: f"date {d}\n{t}", st.text(max_size=12), ANY_TEXT),
                 st.builds(lambda t: f"<html><body><p>{t}</p></body></html>", ANY_TEXT)))
def test_article_from_text_gives_an_article_or_a_value_error(text):
    try:
        article = article_from_text(text, "fuzz")
    except ValueError:
        return
    assert isinstance(article, Article) and article.text.strip()
    assert isinstance(article.content_hash, str)


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                         max_size=3), max_leaves=8)
RECORDS = st.fixed_dictionaries({}, optional={"id": JSON_VALUES, "text": JSON_VALUES | ANY_TEXT,
                                              "date": JSON_VALUES, "title": JSON_VALUES})
LINES = st.one_of(st.text(max_size=60), RECORDS.map(json.dumps), JSON_VALUES.map(json.dumps),
                  RECORDS.map(lambda r: json.dumps(r)[:-3]))


@FAST
@given(st.lists(LINES, max_size=5))
@example(['{"id": [], "text": "0", "title": 10}'])
def test_read_jsonl_lines_gives_articles_or_read_errors(lines):
    items = list(read_jsonl_lines(lines, "fuzz.jsonl"))
    assert len(items) <= len(lines)
    for item in items:
        assert isinstance(item, (Article, ReadError))
        if isinstance(item, ReadError):
            assert item.source.startswith("fuzz.jsonl:") and "\n" not in str(item)
        else:
            assert isinstance(item.content_hash, str)


def test_deeply_nested_json_is_a_read_error():
    error, = read_jsonl_lines(["[" * 100_000], "deep.jsonl")
    assert isinstance(error, ReadError) and str(error) == "deep.jsonl:1: broken JSON (nested too deeply)"


def test_a_lone_surrogate_is_replaced_with_a_warning_on_reading():
    article, = read_jsonl_lines([json.dumps({"id": "s", "text": "x \ud800 y"})], "surrogate.jsonl")
    assert (article.text, article.warning) == (
        "x ? y", "invalid characters (lone surrogates) replaced (record surrogate.jsonl:1)")
