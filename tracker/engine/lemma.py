"""Embedded ``lemma`` processor: lemmas from the embedded analysis."""

from stanza.pipeline._constants import LEMMA
from stanza.pipeline.processor import register_processor_variant

from .constants import EMBEDDED
from .tokenize import CopiedLayer


@register_processor_variant(LEMMA, EMBEDDED)
class EmbeddedLemmatizer(CopiedLayer):
    """Copies spaCy's lemmas (lower-cased, as UD lemmas of common words are) onto the stanza words."""

    def copy(self, sentence, tokens):
        for word, token in zip(sentence.words, tokens):
            lemma = token.lemma_ or token.text
            word.lemma = lemma if token.pos_ == "PROPN" else lemma.lower()
