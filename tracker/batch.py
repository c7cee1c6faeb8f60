"""Extract step over a batch: claims, or a ``ReadError``, for each article; shared by the local workers
(``ingest``) and a Dask cluster's (``cluster``)."""

from .article import ReadError, source
from .engine import EngineError


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
