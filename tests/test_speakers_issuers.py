"""Speakers that are not the words of their mention: a poll's results speak for the pollster, a document named
with its issuer for the issuer, what someone says for its possessor; a relative named by first name bears
the family name."""

import pytest


def speakers(claims_of, text):
    return [(c.speaker_mention, c.speaker) for c in claims_of(text)]


def test_results_of_a_poll_speak_for_its_pollster(claims_of):
    text = ("An exit poll by Harbor Analytics asked 900 voters in Iowa about their choice on Monday.\n\n"
            "Early results of the exit poll show that most voters care about jobs.")
    found = dict(speakers(claims_of, text))
    assert any(speaker == "Harbor Analytics" for mention, speaker in found.items() if "results" in mention)


def test_the_results_stand_for_the_poll_named_before(claims_of):
    text = ("A Harbor Analytics poll surveyed 900 voters in Iowa last week.\n\n"
            "Jane Roe leads with 40 percent, according to the results.")
    assert ("the results", "Harbor Analytics") in speakers(claims_of, text)


def test_a_website_speaks_for_the_organisation_that_runs_it(claims_of):
    text = ("The new tax rules will cost farmers more than they save, as the Granite Policy Institute website "
            "notes.")
    assert ("the Granite Policy Institute website", "Granite Policy Institute") in speakers(claims_of, text)



def test_what_someone_says_speaks_for_its_possessor(claims_of):
    text = ("Senator Maria Lopez spoke in Denver on Monday.\n\n"
            "Her remarks suggested that the state would sue the agency.")
    assert ("Her remarks", "Maria Lopez") in speakers(claims_of, text)


def test_a_description_possessor_speaks_for_its_holder(claims_of):
    text = ("The Harbor Workers Union met on Monday.\n\n"
            "The union's statement said the port would close for a week.")
    found = [speaker for mention, speaker in speakers(claims_of, text) if "statement" in mention]
    assert found == ["Harbor Workers Union"]


def test_a_relative_named_by_first_name_takes_the_family_name(claims_of):
    text = ("Tom Hart, a farmer in Iowa, lost his barn in the storm.\n\n"
            "His wife, Jane, said the family would rebuild it by spring.")
    found = [speaker for mention, speaker in speakers(claims_of, text) if "Jane" in mention]
    assert found == ["Jane Hart"]



def test_an_average_names_its_compiler_written_in_camel_case(claims_of):
    text = "Jane Roe leads John Doe by six points, according to the PollTrackerDaily polling average."
    assert ("the PollTrackerDaily polling average", "PollTrackerDaily") in speakers(claims_of, text)


def test_a_common_word_in_capitals_is_no_issuer(claims_of):
    text = ("The Harbor Workers Union paid for a TV ad in Boston on Monday.\n\n"
            "The ad said the port was unsafe for its workers.")
    assert ("The ad", "Harbor Workers Union") in speakers(claims_of, text)


@pytest.mark.parametrize("text, mention, speaker", [
    pytest.param("A 2014 study by economists Peter Shaw and Justin Pike found that the tariffs cost 40,000 jobs.",
                 "A 2014 study by economists Peter Shaw and Justin Pike", "Peter Shaw; Justin Pike",
                 id="persons"),
    pytest.param("Other recent polls from Lakeside College and Harbor Analytics show the race tied.",
                 "Other recent polls from Lakeside College and Harbor Analytics",
                 "Lakeside College; Harbor Analytics", id="organisations"),
])
def test_a_document_by_several_speaks_for_each_of_them(claims_of, text, mention, speaker):
    assert (mention, speaker) in speakers(claims_of, text)


def test_a_poll_speaks_for_the_pollster_a_passive_names_by_its_agent(claims_of):
    text = ("Early results of an entrance poll of Ohio caucus-goers are showing that half of them backed Roe.\n\n"
            "The survey was conducted for the networks by Lakeview Research as voters arrived.")
    found = [speaker for mention, speaker in speakers(claims_of, text) if "results" in mention]
    assert found == ["Lakeview Research"]


def test_a_poll_named_in_capitals_gives_its_pollster_to_the_polls_around_it(claims_of):
    text = ("Jane Roe leads Tom Hale by six points, according to a new poll.\n\n"
            "With the mayor weighing a run, a Morning Consult Poll found that he would draw from Roe's support.")
    assert ("a new poll", "Morning Consult") in speakers(claims_of, text)


def test_polling_reported_by_a_network_speaks_for_the_network(claims_of):
    text = "Preliminary exit polling reported by Acme News showed that turnout was high in Ohio."
    found = [speaker for mention, speaker in speakers(claims_of, text) if "polling" in mention]
    assert found == ["Acme News"]


def test_data_speak_for_the_organisation_named_in_their_compound(claims_of):
    text = "Crime fell last year across the state. The FBI data shows that thefts dropped by a third."
    assert ("The FBI data", "FBI") in speakers(claims_of, text)


def test_a_poll_with_a_possessor_is_the_possessors_not_another_pollsters(claims_of):
    text = ("A Brightline Research poll found that Jane Roe leads in Ohio.\n\n"
            "The Harbor Workers Union asked its members on Monday.\n\n"
            "The union's poll showed that 4,000 members wanted to strike.")
    found = [speaker for mention, speaker in speakers(claims_of, text) if "poll" in mention and "union" in mention]
    assert found == ["Harbor Workers Union"]




def test_a_poll_named_by_a_short_form_speaks_for_the_organisation_in_full(claims_of):
    text = ("The Quillan Institute surveyed 900 voters in Iowa last week. The poll was run by Quillan for the county "
            "board.\n\nJane Roe leads with 40 percent, the Quillan poll found.")
    assert ("the Quillan poll", "Quillan Institute") in speakers(claims_of, text)



@pytest.mark.parametrize("text, mention", [
    pytest.param("Some 40 percent of voters in a new Harbor Analytics poll said the state was on the wrong track.",
                 "40 percent of voters", id="share-of-people-in-the-poll"),
    pytest.param("In a survey conducted by the Granite Policy Institute last month, 55 percent of farmers said the "
                 "new tax rules would hurt them.", "55 percent of farmers", id="share-beside-the-poll"),
])
def test_a_share_of_people_in_a_poll_speaks_for_its_pollster(claims_of, text, mention):
    found = speakers(claims_of, text)
    assert any(mention in said and speaker in ("Harbor Analytics", "Granite Policy Institute")
               for said, speaker in found), found
