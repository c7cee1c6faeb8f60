"""A cue the parse hangs as parataxis on the quoted sentence it introduces: the unquoted words before the speaker
set the scene and are no part of what was said."""


def contents(claims_of, text):
    """The content pieces of the claims found in ``text``."""
    return [[text[s:e] for s, e in c.spans] for c in claims_of(text)]


def test_the_setting_before_a_cue_that_introduces_a_quoted_sentence_is_left_out(claims_of):
    text = 'Quite suddenly, after the two partners split, Ms. Crawford said, "Marla called and said she could not do it."'
    assert contents(claims_of, text) == [['"Marla called and said she could not do it."']]


def test_a_time_before_the_cue_is_left_out(claims_of):
    assert contents(claims_of, 'In 2010, the coach said, "We will win the cup next year."') == [
        ['"We will win the cup next year."']]


def test_a_quotation_the_cue_interrupts_keeps_both_pieces(claims_of):
    text = '"The difference now," he said, "is that the company has more cash."'
    assert contents(claims_of, text) == [['"The difference now,"', '"is that the company has more cash."']]
