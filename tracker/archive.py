"""Read step for many inputs at once: folders (walked recursively), Parquet files (``.parquet``, columns
``id``, ``text`` and optionally ``date``, ``title``, ``url``, read with pyarrow one batch of rows at a time),
and ``read_paths``, which reads any mix of files, folders, addresses and standard input, each by its kind
(the readers of one input are ``tracker.article``'s). ``count_records`` counts the records of the inputs
without parsing them, for a progress bar.

Data flows one way: this module uses ``tracker.article``, which never imports it.
"""

import datetime
import os
from dataclasses import dataclass, field
from pathlib import Path

from .article import (HTML_SUFFIXES, ORIGIN_OF_KIND, Article, ReadError, article_from_record, kind_of, printable,
                      read_html_file, read_jsonl, read_stdin, read_text_file, read_url, read_warc, source)
from .fetch import is_url

PARQUET_COLUMNS = ("id", "text", "date", "title", "url")
PARQUET_BATCH_ROWS = 256  # rows decoded at once: a few megabytes of news text


def read_parquet(path, batch_rows=PARQUET_BATCH_ROWS):
    """Articles and errors from a Parquet file, ``batch_rows`` rows in memory at a time."""
    source = printable(path)
    try:
        import pyarrow.parquet as pq

        parquet = pq.ParquetFile(path)
        names = set(parquet.schema_arrow.names)
        missing = [c for c in ("id", "text") if c not in names]
        if missing:
            yield ReadError(source, f"no {' and no '.join(missing)} column")
            return
        batches = parquet.iter_batches(batch_size=batch_rows, columns=[c for c in PARQUET_COLUMNS if c in names])
        number = 0
        for batch in batches:
            for record in batch.to_pylist():
                number += 1
                where = f"{source}:{number}"
                try:
                    yield article_from_record(_plain_dates(record), where)
                except ValueError as error:
                    yield ReadError(where, str(error))
    except ImportError:
        yield ReadError(source, "reading Parquet needs pyarrow: pip install pyarrow")
    except Exception as error:  # pyarrow's errors (ArrowInvalid, OSError) for a file that is not Parquet
        yield ReadError(source, f"not readable as Parquet: {type(error).__name__}: {error}")


def _plain_dates(record):
    """A Parquet date or timestamp column's value as ``YYYY-MM-DD``, as JSONL carries it."""
    value = record.get("date")
    if isinstance(value, datetime.datetime):
        record["date"] = value.date().isoformat()
    elif isinstance(value, datetime.date):
        record["date"] = value.isoformat()
    return record


@dataclass
class FolderListing:
    """What a folder holds: the files to read, the names of those skipped, the sub-folders that could not
    be listed (a ``ReadError`` each)."""

    files: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    unreadable: list = field(default_factory=list)


def folder_files(folder, pattern="*"):
    """The ``FolderListing`` of ``folder`` (recursive): its files matching ``pattern``, in a stable order.

    Files of no known kind are skipped, and so is the resource folder of a saved page (``page_files/``
    beside ``page.html``: its images, scripts, style sheets and ad frames), named once. Hidden files and
    folders are no input and are not named. A sub-folder that cannot be listed (no permission) is an error
    naming it, never passed over in silence.
    """
    folder = Path(folder)
    listing = FolderListing()

    def unreadable(error):
        reason = error.strerror or type(error).__name__
        listing.unreadable.append(ReadError(printable(error.filename or folder), f"unreadable folder ({reason})"))

    found, resources = [], set()
    for directory, folders, names in os.walk(folder, onerror=unreadable):
        directory = Path(directory)
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        names = sorted(name for name in names if not name.startswith("."))
        resources |= {directory / name for name in folders if name.endswith("_files") and any(
            name[:-len("_files")] + suffix in names for suffix in HTML_SUFFIXES)}
        found += [directory / name for name in names]
    skipped_resources = set()
    for path in sorted(found):
        if not path.relative_to(folder).match(pattern) or not path.is_file():
            continue
        owner = next((d for d in resources if d in path.parents), None)
        if owner is not None:
            skipped_resources.add(owner)
        elif kind_of(path) is None:
            listing.skipped.append(printable(path))
        else:
            listing.files.append(path)
    listing.skipped += [f"{printable(d)}/ (a saved page's resources)" for d in sorted(skipped_resources)]
    return listing


READERS = {"html": lambda path, article_id: [read_html_file(path, article_id)],
           "jsonl": lambda path, _: read_jsonl(path), "parquet": lambda path, _: read_parquet(path),
           "warc": lambda path, _: read_warc(path)}


def read_file(path, article_id=None):
    """Articles and errors from one file, read by its kind; a file of no known kind is read as text. A text or
    HTML file is the article ``article_id`` (by default its path)."""
    return READERS.get(kind_of(path), lambda path, article_id: [read_text_file(path, article_id)])(path, article_id)


def read_paths(paths, pattern="*", skipped=None):
    """Articles and ``ReadError``s from files, folders (recursive, ``pattern``), addresses, JSONL and ``-``.

    A file given by name is read whatever its suffix (as text unless it is HTML, JSONL, Parquet or WARC);
    in a folder, files of no known kind are left out and their names appended to the list ``skipped``,
    and each sub-folder that cannot be listed is an error.

    Ids: a text or HTML file's is its path relative to the folder given, or its name when the file is given
    by name, whatever the spelling of the path (``corpus/a.txt``, ``./a.txt``, an absolute path); a record's
    is its ``id``; a page's its address. An id read twice in one run is an error naming both sources; the
    first is kept.
    """
    first_read = {}  # id: where it was read first
    for item, file in _read_paths(paths, pattern, skipped):
        if isinstance(item, Article):
            where = source(item) if item.path or file is None else f"{printable(file)}: {item.id}"
            if item.id in first_read:
                item = ReadError(where, f"duplicate id {item.id!r}, first read from {first_read[item.id]} (kept); "
                                        "this one is not stored")
            else:
                first_read[item.id] = where
        yield item


def _read_paths(paths, pattern, skipped):
    for raw in paths:
        if str(raw) == "-":
            yield from _with_origin(read_stdin(), "record", "<stdin>")
            continue
        if is_url(raw):
            yield from _with_origin([read_url(str(raw))], "page")
            continue
        path = Path(raw)
        if path.is_dir():
            listing = folder_files(path, pattern)
            if skipped is not None:
                skipped.extend(listing.skipped)
            yield from ((error, None) for error in listing.unreadable)
            named = [(file, printable(file.relative_to(path).as_posix())) for file in listing.files]
        elif path.exists():
            named = [(path, printable(path.name))]
        else:
            yield ReadError(printable(path), "no such file or folder"), None
            continue
        for file, article_id in named:
            yield from _with_origin(read_file(file, article_id), ORIGIN_OF_KIND.get(kind_of(file), "file"), file)


def _with_origin(items, origin, file=None):
    """``(item, file)`` for each of ``items``, articles with their ``origin`` set."""
    for item in items:
        if isinstance(item, Article):
            item.origin = origin
        yield item, file


def count_records(paths, pattern="*"):
    """The number of records the inputs hold (non-blank JSONL lines, Parquet rows, one per text file),
    read without parsing (a WARC file counts as one); standard input and pipes are not counted, since reading
    them would consume them."""
    total = 0
    for raw in paths:
        if str(raw) == "-" or is_url(raw):
            total += str(raw) != "-"
            continue
        files = folder_files(raw, pattern).files if Path(raw).is_dir() else [Path(raw)]
        for file in files:
            kind = kind_of(file)
            if not file.is_file():
                continue
            try:
                if kind == "jsonl":
                    with open(file, "rb") as stream:
                        total += sum(1 for line in stream if line.strip())
                elif kind == "parquet":
                    import pyarrow.parquet as pq

                    total += pq.ParquetFile(file).metadata.num_rows
                else:
                    total += 1
            except Exception:  # an unreadable input: the reader reports it
                continue
    return total
