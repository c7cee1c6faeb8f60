"""Plugin: a claim in context with its corrections (``/-/claim/<id>``), an article with all its claims marked
(``/-/article/<id>``) and a speaker's page (``/-/speaker/<id or name>``: their names, their claims over time,
their stances by target; the claims a journalist rejected, ``tracker.views.REJECTED``, only as a number).

Ids in these paths are tilde-encoded as Datasette encodes row ids (``seeds/a.txt`` -> ``seeds~2Fa.txt``); an
article id also opens its page as the tables show it (``/-/article/seeds/a.txt``).
The pages read the first database served; everything taken from an article is escaped (``highlight``,
Jinja's autoescape).
"""

import json
from urllib.parse import quote, unquote, urlparse

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Response

from tracker.marks import paragraphs
from tracker.plugins.highlight import Mark, covering_paragraphs, highlight, mark, tag
from tracker.views import REJECTED

STANCES = ("support", "against", "deny")


def claim_path(datasette, claim_id):
    return datasette.urls.path(f"/-/claim/{tilde_encode(str(claim_id))}")


def speaker_path(datasette, speaker):
    """The page of a speaker, by row id or by name."""
    return datasette.urls.path(f"/-/speaker/{tilde_encode(str(speaker))}")


def article_path(datasette, article_id):
    return datasette.urls.path(f"/-/article/{tilde_encode(str(article_id))}")


def stance_class(stance):
    return f"stance-{stance}" if stance in STANCES else "stance-neutral"


def safe_url(url):
    """``url`` if it is an http(s) address, else ``None``: an article's url is untrusted."""
    try:
        return url if url and urlparse(url).scheme in ("http", "https") else None
    except ValueError:
        return None


def content_spans(claim, length):
    """The claim's content pieces from its ``spans`` JSON, checked against the text; else ``start``..``end``."""
    try:
        spans = [(int(a), int(b)) for a, b in json.loads(claim["spans"] or "[]")]
    except (TypeError, ValueError):
        spans = []
    spans = [(a, b) for a, b in spans if 0 <= a < b <= length]
    return spans or [(claim["start"], claim["end"])]


async def fetch_one(db, sql, params):
    rows = (await db.execute(sql, params)).rows
    return dict(rows[0]) if rows else None


async def fetch_all(db, sql, params):
    return [dict(row) for row in (await db.execute(sql, params)).rows]


RELATED = """select r.relation, c.id, c.quote_text, speakers.name as speaker
from claim_relations r join claims c on c.id = r.{other}
  left join speakers on speakers.id = c.speaker_id
where r.{this} = ? order by c.start"""


CORRECTIONS = """select id, fields, speaker, stance, target, rejected, previous, note, corrected_by, corrected_at
from corrections where claim_id = ? and state = 'applied' order by id"""


def correction_changes(correction):
    """``[(field, before, after)]`` of a ``corrections`` row, in the order the fields were given."""
    try:
        previous = json.loads(correction["previous"] or "{}")
        fields = json.loads(correction["fields"])
    except ValueError:
        previous, fields = {}, []
    return [(field, previous.get(field), correction[field]) for field in fields if field != "rejected"]


async def claim_page(datasette, request):
    db = datasette.get_database()
    claim_id = tilde_decode(request.url_vars["claim_id"])
    claim = await fetch_one(db, """select claims.*, speakers.name as speaker, articles.title, articles.date,
        articles.text from claims join articles on articles.id = claims.article_id
        left join speakers on speakers.id = claims.speaker_id where claims.id = ?""", [claim_id])
    if claim is None:
        raise NotFound(f"No claim with id {claim_id}")
    text = claim.pop("text")
    corrections = await fetch_all(db, CORRECTIONS, [claim_id])
    spans = content_spans(claim, len(text))
    marks = [mark(a, b, "mark", class_="quote") for a, b in spans]
    for kind in ("cue", "speaker"):
        start, end = claim[f"{kind}_start"], claim[f"{kind}_end"]
        if start is not None and end is not None:
            marks.append(mark(start, end, "span", class_=kind, title=kind))
    ends = [x for m in marks for x in (m.start, m.end)]
    shown = covering_paragraphs(text, min(ends), max(ends))
    context = {
        "claim": claim,
        "paragraphs": [highlight(text, a, b, marks) for a, b in shown],
        "stance_class": stance_class(claim["stance"]),
        "article_row": datasette.urls.row(db.name, "articles", tilde_encode(claim["article_id"])),
        "article_page": article_path(datasette, claim["article_id"]),
        "claim_row": datasette.urls.row(db.name, "claims", tilde_encode(claim_id)),
        "speaker_row": (speaker_path(datasette, claim["speaker_id"]) if claim["speaker_id"] is not None else None),
        "speaker_claims": (datasette.urls.query(db.name, "claims_by_speaker") + "?speaker=" + quote(claim["speaker"])
                           if claim["speaker"] else None),
        "target_row": (datasette.urls.row(db.name, "targets", str(claim["target_id"]))
                       if claim["target_id"] is not None else None),
        "responds_to": await fetch_all(db, RELATED.format(this="claim_id", other="other_claim_id"), [claim_id]),
        "responses": await fetch_all(db, RELATED.format(this="other_claim_id", other="claim_id"), [claim_id]),
        "claim_path": lambda other: claim_path(datasette, other),
        "corrections": corrections,
        "rejection": next((correction for correction in corrections if correction["rejected"]), None),
        "changes": correction_changes,
        "corrections_table": datasette.urls.table(db.name, "corrections") + "?claim_id=" + quote(claim_id),
    }
    html = await datasette.render_template("tracker-claim.html", context, request=request)
    return Response.html(html)


def path_ids(segment):
    """The ids a path segment may name: tilde-encoded as the site links them, else as the tables show it
    (percent-encoded by the browser: ``seeds/a%20b.txt``, where tilde-decoding would read ``+`` as a space)."""
    return list(dict.fromkeys((tilde_decode(segment), unquote(segment))))


async def article_page(datasette, request):
    db = datasette.get_database()
    article = None
    for article_id in path_ids(request.url_vars["article_id"]):
        article = await fetch_one(db, "select * from articles where id = ?", [article_id])
        if article is not None:
            break
    if article is None:
        raise NotFound(f"No article with id {article_id}")
    text = article["text"]
    claims = await fetch_all(db, """select claims.*, speakers.name as speaker from claims
        left join speakers on speakers.id = claims.speaker_id
        where claims.article_id = ? order by claims.start, claims.end desc""", [article_id])
    marks = []
    for claim in claims:
        link_open, link_close = tag("a", href=claim_path(datasette, claim["id"]), class_="claim-link")
        mark_open, mark_close = tag("mark", class_=f"claim {stance_class(claim['stance'])}",
                                    title=f"{claim['speaker'] or 'unknown speaker'}: {claim['cue'] or claim['kind']}",
                                    data_claim=claim["id"])
        marks += [Mark(a, b, link_open + mark_open, mark_close + link_close)
                  for a, b in content_spans(claim, len(text))]
    context = {
        "article": article,
        "url": safe_url(article["url"]),
        "paragraphs": [highlight(text, a, b, marks) for a, b in paragraphs(text)],
        "claims": claims,
        "article_row": datasette.urls.row(db.name, "articles", tilde_encode(article_id)),
        "claim_path": lambda other: claim_path(datasette, other),
        "stance_class": stance_class,
    }
    html = await datasette.render_template("tracker-article.html", context, request=request)
    return Response.html(html)


SPEAKER_CLAIMS = f"""select {REJECTED} as rejected, claims.id, claims.quote_text, claims.cue, claims.stance, claims.article_id,
  coalesce(targets.name, claims.target) as target, articles.date, articles.title,
  (select count(*) from claim_speakers others where others.claim_id = claims.id) as holders
from claim_speakers join claims on claims.id = claim_speakers.claim_id
  join articles on articles.id = claims.article_id
  left join targets on targets.id = claims.target_id
where claim_speakers.speaker_id = ?
order by articles.date is null, articles.date, claims.article_id, claims.start"""

SPEAKER_STANCES = """select target, target_id, support, against, deny, neutral, total, first_date, last_date
from stance_summary where speaker_id = ? order by total desc, target"""


async def speaker_page(datasette, request):
    db = datasette.get_database()
    speaker = None
    for key in path_ids(request.url_vars["speaker"]):
        by = "id" if key.isdigit() else "name"
        speaker = await fetch_one(db, f"select * from speakers where {by} = ?", [key])
        if speaker is not None:
            break
    if speaker is None:
        raise NotFound(f"No speaker {key}")
    claims = await fetch_all(db, SPEAKER_CLAIMS, [speaker["id"]])
    rejected = sum(claim["rejected"] for claim in claims)
    claims = [claim for claim in claims if not claim["rejected"]]
    try:
        aliases = [alias for alias in json.loads(speaker["aliases"] or "[]") if alias != speaker["name"]]
    except ValueError:
        aliases = []
    per_month = {}
    for claim in claims:
        month = (claim["date"] or "no date")[:7]
        per_month[month] = per_month.get(month, 0) + 1
    context = {
        "speaker": speaker,
        "aliases": aliases,
        "claims": claims,
        "rejected": rejected,
        "per_month": list(per_month.items()),
        "busiest": max(per_month.values(), default=1),
        "stances": await fetch_all(db, SPEAKER_STANCES, [speaker["id"]]),
        "speaker_row": datasette.urls.row(db.name, "speakers", str(speaker["id"])),
        "claim_path": lambda other: claim_path(datasette, other),
        "article_path": lambda other: article_path(datasette, other),
        "stance_class": stance_class,
    }
    html = await datasette.render_template("tracker-speaker.html", context, request=request)
    return Response.html(html)


@hookimpl
def register_routes():
    return [
        (r"^/-/claim/(?P<claim_id>[^/]+)$", claim_page),
        (r"^/-/article/(?P<article_id>.+)$", article_page),  # article ids are paths,
        (r"^/-/speaker/(?P<speaker>[^/]+)$", speaker_page),
    ]
