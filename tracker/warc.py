"""Read step, web archives: the HTML pages captured in a WARC file (``.warc`` or ``.warc.gz``), through warcio.

A capture is a ``response`` record (what a crawler received, with its HTTP headers) or a ``resource`` record
(a page saved without them) whose content is HTML and, for a response, whose status is 2xx: redirects,
errors, revisits, images, scripts and style sheets are no articles and are passed over.
"""

import gzip
from dataclasses import dataclass

from .pages import HTML_TYPES, MAX_HTML_BYTES, media_type

WARC_START, ARC_START = b"WARC/", b"filedesc://"


@dataclass
class Capture:
    """One HTML page in an archive; ``data`` is cut at ``MAX_HTML_BYTES + 1`` bytes."""

    uri: str
    data: bytes
    charset: str | None = None  # from the Content-Type header


def html_captures(stream):
    """The HTML pages of the WARC read from the binary ``stream``, in the archive's order.

    Raises ``ValueError`` when the stream is not a WARC file or breaks off (the captures before the break
    have been given by then).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not _starts_as_archive(stream):
        raise ValueError("not a WARC file (nor ARC)")
    count = 0
    try:
        for record in ArchiveIterator(stream):
            capture = _capture(record)
            if capture is None:
                continue
            while record.raw_stream.read(1 << 16):  # to the record's end, to see whether it is all there
                pass
            if record.raw_stream.limit:
                raise ValueError(_broken(count, f"broken WARC: the record of {capture.uri} is cut short"))
            count += 1
            yield capture
    except ArchiveLoadFailed:  # its message quotes the file's first line, which may be binary
        raise ValueError(_broken(count, "not a WARC file (nor ARC)")) from None
    except (OSError, EOFError) as error:  # a corrupt gzip member, a garbled header
        raise ValueError(_broken(count, f"broken WARC ({type(error).__name__}: {_first_line(error)})")) from None


def _starts_as_archive(stream):
    """Whether the (possibly gzipped) stream starts as a WARC or ARC file does; rewinds it. warcio reads
    any line with spaces as an ARC header, so a text or HTML file would pass for an empty archive."""
    head = stream.read(2)
    stream.seek(0)
    if head == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=stream) as unzipped:
                head = unzipped.read(len(ARC_START))
        except (OSError, EOFError):
            head = b""
        stream.seek(0)
    else:
        head = stream.read(len(ARC_START))
        stream.seek(0)
    return head.startswith((WARC_START, ARC_START))


def _capture(record):
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        headers = record.http_headers
    elif record.rec_type == "resource":
        headers = record.rec_headers
    else:
        return None
    kind, charset = media_type(headers.get_header("Content-Type"))
    if kind not in HTML_TYPES or not uri:
        return None
    return Capture(uri=uri, data=record.content_stream().read(MAX_HTML_BYTES + 1), charset=charset)


def _broken(count, message):
    return message if not count else f"{message}, after {count} page(s)"


def _first_line(error):
    return (str(error).strip().splitlines() or [""])[0][:200]
