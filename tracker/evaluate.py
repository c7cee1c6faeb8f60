"""Evaluate step: compare predicted claims with hand-annotated attributions.

Implements the measures of the reference scorer (``../shared/eval/README.md``): quote P/R/F1 under exact,
coverage > 30 %, coverage > 80 % and character-overlap matching; end-to-end attribution (quote matched at
coverage > 30 % and speaker mention overlapping the gold source); speaker name and cue accuracy on matched
quotes; stance and target accuracy where the gold has them. It also lists the misses and false alarms.
``read_gold`` checks a gold file, ``evaluate`` runs the extractor over it and scores every article into a
``Report``; ``figure_lines`` and ``listing_lines`` are what ``tracker evaluate`` prints.

One figure is its own: ``name_in_source_acc`` counts a stored name as right when its last word is among the
words of the gold source as written. The scorer's ``name_acc`` compares with the source's last word, which for
"Jane Roe, a lawyer for the city" is a word of the role this tracker stores apart from the name.
"""

import json
import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .article import Article, article_from_record
from .names import last_word

if TYPE_CHECKING:
    from .extract import Extractor

TRIM = " \t\n\"'`“”‘’«».,;:!?—–-"


def _trimmed(text, start, end):
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _chars(spans):
    return {i for a, b in spans for i in range(a, b)}


def _greedy(pairs):
    used_g, used_p, result = set(), set(), []
    for score, g, p in sorted(pairs, reverse=True):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            result.append((g, p))
    return result


def _prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"P": round(100 * p, 1), "R": round(100 * r, 1), "F1": round(200 * p * r / (p + r), 1) if p + r else 0.0}


@dataclass
class Report:
    """Counts over a corpus; ``figures()`` turns them into the scorer's percentages."""

    counts: Counter = field(default_factory=Counter)
    misses: list = field(default_factory=list)  # (article id, gold quote) not found
    false_alarms: list = field(default_factory=list)  # (article id, predicted quote) matching nothing
    wrong_speakers: list = field(default_factory=list)  # (article id, gold quote, predicted quote)
    texts: dict = field(default_factory=dict)  # article id -> the text its quotes' offsets point into

    def figures(self):
        c = self.counts
        out = {"n_gold": c["gold"], "n_pred": c["pred"]}
        for name in ("exact", "cov@0.3", "cov@0.8", "attribution_e2e"):
            out[name] = _prf(c[name], c["pred"], c["gold"])
        p = c["overlap"] / c["overlap_pred"] if c["overlap_pred"] else 0.0
        r = c["overlap"] / c["overlap_gold"] if c["overlap_gold"] else 0.0
        out["char_overlap"] = {"P": round(100 * p, 1), "R": round(100 * r, 1),
                               "F1": round(200 * p * r / (p + r), 1) if p + r else 0.0}
        for key in ("mention_overlap", "name", "name_in_source", "cue", "stance", "target"):
            n = c[f"{key}_n"]
            out[f"{key}_acc"] = round(100 * c[f"{key}_ok"] / n, 1) if n else None
        out["recall_by_kind"] = {k: round(100 * c[f"found:{k}"] / c[f"gold:{k}"], 1)
                                 for k in ("direct", "indirect", "mixed") if c[f"gold:{k}"]}
        return out


def score_article(report, article_id, text, gold_quotes, predictions):
    """Add one article's gold quotes and predicted quotes (dicts in the prediction format) to ``report``."""
    c = report.counts
    report.texts[article_id] = text
    c["gold"] += len(gold_quotes)
    c["pred"] += len(predictions)
    gold_chars = [_chars(q.get("spans") or [[q["start"], q["end"]]]) for q in gold_quotes]
    pred_chars = [set(range(p["start"], p["end"])) for p in predictions]
    gold_trim = [_trimmed(text, q["start"], q["end"]) for q in gold_quotes]
    pred_trim = [_trimmed(text, p["start"], p["end"]) for p in predictions]
    pairs = [(g, p) for g in range(len(gold_quotes)) for p in range(len(predictions))]
    c["exact"] += len(_greedy([(1, g, p) for g, p in pairs if gold_trim[g] == pred_trim[p]]))

    for name, threshold in (("cov@0.8", 0.8), ("cov@0.3", 0.3)):
        matched = matched_pairs(gold_quotes, predictions, threshold)
        c[name] += len(matched)
    all_gold = set().union(*gold_chars) if gold_chars else set()
    all_pred = set().union(*pred_chars) if pred_chars else set()
    c["overlap"] += len(all_gold & all_pred)
    c["overlap_gold"] += len(all_gold)
    c["overlap_pred"] += len(all_pred)
    found_g, found_p = set(), set()
    for g, p in matched:  # the cov@0.3 pairs
        found_g.add(g)
        found_p.add(p)
        _score_pair(report, article_id, text, gold_quotes[g], predictions[p])
    for g, q in enumerate(gold_quotes):
        c[f"gold:{q['kind']}"] += 1
        c[f"found:{q['kind']}"] += g in found_g
        if g not in found_g:
            report.misses.append((article_id, q))
    report.false_alarms.extend((article_id, p) for k, p in enumerate(predictions) if k not in found_p)


def matched_pairs(gold_quotes, predictions, threshold=0.3):
    """``[(gold index, prediction index)]``: each gold quote paired, greedily by coverage, with the prediction
    covering more than ``threshold`` of its characters, as the reference scorer pairs them."""
    gold_chars = [_chars(q.get("spans") or [[q["start"], q["end"]]]) for q in gold_quotes]
    pred_chars = [set(range(p["start"], p["end"])) for p in predictions]

    def coverage(g, p):
        return len(gold_chars[g] & pred_chars[p]) / max(1, len(gold_chars[g]))

    scored = ((coverage(g, p), g, p) for g in range(len(gold_quotes)) for p in range(len(predictions)))
    return _greedy([(score, g, p) for score, g, p in scored if score > threshold])


def source_spans(gold):
    """The character spans of a gold statement's source mention (none when its source is not written)."""
    return gold.get("speaker_spans") or ([[gold["speaker_start"], gold["speaker_end"]]]
                                         if gold.get("speaker_start") is not None else [])


def _score_pair(report, article_id, text, gold, pred):
    c = report.counts
    if gold.get("has_source", True):
        spans = source_spans(gold)
        overlap = pred.get("speaker_start") is not None and bool(
            _chars(spans) & set(range(pred["speaker_start"], pred["speaker_end"])))
    else:
        overlap = not (pred.get("speaker") or pred.get("speaker_start") is not None)
    c["mention_overlap_n"] += 1
    c["mention_overlap_ok"] += overlap
    c["attribution_e2e"] += overlap
    entity = gold.get("speaker")
    if gold.get("speaker_is_pronoun"):
        entity = gold.get("speaker_resolved") or gold.get("speaker_coref_silver")
    if entity and gold.get("has_source", True):
        c["name_n"] += 1
        right = last_word(pred.get("speaker")) == last_word(entity) is not None
        c["name_ok"] += right
        c["name_in_source_n"] += 1  # the stored name is among the words of the gold source as written: the
        c["name_in_source_ok"] += last_word(pred.get("speaker")) in _words(entity)  # scorer's last word of
        # "Jane Roe, a lawyer for the city" is "city", a role this tracker keeps apart from the name
        if not right:
            report.wrong_speakers.append((article_id, gold, pred))
    if gold.get("cue") is not None:
        c["cue_n"] += 1
        c["cue_ok"] += gold["cue"].lower().strip(" :") == (pred.get("cue") or "").lower().strip(" :")
    if "stance" in gold and not gold.get("optional"):
        c["stance_n"] += 1
        c["stance_ok"] += (gold["stance"] or "neutral") == (pred.get("stance") or "neutral")
        if gold.get("target"):
            c["target_n"] += 1
            c["target_ok"] += _target_matches(gold["target"], pred.get("target"))


def _words(text):
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'\-]+", str(text or ""))}


def _target_matches(gold, pred):
    if not pred:
        return False
    if gold.startswith("claim:"):
        return str(pred).startswith("claim:")
    wanted = last_word(re.sub(r"\(.*?\)", "", gold))
    return wanted is not None and wanted in _words(pred)


@dataclass
class GoldArticle:
    """One checked record of a gold file: the article and its annotated quotes (dicts in the gold format)."""

    article: Article
    quotes: list[dict]


def read_gold(path: str | Path) -> list[GoldArticle]:
    """The records of the gold JSONL file at ``path`` (format of ``../shared/eval/README.md``), checked;
    raises ``ValueError`` on a bad record."""
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [GoldArticle(article_from_record(r, path), r["quotes"]) for r in records]


def evaluate(gold: list[GoldArticle], extractor: "Extractor", kinds: Collection[str] = (),
             progress: Callable[[int], object] | None = None) -> Report:
    """Run ``extractor`` over the gold articles and score its claims against their quotes; with ``kinds``,
    gold quotes and predictions alike are kept only of those kinds. ``progress(1)`` follows each article."""
    quotes = {g.article.id: g.quotes for g in gold}
    report = Report()
    for article, claims in extractor.run([g.article for g in gold]):
        expected = [q for q in quotes[article.id] if not kinds or q["kind"] in kinds]
        predicted = [c.as_prediction() for c in claims if not kinds or c.kind in kinds]
        score_article(report, article.id, article.text, expected, predicted)
        if progress:
            progress(1)
    return report


def figure_lines(figures: dict) -> list[str]:
    """The lines ``tracker evaluate`` prints for ``Report.figures()``."""
    lines = [f"gold quotes {figures['n_gold']}  predicted {figures['n_pred']}"]
    for name in ("exact", "cov@0.3", "cov@0.8", "char_overlap", "attribution_e2e"):
        f = figures[name]
        lines.append(f"{name:18s} P {f['P']:5.1f}  R {f['R']:5.1f}  F1 {f['F1']:5.1f}")
    lines.append("on quotes matched at cov@0.3: " + ", ".join(
        f"{k} {figures[k]}" for k in ("mention_overlap_acc", "name_acc", "name_in_source_acc", "cue_acc",
                                      "stance_acc", "target_acc")
        if figures[k] is not None))
    lines.append(f"recall by kind: {figures['recall_by_kind']}")
    return lines


def listing_lines(report: Report, show: int) -> list[str]:
    """The first ``show`` misses, false alarms and wrong speaker names of ``report``, each quote with its
    context in the article, as lines (a blank line before each list)."""
    def context(aid, start, end):
        return " ".join(report.texts[aid][max(0, start - 60):end + 30].split())

    lines = []
    for title, rows in (("misses", report.misses), ("false alarms", report.false_alarms)):
        lines += ["", f"{title} ({len(rows)}), first {min(show, len(rows))}:"]
        for aid, q in rows[:show]:
            who = q.get("speaker_mention") or q.get("speaker")
            lines.append(f"- [{aid}] {q.get('kind')} {who!r} {q.get('cue')!r}: {context(aid, q['start'], q['end'])}")
    wrong = report.wrong_speakers
    lines += ["", f"wrong speaker names ({len(wrong)}), first {min(show, len(wrong))}:"]
    for aid, gold, pred in wrong[:show]:
        expected = gold.get("speaker_resolved") or gold.get("speaker")
        lines.append(f"- [{aid}] {pred.get('speaker_mention')!r} -> {pred.get('speaker')!r}, expected {expected!r}")
    return lines
