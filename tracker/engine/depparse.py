"""Embedded ``depparse`` processor: spaCy's parse, converted to UD heads and labels."""

from stanza.pipeline._constants import DEPPARSE
from stanza.pipeline.processor import register_processor_variant

from .constants import EMBEDDED
from .tokenize import CopiedLayer
from .ud import Arc, to_ud


def sentence_arcs(tokens):
    """spaCy tokens of one sentence as ``Arc``s; heads outside the kept tokens climb to a kept one."""
    position = {t.i: k for k, t in enumerate(tokens)}
    arcs = []
    for token in tokens:
        head = token.head
        while head.i not in position and head.head.i != head.i:
            head = head.head
        if head.i == token.i or head.i not in position:
            arcs.append(Arc(-1, "ROOT", token.pos_, token.lemma_.lower()))
        else:
            arcs.append(Arc(position[head.i], token.dep_, token.pos_, token.lemma_.lower()))
    roots = [k for k, a in enumerate(arcs) if a.head == -1]
    for extra in roots[1:]:  # one root per sentence, as UD requires
        arcs[extra].head, arcs[extra].deprel = roots[0], "parataxis"
    return arcs


@register_processor_variant(DEPPARSE, EMBEDDED)
class EmbeddedParser(CopiedLayer):
    """Sets UD ``head``/``deprel`` on every word and rebuilds the sentence dependencies."""

    def copy(self, sentence, tokens):
        for word, (head, deprel) in zip(sentence.words, to_ud(sentence_arcs(tokens))):
            word.head = head
            word.deprel = deprel
        sentence.build_dependencies()
