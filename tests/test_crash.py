"""Crash safety: `tracker ingest` killed with SIGKILL mid-run leaves a consistent database, and a re-run
completes it to exactly what a clean run stores."""

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tracker.bench import synthetic_corpus, table_rows

pytestmark = pytest.mark.slow  # each test ingests a corpus, kills it and ingests it again


def write_corpus(folder, count=40, size=1800):
    folder.mkdir()
    for record in synthetic_corpus(count, size, seed=11):
        (folder / f"{record['id']}.txt").write_text(f"date {record['date']}\n{record['text']}", encoding="utf-8")
    return folder


def ingest_command(corpus, db_path, jobs):
    return [sys.executable, "-m", "tracker", "ingest", str(corpus), "--db", str(db_path),
            "--batch-size", "1", "--jobs", str(jobs)]


def stored_count(db_path):
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(db_path, timeout=1) as db:
            return db.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def children(pid):
    """Child processes of ``pid``, started by any of its threads."""
    return [int(p) for path in Path(f"/proc/{pid}/task").glob("*/children") for p in path.read_text().split()]


def running(pid):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def kill_when_stored(command, db_path, count):
    """Run ``command``, SIGKILL it once ``count`` articles are stored, and wait until its worker processes
    have noticed and exited; returns their pids."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600  # a bound for a loaded machine, where starting a cluster takes minutes
    while stored_count(db_path) < count and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    workers = children(process.pid)
    assert process.poll() is None, "the ingest finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()

    # workers notice their parent is gone and exit instead of waiting forever
    deadline = time.monotonic() + 30
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if running(pid)]
    assert stored_count(db_path) >= count, f"killed after 600 s with fewer than {count} articles stored"
    return workers


def claims_by_article(db_path):
    with sqlite3.connect(db_path) as db:
        found = {}
        for article_id, claim_id in db.execute("select articles.id, claims.id from articles "
                                               "left join claims on claims.article_id = articles.id"):
            found.setdefault(article_id, set()).update([claim_id] if claim_id else [])
        return found


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash")
    corpus = write_corpus(folder / "corpus")
    db_path = folder / "clean.db"
    subprocess.run(ingest_command(corpus, db_path, 1), check=True, capture_output=True)
    return corpus, db_path


@pytest.mark.parametrize("jobs", [1, 2])
def test_sigkill_mid_run_then_rerun_equals_a_clean_run(clean_run, tmp_path, jobs):
    corpus, clean_db = clean_run
    db_path = tmp_path / "crashed.db"
    workers = kill_when_stored(ingest_command(corpus, db_path, jobs), db_path, 5)
    assert workers or jobs == 1

    with sqlite3.connect(db_path) as db:
        assert db.execute("pragma integrity_check").fetchall() == [("ok",)]
        assert db.execute("pragma foreign_key_check").fetchall() == []
        db.execute("insert into claims_fts(claims_fts) values ('integrity-check')")
    crashed, clean = claims_by_article(db_path), claims_by_article(clean_db)
    assert 5 <= len(crashed) < len(clean)
    assert all(claims == clean[article_id] for article_id, claims in crashed.items())

    done = subprocess.run(ingest_command(corpus, db_path, jobs), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"{len(clean) - len(crashed)} article(s) ingested" in done.stdout
    assert table_rows(db_path) == table_rows(clean_db)
