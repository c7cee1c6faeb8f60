"""From the words of a parse to characters of the article: a mention of a phrase, the pieces of a content,
the cue as written."""

from .lexicon import EDGE_PUNCT
from .records import Mention


def _trimmed(words):
    """``words`` less the punctuation and conjunctions at their edges (a closing quotation mark stays, and so
    do a "(" whose ")" is inside and a ")" whose "(" is inside)."""
    while words and (words[0].upos == "PUNCT" and words[0].text in EDGE_PUNCT or words[0].deprel == "cc"
                     or words[0].text == "(" and not any(w.text == ")" for w in words)):
        words = words[1:]
    while words and (words[-1].upos == "PUNCT" and words[-1].text not in "\"”’'»" or words[-1].deprel == "cc") \
            and not (words[-1].text == ")" and any(w.text == "(" for w in words)):
        words = words[:-1]
    return words


def _mention(words, text, sentence):
    """A ``Mention`` of ``words``, trimmed, in sentence ``sentence`` of ``text``; None when nothing is left."""
    words = _trimmed(sorted(words, key=lambda w: w.id))
    if not words:
        return None
    start, end = words[0].start_char, words[-1].end_char
    return Mention(start, end, text[start:end], sentence, tuple(w.id for w in words))


def _pieces(words):
    """Contiguous character pieces covered by ``words`` (gaps of more than one word split them)."""
    words = _trimmed(sorted(words, key=lambda w: w.id))
    pieces = []
    for w in words:
        if pieces and w.id == pieces[-1][2] + 1:
            pieces[-1] = (pieces[-1][0], w.end_char, w.id)
        else:
            pieces.append((w.start_char, w.end_char, w.id))
    return [(a, b) for a, b, _ in pieces]


def _cue_mention(tree, verb, text, preposition=None, through=None):
    """The cue as written: the verb with its auxiliaries, particles and content preposition ("has said",
    "pointed out", "called for"), or with the words up to ``through`` ("made it clear")."""
    words = [verb] + tree.kids(verb, "aux", "aux:pass", "compound:prt")
    if preposition is not None and preposition.id == verb.id + 1:
        words.append(preposition)
    if through is not None:
        words += tree.words[verb.id:through.id]
    words = [w for w in words if abs(w.id - verb.id) <= 3]
    return _mention(words, text, tree.index)
