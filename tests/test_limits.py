"""The site's bounds (tracker/plugins/limits.py): every page, plugin route and canned query answered with odd
ids, odd methods and bad parameters gets a 4xx, never a 500, and no answer is unbounded - on the served
mutable database and on the published immutable snapshot alike."""

import asyncio
import json
import re
from urllib.parse import quote

import pytest
from datasette.utils import tilde_encode

from site_client import get, get_json, statuses
from test_publish import ARTICLES, CLAIMS, build
from tracker import plugins
from tracker.article import Article
from tracker.publish import datasette_app, load_metadata, publish_snapshot
from tracker.store import open_db, store_article

SLASHED = "seeds/sub dir/000_d47e3dc6810fa34a+ü.txt"  # an article id as ingest makes it: a path
ODD_IDS = ["a/b", "../../etc/passwd", "..", "%2e%2e%2f", "~", "~2F", "é✓😀", "x" * 5000, "%00", "'; drop table x; --",
           tilde_encode(SLASHED)]
ODD_QUERIES = ["_sort=nope", "_sort_desc=nope", "_through=nope", "_next=nope", "_size=nope", "_facet=nope",
               "_sort=id&_sort_desc=id", "_size=999999", "_col=nope", "_nocol=nope", "_search=%22",
               "_where=1", "nope__exact=1", "_shape=nope", "_labels=nope", "target=%00&by=nope"]
METHODS = ["POST", "PUT", "DELETE", "PATCH"]


def build_with_slashed_article(path):
    build(path)
    db = open_db(path)
    store_article(db, Article(id=SLASHED, text="The mayor said the plan works.", date="2021-04-01", title="Plan"), [])
    db.close()
    return path


@pytest.fixture(scope="module", params=["mutable", "immutable"])
def site(request, tmp_path_factory):
    path = build_with_slashed_article(tmp_path_factory.mktemp("limits") / "claims.db")
    if request.param == "mutable":
        return datasette_app(path)
    return datasette_app(publish_snapshot(path, path.parent / "dist").db, immutable=True)


def plugin_route_paths():
    """A path for every route of the plugins, its id (if any) left as ``{}``."""
    routes = []
    for module in plugins.PLUGINS.values():
        register = getattr(__import__(module, fromlist=["_"]), "register_routes", None)
        routes += [regex for regex, _ in register()] if register else []
    assert routes
    return [re.sub(r"\(\?P<\w+>[^)]*\)", "{}", regex.strip("^$")) for regex in routes]


def site_paths(ds):
    """Every table, view and canned query page of the site's database (HTML and JSON)."""
    database = get_json(ds, "/claims.json")
    names = ([t["name"] for t in database["tables"]] + [v["name"] for v in database["views"]]
             + list(load_metadata("claims.db")["databases"]["claims"]["queries"]))
    return [f"/claims/{quote(name)}{ext}" for name in names for ext in ("", ".json")]


@pytest.mark.slow
def test_no_odd_request_gets_a_500(site):
    pages = site_paths(site) + ["/", "/claims", "/claims.json"]
    tables = [t["name"] for t in get_json(site, "/claims.json")["tables"] if not t["hidden"]]
    requests = [("GET", f"{page}?{query}") for page in pages for query in
                (ODD_QUERIES if not page.endswith(".json") else ODD_QUERIES[:6])]
    requests += [("GET", f"/claims/{table}/{quote(odd, safe='/%~')}") for table in tables for odd in ODD_IDS]
    requests += [("GET", route.format(quote(odd, safe="/%~"))) for route in plugin_route_paths() for odd in ODD_IDS]
    requests += [("GET", f"{route.replace('{}', 'x')}?{query}") for route in plugin_route_paths()
                 for query in ODD_QUERIES[-3:]]
    requests += [("GET", path) for path in ("/a/b/c/d", "/claims/nope", "/nope.json", "/-/nope", "/claims/claims/")]
    requests += [(method, path) for method in METHODS
                 for path in pages + ["/-/charts", "/-/claim/x", "/claims/claims/1", "/claims/claims.csv"]]
    answers = statuses(site, requests)
    assert {request: status for request, status in answers.items() if status >= 500} == {}
    assert {answers[("GET", f"/claims/claims?{q}")] for q in ("_sort=nope", "_sort_desc=nope")} == {400}
    assert {answers[("GET", path)] for path in ("/a/b/c/d", "/-/claim/a/b", "/claims/nope")} == {404}
    assert {status for (method, _), status in answers.items() if method != "GET"} == {405}


def test_a_post_to_a_canned_query_is_405_and_writes_nothing(site):
    async def post():
        return await site.client.post("/claims/stance_matrix", data={"sql": "delete from claims"})
    answer = asyncio.run(post())
    assert answer.status_code == 405 and answer.headers["allow"] == "GET, HEAD"
    assert len(get_json(site, "/claims/claims.json?_shape=array")) == len(CLAIMS)


def test_an_article_id_opens_its_page_as_the_tables_show_it(site):
    for path in (f"/-/article/{SLASHED}", f"/-/article/{tilde_encode(SLASHED)}"):
        page = get(site, path)
        assert page.status_code == 200 and "The mayor said the plan works." in page.text
    assert get(site, "/-/article/seeds/sub/nope.txt").status_code == 404
    rows = get_json(site, "/claims/articles.json?_shape=array")
    assert SLASHED in {r["id"] for r in rows}
    links = re.findall(r'href="(/-/article/[^"]+)"', get(site, "/claims/articles").text)
    assert len(links) == len(ARTICLES) + 1
    assert all(get(site, link.replace("&amp;", "&")).status_code == 200 for link in links)


def test_a_huge_value_is_refused_not_sent(site):
    answer = get(site, "/claims.json?sql=select+hex(zeroblob(20000000))")
    assert answer.status_code == 400 and len(answer.content) < 10_000
    assert "string or blob too big" in answer.json()["error"]
    assert get(site, "/claims.json?sql=select+length(hex(zeroblob(1000)))").status_code == 200


def test_a_huge_response_is_refused_not_sent(db_path, tmp_path):
    metadata = load_metadata(build(db_path))
    metadata["plugins"]["tracker-limits"] = {"max_response_bytes": 50_000}
    (tmp_path / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    ds = datasette_app(db_path, tmp_path / "metadata.json")
    many = "/claims.json?sql=select+hex(zeroblob(1000))+from+(select+1+from+claims,+claims,+claims)"
    answer = get(ds, many)
    assert answer.status_code == 400 and "Response too large: over 50,000 bytes" in answer.text
    assert len(answer.content) < 1000
    assert get(ds, "/claims/claims.json").status_code == 200
