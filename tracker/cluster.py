"""Batch step on a Dask cluster: workers annotate and extract batches of articles; this process stays the
only writer.

``open_cluster`` connects to a running scheduler (``tcp://host:8786``) or starts a local cluster of worker
processes (one thread each) for the run. ``extract_on_cluster`` sends batches to the workers, at most a
window of them at a time (so a long input is streamed, never held whole), and yields the results in input
order, so the database is the same as with ``--jobs 1``. Each worker process builds the stanza pipeline
once, on its first batch, and keeps it. A batch whose worker died is sent again by Dask's scheduler (up to
``distributed.scheduler.allowed-failures`` times), then by this module article by article; only an
article lost again is an error (one that a re-run stores after the others, so its new speakers may be
numbered differently from a clean run's).
"""

import logging
import math
import os
import threading
import time
from collections import Counter, deque
from contextlib import contextmanager

from .article import ReadError, source
from .batch import extract_batch
from .engine import EngineError

BACKENDS = ("processes", "dask")  # where ``tracker ingest`` runs its workers: local processes, or Dask's
WINDOW_PER_WORKER = 4  # batches in flight per worker thread: enough to keep it busy, few to hold in memory


class ClusterError(Exception):
    """The cluster cannot be reached or started; the message says what to do."""


@contextmanager
def open_cluster(scheduler=None, workers=2):
    """A ``distributed.Client`` on ``scheduler``, or on a local cluster of ``workers`` processes started
    for the block and stopped after it."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ClusterError("the dask backend needs dask's distributed package: pip install distributed") from error
    if scheduler:
        try:
            client = Client(scheduler)  # waits distributed.comm.timeouts.connect (30 s) for the scheduler
        except ValueError as error:  # not an address
            raise ClusterError(f"{scheduler!r} is no scheduler address (tcp://host:8786): {error}") from error
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"no Dask scheduler answers at {scheduler}: {error}") from error
        with client:
            yield client
        return
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    with cluster, Client(cluster) as client:
        client.run(_exit_fast)
        yield client


def _exit_fast():
    """In a local worker: at exit, skip the interpreter's slow teardown (torch, spaCy); results are sent."""
    import atexit

    atexit.register(os._exit, 0)


def worker_pids(client):
    """``{worker address: process id}`` of the cluster's workers (on their own machines)."""
    return client.run(os.getpid)


def extract_on_cluster(client, articles, engine, batch_size, expected=None):
    """Yield ``(article, claims or ReadError)`` for the articles of the iterable ``articles``, in order,
    annotated on the cluster's workers at most ``batch_size`` at a time.

    With ``expected`` (about how many articles will come), batches are made small enough for every
    worker thread to get ``WINDOW_PER_WORKER`` of them, so that none waits idle at the end.
    """
    window = Window(client)
    size = max(1, min(batch_size, math.ceil(expected / window.size()))) if expected else batch_size
    pending = deque()
    for batch in lazy_batches(articles, size):
        pending.append((batch, client.submit(extract_remote, engine, batch_size, batch, pure=False)))
        while len(pending) >= window.size():
            yield from collect(client, *pending.popleft(), engine, batch_size)
    while pending:
        yield from collect(client, *pending.popleft(), engine, batch_size)


class Window:
    """How many batches to keep in flight: ``WINDOW_PER_WORKER`` per worker thread of the cluster, asked
    of the scheduler again every ``every`` seconds, so that workers joining a running cluster get work."""

    def __init__(self, client, every=10.0):
        self.client, self.every = client, every
        self.value, self.asked = 0, None

    def size(self):
        now = time.monotonic()
        if self.asked is None or now - self.asked >= self.every:
            self.value = WINDOW_PER_WORKER * max(1, sum(self.client.nthreads().values()))
            self.asked = now
        return self.value


def lazy_batches(items, size):
    """Lists of at most ``size`` items from the iterable ``items``, read as they are needed."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def collect(client, batch, future, engine, batch_size):
    """``(article, result)`` pairs of a finished batch.

    A batch lost with its worker (after the scheduler's own retries) is sent again article by article,
    so that a lost node costs nothing and an article that kills its worker fails alone; an article lost
    again is a ``ReadError``.
    """
    try:
        return zip(batch, future.result())
    except EngineError:
        raise
    except Exception:  # KilledWorker, a lost connection, a cancelled task
        pass
    singles = [client.submit(extract_remote, engine, batch_size, [article], pure=False) for article in batch]
    results = []
    for article, single in zip(batch, singles):
        try:
            results.extend(single.result())
        except EngineError:
            raise
        except Exception as error:
            results.append(ReadError(source(article), f"worker failed: {type(error).__name__}: {error}"))
    return zip(batch, results)


_local = threading.local()  # a worker thread's Extractors by (engine, batch size), or the EngineError
BUILT = Counter()  # Extractors this process built, by (engine, batch size): one per worker thread


def extractors_built():
    """How many Extractors (stanza pipelines) this worker process has built."""
    return sum(BUILT.values())


def extract_remote(engine, batch_size, batch):
    """On a worker: the results of ``batch.extract_batch`` for ``batch``, with this thread's Extractor."""
    from .extract import Extractor

    extractors = getattr(_local, "extractors", None)
    if extractors is None:
        extractors = _local.extractors = {}
    key = (engine, batch_size)
    if key not in extractors:
        BUILT[key] += 1
        try:
            extractors[key] = Extractor(engine, batch_size=batch_size)
        except EngineError as error:
            extractors[key] = error
    if isinstance(extractors[key], EngineError):
        raise extractors[key]
    return extract_batch(extractors[key], batch)
