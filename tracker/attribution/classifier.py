"""The learned check on the rules' proposals: how likely an attribution the rules found is one a reader would
mark, from what the rules saw (the rule, the cue, the speaker, the content, where it stands).

The model is a logistic regression over sparse indicator features, trained on PolNeAR's train split by
``scripts/train_attribution.py`` and shipped as ``tracker/data/attribution_model.json``; prediction is pure
Python. ``find_attributions`` keeps the proposals whose probability reaches the model's threshold.
"""

import json
import math
from functools import lru_cache
from pathlib import Path

from ..words import word_set

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "attribution_model.json"
MODALS = word_set("modals")
NEGATIONS = word_set("negations")


def _bucket(n):
    """A count as a coarse, log-scaled bucket: 0, 1, 2, 3-4, 5-8, 9-16, ..."""
    return 0 if n <= 0 else 1 + int(math.log2(n))


def _word_at(tree, offset):
    """The word of ``tree`` starting at character ``offset``, or None."""
    return next((w for w in tree.words if w.start_char == offset), None)


def _words_in(tree, start, end):
    """The words of ``tree`` inside characters ``start:end``."""
    return [w for w in tree.words if start <= w.start_char and w.end_char <= end]


def features(index, attribution):
    """The indicator features of one proposed ``attribution`` in the article ``index``, as a set of names."""
    a = attribution
    tree = index.trees[a.sentence]
    rule = a.sources[0] if a.sources else "none"
    lemma = a.cue_lemma or "-"
    found = {f"rule={rule}", f"kind={a.kind}", f"rule+kind={rule}+{a.kind}", f"lemma={lemma}",
             f"lemma+kind={lemma}+{a.kind}", f"lemma+rule={lemma}+{rule}"}
    found.update(f"also={s}" for s in a.sources[1:])
    cue = _word_at(tree, a.cue.start) if a.cue else None
    if a.cue is not None:
        ids = set(a.cue.word_ids)
        cue_words = [w for w in tree.words if w.id in ids]
        head = next((w for w in cue_words if w.lemma == a.cue_lemma), cue) or cue
        if head is not None:
            found.update({f"cue.upos={head.upos}", f"cue.xpos={head.xpos}", f"cue.deprel={head.deprel}",
                          f"lemma+deprel={lemma}+{head.deprel}", f"lemma+xpos={lemma}+{head.xpos}"})
            kids = tree.kids(head)
            found.update(f"cue.kid={k.deprel}" for k in kids)
            if any(k.text.lower() in NEGATIONS for k in kids):
                found.add("cue.negated")
            if any(k.deprel == "aux" and k.lemma in MODALS for k in kids):
                found.add("cue.modal")
            parent = tree.head(head)
            found.add(f"cue.head={parent.upos}:{parent.deprel}" if parent else "cue.head=root")
        found.add(f"cue.words={min(len(a.cue.text.split()), 4)}")
        found.add("cue.quoted" if index.in_quotation(a.cue.start) else "cue.unquoted")
        found.add("cue.before" if a.cue.start < a.start else "cue.inside" if a.cue.start < a.end else "cue.after")
    else:
        found.add("cue=none")
    found.update(_speaker_features(index, tree, a))
    found.update(_content_features(index, tree, a))
    found.add(f"sentence={min(a.sentence, 3)}")
    found.add(f"paragraph={min(a.paragraph, 3)}")
    if a.follows is not None:
        found.add("follows")
    if a.addressee is not None:
        found.add("addressee")
    return found


def _speaker_features(index, tree, a):
    """What the speaker mention is: missing, a pronoun, a name, a description; where it stands."""
    if a.speaker is None:
        return {"speaker=none", f"speaker=none+{a.kind}"}
    ids = set(a.speaker.word_ids)
    words = [w for w in tree.words if w.id in ids]
    head = next((w for w in words if w.head not in {v.id for v in words}), words[0] if words else None)
    found = {f"speaker.words={_bucket(len(a.speaker.text.split()))}"}
    if head is not None:
        found.add(f"speaker.upos={head.upos}")
        found.add(f"speaker.deprel={head.deprel}")
        if head.upos == "PRON":
            found.add(f"speaker.pronoun={head.text.lower()}")
        else:
            found.add(f"speaker.lemma={head.lemma.lower()}")
    types = {e.type for e in index.entities_overlapping(a.speaker.start, a.speaker.end)}
    found.update(f"speaker.ent={t}" for t in types)
    found.add("speaker.before" if a.speaker.start < a.start else "speaker.inside" if a.speaker.start < a.end
              else "speaker.after")
    if a.speaker.sentence != a.sentence:
        found.add("speaker.elsewhere")
    return found


def _content_features(index, tree, a):
    """How long the content is, how it opens and closes, how much of it is quoted."""
    text = index.text
    length = sum(len(text[s:e].split()) for s, e in a.spans)
    found = {f"content.words={_bucket(length)}", f"content.pieces={min(len(a.spans), 3)}",
             f"kind+words={a.kind}+{_bucket(length)}"}
    first = text[a.start:a.end].split(maxsplit=1)
    if first:
        opener = first[0].lower().strip("\"'“”‘’")
        if opener in ("that", "to", "the", "a", "he", "she", "they", "it", "we", "i", "if", "whether", "how", "what"):
            found.add(f"content.opens={opener}")
    words = _words_in(tree, a.start, a.end)
    if words:
        found.add(f"content.first={words[0].upos}")
        found.add(f"content.last={words[-1].upos}")
        if any(w.upos in ("VERB", "AUX") for w in words):
            found.add("content.verb")
        if any(w.deprel.startswith("nsubj") for w in words):
            found.add("content.subject")
    if "\n" in text[a.start:a.end]:
        found.add("content.paragraphs")
    if text[a.end:a.end + 2].strip().startswith("?") or text[a.start:a.end].rstrip("\"”’' ").endswith("?"):
        found.add("content.question")
    return found


def judged(found, keeps):
    """The attributions of ``found`` (in text order) that ``keeps`` accepts. A quotation that goes on from another
    statement shares that statement's verdict: it is the same speaker's words, not a proposal of its own."""
    verdicts = {}  # attributions compare by identity
    for attribution in found:
        source = attribution.follows
        verdicts[attribution] = verdicts[source] if source in verdicts else keeps(attribution)
    return [a for a in found if verdicts[a]]


class Classifier:
    """A logistic regression over feature names: ``probability(names)``; ``keeps(names)`` at its threshold."""

    def __init__(self, weights, intercept, threshold):
        self.weights = weights
        self.intercept = intercept
        self.threshold = threshold

    @classmethod
    def from_dict(cls, model):
        """The classifier of a model dict as ``scripts/train_attribution.py`` writes it."""
        return cls(model["weights"], model["intercept"], model["threshold"])

    def probability(self, names):
        """How likely the proposal with these feature names is a real attribution."""
        z = self.intercept + sum(self.weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keeps(self, names):
        """Whether the proposal with these feature names is kept."""
        return self.probability(names) >= self.threshold


@lru_cache(maxsize=1)
def shipped_classifier():
    """The classifier shipped with the package, or None when its data file is absent."""
    if not MODEL_PATH.exists():
        return None
    return Classifier.from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
