"""Dependency access shared by the steps that read parses (speakers, targets): a word's dependents,
indexed once per sentence, and the preposition that marks a word."""

import weakref

_DEPENDENTS = weakref.WeakKeyDictionary()  # sentence -> {head id: its dependents}; lives as long as the sentence


def dependents(sentence, word):
    """The words of ``sentence`` whose head is ``word``, in order."""
    index = _DEPENDENTS.get(sentence)
    if index is None:
        index = _DEPENDENTS[sentence] = {}
        for w in sentence.words:
            index.setdefault(w.head, []).append(w)
    return index.get(word.id, [])


def preposition(sentence, word, deprels=("case",)):
    """The lower-cased preposition (or, with ``deprels=("case", "mark")``, subordinator) marking ``word``,
    or None: "for" in "for USA Today"."""
    return next((w.text.lower() for w in dependents(sentence, word) if w.deprel in deprels), None)
