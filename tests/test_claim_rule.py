"""The ``rule`` column: every stored claim says which attribution rule found it, a database from before the
column gains it (and still searches), and the site facets claims by it."""

import sqlite_utils

from site_client import get, get_json
from test_publish import CLAIMS, build, facet_counts
from tracker.article import Article
from tracker.claims import Claim
from tracker.publish import datasette_app, load_metadata
from tracker.store import MIGRATIONS, claim_row, open_db, store_article
from tracker.views import CLAIM_DETAILS

TEXT = '"The strike is over," Maria Costa said. According to the union, the deal was fair.'


def claim(article_id, quote, rule, text=TEXT):
    start = text.index(quote)
    return Claim(article_id=article_id, start=start, end=start + len(quote), quote_text=quote, kind="direct",
                 speaker=None, speaker_type=None, speaker_mention=None, speaker_start=None, speaker_end=None,
                 cue=None, cue_start=None, cue_end=None, spans=[(start, start + len(quote))], rule=rule)


def old_database(path):
    """A database as tracker wrote it before the rule column: migrations m001-m004, the claim_details view
    of then, one article with one claim."""
    db = sqlite_utils.Database(path)
    MIGRATIONS.apply(db, stop_before="m005_claim_rule")
    db.create_view("claim_details", CLAIM_DETAILS.replace("  claims.rule,\n", ""))
    db["articles"].insert({"id": "old", "text": TEXT, "content_hash": "h", "date": "2020-01-02"})
    columns = db["claims"].columns_dict  # the claim's fields of then: no rule, nor any column added since
    db["claims"].insert({k: v for k, v in claim_row(claim("old", "The strike is over,", None), {}, {}).items()
                         if k in columns})
    triggers = sorted(t.name for t in db["claims"].triggers)
    db.close()
    return triggers


def test_stored_claims_keep_the_rule_that_found_them(fresh_db):
    store_article(fresh_db, Article(id="a", text=TEXT), [claim("a", "The strike is over,", "parataxis"),
                                                          claim("a", "the deal was fair", "according")])
    assert fresh_db.execute("select quote_text, rule from claims order by start").fetchall() == [
        ("The strike is over,", "parataxis"), ("the deal was fair", "according")]
    assert fresh_db.execute("select rule from claim_details order by start").fetchall() == [
        ("parataxis",), ("according",)]


def test_claims_the_extractor_finds_are_stored_with_their_rule(fresh_db, claims_of):
    text = '"The strike is over," Maria Costa said on Monday.'
    claims = claims_of(text)
    assert claims and all(c.rule for c in claims)
    store_article(fresh_db, Article(id="t", text=text), claims)
    assert [r for (r,) in fresh_db.execute("select rule from claims order by start")] == [c.rule for c in claims]


def test_an_old_database_gains_the_rule_column_and_still_searches(db_path):
    db_path.parent.mkdir(parents=True)
    triggers = old_database(db_path)
    db = open_db(db_path)
    assert "rule" in db["claims"].columns_dict and "rule" in db["claim_details"].columns_dict
    assert db.execute("select id, rule from claims").fetchall() == [(claim("old", "The strike is over,", None).id,
                                                                     None)]
    assert sorted(t.name for t in db["claims"].triggers) == triggers and db["claims"].detect_fts() == "claims_fts"
    assert [r["quote_text"] for r in db["claims"].search("strike")] == ["The strike is over,"]
    store_article(db, Article(id="new", text=TEXT), [claim("new", "the deal was fair", "according")])
    assert [(r["article_id"], r["rule"]) for r in db["claims"].search("deal")] == [("new", "according")]
    store_article(db, Article(id="new", text=TEXT + " "), [])
    assert list(db["claims"].search("deal")) == []  # the triggers follow deletes too
    db.close()
    ds = datasette_app(db_path)
    rows = get_json(ds, "/claims/claim_details.json?_shape=array&_search=strike")
    assert [(r["article_id"], r["rule"]) for r in rows] == [("old", None)]


def test_claim_details_and_claims_facet_by_rule(db_path):
    ds = datasette_app(build(db_path))
    expected = {"ccomp": 3, "parataxis": 2, "colon": 1}
    assert [rule for *_, rule in CLAIMS].count("ccomp") == 3
    for table in ("claim_details", "claims"):
        assert facet_counts(get_json(ds, f"/claims/{table}.json"), "rule") == expected, table
        assert get(ds, f"/claims/{table}").status_code == 200, table
    rows = get_json(ds, "/claims/claim_details.json?_shape=array&rule=colon")
    assert [(r["speaker"], r["quote_text"]) for r in rows] == [("Maria Costa", "We oppose the new tariff.")]


def test_the_metadata_says_the_rule_is_why_a_claim_exists(db_path):
    tables = load_metadata(db_path)["databases"]["claims"]["tables"]
    for table in ("claims", "claim_details"):
        assert "rule" in tables[table]["facets"], table
        description = tables[table]["columns"]["rule"]
        assert description.startswith("Why the claim exists") and "according" in description, table
