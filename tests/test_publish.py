"""The publish step: Datasette with the project's metadata, driven in-process against a stored database."""

import asyncio
import configparser
import json
import re
import sqlite3
from pathlib import Path

import pytest

from site_client import get, get_json
import tracker
from tracker.article import Article
from tracker.claims import Claim
from tracker.publish import DEFAULT_METADATA, ViewsMissing, datasette_app, load_metadata, publish_snapshot
from tracker.store import open_db, store_article

ARTICLES = {
    "n1": ("2021-03-01", "Port strike ends",
           '"The strike is over," union leader Maria Costa said. The port authority said the deal was fair.'),
    "n2": ("2021-03-05", "Tariff row",
           'Costa told reporters: "We oppose the new tariff." Minister Ken Obi said the tariff protects jobs.'),
    "n3": ("2021-03-09", "Tariff vote",
           '"I will vote against the tariff," Costa said. Obi said "the tariff stays".'),
}
# (article, quote, canonical speaker, type, mention, cue, kind, stance, target, rule)
CLAIMS = [
    ("n1", "The strike is over,", "Maria Costa", "PERSON", "Maria Costa", "said", "direct", None, "strike",
     "parataxis"),
    ("n1", "the deal was fair", "Port Authority", "ORG", "The port authority", "said", "indirect", "support", "deal",
     "ccomp"),
    ("n2", "We oppose the new tariff.", "Maria Costa", "PERSON", "Costa", "told", "direct", "against", "tariff",
     "colon"),
    ("n2", "the tariff protects jobs", "Ken Obi", "PERSON", "Ken Obi", "said", "indirect", "support", "tariff",
     "ccomp"),
    ("n3", "I will vote against the tariff,", "Maria Costa", "PERSON", "Costa", "said", "direct", "against",
     "tariff", "parataxis"),
    ("n3", 'the tariff stays', "Ken Obi", "PERSON", "Obi", "said", "mixed", None, None, "ccomp"),
]


def make_claim(article_id, quote, speaker, kind_of, mention, cue, kind, stance, target, rule):
    text = ARTICLES[article_id][2]
    start = text.index(quote)
    at = text.index(mention)
    cue_at = text.index(cue, at)
    return Claim(article_id=article_id, start=start, end=start + len(quote), quote_text=quote, kind=kind,
                 speaker=speaker, speaker_type=kind_of, speaker_mention=mention, speaker_start=at,
                 speaker_end=at + len(mention), cue=cue, cue_start=cue_at, cue_end=cue_at + len(cue),
                 spans=[(start, start + len(quote))], stance=stance, target=target, rule=rule)


def build(path):
    db = open_db(path)
    for article_id, (date, title, text) in ARTICLES.items():
        article = Article(id=article_id, text=text, date=date, title=title)
        store_article(db, article, [make_claim(*c) for c in CLAIMS if c[0] == article_id])
    db.close()
    return path


@pytest.fixture
def ds(db_path):
    return datasette_app(build(db_path))




def facet_counts(data, column):
    return {r["label"]: r["count"] for r in data["facet_results"][column]["results"]}


def test_metadata_loads(ds):
    metadata = get_json(ds, "/-/metadata.json")
    assert "who said what, about whom, for or against" in metadata["description"].lower()
    assert metadata["license"] == "Apache-2.0" and metadata["source"]
    tables = metadata["databases"]["claims"]["tables"]
    assert tables["speakers"]["label_column"] == "name" and tables["articles"]["label_column"] == "title"
    assert {"claims_by_speaker", "stance_matrix"} <= set(metadata["databases"]["claims"]["queries"])


def test_metadata_names_only_real_columns(db_path):
    db = open_db(build(db_path))
    tables = load_metadata(db_path)["databases"]["claims"]["tables"]
    for table, settings in tables.items():
        assert db[table].exists(), table
        columns = set(db[table].columns_dict)
        facets = {facet["array"] if isinstance(facet, dict) else facet for facet in settings.get("facets", [])}
        assert facets <= columns, table
        assert set(settings.get("columns", {})) <= columns, table
        for key in ("label_column", "sort", "sort_desc", "fts_pk"):
            assert settings.get(key) in columns | {None}, (table, key)
        if settings.get("fts_table"):
            assert settings["fts_table"] in db.table_names(), table
    assert set(tables["claims"]["columns"]) == set(db["claims"].columns_dict)
    assert tables["claims"]["fts_table"] == db["claims"].detect_fts()


def test_metadata_describes_every_table_view_and_column_users_see(db_path):
    db = open_db(build(db_path))
    metadata = load_metadata(db_path)
    assert metadata["title"] and metadata["license"] and metadata["source"]
    tables = metadata["databases"]["claims"]["tables"]
    shown = [t for t in db.table_names() if "_fts" not in t and not tables.get(t, {}).get("hidden")]
    for name in shown + db.view_names():
        assert tables[name]["description"], name
        assert set(tables[name]["columns"]) == set(db[name].columns_dict), name
        assert all(tables[name]["columns"].values()), name
    for name, query in metadata["databases"]["claims"]["queries"].items():
        assert query["title"] and query["description"], name


def test_every_canned_query_runs_on_an_empty_database(db_path):
    open_db(db_path).close()
    ds = datasette_app(db_path)
    for name in load_metadata(db_path)["databases"]["claims"]["queries"]:
        params = "&".join(f"{p}=x" for p in ("target", "speaker", "claim_id"))
        assert get_json(ds, f"/claims/{name}.json?_shape=array&{params}") == [], name


def test_pages_return_200(ds):
    for path in ("/", "/claims", "/claims/claims", "/claims/speakers", "/claims/articles", "/claims/targets",
                 "/claims/claim_relations", "/claims/claim_details", "/claims/stance_summary",
                 "/claims/claims_by_speaker", "/claims/stance_matrix", "/claims/claims/" + make_claim(*CLAIMS[0]).id,
                 "/-/claim/" + make_claim(*CLAIMS[0]).id, "/-/article/n1", "/-/charts", "/-/charts/speakers",
                 "/-/charts/stance?target=tariff"):
        assert get(ds, path).status_code == 200, path
    assert 'Quotation and claim attribution tracker' in get(ds, "/").text


def test_claims_facets_from_metadata_with_counts(ds):
    data = get_json(ds, "/claims/claims.json")
    assert list(data["facet_results"]) == ["speaker_id", "kind", "rule", "cue", "stance", "target"]
    assert facet_counts(data, "speaker_id") == {"Maria Costa": 3, "Ken Obi": 2, "Port Authority": 1}
    assert facet_counts(data, "kind") == {"direct": 3, "indirect": 2, "mixed": 1}
    assert facet_counts(data, "rule") == {"ccomp": 3, "parataxis": 2, "colon": 1}
    assert facet_counts(data, "cue") == {"said": 5, "told": 1}
    assert facet_counts(data, "stance") == {"against": 2, "support": 2}
    assert facet_counts(data, "target") == {"tariff": 3, "strike": 1, "deal": 1}


def test_facet_filter_returns_the_rows(ds):
    rows = get_json(ds, "/claims/claims.json?_shape=array&stance=against&_facet=stance")
    assert sorted(r["quote_text"] for r in rows) == ["I will vote against the tariff,", "We oppose the new tariff."]


def test_label_columns_and_sorting(ds):
    data = get_json(ds, "/claims/claims.json?_labels=on&_shape=array&kind=mixed")
    assert data[0]["speaker_id"]["label"] == "Ken Obi"
    assert data[0]["article_id"]["label"] == "Tariff vote"
    articles = get_json(ds, "/claims/articles.json?_shape=array")
    assert [a["date"] for a in articles] == ["2021-03-09", "2021-03-05", "2021-03-01"]
    speakers = get_json(ds, "/claims/speakers.json?_shape=array")
    assert [(s["name"], s["claim_count"]) for s in speakers][0] == ("Maria Costa", 3)


def test_search_returns_the_quote(ds):
    rows = get_json(ds, "/claims/claims.json?_shape=array&_search=strike")
    assert [r["quote_text"] for r in rows] == ["The strike is over,"]
    rows = get_json(ds, "/claims/claims.json?_shape=array&_search=tariff")
    assert len(rows) == 4
    # escaped search mode: FTS syntax characters do not break the page
    assert get(ds, '/claims/claims.json?_search="unbalanced').status_code == 200


def test_claims_by_speaker_over_time(ds):
    rows = get_json(ds, "/claims/claims_by_speaker.json?_shape=array&speaker=maria+costa")
    assert [(r["date"], r["quote_text"]) for r in rows] == [
        ("2021-03-01", "The strike is over,"),
        ("2021-03-05", "We oppose the new tariff."),
        ("2021-03-09", "I will vote against the tariff,"),
    ]
    assert rows[1]["title"] == "Tariff row" and rows[1]["stance"] == "against"
    assert get_json(ds, "/claims/claims_by_speaker.json?_shape=array&speaker=Nobody") == []


def test_stance_matrix(ds):
    rows = get_json(ds, "/claims/stance_matrix.json?_shape=array")
    matrix = {(r["speaker"], r["target"]): (r["support"], r["against"], r["neutral"], r["total"]) for r in rows}
    assert matrix == {
        ("Maria Costa", "tariff"): (0, 2, 0, 2),
        ("Maria Costa", "strike"): (0, 0, 1, 1),
        ("Ken Obi", "tariff"): (1, 0, 0, 1),
        ("Port Authority", "deal"): (1, 0, 0, 1),
    }
    assert (rows[0]["speaker"], rows[0]["target"]) == ("Maria Costa", "tariff")


def test_read_only(ds):
    assert get(ds, "/claims.json?sql=delete+from+claims").status_code == 400  # Datasette's own refusal
    queries = get_json(ds, "/-/metadata.json")["databases"]["claims"]["queries"]
    assert queries and not [name for name, query in queries.items() if query.get("write")]  # and none of ours writes
    assert len(get_json(ds, "/claims/claims.json?_shape=array")) == len(CLAIMS)


def test_the_metadata_is_package_data():
    assert DEFAULT_METADATA == Path(tracker.__file__).parent / "metadata.yml" and DEFAULT_METADATA.exists()
    setup = configparser.ConfigParser()
    setup.read(Path(__file__).parents[1] / "setup.cfg")
    assert "metadata.yml" in setup["options.package_data"]["tracker"].replace(" ", "").split(",")


def test_metadata_follows_the_served_file_name(tmp_path):
    ds = datasette_app(build(tmp_path / "news.db"), DEFAULT_METADATA)
    data = get_json(ds, "/news/claims.json")
    assert list(data["facet_results"]) == ["speaker_id", "kind", "rule", "cue", "stance", "target"]
    assert get(ds, "/news/stance_matrix").status_code == 200
    links = re.findall(r'href="(/[^"]*)"', get(ds, "/news").text)
    assert "/news/claim_details" in links and "/news/stance_matrix" in links
    assert not [link for link in links if link.startswith("/claims/")]


def test_publish_snapshot_writes_a_clean_copy_its_inspect_json_and_metadata(db_path, tmp_path):
    build(db_path)
    snapshot = publish_snapshot(db_path, tmp_path / "site")
    assert snapshot.db == tmp_path / "site" / "claims.db"
    assert snapshot.inspect == tmp_path / "site" / "claims.inspect.json"
    assert snapshot.metadata == tmp_path / "site" / "claims.metadata.json"
    assert json.loads(snapshot.metadata.read_text()) == load_metadata(snapshot.db)
    with sqlite3.connect(snapshot.db) as copy:
        assert copy.execute("pragma journal_mode").fetchone()[0] == "delete"
        assert copy.execute("select count(*) from claim_details").fetchone()[0] == len(CLAIMS)
        assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"
    inspected = json.loads(snapshot.inspect.read_text())
    assert inspected["claims"]["file"] == "claims.db"
    assert inspected["claims"]["tables"]["claims"]["count"] == len(CLAIMS)
    assert not list((tmp_path / "site").glob("*.partial"))
    assert publish_snapshot(db_path, tmp_path / "site") == snapshot  # replaces the previous one


def test_snapshot_served_immutable_and_read_only(db_path, tmp_path):
    snapshot = publish_snapshot(build(db_path), tmp_path / "site")
    ds = datasette_app(snapshot.db, immutable=True)
    (database,) = get_json(ds, "/-/databases.json")
    assert database["name"] == "claims" and database["is_mutable"] is False and database["hash"]
    assert get_json(ds, "/claims/claims.json")["filtered_table_rows_count"] == len(CLAIMS)
    assert get(ds, "/claims.json?sql=delete+from+claims").status_code == 400
    assert get(ds, "/claims.json?sql=select+1;+drop+table+claims").status_code == 400
    rows = get_json(ds, "/claims/claims_by_speaker.json?_shape=array&speaker=Ken+Obi")
    assert [r["quote_text"] for r in rows] == ["the tariff protects jobs", "the tariff stays"]
    assert not any(q.get("write") for q in load_metadata(snapshot.db)["databases"]["claims"]["queries"].values())
    async def post(path):
        return await ds.client.post(path, data={"sql": "delete from claims"})
    assert asyncio.run(post("/claims/claims")).status_code >= 400
    for path in ("/claims", "/claims/claims_by_speaker?speaker=Ken+Obi"):
        asyncio.run(post(path))  # read-only whatever it answers

    async def write():
        return await ds.get_database().execute_write("delete from claims")
    with pytest.raises(Exception):
        asyncio.run(write())
    assert len(get_json(ds, "/claims/claims.json?_shape=array")) == len(CLAIMS)


def test_serving_an_older_database_is_refused_and_leaves_it_as_is(db_path):
    build(db_path)
    with sqlite3.connect(db_path) as db:
        db.execute("drop view claim_details")
    before = db_path.read_bytes()
    with pytest.raises(ViewsMissing, match=r"claims.db has no claim_details view: .* run `tracker ingest"):
        datasette_app(db_path)
    assert db_path.read_bytes() == before
