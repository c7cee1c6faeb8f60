"""Read step for archives: JSONL and Parquet files streamed record by record, never loaded whole.

``read_inputs`` gives the same articles and errors as ``article.read_paths`` (text files, folders, ``-``
go through it unchanged), with two differences for large files: a JSONL file is decoded line by line,
so its memory is one line's, and Parquet files (``.parquet``, columns ``id``, ``text`` and optionally
``date``, ``title``, ``url``) are read with pyarrow one batch of rows at a time. ``count_records`` counts
the records of the same inputs without parsing them, for a progress bar.
"""

import codecs
import datetime
from pathlib import Path

from .article import JSONL_SUFFIXES, TEXT_SUFFIXES, ReadError, article_from_record, iter_files, read_jsonl_lines, \
    read_paths

PARQUET_SUFFIXES = {".parquet"}
PARQUET_COLUMNS = ("id", "text", "date", "title", "url")
PARQUET_BATCH_ROWS = 256  # rows decoded at once: a few megabytes of news text


def read_inputs(paths, pattern="*"):
    """Articles and ``ReadError``s from files, folders (recursive, ``pattern``), JSONL, Parquet and ``-``."""
    for raw in paths:
        for file in input_files(raw, pattern):
            suffix = _suffix(file)
            if suffix in JSONL_SUFFIXES:
                yield from stream_jsonl(file)
            elif suffix in PARQUET_SUFFIXES:
                yield from read_parquet(file)
            else:  # a text file, standard input or a missing path: the read step's own reader
                yield from read_paths([file])


def input_files(raw, pattern="*"):
    """The inputs one argument names: a folder's readable files (recursive), else the argument itself."""
    path = Path(raw)
    if str(raw) == "-" or not path.is_dir():
        return [raw]
    readable = TEXT_SUFFIXES | JSONL_SUFFIXES | PARQUET_SUFFIXES
    return [p for p in iter_files(path, pattern) if p.suffix.lower() in readable or pattern != "*"]


def _suffix(file):
    """The suffix that chooses a streaming reader, or ``""`` for what ``read_paths`` reads."""
    path = Path(file)
    return path.suffix.lower() if str(file) != "-" and path.exists() and not path.is_dir() else ""


def stream_jsonl(path):
    """Articles and errors from a JSONL file, read one line at a time.

    The lines are those of ``str.splitlines`` on the whole decoded file (as ``article.read_jsonl`` reads
    them), so line numbers and articles are the same; undecodable bytes are replaced and reported once.
    """
    source = str(path)
    try:
        stream = open(path, "rb")
    except OSError as error:
        yield ReadError(source, str(error))
        return
    with stream:
        if b"\x00" in stream.peek(8192)[:8192]:
            yield ReadError(source, "binary file (NUL bytes), not text")
            return
        problems = []
        for item in read_jsonl_lines(decoded_lines(stream, problems), source):
            if problems:
                yield ReadError(source, problems.pop() + "; broken lines are skipped")
            yield item
        if problems:
            yield ReadError(source, problems.pop() + "; broken lines are skipped")


def decoded_lines(stream, problems):
    """The text lines of a binary stream (UTF-8, BOM allowed); the first undecodable line is reported
    once in ``problems``, its bytes replaced."""
    reported = False
    for number, raw in enumerate(stream, 1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw.decode("utf-8", errors="replace")
            if not reported:
                problems.append(f"invalid UTF-8 on line {number}, byte {error.start}: undecodable bytes replaced")
                reported = True
        yield from line.splitlines()


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
    read without parsing; standard input and pipes are not counted, since reading them would consume them."""
    total = 0
    for raw in paths:
        for file in input_files(raw, pattern):
            suffix = _suffix(file)
            if not Path(file).is_file():
                continue
            try:
                if suffix in JSONL_SUFFIXES:
                    with open(file, "rb") as stream:
                        total += sum(1 for line in stream if line.strip())
                elif suffix in PARQUET_SUFFIXES:
                    import pyarrow.parquet as pq

                    total += pq.ParquetFile(file).metadata.num_rows
                else:
                    total += 1
            except Exception:  # an unreadable input: the reader reports it
                continue
    return total
