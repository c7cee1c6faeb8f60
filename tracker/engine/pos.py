"""Embedded ``pos`` processor: universal and Penn tags from the embedded analysis."""

from stanza.pipeline._constants import POS
from stanza.pipeline.processor import ProcessorVariant, register_processor_variant

from .constants import EMBEDDED
from .tokenize import analysis_of


@register_processor_variant(POS, EMBEDDED)
class EmbeddedTagger(ProcessorVariant):
    """Copies spaCy's ``pos_``/``tag_``/morphology onto the stanza words."""

    OVERRIDE = True

    def __init__(self, config):
        pass

    def process(self, document):
        analysis = analysis_of(document)
        for sentence, tokens in zip(document.sentences, analysis.sentences):
            for word, token in zip(sentence.words, tokens):
                word.upos = token.pos_ or "X"
                word.xpos = token.tag_ or None
                word.feats = str(token.morph) or None
        return document
