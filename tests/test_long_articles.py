"""Long articles: the steps cost linear time in the article, and an article over the limit fails alone."""

import json
import sqlite3

import pytest
from click.testing import CliRunner
from spacy.tokenizer import Tokenizer

from tracker.article import Article
from tracker.attribution.intervals import Intervals
from tracker.bench import synthetic_corpus
from tracker.cli import cli
from tracker.document import ArticleIndex
from tracker.engine.tokenize import LONGEST_SENTENCE, _paragraph_boundaries, load_spacy, tail_suffix_search

ARTICLE = (
    "Harbor plan splits the council\n\n"
    "The mayor said on Monday that the harbor plan would go ahead. \u201cWe have waited long enough,\u201d she "
    "told reporters at 7 p.m. after the vote.\n"
    "Councillor Ines Moreau cited remarks Hart had made in May. She said the costs were \u201cfar too high\u201d.\n\n"
    "Dock workers met at 7\n"
    "p.m. on Tuesday. \"We will strike,\" their chairman said!\n"
    "Asked about the vote, the mayor answered: \"Nobody lost.\"\n"
)


def one_mark_at_a_time(doc):
    """The boundary rule as it was first written, mark by mark on the tokens: the reference."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
        elif previous.text[-1:].isalnum():
            token.is_sent_start = False
    return doc


def test_paragraph_boundaries_are_those_of_the_mark_by_mark_rule():
    nlp = load_spacy()
    fast, reference = _paragraph_boundaries(nlp.make_doc(ARTICLE)), one_mark_at_a_time(nlp.make_doc(ARTICLE))
    assert [t.is_sent_start for t in fast] == [t.is_sent_start for t in reference]
    starts = {(t.text, t.idx): t.is_sent_start for t in fast}
    assert starts[("The", ARTICLE.index("The mayor"))] is True  # after the headline's line
    assert starts[("p.m.", ARTICLE.index("p.m. on"))] is True  # "7 | p.m." across a line break
    assert starts[("Hart", ARTICLE.index("Hart"))] is False  # never right after a word inside a line


def test_parsed_sentences_keep_the_headline_and_the_lines_apart():
    sentences = [s.text.strip() for s in load_spacy()(ARTICLE).sents if s.text.strip()]
    assert sentences[0] == "Harbor plan splits the council"
    assert "Dock workers met at 7" in sentences
    assert any(s.startswith("Councillor Ines Moreau cited remarks Hart had made") for s in sentences)


def test_a_line_without_sentence_ends_is_cut_into_sentences_of_bounded_length():
    words = ("the council said the budget for the new road and the school would grow " * 60).split()
    doc = load_spacy()(" ".join(words) + ". The mayor said no.")
    lengths = [len(sentence) for sentence in doc.sents]
    assert len(doc) > 3 * LONGEST_SENTENCE and max(lengths) <= LONGEST_SENTENCE + 1
    assert [sentence.text for sentence in doc.sents][-1] == "The mayor said no."


def plain_tokenizer(tokenizer):
    """spaCy's own tokenizer with the model's rules, searching suffixes on the whole string."""
    return Tokenizer(tokenizer.vocab, rules=tokenizer.rules, prefix_search=tokenizer.prefix_search,
                     suffix_search=tokenizer.suffix_search.args[0], infix_finditer=tokenizer.infix_finditer,
                     token_match=tokenizer.token_match, url_match=tokenizer.url_match)


RUNS = ['He said ' + '"' * 120 + ' and left.', "'" * 121, "\u201c" * 60 + "Yes" + "\u201d" * 60,
        "Wait" + "." * 200, "x" + ".," * 60, "(" * 40 + "5km)" + "!?" * 50, "It was 5\u00b0F" + ")" * 40,
        "the U.S." + "\u2026" * 50 + '"' * 30, "\"'" * 50 + "n't"]


@pytest.mark.parametrize("text", RUNS)
def test_runs_of_punctuation_tokenize_to_the_same_offsets(text):
    tokenizer = load_spacy().tokenizer
    expected = [(t.idx, len(t)) for t in plain_tokenizer(tokenizer)(text)]
    assert [(t.idx, len(t)) for t in tokenizer(text)] == expected


def test_suffix_search_reads_the_end_of_a_long_string_only():
    search = load_spacy().tokenizer.suffix_search.args[0]
    read = []

    def recording(string):
        read.append(len(string))
        return search(string)

    text = "He said " + '"' * 5000
    assert tail_suffix_search(recording, text).group() == '"'
    assert max(read) < 100
    dots = "Wait" + "." * 5000  # a run of dots is one suffix: the window grows until it holds it all
    match = tail_suffix_search(recording, dots)
    assert match.end() - match.start() == 5000
    assert tail_suffix_search(recording, "x" * 5000) is None


def test_an_article_over_the_limit_fails_alone_and_the_others_are_stored(tmp_path):
    records = synthetic_corpus(3, 400, seed=5)
    records[1]["text"] = "\n\n".join([records[1]["text"]] * 4)  # about 2,000 characters
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db_path = tmp_path / "claims.db"

    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db_path), "--engine", "embedded",
                                      "--max-chars", "1000"])

    length = len(records[1]["text"])
    assert result.exit_code == 1
    assert f"error: {records[1]['id']}: too long ({length:,} characters, limit 1,000)" in result.output
    assert "2 article(s) ingested" in result.output
    with sqlite3.connect(db_path) as db:
        stored = {row[0] for row in db.execute("select id from articles")}
    assert stored == {records[0]["id"], records[2]["id"]}


def test_intervals_find_what_a_scan_of_all_of_them_finds():
    intervals = [(start, start + length, k) for k, (start, length) in
                 enumerate([(0, 5), (3, 40), (10, 2), (12, 1), (30, 6), (36, 4), (50, 0), (50, 9)])]
    index = Intervals(intervals)
    for start in range(0, 62):
        for end in (start, start + 1, start + 7):
            assert index.overlapping(start, end) == [k for a, b, k in intervals if a < end and start < b]


def test_quotations_overlapping_a_span_are_those_a_scan_finds(extractor):
    text = ('"We will strike," the chairman said. The mayor called it "a bluff".\n\n'
            'Nobody was hurt, the police said. "It is over," she added, "for now."')
    article = Article(id="q", text=text)
    index = ArticleIndex(extractor.annotate([article])[0])
    assert len(index.quotes) == 4
    for start in range(len(text)):
        for end in (start + 1, start + 12, start + 60):
            assert list(index.quotes_overlapping(start, end)) == [q for q in index.quotes if q.start < end and start < q.end]
