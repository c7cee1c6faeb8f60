"""Publish step: the claims database in Datasette, configured by ``db/metadata.yml``.

Read-only: Datasette 0.65 has no write endpoints and opens mutable databases read-only.
"""

import asyncio
from pathlib import Path

from datasette.app import Datasette
from datasette.utils import parse_metadata

DEFAULT_METADATA = Path(__file__).resolve().parent.parent / "db" / "metadata.yml"


def load_metadata(db_path, metadata_path=DEFAULT_METADATA):
    """The metadata, its single database entry renamed to the served file's name (``x/foo.db`` -> ``foo``)."""
    metadata = parse_metadata(Path(metadata_path).read_text(encoding="utf-8"))
    databases = metadata.get("databases") or {}
    if len(databases) == 1:
        (settings,) = databases.values()
        metadata["databases"] = {Path(db_path).stem: settings}
    return metadata


def datasette_app(db_path, metadata_path=DEFAULT_METADATA):
    """A ``Datasette`` instance serving ``db_path`` with the project's metadata."""
    return Datasette([str(db_path)], metadata=load_metadata(db_path, metadata_path))


def serve(db_path, host="127.0.0.1", port=8001, metadata_path=DEFAULT_METADATA):
    """Serve ``db_path`` with uvicorn, as ``datasette serve`` does."""
    import uvicorn

    ds = datasette_app(db_path, metadata_path)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
