"""Read step: articles from one input each (a text file, an HTML page, a web archive (WARC), an address,
a JSONL file or standard input), checked before use; folders, Parquet and mixed inputs are ``archive``'s.

Everything from outside is untrusted until it has been read here. A bad input becomes a ``ReadError``
naming the file (and line, or archived address), never an exception that stops a batch. HTML goes
through ``pages`` (trafilatura), WARC files through ``warc`` (warcio), addresses through ``fetch``.

NUL characters: a file with a NUL byte in its first 8 KB (and no UTF-16 byte order mark) is binary and
refused; a NUL anywhere else (later in a file, escaped in a JSONL record, in a Parquet cell, an HTML page
or a WARC capture) is removed from the article's text, title and author, with a warning naming the input,
since SQLite's text functions and the site would read it as the text's end. (A raw NUL byte inside a
JSONL line is not JSON: that line is an error.)
"""

import codecs
import datetime
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .heading import date_in_lines, date_in_name, headline
from .pages import BOMS

MAX_BYTES = 2_000_000  # larger inputs are refused: no news article is this long (parsing it would take minutes)
DATE_HEADER = re.compile(r"\A\s*date[ \t]+(\S+)[ \t]*\n?", re.IGNORECASE)
HTML_START = re.compile(r"\A\s*(<!doctype html|<html|<head|<body|<\?xml)", re.IGNORECASE)
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)
WARC_SUFFIXES = (".warc", ".warc.gz")
ORIGINS = {"file": "file", "record": "JSONL or Parquet record", "page": "web page"}  # id owners, and their names
ORIGIN_OF_KIND = {"text": "file", "html": "file", "jsonl": "record", "parquet": "record", "warc": "page"}
KINDS = "text, HTML, JSONL, Parquet or WARC"  # what a folder's files must be to be read: the suffixes above


@dataclass
class Article:
    """One checked article: ``text`` is what offsets point into."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    path: str | None = None
    warning: str | None = None  # something was repaired on reading (undecodable bytes)
    author: str | None = None  # the byline, from a page's metadata
    origin: str | None = None  # the kind of source its id belongs to: one of ORIGINS

    @property
    def content_hash(self):
        """SHA-1 of what determines the claims: the text, date, title and author (when there is one: the
        hashes of articles without an author are those stored before authors were read)."""
        fields = [self.text, self.date, self.title] + ([self.author] if self.author else [])
        key = json.dumps(fields, ensure_ascii=False)
        return hashlib.sha1(key.encode("utf-8")).hexdigest()


def source(article):
    """How an error names an article: its file, with its id when the file holds many (JSONL, Parquet, WARC)."""
    if article.path and article.origin != "file" and article.path != article.id:
        return f"{article.path}: {article.id}"
    return article.path or article.id


@dataclass
class ReadError:
    """An input that could not be read; ``message`` is one line naming the file."""

    source: str
    message: str

    def __str__(self):
        return f"{self.source}: {self.message}"


def printable(path):
    """A file name as text that can be printed and stored: bytes that are not UTF-8 (which Python keeps
    as lone surrogates) become U+FFFD."""
    return os.fsencode(str(path)).decode("utf-8", errors="replace")


def parse_date(value, source):
    """An ISO date ``YYYY-MM-DD`` or ``None``; raises ``ValueError`` with a readable message."""
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValueError(f"malformed date {str(value)[:40]!r} (expected YYYY-MM-DD)") from None


def decode(data):
    """``(text, warning or None)`` from a text file's bytes: UTF-8, or the encoding of its byte order mark
    (UTF-8, UTF-16 LE or BE); undecodable bytes are replaced and reported. Raises ``ValueError`` for binary
    data: NUL bytes in the first 8 KB of a file without a byte order mark."""
    encoding = next((encoding for bom, encoding in BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    encoding = encoding or "utf-8"
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as error:
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        name = "UTF-8" if encoding.startswith("utf-8") else "UTF-16"
        return text, f"invalid {name} at byte {error.start}: {bad} undecodable byte(s) replaced"


def without_nul(text):
    """``(text, warning or None)``: the text without NUL characters, which SQLite's text functions and the
    site would read as its end; how many were removed is the warning."""
    count = text.count("\x00")
    if not count:
        return text, None
    return text.replace("\x00", ""), f"{count} NUL character(s) removed"


def joined(*warnings):
    """Warnings as one line, or None when there is none."""
    return "; ".join(filter(None, warnings)) or None


def article_from_text(text, article_id, path=None, warning=None):
    """An ``Article`` from a text file's content: an optional ``date YYYY-MM-DD`` header, then the text.

    The text is kept whole; its first line is also the title when it reads as a headline. Without a header,
    the date is one written in the first lines, else one in the file's name (``heading``), else None.

    Text that is an HTML page (a page saved under another name) is read as one, with a warning.
    """
    if HTML_START.match(text):
        warning = joined(warning, "HTML: the article extracted from the page's markup")
        return article_from_html(text, article_id, path=path, warning=warning)
    date = None
    header = DATE_HEADER.match(text)
    if header:
        date = parse_date(header.group(1), path)
        text = text[header.end():]
    title = headline(text)
    date = date or date_in_lines(text, skip_first=title is not None)
    if date is None and path:
        date = date_in_name(Path(path).name)
    return checked(Article(id=article_id, text=text, date=date, title=title, path=path, warning=warning))


def article_from_html(html, article_id, path=None, url=None, warning=None):
    """An ``Article`` from an HTML page: its body text and the title, date, author and URL its metadata
    give; ``url`` is where it was fetched or archived from. Raises ``ValueError`` without article text."""
    from .pages import extract_page

    if not html.strip():
        raise ValueError("empty page: no text")
    html, removed = without_nul(html)
    warning = joined(warning, removed)
    page = extract_page(html, url=url)
    try:
        date = parse_date(page.date, path)
    except ValueError:
        date = None  # a page's own metadata, not the user's header: a date that does not parse is unknown
    return checked(Article(id=article_id, text=page.text, date=date, title=page.title, author=page.author,
                           url=page.url or url, path=path, warning=warning))


def checked(article):
    """The article, NUL characters removed from its text, title and author (and reported in its warning),
    or ``ValueError`` when its text is unusable. Every reader's article passes here."""
    for name in ("text", "title", "author"):
        value = getattr(article, name)
        if isinstance(value, str):
            value, removed = without_nul(value)
            setattr(article, name, value)
            article.warning = joined(article.warning, removed and f"{removed} from the {name}")
    if not isinstance(article.text, str) or not article.text.strip():
        raise ValueError("empty article: no text")
    if len(article.text) > MAX_BYTES:
        raise ValueError(f"too large: {len(article.text):,} characters (limit {MAX_BYTES:,})")
    return article


def read_text_file(path, article_id=None):
    """One text file as an ``Article`` or a ``ReadError``."""
    return _read_file(path, article_id, MAX_BYTES, decode, article_from_text)


def read_html_file(path, article_id=None):
    """One saved HTML page as an ``Article`` or a ``ReadError``."""
    from .pages import MAX_HTML_BYTES, decode_html

    return _read_file(path, article_id, MAX_HTML_BYTES, decode_html, article_from_html)


def _read_file(path, article_id, limit, decoder, make_article):
    """``make_article(text, id, path=, warning=)`` of the file's text, or a ``ReadError``; a file over
    ``limit`` bytes is refused unread."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise ValueError(f"too large: {size:,} bytes (limit {limit:,})")
        text, warning = decoder(path.read_bytes())
        name = printable(path)
        return make_article(text, article_id or name, path=name, warning=warning)
    except (OSError, ValueError) as error:
        return ReadError(printable(path), str(error))


def read_warc(path):
    """Articles and errors from the HTML pages of a web archive, each page's address its id.

    A page captured more than once is read from its last capture. An archive that breaks off keeps the
    pages read before the break, and the break is an error.
    """
    from .pages import MAX_HTML_BYTES, decode_html
    from .warc import html_captures

    name = printable(path)
    latest = {}
    failure = None
    try:
        with open(path, "rb") as stream:
            for capture in html_captures(stream):
                where = f"{name}: {capture.uri}"
                try:
                    if len(capture.data) > MAX_HTML_BYTES:
                        raise ValueError(f"too large: over {MAX_HTML_BYTES:,} bytes")
                    html, warning = decode_html(capture.data, capture.charset)
                    item = article_from_html(html, capture.uri, path=name, url=capture.uri, warning=warning)
                except ValueError as error:
                    item = ReadError(where, str(error))
                latest.pop(capture.uri, None)
                latest[capture.uri] = item
    except (OSError, ValueError) as error:
        failure = ReadError(name, str(error))
    yield from latest.values()
    if failure is not None:
        yield failure
    elif not latest:
        yield ReadError(name, "no HTML page in the archive")


def read_url(url):
    """The page at ``url`` as an ``Article`` (its id the address as given) or a ``ReadError``."""
    from .fetch import FetchError, fetch
    from .pages import HTML_TYPES, decode_html

    try:
        response = fetch(url)
    except FetchError as error:
        return ReadError(url, f"could not fetch ({error})")
    try:
        if response.media_type == "text/plain":
            text, warning = decode(response.data)
            article = article_from_text(text, url, warning=warning)
            article.url = article.url or response.url
            return article
        if response.media_type not in HTML_TYPES | {""}:
            raise ValueError(f"not an HTML page (Content-Type {response.media_type})")
        html, warning = decode_html(response.data, response.charset)
        return article_from_html(html, url, url=response.url, warning=warning)
    except ValueError as error:
        return ReadError(url, str(error))


def article_from_record(record, source):
    """An ``Article`` from one JSONL record ``{"id", "text", "date"?, "title"?, "url"?}``."""
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    missing = [k for k in ("id", "text") if record.get(k) in (None, "")]
    if missing:
        raise ValueError(f"missing {' and '.join(missing)}")
    if not isinstance(record["text"], str):
        raise ValueError("text is not a string")
    text, warning = _without_surrogates(record["text"])
    article = checked(Article(
        id=_without_surrogates(str(record["id"]))[0], text=text, date=parse_date(record.get("date"), source),
        title=_without_surrogates(str(record["title"]))[0] if record.get("title") else None,
        url=str(record["url"]) if record.get("url") else None,
        warning=warning))
    if article.warning:
        article.warning += f" (record {source})"  # the article has no file of its own to be named by
    return article


def _without_surrogates(text):
    """JSON can carry lone UTF-16 surrogates ("\\ud800") that no UTF-8 file or database can hold."""
    try:
        text.encode("utf-8")
        return text, None
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8"), "invalid characters (lone surrogates) replaced"


def read_jsonl_lines(lines, source):
    """Articles and errors from JSONL lines; a broken line is reported with its number."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield article_from_record(json.loads(line), where)
        except json.JSONDecodeError as error:
            yield ReadError(where, f"broken JSON ({error.msg})")
        except RecursionError:
            yield ReadError(where, "broken JSON (nested too deeply)")
        except ValueError as error:
            yield ReadError(where, str(error))


def read_jsonl(path):
    """Articles and errors from a JSONL file, read one line at a time (an archive's file is never held whole);
    undecodable bytes are replaced and reported once."""
    source = printable(path)
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


def read_stdin(stream=None):
    """Articles from standard input: JSONL if the first character is ``{``, else one text article."""
    stream = stream or sys.stdin.buffer
    try:
        text, warning = decode(stream.read())
    except ValueError as error:
        yield ReadError("<stdin>", str(error))
        return
    if text.lstrip().startswith("{"):
        yield from read_jsonl_lines(text.splitlines(), "<stdin>")
        return
    try:
        yield article_from_text(text, "stdin-" + hashlib.sha1(text.encode()).hexdigest()[:12], warning=warning)
    except ValueError as error:
        yield ReadError("<stdin>", str(error))


def kind_of(path):
    """``"text"``, ``"html"``, ``"jsonl"``, ``"parquet"``, ``"warc"`` by the file's suffix, or None."""
    name = Path(path).name.lower()
    for kind, suffixes in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES),
                           ("parquet", PARQUET_SUFFIXES), ("warc", WARC_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None
