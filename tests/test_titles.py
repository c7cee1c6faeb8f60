"""Text articles: the first line is the title when it reads as a headline, and the date comes from the header,
the first lines or the file's name; the text and its offsets stay as written."""

import pytest
from click.testing import CliRunner

from tracker.archive import read_paths
from tracker.article import Article
from tracker.cli import cli
from tracker.heading import date_in_lines, date_in_name, headline

BODY = "The harbour board voted on Tuesday to close the old pier, its chair Mara Quell said.\n"


def read_one(path):
    article, = read_paths([str(path)])
    assert isinstance(article, Article), article
    return article


@pytest.mark.parametrize("text, title", [
    ("Harbour board shuts the old pier\n\n" + BODY, "Harbour board shuts the old pier"),
    ("Will the old pier close?\n\n" + BODY, "Will the old pier close?"),
    ('Quell: "The pier is finished"\n\n' + BODY, 'Quell: "The pier is finished"'),
    ("# Harbour board shuts the old pier\n" + BODY, "Harbour board shuts the old pier"),  # Markdown
    ("\n\nPIER TO CLOSE AFTER FIFTY YEARS OF SERVICE\n\n" + BODY, "PIER TO CLOSE AFTER FIFTY YEARS OF SERVICE"),
    ("Remembering the storm of March 11, 2011\n\n" + BODY, "Remembering the storm of March 11, 2011"),
    ("Harbour Board Shuts the Old Pier After Fifty Years.\n\n" + BODY,  # title case: a full stop will do
     "Harbour Board Shuts the Old Pier After Fifty Years."),
])
def test_a_headline_first_line_is_the_title(text, title):
    assert headline(text) == title


@pytest.mark.parametrize("text", [
    BODY + "\nMore of the story.",  # a sentence of the body: it ends with a full stop
    "The harbour board voted on Tuesday to close\nthe old pier, its chair Mara Quell said.",  # lower case goes on
    "The harbour board voted on Tuesday to close the old pier after\nFifty years, its chair Mara Quell said.",  # wrapped
    "Harbour board shuts the old pier",  # nothing after it: it is the article
    "WASHINGTON (Reuters)\n\n" + BODY,  # a dateline
    "By Jane Roe and Tom Doe\n\n" + BODY,  # a byline
    "Written by Jane Roe.\n\n" + BODY,
    "PORTMERE (Wire) \u2014 Will the old pier close?\n\n" + BODY,  # starts with a dateline
    "President Olaf Brandt arrived in Portmere.\n\n" + BODY,  # names, but a verb in lower case
    "Thursday, March 3, 2016 10:45 GMT\n\n" + BODY,  # a date
    "Updated 3 March 2016, with the vote of the board\n\n" + BODY,  # a date with a label
    "The board said the following:\n\n" + BODY,  # introduces what follows
    "the pier closes\n\n" + BODY,  # no capital
    "A very long first line that goes on and on about the harbour board and the pier and the chair and the town "
    "and the sea\n\n" + BODY,
])
def test_a_first_line_that_is_no_headline_is_no_title(text):
    assert headline(text) is None


@pytest.mark.parametrize("text, date", [
    ("Pier closes\n\nMarch 3, 2016\n\n" + BODY, "2016-03-03"),
    ("Pier closes\nBy Jane Roe | 3rd March 2016\n" + BODY, "2016-03-03"),
    ("Updated: Sept. 30, 2015 10:45 GMT\n\n" + BODY, "2015-09-30"),
    ("2016-03-04T09:00:00Z\n" + BODY, "2016-03-04"),
    ("PORTMERE, 3 March 2016 (Wire) - " + BODY, "2016-03-03"),  # a dateline starting a long line
])
def test_a_date_in_the_first_lines(text, date):
    assert date_in_lines(text, skip_first=headline(text) is not None) == date


@pytest.mark.parametrize("text", [
    "Remembering the storm of March 11, 2011\n\n" + BODY,  # the headline's date is what it is about
    "On March 3, 2016, the harbour board voted to close the old pier after a long and heated meeting in the hall.",
    "The pier opened in 1975 and closed in 2016.\n\n" + BODY,  # a year alone is no date
    "Pier closes\n\n" + BODY * 5 + "\nMarch 3, 2016",  # too far down
    "Pier closes\n\nFebruary 30, 2016\n\n" + BODY,  # no such day
    "Pier closes\n\n03/04/2016\n\n" + BODY,  # March 4 or 3 April
])
def test_no_date_where_none_is_written_in_the_first_lines(text):
    assert date_in_lines(text, skip_first=headline(text) is not None) is None


@pytest.mark.parametrize("name, date", [
    ("2016-03-03-pier.txt", "2016-03-03"), ("20160303_pier.txt", "2016-03-03"), ("pier_2016.03.03.md", "2016-03-03"),
    ("pier.txt", None), ("000_d47e3dc6810fa34a.txt", None), ("pier20160303.txt", None), ("2016-13-03-pier.txt", None),
])
def test_a_date_in_the_file_name(name, date):
    assert date_in_name(name) == date


def test_a_text_file_keeps_its_text_whole_with_a_title_and_the_date_of_its_first_lines(tmp_path):
    text = "Harbour board shuts the old pier\n\nMarch 3, 2016\n\n" + BODY
    path = tmp_path / "2015-01-01-pier.txt"
    path.write_text(text, encoding="utf-8")
    article = read_one(path)
    assert (article.title, article.date, article.text) == ("Harbour board shuts the old pier", "2016-03-03", text)


def test_the_header_date_comes_first_and_a_body_first_line_is_no_title(tmp_path):
    path = tmp_path / "2015-01-01-pier.txt"
    path.write_text("date 2014-05-06 " + BODY + "\nMarch 3, 2016\n", encoding="utf-8")
    article = read_one(path)
    assert (article.title, article.date, article.text) == (None, "2014-05-06", BODY + "\nMarch 3, 2016\n")


def test_the_file_name_dates_an_article_whose_lines_do_not(tmp_path):
    (tmp_path / "20160303_pier.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "pier.txt").write_text(BODY, encoding="utf-8")
    assert read_one(tmp_path / "20160303_pier.txt").date == "2016-03-03"
    assert read_one(tmp_path / "pier.txt").date is None


def test_the_ingest_summary_counts_the_articles_without_a_date(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "dated.txt").write_text("Pier closes\n\nMarch 3, 2016\n\n" + BODY, encoding="utf-8")
    (folder / "2016-03-04-named.txt").write_text(BODY, encoding="utf-8")
    (folder / "undated.txt").write_text(BODY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "claims.db"), "--engine", "embedded"])
    assert result.exit_code == 0, result.output
    assert "3 article(s) ingested (1 without a date) with " in result.stdout
