"""A speaker's page (/-/speaker/<id or name>): their names, their claims over time, their stances by target, and
links to it from every speaker name in the tables."""

import re

import pytest

from site_client import get
from tracker.article import Article
from tracker.claims import Claim
from tracker.publish import datasette_app
from tracker.store import open_db, store_article

ARTICLES = [  # id, date, text, speaker as resolved, the claim's quote, stance, target
    ("a1", "2021-03-02", "Sen. Adam B. Schiff said the tariff hurts farmers.", "Sen. Adam B. Schiff",
     "the tariff hurts farmers", "against", "tariff"),
    ("a2", "2021-01-15", "Adam Schiff said the tariff was a mistake.", "Adam Schiff",
     "the tariff was a mistake", "against", "tariff"),
    ("a3", "2021-02-10", "Turkey and Russia agreed the ceasefire must hold.", "Turkey; Russia",
     "the ceasefire must hold", "support", "ceasefire"),
]


def claim_of(article_id, text, speaker, quote, stance, target):
    start = text.index(quote)
    cue = text.index(" said ") + 1 if " said " in text else text.index(" agreed ") + 1
    return Claim(article_id=article_id, start=start, end=start + len(quote), quote_text=quote, kind="indirect",
                 speaker=speaker, speaker_type="GPE" if ";" in speaker else "PERSON", speaker_mention=speaker,
                 speaker_start=0, speaker_end=cue - 1, cue=text[cue:text.index(" ", cue)], cue_start=cue,
                 cue_end=text.index(" ", cue), spans=[(start, start + len(quote))], stance=stance, target=target)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("speakers") / "claims.db"
    db = open_db(path)
    for article_id, date, text, speaker, quote, stance, target in ARTICLES:
        store_article(db, Article(id=article_id, text=text, date=date, title=f"Story {article_id}"),
                      [claim_of(article_id, text, speaker, quote, stance, target)])
    ids = dict(db.execute("select name, id from speakers").fetchall())
    db.close()
    return datasette_app(path), ids


def page(ds, path):
    response = get(ds, path)
    assert response.status_code == 200, response.text[:300]
    return response.text


def test_a_speakers_page_lists_names_claims_over_time_and_stances(site):
    ds, ids = site
    html = page(ds, f"/-/speaker/{ids['Adam Schiff']}")
    assert re.search(r'<h1 id="name">Adam Schiff</h1>', html)
    aliases = html[html.index('id="aliases"'):html.index("</ul>", html.index('id="aliases"'))]
    assert "<li>Sen. Adam B. Schiff</li>" in aliases and "[" not in aliases
    claims = html[html.index('id="claims"'):]
    assert claims.index("2021-01-15") < claims.index("2021-03-02"), "claims in the order of their dates"
    assert re.search(r"<td>tariff</td><td>0</td><td>2</td><td>0</td><td>0</td><td>2</td>", html)


def test_a_claim_of_several_holders_is_on_each_of_their_pages(site):
    ds, ids = site
    for name in ("Turkey", "Russia"):
        html = page(ds, f"/-/speaker/{name}")
        assert "the ceasefire must hold" in html and "(with 1 other)" in html
        assert page(ds, f"/-/speaker/{ids[name]}") == html


def test_speaker_names_in_the_tables_link_to_their_pages(site):
    ds, ids = site
    html = page(ds, "/claims/claim_details?article_id=a3")
    assert 'href="/-/speaker/Turkey">Turkey</a>; <a href="/-/speaker/Russia">Russia</a>' in html
    html = page(ds, "/claims/speakers")
    assert f'href="/-/speaker/{ids["Adam Schiff"]}">Adam Schiff</a>' in html


def test_an_unknown_speaker_is_a_404(site):
    ds, _ = site
    assert [get(ds, path).status_code for path in ("/-/speaker/Nobody", "/-/speaker/999", "/-/speaker/a/b")] == [
        404, 404, 404]


def test_the_speakers_chart_and_query_count_a_claim_for_each_holder(site):
    ds, _ = site
    chart = page(ds, "/-/charts/speakers")
    assert "<title>Turkey: 1 claim</title>" in chart and "<title>Russia: 1 claim</title>" in chart
    rows = get(ds, "/claims/claims_by_speaker.json?speaker=russia&_shape=array").json()
    assert [row["quote_text"] for row in rows] == ["the ceasefire must hold"]
