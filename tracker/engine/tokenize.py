"""Embedded ``tokenize`` processor: runs spaCy's small English model once per document.

Tokens, sentences and character offsets go into a stanza ``Document``; the spaCy analysis is kept on the
document so the embedded pos, lemma, depparse and ner processors can copy their layer from it, and so are the
kept tokens' tok2vec rows (``vectors.word_vectors``).
"""

import functools

import numpy
from spacy.attrs import SENT_START
from stanza.models.common import doc as stanza_doc
from stanza.pipeline._constants import TOKENIZE
from stanza.pipeline.processor import ProcessorVariant, register_processor_variant

from .constants import EMBEDDED, SPACY_MODEL
from .vectors import attach_vectors

ANALYSIS = "_tracker_embedded"  # attribute of a stanza Document holding its EmbeddedAnalysis


class EmbeddedAnalysis:
    """A spaCy ``Doc`` and, per stanza sentence, the spaCy tokens it kept (whitespace dropped)."""

    def __init__(self, spacy_doc):
        self.spacy_doc = spacy_doc
        self.sentences = []
        for sent in spacy_doc.sents:
            tokens = [t for t in sent if not t.is_space]
            if tokens:
                self.sentences.append(tokens)

    def vectors(self):
        """The tok2vec rows (``doc.tensor``) of the kept tokens, in order; None when the model set none."""
        tensor = self.spacy_doc.tensor
        kept = [t.i for tokens in self.sentences for t in tokens]
        if tensor is None or tensor.ndim != 2 or len(tensor) != len(self.spacy_doc):
            return None
        return tensor[kept]


def analysis_of(document):
    """The embedded analysis a ``Document`` was tokenized with; a clear error if there is none."""
    analysis = getattr(document, ANALYSIS, None)
    if analysis is None:
        raise ValueError("the embedded processors need the embedded tokenizer (tokenize=embedded)")
    return analysis


class CopiedLayer(ProcessorVariant):
    """A processor that copies one layer of the embedded analysis onto each stanza sentence."""

    OVERRIDE = True

    def __init__(self, config):
        pass

    def copy(self, sentence, tokens):
        """Set this layer on one stanza ``sentence`` from its spaCy ``tokens``."""
        raise NotImplementedError

    def process(self, document):
        for sentence, tokens in zip(document.sentences, analysis_of(document).sentences):
            self.copy(sentence, tokens)
        return document


# a line of words with no sentence end is cut every so many tokens: one sentence of a whole article (a text
# without punctuation) would make the parse and the steps after it quadratic in its length
LONGEST_SENTENCE = 200
SENTENCE_ENDS = {".", "!", "?", "...", "…"}


def _paragraph_boundaries(doc):
    """Start a sentence after every line break: headlines and paragraphs never run together; and never
    right after a word or number inside a line ("Clinton cited remarks | Trump had made ...", "7 | p.m."):
    a sentence ends with punctuation or with its line, and a line with no sentence end is cut every
    ``LONGEST_SENTENCE`` tokens.

    The marks are written in one ``from_array``: setting ``Token.is_sent_start`` checks the whole ``Doc``
    for a parse each time, which made this quadratic in the article's length."""
    starts = doc.to_array(SENT_START).astype(numpy.int64)
    run = 0  # tokens since the last sure sentence start or end
    for previous, token in zip(doc, doc[1:]):
        if previous.is_space and "\n" in previous.text or run >= LONGEST_SENTENCE:
            starts[token.i], run = 1, 0
        elif previous.text in SENTENCE_ENDS:
            run = 0
        else:
            run += 1
            if previous.text[-1:].isalnum():
                starts[token.i] = -1
    doc.from_array([SENT_START], starts.astype(numpy.uint64))
    return doc


SUFFIX_WINDOW = 16  # characters of a string's end the suffix patterns are first tried on
LOOKBEHIND_MARGIN = 4  # more than the longest lookbehind of a suffix pattern (2 characters: "°F")


def tail_suffix_search(search, string):
    """``search`` (spaCy's suffix regex, every pattern anchored at the end) run on the end of ``string`` only,
    with the same match length as on all of it.

    spaCy's tokenizer strips one suffix at a time and searches the whole rest of the string each time:
    quadratic in a long run of punctuation (10,000 quotation marks in a row took 14 s). A match that starts
    past the lookbehind margin of the window is the match on the whole string; one that starts near the
    window's start may be longer (only a run of dots, ``\\.\\.+``, is), so the window doubles until it holds it."""
    window = SUFFIX_WINDOW
    while window < len(string):
        match = search(string[-window:])
        if match is None or match.start() >= LOOKBEHIND_MARGIN:
            return match
        window *= 2
    return search(string)


@functools.lru_cache(maxsize=1)
def load_spacy():
    """Load the packaged spaCy model once per process."""
    import spacy
    from spacy.language import Language

    if "tracker_paragraphs" not in Language.factories:
        Language.component("tracker_paragraphs")(_paragraph_boundaries)
    nlp = spacy.load(SPACY_MODEL)
    nlp.tokenizer.suffix_search = functools.partial(tail_suffix_search, nlp.tokenizer.suffix_search)
    nlp.add_pipe("tracker_paragraphs", before="parser")
    nlp.max_length = 60_000_000
    return nlp


def _to_document(spacy_doc):
    analysis = EmbeddedAnalysis(spacy_doc)
    sentences = [
        [{stanza_doc.ID: i + 1, stanza_doc.TEXT: t.text,
          stanza_doc.MISC: f"start_char={t.idx}|end_char={t.idx + len(t.text)}"}
         for i, t in enumerate(tokens)]
        for tokens in analysis.sentences
    ]
    document = stanza_doc.Document(sentences, spacy_doc.text)
    setattr(document, ANALYSIS, analysis)
    vectors = analysis.vectors()
    if vectors is not None:
        attach_vectors(document, vectors)
    return document


def _text_of(document):
    return document.text if isinstance(document, stanza_doc.Document) else document


@register_processor_variant(TOKENIZE, EMBEDDED)
class EmbeddedTokenizer(ProcessorVariant):
    """Tokenizes and splits sentences with the packaged spaCy model (no download)."""

    OVERRIDE = True

    def __init__(self, config):
        self.nlp = load_spacy()
        self.batch_size = config.get("batch_size", 16)

    def process(self, document):
        return _to_document(self.nlp(_text_of(document)))

    def bulk_process(self, docs):
        texts = [_text_of(d) for d in docs]
        return [_to_document(d) for d in self.nlp.pipe(texts, batch_size=self.batch_size)]
