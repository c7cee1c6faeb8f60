"""Targets and their stance on hand-written news paragraphs, through the embedded engine."""

import pytest

from tracker.article import Article


def claim_with(claims_of, text, words):
    """The claim whose quoted text contains ``words``."""
    return next(c for c in claims_of(text) if words in c.quote_text)


def test_a_description_meets_the_name_the_article_gives_it(claims_of):
    text = ("Ministers from five countries met in Vienna on Monday. They signed the plan, dubbed the Danube "
            "Accord, after two days of talks.\n\n"
            "Novak said the new plan would bring lasting stability to the region.")
    claim = claim_with(claims_of, text, "lasting stability")
    assert claim.target == "Danube Accord"


def test_a_groups_owner_and_its_leader_stand_for_the_person(claims_of):
    text = ("Rebel forces of warlord Omar Daud seized the port last week.\n\n"
            "The minister said the leader of the rebel forces must withdraw from the port at once.\n\n"
            "Officials said Daud's forces should be evacuated from the airport by the army.")
    leader = claim_with(claims_of, text, "leader of the rebel forces")
    assert (leader.stance, leader.target) == ("against", "Omar Daud")
    assert leader.stance_evidence.startswith("demand")


def test_a_target_named_with_a_quoted_word_drops_the_marks(claims_of):
    claim, = claims_of('The minister said peace requires a "firm" response to the smugglers.')
    assert claim.target == "firm response"


@pytest.mark.parametrize("sentence, stance, target", [
    ('The council promised to "stand by the farmers of the valley against any land grab".', "support",
     "farmers"),
    ("The union said it would take every step necessary against all kinds of harassment at work.", "against",
     "harassment"),
    ("The mayor said she would work on a fair and lasting settlement with the unions.", "support",
     "settlement"),
    ("The senator said she does not back the pipeline.", "against", "pipeline"),
])
def test_the_words_governing_a_target_decide_its_stance(claims_of, sentence, stance, target):
    claim, = claims_of(sentence)
    assert claim.stance == stance
    assert target in claim.target
    assert claim.stance_evidence.endswith(" X'")


def test_a_stance_inside_a_reported_act_belongs_to_its_agent_not_the_speaker(claims_of):
    # the support is the ministry's, reported by the monitors: no "support" stance for the monitors
    claim, = claims_of("The monitors said the ministry sent trucks to support the militias.")
    assert not claim.stance_evidence.endswith(" X'")
    claim, = claims_of("The ministry said it sent trucks to support the farmers.")
    assert (claim.stance, claim.stance_evidence) == ("support", "'support X'")


def test_what_an_agent_is_said_to_support_tells_the_stance_toward_the_agent(claims_of):
    claim, = claims_of("The monitors said Iran sent jets to support the dictator in the north.")
    assert (claim.stance, claim.target) == ("against", "Iran")
    assert claim.stance_evidence == "'support dictator'"


def test_a_clearly_negative_statement_is_against_its_named_subject(claims_of):
    claim, = claims_of("Diaz said any Brazilian intervention would be a reckless, dangerous and costly "
                               "blunder that would hurt everyone.")
    assert (claim.stance, claim.target) == ("against", "Brazil")


def test_stanza_sentiment_decides_where_the_model_is_neutral(extractor):
    # stanza's sentiment processor (stanza engine, model installed) sets Sentence.sentiment: 0 negative .. 2
    # positive; the embedded engine sets none, so the sentence is parsed here and the value set as stanza would
    text = "The official said the committee will meet again in March."
    article = Article(id="t", text=text)
    document, = extractor.annotate([article])
    claim, = extractor.claims(article, document)
    assert claim.stance is None and document.sentences[0].sentiment is None
    document.sentences[0].sentiment = 0
    claim, = extractor.claims(article, document)
    assert claim.stance == "against" and claim.stance_evidence.startswith("stanza sentiment 0.0")

