"""Read step: articles from text files, folders, JSONL and standard input, checked before use.

Everything from outside is untrusted until it has been read here. A bad input becomes a ``ReadError``
naming the file (and line), never an exception that stops a batch.
"""

import datetime
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 2_000_000  # larger inputs are refused: no news article is this long (parsing it would take minutes)
DATE_HEADER = re.compile(r"\A\s*date[ \t]+(\S+)[ \t]*\n?", re.IGNORECASE)
HTML_START = re.compile(r"\A\s*(<!doctype html|<html|<head|<body|<\?xml)", re.IGNORECASE)
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


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

    @property
    def content_hash(self):
        """SHA-1 of what determines the claims: the text, date and title."""
        key = json.dumps([self.text, self.date, self.title], ensure_ascii=False)
        return hashlib.sha1(key.encode("utf-8")).hexdigest()


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


def html_to_text(html):
    """The readable text of an HTML page, paragraphs separated by blank lines."""
    from html.parser import HTMLParser

    class Extractor(HTMLParser):
        BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "li", "blockquote", "article", "section", "tr"}
        SKIP = {"script", "style", "head", "noscript", "template"}

        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self.skipping = [], 0

        def handle_starttag(self, tag, attrs):
            if tag in self.SKIP:
                self.skipping += 1
            elif tag in self.BLOCKS:
                self.parts.append("\n\n")

        def handle_endtag(self, tag):
            if tag in self.SKIP and self.skipping:
                self.skipping -= 1
            elif tag in self.BLOCKS:
                self.parts.append("\n\n")

        def handle_data(self, data):
            if not self.skipping:
                self.parts.append(data)

    extractor = Extractor()
    extractor.feed(html)
    paragraphs = [" ".join(p.split()) for p in "".join(extractor.parts).split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def article_from_text(text, article_id, path=None, warning=None):
    """An ``Article`` from a text file's content: an optional ``date YYYY-MM-DD`` header, then the text."""
    if HTML_START.match(text):
        text = html_to_text(text)
        warning = "; ".join(filter(None, [warning, "HTML: text extracted from the markup"]))
    date = None
    header = DATE_HEADER.match(text)
    if header:
        date = parse_date(header.group(1), path)
        text = text[header.end():]
    return checked(Article(id=article_id, text=text, date=date, path=path, warning=warning))


def checked(article):
    """The article, or ``ValueError`` when its text is unusable."""
    if not isinstance(article.text, str) or not article.text.strip():
        raise ValueError("empty article: no text")
    if len(article.text) > MAX_BYTES:
        raise ValueError(f"too large: {len(article.text):,} characters (limit {MAX_BYTES:,})")
    return article


def read_text_file(path, article_id=None):
    """One text file as an ``Article`` or a ``ReadError``."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ValueError(f"too large: {size:,} bytes (limit {MAX_BYTES:,})")
        text, warning = decode(path.read_bytes())
        return article_from_text(text, article_id or str(path), path=str(path), warning=warning)
    except (OSError, ValueError) as error:
        return ReadError(str(path), str(error))


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
    """Articles and errors from a JSONL file."""
    path = Path(path)
    try:
        text, warning = decode(path.read_bytes())
    except (OSError, ValueError) as error:
        yield ReadError(str(path), str(error))
        return
    if warning:
        yield ReadError(str(path), warning + "; broken lines are skipped")
    yield from read_jsonl_lines(text.splitlines(), str(path))


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


def iter_files(folder, pattern):
    """Files under ``folder`` matching ``pattern`` (recursive), in a stable order."""
    return sorted(p for p in Path(folder).rglob(pattern) if p.is_file() and not p.name.startswith("."))


def read_paths(paths, pattern="*"):
    """Articles and ``ReadError``s from files, folders (recursive, ``pattern``), JSONL and ``-``."""
    for raw in paths:
        if str(raw) == "-":
            yield from read_stdin()
            continue
        path = Path(raw)
        if path.is_dir():
            files = [p for p in iter_files(path, pattern)
                     if p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES or pattern != "*"]
        elif path.exists():
            files = [path]
        else:
            yield ReadError(str(path), "no such file or folder")
            continue
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                yield from read_jsonl(file)
            else:
                yield read_text_file(file)
