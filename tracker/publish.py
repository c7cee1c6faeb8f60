"""Publish step: the claims database in Datasette, configured by ``tracker/metadata.yml`` (package data).

The site adds the project's plugins (``tracker/plugins``: claim-in-context and article pages, links from
table cells, server-drawn charts, menu links, and the templates in ``tracker/plugins/templates``), which
Datasette loads through the package's ``datasette`` entry points. It is read-only: Datasette 0.65 has no
write endpoints, its SQL page runs read-only connections, no canned query writes, the ``limits`` plugin
answers any method but GET and HEAD with 405, and serving never writes to the file (the store creates the
views). SQL stays open, bounded by Datasette's time limit and the ``limits`` plugin's bounds on a value and
on a response. ``publish_snapshot`` makes a clean copy with its ``datasette inspect`` JSON and its metadata,
for serving immutable.
"""

import asyncio
import json
from contextlib import closing
import socket
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
from datasette.app import Datasette
from datasette.plugins import pm
from datasette.utils import parse_metadata, tilde_encode

from . import plugins
from .views import VIEWS, create_views

DEFAULT_METADATA = Path(__file__).resolve().parent / "metadata.yml"


class PluginsMissing(RuntimeError):
    """Datasette did not load the project's plugins: the package is not installed with its entry points."""


class ViewsMissing(RuntimeError):
    """The database to serve lacks the browsing views (stored by an older tracker)."""


class PortInUse(OSError):
    """Something already listens on the host and port to serve on."""


def load_metadata(db_path, metadata_path=DEFAULT_METADATA):
    """The metadata, its single database entry renamed to the served file's name (``x/foo.db`` -> ``foo``),
    links of its ``description_html`` included (``href="/claims/...`` -> ``href="/foo/...``)."""
    metadata = parse_metadata(Path(metadata_path).read_text(encoding="utf-8"))
    databases = metadata.get("databases") or {}
    if len(databases) == 1:
        ((name, settings),) = databases.items()
        stem = Path(db_path).stem
        if settings.get("description_html"):
            settings["description_html"] = settings["description_html"].replace(
                f'href="/{name}/', f'href="/{tilde_encode(stem)}/')
        metadata["databases"] = {stem: settings}
    return metadata


def inspect_path(db_path):
    """Where ``publish_snapshot`` writes the inspect JSON of ``db_path``: beside it, ``<name>.inspect.json``."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.stem + ".inspect.json")


def metadata_json_path(db_path):
    """Where ``publish_snapshot`` writes the metadata of ``db_path``: beside it, ``<name>.metadata.json``."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.stem + ".metadata.json")


def check_plugins():
    """Raise ``PluginsMissing`` unless Datasette loaded every plugin of ``tracker.plugins``."""
    missing = plugins.missing(pm)
    if missing:
        raise PluginsMissing(f"Datasette did not load tracker's plugins ({', '.join(missing)}): install the package "
                             "with its entry points (`make install`, or `pip install -e .`)")


def datasette_app(db_path, metadata_path=DEFAULT_METADATA, immutable=False):
    """A ``Datasette`` instance serving ``db_path`` with the project's metadata (its plugins and templates
    are Datasette's own, loaded through the entry points). Nothing is written to ``db_path``.

    ``immutable=True`` serves the file as immutable (no locking, counts from the inspect JSON beside it
    when there is one). A mutable file is read through Datasette's read-only connections, and shows what
    an ingest running meanwhile stores; it must have the browsing views (``ViewsMissing`` otherwise),
    which the store creates.
    """
    check_plugins()
    if immutable:
        inspect_file = inspect_path(db_path)
        inspect_data = json.loads(inspect_file.read_text(encoding="utf-8")) if inspect_file.exists() else None
        return Datasette(immutables=[str(db_path)], inspect_data=inspect_data,
                         metadata=load_metadata(db_path, metadata_path))
    check_views(db_path)
    return Datasette([str(db_path)], metadata=load_metadata(db_path, metadata_path))


def check_views(db_path):
    """Raise ``ViewsMissing`` if the database at ``db_path`` lacks a browsing view (read without writing)."""
    with closing(sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)) as db:
        views = {name for (name,) in db.execute("select name from sqlite_master where type = 'view'")}
    missing = [name for name in VIEWS if name not in views]
    if missing:
        raise ViewsMissing(f"{db_path} has no {', '.join(missing)} view: it was stored by an older tracker; "
                           f"run `tracker ingest <your articles> --db {db_path}` once (stored articles are "
                           "skipped) to bring it up to date")


@dataclass
class Snapshot:
    """A published copy: the database file, its ``datasette inspect`` JSON and its Datasette metadata."""

    db: Path
    inspect: Path
    metadata: Path


def publish_snapshot(db_path, out_dir, metadata_path=DEFAULT_METADATA):
    """Write a clean copy of ``db_path`` into ``out_dir`` (``VACUUM INTO``, same file name, browsing views,
    no WAL), its ``datasette inspect`` JSON and its metadata (``load_metadata`` for that file) beside it;
    returns the ``Snapshot`` paths. With the package installed, ``datasette serve -i claims.db
    --inspect-file claims.inspect.json -m claims.metadata.json`` in ``out_dir`` serves the same site.

    An existing snapshot of the same name is replaced only once the new copy is complete.
    """
    db_path, out_dir = Path(db_path), Path(out_dir)
    if not db_path.exists():
        raise FileNotFoundError(f"{db_path} does not exist")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / db_path.name
    partial = out_dir / (db_path.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite_utils.Database(db_path)
    try:
        source.execute("VACUUM INTO ?", [str(partial)])
    finally:
        source.close()
    copy = sqlite_utils.Database(partial)
    try:
        create_views(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    partial.replace(target)
    inspect_file = inspect_path(target)
    # run beside the file so that the JSON names it relatively ("file": "claims.db") and moves with it
    subprocess.run([sys.executable, "-m", "datasette", "inspect", target.name, "--inspect-file", inspect_file.name],
                   cwd=out_dir, check=True, capture_output=True, text=True)
    metadata_file = metadata_json_path(target)
    metadata_file.write_text(json.dumps(load_metadata(target, metadata_path), indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return Snapshot(db=target, inspect=inspect_file, metadata=metadata_file)


def check_port(host, port):
    """Raise ``PortInUse`` if ``host``:``port`` cannot be listened on."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn: a closed server's port is free
        try:
            probe.bind((host, port))
        except OSError as error:
            raise PortInUse(f"port {port} is in use on {host} ({error.strerror}); try --port {port + 1}") from None


def serve(db_path, host="127.0.0.1", port=8001, metadata_path=DEFAULT_METADATA, immutable=False):
    """Serve ``db_path`` with uvicorn, as ``datasette serve`` does; ``immutable=True`` for a snapshot.

    Raises ``PortInUse`` before anything starts when the port is taken.
    """
    import uvicorn

    check_port(host, port)
    ds = datasette_app(db_path, metadata_path, immutable=immutable)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
