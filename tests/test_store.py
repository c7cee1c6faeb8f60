"""The store step: schema, idempotent re-stores, one transaction per article, shared speakers, search, prune."""

import hashlib
import json
import sqlite3
from dataclasses import replace

import pytest

from tracker.article import Article
from tracker.claims import Claim
from tracker.store import article_state, ensure_schema, open_db, prune, store_article, stored_claims

TEXT_A = ('"The ceasefire will hold," Ibrahim Kalin said on Monday. Kalin added that talks would resume. '
          'The ministry said it was "ready for a deal".')
TEXT_B = 'Kalin told reporters: "We reject the proposal." Critics said the plan was rushed.'


def claim(article_id, text, quote, speaker=None, mention=None, speaker_type="PERSON", cue="said", **extra):
    """A ``Claim`` whose offsets are found in ``text``."""
    start = text.index(quote)
    mention_start = text.index(mention) if mention else None
    cue_start = text.index(cue) if cue else None
    return Claim(
        article_id=article_id, start=start, end=start + len(quote), quote_text=quote,
        kind=extra.pop("kind", "direct"), speaker=speaker, speaker_type=speaker_type if speaker else None,
        speaker_mention=mention, speaker_start=mention_start,
        speaker_end=mention_start + len(mention) if mention else None,
        cue=cue, cue_start=cue_start, cue_end=cue_start + len(cue) if cue else None,
        spans=[(start, start + len(quote))], **extra)


def article_a(text=TEXT_A):
    return Article(id="a", text=text, date="2020-07-20", title="Ceasefire talks", url="https://example.org/a")


def claims_a(text=TEXT_A):
    return [
        claim("a", text, "The ceasefire will hold,", "Ibrahim Kalin", "Ibrahim Kalin",
              stance="support", target="ceasefire", stance_evidence="will hold"),
        claim("a", text, "talks would resume", "Ibrahim Kalin", "Kalin", cue="added", kind="indirect"),
        claim("a", text, "it was \"ready for a deal\"", "Foreign Ministry", "The ministry",
              speaker_type="ORG", kind="mixed"),
    ]


def article_b():
    return Article(id="b", text=TEXT_B, date="2020-07-21", title="Proposal rejected")


def claims_b():
    return [
        claim("b", TEXT_B, "We reject the proposal.", "Ibrahim Kalin", "Kalin", cue="told",
              stance="against", target="proposal"),
        claim("b", TEXT_B, "the plan was rushed", None, "Critics", kind="indirect"),
    ]


def dump(db):
    return {table: list(db.query(f"select * from [{table}] order by rowid"))
            for table in ("articles", "speakers", "claims")}


def test_schema_tables_columns_and_foreign_keys(fresh_db):
    assert {"articles", "speakers", "claims"} <= set(fresh_db.table_names())
    assert fresh_db["articles"].pks == ["id"] and fresh_db["claims"].pks == ["id"]
    assert set(fresh_db["claims"].columns_dict) == {
        "id", "article_id", "speaker_id", "speaker_mention", "speaker_start", "speaker_end", "role",
        "addressee", "cue", "cue_start", "cue_end", "kind", "quote_text", "start", "end", "spans",
        "paragraph", "stance", "target", "stance_evidence", "target_id", "target_type", "stance_confidence",
        "hedged", "normalized_text", "rule", "cue_lemma", "speaker_description"}
    assert set(fresh_db["articles"].columns_dict) == {
        "id", "path", "url", "title", "author", "date", "text", "content_hash", "ingested_at", "origin"}
    assert set(fresh_db["speakers"].columns_dict) == {"id", "name", "type", "aliases", "claim_count", "name_key"}
    fks = {(fk.column, fk.other_table, fk.other_column) for fk in fresh_db["claims"].foreign_keys}
    assert fks == {("article_id", "articles", "id"), ("speaker_id", "speakers", "id"), ("target_id", "targets", "id")}
    relation_fks = {(fk.column, fk.other_table) for fk in fresh_db["claim_relations"].foreign_keys}
    assert relation_fks == {("claim_id", "claims"), ("other_claim_id", "claims")}
    indexed = {tuple(index.columns) for index in fresh_db["claims"].indexes}
    assert {("article_id",), ("speaker_id",), ("stance",), ("target",)} <= indexed
    assert any(index.unique and index.columns == ["name"] for index in fresh_db["speakers"].indexes)
    for table in ("claims", "speakers", "articles"):
        assert fresh_db[table].detect_fts() == f"{table}_fts"
    assert fresh_db.execute("pragma foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        fresh_db["claims"].insert({"id": "x", "article_id": "missing", "kind": "direct",
                                   "quote_text": "q", "start": 0, "end": 1})


def test_open_db_creates_folder_wal_and_is_idempotent(db_path):
    db = open_db(db_path)
    assert db_path.exists() and db.journal_mode == "wal"
    store_article(db, article_a(), claims_a())
    db.close()
    again = open_db(db_path)
    assert again["claims"].count == 3
    assert [m["name"] for m in again.query("select name from _sqlite_migrations")] == [
        "m001_tables", "m002_full_text_search", "m003_stance_targets_relations", "m004_article_author",
        "m005_claim_rule", "m006_speaker_identity", "m007_article_origin", "m008_corrections",
        "m009_cue_lemma", "m010_unnamed_speakers"]
    again.close()


def test_a_database_from_before_authors_gains_the_column_and_keeps_its_articles(db_path):
    db = open_db(db_path)
    store_article(db, article_a(), claims_a())
    db.execute("alter table articles drop column author")  # the schema as m001-m003 left it
    db.execute("drop view claim_details")  # the view and index of m005's column, for its drop
    db.execute("drop index idx_claims_rule")
    db.execute("alter table claims drop column rule")
    db.execute("delete from _sqlite_migrations where name in ('m004_article_author', 'm005_claim_rule')")
    db.conn.commit()
    db.close()
    again = open_db(db_path)
    assert "author" in again["articles"].columns_dict
    assert again["claims"].count == 3 and again.execute("select author from articles").fetchall() == [(None,)]
    assert article_state(again, article_a()) == "unchanged", "an article without author keeps its hash"
    assert [row["id"] for row in again["articles"].search("ceasefire")] == ["a"]
    store_article(again, Article(id="w", text=TEXT_B, title="Proposal rejected", author="Dana Roe"), [])
    assert again.execute("select author from articles where id = 'w'").fetchone() == ("Dana Roe",)
    again.close()


def test_a_database_from_before_cue_lemmas_gains_the_column_empty_until_the_article_is_stored_again(db_path):
    db = open_db(db_path)
    store_article(db, article_a(), claims_a())
    for view in ("claim_details", "claim_desk"):  # the views that read the column, for its drop
        db.execute(f"drop view {view}")
    db.execute("alter table claims drop column cue_lemma")
    db.execute("delete from _sqlite_migrations where name = 'm009_cue_lemma'")
    db.conn.commit()
    db.close()
    again = open_db(db_path)
    assert again.execute("select count(*), count(cue_lemma) from claim_desk").fetchone() == (3, 0)
    lemmas = {"said": "say", "added": "add"}
    store_article(again, article_a(), [replace(c, cue_lemma=lemmas[c.cue]) for c in claims_a()])
    assert dict(again.execute("select cue, cue_lemma from claim_desk").fetchall()) == lemmas
    assert [c.cue_lemma for c in stored_claims(again, "a")] == ["say", "add", "say"], "read back to store again"
    again.close()


def test_the_author_is_part_of_the_content_hash_when_there_is_one():
    plain = Article(id="a", text=TEXT_A, date="2020-07-20", title="T")
    before_authors = hashlib.sha1(json.dumps([TEXT_A, "2020-07-20", "T"]).encode("utf-8")).hexdigest()
    assert plain.content_hash == before_authors, "stored articles without an author are not re-parsed"
    signed = Article(id="a", text=TEXT_A, date="2020-07-20", title="T", author="Dana Roe")
    assert signed.content_hash != plain.content_hash


def test_article_state(fresh_db):
    assert article_state(fresh_db, article_a()) == "new"
    store_article(fresh_db, article_a(), claims_a())
    assert article_state(fresh_db, article_a()) == "unchanged"
    assert article_state(fresh_db, article_a(TEXT_A + " More.")) == "changed"


def test_storing_twice_is_idempotent(fresh_db):
    assert store_article(fresh_db, article_a(), claims_a()) == 3
    first = dump(fresh_db)
    assert store_article(fresh_db, article_a(), claims_a()) == 3
    assert dump(fresh_db) == first
    row = first["claims"][0]
    assert row["speaker_id"] == first["speakers"][0]["id"]
    assert json.loads(row["spans"]) == [[row["start"], row["end"]]]
    assert TEXT_A[row["start"]:row["end"]] == row["quote_text"]
    assert first["articles"][0]["content_hash"] == article_a().content_hash


def test_changed_article_replaces_its_claims(fresh_db):
    store_article(fresh_db, article_a(), claims_a())
    text = TEXT_A.replace("The ministry said", "Officials said")
    new_claims = [
        claim("a", text, "The ceasefire will hold,", "Ibrahim Kalin", "Ibrahim Kalin"),
        claim("a", text, "it was \"ready for a deal\"", None, "Officials", kind="mixed"),
    ]
    assert store_article(fresh_db, article_a(text), new_claims) == 2
    assert {r["id"] for r in fresh_db["claims"].rows} == {c.id for c in new_claims}
    assert fresh_db["articles"].get("a")["text"] == text
    # the ministry was only quoted in the old version: its speaker row goes with its claims
    assert [r["name"] for r in fresh_db["speakers"].rows] == ["Ibrahim Kalin"]
    assert fresh_db["speakers"].get(1)["claim_count"] == 1


def test_failure_mid_store_leaves_previous_version_intact(fresh_db):
    store_article(fresh_db, article_a(), claims_a())
    before = dump(fresh_db)
    text = TEXT_A + " Later he said more."
    broken = claims_a(text)
    broken.append(claim("a", text, "more", "New Speaker", "he"))
    broken[-1].quote_text = None  # NOT NULL violation, after the article and speakers were written
    with pytest.raises(sqlite3.IntegrityError):
        store_article(fresh_db, article_a(text), broken)
    assert dump(fresh_db) == before
    assert not fresh_db.conn.in_transaction
    duplicate = claims_a(text) + claims_a(text)[:1]  # the same claim id twice
    with pytest.raises(sqlite3.IntegrityError):
        store_article(fresh_db, article_a(text), duplicate)
    assert dump(fresh_db) == before


def test_claim_of_another_article_is_refused(fresh_db):
    with pytest.raises(ValueError, match="belongs to article 'b'"):
        store_article(fresh_db, article_a(), claims_a() + claims_b())
    assert fresh_db["articles"].count == 0


def test_speakers_are_merged_across_articles_by_name(fresh_db):
    store_article(fresh_db, article_a(), claims_a())
    store_article(fresh_db, article_b(), claims_b())
    speakers = {r["name"]: r for r in fresh_db["speakers"].rows}
    assert set(speakers) == {"Ibrahim Kalin", "Foreign Ministry"}
    kalin = speakers["Ibrahim Kalin"]
    assert json.loads(kalin["aliases"]) == ["Ibrahim Kalin", "Kalin"]
    assert kalin["claim_count"] == 3 and kalin["type"] == "PERSON"
    assert speakers["Foreign Ministry"]["type"] == "ORG"
    assert {r["article_id"] for r in fresh_db["claims"].rows_where("speaker_id = ?", [kalin["id"]])} == {"a", "b"}
    # a claim without a resolved speaker keeps its mention and gets no speaker row
    unknown = next(fresh_db["claims"].rows_where("speaker_mention = 'Critics'"))
    assert unknown["speaker_id"] is None


def test_full_text_search_finds_quotes_and_follows_changes(fresh_db):
    store_article(fresh_db, article_a(), claims_a())
    store_article(fresh_db, article_b(), claims_b())
    assert [r["quote_text"] for r in fresh_db["claims"].search("ceasefire")] == ["The ceasefire will hold,"]
    assert [r["name"] for r in fresh_db["speakers"].search("kalin")] == ["Ibrahim Kalin"]
    assert [r["id"] for r in fresh_db["articles"].search("proposal")] == ["b"]
    store_article(fresh_db, article_a(), claims_a()[1:])
    assert list(fresh_db["claims"].search("ceasefire")) == []


def test_prune_removes_articles_claims_and_orphan_speakers(fresh_db):
    store_article(fresh_db, article_a(), claims_a())
    store_article(fresh_db, article_b(), claims_b())
    assert prune(fresh_db, ["b"]) == ["a"]
    assert [r["id"] for r in fresh_db["articles"].rows] == ["b"]
    assert {r["article_id"] for r in fresh_db["claims"].rows} == {"b"}
    assert [(r["name"], r["claim_count"]) for r in fresh_db["speakers"].rows] == [("Ibrahim Kalin", 1)]
    assert prune(fresh_db, ["b"]) == []
    assert list(fresh_db["claims"].search("ceasefire")) == []


def test_ensure_schema_twice_changes_nothing(fresh_db):
    store_article(fresh_db, article_a(), claims_a())
    before = dump(fresh_db)
    ensure_schema(fresh_db)
    assert dump(fresh_db) == before


def test_a_surname_in_another_article_is_the_same_speaker(fresh_db):
    first, second = "Ibrahim Kalin said the deal holds.", "Kalin said the talks failed."
    store_article(fresh_db, Article(id="a1", text=first),
                  [claim("a1", first, "the deal holds", "Ibrahim Kalin", "Ibrahim Kalin", kind="indirect")])
    store_article(fresh_db, Article(id="a2", text=second),
                  [claim("a2", second, "the talks failed", "Kalin", "Kalin", kind="indirect")])
    rows = list(fresh_db.query("select name, aliases, claim_count from speakers"))
    assert rows == [{"name": "Ibrahim Kalin", "aliases": '["Ibrahim Kalin", "Kalin"]', "claim_count": 2}]


def test_a_full_name_takes_over_a_stored_surname(fresh_db):
    first, second = "Kalin said the talks failed.", "Ibrahim Kalin said the deal holds."
    store_article(fresh_db, Article(id="a1", text=first),
                  [claim("a1", first, "the talks failed", "Kalin", "Kalin", kind="indirect")])
    store_article(fresh_db, Article(id="a2", text=second),
                  [claim("a2", second, "the deal holds", "Ibrahim Kalin", "Ibrahim Kalin", kind="indirect")])
    rows = list(fresh_db.query("select id, name, aliases, claim_count from speakers"))
    assert [(r["name"], r["claim_count"]) for r in rows] == [("Ibrahim Kalin", 2)]
    assert "Kalin" in json.loads(rows[0]["aliases"])
    assert {r["speaker_id"] for r in fresh_db.query("select speaker_id from claims")} == {rows[0]["id"]}


def test_a_surname_before_the_full_name_in_one_article_is_one_speaker(fresh_db):
    text = "Sanders said no. Bernie Sanders said yes."
    store_article(fresh_db, Article(id="a", text=text), [
        claim("a", text, "no", "Sanders", "Sanders", kind="indirect"),
        claim("a", text, "yes", "Bernie Sanders", "Bernie Sanders", kind="indirect")])
    rows = list(fresh_db.query("select id, name, claim_count from speakers"))
    assert [(r["name"], r["claim_count"]) for r in rows] == [("Bernie Sanders", 2)]


def test_a_surname_shared_by_two_people_stays_apart(fresh_db):
    text = "Hillary Clinton said yes. Bill Clinton said no. Clinton said maybe."
    store_article(fresh_db, Article(id="a", text=text), [
        claim("a", text, "yes", "Hillary Clinton", "Hillary Clinton", kind="indirect"),
        claim("a", text, "no", "Bill Clinton", "Bill Clinton", kind="indirect"),
        claim("a", text, "maybe", "Clinton", "Clinton", kind="indirect")])
    assert {r["name"] for r in fresh_db.query("select name from speakers")} == {
        "Hillary Clinton", "Bill Clinton", "Clinton"}
