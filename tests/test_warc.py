"""Web archives: each HTML page captured in a WARC file is an article whose id is its address; what is no
page (images, redirects, errors, requests) is passed over; a broken archive keeps what was read before."""

import gzip
import io
import sqlite3

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from news_pages import STORY_TEXT, STORY_TITLE, STORY_URL, front_page, news_page, paragraphs_html
from tracker.archive import read_paths
from tracker.article import Article, ReadError
from tracker.cli import cli

FERRY_URL = "https://ledger.example/region/ferry-timetable"
FERRY_TEXT = ("The Kessby ferry will run twice an hour from May, the harbour board said on Friday.\n\n"
              '"Nobody will pay more for the new timetable," board member Asa Plenn said.')


def ferry_page(extra=""):
    paragraphs = FERRY_TEXT.split("\n\n")
    paragraphs[-1] += extra
    return news_page(title="Ferry to run twice an hour", body=paragraphs_html(*paragraphs), url=FERRY_URL,
                     date="2022-04-01T10:00:00Z", author="Ilse Marrow")


def response(writer, uri, body, content_type="text/html; charset=utf-8", status="200 OK"):
    http = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))


def write_warc(path, gzipped=True):
    """A crawl of the paper: two stories (the ferry one captured twice, edited in between), a front page,
    a redirect, a missing page, an image, a request, and a story saved as a resource record."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "a test crawler"}))
        writer.write_record(writer.create_warc_record(
            STORY_URL, "request", payload=io.BytesIO(b"GET /region/quarry-tunnel-to-close HTTP/1.1\r\n\r\n")))
        response(writer, STORY_URL, news_page().encode("utf-8"))
        response(writer, "https://ledger.example/region", front_page().encode("utf-8"))
        response(writer, "https://ledger.example/old-story", b"", status="301 Moved Permanently")
        response(writer, "https://ledger.example/gone", b"<html><body><p>Page not found, sorry.</p></body></html>",
                 status="404 Not Found")
        response(writer, "https://ledger.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="image/png")
        response(writer, FERRY_URL, ferry_page(" (An earlier version.)").encode("utf-8"))
        response(writer, FERRY_URL, ferry_page().encode("cp1252"), content_type="text/html; charset=windows-1252")
        writer.write_record(writer.create_warc_record(
            "https://ledger.example/saved/quarry", "resource", payload=io.BytesIO(news_page().encode("utf-8")),
            warc_content_type="text/html"))
    return path


@pytest.mark.parametrize("name, gzipped", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_each_html_page_of_an_archive_is_an_article(tmp_path, name, gzipped):
    path = write_warc(tmp_path / name, gzipped)
    items = list(read_paths([str(path)]))
    articles = {item.id: item for item in items if isinstance(item, Article)}
    errors = [str(item) for item in items if isinstance(item, ReadError)]
    assert list(articles) == [STORY_URL, FERRY_URL, "https://ledger.example/saved/quarry"]
    assert errors == [f"{path}: https://ledger.example/region: "
                      "no article text found in the page (only menus, links or boilerplate)"]
    story, ferry = articles[STORY_URL], articles[FERRY_URL]
    assert (story.text, story.title, story.date, story.author, story.url, story.path) == (
        STORY_TEXT, STORY_TITLE, "2021-06-09", "Pell Avander", STORY_URL, str(path))
    assert ferry.text == FERRY_TEXT, "the last capture of a page is the one read"
    assert (ferry.date, ferry.author, ferry.warning) == ("2022-04-01", "Ilse Marrow", None)
    assert articles["https://ledger.example/saved/quarry"].text == STORY_TEXT


def test_an_archive_cut_short_keeps_the_pages_before_the_cut(tmp_path):
    whole = write_warc(tmp_path / "whole.warc", gzipped=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[:whole.index(b"The Kessby ferry will run")])  # inside the ferry page's first capture
    items = list(read_paths([str(cut)]))
    assert [item.id for item in items if isinstance(item, Article)] == [STORY_URL]
    assert [str(item) for item in items if isinstance(item, ReadError)] == [
        f"{cut}: https://ledger.example/region: no article text found in the page (only menus, links or boilerplate)",
        f"{cut}: broken WARC: the record of {FERRY_URL} is cut short, after 2 page(s)"]


@pytest.mark.parametrize("content, reason", [
    (b"<html><body><p>Saved under the wrong name.</p></body></html>", "not a WARC file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not a WARC file"),
    (b"a line of words\n", "not a WARC file"),  # warcio alone would read it as an ARC header
    (gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n"), "no HTML page in the archive"),
    (b"", "not a WARC file"),
    (gzip.compress(b"plain words, gzipped"), "not a WARC file"),
])
def test_a_file_that_is_no_archive_is_one_error_naming_it(tmp_path, content, reason):
    path = tmp_path / "bad.warc"
    path.write_bytes(content)
    items = list(read_paths([str(path)]))
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert items[0].source == str(path) and reason in items[0].message and "\n" not in str(items[0])


def test_ingest_of_an_archive_stores_its_pages_once(tmp_path):
    folder = tmp_path / "crawls"
    folder.mkdir()
    write_warc(folder / "crawl.warc.gz")
    db_path = str(tmp_path / "claims.db")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db_path])
    assert result.exit_code == 1, result.output  # the front page has no article
    assert "3 article(s) ingested" in result.stdout and "1 error(s)" in result.stdout
    assert f"error: {folder / 'crawl.warc.gz'}: https://ledger.example/region: no article text" in result.stderr
    with sqlite3.connect(db_path) as db:
        rows = db.execute("select id, path, url, author from articles order by id").fetchall()
        ferry_claims = db.execute("select count(*) from claims where article_id = ?", [FERRY_URL]).fetchone()[0]
    assert rows == [(FERRY_URL, str(folder / "crawl.warc.gz"), FERRY_URL, "Ilse Marrow"),
                    (STORY_URL, str(folder / "crawl.warc.gz"), STORY_URL, "Pell Avander"),
                    ("https://ledger.example/saved/quarry", str(folder / "crawl.warc.gz"), STORY_URL, "Pell Avander")]
    assert ferry_claims
    again = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db_path])
    assert "0 article(s) ingested" in again.stdout and "3 unchanged" in again.stdout
