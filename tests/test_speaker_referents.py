"""The referent ranker (``tracker.referents``): who a description or a pronoun speaker stands for, on hand-written
news sentences through the embedded engine."""

import pytest

from tracker.article import Article
from tracker.attribution import find_attributions
from tracker.document import ArticleIndex
from tracker.names import NameBook
from tracker.pronouns import Candidate
from tracker.referents import ReferentRanker, named_agents, shipped_model
from tracker.speakers import Resolver, resolve_speakers
from tracker.statement import Statement


class Keeping(ReferentRanker):
    """The shipped ranker, keeping each mention's options and their features."""

    def __init__(self, weights=None):
        super().__init__(weights)
        self.seen = {}

    def choose(self, resolver, attribution, sentence, head, kind, ruled):
        self.seen[attribution.speaker.text] = (kind, dict((o.name, f) for o, f in self.options(
            resolver, attribution, sentence, head, kind, ruled)))
        return super().choose(resolver, attribution, sentence, head, kind, ruled)


@pytest.fixture(scope="module")
def resolved(extractor):
    """``resolved(text, ranker)``: ``[(speaker mention, speaker name)]`` of ``text`` with ``ranker``."""
    def resolve(text, ranker):
        document, = extractor.annotate([Article(id="t", text=text)])
        index = ArticleIndex(document)
        statements = [Statement(a) for a in find_attributions(index)]
        resolve_speakers(statements, Resolver(index, NameBook(index), ranker))
        return [(s.attribution.speaker.text, s.speaker.name if s.speaker else None) for s in statements
                if s.attribution.speaker is not None]
    return resolve


@pytest.fixture(scope="module")
def offered(resolved):
    """``offered(text, mention)``: ``(kind, {option: features})`` the shipped ranker weighed for the speaker
    ``mention`` of ``text``."""
    def options(text, mention):
        ranker = Keeping()
        resolved(text, ranker)
        return ranker.seen[mention]
    return options


def test_a_model_is_shipped():
    weights, _ = shipped_model()
    assert weights and any(name.startswith("rule|") for name in weights)


def test_a_pronoun_is_offered_persons_of_its_gender_only(offered):
    text = ("Maria Lopez met the board on Monday. Tom Hart, the treasurer, joined them later.\n\n"
            "He said the budget would be cut.")
    kind, options = offered(text, "He")
    assert kind == "person:he"
    assert options["Tom Hart"]["gender:agree"] == 1.0
    assert "Maria Lopez" not in options


def test_a_description_matches_the_words_beside_a_name(offered):
    text = ("Dana Whitfield, the nominee, toured a steel plant in Ohio on Monday with Paul Greene.\n\n"
            "The nominee said the plant would stay open.")
    kind, options = offered(text, "The nominee")
    assert kind == "person_noun"
    assert options["Dana Whitfield"]["described_as|person_noun"] == 1.0
    assert options["Paul Greene"]["described_as|person_noun"] == 0.0


def test_a_name_inside_the_statement_is_marked(offered):
    text = ("Tom Hart and Paul Greene debated in Denver on Monday.\n\n"
            "He said Paul Greene would raise taxes.")
    _, options = offered(text, "He")
    assert options["Paul Greene"]["in_content|person:he"] == 1.0
    assert options["Tom Hart"]["in_content|person:he"] == 0.0


def test_a_mention_with_a_name_is_left_to_the_rules(resolved):
    ranker = Keeping()
    resolved("Tom Hart met voters in Ohio on Monday. Paul Greene said the race was close.", ranker)
    assert "Paul Greene" not in ranker.seen


def test_it_finds_the_organisation_the_rules_left_unnamed(resolved):
    text = ("The Harbour Board and Tom Hart met on Monday to discuss the pier.\n\n"
            "It said the pier would close in May.")
    assert ("It", "Harbour Board") in resolved(text, ReferentRanker())
    assert ("It", None) in resolved(text, ReferentRanker(weights={}))  # the rules alone name nobody


class Mentions:
    """An article's named mentions, as ``Referents`` holds them."""

    def __init__(self, *mentions):
        self.mentions = list(mentions)


def test_a_name_tagged_an_organisation_and_a_person_is_a_persons():
    agents = named_agents(Mentions(Candidate(0, "Kessler", "ORG"), Candidate(40, "Kessler", "PERSON"),
                                   Candidate(80, "Harbour Board", "ORG"), Candidate(90, "Larkspur", "GPE"),
                                   Candidate(120, "Larkspur", "PERSON")))
    assert {name: type_ for name, type_, *_ in agents} == {
        "Kessler": "PERSON", "Harbour Board": "ORG", "Larkspur": "GPE"}  # a town named once as a person stays one
    assert [starts for name, _, starts, *_ in agents if name == "Kessler"] == [(0, 40)]


def test_the_rules_choice_stands_unless_another_option_scores_a_margin_above_it():
    options = [("Harbour Board", {"salience": 2.0}), ("Tom Hart", {"salience": 1.0})]
    assert ReferentRanker({"salience": 1.0}, margin=0.5).pick(options, "Tom Hart") == "Harbour Board"
    assert ReferentRanker({"salience": 1.0}, margin=1.5).pick(options, "Tom Hart") == "Tom Hart"
    assert ReferentRanker({"salience": 1.0}, margin=0.0).pick([], None) is None


def test_training_ranks_the_right_option_first(training_script):
    train = training_script("train_referents")
    rows = [{"article": f"a{k}", "kind": "person:he", "named": True,
             "options": [("Tom Hart", {"gender:agree": 1.0, "mentions": 0.5}, True),
                         ("Maria Lopez", {"gender:clash": 1.0, "mentions": 1.0 + k}, False)]} for k in range(6)]
    ranker = ReferentRanker(train.weights_of(train.fit(rows, 1.0)), margin=0.0)
    assert all(train.chosen_right(ranker, row) for row in rows)
    assert ranker.weights["gender:agree"] > ranker.weights["gender:clash"]


def test_a_description_qualified_by_a_proper_noun_is_offered_the_named_entities(offered):
    text = ("Dana Whitfield toured the naval base in Maine on Monday with Paul Greene.\n\n"
            "The Navy pilot said the base would stay open.")
    kind, options = offered(text, "The Navy pilot")
    assert kind == "noun"
    assert {"Dana Whitfield", "Paul Greene"} <= set(options)


def test_a_description_shares_words_with_those_written_about_its_holder(offered):
    text = ("Nora Quill, a retired Navy pilot, toured the base in Maine on Monday with Paul Greene.\n\n"
            "The retired pilot said the base would stay open.")
    kind, options = offered(text, "The retired pilot")
    assert options["Nora Quill"][f"role_shared|{kind}"] > 0.0
    assert options["Paul Greene"][f"role_shared|{kind}"] == 0.0


def test_a_holder_named_only_after_the_description_is_marked_as_following(offered):
    text = ("The retired pilot said the base would stay open.\n\n"
            "Nora Quill flew for twenty years before she retired. Paul Greene joined her on Monday.")
    kind, options = offered(text, "The retired pilot")
    assert options["Nora Quill"][f"following:0|{kind}"] == 1.0
    assert options["Paul Greene"][f"following:1|{kind}"] == 1.0


def test_the_one_a_description_of_a_person_names_inside_it_is_no_option(resolved):
    ranker = Keeping()
    found = resolved("Dana Whitfield toured a steel plant in Ohio on Monday with Paul Greene.\n\n"
                     "Whitfield's campaign manager said the plant would stay open.", ranker)
    _, options = ranker.seen["Whitfield's campaign manager"]
    assert "Dana Whitfield" not in options and "Paul Greene" in options
    assert ("Whitfield's campaign manager", "Dana Whitfield") not in found


def test_the_one_a_possessive_pronoun_stands_for_is_no_option_for_a_description_of_a_person(offered):
    text = ("Dana Whitfield toured a steel plant in Ohio on Monday with Paul Greene.\n\n"
            "Her campaign manager said the plant would stay open.")
    _, options = offered(text, "Her campaign manager")
    assert "Dana Whitfield" not in options and "Paul Greene" in options


def test_a_name_in_apposition_inside_the_mention_stays_an_option(offered):
    text = ("Paul Greene toured a steel plant in Ohio on Monday.\n\n"
            "The author of the book, Dana Whitfield, said the plant would stay open.")
    _, options = offered(text, "The author of the book, Dana Whitfield")  # the parser hangs her on the book
    assert "Dana Whitfield" in options
