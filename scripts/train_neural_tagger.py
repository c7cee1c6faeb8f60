"""Train the neural tagger (tracker/attribution/neural.py) on PolNeAR train and write
tracker/data/attribution_neural.pt and its settings (attribution_neural.json).

    python scripts/attribution_lab.py parse ../shared/eval/polnear_train.jsonl   # once: parses and vectors
    python scripts/train_neural_tagger.py ../shared/eval/polnear_train.jsonl [--epochs 5]

The words are labelled as ``train_tagger.py`` labels them for the CRF (BIO over content, source and cue) and the
cross-validation, threshold choice and figures are that script's (``train_tagger.cross_validated``): 5 folds by
article (``attribution_lab.folds_of``), each fold's new attributions added to the rules' and scored with the
reference scorer's measures. The model written at the end is trained on the whole split. Seeded: the same
parses give the same model. Needs torch (which stanza brings).
"""

import os
import random
import sys
import time
from pathlib import Path

# OpenMP threads that spin while they wait take the shared cores from each other; set before torch is imported
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import attribution_lab as lab  # noqa: E402
import train_tagger  # noqa: E402
from tracker.attribution.neural import (BIO_LABELS, NEURAL_PATH, Encoder, NeuralTagger, network, save,  # noqa: E402
                                        sentence_inputs)

FOLDS = 5
SEED = 0
EPOCHS = 4  # what 5-fold cross-validation on 2 shared cores affords (~1.5 min an epoch)
BATCH = 64
LEARNING_RATE = 2e-3
THREADS = 2


def batches(items, size):
    """``(floats, codes, lengths, labels)`` tensors of ``items`` (``(floats, codes, labels)``), ``size`` at a
    time; padded labels are -100, which the loss ignores."""
    import torch

    pad = torch.nn.utils.rnn.pad_sequence
    for k in range(0, len(items), size):
        chunk = items[k:k + size]
        yield (pad([torch.from_numpy(f) for f, _, _ in chunk], batch_first=True),
               pad([torch.from_numpy(c) for _, c, _ in chunk], batch_first=True),
               torch.tensor([len(y) for _, _, y in chunk]),
               pad([torch.tensor(y) for _, _, y in chunk], batch_first=True, padding_value=-100))


def fit(rows, epochs=EPOCHS, seed=SEED, losses=None, batch=BATCH):
    """A ``NeuralTagger`` (threshold 0) trained on the sentences of ``rows`` (``train_tagger.articles`` made
    with ``sentence_inputs``) for ``epochs`` passes of ``batch`` sentences a step; each pass's mean loss is
    appended to ``losses``."""
    import torch

    torch.manual_seed(seed)
    sentences = [s for _, _, _, row in rows for s in row]
    encoder = Encoder.from_training(symbols for (_, symbols), _ in sentences)
    items = [(floats, encoder.encode(symbols), [BIO_LABELS.index(label) for label in labels])
             for (floats, symbols), labels in sentences]
    model = network(encoder.sizes(), items[0][0].shape[1])
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    loss_of = torch.nn.CrossEntropyLoss(ignore_index=-100)
    for epoch in range(epochs):
        random.Random(seed + epoch).shuffle(items)
        model.train()
        started, total = time.perf_counter(), 0.0
        for floats, codes, lengths, labels in batches(items, batch):
            optimizer.zero_grad()
            scores = model(floats, codes, lengths)
            loss = loss_of(scores.reshape(-1, len(BIO_LABELS)), labels[:, :scores.shape[1]].reshape(-1))
            loss.backward()
            optimizer.step()
            total += loss.item() * len(lengths)
        if losses is not None:
            losses.append(total / len(items))
        print(f"    epoch {epoch + 1}: loss {total / len(items):.4f} ({time.perf_counter() - started:.0f} s)",
              file=sys.stderr, flush=True)
    return NeuralTagger(model, encoder, threshold=0.0)


def train(corpus, output=NEURAL_PATH, folds=FOLDS, epochs=EPOCHS):
    """Cross-validate, choose the threshold, train on all of ``corpus`` and write the model to ``output``."""
    import torch

    torch.set_num_threads(THREADS)
    started = time.perf_counter()
    rows, best = train_tagger.cross_validated(corpus, folds, sentence_inputs, lambda rows: fit(rows, epochs))
    tagger = fit(rows, epochs)
    tagger.threshold = best[0]
    settings = {"source": f"trained on {Path(corpus).name} by scripts/train_neural_tagger.py ({len(rows)} "
                          f"articles, {epochs} epochs; {folds}-fold held-out e2e F1 {best[1]:.1f} at threshold "
                          f"{best[0]:.2f})",
                "cv_e2e_f1": best[1], "folds": folds, "epochs": epochs, "seed": SEED}
    save(tagger, output, settings)
    print(f"threshold {best[0]:.2f}, model written to {output} ({time.perf_counter() - started:.0f} s in all)")
    return settings


def main(argv=None):
    parser = lab.training_parser(__doc__.split("\n\n")[0], NEURAL_PATH, FOLDS)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    args = parser.parse_args(argv)
    train(args.corpus, args.output, args.folds, args.epochs)


if __name__ == "__main__":
    main()
