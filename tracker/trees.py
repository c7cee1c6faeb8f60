"""Dependency access shared by the steps that read parses (attribution, speakers, targets): a word's dependents,
indexed once per sentence, the preposition that marks a word, and ``SentenceTree``, the attribution rules' view
of a sentence."""

import weakref
from functools import cached_property

# id(sentence) -> {head id: its dependents}; each entry goes with its sentence (``weakref.finalize``). A plain
# dict: a ``WeakKeyDictionary``'s lookup, in Python, made this module's most frequent call three times slower
_DEPENDENTS = {}


def _dependents_index(sentence):
    """``{head id: its dependents in order}`` for ``sentence``, built on first use."""
    index = _DEPENDENTS.get(id(sentence))
    if index is None:
        index = _DEPENDENTS[id(sentence)] = {}
        for w in sentence.words:
            index.setdefault(w.head, []).append(w)
        weakref.finalize(sentence, _DEPENDENTS.pop, id(sentence), None)
    return index


def dependents(sentence, word):
    """The words of ``sentence`` whose head is ``word``, in order."""
    return _dependents_index(sentence).get(word.id, [])


def preposition(sentence, word, deprels=("case",)):
    """The lower-cased preposition (or, with ``deprels=("case", "mark")``, subordinator) marking ``word``,
    or None: "for" in "for USA Today"."""
    return next((w.text.lower() for w in dependents(sentence, word) if w.deprel in deprels), None)


CLAUSE_RELATIONS = ("advcl", "ccomp", "xcomp", "csubj", "acl", "parataxis")  # dependents that are clauses of their own


def path_up(sentence, word, top):
    """The words from ``word`` up to ``top`` (excluded), or [] when ``word`` is not under ``top``; ``sentence``
    is a stanza sentence or a ``SentenceTree``."""
    path = []
    while word.id != top.id:
        path.append(word)
        if not word.head or len(path) > len(sentence.words):
            return []
        word = sentence.words[word.head - 1]
    return path


class SentenceTree:
    """Dependency access for one stanza sentence."""

    def __init__(self, sentence, index):
        self.index = index
        self.words = sentence.words
        self.children = _dependents_index(sentence)
        self.start = self.words[0].start_char
        self.end = self.words[-1].end_char

    @cached_property
    def word_starts(self):
        """The words' start offsets, in order (for a bisect)."""
        return [w.start_char for w in self.words]

    def word(self, word_id):
        """The word with id ``word_id``."""
        return self.words[word_id - 1]

    def head(self, word):
        """The head of ``word``; None at the root."""
        return self.word(word.head) if word.head else None

    def kids(self, word, *deprels):
        """The dependents of ``word`` (with one of ``deprels``, if given), in order."""
        return [c for c in self.children.get(word.id, ()) if not deprels or c.deprel in deprels]

    def subtree(self, word, exclude=()):
        """Words under ``word`` (itself included) not under any word in ``exclude``."""
        result, todo = [], [word]
        while todo:
            w = todo.pop()
            if w in exclude:
                continue
            result.append(w)
            todo.extend(self.children.get(w.id, ()))
        return sorted(result, key=lambda w: w.id)
