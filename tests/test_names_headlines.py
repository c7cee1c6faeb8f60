"""Names the tagger runs into the words after them in a headline (``NameBook`` cuts them to the name the article
writes elsewhere), on invented articles through the embedded engine."""

import pytest

from tracker.article import Article
from tracker.document import ArticleIndex
from tracker.names import Entity, NameBook


@pytest.fixture(scope="module")
def book_of(extractor):
    """``book_of(text)``: the ``NameBook`` of an article made of ``text``."""
    def book(text):
        document, = extractor.annotate([Article(id="t", text=text)])
        return NameBook(ArticleIndex(document))
    return book


def test_a_name_run_into_the_words_of_a_headline_is_the_name_the_article_writes(book_of):
    book = book_of("Dana Whitfield Wades Into Hospital Fight\n\nDana Whitfield visited the hospital in Millbrook on "
                   "Monday. The senator met nurses and doctors there.")
    headline = [e for e in book.entities if e.start_char == 0]
    assert [(e.text, e.end_char) for e in headline] == [("Dana Whitfield", len("Dana Whitfield"))]
    assert book.entity_name(headline[0]) == ("Dana Whitfield", "PERSON")


def test_a_name_stops_at_a_colon(book_of):
    text = "Maria Lopez: Budget Cuts Hurt Rural Hospitals\n\nMaria Lopez, the mayor of Millbrook, spoke on Monday."
    book = book_of(text)
    run = Entity("Maria Lopez: Budget Cuts", "PERSON", 0, len("Maria Lopez: Budget Cuts"))
    assert book._cut_to_known_names([run]) == [Entity("Maria Lopez", "PERSON", 0, len("Maria Lopez"))]


def test_a_name_the_article_writes_nowhere_else_stays_as_the_tagger_found_it(book_of):
    book = book_of("Harbour Workers Alliance Plans New Strike\n\nUnion members met in Millbrook on Monday.")
    run = Entity("Harbour Workers Alliance", "ORG", 0, len("Harbour Workers Alliance"))
    assert book._cut_to_known_names([run]) == [run]
