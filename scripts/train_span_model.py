"""Train the cue-conditioned span model (tracker/attribution/span_model.py) on PolNeAR train and write
tracker/data/attribution_spans.pt and its settings (attribution_spans.json).

    python scripts/attribution_lab.py parse ../shared/eval/polnear_train.jsonl   # once: parses and vectors
    python scripts/train_span_model.py ../shared/eval/polnear_train.jsonl [--epochs 3]

The cue scorer learns every word: 1 for the head of a gold cue (the word of the cue whose parent is outside
it), 0 elsewhere. The span tagger, trained after it, learns one window a gold cue, its words labelled by the
statements of that cue (source S, content C, BIO), and one window at each word the trained cue scorer proposes
that heads no cue, all O, whose "heads a statement" output is 0.

The figures printed are 5-fold cross-validation by article (``attribution_lab.folds_of``): each fold's
articles get the statements of a model trained on the other four, added to the rules' where the rules found
none, scored with the reference scorer's measures at every threshold. The threshold is the highest whose
held-out e2e F1 is within ``TOLERANCE`` of the best. The model written at the end is trained on the whole
split. Seeded: the same parses give the same model.
"""

import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # spinning OpenMP threads take the shared cores
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import attribution_lab as lab  # noqa: E402
import numpy  # noqa: E402
from tracker.attribution.finder import find_attributions  # noqa: E402
from tracker.attribution.span_model import (CUE_COLUMNS, SPAN_LABELS, SPAN_PATH,  # noqa: E402
                                            WORD_COLUMNS, ArticleInputs, Encoder, SpanModel, networks, laid_out,
                                            save, selected)
from tracker.document import ArticleIndex  # noqa: E402
from tracker.evaluate import source_spans  # noqa: E402

FOLDS = 5
SEED = 0
EPOCHS = 3
BATCH = 64
LEARNING_RATE = 2e-3
THREADS = 2
CUE_WEIGHT = 4.0  # a cue word weighs this much more than another in the cue scorer's loss: recall first
CUE_THRESHOLD = 0.1
THRESHOLDS = [t / 100 for t in range(20, 96, 5)]
TOLERANCE = 0.1  # points of held-out e2e F1


def gold_marks(quotes):
    """``{character offset: (label, statement number)}`` of the gold ``quotes``: C inside a content, S inside a
    source, Q inside a cue; a source or cue wins over a content."""
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


def cue_head(tree, spans):
    """Position (0-based) in ``tree`` of the head of a cue written at character ``spans``: its word whose
    parent is outside the cue (the first verb of those), or None when the cue is not in this sentence."""
    inside = [k for k, w in enumerate(tree.words) if any(a < w.end_char and w.start_char < b for a, b in spans)]
    ids = {tree.words[k].id for k in inside}
    heads = [k for k in inside if tree.words[k].head not in ids]
    verbs = [k for k in heads if tree.words[k].upos in ("VERB", "AUX")]
    return (verbs or heads or [None])[0]


def window_labels(index, places, quotes):
    """The BIO labels (numbers in ``SPAN_LABELS``) of a window's words (whole sentences) under the sources and
    contents of ``quotes`` (``bio_labels``); cues are O."""
    marks = {i: mark for i, mark in gold_marks(quotes).items() if mark[0] != "Q"}
    labels = [label for s in sorted({s for s, _ in places}) for label in bio_labels(index.trees[s], marks)]
    return [SPAN_LABELS.index(label) for label in labels]


def article_row(article, document, quotes):
    """``(id, index, rules' attributions, inputs, cue labels per sentence, cue windows)`` of one article: a cue
    window is ``(floats, symbols, cue row, labels, 1.0)``, one a gold cue."""
    index = ArticleIndex(document)
    found = find_attributions(index, span_model=None)
    inputs = ArticleInputs(index)
    by_cue = {}
    for quote in quotes:
        if quote.get("cue_start") is None:
            continue
        spans = quote.get("cue_spans") or [[quote["cue_start"], quote["cue_end"]]]
        s = index.sentence_of(spans[0][0])
        k = cue_head(index.trees[s], spans)
        if k is not None:
            by_cue.setdefault((s, k), []).append(quote)
    cue_labels = [[float((s, k) in by_cue) for k in range(len(tree.words))] for s, tree in enumerate(index.trees)]
    windows = []
    for (s, k), cued in sorted(by_cue.items()):
        floats, symbols, places = inputs.window(s, k)
        windows.append((floats, symbols, places.index((s, k)), window_labels(index, places, cued), 1.0))
    return article.id, index, found, inputs, cue_labels, windows


def person_words(rows):
    """The lower-cased words of every PERSON entity of ``rows``' articles: no lemma of the vocabulary, even
    where a name opens a sentence in lower-case company ("Trump" first in a sentence is neither a proper noun
    to the parser nor capitalised inside it)."""
    return {word.lower() for r in rows for entity in r[1].entities if entity.type == "PERSON"
            for word in entity.text.split()}


def negative_windows(model, row):
    """The windows of ``row``'s words that the cue scorer of ``model`` proposes (``CUE_THRESHOLD``) and that
    head no gold cue: all O, heading no statement. The span tagger thus learns to turn down the very
    candidates it will be shown."""
    _, _, _, inputs, cue_labels, _ = row
    windows = []
    for s, (probabilities, gold) in enumerate(zip(model.cue_probabilities(inputs), cue_labels)):
        for k in numpy.flatnonzero(probabilities >= CUE_THRESHOLD):
            if not gold[k]:
                floats, symbols, places = inputs.window(s, int(k))
                windows.append((floats, symbols, places.index((s, int(k))), [0] * len(places), 0.0))
    return windows


def rows_of(corpus):
    """The training rows of every article of ``corpus`` (``article_row``), seeded."""
    records = {r["id"]: r["quotes"] for r in lab.read_records(corpus)}
    rows, started = [], time.perf_counter()
    for article, document in lab.documents(corpus):
        rows.append(article_row(article, document, records[article.id]))
        if len(rows) % 100 == 0:
            print(f"  {len(rows)} articles read ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    return rows


def fit(rows, epochs=EPOCHS, seed=SEED, losses=None, batch=BATCH):
    """A ``SpanModel`` (threshold 0) trained on ``rows``: the cue scorer for ``epochs`` passes, then the span
    tagger for as many on the gold cues' windows and the scorer's false candidates (``negative_windows``),
    ``batch`` sentences or windows a step; each tagger epoch's mean window loss goes to ``losses``."""
    import torch

    torch.manual_seed(seed)
    columns = WORD_COLUMNS + CUE_COLUMNS
    words = Encoder.from_training([s for r in rows for s in r[3].symbols], WORD_COLUMNS)
    places = Encoder.from_training([w[1] for r in rows for w in r[5]], columns)
    names = person_words(rows)
    encoder = Encoder({kind: [s for s in (words if kind in WORD_COLUMNS else places).vocabularies[kind]
                              if kind != "lemma" or s not in names] for kind in columns})
    scorer, tagger = networks(encoder.sizes(), rows[0][3].floats[0].shape[1])
    model = SpanModel(scorer, tagger, encoder, CUE_THRESHOLD, threshold=0.0)
    sentences = [(f, encoder.encode(s, WORD_COLUMNS), torch.tensor(y))
                 for r in rows for f, s, y in zip(r[3].floats, r[3].symbols, r[4])]
    cue_loss = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(CUE_WEIGHT))
    optimizer = torch.optim.Adam(scorer.parameters(), lr=LEARNING_RATE)
    scorer.train()
    for epoch in range(epochs):
        random.Random(seed + epoch).shuffle(sentences)
        for k in range(0, len(sentences), batch):
            chunk = sentences[k:k + batch]
            optimizer.zero_grad()
            scores = scorer(torch.from_numpy(numpy.vstack([f for f, _, _ in chunk])),
                            torch.from_numpy(numpy.vstack([c for _, c, _ in chunk])))
            loss = cue_loss(scores, torch.cat([y for _, _, y in chunk]))
            loss.backward()
            optimizer.step()
    scorer.eval()
    windows = sorted(((f, encoder.encode(s, columns), cue, labels, heads) for r in rows
                      for f, s, cue, labels, heads in r[5] + negative_windows(model, r)), key=lambda w: len(w[3]))
    window_batches = [windows[k:k + batch] for k in range(0, len(windows), batch)]  # alike in length: fewer LSTM steps
    bce = torch.nn.BCEWithLogitsLoss()
    cross = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(tagger.parameters(), lr=LEARNING_RATE)
    tagger.train()
    for epoch in range(epochs):
        started, total = time.perf_counter(), 0.0
        random.Random(seed + epoch).shuffle(window_batches)
        for chunk in window_batches:
            optimizer.zero_grad()
            scores, heads = tagger(*laid_out([(f, c, cue) for f, c, cue, _, _ in chunk]))
            loss = (cross(scores, torch.tensor([label for w in chunk for label in w[3]]))
                    + bce(heads, torch.tensor([w[4] for w in chunk])))
            loss.backward()
            optimizer.step()
            total += loss.item() * len(chunk)
        if losses is not None:
            losses.append(total / len(windows))
        print(f"    epoch {epoch + 1}: {len(windows)} windows, loss {total / len(windows):.4f} "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    tagger.eval()
    return model


def held_out(rows, folds=FOLDS, epochs=EPOCHS):
    """``{article id: [(confidence, attribution)]}``: each article's scored statements by a model trained on
    the other folds."""
    fold = lab.folds_of({r[0] for r in rows}, folds)
    scored = {}
    for k in range(folds):
        model = fit([r for r in rows if fold[r[0]] != k], epochs)
        for aid, index, found, *_ in rows:
            if fold[aid] == k:
                scored[aid] = model.scored(index, found)
        print(f"  fold {k + 1}/{folds} done", file=sys.stderr, flush=True)
    return scored


def figures(records, rows, scored, threshold):
    """The scorer's figures of the rules' attributions with the model's added at ``threshold``."""
    predicted = {aid: [lab.prediction(a) for a in found + selected(scored.get(aid, []), found, threshold)]
                 for aid, _, found, *_ in rows}
    return lab.corpus_figures(records, predicted)


def cross_validated(corpus, folds=FOLDS, epochs=EPOCHS):
    """The rows of ``corpus`` and the threshold and held-out e2e F1 chosen by ``folds``-fold cross-validation,
    printing the held-out figures at every threshold."""
    records = lab.read_records(corpus)
    rows = rows_of(corpus)
    print(f"{sum(len(r[5]) for r in rows)} windows of {len(rows)} articles", flush=True)
    print(f"rules alone:          {lab.training_line(figures(records, rows, {}, 1.0))}", flush=True)
    scored = held_out(rows, folds, epochs)
    print(f"{sum(len(v) for v in scored.values())} candidate statements held out", flush=True)
    return rows, lab.chosen_threshold(THRESHOLDS, lambda t: figures(records, rows, scored, t), TOLERANCE)


def train(corpus, output=SPAN_PATH, folds=FOLDS, epochs=EPOCHS, threshold=None):
    """Cross-validate and choose the threshold (unless ``threshold`` is given: one chosen before), train on all
    of ``corpus`` and write the model to ``output``."""
    import torch

    torch.set_num_threads(THREADS)
    started = time.perf_counter()
    if threshold is None:
        rows, (threshold, f1) = cross_validated(corpus, folds, epochs)
        how = f"{folds}-fold held-out e2e F1 {f1:.1f} at threshold {threshold:.2f}"
    else:
        rows, f1 = rows_of(corpus), None
        how = f"threshold {threshold:.2f} given"
    model = fit(rows, epochs)
    model.threshold = threshold
    settings = {"source": f"trained on {Path(corpus).name} by scripts/train_span_model.py ({len(rows)} articles, "
                          f"{epochs} epochs; {how})", "cv_e2e_f1": f1, "folds": folds, "epochs": epochs, "seed": SEED}
    save(model, output, settings)
    print(f"threshold {threshold:.2f}, model written to {output} ({time.perf_counter() - started:.0f} s in all)")
    return settings


def main(argv=None):
    parser = lab.training_parser(__doc__.split("\n\n")[0], SPAN_PATH, FOLDS)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--threshold", type=float, help="skip the cross-validation and keep this threshold")
    args = parser.parse_args(argv)
    train(args.corpus, args.output, args.folds, args.epochs, args.threshold)


if __name__ == "__main__":
    main()
