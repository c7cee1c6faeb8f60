"""Addresses: `tracker ingest URL` fetches the page (from a server on 127.0.0.1 that the test starts) and
stores its article under the address as given; a page that cannot be had is one line naming it."""

import socket
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

import tracker.fetch
from news_pages import STORY_TEXT, STORY_TITLE, STORY_URL, news_page
from tracker.archive import read_paths
from tracker.article import Article, ReadError
from tracker.cli import cli

PAGES = {  # path: (status, content type, body)
    "/region/quarry.html": (200, "text/html; charset=utf-8", news_page().encode("utf-8")),
    "/region/latin.html": (200, "text/html; charset=iso-8859-1", news_page(charset=None).replace(
        "Mirel Dastrow", "Mirel Dastrów").encode("latin-1")),
    "/wire/brief.txt": (200, "text/plain; charset=utf-8",
                        b'date 2021-06-10\n"The tunnel is safe for now," engineer Cato Rill said.'),
    "/files/report.pdf": (200, "application/pdf", b"%PDF-1.7\n\x00\x00"),
    "/region/front.html": (200, "text/html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/old-address":
            self.send_response(301)
            self.send_header("Location", "/region/quarry.html")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(1.5)
        status, kind, body = PAGES.get(self.path, (404, "text/html", b"<html><body>Not here</body></html>"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    """``http://127.0.0.1:PORT`` of a small news site, served in a thread for this module's tests."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def read_one(address):
    items = list(read_paths([address]))
    assert len(items) == 1
    return items[0]


def test_a_fetched_page_is_its_article_under_the_address_given(server):
    article = read_one(f"{server}/region/quarry.html")
    assert isinstance(article, Article)
    assert (article.id, article.path, article.text, article.title, article.date, article.author, article.url) == (
        f"{server}/region/quarry.html", None, STORY_TEXT, STORY_TITLE, "2021-06-09", "Pell Avander", STORY_URL)


def test_a_redirect_is_followed_and_the_id_stays_the_address_given(server):
    article = read_one(f"{server}/old-address")
    assert article.id == f"{server}/old-address" and article.text == STORY_TEXT


def test_the_headers_charset_decodes_the_page(server):
    article = read_one(f"{server}/region/latin.html")
    assert "Mirel Dastrów" in article.text and article.warning is None


def test_plain_text_is_read_as_a_text_article(server):
    article = read_one(f"{server}/wire/brief.txt")
    assert (article.id, article.date, article.url) == (f"{server}/wire/brief.txt", "2021-06-10", f"{server}/wire/brief.txt")
    assert article.text == '"The tunnel is safe for now," engineer Cato Rill said.'


def test_what_cannot_be_fetched_or_read_is_one_line_naming_the_address(server, monkeypatch):
    monkeypatch.setattr(tracker.fetch, "TIMEOUT", 0.3)
    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        refused = f"http://127.0.0.1:{closed.getsockname()[1]}/story.html"
    expected = {
        f"{server}/missing.html": "could not fetch (HTTP 404 Not Found)",
        f"{server}/slow": "could not fetch (timed out after 0.3 s)",
        refused: "could not fetch (Connection refused)",
        f"{server}/files/report.pdf": "not an HTML page (Content-Type application/pdf)",
        f"{server}/region/front.html": "no article text found in the page (only menus, links or boilerplate)",
    }
    for address, reason in expected.items():
        error = read_one(address)
        assert isinstance(error, ReadError) and str(error) == f"{address}: {reason}"


def test_offline_is_one_clear_line(monkeypatch, tmp_path):
    def no_network(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    address = "https://news.example/2021/06/09/quarry-tunnel"
    result = CliRunner().invoke(cli, ["ingest", address, "--db", str(tmp_path / "claims.db")])
    assert result.exit_code == 1
    assert (f"error: {address}: could not fetch (unknown host or no network: "
            "Temporary failure in name resolution)") in result.stderr.splitlines()
    assert "0 article(s) ingested" in result.stdout and "1 error(s)" in result.stdout


def test_ingest_of_addresses_stores_each_page_once(server, tmp_path):
    db_path = str(tmp_path / "claims.db")
    addresses = [f"{server}/region/quarry.html", f"{server}/missing.html"]
    result = CliRunner().invoke(cli, ["ingest", *addresses, "--db", db_path])
    assert result.exit_code == 1, result.output
    assert f"error: {addresses[1]}: could not fetch (HTTP 404 Not Found)" in result.stderr.splitlines()
    assert "1 article(s) ingested" in result.stdout and "1 error(s)" in result.stdout
    with sqlite3.connect(db_path) as db:
        assert db.execute("select id, url, text from articles").fetchall() == [(addresses[0], STORY_URL, STORY_TEXT)]
        assert db.execute("select count(*) from claims where article_id = ?", [addresses[0]]).fetchone()[0]
    again = CliRunner().invoke(cli, ["ingest", addresses[0], "--db", db_path])
    assert again.exit_code == 0 and "0 article(s) ingested" in again.stdout and "1 unchanged" in again.stdout
