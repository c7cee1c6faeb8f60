"""Embedded ``lemma`` processor: lemmas from the embedded analysis."""

from stanza.pipeline._constants import LEMMA
from stanza.pipeline.processor import ProcessorVariant, register_processor_variant

from .constants import EMBEDDED
from .tokenize import analysis_of


@register_processor_variant(LEMMA, EMBEDDED)
class EmbeddedLemmatizer(ProcessorVariant):
    """Copies spaCy's lemmas (lower-cased, as UD lemmas of common words are) onto the stanza words."""

    OVERRIDE = True

    def __init__(self, config):
        pass

    def process(self, document):
        analysis = analysis_of(document)
        for sentence, tokens in zip(document.sentences, analysis.sentences):
            for word, token in zip(sentence.words, tokens):
                lemma = token.lemma_ or token.text
                word.lemma = lemma if token.pos_ == "PROPN" else lemma.lower()
        return document
