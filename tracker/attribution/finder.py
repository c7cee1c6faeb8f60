"""``find_attributions``: the attribution rules put together over one article, and the order they run in."""

import re

from .classifier import features, judged, shipped_classifier
from .intervals import Intervals
from .layout import from_layout
from .quotations import from_quotes, merge_continuations, with_quotes
from .rules import from_cue
from .span_model import shipped_span_model


def find_attributions(index, classifier=shipped_classifier, span_model=shipped_span_model):
    """The attributions of an article (an ``ArticleIndex``), in text order, one per content: the cue rules on
    every word (``rules.CUE_RULES``), then layout ("Name: ...", '"..." ― Name'), then quotations (widened to
    their marks; those no cue claimed, to a cue nearby or to the speaker they continue), continuations merged.

    ``classifier`` judges the rules' proposals (default: the model shipped with the package); with None, every
    proposal is kept, which is what its training reads. ``span_model`` (default: the cue-conditioned span model
    shipped with the package, which reads the parser's word vectors: a document without them gets nothing from
    it; None: none, which is what its training reads) then adds its confident statements at the cues the rules
    did not use."""
    classifier = classifier() if classifier is shipped_classifier else classifier
    found = []
    for tree in index.trees:
        for word in tree.words:
            attribution = from_cue(index, tree, word)
            if attribution:
                found.append(attribution)
    found = drop_nested(index, found)
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
    if span_model is None:
        return kept
    return sorted(kept + span_model.statements(index, kept), key=lambda a: a.start)


def drop_nested(index, found):
    """A cue inside another attribution's content ("a return to what he said were ...", or a later sentence of
    a statement set off by a colon) is dropped, and so is an object cue
    inside a speaker's description ('said Roe, a lawyer who has been challenging the company'); a report with
    a speaker of its own joined on by "and", "but", "while" or "whereas" ("nurses said the plan was fair,
    while doctors said it was not") is kept, and the content it ends is cut before the joint; so is a
    participle that goes on with the speaker's words ("said the plan was fair, adding that ...")."""
    contents = Intervals((s, e, b) for b in found for s, e in b.spans)
    speakers = Intervals((b.speaker.start, b.speaker.end, b) for b in found if b.speaker)
    kept = []
    for a in found:
        at_cue = (a.cue.start, a.cue.start + 1) if a.cue else None
        around = [b for b in contents.overlapping(*at_cue)  # as cut so far
                  if b is not a and any(s <= a.cue.start < e for s, e in b.spans)] if at_cue else []
        joint = joint_before(index, a, around)
        if joint is None:
            joint = remark_joint(index, a, around)
            if joint is not None and any(s <= a.speaker.start < e for b in around for s, e in b.spans):
                a.speaker = around[0].speaker  # the parse's subject inside the content is not who goes on
        if joint is not None:
            for b in around:
                b.spans = [(s, min(e, joint)) for s, e in b.spans if s < joint]
        elif around or at_cue and a.sources[:1] == ["object"] and any(
                b is not a for b in speakers.overlapping(*at_cue)):
            continue
        kept.append(a)
    return kept


JOINT = re.compile(r"[,;]?\s*\b(?:and|but|while|whereas)\s*$", re.IGNORECASE)


def joint_before(index, report, around):
    """Where the contents ``around`` a nested ``report`` end when the report is a clause of its own that ends
    them, joined on with its own speaker ("..., while doctors said ..."; not "his refusal to ..." nor what an
    "according to" source says): the offset of the joint before its speaker; None otherwise."""
    speaker, cue = report.speaker, report.cue
    if speaker is None or not around or not all(
            any(s < speaker.start and speaker.end <= e for s, e in b.spans) and b.end <= report.end
            and "according" not in b.sources for b in around):
        return None
    tree = index.trees[cue.sentence]
    if not any(tree.words[i - 1].upos == "VERB" for i in cue.word_ids):
        return None
    joint = JOINT.search(index.text, max(0, speaker.start - 12), speaker.start)
    return joint.start() if joint and all(b.start < joint.start() for b in around) else None


REMARK_JOINT = re.compile(r"(?:,|\band|\bwhile|\bbut)\s*(?:\w+ly\s+)?$", re.IGNORECASE)


def remark_joint(index, report, around):
    """Where the contents ``around`` a nested ``report`` end when the report is a participle clause that ends
    them, joined on with a comma, "and" or "while", and reports a clause ("said the plan was fair, adding that
    ...", "praised X and saying Y"; not "..., railing against X"): a statement of its own, by the same speaker;
    the offset of the joint; None otherwise."""
    cue = report.cue
    if report.speaker is None or report.sources[:1] != ["ccomp"] or not around or report.start < cue.end \
            or index.in_quotation(cue.start) \
            or not all(b.start < cue.start and b.end <= report.end and b.speaker is not None
                       and "according" not in b.sources for b in around):
        return None
    tree = index.trees[cue.sentence]
    first = tree.words[cue.word_ids[0] - 1]
    if first.xpos != "VBG" or tree.kids(first, "nsubj"):
        return None
    joint = REMARK_JOINT.search(index.text, max(0, cue.start - 20), cue.start)
    return joint.start() if joint and all(b.start < joint.start() for b in around) else None
