"""``find_attributions``: the attribution rules put together over one article, and the order they run in."""

from .classifier import features, judged, shipped_classifier
from .intervals import Intervals
from .layout import from_layout
from .quotations import from_quotes, merge_continuations, with_quotes
from .rules import from_cue
from .span_model import shipped_span_model
from .tagger import found_by_tagger, shipped_tagger


def find_attributions(index, classifier=shipped_classifier, tagger=shipped_tagger, span_model=shipped_span_model):
    """The attributions of an article (an ``ArticleIndex``), in text order, one per content: the cue rules on
    every word (``rules.CUE_RULES``), then layout ("Name: ...", '"..." ― Name'), then quotations (widened to
    their marks; those no cue claimed, to a cue nearby or to the speaker they continue), continuations merged.

    ``classifier`` judges the rules' proposals (default: the model shipped with the package); with None, every
    proposal is kept, which is what its training reads. ``tagger`` (default: the CRF shipped with the package;
    None: no tagger, which is what its training reads) then adds the statements the rules missed. Before it,
    ``span_model`` (default: the cue-conditioned span model shipped with the package, which reads the parser's
    word vectors: a document without them gets nothing from it; None: none) adds its confident statements at
    the cues the rules did not use."""
    classifier = classifier() if classifier is shipped_classifier else classifier
    tagger = tagger() if tagger is shipped_tagger else tagger
    found = []
    for tree in index.trees:
        for word in tree.words:
            attribution = from_cue(index, tree, word)
            if attribution:
                found.append(attribution)
    found = drop_nested(found)
    taken = {(a.start, a.end) for a in found}
    found.extend(a for a in from_layout(index) if not any(s < a.end and a.start < e for s, e in taken))
    found = [with_quotes(index, a) for a in found]
    found.extend(from_quotes(index, found, {a.cue.start for a in found if a.cue}))
    merged = merge_continuations(index, sorted(found, key=lambda a: a.start))
    unique = {}
    for attribution in merged:  # one statement per content: claim ids hash the content's offsets
        unique.setdefault((attribution.start, attribution.end), attribution)
    if classifier is None:
        return list(unique.values())
    kept = judged(list(unique.values()), lambda a: classifier.keeps(features(index, a)))
    span_model = span_model() if span_model is shipped_span_model else span_model
    if span_model is not None:
        kept = sorted(kept + span_model.statements(index, kept), key=lambda a: a.start)
    if tagger is None:
        return kept
    return sorted(kept + found_by_tagger(index, kept, tagger), key=lambda a: a.start)


def drop_nested(found):
    """A cue inside another attribution's content ("a return to what he said were ...", or a later sentence of
    a statement set off by a colon) is dropped, and so is an object cue
    inside a speaker's description ('said Roe, a lawyer who has been challenging the company')."""
    contents = Intervals((s, e, b) for b in found for s, e in b.spans)
    speakers = Intervals((b.speaker.start, b.speaker.end, b) for b in found if b.speaker)
    kept = []
    for a in found:
        at_cue = (a.cue.start, a.cue.start + 1) if a.cue else None
        inner = at_cue and (any(b is not a for b in contents.overlapping(*at_cue))
                            or a.sources[:1] == ["object"] and any(b is not a for b in speakers.overlapping(*at_cue)))
        if not inner:
            kept.append(a)
    return kept

