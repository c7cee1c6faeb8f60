import importlib.util
import json
from pathlib import Path

import pytest
import sqlite_utils

from tracker.article import Article
from tracker.document import ArticleIndex
from tracker.extract import Extractor, statements_of
from tracker.names import NameBook
from tracker.store import ensure_schema
from tracker.targets import ClaimJudge


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


@pytest.fixture(scope="session")
def contents_of(claims_of):
    """``contents_of(text)``: the content pieces of the claims the tracker finds in an article made of ``text``."""
    return lambda text: [[text[s:e] for s, e in c.spans] for c in claims_of(text)]


@pytest.fixture(scope="session")
def name_book_of(extractor):
    """``name_book_of(text)``: the ``NameBook`` of an article made of ``text``."""
    def book(text):
        document, = extractor.annotate([Article(id="t", text=text)])
        return NameBook(ArticleIndex(document))
    return book


@pytest.fixture(scope="session")
def candidates_of(extractor):
    """``candidates_of(text, words)``: ``{name: features}`` of the candidate targets of the statement whose
    content contains ``words``."""
    def candidates(text, words=""):
        document, = extractor.annotate([Article(id="t", text=text)])
        index, book, statements = statements_of(document)
        statement = next(s for s in statements if words in index.text[s.start:s.end])
        return {target.name: features for target, features in ClaimJudge(index, book).candidates(statement)}
    return candidates


@pytest.fixture(scope="session")
def training_script():
    """``training_script(name)``: the module of ``scripts/<name>.py``, which the package does not install."""
    def load(name):
        path = Path(__file__).resolve().parent.parent / "scripts" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    return load


@pytest.fixture(scope="session")
def seed_sample(extractor):
    """The hand-checked seed article, its annotated document and its gold quotes."""
    record = json.loads((Path(__file__).parent / "data" / "seed_gold.jsonl").read_text(encoding="utf-8")
                        .splitlines()[0])
    article = Article(id=record["id"], text=record["text"])
    document, = extractor.annotate([article])
    return article, document, record["quotes"]
