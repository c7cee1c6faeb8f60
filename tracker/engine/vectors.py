"""The parser's own word vectors: spaCy's tok2vec output (``doc.tensor``), one row per stanza word.

The embedded engine keeps them on the stanza ``Document`` it makes; stanza's own engine has none. Learned
models read them with ``word_vectors``; a cache that stores documents as dicts puts them back with
``attach_vectors``.
"""

import numpy

VECTORS = "_tracker_vectors"  # attribute of a stanza Document holding its word vectors


def word_count(document):
    """How many words ``document`` has, across its sentences."""
    return sum(len(sentence.words) for sentence in document.sentences)


def attach_vectors(document, vectors):
    """Keep ``vectors`` (one row per word of ``document``, in document order) on ``document`` as float32."""
    vectors = numpy.asarray(vectors, dtype=numpy.float32)
    if vectors.ndim != 2 or len(vectors) != word_count(document):
        raise ValueError(f"{vectors.shape} vectors for a document of {word_count(document)} words")
    setattr(document, VECTORS, vectors)
    return document


def sentence_vectors(document):
    """``word_vectors`` of ``document`` cut by sentence: one ``(n_words, width)`` array a sentence (views of
    the one array), or None when its engine gives none."""
    vectors = word_vectors(document)
    if vectors is None:
        return None
    return numpy.split(vectors, numpy.cumsum([len(sentence.words) for sentence in document.sentences])[:-1])


def word_vectors(document):
    """``(n_words, width)`` float32 vectors of the words of ``document`` in document order (sentence after
    sentence), or None when its engine gives none (``--engine stanza``)."""
    return getattr(document, VECTORS, None)
