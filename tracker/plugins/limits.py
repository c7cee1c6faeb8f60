"""Plugin: the bounds of a public, read-only site - no request gets a 500 or an unbounded answer.

- Methods: only GET and HEAD reach Datasette, anything else is answered 405. The site writes nothing, and
  Datasette 0.65 answers a POST to a read-only canned query with a crash ("'tuple' object has no attribute
  'asgi_send'").
- Values: SQL connections refuse any string or blob over ``max_value_bytes`` (SQLite's
  ``SQLITE_LIMIT_LENGTH``), so ``select hex(zeroblob(20000000))`` is a 400 instead of 40 MB built in memory.
  The default is above the largest stored value (an article is at most 2,000,000 characters).
- Responses: one over ``max_response_bytes`` is replaced by a 400 (a CSV or JSON export of many rows).
- Errors: Datasette 0.65's error handler prints every error with rich's traceback, which raises
  ``ValueError`` outside an ``except:`` block (a URL no route matches, ``/a/b/c/d``) and so turns a 404 into a
  500; it is turned off here (Datasette still prints the traceback of a real 500). Errors of the request that
  Datasette files as 500 (``?_sort=`` on a missing column, ``?_through=`` not JSON, a value too big) are
  answered 400 (``bad_request``).

Settings (metadata ``plugins: tracker-limits:``): ``max_value_bytes``, ``max_response_bytes``.
"""

import sqlite3
import traceback
from pathlib import Path

from datasette import hookimpl
from datasette.views.base import DatasetteError

MAX_VALUE_BYTES = 10_000_000  # an article's text of 2,000,000 characters is at most 8,000,000 bytes of UTF-8
MAX_RESPONSE_BYTES = 20_000_000
METHODS = ("GET", "HEAD")
REQUEST_ERRORS = (ValueError, sqlite3.ProgrammingError, sqlite3.DataError)
TRACKER = Path(__file__).resolve().parents[1]

def limit(datasette, name, default):
    return int((datasette.plugin_config("tracker-limits") or {}).get(name, default))


@hookimpl
def prepare_connection(conn, datasette):
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, limit(datasette, "max_value_bytes", MAX_VALUE_BYTES))


def bad_request(exception):
    """Whether ``exception`` is Datasette 0.65 failing on a request's parameter: a ``DatasetteError`` left at
    its default 500 (``?_sort=nope``), or a ``ValueError`` or SQLite value error raised in Datasette's code
    alone (``?_through=nope``, ``?_next=nope``, one value of a two-column key, a value too big); an error
    with a frame of tracker's own code stays a 500."""
    if isinstance(exception, DatasetteError):
        return exception.status == 500
    return (isinstance(exception, REQUEST_ERRORS)
            and not any(Path(frame.filename).is_relative_to(TRACKER)
                        for frame in traceback.extract_tb(exception.__traceback__)))


@hookimpl(tryfirst=True)
def handle_exception(datasette, request, exception):
    """Datasette's own error page, with status 400 for the request errors it files as 500; rich's traceback is
    turned off in it first (its print_exception raises outside an except: block, see above)."""
    # imported here: importing Datasette's error handler loads every plugin, this package among them, and at
    # the top of this module it registered a half-imported package without these hooks
    from datasette import handle_exception as default_errors

    default_errors.rich = None
    if not bad_request(exception):
        return None
    message = exception.message if isinstance(exception, DatasetteError) else str(exception)
    error = DatasetteError(message, title=getattr(exception, "title", None) or "Bad request", status=400,
                           message_is_html=getattr(exception, "message_is_html", False))
    return default_errors.handle_exception(datasette, request, error)


async def send_text(send, status, text, headers=()):
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def bounded(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            if scope["method"] not in METHODS:
                return await send_text(send, 405, f"Method {scope['method']} not allowed: this site is read-only",
                                       [(b"allow", ", ".join(METHODS).encode())])
            most = limit(datasette, "max_response_bytes", MAX_RESPONSE_BYTES)
            held, size, refused = [], 0, False

            async def hold(message):  # the response is sent once complete, unless it grows over the limit
                nonlocal size, refused
                if refused:
                    return
                if message["type"] == "http.response.body":
                    size += len(message.get("body", b""))
                    if size > most:
                        refused = True
                        held.clear()
                        return await send_text(send, 400, f"Response too large: over {most:,} bytes. Ask for "
                                               "fewer rows or columns (?_size=, limit in SQL).")
                held.append(message)
                if message["type"] == "http.response.body" and not message.get("more_body"):
                    for part in held:
                        await send(part)
                    held.clear()

            await app(scope, receive, hold)
        return bounded
    return wrap
