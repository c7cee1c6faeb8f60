"""Candidate targets the tagger or the content leaves out: a thing named just before the claim, taken up by a
pronoun; a proper noun the tagger took for no name."""

LEVY = "The council passed the parking levy on Monday. Councillor Ann Bell said {}."


def test_a_phrase_of_the_sentence_before_is_a_candidate_a_pronoun_of_the_content_may_take_up(candidates_of):
    levy = candidates_of(LEVY.format("it would ruin the high street"), "ruin")["parking levy"]
    assert levy["phrase_before"] == 1.0 and "in_content" not in levy


def test_without_such_a_pronoun_no_phrase_before_is_a_candidate(candidates_of):
    assert "parking levy" not in candidates_of(LEVY.format("shops would close"), "close")


def test_a_relative_that_takes_up_nothing_before(candidates_of):
    assert "parking levy" not in candidates_of(LEVY.format("drivers that park in town would pay more"), "drivers")


def test_the_nearest_phrase_before_comes_first(candidates_of):
    candidates = candidates_of(LEVY.format("it would ruin the high street"), "ruin")
    assert candidates["parking levy"]["before_distance"] < candidates["council"]["before_distance"]


def test_a_proper_noun_the_tagger_took_for_no_name_is_a_candidate_but_a_date_is_not(candidates_of):
    thanked = candidates_of("Senator Ann Bell thanked Vosslanders for their patience, her office said.", "thanked")
    assert "Vosslanders" in thanked and "head:vosslanders" not in thanked["Vosslanders"]
    assert "Monday" not in candidates_of("The mayor said on Monday that taxes would fall.", "taxes")
