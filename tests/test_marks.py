from tracker.marks import find_quotes, paragraphs


def quoted(text):
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_straight_and_curly_double_quotes():
    text = '"We agreed," he said. “It will hold,” she added.'
    assert quoted(text) == ['"We agreed,"', "“It will hold,”"]


def test_single_quotes_inside_double_give_the_outer_span():
    text = "He said “a ‘nested’ phrase” here."
    assert quoted(text) == ["“a ‘nested’ phrase”"]


def test_apostrophes_are_not_quotation_marks():
    text = "Haftar's forces don't move, the '90s said 'this is a real quote' today."
    assert quoted(text) == ["'this is a real quote'"]


def test_guillemets_low_high_and_doubled_apostrophes():
    assert quoted("«Bonjour à tous» dit-il.") == ["«Bonjour à tous»"]
    assert quoted("„Guten Tag“ sagte er.") == ["„Guten Tag“"]
    assert quoted("''Hopefully,'' the president said.") == ["''Hopefully,''"]


def test_unclosed_quote_continues_into_a_paragraph_that_opens_with_a_mark():
    text = "“First paragraph of the quote.\n\n“Second paragraph,” he said.\n\nNarration."
    assert quoted(text) == ["“First paragraph of the quote.\n\n“Second paragraph,”"]


def test_unbalanced_quote_ends_with_its_paragraph_and_the_rest_is_unaffected():
    text = 'He said "this never closes.\n\nThen "a fine quote" appears.'
    spans = find_quotes(text)
    assert [text[q.start:q.end] for q in spans] == ['"this never closes.', '"a fine quote"']
    assert spans[0].closed is False and spans[1].closed is True


def test_paragraphs_skip_blank_lines():
    text = "One.\n\n  \nTwo."
    assert [text[a:b] for a, b in paragraphs(text)] == ["One.", "Two."]


def test_a_mark_closes_only_its_own_family():
    # each paragraph of a quoted article opens with a straight mark that never closes; curly quotes inside
    text = '"Kevin was snoring.\n\n“Here he is,” she said.'
    assert quoted(text) == ['"Kevin was snoring.', "“Here he is,”"]


def test_a_closing_mark_of_the_other_double_kind_ends_a_quote():
    text = '"Taxes will rise,” the mayor said. “We will cut waste," she added. He said “a "nested" word” too.'
    assert quoted(text) == ['"Taxes will rise,”', '“We will cut waste,"', '“a "nested" word”']


def test_a_closing_mark_typed_as_an_opener():
    text = "Readers wrote in.\n”The vote matters. We will be there.” ― Ana Diaz\nMore soon."
    assert quoted(text) == ["”The vote matters. We will be there.”"]


def test_a_stage_direction_in_a_transcript_ends_the_turn_before_it():
    text = '"ROE: We will build it.\n\n"And we will pay for it.\n\n"(APPLAUSE.)\n\n"DOE: Thank you."'
    assert quoted(text) == ['"ROE: We will build it.\n\n"And we will pay for it.', '"(APPLAUSE.)', '"DOE: Thank you."']


def test_a_low_high_quotation_closes_after_its_punctuation():
    text = "„We will win the vote,“ said Jane Roe. „Then we rest.“"
    assert quoted(text) == ["„We will win the vote,“", "„Then we rest.“"]


def test_guillemets_and_nested_single_quotes_in_english_text():
    text = "«The board told me ‘we are done’ and left,» Jane Roe said. She called it «a betrayal.»"
    assert quoted(text) == ["«The board told me ‘we are done’ and left,»", "«a betrayal.»"]
    text = 'Jane Roe said: "The board told me \'we are done\' and left the room."'
    assert quoted(text) == ['"The board told me \'we are done\' and left the room."']


def test_a_quote_left_open_at_the_end_of_the_article_is_recovered():
    text = 'The mayor spoke.\n\n"We will build the bridge.\n\n"And we will pay for it without new taxes'
    spans = find_quotes(text)
    assert [text[q.start:q.end] for q in spans] == [
        '"We will build the bridge.\n\n"And we will pay for it without new taxes']
    assert spans[0].closed is False


def test_a_quote_over_three_paragraphs_closes_only_in_the_last():
    text = ('“We tried everything.\n\n“We talked to every buyer in the state.\n\n'
            '“Nobody wanted it,” she said.\n\nThe town votes next week on “the plan.”')
    assert quoted(text) == [
        "“We tried everything.\n\n“We talked to every buyer in the state.\n\n“Nobody wanted it,”", "“the plan.”"]


def test_a_single_mark_left_open_inside_a_double_quotation_is_an_apostrophe():
    text = "\"I grew up in the '70s, long ago,\" she told the host. \"We marched a lot.\"\n\nNarration."
    assert quoted(text) == ["\"I grew up in the '70s, long ago,\"", "\"We marched a lot.\""]
