import pytest
import sqlite_utils

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
