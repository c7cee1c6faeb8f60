"""The published site in a real browser: `tracker serve` in a subprocess, Debian's headless chromium reading
the claims page, a search, a claim in context and the charts. Screenshots go to each test's tmp_path.

Run with ``pytest -m browser``; skipped where /usr/bin/chromium is not installed.
"""

import re
import socket
import struct
import subprocess
import sys
import time
import urllib.request
import zlib
from html import unescape
from pathlib import Path

import pytest

from tracker.article import Article
from tracker.claims import Claim
from tracker.store import open_db, store_article

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HAFTAR = '"We don\'t take [Haftar] as a legitimate actor anyway,"'
QUOTE_YELLOW = (0xFF, 0xE0, 0x66)  # mark.quote in tracker/plugins/templates/_tracker_style.html
BAR_BLUE = (0x1D, 0x35, 0x57)  # the speakers chart's bars
SUPPORT_GREEN, AGAINST_RED = (0x2A, 0x9D, 0x4B), (0xD1, 0x49, 0x5B)  # the stance chart's bars


@pytest.fixture(scope="module", autouse=True)
def chromium_installed():
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tracker_command():
    script = Path(sys.executable).with_name("tracker")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tracker"]


class Server:
    """`tracker serve --db PATH` on a free port of 127.0.0.1, stopped by ``close``."""

    def __init__(self, db_path, log_path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(tracker_command() + ["serve", "--db", str(db_path), "--port", str(self.port)],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.url + "/-/versions.json", timeout=2):
                    return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError(f"tracker serve did not start; see {log_path}")
                time.sleep(0.2)

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def serve(db_path, folder):
    return Server(db_path, folder / "serve.log")


class Browser:
    """Headless chromium with a fresh profile per run, writing into ``folder``."""

    def __init__(self, folder):
        self.folder, self.runs = Path(folder), 0

    def run(self, url, *extra):
        self.runs += 1
        profile = self.folder / f"profile-{self.runs}"
        result = subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *extra, url],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout

    def dom(self, url):
        dom = self.run(url, "--dump-dom")
        assert "<body" in dom, dom[:500]
        return dom

    def screenshot(self, url, name, size="1280,900"):
        path = self.folder / name
        self.run(url, f"--screenshot={path}", f"--window-size={size}")
        assert path.exists() and path.stat().st_size > 1000
        return path


def png_colours(path):
    """``{(r, g, b): pixel count}`` of an 8-bit, non-interlaced RGB or RGBA PNG (chromium's screenshots)."""
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and not interlace, header
    bpp = 3 if colour_type == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks)), width * bpp
    previous, counts = bytearray(stride), {}
    for y in range(height):
        kind, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                row[i] = (row[i] + a) & 255
            elif kind == 2:
                row[i] = (row[i] + b) & 255
            elif kind == 3:
                row[i] = (row[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            pixel = tuple(row[x:x + 3])
            counts[pixel] = counts.get(pixel, 0) + 1
        previous = row
    return counts


def tag_texts(dom, tag, cls):
    """Texts of the ``<tag class="... cls ...">`` elements of a dumped DOM (no nested tags of the same name)."""
    pattern = rf'<{tag}\b[^>]*class="[^"]*\b{cls}\b[^"]*"[^>]*>(.*?)</{tag}>'
    return [re.sub(r"<[^>]+>", "", m) for m in re.findall(pattern, dom, re.S)]


# --- the real ingest of seeds/ ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_site(tmp_path_factory):
    from tracker.ingest import run_ingest

    folder = tmp_path_factory.mktemp("seed-site")
    db_path = folder / "claims.db"
    assert run_ingest([str(SEEDS)], db_path, engine="embedded").stored == 1
    server = serve(db_path, folder)
    yield server, db_path
    server.close()


def haftar_claim_id(db_path):
    import sqlite3
    with sqlite3.connect(db_path) as db:
        return db.execute("select id from claims where quote_text like ?", [HAFTAR + "%"]).fetchone()[0]


def test_claims_page(seed_site, tmp_path):
    server, _ = seed_site
    browser = Browser(tmp_path)
    dom = browser.dom(server.url + "/claims/claim_details")
    assert "Ibrahim Kalin" in dom and "claim_details" in dom
    rows = [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r'<td class="col-speaker type-str">(.*?)</td>', dom)]
    assert len(rows) >= 20 and rows.count("Ibrahim Kalin") >= 5
    assert re.search(r'class="facet-info facet-claims-claim_details-speakers"', dom)
    assert browser.screenshot(server.url + "/claims/claim_details", "claims.png")


def test_search(seed_site, tmp_path):
    server, db_path = seed_site
    browser = Browser(tmp_path)
    url = server.url + "/claims/claim_details?_search=legitimate+actor"
    dom = browser.dom(url)
    links = re.findall(r'<td class="col-quote_text type-str"><a href="([^"]+)">([^<]*)</a>', dom)
    assert [(href, unescape(text)[:len(HAFTAR)]) for href, text in links] == [
        (f"/-/claim/{haftar_claim_id(db_path)}", HAFTAR)]
    assert '1 row where search matches' in dom
    browser.screenshot(url, "search.png")


def test_claim_in_context(seed_site, tmp_path):
    server, db_path = seed_site
    browser = Browser(tmp_path)
    url = f"{server.url}/-/claim/{haftar_claim_id(db_path)}"
    dom = browser.dom(url)
    context = dom[dom.index('id="context"'):dom.index("</blockquote>")]
    assert unescape(tag_texts(context, "mark", "quote")[0]) == HAFTAR
    assert tag_texts(context, "span", "speaker") == ["he"] and tag_texts(context, "span", "cue") == ["said"]
    assert "Ibrahim Kalin" in dom
    shot = browser.screenshot(url, "claim.png")
    assert png_colours(shot).get(QUOTE_YELLOW, 0) > 2000  # the highlight is painted


def test_speakers_chart(seed_site, tmp_path):
    server, _ = seed_site
    browser = Browser(tmp_path)
    url = server.url + "/-/charts/speakers"
    dom = browser.dom(url)
    assert dom.count('<rect class="bar"') >= 10
    assert re.search(r"<title>Ibrahim Kalin: \d+ claims</title>", dom)
    shot = browser.screenshot(url, "speakers-chart.png")
    assert png_colours(shot).get(BAR_BLUE, 0) > 5000  # the bars are drawn


# --- hand-made databases: a stance chart, and hostile article text -----------------------------------------

@pytest.fixture(scope="module")
def made_site(tmp_path_factory):
    sys.path.insert(0, str(Path(__file__).parent))
    from test_site import build  # the hand-made site of test_site.py, with stances and targets

    folder = tmp_path_factory.mktemp("made-site")
    server = serve(build(folder / "claims.db"), folder)
    yield server
    server.close()


def test_stance_chart(made_site, tmp_path):
    browser = Browser(tmp_path)
    url = made_site.url + "/-/charts/stance?target=budget"
    dom = browser.dom(url)
    assert dom.count('<rect class="bar') == 4
    assert "<title>2021-01: 1 support</title>" in dom and "<title>2021-02: 1 against</title>" in dom
    colours = png_colours(browser.screenshot(url, "stance-chart.png"))
    assert colours.get(SUPPORT_GREEN, 0) > 1000 and colours.get(AGAINST_RED, 0) > 1000


def test_charts_page(made_site, tmp_path):
    browser = Browser(tmp_path)
    url = made_site.url + "/-/charts"
    dom = browser.dom(url)
    sections = {name: dom[dom.index(f'<section id="{name}">'):] for name in ("months", "speakers", "targets")}
    assert [sections[name].split("</section>")[0].count('<rect class="bar"') for name in sections] == [2, 3, 3]
    assert "<title>2021-02: 5 claims</title>" in dom and "<title>Ken Obi: 3 claims</title>" in dom
    assert "<title>budget: 2 against</title>" in dom
    colours = png_colours(browser.screenshot(url, "charts.png", size="1400,1300"))
    assert colours.get(BAR_BLUE, 0) > 10000  # the months' and the speakers' bars
    assert colours.get(SUPPORT_GREEN, 0) > 1000 and colours.get(AGAINST_RED, 0) > 1000  # stance by target


def store_one_quote(folder, article, quote_text, **fields):
    """Store ``article`` in ``folder``/claims.db with one direct claim of ``quote_text`` (its offsets found in
    the text) and the claim ``fields``: the open database and the claim."""
    start = article.text.index(quote_text)
    end = start + len(quote_text)
    claim = Claim(article_id=article.id, start=start, end=end, quote_text=quote_text, kind="direct",
                  spans=[[start, end]], **fields)
    db = open_db(folder / "claims.db")
    store_article(db, article, [claim])
    return db, claim


PAYLOAD = "<script>document.body.setAttribute('data-pwned', 'script')</script>"
IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned', 'img')\">"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-site")
    text = f'The mayor said "{PAYLOAD} is not a plan" and {IMG} was left out.'
    db, claim = store_one_quote(folder, Article(id="x1", text=text, date="2021-05-05", title=IMG,
                                                url="javascript:alert(1)"), f'"{PAYLOAD} is not a plan"',
                                speaker=IMG, speaker_type="PERSON", speaker_mention="The mayor", speaker_start=0,
                                speaker_end=9, cue="said", cue_start=10, cue_end=14, stance="against", target=PAYLOAD)
    db.close()
    server = serve(folder / "claims.db", folder)
    yield server, claim.id
    server.close()


def test_script_in_article_text_does_not_run(hostile_site, tmp_path):
    server, claim_id = hostile_site
    browser = Browser(tmp_path)
    for path in (f"/-/claim/{claim_id}", "/-/article/x1", "/claims/claims", "/claims/claim_details",
                 "/claims/claim_desk", "/claims/articles", "/-/charts/speakers", "/-/charts"):
        dom = browser.dom(server.url + path)
        body = re.search(r"<body[^>]*>", dom).group(0)
        assert "data-pwned" not in body, path
        assert "<img src=\"x\"" not in dom and 'href="javascript:' not in dom, path
    dom = browser.dom(f"{server.url}/-/claim/{claim_id}")
    assert unescape(tag_texts(dom, "mark", "quote")[0]) == f'"{PAYLOAD} is not a plan"'
    browser.screenshot(f"{server.url}/-/claim/{claim_id}", "hostile-claim.png")


# --- a corrected claim -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corrected_site(tmp_path_factory):
    from tracker.corrections import correct

    folder = tmp_path_factory.mktemp("corrected-site")
    text = 'Chief Nadia Varga said: "The ferry will sail at dawn." The port reopened later.'
    db, claim = store_one_quote(folder, Article(id="ferry", text=text, date="2023-06-01"),
                                '"The ferry will sail at dawn."', speaker="Nadia Varga", speaker_type="PERSON",
                                speaker_mention="Chief Nadia Varga", speaker_start=0, speaker_end=17, cue="said",
                                cue_start=18, cue_end=22)
    correct(db, claim.id, speaker="Port Authority", note="the chief read out the authority's statement", by="Ana")
    db.close()
    server = serve(folder / "claims.db", folder)
    yield server, claim.id
    server.close()


def test_a_corrected_claims_page_shows_the_correction(corrected_site, tmp_path):
    server, claim_id = corrected_site
    browser = Browser(tmp_path)
    dom = browser.dom(f"{server.url}/-/claim/{claim_id}")
    corrections = dom[dom.index('id="corrections"'):]
    assert tag_texts(corrections, "q", "note") == ["the chief read out the authority's statement"]
    assert "speaker “Nadia Varga” → “Port Authority”" in unescape(corrections) and "by Ana on" in corrections
    assert "Port Authority" in dom[dom.index('id="speaker"'):]
    browser.screenshot(f"{server.url}/-/claim/{claim_id}", "corrected-claim.png")
