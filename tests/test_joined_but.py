"""A clause the parse joins to a verb of speaking with "but" right after its content, with or without a comma,
goes on the content: the speaker's "X but Y" is one statement."""


def test_a_but_clause_without_a_comma_goes_on_the_content(contents_of):
    text = "The mayor said the bridge would open in May but the road would stay closed until June."
    assert contents_of(text) == [["the bridge would open in May but the road would stay closed until June"]]


def test_a_but_clause_after_a_comma_still_goes_on_the_content(contents_of):
    text = "The mayor said the bridge would open in May, but the road would stay closed until June."
    assert contents_of(text) == [["the bridge would open in May, but the road would stay closed until June"]]
