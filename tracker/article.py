"""Read step: articles from text files, HTML pages, web archives (WARC), addresses, folders, JSONL and
standard input, checked before use.

Everything from outside is untrusted until it has been read here. A bad input becomes a ``ReadError``
naming the file (and line, or archived address), never an exception that stops a batch. HTML goes
through ``pages`` (trafilatura), WARC files through ``warc`` (warcio), addresses through ``fetch``.
"""

import codecs
import datetime
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .fetch import is_url

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


def parse_date(value, source):
    """An ISO date ``YYYY-MM-DD`` or ``None``; raises ``ValueError`` with a readable message."""
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValueError(f"malformed date {str(value)[:40]!r} (expected YYYY-MM-DD)") from None


def decode(data):
    """Text from bytes: UTF-8 (BOM allowed); undecodable bytes are replaced and reported."""
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd")
        return text, f"invalid UTF-8 at byte {error.start}: {bad} undecodable byte(s) replaced"


def article_from_text(text, article_id, path=None, warning=None):
    """An ``Article`` from a text file's content: an optional ``date YYYY-MM-DD`` header, then the text.

    Text that is an HTML page (a page saved under another name) is read as one, with a warning.
    """
    if HTML_START.match(text):
        warning = "; ".join(filter(None, [warning, "HTML: the article extracted from the page's markup"]))
        return article_from_html(text, article_id, path=path, warning=warning)
    date = None
    header = DATE_HEADER.match(text)
    if header:
        date = parse_date(header.group(1), path)
        text = text[header.end():]
    return checked(Article(id=article_id, text=text, date=date, path=path, warning=warning))


def article_from_html(html, article_id, path=None, url=None, warning=None):
    """An ``Article`` from an HTML page: its body text and the title, date, author and URL its metadata
    give; ``url`` is where it was fetched or archived from. Raises ``ValueError`` without article text."""
    from .pages import extract_page

    if not html.strip():
        raise ValueError("empty page: no text")
    page = extract_page(html, url=url)
    try:
        date = parse_date(page.date, path)
    except ValueError:
        date = None  # a page's own metadata, not the user's header: a date that does not parse is unknown
    return checked(Article(id=article_id, text=page.text, date=date, title=page.title, author=page.author,
                           url=page.url or url, path=path, warning=warning))


def checked(article):
    """The article, or ``ValueError`` when its text is unusable."""
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
        return make_article(text, article_id or str(path), path=str(path), warning=warning)
    except (OSError, ValueError) as error:
        return ReadError(str(path), str(error))


def read_warc(path):
    """Articles and errors from the HTML pages of a web archive, each page's address its id.

    A page captured more than once is read from its last capture. An archive that breaks off keeps the
    pages read before the break, and the break is an error.
    """
    from .pages import MAX_HTML_BYTES, decode_html
    from .warc import html_captures

    path = Path(path)
    latest = {}
    failure = None
    try:
        with open(path, "rb") as stream:
            for capture in html_captures(stream):
                where = f"{path}: {capture.uri}"
                try:
                    if len(capture.data) > MAX_HTML_BYTES:
                        raise ValueError(f"too large: over {MAX_HTML_BYTES:,} bytes")
                    html, warning = decode_html(capture.data, capture.charset)
                    item = article_from_html(html, capture.uri, path=str(path), url=capture.uri, warning=warning)
                except ValueError as error:
                    item = ReadError(where, str(error))
                latest.pop(capture.uri, None)
                latest[capture.uri] = item
    except (OSError, ValueError) as error:
        failure = ReadError(str(path), str(error))
    yield from latest.values()
    if failure is not None:
        yield failure
    elif not latest:
        yield ReadError(str(path), "no HTML page in the archive")


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
    return checked(Article(
        id=_without_surrogates(str(record["id"]))[0], text=text, date=parse_date(record.get("date"), source),
        title=_without_surrogates(str(record["title"]))[0] if record.get("title") else None,
        url=str(record["url"]) if record.get("url") else None,
        warning=warning))


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


def folder_files(folder, pattern="*"):
    """``(files to read, names skipped)`` under ``folder`` (recursive), matching ``pattern``, in a stable order.

    Files of no known kind are skipped, and so is the resource folder of a saved page (``page_files/``
    beside ``page.html``: its images, scripts, style sheets and ad frames), named once. Hidden files and
    folders are no input and are not named.
    """
    folder = Path(folder)
    resources = {d for d in folder.rglob("*_files") if d.is_dir() and any(
        (d.parent / (d.name[:-len("_files")] + suffix)).is_file() for suffix in HTML_SUFFIXES)}
    files, skipped, skipped_resources = [], [], set()
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file() and not _hidden(p, folder)):
        owner = next((d for d in resources if d in path.parents), None)
        if owner is not None:
            skipped_resources.add(owner)
        elif kind_of(path) is None:
            skipped.append(str(path))
        else:
            files.append(path)
    skipped += [f"{d}/ (a saved page's resources)" for d in sorted(skipped_resources)]
    return files, skipped


def _hidden(path, folder):
    """Whether ``path`` is or lies in a hidden file or folder under ``folder`` (``.git/``, ``.DS_Store``)."""
    return any(part.startswith(".") for part in path.relative_to(folder).parts)


def read_parquet(path):
    """Articles and errors from a Parquet file, a batch of rows at a time (``tracker.archive``)."""
    from .archive import read_parquet as read_batches

    return read_batches(path)


READERS = {"html": lambda path, article_id: [read_html_file(path, article_id)], "jsonl": lambda path, _: read_jsonl(path),
           "parquet": lambda path, _: read_parquet(path), "warc": lambda path, _: read_warc(path)}


def read_file(path, article_id=None):
    """Articles and errors from one file, read by its kind; a file of no known kind is read as text. A text or
    HTML file is the article ``article_id`` (by default its path)."""
    return READERS.get(kind_of(path), lambda path, article_id: [read_text_file(path, article_id)])(path, article_id)


def read_paths(paths, pattern="*", skipped=None):
    """Articles and ``ReadError``s from files, folders (recursive, ``pattern``), addresses, JSONL and ``-``.

    A file given by name is read whatever its suffix (as text unless it is HTML, JSONL or WARC); in a
    folder, files of no known kind are left out and their names appended to the list ``skipped``.

    Ids: a text or HTML file's is its path relative to the folder given, or its name when the file is given
    by name, whatever the spelling of the path (``corpus/a.txt``, ``./a.txt``, an absolute path); a record's
    is its ``id``; a page's its address. An id read twice in one run is an error naming both sources; the
    first is kept.
    """
    first_read = {}  # id: where it was read first
    for item, file in _read_paths(paths, pattern, skipped):
        if isinstance(item, Article):
            where = source(item) if item.path or file is None else f"{file}: {item.id}"
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
            files, left_out = folder_files(path, pattern)
            if skipped is not None:
                skipped.extend(left_out)
            named = [(file, file.relative_to(path).as_posix()) for file in files]
        elif path.exists():
            named = [(path, path.name)]
        else:
            yield ReadError(str(path), "no such file or folder"), None
            continue
        for file, article_id in named:
            yield from _with_origin(read_file(file, article_id), ORIGIN_OF_KIND.get(kind_of(file), "file"), file)


def _with_origin(items, origin, file=None):
    """``(item, file)`` for each of ``items``, articles with their ``origin`` set."""
    for item in items:
        if isinstance(item, Article):
            item.origin = origin
        yield item, file
