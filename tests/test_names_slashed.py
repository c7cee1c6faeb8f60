"""Organisations written together by a slash are one name, also where the tagger ran the slash into the first
name (hand-written sentences through the embedded engine)."""

from tracker.article import Article
from tracker.document import ArticleIndex
from tracker.names import NameBook


def test_a_slash_the_tagger_ran_into_the_first_name_joins_the_second(extractor):
    text = "A Wall Street Journal/NBC News poll released on Sunday found Jane Roe ahead by five points."
    document, = extractor.annotate([Article(id="t", text=text)])
    book = NameBook(ArticleIndex(document))
    organisations = [e.text for e in book.entities if e.type == "ORG"]
    assert organisations == ["Wall Street Journal/NBC News"]
