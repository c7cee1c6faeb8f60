"""``Finder``: the attribution rules put together over one document, and the order they run in."""

import bisect

from ..marks import find_quotes, paragraphs
from ..trees import SentenceTree
from .bounds import ContentBounds
from .classifier import features, judged, shipped_classifier
from .content import ContentRules
from .layout import LayoutRules
from .lexicon import TIME_WORDS
from .nominal import NominalCues
from .passives import PassiveCues
from .quotations import QuotationRules
from .subjects import SubjectRules
from .verbs import VerbCues


class Finder(VerbCues, SubjectRules, ContentRules, ContentBounds, NominalCues, PassiveCues, QuotationRules,
             LayoutRules):
    """Finds attributions in one document; ``run`` returns them in text order.

    ``classifier`` judges the rules' proposals (default: the model shipped with the package); with None,
    every proposal is kept, which is what its training reads."""

    def __init__(self, document, classifier=shipped_classifier):
        self.document = document
        self.classifier = classifier() if classifier is shipped_classifier else classifier
        self.text = document.text
        self.trees = [SentenceTree(s, i) for i, s in enumerate(document.sentences)]
        self.quotes = find_quotes(self.text)
        self.paragraph_spans = paragraphs(self.text)

    def paragraph_of(self, offset):
        """Index of the paragraph holding ``offset`` (the last one past the end)."""
        ends = [end for _, end in self.paragraph_spans]
        return min(bisect.bisect_right(ends, offset), max(0, len(ends) - 1))

    def run(self):
        """The attributions of the document: cue-first rules, then layout, then quotations; one per content."""
        found = []
        for tree in self.trees:
            for word in tree.words:
                attribution = self.from_cue(tree, word)
                if attribution:
                    found.append(attribution)
        found = drop_nested(found)
        taken = {(a.start, a.end) for a in found}
        found.extend(a for a in self.from_layout() if not any(
            s < a.end and a.start < e for s, e in taken))
        found = [self.with_quotes(a) for a in found]
        found.extend(self.from_quotes(found, {a.cue.start for a in found if a.cue}))
        merged = self.merge_continuations(sorted(found, key=lambda a: a.start))
        unique = {}
        for attribution in merged:  # one statement per content: claim ids hash the content's offsets
            unique.setdefault((attribution.start, attribution.end), attribution)
        if self.classifier is None:
            return list(unique.values())
        return judged(list(unique.values()), lambda a: self.classifier.keeps(features(self, a)))

    def in_quotation(self, offset):
        """Whether ``offset`` lies inside a quotation of the article."""
        return any(offset in quote for quote in self.quotes)

    def is_time(self, word):
        """A word inside a date or time expression ("on Monday", "for weeks")."""
        return word.lemma in TIME_WORDS or any(
            e.type in ("DATE", "TIME") and e.start_char <= word.start_char < e.end_char for e in self.document.ents)

    def sentence_of(self, offset):
        """Index of the sentence holding ``offset`` (the last one past the end)."""
        for tree in self.trees:
            if offset < tree.end:
                return tree.index
        return len(self.trees) - 1


def drop_nested(found):
    """A cue inside another attribution's content ("a return to what he said were ...", or a later sentence of
    a statement set off by a colon) is dropped, and so is an object cue
    inside a speaker's description ('said Roe, a lawyer who has been challenging the company')."""
    kept = []
    for a in found:
        inner = any(b is not a and a.cue and any(s <= a.cue.start < e for s, e in b.spans) for b in found) \
            or a.sources[:1] == ["object"] and any(
                b is not a and a.cue and b.speaker and b.speaker.start <= a.cue.start < b.speaker.end
                for b in found)
        if not inner:
            kept.append(a)
    return kept


def find_attributions(document):
    """All attributions of an annotated article, in text order."""
    return Finder(document).run()
