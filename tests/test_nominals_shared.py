"""One set of nominal pronoun candidates per article (``Resolver._nominal_subjects``: "the report",
"environmentalists"): the stance step's resolver reads those the speakers step made."""

from tracker.article import Article
from tracker.extract import statements_of
from tracker.names import NameBook
from tracker.speakers import Resolver
from tracker.targets import judge_stances

TEXT = ("The harbour board approved the new pier on Monday. Environmentalists criticised the vote. "
        "They said the board had ignored their warnings about the bay.")


def made_by(monkeypatch):
    """The resolvers that make their nominal candidates from here on, in order."""
    made, original = [], Resolver._nominal_candidates
    monkeypatch.setattr(Resolver, "_nominal_candidates", lambda self: made.append(self) or original(self))
    return made


def test_the_stance_step_reads_the_nominal_candidates_the_speakers_step_made(extractor, monkeypatch):
    document, = extractor.annotate([Article(id="n", text=TEXT)])
    made = made_by(monkeypatch)
    index, book, statements = statements_of(document)
    they = statements[-1]
    assert they.attribution.speaker.text == "They" and they.speaker.name == "Environmentalists"  # a nominal one
    assert len(made) == 1
    judge_stances(index, statements, book)  # "their warnings": the stance step asks what "their" stands for
    assert len(made) == 1


def test_another_name_book_makes_its_own_nominal_candidates(extractor, monkeypatch):
    document, = extractor.annotate([Article(id="n", text=TEXT)])
    made = made_by(monkeypatch)
    index, book, _ = statements_of(document)
    other = Resolver(index, NameBook(index))
    assert other.pronoun_referent(*their(index)) is not None
    assert made[-1] is other and len(made) == 2


def their(index):
    """``(sentence, word)`` of "their" in the article."""
    return next((s, w) for s in index.sentences for w in s.words if w.text == "their")
