"""Embedded ``pos`` processor: universal and Penn tags from the embedded analysis."""

from stanza.pipeline._constants import POS
from stanza.pipeline.processor import register_processor_variant

from .constants import EMBEDDED
from .tokenize import CopiedLayer


@register_processor_variant(POS, EMBEDDED)
class EmbeddedTagger(CopiedLayer):
    """Copies spaCy's ``pos_``/``tag_``/morphology onto the stanza words."""

    def copy(self, sentence, tokens):
        for word, token in zip(sentence.words, tokens):
            word.upos = token.pos_ or "X"
            word.xpos = token.tag_ or None
            word.feats = str(token.morph) or None
