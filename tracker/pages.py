"""Read step, HTML: the article in a news page (its body text and metadata), through trafilatura.

trafilatura removes the page's boilerplate (menus, ads, comments, footers, the byline) and reads its
metadata (JSON-LD, Open Graph and meta tags): title, date, author, canonical URL. The body keeps its
paragraphs, one blank line between two, as the rest of the flow expects of an article's text. Nothing
is fetched here: a page comes as bytes (a file, a WARC record, a response) and leaves as a ``Page``.
"""

import codecs
import functools
import logging
import re
from dataclasses import dataclass

MAX_HTML_BYTES = 10_000_000  # a news page with its scripts and inline images; the text limit applies after
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# the HTML standard reads these labels as windows-1252, which they almost always are
WINDOWS_1252 = {"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "windows-1252", "cp1252"}
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# elements of trafilatura's output that make a paragraph; any other one (hi, ref, lb...) is inline
BLOCKS = {"p", "head", "quote", "list", "item", "code", "div", "table", "row", "cell"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}  # media types of a page
# a sentence of four words or more: what an article has and a menu, a list of links or a footer has not (when
# trafilatura finds no article it gives the whole page's text, "Home Region Sport Story one Story two ...")
SENTENCE = re.compile(r"(?:\w+\W+){3}\w+[.!?]")

for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())  # its notes on odd pages are not ours to print


@dataclass
class Page:
    """What a news page holds: the article's text (paragraphs split by blank lines) and metadata."""

    text: str
    title: str | None = None
    date: str | None = None  # as the page gives it, YYYY-MM-DD
    author: str | None = None
    url: str | None = None  # the canonical address the page names, if any


def media_type(content_type):
    """``(media type, charset or None)`` of a Content-Type header value."""
    kind, _, params = (content_type or "").partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return kind.strip().lower(), charset


def decode_html(data, charset=None):
    """``(text, warning or None)`` from a page's bytes; ``charset`` is the HTTP header's, if any.

    The encoding is the BOM's, else the header's, else the page's ``<meta charset>``, else UTF-8 or,
    when the bytes are not UTF-8, windows-1252 (the HTML standard's choice for unlabelled legacy pages).
    Raises ``ValueError`` for binary data.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode(data, encoding, "the byte order mark's")
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not HTML")
    declared = _known(charset) or _known(_meta_charset(data))
    if declared:
        return _decode(data, declared, "declared")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        return text, "not UTF-8 and no charset declared: read as windows-1252"


def _meta_charset(data):
    match = CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _known(label):
    """The Python codec for an encoding label, or None for a missing or unknown one."""
    if not label:
        return None
    label = label.strip().lower()
    if label in WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _decode(data, encoding, whose):
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as error:
        text = data.decode(encoding, errors="replace")
        return text, (f"invalid {encoding} (the {whose} encoding) at byte {error.start}: "
                      f"{text.count(chr(0xFFFD))} undecodable byte(s) replaced")


@functools.cache
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    # dates from the page's metadata and marked-up date elements only, not guessed from any number in the
    # text (a footer's "© 2023" is no publication date)
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    # a news brief of two sentences is an article: under trafilatura's 250 characters (made for any web page)
    # its fallbacks take over, and merge the brief's headline, byline and share buttons into one paragraph
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "100")
    return config


def extract_page(html, url=None):
    """The ``Page`` of an HTML document (``str``); ``url`` is where it was fetched or archived from.

    Raises ``ValueError`` when the page holds no article text (only menus, links or boilerplate).
    """
    import trafilatura

    deep = _deep_tree(html)
    try:
        document = trafilatura.bare_extraction(
            html if deep is None else deep, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, include_links=False, include_formatting=False, config=_config())
    except Exception as error:  # lxml and trafilatura on a hostile page: the page is at fault, not the batch
        raise ValueError(f"unreadable HTML ({type(error).__name__}: {error})") from None
    paragraphs = [] if document is None or document.body is None else list(_paragraphs(document.body))
    title = _clean(document.title) if document is not None else None
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline has its own column and is shown above the text
    if not any(SENTENCE.search(p) for p in paragraphs):
        raise ValueError("no article text found in the page (only menus, links or boilerplate)")
    return Page(text="\n\n".join(paragraphs), title=title or None, date=document.date or None,
                author=_clean(document.author) or None, url=document.url or None)


def _deep_tree(html):
    """The lxml tree of ``html`` when it nests elements deeper than lxml's parser goes by default (256, where
    it drops the rest: an article inside 254 ``<div>``s), parsed without that limit; else None, and the page
    is trafilatura's to parse."""
    import lxml.html

    options = dict(encoding="utf-8", collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True)
    data = html.encode("utf-8", errors="replace")
    parser = lxml.html.HTMLParser(**options)
    try:
        lxml.html.fromstring(data, parser=parser)
    except Exception:  # lxml.etree.ParserError on a page of no elements: trafilatura's to judge
        return None
    if not any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        return None
    return lxml.html.fromstring(data, parser=lxml.html.HTMLParser(huge_tree=True, **options))


def _paragraphs(element):
    """The paragraphs of a trafilatura body: each block's text on one line, line breaks as spaces."""
    if not any(child.tag in BLOCKS for child in element):
        yield from _nonempty(_inline(element))
        return
    inline = [element.text or ""]
    for child in element:
        if child.tag in BLOCKS:
            yield from _nonempty("".join(inline))
            yield from _paragraphs(child)
            inline = []
        else:
            inline.append(_inline(child) if child.tag != "lb" else " ")
        inline.append(child.tail or "")
    yield from _nonempty("".join(inline))


def _inline(element):
    """The text inside an element (its tail excluded), a line break (``lb``) read as a space."""
    parts = [element.text or ""]
    for child in element:
        parts += [_inline(child) if child.tag != "lb" else " ", child.tail or ""]
    return "".join(parts)


def _nonempty(text):
    text = _clean(text)
    return [text] if text else []


def _clean(text):
    return " ".join(text.split()) if text else ""
