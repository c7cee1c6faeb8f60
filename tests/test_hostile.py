"""Hostile inputs through `tracker ingest`: each bad input gets one line naming it (and its line for JSONL),
the good inputs of the same batch are stored, earlier articles are untouched, and the exit code is 1."""

import json
import sqlite3
import tracemalloc

import pytest
from click.testing import CliRunner

from tracker.archive import read_paths
from tracker.article import ReadError
from tracker.cli import cli

GOOD = ('date 2022-04-11\n"The ferry service will resume next week," Clara Jensen said on Monday.\n\n'
        "Jensen, the transport director, said that the repairs had cost more than expected.")


def rows(db_path, article_id):
    with sqlite3.connect(db_path) as db:
        return (db.execute("select * from articles where id = ?", [article_id]).fetchall(),
                sorted(db.execute("select * from claims where article_id = ?", [article_id])))


def write_huge(path, size=50_000_000):
    line = b"The council said on Tuesday that the meeting would go on as planned.\n"
    with open(path, "wb") as file:
        for _ in range(size // len(line) + 1):
            file.write(line)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A folder mixing good and bad inputs, an HTML page given by name, and one article stored before."""
    root = tmp_path_factory.mktemp("hostile")
    batch = root / "batch"
    batch.mkdir()
    (batch / "good.txt").write_text(GOOD, encoding="utf-8")
    (batch / "unbalanced.txt").write_text(
        '"The strike is over, the union leader said.\n\nOfficials said that \u201cwages would rise.\n\n'
        'The mayor said: "We are relieved." Then \u201d stray marks \u00bb and \u2018 more.', encoding="utf-8")
    (batch / "latin.txt").write_bytes('"Le pont est fermé," a déclaré le maire Rémi Caron.'.encode("latin-1"))
    (batch / "empty.txt").write_text("   \n\n", encoding="utf-8")
    (batch / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (batch / "baddate.txt").write_text("date 2021-02-30\n" + GOOD.split("\n", 1)[1], encoding="utf-8")
    write_huge(batch / "huge.txt")
    records = [json.dumps({"id": "feed-1", "text": '"Prices rose again," analyst Ben Ortiz said.'}),
               '{"id": "feed-2", "text": "cut off in the mid',
               json.dumps({"id": "feed-3", "title": "no text"}),
               json.dumps({"id": "feed-4", "text": "Nora Blum said that the vote was postponed.", "date": "2022-01-05"})]
    (batch / "feed.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (batch / "front.html").write_text("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                                      "<footer>&copy; 2022 The Paper</footer></body></html>", encoding="utf-8")
    (batch / "scan.htm").write_bytes(b"%PDF-1.7\n\x00\x00" + bytes(range(256)))
    (batch / "scan.pdf").write_bytes(b"%PDF-1.7\n\x00\x00" + bytes(range(256)))
    page = root / "page.html"
    page.write_text("<!DOCTYPE html><html><head><title>x</title><script>var a = '\"';</script></head><body>"
                    "<p>&ldquo;We will appeal,&rdquo; lawyer Ida Novak said.</p><p>Second paragraph.</p></body></html>",
                    encoding="utf-8")
    previous = root / "previous.txt"
    previous.write_text('"The library opens in May," councillor Sam Whitfield said.', encoding="utf-8")
    return root, batch, page, previous


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_hostile_batch(hostile, tmp_path, jobs):
    root, batch, page, previous = hostile
    db_path = str(tmp_path / "claims.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(previous), "--db", db_path]).exit_code == 0
    before = rows(db_path, previous.name)
    assert before[1], "the earlier article has claims"

    result = runner.invoke(cli, ["ingest", str(batch), str(page), "--db", db_path, "--jobs", jobs])
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    expected = {"empty.txt": "empty", "binary.txt": "binary", "huge.txt": "too large", "baddate.txt": "malformed date",
                "feed.jsonl:2": "broken JSON", "feed.jsonl:3": "missing text", "front.html": "no article text",
                "scan.htm": "binary"}
    for name, reason in expected.items():
        naming = [line for line in lines if f"{name}:" in line]
        assert len(naming) == 1 and naming[0].startswith("error:") and reason in naming[0], (name, lines)
    naming = [line for line in lines if "latin.txt" in line]
    assert len(naming) == 1 and naming[0].startswith("warning:") and "invalid UTF-8" in naming[0], lines
    assert not [line for line in lines if "page.html" in line], "a page read as HTML needs no warning"
    assert "6 article(s) ingested" in result.stdout and "8 error(s)" in result.stdout
    assert f"skipped 1 (not text, HTML, JSONL, Parquet or WARC files): {batch / 'scan.pdf'}" in result.stdout

    with sqlite3.connect(db_path) as db:
        stored = {row[0] for row in db.execute("select id from articles")}
        texts = dict(db.execute("select id, text from articles"))
    assert stored == {"previous.txt", "good.txt", "unbalanced.txt", "latin.txt", "page.html", "feed-1", "feed-4"}
    assert "\ufffd" in texts["latin.txt"]
    assert "<" not in texts["page.html"] and "We will appeal" in texts["page.html"]
    assert rows(db_path, previous.name) == before
    assert rows(db_path, "good.txt")[1], "the good article's claims are stored"


def test_a_huge_file_is_refused_without_reading_it(hostile):
    root, batch, page, previous = hostile
    tracemalloc.start()
    try:
        items = list(read_paths([str(batch / "huge.txt")]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(items) == 1 and isinstance(items[0], ReadError) and "too large" in items[0].message
    assert peak < 1_000_000
