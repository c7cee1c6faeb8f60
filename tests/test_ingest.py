"""Batch ingest: incremental (unchanged articles are never parsed), replacing, pruning, parallel, stdin."""

import json
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

import tracker.extract
from tracker.bench import synthetic_corpus, table_rows
from tracker.cli import cli
from tracker.ingest import run_ingest


def write_corpus(folder, count=6, size=700, seed=3):
    folder.mkdir(exist_ok=True)
    for record in synthetic_corpus(count, size, seed=seed):
        (folder / f"{record['id']}.txt").write_text(f"date {record['date']}\n{record['text']}", encoding="utf-8")
    return folder


def claim_ids(db_path, article_id):
    with sqlite3.connect(db_path) as db:
        return {row[0] for row in db.execute("select id from claims where article_id = ?", [article_id])}


def article_ids(db_path):
    with sqlite3.connect(db_path) as db:
        return {row[0] for row in db.execute("select id from articles")}


class NoParsing:
    def __init__(self, *args, **kwargs):
        raise AssertionError("an unchanged article was parsed")


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus")


def test_second_run_parses_nothing(corpus, tmp_path, monkeypatch):
    db_path = tmp_path / "claims.db"
    first = run_ingest([str(corpus)], db_path)
    assert (first.stored, first.unchanged, first.errors) == (6, 0, [])
    assert first.claims > 6
    before = table_rows(db_path)
    monkeypatch.setattr(tracker.extract, "Extractor", NoParsing)
    events = []
    second = run_ingest([str(corpus)], db_path, progress=lambda event, value: events.append((event, value)))
    assert (second.stored, second.claims, second.unchanged, second.errors) == (0, 0, 6, [])
    assert events == [("total", 0)]
    assert table_rows(db_path) == before


def test_a_changed_file_replaces_its_claims(corpus, tmp_path):
    db_path = tmp_path / "claims.db"
    run_ingest([str(corpus)], db_path)
    changed = corpus / "generated-002.txt"
    article_id = changed.name
    old = claim_ids(db_path, article_id)
    others = {a: claim_ids(db_path, a) for a in article_ids(db_path) - {article_id}}
    changed.write_text('"The port will reopen on Monday," Nadia Flores said.\n\n'
                       'Flores, the harbor master, said that the storm damage was limited.', encoding="utf-8")
    summary = run_ingest([str(corpus)], db_path)
    assert (summary.stored, summary.unchanged) == (1, 5)
    new = claim_ids(db_path, article_id)
    assert new and not new & old
    with sqlite3.connect(db_path) as db:
        texts = {row[0] for row in db.execute("select quote_text from claims where article_id = ?", [article_id])}
    assert any("port will reopen" in t for t in texts)
    assert {a: claim_ids(db_path, a) for a in others} == others


def test_prune_removes_a_deleted_files_article(corpus, tmp_path):
    db_path = tmp_path / "claims.db"
    run_ingest([str(corpus)], db_path)
    gone = corpus / "generated-004.txt"
    gone.unlink()
    kept = run_ingest([str(corpus)], db_path)
    assert kept.pruned == [] and gone.name in article_ids(db_path)
    summary = run_ingest([str(corpus)], db_path, prune=True)
    assert summary.pruned == [gone.name]
    assert gone.name not in article_ids(db_path) and not claim_ids(db_path, gone.name)
    assert len(article_ids(db_path)) == 5


def test_prune_keeps_everything_when_an_input_fails(corpus, tmp_path):
    db_path = tmp_path / "claims.db"
    run_ingest([str(corpus)], db_path)
    broken = corpus / "generated-001.txt"
    broken.write_bytes(b"\x00\x01binary now")
    summary = run_ingest([str(corpus)], db_path, prune=True)
    assert [e.source for e in summary.errors] == [str(broken)]
    assert summary.pruned == [] and broken.name in article_ids(db_path)


def test_two_jobs_store_the_same_rows_as_one(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", count=8, seed=5)
    runner = CliRunner()
    for jobs in ("1", "2"):
        result = runner.invoke(cli, ["ingest", str(corpus), "--db", str(tmp_path / f"{jobs}.db"), "--jobs", jobs])
        assert result.exit_code == 0, result.output
        assert "8 article(s) ingested" in result.stdout
    rows = table_rows(tmp_path / "1.db")
    _, speakers, _ = rows
    assert rows == table_rows(tmp_path / "2.db") and speakers


def test_a_failing_article_is_an_error_and_the_rest_is_stored(corpus, tmp_path, monkeypatch):
    real_claims = tracker.extract.Extractor.claims

    def claims(self, article, document):
        if article.id.endswith("generated-003.txt"):
            raise RuntimeError("boom")
        return real_claims(self, article, document)

    monkeypatch.setattr(tracker.extract.Extractor, "claims", claims)
    summary = run_ingest([str(corpus)], tmp_path / "claims.db")
    assert summary.stored == 5
    assert [(e.source, e.message) for e in summary.errors] == [
        (str(corpus / "generated-003.txt"), "no claims: RuntimeError: boom")]


def test_standard_input_text_and_jsonl(tmp_path):
    db_path = str(tmp_path / "claims.db")
    runner = CliRunner()
    text = 'date 2021-05-04\n"We will rebuild the school," Omar Said told reporters.'
    result = runner.invoke(cli, ["ingest", "-", "--db", db_path], input=text)
    assert result.exit_code == 0, result.output
    assert "1 article(s) ingested" in result.stdout
    lines = "".join(json.dumps({"id": f"s{i}", "text": f'"The road is closed," officer Lee {i} said.'}) + "\n"
                    for i in range(2))
    result = runner.invoke(cli, ["ingest", "-", "--db", db_path], input=lines)
    assert result.exit_code == 0, result.output
    ids = article_ids(db_path)
    assert {"s0", "s1"} <= ids and any(i.startswith("stdin-") for i in ids)
    again = runner.invoke(cli, ["ingest", "-", "--db", db_path], input=text)
    assert "0 article(s) ingested" in again.stdout and "1 unchanged" in again.stdout


def claim_counts(db_path):
    """``({article id: claims}, {speaker name: claim_count})`` of a database."""
    with sqlite3.connect(db_path) as db:
        articles = dict(db.execute("select articles.id, count(claims.id) from articles "
                                   "left join claims on claims.article_id = articles.id group by articles.id"))
        speakers = dict(db.execute("select name, claim_count from speakers"))
    return articles, speakers


@pytest.mark.slow
def test_two_ingests_at_once_store_everything(tmp_path):
    """Two processes ingesting into one new database at once: the writers wait their turn, nothing is lost."""
    records = synthetic_corpus(60, 300, seed=11)
    halves = [tmp_path / "first.jsonl", tmp_path / "second.jsonl"]
    for half, part in zip(halves, (records[:30], records[30:])):
        half.write_text("".join(json.dumps(record) + "\n" for record in part), encoding="utf-8")
    shared = tmp_path / "shared.db"
    runs = [subprocess.Popen([sys.executable, "-m", "tracker", "ingest", str(half), "--db", str(shared)],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for half in halves]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert "locked" not in "".join(outputs)
    alone = tmp_path / "alone.db"
    assert run_ingest([str(half) for half in halves], alone).errors == []
    assert claim_counts(shared) == claim_counts(alone)
    assert len(claim_counts(shared)[0]) == 60
