"""Train the check on the rules' proposals (tracker/attribution/classifier.py) on PolNeAR train and write
tracker/data/attribution_model.json.

    python scripts/attribution_lab.py parse ../shared/eval/polnear_train.jsonl   # once: keeps the parses
    python scripts/train_attribution.py ../shared/eval/polnear_train.jsonl

Every proposal of the rules (``find_attributions`` without a classifier) is labelled by the gold: right when its
content covers more than 30 % of a gold statement and its speaker mention overlaps that statement's source
(or both have none), the scorer's end-to-end match. The figures printed are 5-fold cross-validation by
article: each fold's proposals are judged by a model trained on the other four, and the threshold is the
lowest one whose end-to-end F1 over those held-out judgements is within ``TOLERANCE`` of the best (of two
thresholds that score alike, the one that keeps more of what the rules found). The model written at the end is
trained on the whole split with that threshold.

Needs scikit-learn at training time only (``.venv/bin/pip install scikit-learn``); prediction is pure Python.
"""

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import attribution_lab as lab  # noqa: E402
from tracker.attribution.classifier import MODEL_PATH, features, judged  # noqa: E402
from tracker.attribution.finder import find_attributions  # noqa: E402
from tracker.document import ArticleIndex  # noqa: E402
from tracker.evaluate import source_spans  # noqa: E402

FOLDS = 5
MIN_ROWS = 3  # a feature must occur in this many proposals to be kept
C = 0.3  # inverse L2 strength of the logistic regression, chosen by the cross-validation below
THRESHOLDS = [t / 100 for t in range(20, 61, 5)]
TOLERANCE = 0.1  # points of held-out e2e F1
DECIMALS = 4


def _chars(spans):
    return {i for a, b in spans for i in range(a, b)}


def label(attribution, gold_quotes):
    """1 when ``attribution`` is an end-to-end match of one of ``gold_quotes``, else 0."""
    content = set(range(attribution.start, attribution.end))
    best, best_cover = None, 0.3
    for quote in gold_quotes:
        chars = _chars(quote.get("spans") or [[quote["start"], quote["end"]]])
        cover = len(chars & content) / max(1, len(chars))
        if cover > best_cover:
            best, best_cover = quote, cover
    if best is None:
        return 0
    speaker = attribution.speaker
    if not best.get("has_source", True):
        return int(speaker is None)
    return int(speaker is not None and bool(_chars(source_spans(best)) & set(range(speaker.start, speaker.end))))


def proposals(pairs, gold):
    """``[(article id, feature names, label, prediction dict, attribution)]`` of every proposal of the rules on the annotated
    ``pairs`` ``(article, document)``, labelled by ``gold`` (article id -> gold quotes)."""
    rows = []
    for article, document in pairs:
        index = ArticleIndex(document)
        for attribution in find_attributions(index, classifier=None):
            rows.append((article.id, sorted(features(index, attribution)), label(attribution, gold[article.id]),
                         lab.prediction(attribution), attribution))
    return rows


def fit(rows, c=C):
    """A logistic regression on ``rows``; returns ``(weights by feature name, intercept)``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for _, names, *_ in rows for name in names)
    kept = [{n: 1 for n in names if counts[n] >= MIN_ROWS} for _, names, *_ in rows]
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(vectorizer.fit_transform(kept), [row[2] for row in rows])
    weights = {name: round(float(w), DECIMALS) for name, w in zip(vectorizer.feature_names_, model.coef_[0])
               if round(float(w), DECIMALS)}
    return weights, round(float(model.intercept_[0]), DECIMALS)


def probability(weights, intercept, names):
    """The model's probability for one proposal (as ``Classifier.probability``)."""
    from tracker.attribution.classifier import Classifier

    return Classifier(weights, intercept, 0.5).probability(names)


def held_out(rows, folds=FOLDS, c=C):
    """Each row's probability from a model trained on the other folds (articles split at random, seed 0)."""
    fold = lab.folds_of({row[0] for row in rows}, folds)
    judged = [0.0] * len(rows)
    for k in range(folds):
        weights, intercept = fit([r for r in rows if fold[r[0]] != k], c)
        for i, row in enumerate(rows):
            if fold[row[0]] == k:
                judged[i] = probability(weights, intercept, row[1])
        print(f"  fold {k + 1}/{folds} done", file=sys.stderr, flush=True)
    return judged


def figures(records, rows, keep):
    """The scorer's figures of the rows ``keep`` accepts, as the finder keeps them (``judged``)."""
    accepted = {row[4] for row, kept in zip(rows, keep) if kept}
    finally_kept = set(judged([row[4] for row in rows], lambda a: a in accepted))
    by_article = {}
    for row in rows:
        if row[4] in finally_kept:
            by_article.setdefault(row[0], []).append(row[3])
    return lab.corpus_figures(records, by_article)


def train(corpus, output=MODEL_PATH, folds=FOLDS, c=C):
    """Cross-validate, choose the threshold, train on all of ``corpus`` and write the model to ``output``."""
    records = lab.read_records(corpus)
    rows = proposals(lab.documents(corpus), {r["id"]: r["quotes"] for r in records})
    print(f"{len(rows)} proposals of the rules, {sum(r[2] for r in rows)} right")
    print(f"rules alone:           {lab.training_line(figures(records, rows, [True] * len(rows)))}")
    judged = held_out(rows, folds, c)
    scores = {}
    for threshold in THRESHOLDS:
        f = figures(records, rows, [p >= threshold for p in judged])
        print(f"held out, keep >= {threshold:.2f}: {lab.training_line(f)}")
        scores[threshold] = f["attribution_e2e"]["F1"]
    top = max(scores.values())
    best = next((t, f1) for t, f1 in sorted(scores.items()) if f1 >= round(top - TOLERANCE, 1))
    weights, intercept = fit(rows, c)
    model = {"source": f"trained on {Path(corpus).name} by scripts/train_attribution.py ({len(rows)} proposals; "
                       f"{folds}-fold held-out e2e F1 {best[1]:.1f} at threshold {best[0]:.2f})",
             "threshold": best[0], "intercept": intercept, "weights": dict(sorted(weights.items()))}
    Path(output).write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"threshold {best[0]:.2f}, {len(weights)} weights written to {output}")
    return model


def main(argv=None):
    parser = lab.training_parser(__doc__.split("\n\n")[0], MODEL_PATH, FOLDS)
    parser.add_argument("-C", type=float, default=C, help="inverse L2 strength")
    args = parser.parse_args(argv)
    train(args.corpus, args.output, args.folds, args.C)


if __name__ == "__main__":
    main()
