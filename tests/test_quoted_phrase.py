"""A short phrase a claim quotes to judge by ('called the toll "reckless"') and its valence."""

from tracker.stance import claim_lexical_features, quoted_phrase_features


def test_a_short_quoted_label_and_its_valence():
    found = quoted_phrase_features('the harbour toll "reckless and cruel"')
    assert found["quoted_phrase"] == 1.0 and found["quoted_phrase_valence"] < 0


def test_apostrophes_and_a_long_quotation_are_no_quoted_label():
    assert not quoted_phrase_features("the mayor's plan isn't the council's")
    assert not quoted_phrase_features('he said "we will reopen the Lantern Street library before the winter comes"')


def test_the_quotation_marks_around_the_whole_claim_do_not_count():
    assert "quoted_phrase" not in claim_lexical_features('"The ferry will run again by June"', "say", "")
    assert claim_lexical_features("the plan is 'a disgrace'", "call", "")["quoted_phrase"] == 1.0
