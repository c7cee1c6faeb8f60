"""The parser's word vectors: kept on the embedded engine's documents, one row per word, and in the parse cache."""

import json

import numpy
import pytest
import stanza

from tracker.article import Article
from tracker.engine.tokenize import ANALYSIS
from tracker.engine.vectors import attach_vectors, word_vectors

TEXT = ("The minister said the bank would close its doors on Friday.\n\n"
        "Fishermen sat on the river bank all afternoon. \"We will stay,\" one of them said.")


@pytest.fixture(scope="module")
def document(extractor):
    document, = extractor.annotate([Article(id="v", text=TEXT)])
    return document


def words_of(document):
    return [w for sentence in document.sentences for w in sentence.words]


def test_the_embedded_engine_keeps_one_vector_per_word_in_document_order(document):
    vectors = word_vectors(document)
    words = words_of(document)
    assert len(document.sentences) >= 3
    assert vectors.dtype == numpy.float32 and vectors.shape == (len(words), 96)
    spacy_doc = getattr(document, ANALYSIS).spacy_doc
    assert any(t.is_space for t in spacy_doc)  # the paragraph break is a token stanza does not get
    row_of_offset = {t.idx: spacy_doc.tensor[t.i] for t in spacy_doc if not t.is_space}
    for word, row in zip(words, vectors):
        assert numpy.array_equal(row, row_of_offset[word.start_char])


def test_the_vectors_are_contextual(document):
    vectors = word_vectors(document)
    banks = [k for k, w in enumerate(words_of(document)) if w.text == "bank"]
    assert len(banks) == 2
    assert not numpy.allclose(vectors[banks[0]], vectors[banks[1]], atol=1e-3)


def test_a_document_stanza_made_has_no_vectors(document):
    rebuilt = stanza.Document(document.to_dict(), text=TEXT)
    assert word_vectors(rebuilt) is None


def test_vectors_that_do_not_fit_the_words_are_refused(document):
    with pytest.raises(ValueError, match="words"):
        attach_vectors(stanza.Document(document.to_dict(), text=TEXT), word_vectors(document)[1:])


def test_the_parse_cache_gives_the_vectors_back(training_script, document, tmp_path, monkeypatch):
    lab = training_script("attribution_lab")
    monkeypatch.setattr(lab, "CACHE", tmp_path / "parses")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "v", "text": TEXT, "quotes": []}) + "\n", encoding="utf-8")
    lab.parse(corpus)
    (article, loaded), = lab.documents(corpus)
    assert lab.cache_path(corpus).exists() and article.id == "v"
    assert [w.text for w in words_of(loaded)] == [w.text for w in words_of(document)]
    assert loaded is not document and word_vectors(loaded).dtype == numpy.float32
    numpy.testing.assert_allclose(word_vectors(loaded), word_vectors(document), rtol=1e-3, atol=1e-3)
