"""The claims desk (view ``claim_desk``): an invented article ingested into a temporary database, read through
Datasette in-process and, at 1400 pixels wide, in headless chromium (marker ``browser``)."""

import csv
import io
import json
import re
import sqlite3
import sys
from pathlib import Path

import pytest

from site_client import get, get_json
from tracker.ingest import run_ingest
from tracker.publish import datasette_app

ARTICLE = """date 2023-04-05 The city council voted on Tuesday to close the old harbour bridge for repairs.

"The bridge is finally getting what it needs," said Marta Kowalski, president of the Harbour Traders Guild. \
"I don't see any reason to wait."

Mayor Tom Reed said the closure was a mistake that would cut the eastern market off from half of its customers \
for at least two summers, and that the council had ignored every petition the stallholders sent it since winter.

The transport minister, Ana Ruiz, denied that the bridge was unsafe.

"We will keep the ferries running," Reed said.

"Nobody will be stranded on the far bank."

Kowalski says the guild will paint the railings, and Reed has said the council will pay for the paint.
"""
DESK_COLUMNS = ["id", "date", "month", "speaker", "speakers", "unnamed_source", "cue", "cue_lemma", "statement", "stance", "target",
                "target_kind", "corrected", "article", "article_id", "claim_rowid"]
HIDDEN = ["id", "month", "speakers", "cue_lemma", "article_id", "claim_rowid"]  # kept for links, search and facets
SHOWN = ["date", "speaker", "unnamed_source", "cue", "statement", "stance", "target", "target_kind", "corrected", "article"]


@pytest.fixture(scope="module")
def desk_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("desk")
    (folder / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    db_path = folder / "claims.db"
    assert run_ingest([str(folder / "harbour.txt")], db_path, engine="embedded").stored == 1
    return db_path


@pytest.fixture(scope="module")
def ds(desk_db):
    return datasette_app(desk_db)


def stored_claims(db_path):
    with sqlite3.connect(db_path) as db:
        db.row_factory = sqlite3.Row
        return {row["id"]: dict(row) for row in db.execute("select claims.*, articles.text from claims "
                                                            "join articles on articles.id = claims.article_id")}


def desk_rows(ds, query=""):
    return {row["id"]: row for row in get_json(ds, "/claims/claim_desk.json?_shape=array&_size=max" + query)}


def test_desk_has_its_columns_newest_first(ds):
    data = get_json(ds, "/claims/claim_desk.json")
    assert data["columns"] == DESK_COLUMNS
    assert data["human_description_en"].endswith("sorted by date descending")


def test_a_quotation_split_by_its_attribution_shows_its_pieces_joined(ds, desk_db):
    claims, rows = stored_claims(desk_db), desk_rows(ds)
    split = [claim for claim in claims.values() if len(json.loads(claim["spans"])) > 1]
    assert split, "the article's split quotation was found as one claim of two pieces"
    for claim in split:
        pieces = [claim["text"][a:b].strip() for a, b in json.loads(claim["spans"])]
        statement = rows[claim["id"]]["statement"]
        assert statement == " ... ".join(pieces)
        assert "Harbour Traders Guild" in claim["quote_text"] and "Harbour Traders Guild" not in statement
    whole = [claim for claim in claims.values() if len(json.loads(claim["spans"])) == 1]
    assert whole and all(rows[claim["id"]]["statement"] == claim["quote_text"] for claim in whole)


def test_neutral_is_a_word_and_every_stance_a_coloured_span(ds, desk_db):
    claims, rows = stored_claims(desk_db), desk_rows(ds)
    neutral = [claim_id for claim_id, claim in claims.items() if claim["stance"] is None]
    assert neutral and all(rows[claim_id]["stance"] == "neutral" for claim_id in neutral)
    assert {row["stance"] for row in rows.values()} <= {"support", "against", "deny", "neutral"}
    assert [row["id"] for row in desk_rows(ds, "&stance=neutral").values()] == neutral
    html = get(ds, "/claims/claim_desk?_size=max").text
    shown = re.findall(r'<span class="stance (stance-\w+)">(\w+)</span>', html)
    assert sorted(shown) == sorted((f"stance-{row['stance']}", row["stance"]) for row in rows.values())


def test_targets_answered_claims_are_a_kind_not_a_name(ds, desk_db):
    claims, rows = stored_claims(desk_db), desk_rows(ds)
    answered = [claim_id for claim_id, claim in claims.items() if (claim["target"] or "").startswith("claim:")]
    assert answered, "the denial's target is the statement it denies"
    assert all(rows[claim_id]["target"] is None and rows[claim_id]["target_kind"] == "claim"
               for claim_id in answered)
    named = [claim_id for claim_id, claim in claims.items() if claim["target"] and claim_id not in answered]
    assert named and all(rows[claim_id]["target"] and rows[claim_id]["target_kind"] != "claim" for claim_id in named)


def test_facets_count_stance_speakers_cue_kind_target_article_month(ds, desk_db):
    claims, rows = stored_claims(desk_db), desk_rows(ds)
    facets = get_json(ds, "/claims/claim_desk.json")["facet_results"]
    assert set(facets) == {"stance", "speakers", "unnamed_source", "cue_lemma", "target_kind", "target", "article",
                           "month"}
    values = {name: {r["value"]: r["count"] for r in facet["results"]} for name, facet in facets.items()}
    assert not [value for value in values["target"] if str(value).startswith("claim:")]
    assert values["target_kind"]["claim"] >= 1
    assert values["month"] == {"2023-04": len(claims)} and values["article"] == {"harbour.txt": len(claims)}
    assert sum(values["stance"].values()) == len(claims) and values["stance"]["neutral"] >= 1
    holders = {}
    for row in rows.values():
        for name in json.loads(row["speakers"]):
            holders[name] = holders.get(name, 0) + 1
    assert values["speakers"] == holders and "Marta Kowalski" in holders


def test_the_cue_facet_counts_a_verb_once_whatever_its_form(ds, desk_db):
    claims, rows = stored_claims(desk_db), desk_rows(ds)
    written = {claim["cue"] for claim in claims.values()}
    assert {"said", "says", "has said"} <= written, "the article says it three ways"
    facet = get_json(ds, "/claims/claim_desk.json")["facet_results"]["cue_lemma"]["results"]
    values = {result["value"]: result["count"] for result in facet}
    assert values["say"] == sum(claim["cue"] in ("said", "says", "has said") for claim in claims.values())
    assert None not in values and "" not in values, "every claim has its cue's lemma, a continuation its leader's"
    assert {claim_id: rows[claim_id]["cue"] for claim_id in rows} == {
        claim_id: claim["cue"] for claim_id, claim in claims.items()}, "the row shows the cue as written"
    continued = [claim for claim in claims.values() if claim["rule"] == "continuation"]
    assert continued and all(claim["cue_lemma"] == "say" for claim in continued)


def test_the_csv_export_names_the_speakers_in_plain_text(ds, desk_db):
    exported = list(csv.DictReader(io.StringIO(get(ds, "/claims/claim_desk.csv?_size=max").text)))
    rows = desk_rows(ds)
    assert len(exported) == len(rows)
    for row in exported:
        assert row["speaker"] == "; ".join(json.loads(rows[row["id"]]["speakers"]))
    assert "Marta Kowalski" in {row["speaker"] for row in exported}


def test_cells_link_the_claim_speakers_and_article(ds, desk_db):
    html = get(ds, "/claims/claim_desk?_size=max").text
    rows = desk_rows(ds)
    statements = re.findall(r'<td class="col-statement type-str"><a href="/-/claim/(\w+)">', html)
    assert sorted(statements) == sorted(rows)
    assert '<td class="col-speaker type-str"><a href="/-/speaker/Marta+Kowalski">Marta Kowalski</a>' in html
    assert '<td class="col-article type-str"><a href="/-/article/harbour~2Etxt">harbour.txt</a>' in html


def test_the_menu_and_home_page_lead_to_the_desk_first(ds):
    home = get(ds, "/").text
    menu = re.search(r'<details class="nav-menu">.*?</details>', home, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)"', menu)[0] == "/claims/claim_desk"
    lead = home.index('href="/claims/claim_desk"', home.index("metadata-description"))
    assert lead < home.index('href="/claims"')
    database = get(ds, "/claims").text
    description = database[database.index("metadata-description"):]
    assert re.findall(r'<a href="([^"]+)"', description)[0] == "/claims/claim_desk"


# --- in a browser, 1400 pixels wide -----------------------------------------------------------------------

LAYOUT = """(() => {
  const box = name => { const r = document.querySelector('td.col-' + name).getBoundingClientRect();
                        return {left: r.left, right: r.right, width: r.width}; };
  return {viewport: window.innerWidth, page: document.documentElement.scrollWidth,
          cells: Object.fromEntries(%s.map(name => [name, box(name)]))};
})()"""


@pytest.mark.browser
def test_at_1400_pixels_the_statement_is_wide_and_stance_and_target_on_screen(desk_db, tmp_path):
    sys.path.insert(0, str(Path(__file__).parent))
    from devtools import DevTools
    from test_browser import CHROMIUM, FLAGS, serve

    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)")
    server = serve(desk_db, tmp_path)
    browser = DevTools(CHROMIUM, FLAGS, tmp_path / "profile")
    try:
        browser.open(server.url + "/claims/claim_desk", 1400, 900)
        layout = browser.evaluate(LAYOUT % json.dumps(SHOWN + HIDDEN))
        browser.screenshot(tmp_path / "desk.png")
    finally:
        browser.close()
        server.close()
    cells = layout["cells"]
    assert layout["viewport"] == 1400 and layout["page"] <= 1400  # nothing to scroll sideways
    assert all(cells[name]["width"] == 0 for name in HIDDEN)  # kept for links, search and facets, not shown
    assert cells["statement"]["width"] >= 450
    assert all(cells["statement"]["width"] > 2 * cells[name]["width"] for name in SHOWN if name != "statement")
    for name in ("stance", "target", "target_kind", "article"):
        assert 0 < cells[name]["left"] < cells[name]["right"] <= 1400, name
