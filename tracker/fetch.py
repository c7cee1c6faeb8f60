"""Read step, addresses: a page fetched over HTTP(S), once, with a timeout and a size limit.

urllib rather than trafilatura's downloader: that one refuses loopback and private addresses (an
intranet archive, a local test server) and retries without certificate checks after an SSL error.
"""

import http.client
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

from .pages import MAX_HTML_BYTES, media_type

TIMEOUT = 20  # seconds to connect, and between two reads
USER_AGENT = "tracker (news quotation tracker; python urllib)"


class FetchError(Exception):
    """A page that could not be fetched; the message says why, in a few words."""


@dataclass
class Response:
    url: str  # after redirects
    data: bytes
    media_type: str  # "text/html", "" when the server gave none
    charset: str | None = None


def is_url(text):
    return str(text).lower().startswith(("http://", "https://"))


def fetch(url, timeout=None):
    """The ``Response`` for ``url``; raises ``FetchError`` (offline, refused, timed out, HTTP error,
    larger than ``MAX_HTML_BYTES``). ``timeout`` is in seconds, ``TIMEOUT`` by default."""
    timeout = timeout or TIMEOUT
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            data = answer.read(MAX_HTML_BYTES + 1)
            kind, charset = media_type(answer.headers.get("Content-Type"))
            final = answer.geturl()
    except urllib.error.HTTPError as error:
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(_reason(error.reason, timeout)) from None
    except (OSError, ValueError, http.client.HTTPException) as error:  # a timeout or cut while reading, a bad address
        raise FetchError(_reason(error, timeout)) from None
    if len(data) > MAX_HTML_BYTES:
        raise FetchError(f"larger than {MAX_HTML_BYTES:,} bytes")
    return Response(url=final, data=data, media_type=kind, charset=charset)


def _reason(reason, timeout):
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"timed out after {timeout} s"
    if isinstance(reason, socket.gaierror):
        return f"unknown host or no network: {reason.strerror or reason}"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__
