"""The Python API: ``tracker.extract_claims`` and ``tracker.Tracker(db).ingest``, and an import that stays light."""

import sqlite3
import subprocess
import sys

import pytest

import tracker

QUOTE = ('Harbour board shuts the old pier\n\n"The pier has served this town for fifty years, but it is no longer '
         'safe," Mara Quell, the chair of the harbour board, said on Tuesday.\n')


def test_extract_claims_finds_the_speaker_and_content_at_their_offsets():
    claims = tracker.extract_claims(QUOTE, date="2016-03-03", engine="embedded")
    claim, = claims
    assert isinstance(claim, tracker.Claim)
    assert claim.speaker == "Mara Quell" and claim.cue == "said" and claim.date == "2016-03-03"
    assert QUOTE[claim.start:claim.end] == claim.quote_text
    assert claim.quote_text.strip('"\u201c\u201d,') == ("The pier has served this town for fifty years, but it is "
                                                         "no longer safe")
    assert QUOTE[claim.speaker_start:claim.speaker_end].startswith("Mara Quell")
    assert QUOTE[claim.cue_start:claim.cue_end] == "said"


@pytest.mark.parametrize("text, date, message", [
    ("  \n", None, "empty article"), (QUOTE, "3 March 2016", "malformed date"), (QUOTE + "\x00", None, "NUL"),
])
def test_extract_claims_refuses_what_it_cannot_read(text, date, message):
    with pytest.raises(ValueError, match=message):
        tracker.extract_claims(text, date=date, engine="embedded")


def test_a_tracker_ingests_a_folder_and_stores_its_articles_and_claims(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "pier.txt").write_text(QUOTE, encoding="utf-8")
    (folder / "20160304_note.txt").write_text("The board met again on Friday.\n", encoding="utf-8")
    db_path = tmp_path / "db" / "claims.db"
    summary = tracker.Tracker(db_path).ingest([folder], engine="embedded")
    assert isinstance(summary, tracker.IngestSummary)
    assert (summary.stored, summary.claims, summary.undated, summary.errors) == (2, 1, 1, [])
    with sqlite3.connect(db_path) as db:
        articles = db.execute("select id, title, date from articles order by id").fetchall()
        claims = db.execute("select article_id, quote_text from claims").fetchall()
    assert articles == [("20160304_note.txt", None, "2016-03-04"), ("pier.txt", "Harbour board shuts the old pier", None)]
    assert [(article_id, "no longer safe" in quote) for article_id, quote in claims] == [("pier.txt", True)]
    assert tracker.Tracker(db_path).ingest(folder, engine="embedded").unchanged == 2  # one path alone will do


def test_importing_tracker_and_its_command_line_loads_no_engine():
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, tracker, tracker.cli; "
                               "print(sorted(m for m in ('numpy', 'stanza', 'spacy', 'torch') if m in sys.modules))"],
        capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"
