"""A cue set off by commas inside the sentence it reports: what opens the sentence is content too, unless the cue
introduces a quoted sentence of its own."""

MARKS = "\"'“”‘’ ,.!?:"


def pieces(claims_of, text):
    """``[(speaker mention, [content pieces])]`` of the claims found in ``text``, marks trimmed."""
    return [(c.speaker_mention, [text[s:e].strip(MARKS) for s, e in c.spans]) for c in claims_of(text)]


def test_the_clause_before_an_interrupting_cue_is_content(claims_of):
    text = "When the plant closes next year, Mr. Hale said in an interview, the town will lose its biggest employer."
    assert pieces(claims_of, text) == [
        ("Mr. Hale", ["When the plant closes next year", "the town will lose its biggest employer"])]


def test_the_opening_goes_on_a_quotation_the_cue_interrupts(claims_of):
    text = 'If the rain keeps falling, Ms. Lund wrote, "the river will flood the old town."'
    assert pieces(claims_of, text) == [("Ms. Lund", ["If the rain keeps falling", "the river will flood the old town"])]


def test_a_cue_introducing_a_quoted_sentence_leaves_the_setting_out(claims_of):
    text = 'In a statement released on Monday, the minister said, "The bridge will open in May."'
    assert pieces(claims_of, text) == [("the minister", ["The bridge will open in May"])]
