"""Holders the article does not name ("experts", "a spokesman for the ministry", "some"): the claim keeps the
description as its unnamed source, and no speaker row gathers the experts of every article as one entity."""

from dataclasses import replace

from tracker.article import Article
from tracker.store import store_article, stored_claims

EXPERTS = "Experts said the new dam would flood the valley. Mayor Ana Ruiz said the dam was safe."
OTHER_EXPERTS = "Experts said the harbour would silt up within a decade."


def store(db, claims_of, article_id, text):
    """Store the claims found in ``text`` as those of the article ``article_id``."""
    claims = [replace(claim, article_id=article_id) for claim in claims_of(text)]
    store_article(db, Article(id=article_id, text=text), claims)


def named(claims_of, text):
    """``{speaker mention: (speaker, named)}`` of the claims found in ``text``."""
    return {c.speaker_mention: (c.speaker, c.speaker_named) for c in claims_of(text)}


def test_a_description_of_people_names_no_speaker(claims_of):
    text = ("Some said the governor was wrong. A spokesman for the ministry said the talks would resume. "
            "Clinton supporters said the rally was the largest of the year.")
    assert named(claims_of, text) == {"Some": ("Some", False),
                                      "A spokesman for the ministry": ("spokesman for the ministry", False),
                                      "Clinton supporters": ("Clinton supporters", False)}


def test_a_name_the_tagger_left_untyped_and_a_body_named_by_one_stay_named(claims_of):
    text = "The Obama administration said it would appeal the ruling. Peabody said the mine would close in May."
    found = named(claims_of, text)
    assert found["The Obama administration"] == ("Obama administration", True)
    assert found["Peabody"] == ("Peabody", True)


def test_unnamed_sources_of_two_articles_are_no_speaker_row(claims_of, fresh_db):
    for article_id, text in (("dam", EXPERTS), ("harbour", OTHER_EXPERTS)):
        store(fresh_db, claims_of, article_id, text)
    assert [row["name"] for row in fresh_db.query("select name from speakers")] == ["Ana Ruiz"]
    desk = {row["statement"]: (row["speaker"], row["unnamed_source"]) for row in fresh_db.query(
        "select statement, speaker, unnamed_source from claim_desk")}
    assert desk["the new dam would flood the valley"] == (None, "Experts")
    assert desk["the harbour would silt up within a decade"] == (None, "Experts")
    assert desk["the dam was safe"] == ("Ana Ruiz", None)


def test_an_unnamed_source_is_read_back_as_it_was_stored(claims_of, fresh_db):
    store(fresh_db, claims_of, "dam", EXPERTS)
    back = {c.speaker_mention: (c.speaker, c.speaker_named) for c in stored_claims(fresh_db, "dam")}
    assert back == {"Experts": ("Experts", False), "Mayor Ana Ruiz": ("Ana Ruiz", True)}


def test_a_pronoun_for_unnamed_holders_and_an_unsigned_writer_name_no_speaker(claims_of):
    text = ("Environmental experts met in Geneva on Monday. They said the treaty was too weak.\n\n"
            "I believe the treaty will fail.")
    assert named(claims_of, text) == {"They": ("Environmental experts", False), "I": ("author", False)}


def test_a_title_alone_in_a_headline_is_the_holder_the_article_names_else_no_one(claims_of):
    named_later = ("Minister defends school reform as teachers threaten strike\n\nEducation Minister Sofia Brandt "
                   "on Thursday defended her plan to lengthen the school day.")
    assert named(claims_of, named_later)["Minister"] == ("Sofia Brandt", True)
    nobody = ("Judge says pier lawsuit has no merit\n\nA lawsuit over the old pier was dismissed on Monday. The "
              "plaintiffs said they would appeal.")
    assert named(claims_of, nobody)["Judge"] == ("Judge", False)


def test_an_office_holder_the_lead_introduces_is_the_one_named_just_after(claims_of):
    named_next = ("A state judge on Monday struck down the city's parking rules, saying the council had skipped a "
                  "public hearing.\n\nCounty Judge Miriam Osei wrote that the rules could not stand.")
    assert named(claims_of, named_next)["A state judge"] == ("Miriam Osei", True)
    named_far = ("A state judge on Monday struck down the city's parking rules, saying the council had skipped a "
                 "public hearing.\n\nThe council met on Tuesday.\n\nThe mayor was away.\n\nCity officials were "
                 "silent.\n\nCounty Judge Miriam Osei later wrote that other rules could not stand.")
    assert named(claims_of, named_far)["A state judge"][0] != "Miriam Osei"


def test_a_countrys_office_holder_is_the_one_named_just_after_else_the_country(claims_of):
    named_next = ("Norway's finance minister warned on Monday that the fund would shrink.\n\n"
                  "Finance Minister Erik Dahl said the fall in oil prices was to blame.")
    assert named(claims_of, named_next)["Norway's finance minister"] == ("Erik Dahl", True)
    unnamed = "Norway's finance minister warned on Monday that the fund would shrink."
    assert named(claims_of, unnamed)["Norway's finance minister"][0] == "Norway"
    another = ("In 2014, Germany's president urged a larger security role for the country. Weeks later, Russia's "
               "leader, President Vladimir Putin, annexed Crimea.")
    assert named(claims_of, another)["Germany's president"][0] == "Germany"


def test_the_campaign_is_the_campaign_the_article_last_named(claims_of):
    text = ("Senator Jane Roe's campaign opened an office in Dayton on Monday. Roe told supporters that she would "
            "win Ohio.\n\nThe campaign said it had raised $2 million in the first quarter.")
    assert named(claims_of, text)["The campaign"] == ("Jane Roe campaign", True)
