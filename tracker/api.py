"""The Python API, at the top of the flow: claims from a text, and a database that ingests inputs.

    import tracker

    claims = tracker.extract_claims('"We will stay," Jane Roe said on Monday.', date="2016-03-03")
    summary = tracker.Tracker("db/claims.db").ingest(["articles/"])

The command line (``tracker/cli.py``) is a thin layer over it. The annotation engine (a stanza pipeline) is
loaded on first use and kept for the next calls, so importing ``tracker`` stays quick.
"""

from collections.abc import Callable, Iterable
from functools import lru_cache
from os import PathLike

from .article import Article, checked, parse_date
from .claims import Claim
from .ingest import MAX_ARTICLE_CHARS, IngestSummary, run_ingest

StrPath = str | PathLike


def extract_claims(text: str, date: str | None = None, *, article_id: str = "text",
                   engine: str | None = None) -> list[Claim]:
    """The claims of an article made of ``text``, in text order, each a ``Claim``.

    A claim's ``start``/``end`` (its content, ``quote_text``), ``speaker_start``/``speaker_end`` and
    ``cue_start``/``cue_end`` are character offsets into ``text`` as given; ``speaker`` is the canonical
    name (the description itself, "experts", when ``speaker_named`` is False: the article names no holder),
    ``stance`` (support, against, deny or None) and ``target`` what the speaker is for or against,
    ``date`` the ``date`` given (``YYYY-MM-DD``). ``engine`` is ``embedded`` or ``stanza`` (default: stanza
    where its models are installed). Raises ``ValueError`` for an empty text or a malformed date, and
    ``tracker.engine.EngineError`` when the engine cannot be built.
    """
    if "\x00" in text:
        raise ValueError("NUL characters in the text: remove them first (the stored text would not have them)")
    article = checked(Article(id=article_id, text=text, date=parse_date(date, article_id)))
    extractor = _extractor(engine)
    document, = extractor.annotate([article])
    return extractor.claims(article, document)


@lru_cache(maxsize=2)
def _extractor(engine):
    """One ``Extractor`` per engine, built on first use (loading the pipeline takes seconds)."""
    from .extract import Extractor

    return Extractor(engine)


class Tracker:
    """A claims database (SQLite), created on first use: ``Tracker("db/claims.db").ingest(["articles/"])``."""

    def __init__(self, db_path: StrPath = "db/claims.db"):
        self.db_path = db_path

    def ingest(self, paths: StrPath | Iterable[StrPath], *, pattern: str = "*", engine: str | None = None,
               jobs: int = 1, batch_size: int = 16, prune: bool = False, backend: str = "processes",
               scheduler: str | None = None, max_chars: int = MAX_ARTICLE_CHARS,
               progress: Callable[[str, object], None] | None = None) -> IngestSummary:
        """Read ``paths`` (files, folders, http(s) addresses, ``-``), parse the new and changed articles and
        store them with their claims; returns the ``IngestSummary`` (stored, claims, undated, unchanged,
        errors, ...).

        ``pattern`` narrows the files read in folders; ``prune`` removes the stored articles not read this
        time; ``jobs`` worker processes parse in parallel, on a Dask cluster with ``backend="dask"`` or a
        ``scheduler`` address; an article longer than ``max_chars`` fails alone. ``progress(event, value)``
        hears each step (see ``tracker.ingest.run_ingest``). A bad input is an error of the summary, not an
        exception; raises ``EngineError`` or ``ClusterError`` when the engine or cluster cannot be had.
        """
        paths = [paths] if isinstance(paths, (str, PathLike)) else list(paths)
        return run_ingest(paths, self.db_path, pattern=pattern, engine=engine, jobs=jobs, batch_size=batch_size,
                          prune=prune, progress=progress, backend="dask" if scheduler else backend,
                          scheduler=scheduler, max_chars=max_chars)
