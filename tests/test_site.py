"""The published site, driven in-process: facets, search, canned queries, the claim-in-context and article
pages, the charts and the escaping of article text - on the real ingest of seeds/ and on hand-made databases."""

import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest
from datasette.utils import tilde_encode

from site_client import get, get_json
from tracker.article import Article
from tracker.claims import Claim
from tracker.publish import datasette_app
from tracker.store import open_db, store_article
from tracker.views import create_views

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HAFTAR = '"We don\'t take [Haftar] as a legitimate actor anyway,"'
TOBRUK = '"But there is another parliament in Tobruk.'


# --- helpers -------------------------------------------------------------------------------------------



def get_html(ds, path):
    response = get(ds, path)
    assert response.status_code == 200, response.text[:500]
    return response.text


class Elements(HTMLParser):
    """The text and attributes of every element named ``tag`` (nested elements' text included)."""

    def __init__(self, tag):
        super().__init__(convert_charrefs=True)
        self.tag, self.found, self.open = tag, [], []

    def handle_starttag(self, tag, attrs):
        if tag == self.tag:
            self.open.append((dict(attrs), []))

    def handle_endtag(self, tag):
        if tag == self.tag and self.open:
            attrs, text = self.open.pop()
            self.found.append((attrs, "".join(text)))

    def handle_data(self, data):
        for _, text in self.open:
            text.append(data)


def elements(html, tag, cls=None):
    parser = Elements(tag)
    parser.feed(html)
    return [(a, t) for a, t in parser.found if cls is None or cls in (a.get("class") or "").split()]


def texts(html, tag, cls=None):
    return [t for _, t in elements(html, tag, cls)]


def by_id(html, tag, element_id):
    (found,) = [t for a, t in elements(html, tag) if a.get("id") == element_id]
    return " ".join(found.split())


def in_context(html):
    """The markup of a claim page's context (its paragraphs), without the legend under it."""
    start = html.index('id="context"')
    return html[start:html.index("</blockquote>", start)]


def chart_titles(html):
    """The tooltips of a chart's bars."""
    start = html.index('<figure class="tracker-chart"')
    return texts(html[start:html.index("</figure>", start)], "title")


def facet_counts(data, column):
    return {r["label"]: r["count"] for r in data["facet_results"][column]["results"]}


# --- the real ingest of seeds/ -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    from tracker.ingest import run_ingest

    path = tmp_path_factory.mktemp("seed") / "claims.db"
    summary = run_ingest([str(SEEDS)], path, engine="embedded")
    assert summary.stored == 1 and not summary.errors
    return path


@pytest.fixture(scope="module")
def seed(seed_db):
    return datasette_app(seed_db)


def seed_rows(seed_db, sql, params=()):
    with sqlite3.connect(seed_db) as db:
        return db.execute(sql, params).fetchall()


def seed_article(seed_db):
    """The seed article's id, tilde-encoded as in URLs."""
    (row,) = seed_rows(seed_db, "select id from articles")
    return tilde_encode(row[0])


def haftar_claim_id(seed_db):
    (row,) = seed_rows(seed_db, "select id from claims where quote_text like ?", [HAFTAR + "%"])
    return row[0]


def test_seed_every_claim_of_kalin_through_the_canned_query(seed, seed_db):
    rows = get_json(seed, "/claims/claims_by_speaker.json?_shape=array&speaker=ibrahim+kalin")
    stored = seed_rows(seed_db, """select quote_text from claims join speakers on speakers.id = speaker_id
                                   where speakers.name = 'Ibrahim Kalin' order by start""")
    assert [r["quote_text"] for r in rows] == [q for (q,) in stored]
    assert len(rows) >= 5 and {r["date"] for r in rows} == {"2020-07-22"}
    assert any(r["quote_text"].startswith(HAFTAR) for r in rows)
    assert all(r["claim_id"] for r in rows)


def test_seed_claim_in_context_marks_the_quote_in_its_paragraph(seed, seed_db):
    html = get_html(seed, f"/-/claim/{haftar_claim_id(seed_db)}")
    assert texts(in_context(html), "mark", "quote")[0] == HAFTAR
    context = by_id(html, "blockquote", "context")
    assert context.startswith(HAFTAR + " he said.")  # the paragraph, with speaker and cue
    assert "There are other players in Benghazi." in context
    assert texts(in_context(html), "span", "speaker") == ["he"]
    assert texts(in_context(html), "span", "cue") == ["said"]
    assert by_id(html, "dd", "speaker").startswith("Ibrahim Kalin (as “he”)")
    assert by_id(html, "dd", "cue") == "said" and by_id(html, "dd", "kind") == "direct"
    links = [a["href"] for a, _ in elements(html, "a")]
    assert f"/claims/articles/{seed_article(seed_db)}" in links  # the article row
    assert f"/-/article/{seed_article(seed_db)}" in links


def test_seed_article_page_marks_every_claim(seed, seed_db):
    html = get_html(seed, f"/-/article/{seed_article(seed_db)}")
    marked = {a["data-claim"] for a, _ in elements(html, "mark", "claim")}
    assert marked == {cid for (cid,) in seed_rows(seed_db, "select id from claims")}
    assert HAFTAR in texts(html, "mark", "claim")
    assert "Turkey and Russia agreed on Wednesday" in by_id(html, "div", "text")


def test_seed_facets_on_claim_details(seed, seed_db):
    data = get_json(seed, "/claims/claim_details.json")
    assert list(data["facet_results"]) == ["stance", "unnamed_source", "target", "cue", "kind", "rule", "date",
                                           "speakers"]
    rules = dict(seed_rows(seed_db, "select rule, count(*) from claims group by rule"))
    assert None not in rules and facet_counts(data, "rule") == rules
    (total,) = seed_rows(seed_db, "select count(*) from claims")[0]
    assert facet_counts(data, "date") == {"2020-07-22": total}
    kalin = seed_rows(seed_db, "select claim_count from speakers where name = 'Ibrahim Kalin'")[0][0]
    assert facet_counts(data, "speakers")["Ibrahim Kalin"] == kalin
    # a claim of several holders ("Turkey and Russia agreed ...") counts for each of them
    holders = seed_rows(seed_db, "select count(*) from claim_speakers")[0][0]
    assert sum(facet_counts(data, "speakers").values()) == holders
    said = seed_rows(seed_db, "select count(*) from claims where cue = 'said'")[0][0]
    assert facet_counts(data, "cue")["said"] == said


def test_seed_search_quotes_and_speakers(seed):
    rows = get_json(seed, "/claims/claim_details.json?_shape=array&_search=legitimate+actor")
    assert [(r["speaker"], r["quote_text"][:len(HAFTAR)]) for r in rows] == [("Ibrahim Kalin", HAFTAR)]
    rows = get_json(seed, "/claims/claims.json?_shape=array&_search=Benghazi")  # the claim that turns ("But ...")
    assert [r["quote_text"][:len(TOBRUK)] for r in rows] == [TOBRUK]
    assert [r["name"] for r in get_json(seed, "/claims/speakers.json?_shape=array&_search=kalin")] == ["Ibrahim Kalin"]


def test_seed_charts_and_top_speakers(seed, seed_db):
    html = get_html(seed, "/-/charts/speakers")
    top, count = seed_rows(seed_db, "select name, claim_count from speakers order by claim_count desc, name")[0]
    assert top == "Ibrahim Kalin"
    assert chart_titles(html)[0] == f"{top}: {count} claims"
    rows = get_json(seed, "/claims/top_speakers_by_month.json?_shape=array")
    assert (rows[0]["month"], rows[0]["rank"], rows[0]["speaker"], rows[0]["claims"]) == ("2020-07", 1, top, count)


def test_seed_claims_table_links_quotes_to_context(seed, seed_db):
    claim_id = haftar_claim_id(seed_db)
    html = get_html(seed, "/claims/claims?_search=legitimate")
    assert [a["href"] for a, t in elements(html, "a") if t.startswith(HAFTAR)] == [f"/-/claim/{claim_id}"]
    html = get_html(seed, "/claims/claim_details?_search=legitimate")
    assert [a["href"] for a, t in elements(html, "a") if t.startswith(HAFTAR)] == [f"/-/claim/{claim_id}"]


# --- hand-made databases ---------------------------------------------------------------------------------

ARTICLES = {
    "a1": ("2021-01-10", "Budget talks open",
           'Mayor Maria Costa said: "We oppose the budget." Councillor Ken Obi said the budget is fair.'),
    "a2": ("2021-02-03", "Budget vote nears",
           '"The budget will fail," Costa said, "and the harbour will close." Obi denied this.\n\n'
           'The harbour board disputed that.'),
    "a3": ("2021-02-20", "Harbour plan",
           'Costa said the harbour plan deserves support. Obi said the budget is balanced.'),
}


def claim(article, quote, speaker, mention, cue, kind="indirect", stance=None, target=None, pieces=None,
          role=None):
    text = ARTICLES[article][2]
    pieces = pieces or [quote]
    spans = [(text.index(p), text.index(p) + len(p)) for p in pieces]
    at = text.index(mention)
    cue_at = text.index(cue, at)
    return Claim(article_id=article, start=spans[0][0], end=spans[-1][1], quote_text=text[spans[0][0]:spans[-1][1]],
                 kind=kind, speaker=speaker, speaker_type="PERSON", speaker_mention=mention, speaker_start=at,
                 speaker_end=at + len(mention), cue=cue, cue_start=cue_at, cue_end=cue_at + len(cue),
                 spans=[list(s) for s in spans], stance=stance, target=target, role=role,
                 target_type="ORG" if target == "budget" else None)


COSTA_FAIL = claim("a2", None, "Maria Costa", "Costa", "said", "direct", "against", "budget",
                   pieces=['"The budget will fail,"', '"and the harbour will close."'])
OBI_DENIES = claim("a2", "this", "Ken Obi", "Obi", "denied", stance="deny", target="claim:The budget will fail")
BOARD_DISPUTES = claim("a2", "that", "Harbour Board", "The harbour board", "disputed", stance="deny",
                       target="claim:The budget will fail")
CLAIMS = {
    "a1": [claim("a1", '"We oppose the budget."', "Maria Costa", "Maria Costa", "said", "direct", "against", "budget",
                 role="Mayor"),
           claim("a1", "the budget is fair", "Ken Obi", "Ken Obi", "said", "indirect", "support", "budget")],
    "a2": [COSTA_FAIL, OBI_DENIES, BOARD_DISPUTES],
    "a3": [claim("a3", "the harbour plan deserves support", "Maria Costa", "Costa", "said", stance="support",
                 target="harbour plan"),
           claim("a3", "the budget is balanced", "Ken Obi", "Obi", "said", stance="support", target="budget")],
}
OBI_DENIES.relation, OBI_DENIES.related_claim_id = "deny", COSTA_FAIL.id
BOARD_DISPUTES.relation, BOARD_DISPUTES.related_claim_id = "dispute", COSTA_FAIL.id


def build(path):
    db = open_db(path)
    for article_id, (date, title, text) in ARTICLES.items():
        store_article(db, Article(id=article_id, text=text, date=date, title=title), CLAIMS[article_id])
    db.close()
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return datasette_app(build(tmp_path_factory.mktemp("site") / "claims.db"))


def test_views_are_created_once_and_kept(fresh_db):
    assert {"claim_details", "stance_summary"} <= set(fresh_db.view_names())
    before = [r for r in fresh_db.execute("select name, sql from sqlite_master where type = 'view'")]
    create_views(fresh_db)
    assert [r for r in fresh_db.execute("select name, sql from sqlite_master where type = 'view'")] == before


def test_claim_details_newest_first_with_names(site):
    rows = get_json(site, "/claims/claim_details.json?_shape=array")
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)
    (first,) = [r for r in rows if r["role"]]
    assert (first["speaker"], first["role"], first["title"], first["month"], first["target"]) == (
        "Maria Costa", "Mayor", "Budget talks open", "2021-01", "budget")


def test_facets_by_stance_speaker_target_and_date(site):
    data = get_json(site, "/claims/claim_details.json")
    assert facet_counts(data, "stance") == {"support": 3, "against": 2, "deny": 2}
    assert facet_counts(data, "speakers") == {"Maria Costa": 3, "Ken Obi": 3, "Harbour Board": 1}
    assert facet_counts(data, "target")["budget"] == 4
    assert facet_counts(data, "date") == {"2021-02-03": 3, "2021-01-10": 2, "2021-02-20": 2}
    assert facet_counts(data, "cue") == {"said": 5, "denied": 1, "disputed": 1}
    rows = get_json(site, "/claims/claim_details.json?_shape=array&stance=support&target=budget")
    assert sorted(r["quote_text"] for r in rows) == ["the budget is balanced", "the budget is fair"]


def test_search_quotes_speakers_and_titles(site):
    rows = get_json(site, "/claims/claim_details.json?_shape=array&_search=harbour")
    assert {r["quote_text"] for r in rows} == {COSTA_FAIL.quote_text, "the harbour plan deserves support"}
    assert [r["name"] for r in get_json(site, "/claims/speakers.json?_shape=array&_search=obi")] == ["Ken Obi"]
    assert [r["id"] for r in get_json(site, "/claims/articles.json?_shape=array&_search=vote")] == ["a2"]
    assert get(site, '/claims/claim_details.json?_search="unbalanced').status_code == 200


def test_who_said_what_about_a_target(site):
    rows = get_json(site, "/claims/claims_about_target.json?_shape=array&target=BUDGET")
    assert [(r["date"], r["speaker"], r["stance"]) for r in rows] == [
        ("2021-02-20", "Ken Obi", "support"),
        ("2021-02-03", "Maria Costa", "against"),
        ("2021-01-10", "Maria Costa", "against"),
        ("2021-01-10", "Ken Obi", "support"),
    ]
    assert rows[2]["role"] == "Mayor" and rows[2]["quote_text"] == '"We oppose the budget."'
    assert get_json(site, "/claims/claims_about_target.json?_shape=array&target=nothing") == []


def test_claims_by_speaker_over_time(site):
    rows = get_json(site, "/claims/claims_by_speaker.json?_shape=array&speaker=Ken+Obi")
    assert [(r["date"], r["quote_text"]) for r in rows] == [
        ("2021-01-10", "the budget is fair"), ("2021-02-03", "this"), ("2021-02-20", "the budget is balanced")]


def test_stance_matrix(site):
    rows = get_json(site, "/claims/stance_matrix.json?_shape=array")
    matrix = {(r["speaker"], r["target"]): (r["support"], r["against"], r["deny"], r["net"]) for r in rows}
    assert matrix[("Maria Costa", "budget")] == (0, 2, 0, -2)
    assert matrix[("Ken Obi", "budget")] == (2, 0, 0, 2)
    assert matrix[("Maria Costa", "harbour plan")] == (1, 0, 0, 1)
    assert matrix[("Ken Obi", "claim:The budget will fail")] == (0, 0, 1, 0)
    assert (rows[0]["speaker"], rows[0]["target"], rows[0]["total"]) in {("Ken Obi", "budget", 2),
                                                                         ("Maria Costa", "budget", 2)}


def test_disputed_claims_and_the_claims_that_dispute_one(site):
    rows = get_json(site, "/claims/disputed_claims.json?_shape=array")
    assert sorted((r["relation"], r["speaker"], r["claim_id"], r["by_speaker"], r["by_claim_id"]) for r in rows) == [
        ("deny", "Maria Costa", COSTA_FAIL.id, "Ken Obi", OBI_DENIES.id),
        ("dispute", "Maria Costa", COSTA_FAIL.id, "Harbour Board", BOARD_DISPUTES.id),
    ]
    rows = get_json(site, f"/claims/claim_disputes.json?_shape=array&claim_id={COSTA_FAIL.id}")
    assert [(r["relation"], r["speaker"], r["quote_text"]) for r in rows] == [
        ("deny", "Ken Obi", "this"), ("dispute", "Harbour Board", "that")]
    assert get_json(site, f"/claims/claim_disputes.json?_shape=array&claim_id={OBI_DENIES.id}") == []
    html = get_html(site, "/claims/disputed_claims")
    assert f"/-/claim/{COSTA_FAIL.id}" in [a["href"] for a, _ in elements(html, "a")]


def test_top_speakers_per_month(site):
    rows = get_json(site, "/claims/top_speakers_by_month.json?_shape=array")
    assert [(r["month"], r["rank"], r["speaker"], r["claims"]) for r in rows] == [
        ("2021-02", 1, "Ken Obi", 2), ("2021-02", 1, "Maria Costa", 2), ("2021-02", 3, "Harbour Board", 1),
        ("2021-01", 1, "Ken Obi", 1), ("2021-01", 1, "Maria Costa", 1),
    ]


def test_claim_page_marks_both_pieces_and_lists_the_denials(site):
    html = get_html(site, f"/-/claim/{COSTA_FAIL.id}")
    assert texts(in_context(html), "mark", "quote") == ['"The budget will fail,"', '"and the harbour will close."']
    assert texts(in_context(html), "span", "cue") == ["said"]
    assert texts(in_context(html), "span", "speaker") == ["Costa"]
    assert by_id(html, "dd", "stance") == "against"
    assert by_id(html, "dd", "target") == "budget (ORG)"
    assert by_id(html, "dd", "article") == "Budget vote nears (article row), 2021-02-03"
    assert by_id(html, "ul", "responses") == "deny: this (Ken Obi) dispute: that (Harbour Board)"
    # the denial's own page points back; its paragraph is the second one of the article
    html = get_html(site, f"/-/claim/{BOARD_DISPUTES.id}")
    assert by_id(html, "ul", "responds-to").startswith("dispute: " + COSTA_FAIL.quote_text)
    assert by_id(html, "blockquote", "context") == "The harbour board disputed that."


def test_article_page_marks_all_its_claims(site):
    html = get_html(site, "/-/article/a2")
    marks = elements(html, "mark", "claim")
    assert [a["data-claim"] for a, _ in marks] == [COSTA_FAIL.id, COSTA_FAIL.id, OBI_DENIES.id, BOARD_DISPUTES.id]
    assert [t for _, t in marks][2:] == ["this", "that"]
    assert "stance-against" in marks[0][0]["class"] and "stance-deny" in marks[2][0]["class"]
    assert texts(html, "h1") == ["Budget vote nears"]
    assert len(texts(html, "p")) >= 2  # one <p> per paragraph


def test_unknown_ids_are_404(site):
    assert get(site, "/-/claim/nope").status_code == 404
    assert get(site, "/-/article/nope").status_code == 404


def test_stance_chart_over_time(site):
    html = get_html(site, "/-/charts/stance?target=budget")
    rows = [texts(f"<table>{row}</table>", "td") for row in html.split("<tr>")[2:]]
    assert rows == [["2021-01", "1", "1", "0", "0"], ["2021-02", "1", "1", "0", "0"]]
    bars = elements(html, "rect", "bar")
    assert len(bars) == 4 and {b["fill"] for b, _ in bars} == {"#2a9d4b", "#d1495b"}
    assert "<script src" not in html and "<script" not in html.split("<figure")[1].split("</figure>")[0]
    html = get_html(site, "/-/charts/stance?target=budget&by=date")
    assert [texts(f"<table>{row}</table>", "td")[0] for row in html.split("<tr>")[2:]] == [
        "2021-01-10", "2021-02-03", "2021-02-20"]
    assert "No claim is about" in get_html(site, "/-/charts/stance?target=nothing")
    index = get_html(site, "/-/charts")
    assert [a["value"] for a, _ in elements(index, "option")] == ["budget", "claim:The budget will fail",
                                                                  "harbour plan"]


def test_speakers_chart(site):
    html = get_html(site, "/-/charts/speakers")
    assert chart_titles(html) == ["Ken Obi: 3 claims", "Maria Costa: 3 claims",
                                                      "Harbour Board: 1 claim"]
    assert "/claims/claims_by_speaker?speaker=Ken%20Obi" in [a.get("href") for a, _ in elements(html, "a")]


def test_menu_links_to_charts_and_queries(site):
    html = get_html(site, "/")
    hrefs = [a["href"] for a, _ in elements(html, "a")]
    assert {"/-/charts", "/-/charts/speakers", "/claims/stance_matrix", "/claims/disputed_claims"} <= set(hrefs)


# --- untrusted article text ------------------------------------------------------------------------------

XSS_TEXT = ('The mayor said "<script>alert(1)</script> is not a plan" and <img src=x onerror=alert(2)> '
            'was left out.')


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    path = tmp_path_factory.mktemp("xss") / "claims.db"
    db = open_db(path)
    quote_text = '"<script>alert(1)</script> is not a plan"'
    start = XSS_TEXT.index(quote_text)
    bad = Claim(article_id="x/1<script>", start=start, end=start + len(quote_text), quote_text=quote_text,
                kind="direct",
                speaker='<b onmouseover="alert(3)">Mayor</b>', speaker_type="PERSON", speaker_mention="The mayor",
                speaker_start=0, speaker_end=9, cue="said", cue_start=10, cue_end=14,
                spans=[[start, start + len(quote_text)]], stance="against", target="<i>plan</i>")
    store_article(db, Article(id="x/1<script>", text=XSS_TEXT, date="2021-05-05",
                              title="<img src=x onerror=alert(4)>", url="javascript:alert(5)"), [bad])
    db.close()
    return datasette_app(path), bad.id


def assert_inert(html):
    for live in ("<script>alert", "<img src=x", '<b onmouseover', "<i>plan", 'href="javascript:'):
        assert live not in html, live


def test_script_inside_a_quote_stays_text(hostile):
    ds, claim_id = hostile
    html = get_html(ds, f"/-/claim/{claim_id}")
    assert_inert(html)
    assert texts(in_context(html), "mark", "quote") == ['"<script>alert(1)</script> is not a plan"']
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert by_id(html, "dd", "speaker").startswith('<b onmouseover="alert(3)">Mayor</b>')
    article = get_html(ds, "/-/article/" + tilde_encode("x/1<script>"))
    assert_inert(article)
    assert texts(article, "h1") == ["<img src=x onerror=alert(4)>"]
    assert "<img src=x onerror=alert(2)>" in by_id(article, "div", "text")
    for page in ("/claims/claims", "/claims/claim_details", "/claims/claim_desk", "/claims/articles", "/-/charts",
                 "/-/charts/speakers", "/-/charts/stance?target=%3Ci%3Eplan%3C/i%3E",
                 "/claims/claims_about_target?target=%3Ci%3Eplan%3C/i%3E"):
        assert_inert(get_html(ds, page))
    rows = get_json(ds, "/claims/claims_about_target.json?_shape=array&target=%3Ci%3Eplan%3C/i%3E")
    assert [r["quote_text"] for r in rows] == ['"<script>alert(1)</script> is not a plan"']  # JSON: the raw text


class Resources(HTMLParser):
    """What a page makes the browser fetch: script sources, style sheets, images, frames."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe") and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "link" and attrs.get("rel") == "stylesheet":
            self.urls.append(attrs["href"])


def test_pages_load_nothing_from_elsewhere(site):
    """Everything works offline: no script, style sheet or image from another host."""
    for path in ("/", "/claims", "/claims/claim_desk", "/claims/claim_details", "/claims/claims",
                 "/claims/stance_matrix", f"/-/claim/{COSTA_FAIL.id}", "/-/article/a2", "/-/charts",
                 "/-/charts/speakers", "/-/charts/stance?target=budget"):
        parser = Resources()
        parser.feed(get_html(site, path))
        assert parser.urls and all(url.startswith("/-/static/") for url in parser.urls), (path, parser.urls)
