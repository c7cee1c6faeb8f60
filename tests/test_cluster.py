"""The dask backend: a local 2-worker cluster started by the command stores the same rows as one job, and
a worker or the driver killed mid-run is recovered from (the re-run converges to a clean run's rows)."""

import json
import os
import signal
import sqlite3
import subprocess
import sys

import dask
import distributed  # noqa: F401 (its configuration defaults, which the tests override)
import pytest
from click.testing import CliRunner

from test_crash import kill_when_stored, running
from tracker.article import Article
from tracker.bench import synthetic_corpus
from tracker.cli import cli
from tracker.cluster import extract_on_cluster, extractors_built, open_cluster
from tracker.ingest import run_ingest

TABLES = ("speakers", "targets", "claims", "claim_relations")  # and articles, without their time of ingest
TURNING = [  # a quotation that turns after its cue is a claim of its own, linked by `continues`
    {"id": "bridge", "date": "2021-04-02", "text": '"The bridge opens in May," Mayor Ana Ruiz said on Monday. '
                                                   '"But the tolls will rise for everyone."'},
    {"id": "depot", "text": '"The depot stays open," Mona Vestby said. "But the night shifts will end."'},
]


def all_rows(db_path):
    """Every table's sorted rows (articles without ``ingested_at``), to compare two databases."""
    with sqlite3.connect(db_path) as db:
        rows = {t: sorted(map(tuple, db.execute(f"select * from {t}"))) for t in TABLES}
        rows["articles"] = sorted(db.execute("select id, path, url, title, date, text, content_hash from articles"))
        rows["search"] = sorted(db.execute("select rowid, quote_text from claims_fts"))
    return rows


def ingest_command(corpus, db_path, *options):
    return [sys.executable, "-m", "tracker", "ingest", str(corpus), "--db", str(db_path), "--batch-size", "1",
            *options]


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    """A JSONL corpus of invented articles and its database ingested with one job."""
    folder = tmp_path_factory.mktemp("cluster")
    corpus = folder / "corpus.jsonl"
    records = synthetic_corpus(14, 1200, seed=21)
    records[4:4] = TURNING
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db_path = folder / "clean.db"
    subprocess.run(ingest_command(corpus, db_path, "--jobs", "1"), check=True, capture_output=True)
    return corpus, db_path


@pytest.mark.slow
def test_two_dask_workers_store_the_same_rows_as_one_job(clean_run, tmp_path):
    corpus, clean_db = clean_run
    db_path = tmp_path / "dask.db"
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db_path), "--engine-backend", "dask",
                                      "--jobs", "2", "--batch-size", "3"])
    assert result.exit_code == 0, result.output
    assert "16 article(s) ingested" in result.stdout and "2 Dask worker(s): tcp://127.0.0.1:" in result.stderr
    rows = all_rows(db_path)
    assert rows == all_rows(clean_db) and rows["speakers"] and rows["claim_relations"]
    again = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db_path), "--engine-backend", "dask"])
    assert "0 article(s) ingested" in again.stdout and "16 unchanged" in again.stdout


@pytest.mark.slow
def test_each_worker_builds_its_pipeline_once():
    articles = [Article(id=f"a{i}", text=f'"Stall {i} opens at dawn," trader Yusuf Belka said.') for i in range(8)]
    with open_cluster(workers=2) as client:
        results = list(extract_on_cluster(client, iter(articles), "embedded", 1))
        built = client.run(extractors_built)
    assert [article.id for article, _ in results] == [a.id for a in articles]
    assert all(claims and claims[0].speaker == "Yusuf Belka" for _, claims in results)
    assert len(built) == 2 and set(built.values()) <= {0, 1} and sum(built.values()) >= 1


@pytest.mark.slow
@pytest.mark.parametrize("retries", [0, 3])
def test_a_worker_killed_mid_run_then_rerun_converges(clean_run, tmp_path, retries):
    corpus, clean_db = clean_run
    db_path = tmp_path / "killed-worker.db"
    events, killed = [], []

    def progress(event, value):
        events.append(event)
        if event == "workers":
            killed.append(sorted(value.values())[0])
        elif event == "done" and events.count("done") == 2:  # later batches are being annotated
            os.kill(killed[0], signal.SIGKILL)

    with dask.config.set({"distributed.scheduler.allowed-failures": retries}):
        first = run_ingest([str(corpus)], db_path, backend="dask", jobs=2, batch_size=1, progress=progress)
    assert not running(killed[0])
    # Dask sends the dead worker's batches to another (its nanny restarts it) up to `retries` times, then
    # the backend sends each of their articles again: nothing is lost
    assert (first.stored, first.errors) == (16, [])
    assert all_rows(db_path) == all_rows(clean_db)
    again = run_ingest([str(corpus)], db_path, backend="dask", jobs=2, batch_size=1)
    assert (again.stored, again.unchanged, again.errors) == (0, 16, [])
    assert all_rows(db_path) == all_rows(clean_db)


@pytest.mark.slow
def test_the_driver_killed_mid_run_then_rerun_converges(clean_run, tmp_path):
    corpus, clean_db = clean_run
    db_path = tmp_path / "killed-driver.db"
    command = ingest_command(corpus, db_path, "--engine-backend", "dask", "--jobs", "2")
    assert len(kill_when_stored(command, db_path, 3)) >= 2  # the local cluster's workers exit with it
    with sqlite3.connect(db_path) as db:
        assert db.execute("pragma integrity_check").fetchall() == [("ok",)]
        stored = db.execute("select count(*) from articles").fetchone()[0]
    assert 3 <= stored < 16

    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"{16 - stored} article(s) ingested" in done.stdout
    assert all_rows(db_path) == all_rows(clean_db)


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path):
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Nobody said anything."}) + "\n", encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(tmp_path / "a.db"),
                                          "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: no Dask scheduler answers at tcp://127.0.0.1:9")
