"""Claim rows: stable ids, prediction format and normalized statement text."""

from tracker.claims import Claim, normalized_text
from tracker.speakers import Speaker

KALIN = Speaker("Ibrahim Kalin", "PERSON")


def make(start=10, end=20, article_id="a"):
    return Claim(article_id=article_id, start=start, end=end, quote_text="x", kind="direct", speaker=None,
                 speaker_type=None, speaker_mention=None, speaker_start=None, speaker_end=None, cue=None,
                 cue_start=None, cue_end=None)


def test_claim_id_is_stable_and_depends_on_article_and_offsets():
    assert make().id == make().id
    assert len({make().id, make(start=11).id, make(article_id="b").id}) == 3


def test_prediction_row_has_the_scorer_fields():
    row = make().as_prediction()
    assert {"start", "end", "speaker", "speaker_start", "speaker_end", "cue", "kind", "stance", "target"} <= set(row)
    assert "article_id" not in row


def test_normalized_text_drops_marks_and_editorial_brackets():
    text = '"We don\'t take [Haftar] as a legitimate actor anyway," he said.'
    assert normalized_text(text, [(0, 55)], KALIN, "direct") == "We don't take Haftar as a legitimate actor anyway."


def test_normalized_text_names_the_speaker_behind_a_reported_he():
    text = "Kalin said that he would not meet the envoys"
    assert normalized_text(text, [(11, len(text))], KALIN, "indirect") == "Ibrahim Kalin would not meet the envoys."


def test_normalized_text_joins_split_pieces():
    text = '"The first part," she said, "and the second."'
    assert normalized_text(text, [(0, 17), (28, 45)], None, "direct") == "The first part ... and the second."
