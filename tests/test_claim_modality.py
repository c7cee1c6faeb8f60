"""Features of a claim that tell a plan, a prediction, a call or a poll figure from a judgement: what the cue says
the speaker does, the modality of the content's main predicate, and percentages."""

import pytest

from tracker.article import Article
from tracker.extract import statements_of
from tracker.stance import claim_lexical_features
from tracker.targets import ClaimJudge


@pytest.fixture(scope="module")
def features_of(extractor):
    """``features_of(text, words)``: the stance features of the statement whose content contains ``words``."""
    def features(text, words):
        document, = extractor.annotate([Article(id="t", text=text)])
        index, book, statements = statements_of(document)
        statement = next(s for s in statements if words in index.text[s.start:s.end])
        judge = ClaimJudge(index, book)
        return judge.stance_features(statement, [target for target, _ in judge.candidates(statement)])
    return features


def test_the_cue_says_what_the_speaker_does():
    acts = {"predict": {"cue_act:predict"}, "pledge": {"cue_act:plan"}, "urge": {"cue_act:ask"},
            "ask": {"cue_act:ask", "cue_act:question"}, "say": set()}  # a plain report is no act
    found = {cue: claim_lexical_features("the ferry will run again by June", cue, "") for cue in acts}
    assert {cue: {name for name in found[cue] if name.startswith("cue_act:")} for cue in acts} == acts


def test_percentages_and_poll_figures():
    expected = {"Ostrander leads the mayor by 6 points among likely voters": (0.0, 1.0),
                "62% of the harbour workers backed the strike": (1.0, 1.0),  # a percentage is a poll figure too
                "turnout fell to 41 per cent": (1.0, 0.0),
                "the harbour plan is a disgrace": (0.0, 0.0)}
    found = {content: claim_lexical_features(content, "say", "") for content in expected}
    assert {content: (f["percent"], f["poll_figures"]) for content, f in found.items()} == expected


def test_the_future_is_read_off_a_verb_not_the_noun_plan():
    assert claim_lexical_features("the harbour plan is a disgrace", "say", "")["future"] == 0.0
    assert claim_lexical_features("the harbour will close in May", "say", "")["future"] == 1.0


def test_a_pledge_in_the_first_person_is_the_speakers_own_plan(features_of):
    text = 'Councillor Edda Brannigan said: "We will reopen the Lantern Street library before winter."'
    found = features_of(text, "reopen")
    assert found["modal:future"] == found["own_plan"] == 1.0


def test_an_intending_verb_with_its_infinitive_is_a_plan(features_of):
    found = features_of("Harbour chief Tomas Reyl said the board plans to sell the old ferry terminal.", "sell")
    assert found["intending"] == 1.0 and "own_plan" not in found


@pytest.mark.parametrize("content, kind", [
    ("the council must scrap the parking levy", "obligation"),
    ("the parking levy could fall next year", "possibility"),
    ("the parking levy will fall next year", "future")])
def test_the_modal_of_the_main_predicate(features_of, content, kind):
    found = features_of(f"Alderman Pia Koval said {content}.", "parking levy")
    assert {name for name in found if name.startswith("modal:")} == {f"modal:{kind}"}

