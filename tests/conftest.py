import pytest
import sqlite_utils

from tracker.article import Article
from tracker.extract import Extractor
from tracker.store import ensure_schema


@pytest.fixture
def fresh_db():
    """An in-memory database with the tracker's schema."""
    db = ensure_schema(sqlite_utils.Database(memory=True))
    yield db
    db.close()


@pytest.fixture
def db_path(tmp_path):
    """Path of a database file that does not exist yet, in a folder that does not exist yet."""
    return tmp_path / "db" / "claims.db"


@pytest.fixture(scope="session")
def extractor():
    """The embedded engine's ``Extractor``, loaded once for the whole run."""
    return Extractor("embedded")


@pytest.fixture(scope="session")
def claims_of(extractor):
    """``claims_of(text)``: the claims the tracker finds in an article made of ``text``."""
    def claims(text):
        article = Article(id="t", text=text)
        document, = extractor.annotate([article])
        return extractor.claims(article, document)
    return claims
