"""Targets: what each claim is about, as candidates for the stance step.

A claim's candidate targets are the named entities inside its content (people, organisations, places,
groups, laws, events) and the key noun phrases of its main clause ("a ceasefire", "foreign interference").
Names are canonicalised by the same resolver as speakers, so "Haftar" and "Khalifa Haftar" meet, and an
adjective of nationality stands for its country ("Egyptian deployment" -> Egypt).
"""

from dataclasses import dataclass

from .stance import claim_stance

TARGET_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LAW", "EVENT", "FAC", "WORK_OF_ART", "LOC", "PRODUCT"}
PHRASE_DEPRELS = {"nsubj", "nsubj:pass", "obj", "obl", "nmod", "xcomp", "conj", "appos", "root", "ccomp"}
MODIFIERS = {"compound", "amod", "flat", "nmod:poss"}
EDITORIAL_BRACKETS = str.maketrans("[]", "  ")
PLACE_PREPOSITIONS = {"in", "at", "near", "across", "throughout", "via", "inside", "outside", "around", "into"}
TOP_TARGETS = 3  # the stance step weighs this many of the most salient candidates
UNINFORMATIVE = {"thing", "way", "time", "year", "day", "part", "lot", "kind", "number", "people", "what",
                 "something", "anything", "everything", "one", "percent", "week", "month", "end", "place"}


@dataclass
class Target:
    """A candidate target: canonical ``name``, entity ``type`` (None for a noun phrase), and where its
    words stand in the article (``start``/``end``)."""

    name: str
    type: str | None
    start: int
    end: int


def _inside(start, end, spans):
    return any(a <= start and end <= b for a, b in spans)


def candidate_targets(document, attribution, resolver):
    """Candidate targets of one attribution's content, most salient first: arguments of the content's
    main predicate before deeper words, named entities before noun phrases, earlier before later."""
    spans = attribution.spans
    found, taken = [], set()
    for entity in document.ents:
        if entity.type in TARGET_TYPES and _inside(entity.start_char, entity.end_char, spans):
            name, etype = resolver.entity_name(entity)
            if etype == "NORP":
                name = resolver.country_of(name) or name
            found.append(Target(name, etype, entity.start_char, entity.end_char))
            taken.update(range(entity.start_char, entity.end_char))
    for sentence in _overlapping(document, spans):
        for word in sentence.words:
            if word.upos != "NOUN" or word.deprel not in PHRASE_DEPRELS or word.lemma in UNINFORMATIVE:
                continue
            if not _inside(word.start_char, word.end_char, spans) or word.start_char in taken:
                continue
            modifiers = [w for w in sentence.words if w.head == word.id and w.deprel in MODIFIERS
                         and w.upos in ("NOUN", "ADJ", "PROPN") and w.id < word.id]
            first = min([word] + modifiers, key=lambda w: w.id)
            text = document.text[first.start_char:word.end_char]
            name, etype = resolver.canonical(text, None)  # a name the tagger missed: "[Haftar]"
            found.append(Target(name, etype if name != text else None, first.start_char, word.end_char))
    depth = _depths(document, spans)
    places = _place_adjuncts(document, spans)
    return sorted(found, key=lambda t: (min(depth.get(i, 9) for i in range(t.start, t.end)) + (t.type is None)
                                        + 3 * (t.start in places), t.start))


def _place_adjuncts(document, spans):
    """Start offsets of the words heading a place or route adjunct ("in Libya", "via Syria"): the setting
    of a statement, seldom what it is for or against."""
    starts = set()
    for sentence in _overlapping(document, spans):
        for word in sentence.words:
            cases = [w.text.lower() for w in sentence.words if w.head == word.id and w.deprel == "case"]
            if word.deprel in ("obl", "nmod") and cases and cases[0] in PLACE_PREPOSITIONS:
                starts.add(word.start_char)
                starts.update(w.start_char for w in sentence.words if w.head == word.id and w.deprel in MODIFIERS)
    return starts


def _overlapping(document, spans):
    """The sentences that share characters with ``spans``."""
    start, end = spans[0][0], spans[-1][1]
    for sentence in document.sentences:
        if sentence.tokens[0].start_char < end and start < sentence.tokens[-1].end_char:
            yield sentence


def _depths(document, spans):
    """For each character of the content, how deep its word sits under the content's top words."""
    depth = {}
    for sentence in _overlapping(document, spans):
        inside = {w.id: w for w in sentence.words if _inside(w.start_char, w.end_char, spans)}
        for word in inside.values():
            level, node = 0, word
            while node.head in inside and level < 9:
                node = inside[node.head]
                level += 1
            for i in range(word.start_char, word.end_char):
                depth[i] = level
    return depth


def stance_and_target(document, attribution, resolver):
    """The stance step for one attribution: ``(StanceResult, Target or None)`` toward its most salient
    candidate target."""
    start, end = attribution.start, attribution.end
    content = document.text[start:end].translate(EDITORIAL_BRACKETS)  # "[Haftar]": same offsets, plain words
    candidates = candidate_targets(document, attribution, resolver)
    result, name = claim_stance(content, attribution.cue_lemma,
                                [(t.name, t.start - start, t.end - start) for t in candidates[:TOP_TARGETS]])
    target = next((t for t in candidates if t.name == name), None)
    return result, target
