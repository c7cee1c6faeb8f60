"""The read step: every input a user has, and every bad input, gives an article or one clear error."""

import codecs
import io
import json
import os

import pytest

from tracker.archive import read_paths
from tracker.article import Article, ReadError, read_stdin
from tracker.store import open_db, store_article


def read_one(path):
    items = list(read_paths([str(path)]))
    assert len(items) == 1
    return items[0]


def test_date_header_then_text_on_the_same_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2020-07-22 Turkey and Russia agreed on Wednesday.\n\nMore text.", encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.date == "2020-07-22"
    assert article.text.startswith("Turkey and Russia agreed")
    assert article.id == "a.txt"


def test_no_header_keeps_the_whole_text(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Kalin said the deal holds.", encoding="utf-8")
    article = read_one(path)
    assert article.date is None and article.text == "Kalin said the deal holds."


def test_malformed_date_header_is_a_one_line_error_naming_the_file(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("date 2020-13-45 Text.", encoding="utf-8")
    error = read_one(path)
    assert isinstance(error, ReadError)
    assert str(path) in str(error) and "malformed date" in str(error) and "\n" not in str(error)


def test_empty_and_binary_files_are_refused(tmp_path):
    empty, binary = tmp_path / "empty.txt", tmp_path / "bin.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert "empty" in read_one(empty).message
    assert "binary" in read_one(binary).message


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le ministre a déclaré que".encode("latin-1"))
    article = read_one(path)
    assert isinstance(article, Article)
    assert "invalid UTF-8" in article.warning and "\ufffd" in article.text


@pytest.mark.parametrize("bom, encoding", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                                           (codecs.BOM_UTF8, "utf-8")])
def test_a_text_file_with_a_byte_order_mark_is_read_in_its_encoding(tmp_path, bom, encoding):
    path = tmp_path / "notes.txt"
    path.write_bytes(bom + "date 2021-06-08\nMinister Tavi Orun said the bridge would reopen.".encode(encoding))
    article = read_one(path)
    assert (article.text, article.date, article.warning) == (
        "Minister Tavi Orun said the bridge would reopen.", "2021-06-08", None)


def test_a_nul_past_the_first_8_kb_is_removed_with_a_warning(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes(b"Officials said the road was open. " * 300 + b"\x00Kalin said the deal holds.")
    article = read_one(path)
    assert article.text == "Officials said the road was open. " * 300 + "Kalin said the deal holds."
    assert article.warning == "1 NUL character(s) removed from the text"


def test_a_nul_in_a_jsonl_record_is_removed_with_a_warning_naming_the_record(tmp_path):
    path = tmp_path / "feed.jsonl"
    record = {"id": "n1", "title": "Road\u0000 open", "text": "Kalin said\u0000 the deal holds."}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    article = read_one(path)
    assert (article.text, article.title) == ("Kalin said the deal holds.", "Road open")
    assert article.warning == (f"1 NUL character(s) removed from the text; 1 NUL character(s) removed from the title "
                               f"(record {path}:1)")
    db = open_db(tmp_path / "claims.db")
    store_article(db, article, [])
    assert db.execute("select length(text), title from articles").fetchone() == (len(article.text), "Road open")


def test_html_is_reduced_to_its_text(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<!DOCTYPE html><html><head><script>alert(1)</script></head><body>"
                    "<p>Kalin said the deal holds.</p><p>Second paragraph.</p></body></html>", encoding="utf-8")
    article = read_one(path)
    assert article.text == "Kalin said the deal holds.\n\nSecond paragraph."
    assert "HTML" in article.warning


def test_jsonl_with_a_broken_line_reports_the_line_and_reads_the_rest(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a1", "text": "First.", "date": "2021-01-02", "title": "T"}),
        "{broken",
        json.dumps({"id": "a2"}),
        json.dumps({"id": "a3", "text": "Third."}),
    ]), encoding="utf-8")
    items = list(read_paths([str(path)]))
    assert [i.id for i in items if isinstance(i, Article)] == ["a1", "a3"]
    errors = [str(i) for i in items if isinstance(i, ReadError)]
    assert errors == [f"{path}:2: broken JSON (Expecting property name enclosed in double quotes)",
                      f"{path}:3: missing text"]


def test_folders_are_read_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("B said so.", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("A said so.", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    items = list(read_paths([str(tmp_path)]))
    assert [i.text for i in items] == ["B said so.", "A said so."]


def test_standard_input_as_text_or_jsonl():
    text_items = list(read_stdin(io.BytesIO(b"date 2022-02-02 She said yes.")))
    assert text_items[0].date == "2022-02-02" and text_items[0].text == "She said yes."
    jsonl_items = list(read_stdin(io.BytesIO(b'{"id": "x", "text": "He said no."}\n')))
    assert jsonl_items[0].id == "x"


def test_content_hash_changes_with_the_text():
    assert Article("a", "one").content_hash != Article("a", "two").content_hash
    assert Article("a", "one").content_hash == Article("a", "one").content_hash


def non_utf8_name(folder, name):
    """``folder / name`` with the byte 0xE9 (latin-1 é) for ``%``, or skip where names must be UTF-8 (macOS)."""
    path = os.path.join(os.fsencode(folder), name.encode().replace(b"%", b"\xe9"))
    try:
        open(path, "wb").close()
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8")
    return path


def test_a_file_name_that_is_not_utf8_is_read_and_named_printably(tmp_path):
    path = non_utf8_name(tmp_path, "caf%.txt")
    with open(path, "wb") as stream:
        stream.write(b"Minister Tavi Orun said the bridge would reopen.")
    article = read_one(os.fsdecode(path))
    assert (article.id, article.path) == ("caf\ufffd.txt", str(tmp_path / "caf\ufffd.txt"))
    store_article(open_db(tmp_path / "claims.db"), article, [])


def test_an_error_on_a_file_name_that_is_not_utf8_is_one_printable_line(tmp_path):
    non_utf8_name(tmp_path, "empty%.txt")
    shown = tmp_path / "empty\ufffd.txt"
    assert [str(item) for item in read_paths([str(tmp_path)])] == [f"{shown}: empty article: no text"]
