"""Claim relations on hand-written news paragraphs, through the embedded engine."""


def test_a_denial_of_this_points_at_the_claim_it_denies(claims_of):
    accusation, denial = claims_of("The monitors said the army shelled the village on Sunday. "
                                           "The army denies this.")
    assert (denial.relation, denial.related_claim_id, denial.stance) == ("deny", accusation.id, "deny")
    assert denial.target.startswith("claim:The monitors said the army shelled")
    assert accusation.relation is None


def test_a_quotation_that_goes_on_continues_the_claim_it_follows(claims_of):
    first, second = claims_of('"We will not sign this deal," Kalin said.\n\n'
                                      '"The terms are unfair to our farmers and to our workers."')
    assert (second.relation, second.related_claim_id) == ("continues", first.id)
    assert second.speaker == first.speaker == "Kalin"
    assert first.relation is None


def test_a_quotation_that_goes_on_over_paragraphs_is_told_under_the_first_cue(claims_of):
    first, second, third = claims_of('"We will not sign this deal," Kalin told reporters.\n\n'
                                     '"The terms are unfair to our farmers."\n\n"We want a better offer."')
    assert first.cue == second.cue == third.cue == "told"
    assert (second.cue_start, third.cue_start) == (first.cue_start, first.cue_start)


def test_rejecting_it_is_about_a_thing_not_a_claim(claims_of):
    found = claims_of("The rebels said they accepted the peace plan. The government rejected it.")
    assert all(c.relation is None for c in found)


def test_a_quotation_that_turns_with_but_is_a_claim_of_its_own(claims_of):
    first, second = claims_of('"We will not sign this deal," the minister said. "But there is another offer on '
                              'the table, and we will study it."')
    assert first.quote_text == "\"We will not sign this deal,\""
    assert second.quote_text.startswith("\"But there is another offer")
    assert (second.relation, second.related_claim_id) == ("continues", first.id)


def test_a_sentence_the_cue_interrupts_stays_one_quotation(claims_of):
    found = claims_of('"We will not sign this deal," the minister said, "but we will study the other offer."')
    assert len(found) == 1 and len(found[0].spans) == 2


def test_that_is_false_denies_the_claim_before_it(claims_of):
    accusation, denial = claims_of("The opposition said the minister had hidden the report. "
                                   '"That is simply false," a spokeswoman for the ministry said.')
    assert (denial.relation, denial.related_claim_id, denial.stance) == ("deny", accusation.id, "deny")
    assert denial.target.startswith("claim:The opposition said the minister had hidden")


def test_it_is_not_true_that_is_a_denial_of_its_own_content(claims_of):
    first, second = claims_of("The opposition said the minister had hidden the report. "
                              "The minister said it is not true that taxes will rise.")
    assert second.relation is None


def test_a_denial_answers_the_claim_not_an_earlier_answer_to_it(claims_of):
    accusation, dismissal, denial = claims_of(
        "The union said the company had broken the law. The company dismissed the accusation. "
        '"These claims are baseless," Tom Reyes, a company spokesman, said.')
    assert (denial.relation, denial.related_claim_id) == ("deny", accusation.id)


def test_a_denial_of_that_claim_points_at_the_claim_it_denies(claims_of):
    accusation, denial = claims_of("The councillor accused the mayor of hiding the true cost. "
                                   "The mayor denied that claim.")
    assert (denial.relation, denial.related_claim_id, denial.stance) == ("deny", accusation.id, "deny")
