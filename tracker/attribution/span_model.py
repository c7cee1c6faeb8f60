"""The cue-conditioned span model: statements found from their cue, learned from PolNeAR train.

Two small torch networks read the parser's own word vectors (``tracker.engine.vectors``: the embedded engine's
96-d tok2vec output) and the parse:

- the **cue scorer** gives every word its probability of being the head of a cue (a reporting verb, "according
  to", a noun such as "claim", or any word the data makes a cue: "voted", "pledged");
- the **span tagger**, as in semantic role labelling, reads one candidate cue at a time with the sentence it
  is in (and ``WINDOW`` sentences each side: 0 ships, as one each side makes every window three times as
  long), and labels each of those words O, source (S) or content (C) in BIO form; a second output, read at
  the cue, is the probability that the cue heads a statement at all.

A word's inputs: its vector, whether it is quoted, and learned embeddings of its lemma (a name is never
learned: a proper noun or a word of an entity is its entity type), part of speech, relation, and where it
stands from the cue: words between (bucketed), sentence before/same/after, and the tree
path (the cue itself, below it through which relation, above it, or beside it under which relation of the
cue's); nothing the rules found, so that the model learns the cues the rules miss as well as those they find.
Where the rules found no statement at a cue, the model's confident statements are added
(``SpanModel.statements``); the rules stay where they are exact (quotations, layouts, speakers). Trained by
``scripts/train_span_model.py``; shipped as ``tracker/data/attribution_spans.pt`` with its vocabularies and
thresholds in ``attribution_spans.json``. A document without vectors (``--engine stanza``) gets none.
"""

import bisect
import json
from collections import Counter
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy

from ..engine.vectors import word_vectors
from .intervals import Intervals
from .lexicon import EDGE_PUNCT, RAISING
from .mentions import _cue_mention
from .quotations import kind_of
from .records import Attribution, Mention
from .verbs import is_shown_by_a_thing

SPAN_PATH = Path(__file__).resolve().parent.parent / "data" / "attribution_spans.pt"
SPAN_LABELS = ("O", "B-S", "I-S", "B-C", "I-C")
WORD_COLUMNS = ("lemma", "upos", "deprel")  # what the cue scorer reads of a word
CUE_COLUMNS = ("offset", "side", "path")  # what the span tagger reads more: where the word stands from the cue
EMBEDDING = {"lemma": 32, "upos": 8, "deprel": 12, "offset": 8, "side": 4, "path": 16}
MIN_COUNT = {"lemma": 3, "path": 3}  # a symbol seen fewer times in training is unknown (0); others: once
HIDDEN = 96
WINDOW = 0  # sentences each side of the cue's
NAMING_TAGS = {"NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"}  # a source run names someone by a word of these
OFFSET_BUCKETS = (0, 1, 2, 3, 5, 8, 12, 20, 35)
NOUN_MODIFIERS = {"det", "amod", "compound", "nummod", "nmod:poss"}  # a content ending on one is cut before its noun
PHRASE_OPENERS = NOUN_MODIFIERS | {"case", "mark", "aux"}  # ... or before what it introduces


def lemma_symbol(index, word, entities):
    """The lower-cased lemma of ``word``, or for a name (a proper noun, a word of an entity or one capitalised
    inside a sentence, which catches the names the parser takes for nouns) its entity type: no name is
    learned."""
    capitalised = word.id > 1 and word.text[:1].isupper() and word.upos != "PRON"
    if entities or word.upos == "PROPN" or capitalised:
        return f"<{entities[0] if entities else 'PROPN'}>"
    return (word.lemma or word.text).lower()


class ArticleInputs:
    """What both networks read of one article, made once: per sentence, the float rows (vector, quoted) and
    the word symbols (``WORD_COLUMNS``)."""

    def __init__(self, index):
        self.index = index
        vectors = word_vectors(index.document)
        quoted = numpy.fromiter(chain.from_iterable(map(index.quoted_words, index.trees)), dtype=numpy.float32,
                                count=len(vectors))
        floats = numpy.hstack([vectors, quoted[:, None]]).astype(numpy.float32, copy=False)  # all rows at once
        self.floats = numpy.split(floats, numpy.cumsum([len(tree.words) for tree in index.trees])[:-1])
        self.symbols = []
        for tree in index.trees:
            named = bool(index.entities_overlapping(tree.start, tree.end))  # else no word is in an entity
            self.symbols.append([(lemma_symbol(index, w, [e.type for e in index.entities_overlapping(
                w.start_char, w.end_char)] if named else []), w.upos or "X", w.deprel or "dep") for w in tree.words])

    def window(self, sentence, cue):
        """``(floats, symbols, places)`` of the window around word ``cue`` (0-based) of ``sentence``: the
        words of the sentences ``WINDOW`` each side, each with the symbols of ``CUE_COLUMNS`` added, and
        ``places`` the ``(sentence, word position)`` of each row."""
        first, last = max(0, sentence - WINDOW), min(len(self.floats) - 1, sentence + WINDOW)
        paths = cue_paths(self.index.trees[sentence], cue)
        floats, symbols, places = [], [], []
        at = sum(len(self.symbols[s]) for s in range(first, sentence)) + cue
        for s in range(first, last + 1):
            floats.append(self.floats[s])
            for i, word in enumerate(self.symbols[s]):
                side = "same" if s == sentence else ("before" if s < sentence else "after")
                distance = len(places) - at
                symbols.append(word + (offset_symbol(distance), side, paths[i] if s == sentence else "-"))
                places.append((s, i))
        return numpy.vstack(floats), symbols, places


@lru_cache(maxsize=None)
def offset_symbol(distance):
    """The bucket of a signed distance in words from the cue ("+3", "-8", "0")."""
    size = OFFSET_BUCKETS[bisect.bisect_right(OFFSET_BUCKETS, abs(distance)) - 1]
    return ("-" if distance < 0 else "+") + str(size) if size else "0"


def cue_paths(tree, cue):
    """For each word of a sentence (a ``SentenceTree``), how the tree joins it to word ``cue`` (0-based): "CUE",
    "below:<relation of the cue's dependent it is under>", "above" (the cue's ancestors), or "beside:<the cue's
    relation>"."""
    words = tree.words
    paths = [f"beside:{words[cue].deprel}"] * len(words)
    i = cue
    while words[i].head:
        i = words[i].head - 1
        paths[i] = "above"
    paths[cue] = "CUE"
    for dependent in tree.kids(words[cue]):
        below, todo = f"below:{dependent.deprel}", [dependent]
        while todo:
            word = todo.pop()
            paths[word.id - 1] = below
            todo.extend(tree.children.get(word.id, ()))
    return paths


class Encoder:
    """The vocabularies of the symbol columns: symbol -> number, 0 for one never (or too rarely) seen."""

    def __init__(self, vocabularies):
        self.vocabularies = vocabularies
        self._numbers = {kind: {s: k + 1 for k, s in enumerate(v)} for kind, v in vocabularies.items()}

    @classmethod
    def from_training(cls, symbol_rows, columns):
        """The encoder of the symbols of ``columns`` seen in ``symbol_rows`` (lists of per-word tuples)."""
        counts = {kind: Counter() for kind in columns}
        for symbols in symbol_rows:
            for word in symbols:
                for kind, symbol in zip(columns, word):
                    counts[kind][symbol] += 1
        return cls({kind: sorted(s for s, n in c.items() if n >= MIN_COUNT.get(kind, 1))
                    for kind, c in counts.items()})

    def sizes(self):
        """``{kind: vocabulary size}``, the unknown slot included."""
        return {kind: len(v) + 1 for kind, v in self.vocabularies.items()}

    def encode(self, symbols, columns):
        """``(n, len(columns))`` int64 numbers of the per-word symbol tuples ``symbols``."""
        codes = numpy.zeros((len(symbols), len(columns)), dtype=numpy.int64)
        for k, kind in enumerate(columns):
            numbers = self._numbers[kind]
            codes[:, k] = [numbers.get(word[k], 0) for word in symbols]
        return codes


def networks(sizes, floats_width):
    """``(cue scorer, span tagger)``: the torch modules, untrained."""
    import torch

    def embeddings(columns):
        return torch.nn.ModuleDict({kind: torch.nn.Embedding(sizes[kind], EMBEDDING[kind]) for kind in columns})

    def embedded(modules, floats, codes, columns):
        return torch.cat([floats] + [modules[kind](codes[..., k]) for k, kind in enumerate(columns)], -1)

    class CueScorer(torch.nn.Module):
        """A word's probability of heading a cue, from the word alone (its vector is already contextual)."""

        def __init__(self):
            super().__init__()
            self.embeddings = embeddings(WORD_COLUMNS)
            width = floats_width + sum(EMBEDDING[kind] for kind in WORD_COLUMNS)
            self.hidden = torch.nn.Sequential(torch.nn.Linear(width, HIDDEN), torch.nn.ReLU(),
                                              torch.nn.Linear(HIDDEN, 1))

        def forward(self, floats, codes):
            return self.hidden(embedded(self.embeddings, floats, codes, WORD_COLUMNS))[..., 0]

    class SpanTagger(torch.nn.Module):
        """A BiLSTM over a cue's window: a label score per word, and at the cue whether it heads a statement."""

        def __init__(self):
            super().__init__()
            self.columns = WORD_COLUMNS + CUE_COLUMNS
            self.embeddings = embeddings(self.columns)
            width = floats_width + sum(EMBEDDING[kind] for kind in self.columns)
            self.lstm = torch.nn.LSTM(width, HIDDEN, batch_first=True, bidirectional=True)
            self.labels = torch.nn.Linear(2 * HIDDEN, len(SPAN_LABELS))
            self.heads = torch.nn.Linear(2 * HIDDEN, 1)

        def forward(self, floats, codes, lengths, cues):
            """``(label scores, heads scores)`` of windows laid end to end (``laid_out``): a row of label
            scores per word, a heads score per window. The LSTM reads them packed (no padding), the longest
            window first, as ``pack_padded_sequence`` orders them."""
            rows, batch_sizes, sorted_indices = packed_order(lengths)
            packed = torch.nn.utils.rnn.PackedSequence(embedded(self.embeddings, floats, codes, self.columns)[rows],
                                                       batch_sizes, sorted_indices)
            states = self.lstm(packed)[0].data[torch.argsort(rows)]  # laid out again
            return self.labels(states), self.heads(states[cues])[:, 0]

    return CueScorer(), SpanTagger()


def laid_out(windows):
    """``(floats, codes, lengths, cue rows)`` of ``(floats, codes, cue)`` windows laid end to end: the rows of
    all windows in one tensor each, each window's length, and the row of each one's cue."""
    import torch

    lengths = [len(codes) for _, codes, _ in windows]
    starts = numpy.cumsum([0] + lengths[:-1])
    return (torch.from_numpy(numpy.vstack([floats for floats, _, _ in windows])),
            torch.from_numpy(numpy.vstack([codes for _, codes, _ in windows])), lengths,
            torch.from_numpy(starts + [cue for _, _, cue in windows]))


def packed_order(lengths):
    """``(rows, batch sizes, sorted indices)`` of a ``PackedSequence`` of sequences of ``lengths`` laid end to
    end: ``rows`` the laid-out row of each packed row (time step by time step, the longest sequence first)."""
    import torch

    lengths = torch.tensor(lengths)
    ordered, sorted_indices = torch.sort(lengths, descending=True)  # as pack_padded_sequence sorts them
    starts = (torch.cumsum(lengths, 0) - lengths)[sorted_indices]
    steps = torch.arange(int(ordered[0]))[:, None]
    running = steps < ordered[None, :]  # (step, sequence): whether the sequence is still running
    return (starts[None, :] + steps)[running], running.sum(1), sorted_indices


class SpanModel:
    """The two networks with their encoder and thresholds: ``statements(index, found)`` gives the model's
    statements at the cues the rules' attributions ``found`` did not use."""

    BATCH = 256

    def __init__(self, scorer, tagger, encoder, cue_threshold, threshold):
        self.scorer, self.tagger = scorer.eval(), tagger.eval()
        self.encoder = encoder
        self.cue_threshold = cue_threshold
        self.threshold = threshold

    def cue_probabilities(self, inputs):
        """Per sentence of ``inputs`` (``ArticleInputs``), each word's probability of heading a cue."""
        import torch

        with torch.inference_mode():  # no autograd bookkeeping at all: about 5 % less than no_grad
            floats = torch.from_numpy(numpy.vstack(inputs.floats))
            codes = torch.from_numpy(self.encoder.encode([w for s in inputs.symbols for w in s], WORD_COLUMNS))
            flat = torch.sigmoid(self.scorer(floats, codes)).numpy()
        return numpy.split(flat, numpy.cumsum([len(s) for s in inputs.symbols])[:-1])

    def tag_windows(self, windows):
        """``[(label probabilities (n, labels), heads probability)]`` of ``windows`` (``ArticleInputs.window``
        results with the cue's row), ``BATCH`` at a time, shortest first."""
        import torch

        tagged = [None] * len(windows)
        columns = WORD_COLUMNS + CUE_COLUMNS
        order = sorted(range(len(windows)), key=lambda k: len(windows[k][1]))
        for k in range(0, len(order), self.BATCH):
            chunk = [windows[j] for j in order[k:k + self.BATCH]]
            floats, codes, lengths, cues = laid_out([(f, self.encoder.encode(s, columns), c) for f, s, _, c in chunk])
            with torch.inference_mode():
                labels, heads = self.tagger(floats, codes, lengths, cues)
                labels, heads = torch.softmax(labels, -1).numpy(), torch.sigmoid(heads).numpy()
            ends = numpy.cumsum(lengths)
            for j, position in enumerate(order[k:k + self.BATCH]):
                tagged[position] = (labels[ends[j] - lengths[j]:ends[j]], float(heads[j]))
        return tagged

    def scored(self, index, found):
        """``[(confidence, attribution)]`` at every candidate cue no attribution of ``found`` used and no
        content of ``found`` covers, whatever the confidence."""
        if index.sentence_vectors is None:
            return []
        inputs = ArticleInputs(index)
        used = {(a.cue.sentence, i) for a in found if a.cue for i in a.cue.word_ids}
        covered = Intervals((s, e, a) for a in found for s, e in a.spans)
        windows = []
        for s, probabilities in enumerate(self.cue_probabilities(inputs)):
            words = index.trees[s].words
            for i in numpy.flatnonzero(probabilities >= self.cue_threshold):
                word = words[i]
                if (s, word.id) in used or covered.overlapping(word.start_char, word.end_char):
                    continue
                floats, symbols, places = inputs.window(s, int(i))
                windows.append((floats, symbols, places, places.index((s, int(i)))))
        results = []
        for (_, _, places, cue), (labels, heads) in zip(windows, self.tag_windows(windows)):
            made = statement_of(index, places, cue, labels)
            if made is not None:
                confidence, attribution = made
                results.append((heads * confidence, attribution))
        return results

    def statements(self, index, found):
        """The model's attributions whose confidence reaches its threshold (``selected``)."""
        return selected(self.scored(index, found), found, self.threshold)


def selected(scored, found, threshold):
    """The attributions of ``scored`` (``[(confidence, attribution)]``) whose confidence reaches ``threshold``,
    the most confident first, none overlapping the content of another or of one of ``found``."""
    taken = [(s, e) for a in found for s, e in a.spans]
    kept = []
    for confidence, attribution in sorted(scored, key=lambda pair: -pair[0]):
        if confidence < threshold or any(s < b and a < e for s, e in attribution.spans for a, b in taken):
            continue
        kept.append(attribution)
        taken.extend(attribution.spans)
    return kept


def statement_of(index, places, cue, labels):
    """``(confidence, Attribution)`` read from the label probabilities of a cue's window: the content its
    content words (in pieces), the speaker the source run nearest the cue of those with a word that can name
    someone; None without a content or such a source. The confidence is the mean content probability of the content words."""
    best = labels.argmax(-1)
    content = [k for k, label in enumerate(best) if SPAN_LABELS[label].endswith("-C")]
    source = [k for k, label in enumerate(best) if SPAN_LABELS[label].endswith("-S")]
    if not content or not source:
        return None
    runs = [[source[0]]]
    for k in source[1:]:
        if k == runs[-1][-1] + 1 and SPAN_LABELS[best[k]] == "I-S":
            runs[-1].append(k)
        else:
            runs.append([k])
    runs = [r for r in runs if any(index.trees[places[k][0]].words[places[k][1]].upos in NAMING_TAGS for k in r)]
    if not runs:  # only function words tagged as the source ("the", "and"): no one to name
        return None
    run = min(runs, key=lambda r: min(abs(k - cue) for k in r))
    speaker = mention_of(index, [places[k] for k in run])
    spans = pieces_of(index, through_unfinished_phrase(index, [places[k] for k in content]))
    if speaker is None or not spans:
        return None
    s, i = places[cue]
    tree = index.trees[s]
    verb = tree.words[i]
    if not is_said(tree, verb, speaker):
        return None
    confidence = float(labels[content][:, 3:].sum(-1).mean())
    attribution = Attribution(spans=spans, kind=kind_of(index, spans), cue=_cue_mention(tree, verb, index.text),
                              speaker=speaker, sentence=s, paragraph=index.paragraph_of(spans[0][0]),
                              sources=["model"], cue_lemma=verb.lemma)
    return confidence, attribution


def through_unfinished_phrase(index, places):
    """Content ``places`` (``(sentence, position)``, in order) that end on a word leading into a phrase after it
    ("the city's", "against corporate", "a force to") run on to the end of that phrase: a learned span cut inside
    a phrase. A modifier runs on to the noun it modifies, a marker or preposition through what it introduces."""
    s, i = places[-1]
    tree = index.trees[s]
    word = tree.words[i]
    if word.xpos == "POS" and word.head:  # "the city's": the possessor, which modifies what follows
        word = tree.head(word)
    end = i + 1
    while word.deprel in PHRASE_OPENERS and word.head > word.id:
        head = tree.head(word)
        end = max(end, head.id if word.deprel in NOUN_MODIFIERS else tree.subtree(head)[-1].id)
        word = head
    return places + [(s, k) for k in range(i + 1, end)]


def is_said(tree, verb, speaker):
    """What the rules judge of a cue, kept for the model's: no verb of seeming ("X seems to ..."), no thing
    showing what it shows ("the car revealed that ..."), and a passive subject of the cue is the one spoken to
    ("X was asked about ..."), not the speaker, unless the cue is "quoted"."""
    if verb.lemma in RAISING:
        return False
    if speaker.sentence != tree.index:
        return True
    ids = set(speaker.word_ids)
    heads = [w for w in tree.words if w.id in ids and w.head not in ids]
    if not heads:
        return True
    if heads[0].deprel == "nsubj:pass" and heads[0].head == verb.id and verb.lemma != "quote":
        return False
    return not is_shown_by_a_thing(tree, verb, heads[0])


def _edges_trimmed(words):
    """``(sentence, word)`` pairs less the punctuation at their edges (a closing quotation mark stays)."""
    while words and words[0][1].upos == "PUNCT" and words[0][1].text in EDGE_PUNCT:
        words = words[1:]
    while words and words[-1][1].upos == "PUNCT" and words[-1][1].text not in "\"”’'»":
        words = words[:-1]
    return words


def pieces_of(index, places):
    """Contiguous character pieces of the words at ``places`` (``(sentence, position)``, in order): words next
    to each other in the text, across a sentence end, stay one piece."""
    words = _edges_trimmed([(s, index.trees[s].words[i]) for s, i in places])
    pieces, previous = [], None
    for s, word in words:
        if previous is not None and _next_to(index, previous, (s, word)):
            pieces[-1] = (pieces[-1][0], word.end_char)
        else:
            pieces.append((word.start_char, word.end_char))
        previous = (s, word)
    return pieces


def _next_to(index, before, after):
    """Whether word ``after`` directly follows word ``before`` (``(sentence, word)`` pairs), across a sentence
    end too."""
    (s, word), (t, other) = before, after
    return (t == s and other.id == word.id + 1
            or t == s + 1 and other.id == 1 and word.id == len(index.trees[s].words))


def mention_of(index, places):
    """The ``Mention`` of a source run (``(sentence, position)`` places in one sentence), trimmed."""
    sentence = places[0][0]
    words = _edges_trimmed([(s, index.trees[s].words[i]) for s, i in places if s == sentence])
    if not words:
        return None
    start, end = words[0][1].start_char, words[-1][1].end_char
    return Mention(start, end, index.text[start:end], sentence, tuple(w.id for _, w in words))


def save(model, path, settings):
    """Write ``model``'s weights to ``path`` and its vocabularies, thresholds and ``settings`` next to it."""
    import torch

    torch.save({"scorer": model.scorer.state_dict(), "tagger": model.tagger.state_dict()}, path)
    settings = dict(settings, vocabularies=model.encoder.vocabularies, cue_threshold=model.cue_threshold,
                    threshold=model.threshold,
                    floats_width=model.scorer.hidden[0].in_features - sum(EMBEDDING[k] for k in WORD_COLUMNS))
    Path(path).with_suffix(".json").write_text(json.dumps(settings) + "\n", encoding="utf-8")


def load(path):
    """The ``SpanModel`` written by ``save`` at ``path``."""
    import torch

    torch.set_num_threads(1)  # windows are small; threads that spin while they wait take the shared cores
    settings = json.loads(Path(path).with_suffix(".json").read_text(encoding="utf-8"))
    encoder = Encoder(settings["vocabularies"])
    scorer, tagger = networks(encoder.sizes(), settings["floats_width"])
    weights = torch.load(path, weights_only=True)
    scorer.load_state_dict(weights["scorer"])
    tagger.load_state_dict(weights["tagger"])
    return SpanModel(scorer, tagger, encoder, settings["cue_threshold"], settings["threshold"])


@lru_cache(maxsize=1)
def shipped_span_model():
    """The span model shipped with the package, or None when the package has none."""
    if not SPAN_PATH.exists() or not SPAN_PATH.with_suffix(".json").exists():
        return None
    return load(SPAN_PATH)
