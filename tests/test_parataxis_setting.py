"""A cue the parse hangs as parataxis on the quoted sentence it introduces: the unquoted words before the speaker
set the scene and are no part of what was said."""


def test_the_setting_before_a_cue_that_introduces_a_quoted_sentence_is_left_out(contents_of):
    text = 'Quite suddenly, after the two partners split, Ms. Crawford said, "Marla called and said she could not do it."'
    assert contents_of(text) == [['"Marla called and said she could not do it."']]


def test_a_time_before_the_cue_is_left_out(contents_of):
    assert contents_of('In 2010, the coach said, "We will win the cup next year."') == [
        ['"We will win the cup next year."']]


def test_a_quotation_the_cue_interrupts_keeps_both_pieces(contents_of):
    text = '"The difference now," he said, "is that the company has more cash."'
    assert contents_of(text) == [['"The difference now,"', '"is that the company has more cash."']]
