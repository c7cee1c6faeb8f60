"""The role book (``NameBook.described_as``): a description speaker stands for the entity the article itself
names with that role ("Ohio Sen. Jane Roe" for "the Ohio senator", "the airline AeroNord" for "the airline"), on
hand-written news sentences through the embedded engine."""

import pytest

from tracker.article import Article
from tracker.attribution import find_attributions
from tracker.document import ArticleIndex
from tracker.names import NameBook
from tracker.referents import ReferentRanker
from tracker.speakers import Resolver, resolve_speakers
from tracker.statement import Statement


class Keeping(ReferentRanker):
    """The shipped ranker, keeping each mention's options and their features."""

    def __init__(self):
        super().__init__()
        self.seen = {}

    def choose(self, resolver, attribution, sentence, head, kind, ruled):
        self.seen[attribution.speaker.text] = dict((o.name, f) for o, f in self.options(
            resolver, attribution, sentence, head, kind, ruled))
        return super().choose(resolver, attribution, sentence, head, kind, ruled)


@pytest.fixture(scope="module")
def resolved(extractor):
    """``resolved(text, ranker)``: ``{speaker mention: speaker name}`` of ``text`` with ``ranker``."""
    def resolve(text, ranker=None):
        document, = extractor.annotate([Article(id="t", text=text)])
        index = ArticleIndex(document)
        statements = [Statement(a) for a in find_attributions(index)]
        resolve_speakers(statements, Resolver(index, NameBook(index), ranker))
        return {s.attribution.speaker.text: s.speaker.name if s.speaker else None for s in statements
                if s.attribution.speaker is not None}
    return resolve


def test_a_title_before_a_name_tells_the_office_and_its_qualifiers(resolved):
    ranker = Keeping()
    speakers = resolved("Former Sen. Maria Vance endorsed Gov. Paul Greene in Columbus on Monday. Greene thanked "
                        "the crowd.\n\nThe former senator said the governor would win.", ranker)
    options = ranker.seen["The former senator"]
    assert options["Maria Vance"]["described_fully|person_noun"] == 1.0
    assert options["Paul Greene"]["described_fully|person_noun"] == 0.0
    assert speakers["The former senator"] == "Maria Vance"


def test_an_organisation_named_beside_its_noun_is_that_noun(resolved):
    speakers = resolved("The Harbour Board closed the port on Monday. Passengers of the airline Nordic Wings were "
                        "stranded in Oslo, and the Harbour Board sent buses.\n\n"
                        "The airline said flights would resume on Friday.")
    assert speakers["The airline"] == "Nordic Wings"


def test_an_abbreviated_title_is_no_part_of_the_name(resolved):
    speakers = resolved("Laura Prine spoke to lawyers in Denver on Monday.\n\n"
                        "AG Prine said the ruling would be appealed.")
    assert speakers["AG Prine"] == "Laura Prine"


@pytest.mark.parametrize("text, expected", [
    # nobody holds the office: the warlord of the paragraph is not "the minister"
    ("Warlord Omar Daud seized the port last week. Daud's men burned the market.\n\n"
     '"The army will retake the port," the minister said.', "minister"),
    # a person the article names without the office does not hold it either
    ("Warlord Omar Daud seized the port last week. His men burned the market, said Lena Holm.\n\n"
     '"The army will retake the port," the minister said.', "minister"),
    # the one the article names as minister does, past the warlord named after her
    ("Interior Minister Lena Holm flew to the coast on Monday.\n\n"
     "Warlord Omar Daud seized the port last week. Daud's men burned the market.\n\n"
     '"The army will retake the port," the minister said.', "Lena Holm"),
])
def test_an_office_is_held_only_by_one_the_article_gives_it(resolved, text, expected):
    assert resolved(text)["the minister"] == expected


@pytest.mark.parametrize("text, mention, expected", [
    ("House Speaker Tom Ardell met the governors on Monday.\n\n"
     "The Ohio Republican said the budget would pass by June.", "The Ohio Republican", "Tom Ardell"),
    ("Senator Ruth Calder spoke in Dallas on Friday. Calder praised the new law.\n\n"
     '"It will help farmers," the Texan said.', "the Texan", "Ruth Calder"),
    # the members of a party are the party's
    ("The Republicans met in Dallas. Voters cheered.\n\n"
     '"We will win," the Republicans said.', "the Republicans", "Republicans"),
])
def test_the_member_of_a_party_or_a_people_is_a_person(resolved, text, mention, expected):
    assert resolved(text)[mention] == expected


@pytest.mark.parametrize("text, mention, expected", [
    ("Talks on the pipeline stalled in Geneva on Monday.\n\n"
     "The Russians said the pipeline would be finished next year.", "The Russians", "Russia"),
    ("Talks on the pipeline stalled in Geneva on Monday.\n\n"
     "The Chinese said the talks would resume.", "The Chinese", "China"),
])
def test_the_people_of_a_country_speak_for_the_country(resolved, text, mention, expected):
    assert resolved(text)[mention] == expected


@pytest.mark.parametrize("text, mention, expected", [
    ("Mayor Ana Ruiz closed the bridge on Monday. Tom Beck, a spokesman for the mayor, said repairs would take "
     'a month.\n\nRuiz visited the site on Tuesday.\n\n"The bridge will reopen in May," the spokesman said.',
     "the spokesman", "Tom Beck"),
    # the one an adviser works for is not the adviser
    ('Mayor Ana Ruiz closed the bridge on Monday. Ruiz visited the site on Tuesday.\n\n'
     '"The bridge will reopen in May," the adviser said.', "the adviser", "adviser"),
])
def test_one_who_speaks_for_another_is_only_one_named_so(resolved, text, mention, expected):
    assert resolved(text)[mention] == expected
