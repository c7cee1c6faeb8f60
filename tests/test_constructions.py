"""One invented sentence per construction of attributed speech in news, each found with its speaker and content
however short; and narration that gives no claim at all."""

import pytest

MARKS = "\"'“”‘’ ,.!?:"


def said(claims_of, text):
    """``[(speaker, content)]`` of the claims found in ``text``: the speaker's canonical name, and the content's
    pieces without their quotation marks and end punctuation, joined by a space."""
    return [(c.speaker, " ".join(text[s:e].strip(MARKS) for s, e in c.spans)) for c in claims_of(text)]


CONSTRUCTIONS = [
    pytest.param('Greta Lind left the room. "No," she said.', "Greta Lind", "No", id="one-word-pronoun"),
    pytest.param('"Absolutely," Mary Smith said.', "Mary Smith", "Absolutely", id="one-word-name"),
    pytest.param('"Thanks," Jones told reporters.', "Jones", "Thanks", id="told-reporters"),
    pytest.param('"Hello," said Pia Lund.', "Pia Lund", "Hello", id="one-word-inverted"),
    pytest.param('Senator Vera Holt wrote: "Shameful."', "Vera Holt", "Shameful", id="one-word-colon"),
    pytest.param('"Enough is enough!" shouted the protesters.', "protesters", "Enough is enough",
                 id="exclamation-inverted"),
    pytest.param('"The bridge will open in May," said Mayor Tom Reed.', "Tom Reed", "The bridge will open in May",
                 id="inverted-cue"),
    pytest.param('Ella Brandt said: "We will rebuild the school before winter."', "Ella Brandt",
                 "We will rebuild the school before winter", id="colon"),
    pytest.param('"We are not giving up!" Coach Dana Flores told the crowd.', "Dana Flores",
                 "We are not giving up", id="exclamation"),
    pytest.param('Greta Lind left the room. "Why now?" she asked.', "Greta Lind", "Why now", id="question"),
    pytest.param("“The budget is a disgrace,” said Omar Price.", "Omar Price", "The budget is a disgrace",
                 id="curly-marks"),
    pytest.param("'The budget is a disgrace,' Omar Price said.", "Omar Price", "The budget is a disgrace",
                 id="single-marks"),
    pytest.param("“No,” said Omar Price.", "Omar Price", "No", id="one-word-curly"),
    pytest.param('"The plan is dead," Lena Ortiz said, "and nobody will revive it."', "Lena Ortiz",
                 "The plan is dead and nobody will revive it", id="split-around-cue"),
    pytest.param('"A new tax will not pass," the minister said.', "minister", "A new tax will not pass",
                 id="unnamed-description"),
    pytest.param('A report by the audit office said the hospital wasted millions on consultants.', "audit office",
                 "the hospital wasted millions on consultants", id="report-said"),
    pytest.param("A poll found that most voters oppose the new tax.", "poll", "that most voters oppose the new tax",
                 id="poll-found"),
    pytest.param("The export figures show that sales fell in May.", "export figures", "that sales fell in May",
                 id="figures-show"),
    pytest.param("Her advisers signalled that she would not run again.", "advisers", "that she would not run again",
                 id="people-signal"),
    pytest.param("Mia Roe plans to announce her budget in Oslo on Monday.", "Mia Roe",
                 "to announce her budget in Oslo on Monday", id="plan-to-announce"),
    pytest.param("Mia Roe plans to cut the tax on fuel.", "Mia Roe", "to cut the tax on fuel", id="plan-intention"),
    pytest.param("The ministry said in a statement that the border would reopen on Friday.", "ministry",
                 "that the border would reopen on Friday", id="ministry-statement"),
    pytest.param("Greta Lind arrived late. She said the meeting had been a waste of time.", "Greta Lind",
                 "the meeting had been a waste of time", id="pronoun-source"),
    pytest.param("According to Paul Weber, the factory will close next year.", "Paul Weber",
                 "the factory will close next year", id="according-to"),
    pytest.param("Ann Cole, the mayor of Riverton, said the council would cut bus fares.", "Ann Cole",
                 "the council would cut bus fares", id="apposition"),
    pytest.param('Ann Cole, the mayor of Riverton, said: "Never again."', "Ann Cole", "Never again",
                 id="apposition-short-quote"),
    pytest.param("Asked whether she would raise the bus fares, Ann Cole said no.", "Ann Cole", "no",
                 id="unquoted-answer"),
]


@pytest.mark.parametrize("text, speaker, content", CONSTRUCTIONS)
def test_construction_is_found_with_its_speaker(claims_of, text, speaker, content):
    assert (speaker, content) in said(claims_of, text)


def test_when_asked_clause_does_not_replace_the_quote(claims_of):
    text = '"Absolutely," Mary Smith said when asked about the merger.'
    assert said(claims_of, text) == [("Mary Smith", "Absolutely")]


def test_cueless_quote_in_the_next_paragraph_goes_on_the_last_speaker(claims_of):
    text = '"The vote was rigged," Karl Moss said.\n\n"We will appeal the result in court."'
    assert said(claims_of, text) == [("Karl Moss", "The vote was rigged"),
                                     ("Karl Moss", "We will appeal the result in court")]


def test_cueless_quote_led_in_by_another_person_is_theirs(claims_of):
    """A cue-less quotation after a sentence whose subject is another named person is that person's own
    statement, not the last speaker going on; after the last speaker's own sentence it still goes on."""
    text = ('"We will build the bridge," Mayor Ann Smith said on Monday. Council member Jim Jones was blunter. '
            '"It is a waste of money."')
    assert said(claims_of, text) == [("Ann Smith", "We will build the bridge"),
                                     ("Jim Jones", "It is a waste of money")]
    text = '"We will build the bridge," Mayor Ann Smith said. "It will open next year."'
    assert said(claims_of, text) == [("Ann Smith", "We will build the bridge It will open next year")]


def test_short_quote_without_a_cue_is_no_claim(claims_of):
    """A one-word quotation with no cue beside it is a word or a headline, not the last speaker going on."""
    text = 'Karl Moss said the deal was fine.\n\n"Fair." That was the headline in every paper.'
    assert said(claims_of, text) == [("Karl Moss", "the deal was fine")]


NARRATION = [
    pytest.param("Clinton planned to spend Tuesday in New York.", id="plan-schedule"),
    pytest.param("His guest list signalled that he wanted allies close.", id="thing-signals"),
    pytest.param("The old car revealed that she had money.", id="thing-reveals"),
    pytest.param("Greta Lind was asked about the tax.", id="was-asked"),
    pytest.param("The mayor spent Tuesday in Riverton and met the council.", id="actions"),
]


@pytest.mark.parametrize("text", NARRATION)
def test_narration_gives_no_claim(claims_of, text):
    assert said(claims_of, text) == []
