"""The learned tagger: statements the rules missed.

A linear-chain CRF (python-crfsuite) tags every word of a sentence as part of a content (C), a source (S), a cue
(Q) or none (O), in BIO form, from its parse (word, lemma, part of speech, relation, head, the reporting verb
above it and by which relation), whether it is quoted, and what the rules found there. A run of content words
that no attribution of the rules overlaps becomes a new attribution when the tagger is confident of it and the
parse gives it a speaker: the subject of the verb the run hangs on. It is trained on PolNeAR's train split by
``scripts/train_tagger.py`` and shipped as ``tracker/data/attribution_tagger.crfsuite``, with its threshold in
``attribution_tagger.json``.
"""

import json
from functools import lru_cache
from pathlib import Path

from ..cues import SPEECH_VERBS, VERBS
from .intervals import Intervals
from .lexicon import RAISING
from .mentions import _cue_mention, _pieces
from .quotations import kind_of
from .records import Attribution
from .subjects import subject_of
from .verbs import is_shown_by_a_thing, speaker_mention

TAGGER_PATH = Path(__file__).resolve().parent.parent / "data" / "attribution_tagger.crfsuite"
NEIGHBOURS = (-2, -1, 1, 2)
ANCESTOR_DEPTH = 6  # how far up the tree a reporting verb above a word is looked for


def rule_marks(found):
    """``{character offset: "C" | "S" | "Q"}``: where the rules' attributions ``found`` put a content, a
    speaker mention or a cue (a cue or speaker inside a content wins)."""
    marks = {}
    for a in found:
        for start, end in a.spans:
            marks.update((i, "C") for i in range(start, end))
    for a in found:
        for mention, mark in ((a.speaker, "S"), (a.cue, "Q")):
            if mention is not None:
                marks.update((i, mark) for i in range(mention.start, mention.end))
    return marks


def _cue_above(words):
    """For each word (by position), ``(relation, depth, lemma)`` of the nearest reporting verb above it within
    ``ANCESTOR_DEPTH`` steps (the relation is the one of the word just below that verb), or None."""
    def find(i):
        for depth in range(ANCESTOR_DEPTH):
            if not words[i].head:
                return None
            parent = words[i].head - 1
            if words[parent].lemma in VERBS:
                return (words[i].deprel, depth, words[parent].lemma)
            i = parent
        return None

    return [find(i) for i in range(len(words))]


def _word_features(word, head, above, marks, quoted):
    """The features of one word ("name:value", or a bare name for a feature that holds), and the three its
    neighbours borrow: lemma, part of speech and the rules' mark."""
    text, upos, deprel, start, own_lemma = word.text, word.upos, word.deprel, word.start_char, word.lemma
    lemma = (own_lemma or text).lower()
    if head is None:
        head_lemma = head_upos = "ROOT"
    else:
        head_lemma, head_upos = (head.lemma or head.text).lower(), head.upos
    mark = marks.get(start, "O")
    found = [f"w:{text.lower()}", f"lem:{lemma}", f"upos:{upos}", f"xpos:{word.xpos or '-'}", f"dep:{deprel}",
             f"hlem:{head_lemma}", f"hupos:{head_upos}", f"dep+hlem:{deprel}+{head_lemma}", f"rule:{mark}"]
    if quoted:
        found.append("quote")
    if own_lemma in VERBS:
        found.append("cue")
    if own_lemma in SPEECH_VERBS:
        found.append("speech")
    if text[:1].isupper():
        found.append("cap")
    if above is not None:
        relation, depth, cue = above
        found += [f"anc_cue_rel:{relation}", f"anc_cue_depth:{min(depth, 3)}", f"anc_cue_lem:{cue}"]
    return found, (lemma, upos, mark)


def sentence_features(index, tree, marks):
    """The features of the words of ``tree``, each with its neighbours' lemma, part of speech and mark."""
    words = tree.words
    own = [_word_features(w, words[w.head - 1] if w.head else None, above, marks, quoted)
           for w, above, quoted in zip(words, _cue_above(words), index.quoted_words(tree))]
    count = len(own)
    for i, (found, _) in enumerate(own):
        for d in NEIGHBOURS:
            j = i + d
            if 0 <= j < count:
                lemma, upos, mark = own[j][1]
                found += [f"{d}:lem:{lemma}", f"{d}:upos:{upos}", f"{d}:rule:{mark}"]
            else:
                found.append(f"{d}:lem:PAD")
    return [found for found, _ in own]


def content_runs(labels, confidences):
    """``[(first, last, mean confidence)]``: the runs of content labels (word positions, inclusive)."""
    runs = []
    for i, label in enumerate(labels):
        if label == "B-C" or label == "I-C" and (not runs or runs[-1][1] != i - 1):
            runs.append([i, i])
        elif label == "I-C":
            runs[-1][1] = i
    return [(a, b, sum(confidences[a:b + 1]) / (b - a + 1)) for a, b in runs]


class Tagger:
    """The shipped CRF: ``tag(features)`` gives each word's label and its probability of being content;
    ``inputs`` makes a sentence's features."""

    inputs = staticmethod(sentence_features)

    def __init__(self, model_path, threshold):
        import pycrfsuite

        self.threshold = threshold
        self._sequence = pycrfsuite.ItemSequence
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        self._labels = set(self._tagger.labels())

    def tag(self, features):
        """``(labels, content probabilities)`` of one sentence's word features; the probability is read only
        for the words labelled content (0 elsewhere)."""
        self._tagger.set(self._sequence(features))
        labels = self._tagger.tag()
        content = [sum(self._tagger.marginal(y, t) for y in ("B-C", "I-C") if y in self._labels)
                   if label.endswith("-C") else 0.0 for t, label in enumerate(labels)]
        return labels, content


@lru_cache(maxsize=1)
def shipped_tagger():
    """The tagger shipped with the package, or None when the package has none."""
    settings = TAGGER_PATH.with_suffix(".json")
    if not TAGGER_PATH.exists() or not settings.exists():
        return None
    return Tagger(TAGGER_PATH, json.loads(settings.read_text(encoding="utf-8"))["threshold"])


def found_by_tagger(index, found, tagger):
    """New attributions from the confident content runs of ``tagger`` that no attribution of ``found``
    overlaps and whose verb has a subject in the parse."""
    return [a for confidence, a in tagged_runs(index, found, tagger) if confidence >= tagger.threshold]


def tagged_runs(index, found, tagger):
    """``[(confidence, attribution)]`` of every content run of ``tagger`` that no attribution of ``found``
    overlaps and whose verb has a subject in the parse, whatever the confidence."""
    marks = rule_marks(found)
    taken = Intervals((s, e, a) for a in found for s, e in a.spans)
    added = []
    for tree in index.trees:
        if not any(marks.get(w.start_char) is None for w in tree.words):
            continue  # a sentence the rules covered whole
        labels, content = tagger.tag(tagger.inputs(index, tree, marks))
        for first, last, confidence in content_runs(labels, content):
            words = tree.words[first:last + 1]
            start, end = words[0].start_char, words[-1].end_char
            if taken.overlapping(start, end):
                continue
            attribution = _attribution_of_run(index, tree, words)
            if attribution is not None:
                added.append((confidence, attribution))
    return added


def _attribution_of_run(index, tree, words):
    """The attribution of a run of content words: its cue the verb the run hangs on, its speaker that verb's
    subject (outside the run); None when the parse gives neither, or when the verb is one of seeming ("X seems
    to ..." is how things look, which nobody says) or shows what a thing shows ("the car revealed that ..."):
    the rules' judgements too."""
    ids = {w.id for w in words}
    tops = [w for w in words if w.head and w.head not in ids]
    if not tops:
        return None
    verb = tree.head(tops[0])
    if verb.lemma in RAISING:
        return None
    speaker = subject_of(index, tree, verb)
    if speaker is None or speaker.id in ids or is_shown_by_a_thing(tree, verb, speaker):
        return None
    mention = speaker_mention(index, tree, verb, speaker, words)
    pieces = _pieces(words)
    if mention is None or not pieces:
        return None
    return Attribution(spans=pieces, kind=kind_of(index, pieces), cue=_cue_mention(tree, verb, index.text),
                       speaker=mention, sentence=tree.index, paragraph=index.paragraph_of(pieces[0][0]),
                       sources=["tagger"], cue_lemma=verb.lemma)
