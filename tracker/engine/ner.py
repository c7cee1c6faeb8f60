"""Embedded ``ner`` processor: OntoNotes entities from the embedded analysis.

stanza 1.15's ``NERProcessor`` reads its trainers while finishing its configuration, which a variant has
none of; ``VariantAwareNERProcessor`` takes its place and skips that step for variants only.
"""

from stanza.pipeline._constants import NER
from stanza.pipeline.ner_processor import NERProcessor
from stanza.pipeline.processor import UDProcessor, register_processor_variant
from stanza.pipeline.registry import NAME_TO_PROCESSOR_CLASS

from .constants import EMBEDDED
from .tokenize import CopiedLayer


class VariantAwareNERProcessor(NERProcessor):
    """stanza's NER processor, usable with a processor variant."""

    def _set_up_final_config(self, config):
        if hasattr(self, "_variant"):
            UDProcessor._set_up_final_config(self, config)
            self.model_paths = [EMBEDDED]
        else:
            super()._set_up_final_config(config)


NAME_TO_PROCESSOR_CLASS[NER] = VariantAwareNERProcessor


def bioes_tags(tokens):
    """BIOES tags (stanza's NER scheme) for spaCy tokens of one sentence."""
    tags = []
    for k, token in enumerate(tokens):
        if not token.ent_type_:
            tags.append("O")
            continue
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        continues = following is not None and following.ent_iob_ == "I"
        if token.ent_iob_ == "B":
            tags.append(("B-" if continues else "S-") + token.ent_type_)
        else:
            tags.append(("I-" if continues else "E-") + token.ent_type_)
    return tags


@register_processor_variant(NER, EMBEDDED)
class EmbeddedRecognizer(CopiedLayer):
    """Copies spaCy's entities onto the stanza tokens and builds ``doc.ents``."""

    def copy(self, sentence, tokens):
        for token, tag in zip(sentence.tokens, bioes_tags(tokens)):
            token.ner = tag

    def process(self, document):
        super().process(document)
        document.build_ents()
        return document
