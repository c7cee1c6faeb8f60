"""Targets: what each claim is about, as candidates for the stance step.

A claim's candidate targets are the named entities inside its content (people, organisations, places,
groups, laws, events) and the key noun phrases of its main clause ("a ceasefire", "foreign interference").
Names are canonicalised by the same resolver as speakers, so "Haftar" and "Khalifa Haftar" meet, and an
adjective of nationality stands for its country ("Egyptian deployment" -> Egypt).
"""

from dataclasses import dataclass

TARGET_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LAW", "EVENT", "FAC", "WORK_OF_ART", "LOC", "PRODUCT"}
PHRASE_DEPRELS = {"nsubj", "nsubj:pass", "obj", "obl", "nmod", "xcomp", "conj", "appos", "root", "ccomp"}
MODIFIERS = {"compound", "amod", "flat", "nmod:poss"}
UNINFORMATIVE = {"thing", "way", "time", "year", "day", "part", "lot", "kind", "number", "people", "what",
                 "something", "anything", "everything", "one", "percent", "week", "month", "end", "place"}


@dataclass
class Target:
    """A candidate target: canonical ``name``, entity ``type`` (None for a noun phrase), and where the
    words stand in the article (``start``/``end``) and in the claim's text (``offset``)."""

    name: str
    type: str | None
    start: int
    end: int
    sentence: int


def _inside(start, end, spans):
    return any(a <= start and end <= b for a, b in spans)


def candidate_targets(document, attribution, resolver):
    """Candidate targets of one attribution's content, named entities first, in text order."""
    spans = attribution.spans
    found, taken = [], set()
    for entity in document.ents:
        if entity.type in TARGET_TYPES and _inside(entity.start_char, entity.end_char, spans):
            name, etype = resolver.canonical(entity.text, entity.type)
            if etype == "NORP":
                name = resolver.country_of(name) or name
            found.append(Target(name, etype, entity.start_char, entity.end_char, -1))
            taken.update(range(entity.start_char, entity.end_char))
    for index, sentence in enumerate(document.sentences):
        for word in sentence.words:
            if word.upos != "NOUN" or word.deprel not in PHRASE_DEPRELS or word.lemma in UNINFORMATIVE:
                continue
            if not _inside(word.start_char, word.end_char, spans) or word.start_char in taken:
                continue
            modifiers = [w for w in sentence.words if w.head == word.id and w.deprel in MODIFIERS
                         and w.upos in ("NOUN", "ADJ", "PROPN") and w.id < word.id]
            first = min([word] + modifiers, key=lambda w: w.id)
            text = document.text[first.start_char:word.end_char]
            found.append(Target(text, None, first.start_char, word.end_char, index))
    return sorted(found, key=lambda t: (t.type is None, t.start))
