"""Batch step: read inputs, skip unchanged articles, extract claims, store each article in one transaction.

Unchanged articles (same id and content hash as stored) are skipped before any parsing. With ``jobs > 1``,
worker processes annotate batches in parallel, each with one ``Extractor`` built once; with the ``dask``
backend, the workers of a Dask cluster do (``tracker/cluster.py``) and the inputs are streamed through
them. Either way this process stays the only writer and stores the results in input order, so the
database is the same whatever the backend and the number of jobs (speaker ids are given in storage
order). A failure on one article is a ``ReadError`` for that article and the rest goes on; a crash loses
at most the article being written, never a stored one.
"""
import atexit
import math
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from .archive import count_records, read_paths
from .article import ReadError, source
from .batch import batches, extract_batch
from .engine import EngineError

MAX_ARTICLE_CHARS = 500_000  # a longer article fails alone with one line (per 100k characters: ~40 s, ~0.5 GB)

@dataclass
class IngestSummary:
    """What one ingest run did."""

    stored: int = 0
    claims: int = 0
    undated: int = 0  # articles stored without a date (no header, none in their first lines or file name)
    unchanged: int = 0
    pruned: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # ReadError, one per failed input
    skipped: list = field(default_factory=list)  # names of the files in folders that are of no kind read
    store_s: float = 0.0  # seconds spent writing to the database


def _ignore(event, value):
    pass


def run_ingest(paths, db_path, pattern="*", engine=None, jobs=1, batch_size=16, prune=False, progress=None,
               backend="processes", scheduler=None, max_chars=MAX_ARTICLE_CHARS):
    """Ingest ``paths`` into the database at ``db_path``; returns an ``IngestSummary``.

    ``backend`` is ``"processes"`` (``jobs`` local worker processes; one means this process) or
    ``"dask"``: the workers of the Dask scheduler at ``scheduler``, or of a local cluster of ``jobs``
    processes started for the run. An article longer than ``max_chars`` characters is not parsed: it fails
    with ``too long``, and the others go on.

    ``progress(event, value)`` hears ``("total", n)`` once, ``("done", 1)`` per article stored or failed,
    and ``("error", ReadError)`` / ``("warning", str)`` as they happen. With ``processes``, ``n`` is the
    number of articles to parse; with ``dask``, which streams its inputs, it is the number of input
    records, and unchanged ones are ``("done", 1)`` too; ``("workers", {address: pid})`` tells the
    cluster's workers once they are up. Raises ``EngineError`` when the annotation engine cannot be built,
    ``cluster.ClusterError`` when the cluster cannot be reached.
    """
    from .store import open_db
    from .store import prune as prune_articles

    progress = progress or _ignore
    summary = IngestSummary()

    def fail(error):
        summary.errors.append(error)
        progress("error", error)

    db = open_db(db_path)
    seen = [] if prune else None  # ids of all articles read, kept only to prune the others
    if backend == "dask":
        from .cluster import extract_on_cluster, open_cluster, worker_pids

        total = count_records(paths, pattern)
        progress("total", total)
        with open_cluster(scheduler, jobs) as client:
            progress("workers", worker_pids(client))
            todo = changed_articles(db, read_paths(paths, pattern, summary.skipped), summary, progress, fail, seen,
                                    skipped=lambda: progress("done", 1), max_chars=max_chars)
            store_results(db, extract_on_cluster(client, todo, engine, batch_size, total), summary, progress, fail)
    else:
        todo = list(changed_articles(db, read_paths(paths, pattern, summary.skipped), summary, progress, fail, seen,
                                     max_chars=max_chars))
        progress("total", len(todo))
        if jobs > 1 and len(todo) > 1:
            results = extract_parallel(todo, engine, batch_size, jobs)
        else:
            results = extract_serial(todo, engine, batch_size)
        store_results(db, results, summary, progress, fail)
    if prune and summary.errors:
        progress("warning", "nothing pruned: some inputs failed, and their stored articles are kept")
    elif prune:
        summary.pruned = prune_articles(db, seen)
    return summary


def store_results(db, results, summary, progress, fail):
    """Store each ``(article, claims or ReadError)`` of ``results`` in its own transaction, in order; a
    correction of a stored article that no longer finds its claim is a warning."""
    from .corrections import missing_corrections
    from .store import store_article

    for article, result in results:
        if isinstance(result, ReadError):
            fail(result)
        else:
            started = time.perf_counter()
            try:
                summary.claims += store_article(db, article, result)
                summary.stored += 1
                summary.undated += article.date is None
            except Exception as error:  # one article's failure must not stop the batch
                fail(ReadError(source(article), f"not stored: {error}"))
            summary.store_s += time.perf_counter() - started
            for correction in missing_corrections(db, article.id):
                progress("warning", f"{source(article)}: correction {correction['id']} no longer finds its "
                                    f"claim ({correction['quote_text'][:60]!r}): kept, marked missing")
        progress("done", 1)


def changed_articles(db, items, summary, progress, fail, seen, skipped=None, max_chars=MAX_ARTICLE_CHARS):
    """Yield the new and changed articles of ``items`` as they are read; the ids of all articles read go
    to the list ``seen`` (unless it is None), errors (and articles over ``max_chars`` characters) to ``fail``,
    and ``skipped()`` is called for each unchanged or failed item."""
    from .store import IdTaken, article_state

    skipped = skipped or (lambda: None)
    for item in items:
        if isinstance(item, ReadError):
            fail(item)
            skipped()
            continue
        if item.warning:
            progress("warning", f"{source(item)}: {item.warning}")
        if len(item.text) > max_chars:
            fail(ReadError(source(item), f"too long ({len(item.text):,} characters, limit {max_chars:,})"))
            skipped()
            continue
        try:
            state = article_state(db, item)
        except IdTaken as error:
            fail(ReadError(source(item), str(error)))
            skipped()
            continue
        except ValueError as error:  # a text that cannot be hashed or stored (lone surrogates)
            fail(ReadError(source(item), f"unusable text: {error}"))
            skipped()
            continue
        if seen is not None:
            seen.append(item.id)
        if state == "unchanged":
            summary.unchanged += 1
            skipped()
        else:
            yield item


def extract_serial(articles, engine, batch_size):
    """Yield ``(article, claims or ReadError)`` in order, annotating in this process."""
    from .extract import Extractor

    if not articles:
        return
    extractor = Extractor(engine, batch_size=batch_size)
    for batch in batches(articles, batch_size):
        yield from zip(batch, extract_batch(extractor, batch))


def extract_parallel(articles, engine, batch_size, jobs):
    """Yield ``(article, claims or ReadError)`` in order, annotating in ``jobs`` worker processes.

    Batches are at most ``batch_size`` and small enough (about four per worker) to keep every worker busy
    until the end. A batch whose worker died is reported as one error per article.
    """
    size = max(1, min(batch_size, math.ceil(len(articles) / (jobs * 4))))
    chunks = batches(articles, size)
    pool = ProcessPoolExecutor(min(jobs, len(chunks)), mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(engine, batch_size))
    try:
        futures = [(chunk, pool.submit(_work, chunk)) for chunk in chunks]
        for chunk, future in futures:
            try:
                results = future.result()
            except EngineError:
                raise
            except Exception as error:  # the worker died (BrokenProcessPool) or its result was lost
                results = [ReadError(source(a), f"worker failed: {type(error).__name__}: {error}") for a in chunk]
            yield from zip(chunk, results)
    finally:
        pool.shutdown(cancel_futures=True)


_extractor = None  # a worker process's Extractor, or the EngineError that prevented it


def _start_worker(engine, batch_size):
    from .extract import Extractor

    global _extractor
    _exit_with_parent()
    atexit.register(os._exit, 0)  # at the end, skip the interpreter's slow teardown: the results are sent
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # one thread per worker (torch, BLAS): no oversubscription
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        _extractor = Extractor(engine, batch_size=batch_size)
    except EngineError as error:
        _extractor = error


def _work(batch):
    if isinstance(_extractor, EngineError):
        raise _extractor
    return extract_batch(_extractor, batch)


def _exit_with_parent():
    """Exit this worker when the parent process dies (even by SIGKILL), instead of waiting forever."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=lambda: (parent.join(), os._exit(1)), daemon=True).start()
