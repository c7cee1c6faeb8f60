"""Speakers that are several named holders: the members a group names ("including", "like"), a list of names the
parser reads as an apposition or as one name, a family named by its surname; and the person a "who" stands for."""

import pytest


def speakers(claims_of, text):
    return [(c.speaker_mention, c.speaker) for c in claims_of(text)]


def holders(claims_of, text, mention=""):
    """The names of the first claim's speaker (several joined by "; ") whose mention opens with ``mention``,
    sorted; None without such a claim."""
    found = [speaker for said, speaker in speakers(claims_of, text) if said.startswith(mention)]
    return sorted(found[0].split("; ")) if found else None


def test_a_group_including_named_members_is_those_members(claims_of):
    text = ("Several Democratic senators, including Maria Lopez and Tom Hart, said the budget would hurt rural "
            "hospitals.")
    assert holders(claims_of, text, "Several") == ["Maria Lopez", "Tom Hart"]


def test_a_named_holder_compared_with_another_stays_itself(claims_of):
    text = "The Daily Ledger, like the Morning Courier, reported that the mayor would resign."
    assert [speaker for _, speaker in speakers(claims_of, text)] == ["Daily Ledger"]


def test_a_list_of_three_names_is_three_holders(claims_of):
    text = "Maria Lopez, Tom Hart and Ann Weller said the bridge must close for repairs."
    assert holders(claims_of, text) == ["Ann Weller", "Maria Lopez", "Tom Hart"]


def test_names_listed_with_a_title_the_parser_reads_as_one_name_are_each_a_holder(claims_of):
    text = "Jane Roe and House Speaker Tom Hale said on Monday that the bridge would reopen in May."
    assert holders(claims_of, text) == ["Jane Roe", "Tom Hale"]


def test_titles_coordinated_before_one_name_are_that_one_holder(claims_of):
    text = "Daily Ledger Vice President and Executive Director Tom Reyes wrote that the report was wrong."
    assert holders(claims_of, text) == ["Tom Reyes"]


def test_a_description_taken_for_a_named_holder_of_the_same_list_is_not_named_twice(claims_of):
    text = "Texas Gov. Greg Abbott and the Houston mayor said the storm was over."
    assert holders(claims_of, text) == ["Greg Abbott"]


def test_names_after_a_preposition_are_not_the_holders(claims_of):
    text = "Aides to Jane Roe and House Speaker Tom Hale said on Monday that the bridge would reopen in May."
    assert [speaker for _, speaker in speakers(claims_of, text)] == ["Aides"]


def test_a_list_with_a_name_the_tagger_missed_is_not_cut_to_the_names_it_found(claims_of):
    text = "Jane Roe, Hale, Mayor Ana Ruiz and Senator Paul Beck said on Monday that the bridge would reopen in May."
    found = [speaker for _, speaker in speakers(claims_of, text)]
    assert found and ";" not in found[0]  # not "Jane Roe; Paul Beck", which leaves out Hale


def test_a_family_named_by_its_surname_is_its_members(claims_of):
    text = ("Ruth Calder and her husband, Owen Calder, run a dairy farm in Vermont.\n\n"
            "The Calders said the drought had cost them half their herd.")
    found = dict(speakers(claims_of, text))
    assert sorted((found.get("The Calders") or "").split("; ")) == ["Owen Calder", "Ruth Calder"]


def test_who_after_a_workplace_is_the_person_working_there(claims_of):
    text = ("The merger will not save the plant, said Jane Roe, a senior analyst at Harbor Bank, who notes that "
            "the company has lost money for five years.")
    found = [speaker for mention, speaker in speakers(claims_of, text) if mention.lower() == "who"]
    assert found == ["Jane Roe"]


def test_they_are_the_names_coordinated_before_in_any_role(claims_of):
    text = ("The governor praised Senators Mike Crane and Jim Rich on Monday.\n\n"
            "Last week, they said the state courts needed more judges.")
    assert ("they", "Mike Crane; Jim Rich") in speakers(claims_of, text)


def test_they_are_no_plural_of_things_but_the_people_before(claims_of):
    text = ("Mike Crane and Jim Rich of Harbor University studied the mill towns of Ohio last year.\n\n"
            "Wages stayed low in most of those towns, they argue.")
    assert ("they", "Mike Crane; Jim Rich") in speakers(claims_of, text)


def test_who_after_coordinated_names_with_a_plural_verb_is_all_of_them(claims_of):
    text = ("Rubin spared his rivals on Monday, particularly Jeb Stone and Chris Hale, who say the tax plan is a "
            "mistake.")
    assert ("who", "Jeb Stone; Chris Hale") in speakers(claims_of, text)


@pytest.mark.parametrize("text, name", [
    pytest.param("The tax plan drew fire from several candidates, including Donald Lamb and Ted Cole, who has said "
                 "the plan would hurt farmers.", "Ted Cole",
                 id="who_after_coordinated_names_with_a_singular_verb_is_the_last_one"),
    pytest.param("\"The party has lost its way,\" said Lionel Soto, a Texas media consultant and an influential "
                 "Hispanic Republican who said he would not vote in November.", "Lionel Soto",
                 id="who_after_a_second_description_in_apposition_is_the_name"),
    pytest.param("Mr. Icahn invited his friend Donald Lamb, who has promised to cut taxes for every family.",
                 "Donald Lamb", id="who_after_a_noun_with_a_name_in_apposition_is_the_name"),
    pytest.param("The manager dismissed criticism from Hart, Mills and Tom Doyle, a banker and former state "
                 "official who has said the campaign wastes money.", "Tom Doyle",
                 id="who_after_descriptions_of_the_last_of_several_names_is_that_name"),
])
def test_who_stands_for_the_name_its_clause_is_about(claims_of, text, name):
    assert ("who", name) in speakers(claims_of, text)


def test_names_in_apposition_to_a_party_noun_are_its_holders(claims_of):
    text = ("But the two leading Republicans, Donald J. Lamb and Senator Ted Cole, have questioned the science "
            "of climate change.")
    found = [speaker for mention, speaker in speakers(claims_of, text) if mention.startswith("the two")]
    assert found == ["Donald J. Lamb; Ted Cole"]


def test_who_the_parser_hangs_on_a_time_is_the_person_named_before_it(claims_of):
    text = "Dock workers hope to re-elect Mayor Jane Roe this fall, who promised to rebuild the pier."
    found = [speaker for mention, speaker in speakers(claims_of, text) if mention.lower() == "who"]
    assert found == ["Jane Roe"]


@pytest.mark.parametrize("text", [
    "Maria Lopez ran the bakery on Main Street for twenty years. She was a proud woman who said the rent had doubled.",
    "Maria Lopez is a lawyer who says the port must close.",
])
def test_who_after_a_description_said_of_someone_is_that_someone(claims_of, text):
    found = [speaker for mention, speaker in speakers(claims_of, text) if mention.lower() == "who"]
    assert found == ["Maria Lopez"]


def test_they_after_two_named_persons_is_those_persons_not_an_earlier_group(claims_of):
    text = ("Union leaders marched through Millbrook on Saturday. Consider Mayor Tom Hale and Councilwoman Ana Ruiz. "
            "Last week, they said the plant would stay open.")
    assert holders(claims_of, text, "they") == ["Ana Ruiz", "Tom Hale"]
