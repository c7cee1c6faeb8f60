"""Ids mean one article: a file's is the same whatever the spelling of its path, an id read twice is an error,
and an id is never taken over by another kind of source."""

import json
import sqlite3

import sqlite_utils

from tracker.archive import read_paths
from tracker.article import Article, ReadError
from tracker.ingest import run_ingest
from tracker.store import MIGRATIONS, ensure_schema, open_db, store_article

STORY = ('"The bridge will stay closed until spring," Mara Quint said on Tuesday.\n\n'
         'Quint, the county engineer, said that the repairs would cost more than planned.')


def read_ids(paths):
    return [(item.id, item.origin) if isinstance(item, Article) else str(item) for item in read_paths(paths)]


def test_a_file_has_one_id_whatever_the_spelling_of_its_path(tmp_path, monkeypatch):
    (tmp_path / "corpus" / "2021").mkdir(parents=True)
    (tmp_path / "corpus" / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "corpus" / "2021" / "b.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for spelling in ("corpus/a.txt", "./corpus/a.txt", str(tmp_path / "corpus" / "a.txt")):
        assert read_ids([spelling]) == [("a.txt", "file")]
    assert read_ids(["corpus"]) == read_ids([str(tmp_path / "corpus")]) == [("2021/b.txt", "file"), ("a.txt", "file")]
    monkeypatch.chdir(tmp_path / "corpus")
    assert read_ids(["a.txt"]) == [("a.txt", "file")]
    assert read_ids(["."]) == [("2021/b.txt", "file"), ("a.txt", "file")]


def test_an_id_read_twice_is_an_error_naming_both_and_the_first_is_kept(tmp_path):
    records = tmp_path / "batch.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "A9", "text": "The first text."}, {"id": "B1", "text": "Another text."},
        {"id": "A9", "text": "The second text."}]), encoding="utf-8")
    items = list(read_paths([str(records)]))
    assert [item.text for item in items if isinstance(item, Article)] == ["The first text.", "Another text."]
    error, = [item for item in items if isinstance(item, ReadError)]
    assert str(error) == (f"{records}: A9: duplicate id 'A9', first read from {records}: A9 (kept); "
                          "this one is not stored")


def test_a_record_cannot_take_the_id_of_a_file(tmp_path):
    (tmp_path / "sample.txt").write_text(STORY, encoding="utf-8")
    db_path = tmp_path / "claims.db"
    assert run_ingest([str(tmp_path / "sample.txt")], db_path).errors == []
    with sqlite3.connect(db_path) as db:
        stored = db.execute("select id, text, origin from articles").fetchall()
        claims = db.execute("select count(*) from claims").fetchone()[0]
    assert stored == [("sample.txt", STORY, "file")] and claims > 0
    records = tmp_path / "batch.jsonl"
    records.write_text(json.dumps({"id": "sample.txt", "text": "Nothing to see."}) + "\n", encoding="utf-8")
    summary = run_ingest([str(records)], db_path)
    assert [str(error) for error in summary.errors] == [
        "sample.txt: id 'sample.txt' is taken by a file: this JSONL or Parquet record is not stored (give it another id)"]
    with sqlite3.connect(db_path) as db:
        assert db.execute("select id, text, origin from articles").fetchall() == stored
        assert db.execute("select count(*) from claims").fetchone()[0] == claims


def test_a_database_from_before_moves_a_file_to_its_new_id(tmp_path):
    """A file stored under its path as given (the old ids) is stored under its new id when read again."""
    db_path = tmp_path / "claims.db"
    old = sqlite_utils.Database(db_path)
    MIGRATIONS.apply(old, stop_before="m007_article_origin")
    old["articles"].insert({"id": "corpus/a.txt", "path": "corpus/a.txt", "text": STORY, "content_hash": "h"})
    old["articles"].insert({"id": "A9", "text": STORY, "content_hash": "h"})
    old.close()
    db = open_db(db_path)
    assert db.execute("select id, origin from articles order by id").fetchall() == [("A9", "record"),
                                                                                  ("corpus/a.txt", "old-file")]
    store_article(db, Article(id="a.txt", text=STORY, path="corpus/a.txt", origin="file"), [])
    assert db.execute("select id, path from articles order by id").fetchall() == [("A9", None),
                                                                                ("a.txt", "corpus/a.txt")]


def test_a_file_stored_under_the_new_ids_is_never_taken_for_an_old_one(fresh_db):
    """Only articles stored before the new ids move: ``corpus/a.txt`` read from the folder given is another file."""
    store_article(fresh_db, Article(id="corpus/a.txt", text=STORY, path="corpus/a.txt", origin="file"), [])
    store_article(fresh_db, Article(id="a.txt", text="Another story.", path="corpus/a.txt", origin="file"), [])
    assert fresh_db.execute("select id from articles order by id").fetchall() == [("a.txt",), ("corpus/a.txt",)]
