"""Extract step over a batch: claims, or a ``ReadError``, for each article; shared by the local workers
(``ingest``) and a Dask cluster's (``cluster``)."""

from .article import ReadError
from .engine import EngineError


def source(article):
    """How an error names an article: its file and, in a file of many pages (a WARC), its address."""
    if article.path and article.path != article.id:
        return f"{article.path}: {article.id}"
    return article.path or article.id


def batches(items, size):
    return [items[k:k + size] for k in range(0, len(items), size)]


def extract_batch(extractor, batch):
    """Claims, or a ``ReadError``, for each article of ``batch``, in order.

    The batch is annotated together; if that fails, each article is annotated alone so that only the
    article at fault fails.
    """
    try:
        documents = extractor.annotate(batch)
    except EngineError:
        raise
    except Exception as error:
        if len(batch) > 1:
            return [result for article in batch for result in extract_batch(extractor, [article])]
        return [ReadError(source(batch[0]), f"not annotated: {type(error).__name__}: {error}")]
    results = []
    for article, document in zip(batch, documents):
        try:
            results.append(extractor.claims(article, document))
        except Exception as error:
            results.append(ReadError(source(article), f"no claims: {type(error).__name__}: {error}"))
    return results
