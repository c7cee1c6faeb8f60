"""The neural tagger: the CRF's job (``tagger.py``) on the parser's own word vectors.

A one-layer BiLSTM reads a sentence word by word: the embedded engine's 96-d tok2vec vector of the word
(``tracker.engine.vectors``), whether it is quoted, and learned embeddings of its lower-cased lemma (a name is
never learned: a proper noun or a word of a PERSON entity is its entity type), part of speech, relation, the
mark the rules put on it and the reporting verb above it (relation, depth, lemma; ``tagger._cue_above``). A
softmax gives each word one of the CRF's BIO labels, so the runs it tags become attributions exactly as the
CRF's do (``tagger.tagged_runs``). It is trained on PolNeAR train by ``scripts/train_neural_tagger.py`` and
shipped as ``tracker/data/attribution_neural.pt`` with its vocabularies and threshold in
``attribution_neural.json``. A document without vectors (``--engine stanza``) is tagged by the CRF.
"""

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy

from .tagger import _cue_above

NEURAL_PATH = Path(__file__).resolve().parent.parent / "data" / "attribution_neural.pt"
BIO_LABELS = ("O", "B-C", "I-C", "B-S", "I-S", "B-Q", "I-Q")
# what each symbol column of a word is, and the vocabulary (and embedding) it uses
COLUMNS = ("lemma", "upos", "deprel", "mark", "deprel", "depth", "lemma")
EMBEDDING = {"lemma": 32, "upos": 8, "deprel": 12, "mark": 4, "depth": 4}
MIN_COUNT = {"lemma": 3}  # a lemma seen fewer times in training is unknown (0); other symbols: once
HIDDEN = 96
NONE = "-"


def lemma_symbol(index, word):
    """The lower-cased lemma of ``word``, or for a name (a proper noun, a word of a PERSON entity or one
    capitalised inside a sentence, which catches the names the parser takes for nouns) its entity type, so that
    no name is learned."""
    types = [e.type for e in index.entities_overlapping(word.start_char, word.end_char)]
    capitalised = word.id > 1 and word.text[:1].isupper() and word.upos != "PRON"
    if "PERSON" in types or word.upos == "PROPN" or capitalised:
        return f"<{types[0] if types else 'PROPN'}>"
    return (word.lemma or word.text).lower()


def sentence_inputs(index, tree, marks):
    """``(floats, symbols)`` of the words of ``tree``: ``(n, width)`` float32 rows (the word's vector and
    whether it is quoted) and one tuple of symbols a word, in the order of ``COLUMNS``."""
    words = tree.words
    quoted = numpy.array([[index.in_quotation(w.start_char)] for w in words], dtype=numpy.float32)
    floats = numpy.hstack([index.sentence_vectors[tree.index], quoted])
    symbols = []
    for word, above in zip(words, _cue_above(words)):
        relation, depth, cue = above if above is not None else (NONE, NONE, NONE)
        symbols.append((lemma_symbol(index, word), word.upos or "X", word.deprel or "dep",
                        marks.get(word.start_char, "O"), relation, str(depth), cue))
    return floats, symbols


class Encoder:
    """The vocabularies of the symbol columns: symbol -> number, 0 for one never (or too rarely) seen."""

    def __init__(self, vocabularies):
        self.vocabularies = vocabularies
        self._numbers = {kind: {s: k + 1 for k, s in enumerate(v)} for kind, v in vocabularies.items()}

    @classmethod
    def from_training(cls, symbol_rows):
        """The encoder of the symbols seen in training (``symbol_rows``: lists of per-word symbol tuples)."""
        counts = {kind: Counter() for kind in EMBEDDING}
        for symbols in symbol_rows:
            for word in symbols:
                for kind, symbol in zip(COLUMNS, word):
                    counts[kind][symbol] += 1
        return cls({kind: sorted(s for s, n in c.items() if n >= MIN_COUNT.get(kind, 1))
                    for kind, c in counts.items()})

    def sizes(self):
        """``{kind: vocabulary size}``, the unknown slot included."""
        return {kind: len(v) + 1 for kind, v in self.vocabularies.items()}

    def encode(self, symbols):
        """``(n, len(COLUMNS))`` int64 numbers of one sentence's symbols."""
        return numpy.array([[self._numbers[kind].get(s, 0) for kind, s in zip(COLUMNS, word)] for word in symbols],
                           dtype=numpy.int64).reshape(len(symbols), len(COLUMNS))


def network(sizes, floats_width):
    """The BiLSTM: embeddings of the symbols next to the floats, one layer each way, a score per label."""
    import torch

    class BiLSTMTagger(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.embeddings = torch.nn.ModuleDict({kind: torch.nn.Embedding(sizes[kind], width)
                                                   for kind, width in EMBEDDING.items()})
            width = floats_width + sum(EMBEDDING[kind] for kind in COLUMNS)
            self.lstm = torch.nn.LSTM(width, HIDDEN, batch_first=True, bidirectional=True)
            self.out = torch.nn.Linear(2 * HIDDEN, len(BIO_LABELS))

        def forward(self, floats, codes, lengths):
            parts = [floats] + [self.embeddings[kind](codes[..., k]) for k, kind in enumerate(COLUMNS)]
            packed = torch.nn.utils.rnn.pack_padded_sequence(torch.cat(parts, -1), lengths, batch_first=True,
                                                             enforce_sorted=False)
            states, _ = self.lstm(packed)
            states, _ = torch.nn.utils.rnn.pad_packed_sequence(states, batch_first=True)
            return self.out(states)

    return BiLSTMTagger()


class NeuralTagger:
    """The BiLSTM with its encoder: ``tag(inputs)`` gives each word's label and its probability of being
    content, as the CRF's ``Tagger`` does; ``inputs`` makes a sentence's inputs."""

    inputs = staticmethod(sentence_inputs)

    def __init__(self, model, encoder, threshold):
        self.model = model.eval()
        self.encoder = encoder
        self.threshold = threshold

    def tag(self, inputs):
        """``(labels, content probabilities)`` of one sentence's ``(floats, symbols)``; the probability is
        given only for the words labelled content (0 elsewhere)."""
        import torch

        floats, symbols = inputs
        with torch.no_grad():
            scores = self.model(torch.from_numpy(floats)[None], torch.from_numpy(self.encoder.encode(symbols))[None],
                                torch.tensor([len(symbols)]))[0]
        probabilities = torch.softmax(scores, -1).numpy()
        labels = [BIO_LABELS[k] for k in probabilities.argmax(-1)]
        content = [float(p[1] + p[2]) if label.endswith("-C") else 0.0 for p, label in zip(probabilities, labels)]
        return labels, content


def save(tagger, path, settings):
    """Write ``tagger``'s weights to ``path`` and its vocabularies with ``settings`` next to it (.json)."""
    import torch

    torch.save(tagger.model.state_dict(), path)
    settings = dict(settings, vocabularies=tagger.encoder.vocabularies, threshold=tagger.threshold,
                    floats_width=tagger.model.lstm.input_size - sum(EMBEDDING[kind] for kind in COLUMNS))
    Path(path).with_suffix(".json").write_text(json.dumps(settings) + "\n", encoding="utf-8")


def load(path):
    """The ``NeuralTagger`` written by ``save`` at ``path``."""
    import torch

    # one thread: a sentence is too small to share out, and threads that spin while they wait took the cores
    # from each other (and from a second worker) - a run on PolNeAR dev once took 174 s instead of 9 s
    torch.set_num_threads(1)
    settings = json.loads(Path(path).with_suffix(".json").read_text(encoding="utf-8"))
    encoder = Encoder(settings["vocabularies"])
    model = network(encoder.sizes(), settings["floats_width"])
    model.load_state_dict(torch.load(path, weights_only=True))
    return NeuralTagger(model, encoder, settings["threshold"])


@lru_cache(maxsize=1)
def shipped_neural_tagger():
    """The neural tagger shipped with the package, or None when the package has none."""
    if not NEURAL_PATH.exists() or not NEURAL_PATH.with_suffix(".json").exists():
        return None
    return load(NEURAL_PATH)
