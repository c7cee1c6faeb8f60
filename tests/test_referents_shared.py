"""One ``Referents`` per article (``tracker.pronouns.referents_of``): the speakers step and the stance step share
the pronoun candidates, which the speakers step does not change."""

import gc
import weakref

from tracker.article import Article
from tracker.extract import statements_of
from tracker.names import NameBook
from tracker.pronouns import Referents
from tracker.speakers import Resolver
from tracker.targets import ClaimJudge, judge_stances

TEXT = ("Marta Quill, the harbour director, said on Monday that the new pier would open in May. "
        "She added that the council had approved the money. \"We are ready,\" Quill told reporters. "
        "Tomas Brenner, who leads the fishermen's union, said he doubted her figures.")


def test_the_stance_step_reads_the_referents_the_speakers_step_made(extractor):
    document, = extractor.annotate([Article(id="r", text=TEXT)])
    index, book, statements = statements_of(document)
    assert any(s.speaker is not None for s in statements)
    shared = Resolver(index, book).referents
    assert ClaimJudge(index, book).resolver.referents is shared
    fresh = Referents(index, book)  # made after the speakers step: the same candidates
    assert fresh.mentions == shared.mentions and fresh.mentions


def test_another_name_book_gets_its_own_referents(extractor):
    document, = extractor.annotate([Article(id="r", text=TEXT)])
    index, book, _ = statements_of(document)
    assert Resolver(index, NameBook(index)).referents is not Resolver(index, book).referents


def test_what_the_steps_share_goes_with_its_article(extractor):
    first, second = extractor.annotate([Article(id="r", text=TEXT), Article(id="s", text=TEXT)])
    index, book, statements = statements_of(first)
    judge_stances(index, statements, book)
    assert set(index.shared) == {"referents", "nominals"}
    gone = weakref.ref(index)
    del index, book, statements
    statements_of(second)  # the next article: what a step keeps of the last one alone is let go
    gc.collect()
    assert gone() is None  # no table outside the article keeps it, nor its book and candidates, alive
