"""A relative pronoun speaker whose antecedent is a description ("the senator who said ...") is weighed by the
referent ranker as that description is, on hand-written news sentences through the embedded engine."""

import pytest

from tracker.article import Article
from tracker.attribution import find_attributions
from tracker.document import ArticleIndex
from tracker.names import NameBook
from tracker.referents import ReferentRanker
from tracker.speakers import Resolver, resolve_speakers
from tracker.statement import Statement


class Keeping(ReferentRanker):
    """The shipped ranker, keeping the kind and the options of each mention it is asked about."""

    def __init__(self):
        super().__init__()
        self.seen = {}

    def choose(self, resolver, attribution, sentence, head, kind, ruled):
        options = self.options(resolver, attribution, sentence, head, kind, ruled)
        self.seen[attribution.speaker.text] = (kind, head.text, {o.name for o, _ in options})
        return super().choose(resolver, attribution, sentence, head, kind, ruled)


@pytest.fixture(scope="module")
def weighed(extractor):
    """``weighed(text)``: ``{speaker mention: (kind, head word, option names)}`` the ranker was asked about."""
    def run(text):
        document, = extractor.annotate([Article(id="t", text=text)])
        index = ArticleIndex(document)
        ranker = Keeping()
        resolve_speakers([Statement(a) for a in find_attributions(index)], Resolver(index, NameBook(index), ranker))
        return ranker.seen
    return run


def test_a_relative_with_a_description_for_antecedent_is_weighed_by_its_noun(weighed):
    text = ("Marta Quill, a hacker from Lisbon, broke into the servers of the port authority in March.\n\n"
            "The hacker who said the servers were left open will be sentenced in June.")
    seen = weighed(text)
    mention = next(m for m in seen if m.endswith("who"))
    kind, head, options = seen[mention]
    assert (kind, head) == ("noun", "hacker")
    assert "Marta Quill" in options


def test_a_relative_after_a_name_is_left_to_the_rules(weighed):
    text = "Marta Quill, who said the servers were left open, will be sentenced in June."
    assert not any(m.endswith("who") for m in weighed(text))
