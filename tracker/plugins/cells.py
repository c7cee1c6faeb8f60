"""Plugin: table cells that lead to the context pages, and stances as coloured words.

A claim's quote (``quote_text``, or ``statement`` in ``claim_desk``, in the tables of ``quote_tables``) and
any column holding a claim id (``claim_id``, ``other_claim_id``, ... in tables and canned queries) link to ``/-/claim/<id>``; an article's title and any
``article_id`` (shown as the title when there is one) link to ``/-/article/<id>``; a speaker's name (``speaker``
in the views, several holders each on their own, ``name`` in ``speakers``) and any ``speaker_id`` link to the
speaker's page, ``/-/speaker/<id or name>``, as does each name of a JSON list of holders (``speakers``); an
``article`` (``claim_desk``'s title or id) links to its article page; a stance is its word in a span of class
``stance-<stance>``, coloured by the templates' style.
Settings (metadata ``plugins: tracker-cells:``): ``claim_id_columns``, ``quote_tables``.
"""

import json

from datasette import hookimpl
from markupsafe import Markup

from tracker.identity import HOLDER_SEPARATOR
from tracker.plugins.context import STANCES, article_path, claim_path, speaker_path, stance_class

CLAIM_ID_COLUMNS = ("claim_id", "other_claim_id", "by_claim_id")
QUOTE_TABLES = ("claims", "claim_details", "claim_desk")


def field(row, name):
    try:
        return row[name]
    except (IndexError, KeyError):
        return None


def link(href, text):
    return Markup('<a href="{}">{}</a>').format(href, text)


def speaker_links(datasette, names):
    return Markup(HOLDER_SEPARATOR).join(link(speaker_path(datasette, name), name) for name in names)


def json_names(value):
    """The names of a JSON list of names, else ``None``."""
    try:
        names = json.loads(value)
    except (TypeError, ValueError):
        return None
    return names if isinstance(names, list) and all(isinstance(name, str) for name in names) else None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    config = datasette.plugin_config("tracker-cells", database=database) or {}
    label = None
    if isinstance(value, dict):  # a foreign key expanded to its label
        value, label = value.get("value"), value.get("label")
    if value is None:
        return None
    quote_tables = config.get("quote_tables", QUOTE_TABLES)
    if column in ("quote_text", "statement") and table in quote_tables and field(row, "id"):
        return link(claim_path(datasette, field(row, "id")), value)
    if column in config.get("claim_id_columns", CLAIM_ID_COLUMNS):
        return link(claim_path(datasette, value), label or value)
    if column == "title" and table == "articles" and field(row, "id"):
        return link(article_path(datasette, field(row, "id")), value)
    if column == "article" and field(row, "article_id"):
        return link(article_path(datasette, field(row, "article_id")), value)
    if column == "article_id":
        return link(article_path(datasette, value), label or value)
    if column == "speaker_id":
        return link(speaker_path(datasette, value), label or value)
    if column == "name" and table == "speakers" and field(row, "id"):
        return link(speaker_path(datasette, field(row, "id")), value)
    if column == "speaker" and isinstance(value, str):
        return speaker_links(datasette, value.split(HOLDER_SEPARATOR))
    if column == "speakers" and (names := json_names(value)) is not None:
        return speaker_links(datasette, names)
    if column == "stance" and value in STANCES + ("neutral",):
        return Markup('<span class="stance {}">{}</span>').format(stance_class(value), value)
    return None
