"""Read step for archives: Parquet files (``.parquet``, columns ``id``, ``text`` and optionally ``date``,
``title``, ``url``) read with pyarrow one batch of rows at a time, and ``count_records``, which counts the
records of the inputs without parsing them, for a progress bar. (JSONL is streamed line by line by
``article.read_jsonl``.)
"""

import datetime
from pathlib import Path

from .article import ReadError, article_from_record, folder_files, is_url, kind_of

PARQUET_COLUMNS = ("id", "text", "date", "title", "url")
PARQUET_BATCH_ROWS = 256  # rows decoded at once: a few megabytes of news text


def read_parquet(path, batch_rows=PARQUET_BATCH_ROWS):
    """Articles and errors from a Parquet file, ``batch_rows`` rows in memory at a time."""
    source = str(path)
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


def count_records(paths, pattern="*"):
    """The number of records the inputs hold (non-blank JSONL lines, Parquet rows, one per text file),
    read without parsing (a WARC file counts as one); standard input and pipes are not counted, since reading
    them would consume them."""
    total = 0
    for raw in paths:
        if str(raw) == "-" or is_url(raw):
            total += str(raw) != "-"
            continue
        files = folder_files(raw, pattern)[0] if Path(raw).is_dir() else [Path(raw)]
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
