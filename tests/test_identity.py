"""Speakers across articles: one row per entity whatever the spelling, two people never merged, several holders."""

import sqlite_utils

from tracker.article import Article
from tracker.claims import Claim
from tracker.identity import name_key, same_person
from tracker.store import MIGRATIONS, ensure_schema, store_article


def said(article_id, text, speaker, quote, speaker_type="PERSON"):
    """An article ``text`` and its one indirect claim ``quote`` held by ``speaker``."""
    start = text.index(quote)
    cue = text.index(" ", len(speaker)) + 1
    claim = Claim(article_id=article_id, start=start, end=start + len(quote), quote_text=quote, kind="indirect",
                  speaker=speaker, speaker_type=speaker_type, speaker_mention=text[:len(speaker)], speaker_start=0,
                  speaker_end=len(speaker), cue=text[cue:text.index(" ", cue)], cue_start=cue,
                  cue_end=text.index(" ", cue), spans=[(start, start + len(quote))])
    return Article(id=article_id, text=text), [claim]


def speaker_counts(db):
    return {row["name"]: row["claim_count"] for row in db.query("select name, claim_count from speakers")}


def test_a_person_shared_surname_stays_two_people(fresh_db):
    store_article(fresh_db, *said("a", "Donald Trump said the wall works.", "Donald Trump", "the wall works"))
    store_article(fresh_db, *said("b", "Melania Trump said the garden grows.", "Melania Trump", "the garden grows"))
    assert speaker_counts(fresh_db) == {"Donald Trump": 1, "Melania Trump": 1}


def test_two_spellings_of_one_person_are_one_speaker_row(fresh_db):
    pairs = [("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"), ("Sen. Adam B. Schiff", "Adam Schiff"),
             ("Sameh Shukry", "Sameh Shoukry")]
    for n, (first, second) in enumerate(pairs):
        store_article(fresh_db, *said(f"{n}a", f"{first} said the talks go on.", first, "the talks go on"))
        store_article(fresh_db, *said(f"{n}b", f"{second} said the deal holds.", second, "the deal holds"))
    assert speaker_counts(fresh_db) == {"Recep Tayyip Erdoğan": 2, "Adam Schiff": 2, "Sameh Shukry": 2}
    aliases = fresh_db.execute("select aliases from speakers where name = 'Adam Schiff'").fetchone()[0]
    assert "Sen. Adam B. Schiff" in aliases


def test_the_name_shown_does_not_depend_on_the_order_of_articles(tmp_path):
    spellings = ["harbor workers union", "Harbor Workers Union", "the Harbor Workers Union"]
    shown = []
    for order in (spellings, spellings[::-1]):
        db = ensure_schema(sqlite_utils.Database(tmp_path / f"{len(shown)}.db"))
        for n, name in enumerate(order):
            store_article(db, *said(f"a{n}", f"{name} said the strike goes on.", name, "the strike goes on", "ORG"))
        shown.append(speaker_counts(db))
    assert shown == [{"Harbor Workers Union": 3}] * 2


def test_different_first_names_are_never_merged(fresh_db):
    store_article(fresh_db, *said("a", "Sameh Shoukry said yes.", "Sameh Shoukry", "yes"))
    store_article(fresh_db, *said("b", "Samir Shoukry said no.", "Samir Shoukry", "no"))
    store_article(fresh_db, *said("c", "Hillary Clinton said maybe.", "Hillary Clinton", "maybe"))
    store_article(fresh_db, *said("d", "Hillary Clayton said never.", "Hillary Clayton", "never"))
    assert set(speaker_counts(fresh_db)) == {"Sameh Shoukry", "Samir Shoukry", "Hillary Clinton", "Hillary Clayton"}


def test_organisations_match_without_accents_case_or_article(fresh_db):
    store_article(fresh_db, *said("a", "The White House said no.", "The White House", "no", "ORG"))
    store_article(fresh_db, *said("b", "White House said yes.", "White House", "yes", "ORG"))
    assert speaker_counts(fresh_db) == {"White House": 2}


def test_name_key_and_same_person():
    assert name_key("Sen. Adam B. Schiff", "PERSON") == name_key("Adam Schiff", "PERSON") == "adam schiff"
    assert name_key("Erdoğan", "PERSON") == "erdogan"
    assert name_key("the European Union", "ORG") == "european union"
    assert same_person("Sameh Shukry", "Sameh Shoukry")
    assert not same_person("Donald Trump", "Melania Trump")
    assert not same_person("Trump", "Donald Trump"), "a lone surname is the store's fuller-form rule, not this one"


def test_several_holders_are_several_speakers_of_one_claim(fresh_db):
    article, claims = said("a", "Turkey and Russia agreed the ceasefire must hold.", "Turkey; Russia",
                           "the ceasefire must hold", "GPE")
    claims[0].stance, claims[0].target = "support", "ceasefire"
    store_article(fresh_db, article, claims)
    store_article(fresh_db, *said("b", "Russia said the talks failed.", "Russia", "the talks failed", "GPE"))
    assert speaker_counts(fresh_db) == {"Turkey": 1, "Russia": 2}
    detail = next(fresh_db.query("select speaker, speakers from claim_details where article_id = 'a'"))
    assert detail == {"speaker": "Turkey; Russia", "speakers": '["Turkey","Russia"]'}
    summary = {row["speaker"]: row["support"] for row in fresh_db.query("select * from stance_summary")}
    assert summary == {"Turkey": 1, "Russia": 1}
    store_article(fresh_db, article, [])
    assert speaker_counts(fresh_db) == {"Russia": 1}


def test_a_stored_row_of_several_holders_is_split_by_the_migration(tmp_path):
    db = sqlite_utils.Database(tmp_path / "old.db")
    MIGRATIONS.apply(db, stop_before="m006_speaker_identity")
    db["articles"].insert({"id": "a", "text": "Turkey and Russia agreed.", "content_hash": "h"})
    speaker_id = db["speakers"].insert({"name": "Turkey; Russia", "type": "GPE", "claim_count": 1}).last_pk
    db["speakers"].insert({"name": "Russia", "type": "GPE", "claim_count": 0})
    db["claims"].insert({"id": "c", "article_id": "a", "speaker_id": speaker_id, "kind": "indirect",
                         "quote_text": "agreed", "start": 0, "end": 6})
    ensure_schema(db)
    assert speaker_counts(db) == {"Turkey": 1, "Russia": 1}
    assert [row[0] for row in db.execute("select speaker_id from claim_speakers order by position")] == [
        db.execute("select id from speakers where name = ?", [name]).fetchone()[0] for name in ("Turkey", "Russia")]
