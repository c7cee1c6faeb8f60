"""Archives: JSONL streamed line by line and Parquet read by row batches give the same articles as the
read step, and the same database rows."""

import json
import os
import threading

import pytest

from tracker.archive import count_records, read_parquet, read_paths
from tracker.article import Article, ReadError, read_jsonl
from tracker.bench import table_rows
from tracker.ingest import run_ingest

RECORDS = [
    {"id": "harbor-1", "date": "2022-04-01", "title": "Harbor talks",
     "text": '"The cranes will run again by June," Ilse Marwood, the port director, said on Friday.'},
    {"id": "harbor-2", "text": "Dockers' leader Kofi Brandt said that the strike would go on until the talks resumed."},
]


def jsonl(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def split(items):
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadError)]


def test_a_streamed_jsonl_file_gives_its_articles_and_one_error_per_broken_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = jsonl(RECORDS).splitlines()
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join([lines[0], "", "{broken", lines[1], '{"id": "x"}']).encode()
                     + b"\n" + json.dumps({"id": "bad-bytes", "text": "caf\u00e9 owner Rui Sa said it was fine."})
                     .encode().replace(b"\\u00e9", b"\xe9") + b"\n")
    articles, errors = split(list(read_jsonl(path)))
    assert [a.id for a in articles] == ["harbor-1", "harbor-2", "bad-bytes"]
    assert articles[0].text == RECORDS[0]["text"] and articles[0].date == "2022-04-01"
    assert "caf\ufffd owner" in articles[2].text
    assert {e.source for e in errors} == {f"{path}:3", f"{path}:5", str(path)}
    assert count_records([str(tmp_path)]) == 5


def test_jsonl_is_read_as_it_arrives_not_whole(tmp_path):
    fifo = tmp_path / "live.jsonl"
    os.mkfifo(fifo)
    first_read, second_written = threading.Event(), threading.Event()

    def write():
        with open(fifo, "w", encoding="utf-8") as stream:
            stream.write(jsonl(RECORDS[:1]))
            stream.flush()
            first_read.wait(10)
            stream.write(jsonl(RECORDS[1:]))
            second_written.set()

    writer = threading.Thread(target=write)
    writer.start()
    items = read_paths([str(fifo)])
    first = next(items)
    assert first.id == "harbor-1" and not second_written.is_set()
    first_read.set()
    assert [a.id for a in items] == ["harbor-2"]
    writer.join(10)


def test_parquet_rows_are_read_in_batches_as_their_jsonl_would_be(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    import datetime

    table = pa.table({"id": [r["id"] for r in RECORDS], "text": [r["text"] for r in RECORDS],
                      "date": [datetime.date(2022, 4, 1), None], "title": [r.get("title") for r in RECORDS]})
    pq.write_table(table, tmp_path / "archive.parquet", row_group_size=1)
    (tmp_path / "archive.jsonl").write_text(jsonl(RECORDS), encoding="utf-8")
    assert list(read_parquet(tmp_path / "archive.parquet", batch_rows=1)) == list(read_jsonl(tmp_path / "archive.jsonl"))
    assert count_records([str(tmp_path / "archive.parquet")]) == 2
    for name in ("archive.parquet", "archive.jsonl"):
        summary = run_ingest([str(tmp_path / name)], tmp_path / f"{name}.db")
        assert (summary.stored, summary.errors) == (2, []) and summary.claims >= 2
    assert table_rows(tmp_path / "archive.parquet.db") == table_rows(tmp_path / "archive.jsonl.db")


def test_a_parquet_file_without_text_or_not_parquet_is_one_error(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table({"id": ["a"], "body": ["no text column"]}), tmp_path / "notext.parquet")
    (tmp_path / "fake.parquet").write_text("not parquet at all", encoding="utf-8")
    errors = list(read_paths([str(tmp_path)]))
    assert [(e.source, e.message.split(":")[0]) for e in errors] == [
        (str(tmp_path / "fake.parquet"), "not readable as Parquet"), (str(tmp_path / "notext.parquet"), "no text column")]


def test_a_nul_in_a_parquet_cell_is_removed_with_a_warning_naming_the_row(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table({"id": ["n1"], "text": ["Kofi Brandt said\x00 the strike would go on."]}),
                   tmp_path / "nul.parquet")
    article, = read_parquet(tmp_path / "nul.parquet")
    assert article.text == "Kofi Brandt said the strike would go on."
    assert article.warning == f"1 NUL character(s) removed from the text (record {tmp_path / 'nul.parquet'}:1)"
