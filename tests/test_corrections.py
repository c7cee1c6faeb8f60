"""Corrections: a journalist fixes a claim's speaker, stance or target, or rejects it (``tracker correct``), and the
fix holds when the article is ingested again with its text changed elsewhere; one that loses its claim is
reported, never dropped; the claim page shows who corrected what and why."""

import json
import sqlite3
from dataclasses import replace
from urllib.parse import urlencode

import pytest
import sqlite_utils
from click.testing import CliRunner

from site_client import get
from tracker.article import Article
from tracker.claims import Claim
from tracker.cli import cli
from tracker.corrections import CorrectionError, correct
from tracker.ingest import run_ingest
from tracker.publish import datasette_app
from tracker.store import OLD_FILE_ID, ensure_schema, open_db, prune, store_article

HARBOUR = "Mayor Lena Ortiz said on Tuesday that the harbour tunnel would open in May."
STORY = f"""{HARBOUR}

"The new tax plan is a disaster for families," Councillor Ravi Menon told reporters. He added that nobody trusts the water board.

The Bakers Union said the strike would go on until Friday."""
RAIN = "Heavy rain fell across the city overnight, flooding two streets. "


def write_story(folder, text):
    (folder / "council.txt").write_text(f"date 2023-03-14 {text}", encoding="utf-8")


def ingest(folder, db_path):
    """Ingest ``folder`` with the embedded engine; returns the warnings it gave."""
    warnings = []
    summary = run_ingest([str(folder)], db_path, engine="embedded",
                         progress=lambda event, value: warnings.append(value) if event == "warning" else None)
    assert summary.stored == 1 and not summary.errors
    return warnings


def rows(db_path, sql, params=()):
    with sqlite3.connect(db_path) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute(sql, params)]


def claim_where(db_path, quote):
    (row,) = rows(db_path, "select * from claim_details where quote_text like ?", [f"%{quote}%"])
    return row


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    """The story ingested, four of its claims corrected (one through the CLI), then a sentence added at the
    start of the article and the folder ingested again: ``(folder, db path, {what: claim row before}, warnings)``."""
    folder = tmp_path_factory.mktemp("desk")
    db_path = tmp_path_factory.mktemp("db") / "claims.db"
    write_story(folder, STORY)
    ingest(folder, db_path)
    before = {what: claim_where(db_path, quote) for what, quote in (
        ("harbour", "harbour tunnel"), ("tax", "tax plan"), ("board", "water board"), ("union", "the strike"))}
    db = open_db(db_path)
    correct(db, before["board"]["id"], speaker="Lena Ortiz", note="he is the mayor here", by="Ana")
    correct(db, before["tax"]["id"], stance="support", target="the new tax plan", note="irony: he backs the plan",
            by="Ana")
    correct(db, before["harbour"]["id"], target="the harbour tunnel", by="Ana")
    db.close()
    result = CliRunner().invoke(cli, ["correct", before["union"]["id"], "--reject", "--note", "a rumour, not a quote",
                                      "--by", "Ben", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    write_story(folder, RAIN + STORY)
    warnings = ingest(folder, db_path)
    return folder, db_path, before, warnings


def test_the_tracker_found_what_the_corrections_change(corrected):
    _, _, before, _ = corrected
    assert before["board"]["speaker"] != "Lena Ortiz" and before["board"]["speaker_mention"] == "He"
    assert before["tax"]["stance"] != "support" and before["tax"]["target"] != "the new tax plan"
    assert before["harbour"]["target"] != "the harbour tunnel"
    assert before["union"]["corrected"] is None


def test_corrections_hold_after_the_text_changed_before_the_claims(corrected):
    _, db_path, before, warnings = corrected
    assert warnings == []
    after = {what: claim_where(db_path, quote) for what, quote in (
        ("harbour", "harbour tunnel"), ("tax", "tax plan"), ("board", "water board"), ("union", "the strike"))}
    for what in after:  # the claims moved: new offsets, new ids
        assert after[what]["start"] == before[what]["start"] + len(RAIN) and after[what]["id"] != before[what]["id"]
    assert after["board"]["speaker"] == "Lena Ortiz" and after["board"]["corrected"] == "speaker"
    assert after["tax"]["stance"] == "support" and after["tax"]["target"] == "the new tax plan"
    assert after["harbour"]["target"] == "the harbour tunnel" and after["harbour"]["corrected"] == "target"
    assert after["union"]["corrected"] == "rejected"
    corrections = rows(db_path, "select claim_id, state from corrections order by id")
    assert corrections == [{"claim_id": after[what]["id"], "state": "applied"}
                           for what in ("board", "tax", "harbour", "union")]


def test_a_corrected_speaker_holds_the_claim_through_claim_speakers(corrected):
    _, db_path, _, _ = corrected
    held = rows(db_path, """select claims.quote_text from claim_speakers
        join speakers on speakers.id = claim_speakers.speaker_id join claims on claims.id = claim_speakers.claim_id
        where speakers.name = 'Lena Ortiz' order by claims.start""")
    assert [row["quote_text"] for row in held] == ["that the harbour tunnel would open in May",
                                                   "that nobody trusts the water board"]
    (ortiz,) = rows(db_path, "select aliases, claim_count from speakers where name = 'Lena Ortiz'")
    assert ortiz["claim_count"] == 2 and "He" not in json.loads(ortiz["aliases"])


def test_a_rejected_claim_is_listed_flagged_but_not_counted_in_the_stances(corrected):
    _, db_path, _, _ = corrected
    assert claim_where(db_path, "the strike")["corrected"] == "rejected"
    assert rows(db_path, "select count(*) as n from claim_details where corrected = 'rejected'") == [{"n": 1}]


def test_a_correction_whose_claim_left_the_article_is_reported_and_kept(corrected, tmp_path):
    folder, db_path, _, _ = corrected
    copy = tmp_path / "claims.db"
    with sqlite3.connect(db_path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    story = tmp_path / "desk"
    story.mkdir()
    write_story(story, RAIN + STORY.replace(HARBOUR + "\n\n", ""))
    warnings = ingest(story, copy)
    (harbour,) = rows(copy, "select id, claim_id, state from corrections where target = 'the harbour tunnel'")
    assert harbour == {"id": 3, "claim_id": None, "state": "missing"}
    assert warnings == [f"{story / 'council.txt'}: correction 3 no longer finds its claim "
                        "('that the harbour tunnel would open in May'): kept, marked missing"]
    assert [row["state"] for row in rows(copy, "select state from corrections where id != 3")] == ["applied"] * 3
    assert claim_where(copy, "water board")["speaker"] == "Lena Ortiz"


def test_the_claim_page_shows_who_corrected_what_and_why(corrected):
    _, db_path, before, _ = corrected
    site = datasette_app(db_path)
    html = get(site, f"/-/claim/{claim_where(db_path, 'water board')['id']}").text
    assert f"speaker “{before['board']['speaker']}” → “Lena Ortiz”" in html
    assert "by Ana on" in html and '<q class="note">he is the mayor here</q>' in html
    assert 'id="rejected"' not in html
    html = get(site, f"/-/claim/{claim_where(db_path, 'tax plan')['id']}").text
    stance, target = before["tax"]["stance"] or "neutral", before["tax"]["target"] or "-"
    assert f"stance “{stance}” → “support”" in html and f"target “{target}” → “the new tax plan”" in html
    html = get(site, f"/-/claim/{claim_where(db_path, 'the strike')['id']}").text
    assert 'id="rejected">Rejected by Ben on' in html and "a rumour, not a quote" in html
    listed = get(site, "/claims/corrections.json?_shape=array").json()
    assert sorted((row["corrected_by"], row["state"]) for row in listed) == [("Ana", "applied")] * 3 + [
        ("Ben", "applied")]
    stamps = [row["corrected_at"] for row in listed]
    assert stamps == sorted(stamps, reverse=True)  # newest first; corrections of one second in any order


# --- hand-made claims: no parsing -----------------------------------------------------------------------

SENTENCES = ['Ines Moreau said: "We will cut the fares."', 'Paul Dirk said: "We will cut the fares."',
             "Moreau opposed the levy."]
TALK = " ".join(SENTENCES)


def talk_claim(number, quote, mention, speaker, cue, **extra):
    """A claim of the sentence ``SENTENCES[number]`` of ``TALK``, its offsets found in that sentence."""
    base = TALK.index(SENTENCES[number])

    def span(words):
        start = base + SENTENCES[number].index(words)
        return start, start + len(words)

    (start, end), (mention_start, mention_end), (cue_start, cue_end) = span(quote), span(mention), span(cue)
    return Claim(article_id="talk", start=start, end=end, quote_text=quote, kind=extra.pop("kind", "direct"),
                 speaker=speaker, speaker_type="PERSON", speaker_mention=mention, speaker_start=mention_start,
                 speaker_end=mention_end, cue=cue, cue_start=cue_start, cue_end=cue_end, spans=[(start, end)], **extra)


def talk_claims():
    return [talk_claim(0, '"We will cut the fares."', "Ines Moreau", "Ines Moreau", "said"),
            talk_claim(1, '"We will cut the fares."', "Paul Dirk", "Paul Dirk", "said"),
            talk_claim(2, "the levy", "Moreau", "Ines Moreau", "opposed", kind="indirect", stance="against",
                       target="levy")]


@pytest.fixture
def talk_db():
    db = ensure_schema(sqlite_utils.Database(memory=True))
    store_article(db, Article(id="talk", text=TALK, date="2022-05-01"), talk_claims())
    yield db
    db.close()


def moved(claim, shift):
    """``claim`` with every offset ``shift`` characters further on."""
    return replace(claim, start=claim.start + shift, end=claim.end + shift, speaker_start=claim.speaker_start + shift,
                   speaker_end=claim.speaker_end + shift, cue_start=claim.cue_start + shift,
                   cue_end=claim.cue_end + shift, spans=[(a + shift, b + shift) for a, b in claim.spans])


def test_of_two_claims_with_the_same_words_the_correction_finds_its_speakers_one(talk_db):
    moreau, dirk, _ = talk_claims()
    correct(talk_db, dirk.id, stance="support", target="fares", by="Ana")
    shift = dirk.start - moreau.start  # Moreau's words move to where Dirk's were
    text = "The vote was close.".ljust(shift) + TALK
    store_article(talk_db, Article(id="talk", text=text, date="2022-05-01"), [moved(c, shift) for c in talk_claims()])
    stances = {row["speaker"]: row["stance"] for row in talk_db.query(
        "select speaker, stance from claim_details where quote_text like '%fares%'")}
    assert stances == {"Ines Moreau": None, "Paul Dirk": "support"}


def test_a_rejected_claim_leaves_the_stance_summary(talk_db):
    levy = talk_claims()[2]
    summary = "select speaker, target, against from stance_summary"
    assert list(talk_db.query(summary)) == [{"speaker": "Ines Moreau", "target": "levy", "against": 1}]
    correct(talk_db, levy.id, reject=True, by="Ana")
    assert list(talk_db.query(summary)) == []
    (row,) = talk_db.query("select corrected from claim_details where id = ?", [levy.id])
    assert row == {"corrected": "rejected"}


def test_a_neutral_stance_empties_the_claims_stance(talk_db):
    levy = talk_claims()[2]
    correct(talk_db, levy.id, stance="neutral", by="Ana")
    (row,) = talk_db.query("select stance, stance_evidence from claims where id = ?", [levy.id])
    assert row == {"stance": None, "stance_evidence": None}


@pytest.mark.parametrize("change, message", [
    ({"stance": "angry"}, "invalid stance 'angry': choose one of support, against, deny, neutral"),
    ({"speaker": "  "}, "the speaker must not be empty"),
    ({}, "nothing to correct: give a speaker, a stance or a target, or reject the claim"),
])
def test_a_correction_that_cannot_be_made_raises_and_records_nothing(talk_db, change, message):
    with pytest.raises(CorrectionError) as error:
        correct(talk_db, talk_claims()[0].id, **change)
    assert str(error.value) == message
    assert talk_db["corrections"].count == 0


def test_a_correction_to_what_the_claim_already_says_is_refused(talk_db):
    levy = talk_claims()[2]
    with pytest.raises(CorrectionError) as error:
        correct(talk_db, levy.id, stance="against", speaker="Ines Moreau")
    assert str(error.value) == f"nothing to correct: claim {levy.id} already has speaker 'Ines Moreau', stance 'against'"
    correct(talk_db, talk_claims()[0].id, stance="neutral", target="fares", by="Ana")  # a new target: recorded
    assert talk_db["corrections"].count == 1


@pytest.mark.parametrize("args, message", [
    (["nosuchclaim", "--reject"], "Error: no claim with id 'nosuchclaim'"),
    (["{claim}", "--stance", "angry"], "Error: invalid stance 'angry': choose one of support, against, deny, neutral"),
])
def test_the_cli_reports_a_bad_correction_in_one_line(tmp_path, args, message):
    db_path = tmp_path / "claims.db"
    db = open_db(db_path)
    store_article(db, Article(id="talk", text=TALK), talk_claims())
    db.close()
    args = [arg.format(claim=talk_claims()[0].id) for arg in args]
    result = CliRunner().invoke(cli, ["correct", *args, "--db", str(db_path)])
    assert result.exit_code == 1 and result.output.strip() == message


def test_a_pruned_articles_corrections_stay_missing(talk_db):
    correct(talk_db, talk_claims()[0].id, speaker="Paul Dirk", by="Ana")
    prune(talk_db, [])
    assert list(talk_db.query("select article_id, claim_id, state from corrections")) == [
        {"article_id": "talk", "claim_id": None, "state": "missing"}]


def test_a_file_moved_to_its_new_id_keeps_its_corrections(tmp_path):
    db = open_db(tmp_path / "claims.db")
    before = [replace(claim, article_id="corpus/talk.txt") for claim in talk_claims()]
    store_article(db, Article(id="corpus/talk.txt", text=TALK, path="corpus/talk.txt", origin=OLD_FILE_ID), before)
    correct(db, before[2].id, stance="support", by="Ana")
    after = [replace(claim, article_id="talk.txt") for claim in talk_claims()]
    store_article(db, Article(id="talk.txt", text=TALK, path="corpus/talk.txt", origin="file"), after)
    assert list(db.query("select article_id, claim_id, state from corrections")) == [
        {"article_id": "talk.txt", "claim_id": after[2].id, "state": "applied"}]
    assert [row["stance"] for row in db.query("select stance from claims where id = ?", [after[2].id])] == ["support"]
    db.close()


# --- a rejected claim counts nowhere ----------------------------------------------------------------------

def counts(db, table):
    return {row["name"]: row["claim_count"] for row in db.query(f"select name, claim_count from {table}")}


def test_a_rejection_recounts_its_speakers_and_target_at_once_and_on_every_store(talk_db):
    _, dirk, levy = talk_claims()
    assert counts(talk_db, "speakers") == {"Ines Moreau": 2, "Paul Dirk": 1}
    assert counts(talk_db, "targets") == {"levy": 1}
    correct(talk_db, levy.id, reject=True, by="Ana")
    correct(talk_db, dirk.id, reject=True, by="Ana")
    for _ in range(2):
        assert counts(talk_db, "speakers") == {"Ines Moreau": 1, "Paul Dirk": 0}
        assert counts(talk_db, "targets") == {"levy": 0}
        desk = {row["id"]: row for row in talk_db.query("select id, speaker, target, corrected from claim_desk")}
        assert (desk[dirk.id]["speaker"], desk[dirk.id]["corrected"]) == ("Paul Dirk", "rejected")
        assert (desk[levy.id]["target"], desk[levy.id]["corrected"]) == ("levy", "rejected")
        store_article(talk_db, Article(id="talk", text=TALK, date="2022-05-01"), talk_claims())


def test_the_canned_queries_and_the_speaker_page_leave_a_rejected_claim_out(corrected):
    _, db_path, _, _ = corrected
    site = datasette_app(db_path)
    union = claim_where(db_path, "the strike")
    assert union["rejected"] == 1 and union["speaker"]
    assert [row["rejected"] for row in rows(db_path, "select rejected from claim_details")].count(1) == 1

    def query(name, **params):
        return get(site, f"/claims/{name}.json?_shape=array&" + urlencode(params)).json()

    assert query("claims_by_speaker", speaker=union["speaker"]) == []
    assert union["speaker"] not in {row["speaker"] for row in query("top_speakers_by_month")}
    assert len(query("top_speakers_by_month")) == len({row["speaker"] for row in rows(
        db_path, "select speaker from claim_details where speaker is not null and not rejected")})
    (speaker,) = rows(db_path, "select id, claim_count from speakers where name = ?", [union["speaker"]])
    assert speaker["claim_count"] == 0, "recounted when the article was ingested again"
    html = get(site, f"/-/speaker/{speaker['id']}").text
    assert "0 claims in the articles, not counting <span id=\"rejected\">1 rejected by a correction</span>" in html
    assert "the strike" not in html
    html = get(site, "/-/speaker/Lena Ortiz").text
    assert "2 claims in the articles" in html and 'id="rejected"' not in html


def test_a_rejected_denial_disputes_nothing(tmp_path):
    moreau, dirk, levy = talk_claims()
    denial = replace(levy, stance="deny", target=f"claim:{moreau.quote_text}", relation="deny",
                     related_claim_id=moreau.id)
    db = open_db(tmp_path / "claims.db")
    store_article(db, Article(id="talk", text=TALK, date="2022-05-01"), [moreau, dirk, denial])
    site = datasette_app(tmp_path / "claims.db")
    disputes = f"/claims/claim_disputes.json?_shape=array&claim_id={moreau.id}"
    assert [row["by_claim_id"] for row in get(site, "/claims/disputed_claims.json?_shape=array").json()] == [levy.id]
    assert [row["by_claim_id"] for row in get(site, disputes).json()] == [levy.id]
    correct(db, levy.id, reject=True, by="Ana")
    db.close()
    assert get(site, "/claims/disputed_claims.json?_shape=array").json() == []
    assert get(site, disputes).json() == []
