"""Who a speaker mention means: a shared surname, a description, a document, a pronoun, resolved to the entity of
the article it stands for (hand-written news sentences, through the embedded engine)."""

import pytest


def speakers(claims_of, text):
    return [(c.speaker_mention, c.speaker) for c in claims_of(text)]


@pytest.mark.parametrize("text, named", [
    pytest.param(  # Melania Trump is named once and written "Mrs. Trump" once: the bare "Trump" is the candidate
        "Donald Trump spoke to voters in Ohio on Monday. His wife, Melania Trump, stayed in New York, "
        "where Mrs. Trump visited a school.\n\n"
        "Trump told the crowd that he would win the state. Trump said the polls were wrong.",
        ["Donald Trump", "Donald Trump"], id="not_a_relative_named_once"),
    pytest.param(  # two unrelated namesakes: the one the text has just named in full, not the first named
        "Anne Marsh won the primary in Ohio on Tuesday, and Paul Marsh lost a race for the county board.\n\n"
        "Anne Marsh thanked her volunteers. Marsh said the turnout had been high.\n\n"
        "Paul Marsh spoke to reporters in Dayton on Wednesday. Marsh said the count had been fair.",
        ["Anne Marsh", "Paul Marsh"], id="the_namesake_named_just_before"),
])
def test_a_shared_surname_is_the_person_the_text_is_about(claims_of, text, named):
    surname = named[0].split()[-1]
    assert [name for mention, name in speakers(claims_of, text) if mention == surname] == named


@pytest.mark.parametrize("text, mention, entity", [
    pytest.param(
        "Mayor Tom Reed said the closure was a mistake.\n\n"
        "The transport minister, Ana Ruiz, denied that the bridge was unsafe.",
        "The transport minister, Ana Ruiz", "Ana Ruiz",
        id="a_description_in_apposition_to_a_name_the_tagger_missed_is_that_name"),
    pytest.param(
        "The Association of Flight Attendants criticised the airline on Monday.\n\n"
        "The union said the new schedules were unsafe.",
        "The union", "Association of Flight Attendants",
        id="a_description_of_an_organisation_is_the_organisation_named_before"),
    pytest.param(
        "The Harlow Institute issued a statement on Monday about the new rules.\n\n"
        "The statement said the rules would hurt small farms.",
        "The statement", "Harlow Institute",
        id="the_statement_speaks_for_whoever_issued_it"),
    pytest.param(
        "A Reuters/Ipsos poll released on Tuesday showed the race tightening.\n\n"
        "The poll found that most voters distrust both candidates.",
        "The poll", "Reuters/Ipsos",
        id="the_poll_speaks_for_its_pollsters"),
    pytest.param(
        "Jane Roe gave an emotional speech at the convention on Monday.\n\n"
        "The emotional speech said that the country had to change.",
        "The emotional speech", "Jane Roe",
        id="a_speech_speaks_for_the_one_who_gave_it"),
    pytest.param(
        "Ivana Trump filed papers with the court in March.\n\n"
        "Her submission to the court said the house belonged to her.",
        "Her submission to the court", "Ivana Trump",
        id="her_submission_speaks_for_her"),
    pytest.param(
        "A review by USA TODAY found that the city paid twice. "
        "TODAY's review also found that the contracts were late.",
        "TODAY's review", "USA TODAY",
        id="a_possessive_names_the_outlet_whose_name_it_ends"),
    pytest.param(
        "Republican presidential nominee Donald Trump spoke in Ohio on Monday, a day after Hillary Clinton, "
        "the Democratic nominee, spoke there.\n\n"
        "The GOP presidential nominee said the trade deals had hurt workers.",
        "The GOP presidential nominee", "Donald Trump",
        id="a_qualified_office_is_the_holder_named_with_the_qualifier"),
    pytest.param(
        "Sheldon Adler built his first casino in 1989 and now owns eleven.\n\n"
        "The gambling tycoon said the new tax would cost thousands of jobs.",
        "The gambling tycoon", "Sheldon Adler",
        id="a_description_of_a_person_is_the_person_the_text_is_about"),
    pytest.param(
        "Jane Roe is running for governor of Ohio.\n\n"
        "Her campaign said she would win the state by ten points.",
        "Her campaign", "Jane Roe campaign",
        id="her_campaign_is_the_campaign_of_the_person_she_is"),
    pytest.param(
        "Bernard Sands spoke to farmers in a small town in Iowa on Monday.\n\n"
        "Sands' team said the race was not over.",
        "Sands' team", "Bernard Sands campaign",
        id="a_surname_the_tagger_took_for_a_noun_owns_the_campaign"),
    pytest.param(
        "Donald Trump said on Monday that he felt healthy.\n\n"
        "Mehmet Oz, the television doctor, read the results of the tests on his show on Thursday. "
        "He said the results were excellent.",
        "He", "Mehmet Oz",
        id="he_may_be_a_person_whose_name_the_tagger_missed"),
    pytest.param(
        "Melba Acosta Febo, the president of the bank, met the governor on Monday.\n\n"
        "Ms. Acosta said the loans had been legal.",
        "Ms. Acosta", "Melba Acosta Febo",
        id="a_first_family_name_is_the_double_surname_it_opens"),
    pytest.param(
        "The Harbour Workers Alliance went on the air in Ohio on Monday against the port plan.\n\n"
        "The ad says the plan would cost five hundred jobs.",
        "The ad", "Harbour Workers Alliance",
        id="a_document_without_its_issuer_speaks_for_the_organisation_the_text_is_about"),
    pytest.param(
        "Mayor Jane Roe met the port workers on Monday.\n\n"
        "Roe and her aides said the harbour plan would go ahead.",
        "Roe and her aides", "Jane Roe",
        id="a_name_with_unnamed_helpers_is_the_name"),
    pytest.param(
        "The two senators, Jane Roe and Tom Lassiter, said the harbour plan would cost too much.",
        "The two senators, Jane Roe and Tom Lassiter", "Jane Roe; Tom Lassiter",
        id="names_in_apposition_to_a_description_are_its_holders"),
    pytest.param(
        "Jane Roe, Tom Lassiter and Ann Brody met the port workers on Monday.\n\n"
        "Roe, Lassiter and Brody said the harbour plan would cost too much.",
        "Roe, Lassiter and Brody", "Jane Roe; Tom Lassiter; Ann Brody",
        id="every_name_of_a_list_is_a_holder"),
    pytest.param(
        "Will Hanley run for the Senate?\n\n"
        "Mark Hanley told reporters on Monday that he had not decided yet. "
        "Hanley said the party needed a candidate from the north.",
        "Hanley", "Mark Hanley",
        id="a_word_opening_a_headline_is_no_first_name"),
    pytest.param(
        "Former Secretary of State Jane Roe spoke to the farmers in Ohio on Monday.\n\n"
        "The former secretary of state said the trade deal had failed them.",
        "The former secretary of state", "Jane Roe",
        id="an_office_of_something_is_the_person_named_with_it"),
    pytest.param(
        "Republican front-runner Tom Lassiter spoke in Iowa on Monday.\n\n"
        "The front-runner said the polls had been wrong all year.",
        "The front-runner", "Tom Lassiter",
        id="a_hyphenated_description_is_the_person_named_with_it"),
    pytest.param(
        "Agency Director Tom Lassiter testified before the committee on Monday.\n\n"
        "The director said the agency had made mistakes.",
        "The director", "Tom Lassiter",
        id="the_director_is_the_person_named_director"),
    pytest.param(
        "Crime fell again in the city last year.\n\n"
        "The Harlow Institute statistics show that burglaries fell by a third.",
        "The Harlow Institute statistics", "Harlow Institute",
        id="records_speak_for_the_organisation_named_in_them"),
    pytest.param(
        "Tom Lassiter is running for governor of Ohio.\n\n"
        "His team said he would win the state by ten points.",
        "His team", "Tom Lassiter campaign",
        id="his_team_is_the_campaign_of_the_person_he_is"),
    pytest.param(
        "Tom Lassiter is running for governor of Ohio.\n\n"
        "The Lassiter camp said the polls were wrong.",
        "The Lassiter camp", "Tom Lassiter campaign",
        id="a_person_s_camp_is_the_person_s_campaign"),
    pytest.param(
        "Ann Brody spoke in Ohio on Monday. Tom Lassiter spoke in Iowa on Tuesday.\n\n"
        "Both candidates said the trade deal had failed.",
        "Both candidates", "Ann Brody; Tom Lassiter",
        id="both_candidates_are_the_two_persons_named_before"),
    pytest.param(
        "Ann Brody and Tom Lassiter met the mayor, Joe Kent, on Monday.\n\n"
        "The two said the harbour plan would go ahead.",
        "The two", "Ann Brody; Tom Lassiter",
        id="the_two_are_the_pair_named_together_before"),
    pytest.param(
        "Officials in the Obama White House were angry.\n\n"
        "Obama said the talks would resume on Monday.",
        "Obama", "Obama",
        id="a_family_name_written_first_opens_no_organisation"),
    pytest.param(
        "A Harlow Institute survey released on Monday found the race tied in Ohio.\n\n"
        "A new poll shows that most voters distrust both candidates.",
        "A new poll", "Harlow Institute",
        id="a_poll_without_its_pollster_is_the_pollster_the_article_names"),
    pytest.param(
        "Doris Whitlock met the governor on Monday, and he told her about his plan.\n\n"
        "She said the plan would fail.",
        "She", "Doris Whitlock",
        id="a_first_name_tells_a_gender_the_pronouns_near_the_name_do_not"),
    pytest.param(
        "Joe Kent smiled when reporters asked whether Tom Lassiter could win the state.\n\n"
        "He said the race was close.",
        "He", "Joe Kent",
        id="he_is_the_subject_of_the_main_clause_before"),
    pytest.param(
        "Tom Lassiter spoke in Dayton on Monday. Lassiter's pollster, Dan Hale, studied the new figures.\n\n"
        "\"The numbers moved after the debate,\" he said.",
        "he", "Dan Hale",
        id="he_is_the_name_beside_the_subject_not_its_possessor"),
])
def test_a_description_document_or_pronoun_is_the_entity_it_stands_for(claims_of, text, mention, entity):
    assert (mention, entity) in speakers(claims_of, text)
