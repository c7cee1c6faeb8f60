"""Saved web pages: only the article's body is stored, its paragraphs kept, with the title, date, author and
address the page's metadata give; a bad page is one line naming the file."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from news_pages import BOILERPLATE, STORY_TEXT, STORY_TITLE, STORY_URL, front_page, news_page, paragraphs_html
from tracker.archive import read_paths
from tracker.article import Article, ReadError
from tracker.cli import cli


def read_one(path):
    items = list(read_paths([str(path)]))
    assert len(items) == 1
    return items[0]


def write(path, content):
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_a_saved_page_gives_only_its_article_with_its_metadata(tmp_path):
    path = write(tmp_path / "quarry.html", news_page())
    article = read_one(path)
    assert isinstance(article, Article) and article.warning is None
    assert article.text == STORY_TEXT
    assert [word for word in BOILERPLATE if word in article.text] == []
    assert (article.id, article.path) == ("quarry.html", str(path))
    assert (article.title, article.date, article.author, article.url) == (
        STORY_TITLE, "2021-06-09", "Pell Avander", STORY_URL)


def test_the_date_is_the_json_lds(tmp_path):
    dated = read_one(write(tmp_path / "a.htm", news_page(date="2019-11-30T23:10:00Z")))
    undated = read_one(write(tmp_path / "b.htm", news_page(date=None)))
    assert dated.date == "2019-11-30"
    assert undated.date is None, "no date is guessed from the footer's year or the text"
    assert undated.text == STORY_TEXT


def test_headings_list_items_and_quotes_are_paragraphs_of_their_own(tmp_path):
    body = paragraphs_html(
        "The Kessby ferry will run twice an hour from May, the harbour board said on Friday.",
        "Board member Asa Plenn listed what would change:") + """
<ul><li>a second boat on weekday mornings,</li><li>a later last crossing on Saturdays.</li></ul>
<h2>Fares stay the same</h2>
<p>"Nobody will pay more for the new timetable," Plenn said.<br>The board meets again in June.</p>"""
    article = read_one(write(tmp_path / "ferry.html", news_page(title="Ferry to run twice an hour", body=body)))
    assert article.text.split("\n\n") == [
        "The Kessby ferry will run twice an hour from May, the harbour board said on Friday.",
        "Board member Asa Plenn listed what would change:",
        "a second boat on weekday mornings,", "a later last crossing on Saturdays.",
        "Fares stay the same",
        '"Nobody will pay more for the new timetable," Plenn said. The board meets again in June.']


def test_encodings_declared_or_not(tmp_path):
    body = paragraphs_html("«Nous resterons ouverts», a déclaré la directrice Élodie Varsk lundi à Brévanne.")
    declared = read_one(write(tmp_path / "declared.html", news_page(body=body, charset="iso-8859-1").encode("cp1252")))
    assert declared.warning is None and "Élodie Varsk" in declared.text and "«Nous" in declared.text
    undeclared = read_one(write(tmp_path / "undeclared.html", news_page(body=body, charset=None).encode("cp1252")))
    assert "Élodie Varsk" in undeclared.text
    assert undeclared.warning == "not UTF-8 and no charset declared: read as windows-1252"
    wrong = read_one(write(tmp_path / "wrong.html", news_page(body=body, charset="utf-8").encode("cp1252")))
    assert "\ufffd" in wrong.text and wrong.warning.startswith("invalid utf-8 (the declared encoding) at byte")


@pytest.mark.parametrize("name, content, reason", [
    ("empty.html", "", "empty page: no text"),
    ("blank.htm", "  \n\t\n", "empty page: no text"),
    ("front.html", front_page(), "no article text found in the page (only menus, links or boilerplate)"),
    ("picture.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file (NUL bytes), not HTML"),
    ("utf16.html", news_page().encode("utf-16-le"), "binary file (NUL bytes), not HTML"),
])
def test_a_bad_page_is_a_one_line_error_naming_the_file(tmp_path, name, content, reason):
    path = write(tmp_path / name, content)
    error = read_one(path)
    assert isinstance(error, ReadError)
    assert str(error) == f"{path}: {reason}"


def test_utf16_with_its_byte_order_mark_is_read(tmp_path):
    article = read_one(write(tmp_path / "utf16.html", news_page().encode("utf-16")))
    assert article.text == STORY_TEXT and article.warning is None


def test_an_article_inside_254_nested_divs_is_read(tmp_path):
    page = news_page().replace("<article", "<div>" * 254 + "<article")
    page = page.replace("</article>", "</article>" + "</div>" * 254)
    article = read_one(write(tmp_path / "nested.html", page))
    assert isinstance(article, Article), article
    assert article.text == STORY_TEXT and article.title == STORY_TITLE


def test_html_saved_as_text_is_read_as_a_page_with_a_warning(tmp_path):
    article = read_one(write(tmp_path / "story.txt", news_page()))
    assert article.text == STORY_TEXT and article.title == STORY_TITLE
    assert article.warning == "HTML: the article extracted from the page's markup"


def test_reading_a_page_uses_no_network(tmp_path):
    """trafilatura imports and extracts with every socket refused: nothing is fetched."""
    path = write(tmp_path / "quarry.html", news_page())
    script = f"""
import json, socket
def refuse(*args, **kwargs):
    raise AssertionError("network used")
socket.socket.connect = socket.socket.connect_ex = socket.create_connection = socket.getaddrinfo = refuse
from tracker.archive import read_paths
article, = read_paths([{str(path)!r}])
print(json.dumps([article.text, article.title, article.date, article.author, article.url]))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).parent.parent)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [STORY_TEXT, STORY_TITLE, "2021-06-09", "Pell Avander", STORY_URL]


def test_ingest_stores_the_page_with_claims_pointing_into_its_paragraphs(tmp_path):
    page = write(tmp_path / "quarry.html", news_page())
    db_path = str(tmp_path / "claims.db")
    result = CliRunner().invoke(cli, ["ingest", str(page), "--db", db_path])
    assert result.exit_code == 0, result.output
    assert "1 article(s) ingested" in result.stdout and result.stderr.count("\n") <= 1  # the progress bar only
    with sqlite3.connect(db_path) as db:
        row = db.execute("select title, date, author, url, text from articles where id = ?", [page.name]).fetchone()
        claims = db.execute("select quote_text, start, end, paragraph, speakers.name from claims"
                            " left join speakers on speakers.id = claims.speaker_id").fetchall()
    assert row == (STORY_TITLE, "2021-06-09", "Pell Avander", STORY_URL, STORY_TEXT)
    assert claims
    for quote, start, end, paragraph, _ in claims:
        assert STORY_TEXT[start:end] == quote
        assert paragraph == STORY_TEXT[:start].count("\n\n")
    assert ('"We would rather close it for a summer than lose it for a decade,"', 1, "Mirel Dastrow") in {
        (quote, paragraph, speaker) for quote, _, _, paragraph, speaker in claims}, claims
    again = CliRunner().invoke(cli, ["ingest", str(page), "--db", db_path])
    assert "0 article(s) ingested" in again.stdout and "1 unchanged" in again.stdout
