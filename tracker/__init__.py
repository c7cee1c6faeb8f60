"""tracker: who said what, about whom, for or against, from a folder of news articles.

    import tracker

    claims = tracker.extract_claims(text, date="2016-03-03")   # [tracker.Claim, ...]
    summary = tracker.Tracker("db/claims.db").ingest(["articles/"])

The names below are loaded on first use (``tracker.api``), so ``import tracker`` and ``tracker --help`` stay
quick; the annotation engine is loaded by the first extraction.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .api import Tracker, extract_claims
    from .claims import Claim
    from .ingest import IngestSummary

__all__ = ["Claim", "IngestSummary", "Tracker", "extract_claims"]


def __getattr__(name):
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'tracker' has no attribute {name!r}")
