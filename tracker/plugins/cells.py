"""Plugin: table cells that lead to the context pages.

A claim's quote (tables ``claims`` and ``claim_details``) and any column holding a claim id (``claim_id``,
``other_claim_id``, ... in tables and canned queries) link to ``/-/claim/<id>``; an article's title and any
``article_id`` (shown as the title when there is one) link to ``/-/article/<id>``; a speaker's name (``speaker``
in the views, several holders each on their own, ``name`` in ``speakers``) and any ``speaker_id`` link to the
speaker's page, ``/-/speaker/<id or name>``.
Settings (metadata ``plugins: tracker-cells:``): ``claim_id_columns``, ``quote_tables``.
"""

from datasette import hookimpl
from markupsafe import Markup

from tracker.identity import HOLDER_SEPARATOR
from tracker.plugins.context import article_path, claim_path, speaker_path

CLAIM_ID_COLUMNS = ("claim_id", "other_claim_id", "by_claim_id")
QUOTE_TABLES = ("claims", "claim_details")


def field(row, name):
    try:
        return row[name]
    except (IndexError, KeyError):
        return None


def link(href, text):
    return Markup('<a href="{}">{}</a>').format(href, text)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    config = datasette.plugin_config("tracker-cells", database=database) or {}
    label = None
    if isinstance(value, dict):  # a foreign key expanded to its label
        value, label = value.get("value"), value.get("label")
    if value is None:
        return None
    if column == "quote_text" and table in config.get("quote_tables", QUOTE_TABLES) and field(row, "id"):
        return link(claim_path(datasette, field(row, "id")), value)
    if column in config.get("claim_id_columns", CLAIM_ID_COLUMNS):
        return link(claim_path(datasette, value), label or value)
    if column == "title" and table == "articles" and field(row, "id"):
        return link(article_path(datasette, field(row, "id")), value)
    if column == "article_id":
        return link(article_path(datasette, value), label or value)
    if column == "speaker_id":
        return link(speaker_path(datasette, value), label or value)
    if column == "name" and table == "speakers" and field(row, "id"):
        return link(speaker_path(datasette, field(row, "id")), value)
    if column == "speaker" and isinstance(value, str):
        return Markup(HOLDER_SEPARATOR).join(link(speaker_path(datasette, name), name)
                                             for name in value.split(HOLDER_SEPARATOR))
    return None
