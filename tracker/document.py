"""The annotated article, indexed once: ``ArticleIndex`` is what every step after the parse reads.

It holds the stanza ``Document`` and what the steps look up in it: the sentences with their character offsets
and dependency trees (``tracker.trees.SentenceTree``), the quotations (``tracker.marks``), the paragraphs and
the named entities. Built once per article by ``tracker.extract`` and handed to the attribution, speaker,
stance and relation steps, so no step indexes the document again.
"""

import bisect
from functools import cached_property

from .engine.vectors import sentence_vectors
from .marks import find_quotes, paragraphs
from .trees import SentenceTree
from .words import word_set

TIME_TYPES = ("DATE", "TIME")
PLACE_TYPES = ("GPE", "LOC", "FAC")  # countries and cities, regions, buildings
TIME_WORDS = word_set("time_words")  # "weeks", "later": words of time outside any date entity


class ArticleIndex:
    """One annotated article with its sentences, quotations, paragraphs and entities indexed by offset."""

    def __init__(self, document):
        self.document = document
        self.text = document.text
        self.sentences = document.sentences
        self.trees = [SentenceTree(sentence, k) for k, sentence in enumerate(document.sentences)]
        self.sentence_starts = [sentence.tokens[0].start_char for sentence in document.sentences]
        self.quotes = find_quotes(self.text)
        self._quote_starts = [quote.start for quote in self.quotes]
        self._quote_ends = [quote.end for quote in self.quotes]  # in order too: quotations never overlap
        self.paragraphs = paragraphs(self.text)
        self._paragraph_ends = [end for _, end in self.paragraphs]
        self.entities = document.ents  # in text order, apart
        self._entity_starts = [e.start_char for e in self.entities]
        self._time_spans = [(e.start_char, e.end_char) for e in self.entities if e.type in TIME_TYPES]
        self._place_spans = [(e.start_char, e.end_char) for e in self.entities if e.type in PLACE_TYPES]
        self.shared = {}  # what one step makes once per article for the steps after it (``made_once``): goes with it

    def made_once(self, name, book, make):
        """What ``make()`` returns, made once per article and ``book`` (a ``NameBook``) and kept with the index
        under ``name``, so that a later step reads what an earlier one made (the pronoun referents, the nominal
        candidates of the speaker step) and it goes when the article goes."""
        made = self.shared.get(name)
        if made is None or made[0] is not book:
            made = self.shared[name] = (book, make())
        return made[1]

    @cached_property
    def sentence_vectors(self):
        """The parser's word vectors, one array a sentence (``tracker.engine.vectors``), or None without."""
        return sentence_vectors(self.document)

    def sentence_of(self, offset):
        """Index of the last sentence starting at or before ``offset`` (the first one before the start)."""
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def paragraph_of(self, offset):
        """Index of the paragraph holding ``offset`` (the last one past the end)."""
        return min(bisect.bisect_right(self._paragraph_ends, offset), max(0, len(self._paragraph_ends) - 1))

    def quotation_at(self, offset):
        """The quotation holding ``offset``, or None."""
        k = bisect.bisect_right(self._quote_starts, offset) - 1
        return self.quotes[k] if k >= 0 and offset < self.quotes[k].end else None

    def quotes_overlapping(self, start, end):
        """The quotations that share characters with ``start:end``, in text order."""
        return self.quotes[bisect.bisect_right(self._quote_ends, start):bisect.bisect_left(self._quote_starts, end)]

    def quoted_words(self, tree):
        """For each word of ``tree`` (a ``SentenceTree``), whether it starts inside a quotation (``in_quotation``),
        looked up word by word only in a sentence that overlaps one."""
        if not self.quotes_overlapping(tree.start, tree.end):
            return [False] * len(tree.words)
        return [self.in_quotation(w.start_char) for w in tree.words]

    def in_quotation(self, offset):
        """Whether ``offset`` lies inside a quotation of the article."""
        return self.quotation_at(offset) is not None

    def entities_overlapping(self, start, end):
        """The entities that share characters with ``start:end``, in text order."""
        k = bisect.bisect_left(self._entity_starts, end)
        first = k
        while first > 0 and self.entities[first - 1].end_char > start:
            first -= 1
        return self.entities[first:k]

    def in_date(self, word):
        """Whether ``word`` lies inside a date or time entity ("in 2001", "on Tuesday")."""
        return any(start <= word.start_char < end for start, end in self._time_spans)

    def in_place(self, word):
        """Whether ``word`` lies inside the name of a place ("in New York", "on Capitol Hill")."""
        return any(start <= word.start_char < end for start, end in self._place_spans)

    def is_time(self, word):
        """A word of a date or time expression: a time word ("weeks", "later") or inside a date or time entity."""
        return word.lemma in TIME_WORDS or self.in_date(word)
