"""``tracker evaluate``: its figures are the reference scorer's, on the same predictions."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.claims import Claim
from tracker.cli import cli
from tracker.evaluate import Report, evaluate, figure_lines, last_word, listing_lines, read_gold, score_article

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
SEED_GOLD = Path(__file__).parent / "data" / "seed_gold.jsonl"

TEXT = 'The minister said the plan was late. "It will work," Ms. Lee said. Nobody else spoke.'
GOLD = [
    {"id": "g1", "kind": "indirect", "start": 18, "end": 35, "spans": [[18, 35]], "has_source": True,
     "speaker": "The minister", "speaker_start": 0, "speaker_end": 12, "speaker_spans": [[0, 12]],
     "speaker_is_pronoun": False, "cue": "said"},
    {"id": "g2", "kind": "direct", "start": 37, "end": 52, "spans": [[37, 52]], "has_source": True,
     "speaker": "Ms. Lee", "speaker_start": 53, "speaker_end": 60, "speaker_spans": [[53, 60]],
     "speaker_is_pronoun": False, "cue": "said"},
]


def prediction(start, end, speaker, s_start, s_end, cue="said"):
    return {"start": start, "end": end, "speaker": speaker, "speaker_start": s_start, "speaker_end": s_end, "cue": cue}


def test_exact_coverage_and_end_to_end_counts():
    report = Report()
    preds = [prediction(18, 36, "minister", 0, 12),  # exact after trimming the final period
             prediction(38, 45, "Lee", 61, 65),  # covers 7/15 of g2, wrong speaker span
             prediction(67, 85, "Nobody", 67, 73)]  # a false alarm
    score_article(report, "a", TEXT, GOLD, preds)
    figures = report.figures()
    assert figures["exact"]["R"] == 50.0
    assert figures["cov@0.3"] == {"P": 66.7, "R": 100.0, "F1": 80.0}
    assert figures["cov@0.8"]["R"] == 50.0
    assert figures["attribution_e2e"]["R"] == 50.0
    assert figures["name_acc"] == 100.0 and figures["cue_acc"] == 100.0
    assert [p["speaker"] for _, p in report.false_alarms] == ["Nobody"]


def test_a_name_within_a_source_with_its_role_counts_in_source_only():
    text = 'Jane Roe, a lawyer for the city, said the plan was late.'
    gold = [{"id": "g1", "kind": "indirect", "start": 37, "end": 54, "spans": [[37, 54]], "has_source": True,
             "speaker": "Jane Roe, a lawyer for the city", "speaker_start": 0, "speaker_end": 31,
             "speaker_spans": [[0, 31]], "speaker_is_pronoun": False, "cue": "said"}]
    report = Report()
    score_article(report, "a", text, gold, [prediction(37, 54, "Jane Roe", 0, 8)])
    figures = report.figures()
    assert figures["name_acc"] == 0.0 and figures["name_in_source_acc"] == 100.0


class FixedExtractor:
    """Stands in for ``Extractor``: the same claims for every article, no model."""

    def __init__(self, claims):
        self.claims, self.seen = claims, []

    def run(self, articles):
        for article in articles:
            self.seen.append(article.id)
            yield article, [Claim(article_id=article.id, **c) for c in self.claims]


def claim(start, end, kind, speaker, s_start, s_end):
    return {"start": start, "end": end, "quote_text": TEXT[start:end], "kind": kind, "speaker": speaker,
            "speaker_type": "PERSON", "speaker_mention": TEXT[s_start:s_end], "speaker_start": s_start,
            "speaker_end": s_end, "cue": "said", "cue_start": None, "cue_end": None}


def write_gold(tmp_path, *records):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n\n" for r in records), encoding="utf-8")
    return path


def test_evaluate_scores_the_extractor_on_the_gold_articles(tmp_path):
    gold = read_gold(write_gold(tmp_path, {"id": "a", "text": TEXT, "quotes": GOLD}))
    assert [(g.article.id, len(g.quotes)) for g in gold] == [("a", 2)]
    extractor = FixedExtractor([claim(18, 36, "indirect", "minister", 0, 12),
                                claim(67, 85, "direct", "Nobody", 67, 73)])
    ticks = []
    report = evaluate(gold, extractor, progress=ticks.append)
    assert extractor.seen == ["a"] and ticks == [1]
    figures = report.figures()
    assert (figures["n_gold"], figures["n_pred"], figures["cov@0.3"]["R"]) == (2, 2, 50.0)
    only_direct = evaluate(gold, extractor, kinds=["direct"]).figures()
    assert (only_direct["n_gold"], only_direct["n_pred"]) == (1, 1)


def test_read_gold_refuses_a_record_without_text(tmp_path):
    with pytest.raises(ValueError, match="missing text"):
        read_gold(write_gold(tmp_path, {"id": "a", "quotes": []}))


def test_the_printed_lines_give_figures_and_each_listed_quote_in_context():
    report = Report()
    score_article(report, "a", TEXT, GOLD, [prediction(67, 85, "Nobody", 67, 73)])
    lines = figure_lines(report.figures())
    assert lines[0] == "gold quotes 2  predicted 1"
    assert lines[2] == "cov@0.3            P   0.0  R   0.0  F1   0.0"
    listed = listing_lines(report, show=1)
    assert listed == [
        "", "misses (2), first 1:",
        "- [a] indirect 'The minister' 'said': The minister said the plan was late. \"It will work,\" Ms. Lee said",
        "", "false alarms (1), first 1:",
        "- [a] None 'Nobody' 'said': ister said the plan was late. \"It will work,\" Ms. Lee said. Nobody else spoke.",
        "", "wrong speaker names (0), first 0:"]


def test_last_word_ignores_suffixes():
    assert last_word("Robert F. Kennedy Jr.") == "kennedy"
    assert last_word(None) is None


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not present")
def test_figures_equal_the_reference_scorer_on_the_seed(tmp_path):
    pred_path = tmp_path / "seed.pred.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(SEED_GOLD), "-o", str(pred_path), "--engine", "embedded"])
    assert result.exit_code == 0, result.output
    reference = json.loads(subprocess.run([sys.executable, str(SCORER), str(SEED_GOLD), str(pred_path), "--json"],
                                          capture_output=True, text=True, check=True).stdout)
    ours = CliRunner().invoke(cli, ["evaluate", str(SEED_GOLD), "--json", "--engine", "embedded"])
    assert ours.exit_code == 0, ours.output
    figures = json.loads(ours.output[ours.output.index("{"):])
    for name in ("exact", "cov@0.3", "cov@0.8", "char_overlap", "attribution_e2e"):
        assert figures[name] == reference[name]
    matched = reference["speaker_on_matched(cov@0.3)"]["all"]
    assert figures["name_acc"] == matched["name_acc"] and figures["cue_acc"] == matched["cue_acc"]
