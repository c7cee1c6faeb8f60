"""A speaker mention cut at a title ("Army Capt" of "Army Capt. Jane Roe", "Actress" of "Actress Jane Roe") is the
person named right after it, on invented articles through the embedded engine."""

import pytest

from tracker.article import Article
from tracker.attribution.records import Mention
from tracker.document import ArticleIndex
from tracker.names import NameBook
from tracker.speakers import Resolver, Speaker


@pytest.fixture(scope="module")
def named_after(extractor):
    """``named_after(text, mention, speaker)``: what the resolver of ``text`` makes of the ``mention`` opening it
    that the rules read as ``speaker``."""
    def resolve(text, mention, speaker):
        document, = extractor.annotate([Article(id="t", text=text)])
        index = ArticleIndex(document)
        return Resolver(index, NameBook(index))._named_after_title(Mention(0, len(mention), mention), speaker)
    return resolve


def test_a_mention_cut_at_a_military_title_is_the_person_named_after_it(named_after):
    text = "Army Capt. Dana Whitfield, who served two tours in Iraq, said the base should stay open."
    assert named_after(text, "Army Capt", Speaker("Army Capt", "ORG")) == Speaker("Dana Whitfield", "PERSON",
                                                                                 "Army Capt")


def test_a_mention_of_a_bare_occupation_is_the_person_named_after_it(named_after):
    text = "Actress Maria Lopez told the crowd that the theatre must not close."
    assert named_after(text, "Actress", Speaker("Actress", None)).name == "Maria Lopez"


def test_an_organisation_before_a_new_sentence_stays_itself(named_after):
    text = "Harbour Board. Tom Hart, the chairman of the board, said the report was wrong."
    assert named_after(text, "Harbour Board", Speaker("Harbour Board", "ORG")) is None
