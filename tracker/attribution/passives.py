"""Passive cues: "The plan was criticized by the union as unfair", "He was accused of lying"."""

from ..cues import CLAUSE_CUES, DOCUMENTS
from .content import is_comparison
from .lexicon import ADDRESSING, NOT_SAID_WHEN_PASSIVE, OBJECT_CONTROL, PASSIVE_COMPLEMENTS
from .mentions import _cue_mention, _mention, _pieces
from .records import Attribution
from .subjects import is_reduced_passive


def from_passive(index, tree, verb):
    """A passive cue: "The plan was criticized by the union as unfair", "He was accused of lying". The
    subject is what is reported, the agent (if any) the speaker."""
    agents = [k for k in tree.kids(verb, "obl:agent", "obl") if k.id > verb.id
              and any(c.text.lower() == "by" for c in tree.kids(k, "case"))] or issuing_document(tree, verb)
    subject = tree.kids(verb, "nsubj:pass")[0]
    if is_addressed(tree, verb):  # "was asked which X ..."
        content = [w for o in tree.kids(verb, "obj") if o.id > verb.id for w in tree.subtree(o)]
    else:
        content = [] if is_placeholder_subject(tree, verb, subject) else tree.subtree(subject)
    bare = not agents
    for extra in tree.kids(verb, "ccomp", "xcomp", "obl", "advcl", "advmod"):
        span = tree.subtree(extra, exclude=set(agents))
        if extra.id > verb.id and extra not in agents and not index.is_time(extra) and (
                extra.deprel in ("ccomp", "xcomp") or span[0].text.lower() in PASSIVE_COMPLEMENTS
                and any(w.upos not in ("ADP", "ADV") for w in span)  # not a bare "as well as"
                or is_comparison(tree, extra)):
            content += span
            bare = False
    if bare and verb.lemma in NOT_SAID_WHEN_PASSIVE:
        return None  # "refugees were admitted", "the holiday is observed", "gunshots are heard"
    pieces = _pieces(content)
    speaker = None
    if agents:
        speaker = _mention([w for w in tree.subtree(agents[0]) if not (w.head == agents[0].id
                            and w.deprel == "case")], index.text, tree.index)
    if not pieces:
        return None
    return Attribution(
        spans=pieces, kind="indirect", cue=_cue_mention(tree, verb, index.text), speaker=speaker,
        sentence=tree.index, paragraph=index.paragraph_of(pieces[0][0]), sources=["passive"],
        cue_lemma=verb.lemma)


def is_placeholder_subject(tree, verb, subject):
    """ "It was reported that X", "It's been said that X": a bare "it" standing for the clause after the verb,
    which alone is what was reported."""
    return subject.text.lower() == "it" and not tree.kids(subject) \
        and any(k.id > verb.id for k in tree.kids(verb, "ccomp"))


def is_addressed(tree, verb):
    """ "She was asked whether X", "He was told that X": the subject of a passive verb of addressing or of
    object control with a clause after it is the one spoken to; what was said is the clause alone."""
    return verb.lemma in ADDRESSING | OBJECT_CONTROL and any(k.id > verb.id for k in tree.kids(verb, "ccomp"))


def is_unnamed_question(index, tree, verb):
    """A participle clause of a clause cue with a clause of its own and no subject ("Asked whether the tax
    would rise, she said ...", "Told that the plant would close, workers ..."): someone the sentence does
    not name asked or told it."""
    return verb.lemma in CLAUSE_CUES and is_reduced_passive(tree, verb) and bool(tree.kids(verb, "ccomp"))


def from_unnamed_question(index, tree, verb):
    """The attribution of ``is_unnamed_question``: its clause, with no speaker."""
    pieces = _pieces([w for clause in tree.kids(verb, "ccomp") for w in tree.subtree(clause)])
    if not pieces or index.in_quotation(verb.start_char):
        return None
    return Attribution(
        spans=pieces, kind="indirect", cue=_cue_mention(tree, verb, index.text), speaker=None,
        sentence=tree.index, paragraph=index.paragraph_of(pieces[0][0]), sources=["unnamed-question"],
        cue_lemma=verb.lemma)


def issuing_document(tree, verb):
    """ "was documented in the film", "were detailed in a lawsuit": the document a passive cue says something in
    is the one saying it."""
    return [k for k in tree.kids(verb, "obl") if k.id > verb.id and k.lemma in DOCUMENTS
            and [c.text.lower() for c in tree.kids(k, "case")] == ["in"]][:1]
