"""Batch step: read inputs, skip unchanged articles, extract claims, store each article in one transaction."""

from dataclasses import dataclass, field

from .article import ReadError, read_paths


@dataclass
class IngestSummary:
    """What one ingest run did."""

    stored: int = 0
    claims: int = 0
    unchanged: int = 0
    pruned: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # ReadError, one per failed input


def _ignore(event, value):
    pass


def run_ingest(paths, db_path, pattern="*", engine=None, jobs=1, batch_size=16, prune=False, progress=None):
    """Ingest ``paths`` into the database at ``db_path``; returns an ``IngestSummary``.

    ``progress(event, value)`` hears ``("total", n)`` once, ``("done", 1)`` per article stored or skipped,
    and ``("error", ReadError)`` / ``("warning", str)`` as they happen.
    """
    from .extract import Extractor
    from .store import article_state, open_db, prune as prune_articles, store_article

    progress = progress or _ignore
    summary = IngestSummary()
    db = open_db(db_path)
    seen, todo = [], []
    for item in read_paths(paths, pattern):
        if isinstance(item, ReadError):
            summary.errors.append(item)
            progress("error", item)
            continue
        if item.warning:
            progress("warning", f"{item.path or item.id}: {item.warning}")
        seen.append(item.id)
        if article_state(db, item) == "unchanged":
            summary.unchanged += 1
        else:
            todo.append(item)
    progress("total", len(todo))
    if todo:
        extractor = Extractor(engine, batch_size=batch_size)
        for article, claims in extractor.run(todo):
            try:
                summary.claims += store_article(db, article, claims)
                summary.stored += 1
            except Exception as error:  # one article's failure must not stop the batch
                failure = ReadError(article.path or article.id, f"not stored: {error}")
                summary.errors.append(failure)
                progress("error", failure)
            progress("done", 1)
    if prune:
        summary.pruned = prune_articles(db, seen)
    return summary
