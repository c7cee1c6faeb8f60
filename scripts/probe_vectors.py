"""Probe: can a small BiLSTM on the parser's own word vectors tag content, source and cue words?

    python scripts/attribution_lab.py parse ../shared/eval/polnear_train.jsonl   # once: parses and vectors
    python scripts/probe_vectors.py ../shared/eval/polnear_train.jsonl [--crf] [--epochs 2]

Every word is labelled by the gold as ``train_tagger.py`` labels it (``gold_marks``, ``bio_labels``), without
the B/I split: content, source, cue or none. A word's features are its 96 tok2vec floats
(``tracker.engine.vectors``), its part of speech and relation (one-hot) and the mark the rules put on it
(``tagger.rule_marks``); never the word itself. A one-layer BiLSTM reads each sentence; it is trained on folds
1-4 of ``attribution_lab.folds_of`` and scored on fold 0 (per-label token P/R/F1). ``--crf`` also trains the
shipped tagger's CRF (``train_tagger.fit``) on the same folds and scores it the same way. Nothing is written:
this measures, it ships no model.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

# OpenMP threads that spin while they wait take the shared cores from each other: one batch took ~6 s instead
# of ~0.05 s under load; set before torch is imported
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy  # noqa: E402

import attribution_lab as lab  # noqa: E402
import train_tagger  # noqa: E402
from tracker.attribution.tagger import Tagger, rule_marks  # noqa: E402
from tracker.engine.vectors import word_vectors  # noqa: E402

LABELS = ("none", "content", "source", "cue")
LABEL_OF_MARK = {"O": "none", "C": "content", "S": "source", "Q": "cue"}
MARKS = ("O", "C", "S", "Q")
FOLDS, TEST_FOLD = 5, 0
SEED = 0
HIDDEN = 96
EPOCHS = 6
BATCH = 32
LEARNING_RATE = 2e-3
THREADS = 2


def plain(label):
    """``content`` / ``source`` / ``cue`` / ``none`` of a BIO label."""
    return LABEL_OF_MARK[label[-1]]


class Sentence:
    """One sentence's word vectors, parts of speech, relations, rule marks and gold labels."""

    def __init__(self, article_id, vectors, words, marks, labels):
        self.article_id = article_id
        self.vectors = vectors
        self.upos = [w.upos or "X" for w in words]
        self.deprels = [w.deprel or "dep" for w in words]
        self.marks = [marks.get(w.start_char, "O") for w in words]
        self.labels = [LABELS.index(plain(label)) for label in labels]


def sentences_of(rows, pairs):
    """The ``Sentence``s of ``train_tagger.articles`` ``rows`` with the vectors of their documents ``pairs``."""
    vectors_of = {article.id: word_vectors(document) for article, document in pairs}
    out = []
    for aid, index, found, tagged in rows:
        vectors, marks, offset = vectors_of[aid], rule_marks(found), 0
        if vectors is None:
            sys.exit("the kept parses have no word vectors: run `attribution_lab.py parse` again")
        for tree, (_, labels) in zip(index.trees, tagged):
            n = len(tree.words)
            out.append(Sentence(aid, vectors[offset:offset + n], tree.words, marks, labels))
            offset += n
    return out


class Encoder:
    """The one-hot vocabularies (seen in training; one slot for the unseen) and the feature matrix of a
    sentence."""

    def __init__(self, training):
        self.upos = {v: k for k, v in enumerate(sorted({u for s in training for u in s.upos}))}
        self.deprels = {v: k for k, v in enumerate(sorted({d for s in training for d in s.deprels}))}
        self.width = 96 + len(self.upos) + 1 + len(self.deprels) + 1 + len(MARKS)

    def features(self, sentence):
        """``(n_words, width)`` float32 features of ``sentence``."""
        n, base = len(sentence.labels), sentence.vectors.shape[1]
        out = numpy.zeros((n, self.width), dtype=numpy.float32)
        out[:, :base] = sentence.vectors
        rows = numpy.arange(n)
        upos = [self.upos.get(u, len(self.upos)) for u in sentence.upos]
        deprels = [self.deprels.get(d, len(self.deprels)) for d in sentence.deprels]
        out[rows, base + numpy.array(upos)] = 1
        base += len(self.upos) + 1
        out[rows, base + numpy.array(deprels)] = 1
        base += len(self.deprels) + 1
        out[rows, base + numpy.array([MARKS.index(m) for m in sentence.marks])] = 1
        return out


def make_model(width):
    """A one-layer BiLSTM and a linear layer over its states: one score per label per word."""
    import torch

    class BiLSTMTagger(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = torch.nn.LSTM(width, HIDDEN, batch_first=True, bidirectional=True)
            self.out = torch.nn.Linear(2 * HIDDEN, len(LABELS))

        def forward(self, features, lengths):
            packed = torch.nn.utils.rnn.pack_padded_sequence(features, lengths, batch_first=True,
                                                             enforce_sorted=False)
            states, _ = self.lstm(packed)
            states, _ = torch.nn.utils.rnn.pad_packed_sequence(states, batch_first=True)
            return self.out(states)

    return BiLSTMTagger()


def batches(items, size):
    """``(features, lengths, labels)`` tensors of ``items`` (``(features, labels)`` pairs), ``size`` at a time."""
    import torch

    for k in range(0, len(items), size):
        chunk = items[k:k + size]
        lengths = torch.tensor([len(labels) for _, labels in chunk])
        features = torch.nn.utils.rnn.pad_sequence([torch.from_numpy(f) for f, _ in chunk], batch_first=True)
        labels = torch.nn.utils.rnn.pad_sequence([torch.tensor(y) for _, y in chunk], batch_first=True,
                                                 padding_value=-100)
        yield features, lengths, labels


def train_lstm(items, width, epochs=EPOCHS):
    """A BiLSTM trained on ``items`` for ``epochs`` epochs (seeded), printing each epoch's loss and time."""
    import torch

    torch.manual_seed(SEED)
    model = make_model(width)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    loss_of = torch.nn.CrossEntropyLoss(ignore_index=-100)
    order = list(items)
    for epoch in range(epochs):
        random.Random(SEED + epoch).shuffle(order)
        model.train()
        started, total = time.perf_counter(), 0.0
        for features, lengths, labels in batches(order, BATCH):
            optimizer.zero_grad()
            scores = model(features, lengths)
            loss = loss_of(scores.reshape(-1, len(LABELS)), labels[:, :scores.shape[1]].reshape(-1))
            loss.backward()
            optimizer.step()
            total += loss.item() * len(lengths)
        print(f"  epoch {epoch + 1}: loss {total / len(order):.4f} ({time.perf_counter() - started:.0f} s)",
              file=sys.stderr, flush=True)
    return model


def tag_lstm(model, items):
    """The predicted label numbers of ``items``, one list per sentence."""
    import torch

    model.eval()
    predicted = []
    with torch.no_grad():
        for features, lengths, _ in batches(items, 256):
            best = model(features, lengths).argmax(-1)
            predicted.extend(best[k, :n].tolist() for k, n in enumerate(lengths.tolist()))
    return predicted


def token_scores(gold, predicted):
    """``{label: (P, R, F1)}`` in percent over the words of every sentence (label numbers)."""
    gold = numpy.concatenate([numpy.asarray(g) for g in gold])
    predicted = numpy.concatenate([numpy.asarray(p) for p in predicted])
    scores = {}
    for k, label in enumerate(LABELS):
        tp = int(((gold == k) & (predicted == k)).sum())
        p = tp / max(int((predicted == k).sum()), 1)
        r = tp / max(int((gold == k).sum()), 1)
        scores[label] = (100 * p, 100 * r, 200 * p * r / (p + r) if p + r else 0.0)
    return scores


def score_line(name, scores):
    """One model's per-label P/R/F1 on one line."""
    return f"{name:7s} " + " | ".join(f"{label} P {p:.1f} R {r:.1f} F1 {f:.1f}"
                                        for label, (p, r, f) in scores.items())


def crf_tags(rows, test_ids):
    """The label numbers the tagger's CRF, trained on the rows not in ``test_ids``, gives the test sentences."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "probe.crfsuite"
        train_tagger.fit([r for r in rows if r[0] not in test_ids], path)
        tagger = Tagger(path, threshold=0.0)
        return [[LABELS.index(plain(label)) for label in tagger.tag(features)[0]]
                for aid, _, _, tagged in rows if aid in test_ids for features, _ in tagged]


def probe(corpus, with_crf=False, epochs=EPOCHS):
    """Train the BiLSTM on folds 1-4 of ``corpus``, score it (and with ``with_crf`` the CRF) on fold 0."""
    import torch

    torch.set_num_threads(THREADS)
    records = lab.read_records(corpus)
    pairs = lab.documents(corpus)
    started = time.perf_counter()
    rows = train_tagger.articles(pairs, {r["id"]: r["quotes"] for r in records})
    sentences = sentences_of(rows, pairs)
    fold = lab.folds_of({r[0] for r in rows}, FOLDS)
    test_ids = {aid for aid, k in fold.items() if k == TEST_FOLD}
    training = [s for s in sentences if s.article_id not in test_ids]
    test = [s for s in sentences if s.article_id in test_ids]
    encoder = Encoder(training)
    train_items = [(encoder.features(s), s.labels) for s in training]
    print(f"{len(training)} training sentences ({sum(len(s.labels) for s in training)} words), {len(test)} test "
          f"sentences ({sum(len(s.labels) for s in test)} words), {encoder.width} features a word; features "
          f"built in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    model = train_lstm(train_items, encoder.width, epochs)
    print(f"BiLSTM trained in {time.perf_counter() - started:.0f} s ({epochs} epochs, {THREADS} threads)")
    started = time.perf_counter()
    test_items = [(encoder.features(s), s.labels) for s in test]
    predicted = tag_lstm(model, test_items)
    seconds = time.perf_counter() - started
    words = sum(len(s.labels) for s in test)
    print(f"BiLSTM inference: {words} words in {seconds:.1f} s ({words / seconds:.0f} words/s, features included)")
    gold = [s.labels for s in test]
    print(score_line("BiLSTM", token_scores(gold, predicted)))
    if with_crf:
        started = time.perf_counter()
        crf = crf_tags(rows, test_ids)
        print(f"CRF trained and tagged in {time.perf_counter() - started:.0f} s")
        print(score_line("CRF", token_scores(gold, crf)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="gold JSONL whose parses attribution_lab.py has kept")
    parser.add_argument("--crf", action="store_true", help="also score the tagger's CRF on the same folds")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    args = parser.parse_args(argv)
    probe(args.corpus, args.crf, args.epochs)


if __name__ == "__main__":
    main()
