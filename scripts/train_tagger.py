"""Train the tagger of what the rules miss (tracker/attribution/tagger.py) on PolNeAR train and write
tracker/data/attribution_tagger.crfsuite and its threshold (attribution_tagger.json).

    python scripts/attribution_lab.py parse ../shared/eval/polnear_train.jsonl   # once: keeps the parses
    python scripts/train_tagger.py ../shared/eval/polnear_train.jsonl

Every word of every sentence is labelled by the gold in BIO form: C inside a statement's content, S inside its
source, Q inside its cue (a source or cue inside a content wins), O elsewhere. Its features are the tagger's
own (``sentence_features``), read against the judged attributions of the rules without the tagger. The figures
printed are 5-fold cross-validation by article (``attribution_lab.folds_of``, the folds of
``train_attribution.py``): each fold's sentences are tagged by a CRF trained on the other four, and its new
attributions are added to the rules' and scored with the reference scorer's measures. The threshold is the
highest confidence whose held-out end-to-end F1 is within ``TOLERANCE`` of the best: what the tagger adds no
rule vouches for, so of two thresholds that score alike the one that adds less is kept. The model written at
the end is trained on the whole split.

Needs python-crfsuite, which the package depends on to tag.
"""

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import attribution_lab as lab  # noqa: E402
from tracker.attribution.finder import find_attributions  # noqa: E402
from tracker.attribution.tagger import TAGGER_PATH, Tagger, rule_marks, sentence_features, tagged_runs  # noqa: E402
from tracker.document import ArticleIndex  # noqa: E402
from tracker.evaluate import source_spans  # noqa: E402

FOLDS = 5
C1, C2 = 0.2, 0.01  # L1 and L2 strength; L1 keeps the model small
MIN_FREQ = 5  # a feature must occur this often to be kept
ITERATIONS = 60
THRESHOLDS = [t / 100 for t in range(50, 96, 5)]
TOLERANCE = 0.1  # points of held-out e2e F1


def gold_marks(quotes):
    """``{character offset: (label, statement number)}`` of the gold ``quotes``; a source or cue wins over a
    content."""
    marks = {}
    for k, quote in enumerate(quotes):
        for start, end in quote["spans"]:
            marks.update((i, ("C", k)) for i in range(start, end))
    for k, quote in enumerate(quotes):
        cues = [[quote["cue_start"], quote["cue_end"]]] if quote.get("cue_start") is not None else []
        for label, spans in (("S", source_spans(quote)), ("Q", cues)):
            for start, end in spans:
                marks.update((i, (label, k)) for i in range(start, end))
    return marks


def bio_labels(tree, marks):
    """The BIO labels of the words of ``tree`` under gold ``marks``."""
    labels, previous = [], None
    for word in tree.words:
        mark = next((marks[i] for i in range(word.start_char, word.end_char) if i in marks), None)
        labels.append("O" if mark is None else ("I-" if mark == previous else "B-") + mark[0])
        previous = mark
    return labels


def articles(pairs, gold, inputs=sentence_features):
    """``[(article id, index, attributions of the rules, [(inputs, labels)])]`` of annotated ``pairs``, each
    sentence's inputs made by ``inputs`` (default: the CRF's features)."""
    rows = []
    for article, document in pairs:
        index = ArticleIndex(document)
        found = find_attributions(index, tagger=None, span_model=None)
        marks, gold_at = rule_marks(found), gold_marks(gold[article.id])
        sentences = [(inputs(index, tree, marks), bio_labels(tree, gold_at)) for tree in index.trees]
        rows.append((article.id, index, found, sentences))
    return rows


def fit(rows, path):
    """Train a CRF on the sentences of ``rows`` and write it to ``path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for _, _, _, sentences in rows:
        for features, labels in sentences:
            trainer.append(pycrfsuite.ItemSequence(features), labels)
    trainer.set_params({"c1": C1, "c2": C2, "max_iterations": ITERATIONS, "feature.minfreq": MIN_FREQ,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def crf_tagger(rows):
    """A CRF trained on ``rows``, with no threshold."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fold.crfsuite"
        fit(rows, path)
        return Tagger(path, threshold=0.0)


def held_out(rows, folds=FOLDS, trained=crf_tagger):
    """``{article id: [(confidence, attribution)]}``: each article's tagged runs by a tagger trained (by
    ``trained``, from rows) on the other folds (``attribution_lab.folds_of``)."""
    fold = lab.folds_of({r[0] for r in rows}, folds)
    runs = {}
    for k in range(folds):
        tagger = trained([r for r in rows if fold[r[0]] != k])
        for aid, index, found, _ in rows:
            if fold[aid] == k:
                runs[aid] = tagged_runs(index, found, tagger)
        print(f"  fold {k + 1}/{folds} done", file=sys.stderr, flush=True)
    return runs


def figures(records, rows, runs, threshold):
    """The scorer's figures of the rules' attributions with the tagged runs at ``threshold`` or above."""
    predicted = {aid: [lab.prediction(a) for a in found]
                 + [lab.prediction(a) for confidence, a in runs.get(aid, []) if confidence >= threshold]
                 for aid, _, found, _ in rows}
    return lab.corpus_figures(records, predicted)


def cross_validated(corpus, folds=FOLDS, inputs=sentence_features, trained=crf_tagger):
    """The rows of ``corpus`` (``articles``) and the threshold and held-out e2e F1 chosen by ``folds``-fold
    cross-validation of the taggers ``trained`` makes, printing the held-out figures at every threshold."""
    records = lab.read_records(corpus)
    rows = articles(lab.documents(corpus), {r["id"]: r["quotes"] for r in records}, inputs)
    print(f"{sum(len(r[3]) for r in rows)} sentences of {len(rows)} articles", flush=True)
    print(f"rules alone:          {lab.training_line(figures(records, rows, {}, 1.0))}", flush=True)
    runs = held_out(rows, folds, trained)
    return rows, lab.chosen_threshold(THRESHOLDS, lambda t: figures(records, rows, runs, t), TOLERANCE)


def train(corpus, output=TAGGER_PATH, folds=FOLDS):
    """Cross-validate, choose the threshold, train on all of ``corpus`` and write the model to ``output``."""
    rows, best = cross_validated(corpus, folds)
    fit(rows, output)
    settings = {"source": f"trained on {Path(corpus).name} by scripts/train_tagger.py ({len(rows)} articles; "
                          f"{folds}-fold held-out e2e F1 {best[1]:.1f} at threshold {best[0]:.2f})",
                "threshold": best[0]}
    Path(output).with_suffix(".json").write_text(json.dumps(settings) + "\n", encoding="utf-8")
    print(f"threshold {best[0]:.2f}, model written to {output}")
    return settings


def main(argv=None):
    args = lab.training_parser(__doc__.split("\n\n")[0], TAGGER_PATH, FOLDS).parse_args(argv)
    train(args.corpus, args.output, args.folds)


if __name__ == "__main__":
    main()
