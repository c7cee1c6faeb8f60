"""The charts of ``/-/charts`` (tracker/plugins/charts.py): claims per month with the undated ones counted
apart, the most quoted speakers (each holder of a claim counted), stance by target, and the links from their
bars to the claims behind them - on a small invented database, read through the pages (importing a module of
tracker/plugins before Datasette has loaded its plugins would leave the package's own hooks unregistered)."""

import re
from html import unescape

import pytest
import yaml

from site_client import get, get_json
from tracker.article import Article
from tracker.claims import Claim
from tracker.corrections import correct
from tracker.publish import DEFAULT_METADATA, datasette_app
from tracker.store import open_db, store_article

# article id -> (date, text, [(speaker, quote, stance, target)])
ARTICLES = {
    "f1": ("2022-12-12", "Ana Silva said the ferry fares are fair. Tom Reed said the ferry fares hurt families.",
           [("Ana Silva", "the ferry fares are fair", "support", "ferry fares"),
            ("Tom Reed", "the ferry fares hurt families", "against", "ferry fares")]),
    "f2": ("2023-02-05", "Ana Silva and the Port Union said the ferry fares must fall. "
                         "Tom Reed said the bridge tolls stay.",
           [("Ana Silva; Port Union", "the ferry fares must fall", "against", "ferry fares"),
            ("Tom Reed", "the bridge tolls stay", None, "bridge tolls")]),
    "f3": (None, "Tom Reed said the bridge tolls are too high. Ana Silva denied it.",
           [("Tom Reed", "the bridge tolls are too high", "against", "bridge tolls"),
            ("Ana Silva", "it", "deny", "claim:The bridge tolls are too high")]),
}


def said(article_id, text, speaker, quote, stance, target):
    start = text.index(quote)
    mention = speaker.split("; ")[0]
    at = text.index(mention)
    cue = "denied" if stance == "deny" else "said"
    cue_at = text.index(cue, at)
    return Claim(article_id=article_id, start=start, end=start + len(quote), quote_text=quote, kind="indirect",
                 speaker=speaker, speaker_type="PERSON", speaker_mention=mention, speaker_start=at,
                 speaker_end=at + len(mention), cue=cue, cue_start=cue_at, cue_end=cue_at + len(cue),
                 spans=[[start, start + len(quote)]], stance=stance, target=target)


def build(path):
    db = open_db(path)
    for article_id, (date, text, claims) in ARTICLES.items():
        store_article(db, Article(id=article_id, text=text, date=date, title=f"Article {article_id}"),
                      [said(article_id, text, *claim) for claim in claims])
    db.close()
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return datasette_app(build(tmp_path_factory.mktemp("charts") / "claims.db"))


def section(html, section_id):
    start = html.index(f'<section id="{section_id}">')
    return html[start:html.index("</section>", start)]


def bars(html):
    """``(title, href)`` of each bar of a chart's markup."""
    return [(unescape(title), unescape(href))
            for href, title in re.findall(r'<a href="([^"]*)"><rect class="bar"[^>]*><title>([^<]*)</title>', html)]


def rows_behind(site, link):
    """The rows of the table or query a chart links to."""
    path, query = link.split("?")
    return get_json(site, f"{path}.json?_shape=array&{query}")


def numbers(html, section_id):
    """The rows of the table of numbers under a chart of ``/-/charts``."""
    table = section(html, section_id).split("<tbody>")[1].split("</tbody>")[0]
    return [tuple(unescape(cell) for cell in re.findall(r"<td>([^<]*)</td>", row)) for row in table.split("<tr>")[1:]]


def test_chart_data(site):
    html = get(site, "/-/charts").text
    # every month from the first dated claim to the last, the empty one at 0; the undated claims apart
    assert numbers(html, "months") == [("2022-12", "2"), ("2023-01", "0"), ("2023-02", "2")]
    assert "2 claims</a> have no date" in section(html, "months")
    # the joint claim of Ana Silva and the Port Union counts for both
    assert numbers(html, "speakers") == [("Ana Silva", "3"), ("Tom Reed", "3"), ("Port Union", "1")]
    # no stance is neutral; the claim about another claim (a denial) is left out
    assert numbers(html, "targets") == [("ferry fares", "1", "2", "0", "0"), ("bridge tolls", "0", "1", "0", "1")]


def test_index_limit(tmp_path):
    metadata = yaml.safe_load(DEFAULT_METADATA.read_text(encoding="utf-8"))
    metadata["plugins"]["tracker-charts"]["index_limit"] = 1
    (tmp_path / "metadata.yml").write_text(yaml.safe_dump(metadata), encoding="utf-8")
    html = get(datasette_app(build(tmp_path / "claims.db"), tmp_path / "metadata.yml"), "/-/charts").text
    assert numbers(html, "speakers") == [("Ana Silva", "3")]
    assert numbers(html, "targets") == [("ferry fares", "1", "2", "0", "0")]


def test_index_draws_the_three_charts(site):
    html = get(site, "/-/charts").text
    months = section(html, "months")
    assert [title for title, _ in bars(months)] == ["2022-12: 2 claims", "2023-02: 2 claims"]
    assert re.findall(r'text-anchor="middle">([^<]*)</text>', months) == ["2022-12", "2023-01", "2023-02"]
    undated = re.search(r'<p id="undated">(.*?)</p>', months).group(1)
    assert re.sub(r"<[^>]+>", "", undated).startswith("2 claims have no date")
    assert [title for title, _ in bars(section(html, "speakers"))] == [
        "Ana Silva: 3 claims", "Tom Reed: 3 claims", "Port Union: 1 claim"]
    assert [title for title, _ in bars(section(html, "targets"))] == [
        "ferry fares: 1 support", "ferry fares: 2 against", "bridge tolls: 1 against", "bridge tolls: 1 neutral"]
    assert 'href="/-/charts/stance?target=ferry%20fares"' in section(html, "targets")
    figures = re.findall(r'<figure class="tracker-chart">(.*?)</figure>', html, re.S)
    assert len(figures) == 3 and all(f.strip().startswith("<svg") and "<script" not in f for f in figures)


def test_bars_link_to_the_claims_they_count(site):
    html = get(site, "/-/charts").text
    links = dict(bars(html))
    undated = unescape(re.search(r'<p id="undated"><a href="([^"]+)"', html).group(1))
    for title, count in [("2022-12: 2 claims", 2), ("2023-02: 2 claims", 2), ("Ana Silva: 3 claims", 3),
                         ("Port Union: 1 claim", 1), ("ferry fares: 2 against", 2), ("bridge tolls: 1 neutral", 1)]:
        assert len(rows_behind(site, links[title])) == count, title
    assert {r["article_id"] for r in rows_behind(site, links["2022-12: 2 claims"])} == {"f1"}
    assert [(r["quote_text"], r["stance"]) for r in rows_behind(site, links["bridge tolls: 1 neutral"])] == [
        ("the bridge tolls stay", None)]
    assert [r["article_id"] for r in rows_behind(site, undated)] == ["f3", "f3"]


def test_stance_over_time_fills_empty_months_and_counts_undated_claims(site):
    html = get(site, "/-/charts/stance?target=ferry+fares").text
    rows = [re.findall(r"<td>([^<]*)</td>", row) for row in html.split("<tr>")[2:]]
    assert rows == [["2022-12", "1", "1", "0", "0"], ["2023-01", "0", "0", "0", "0"], ["2023-02", "0", "1", "0", "0"]]
    html = get(site, "/-/charts/stance?target=bridge+tolls").text
    assert re.findall(r"<title>([^<]*)</title>", html.split("<figure")[1]) == ["2023-02: 1 neutral"]
    assert "1 claim</a> about bridge tolls has no date" in html


@pytest.fixture(scope="module")
def rejected_site(tmp_path_factory):
    """The charts' database with two claims rejected by a journalist: Ana Silva's dated support of the ferry fares
    and Tom Reed's undated claim against the bridge tolls."""
    path = build(tmp_path_factory.mktemp("rejected") / "claims.db")
    db = open_db(path)
    for quote in ("the ferry fares are fair", "the bridge tolls are too high"):
        (claim_id,) = [row[0] for row in db.execute("select id from claims where quote_text = ?", [quote])]
        correct(db, claim_id, reject=True, by="Ana")
    db.close()
    return datasette_app(path)


def test_rejected_claims_are_in_no_chart(rejected_site):
    html = get(rejected_site, "/-/charts").text
    assert numbers(html, "months") == [("2022-12", "1"), ("2023-01", "0"), ("2023-02", "2")]
    assert "1 claim</a> has no date" in section(html, "months")
    assert numbers(html, "speakers") == [("Ana Silva", "2"), ("Tom Reed", "2"), ("Port Union", "1")]
    assert numbers(html, "targets") == [("ferry fares", "0", "2", "0", "0"), ("bridge tolls", "0", "0", "0", "1")]
    html = get(rejected_site, "/-/charts/stance?target=ferry+fares").text
    rows = [re.findall(r"<td>([^<]*)</td>", row) for row in html.split("<tr>")[2:]]
    assert rows == [["2022-12", "0", "1", "0", "0"], ["2023-01", "0", "0", "0", "0"], ["2023-02", "0", "1", "0", "0"]]
    query = unescape(re.search(r'<a href="([^"]+)">the claims</a>', html).group(1))
    assert [row["stance"] for row in rows_behind(rejected_site, query)] == ["against", "against"]
    assert "no date" not in get(rejected_site, "/-/charts/stance?target=bridge+tolls").text
    speakers = get(rejected_site, "/-/charts/speakers").text
    assert "<title>Ana Silva: 2 claims</title>" in speakers and "<title>Tom Reed: 2 claims</title>" in speakers


def test_the_bars_without_rejected_claims_link_to_as_many_claims(rejected_site):
    html = get(rejected_site, "/-/charts").text
    drawn = bars(html) + bars(get(rejected_site, "/-/charts/speakers").text)
    for title, link in drawn:
        count = int(re.search(r": (\d+) ", title).group(1))
        assert len(rows_behind(rejected_site, link)) == count, title
    undated = unescape(re.search(r'<p id="undated"><a href="([^"]+)"', html).group(1))
    assert [row["quote_text"] for row in rows_behind(rejected_site, undated)] == ["it"]


def test_an_empty_database_says_so(tmp_path):
    open_db(tmp_path / "claims.db").close()
    html = get(datasette_app(tmp_path / "claims.db"), "/-/charts").text
    assert "No claim has a date." in html and "No claim has a speaker yet." in html
    assert "No claim has a target yet." in html and "<figure" not in html
