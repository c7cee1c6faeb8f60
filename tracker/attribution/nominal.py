"""Cues other than verbs: nouns ("Trump's claim that X"), stance adjectives ("is confident that X"),
"according to X", polls ("In the latest poll, ..."), reporting verbs misread as nouns ("Smith charges that ...")
and quoted labels ("pounded Trump as a “con artist”")."""

from ..cues import CLAUSE_CUES, CORE_VERBS, DOCUMENTS, GENERIC, INFINITIVE_CUES, VERBS
from ..marks import OPENERS
from .lexicon import (
    ABOUT,
    CHOICES,
    NOUN_CUES,
    OPPOSING,
    SPEAKER_POS,
    STANCE_ADJECTIVES,
    UNDERGOING,
    UNDERGONE,
)
from .mentions import _cue_mention, _mention, _pieces, _trimmed
from .records import Attribution
from .subjects import subject_of


def from_misread_verb(index, tree, noun):
    """A reporting verb the tagger read as a noun (``misread_verb``): its compound is the speaker."""
    if index.in_quotation(noun.start_char):
        return None
    speaker = _mention(tree.subtree(tree.words[noun.id - 2]), index.text, tree.index)
    pieces = _pieces(tree.subtree(misread_complement(tree, noun)))
    if speaker is None or not pieces:
        return None
    return Attribution(
        spans=pieces, kind="indirect", cue=_mention([noun], index.text, tree.index), speaker=speaker,
        sentence=tree.index, paragraph=index.paragraph_of(pieces[0][0]), sources=["misread-verb"],
        cue_lemma=noun.lemma)


def from_noun(index, tree, noun):
    """A nominal cue: "Trump's claim that ...", "criticism of the plan from Democrats"."""
    if index.in_quotation(noun.start_char):
        return None  # "our support for X" inside a quotation belongs to the quotation
    speakers = [c for c in tree.kids(noun, "nmod:poss") if c.upos in ("PROPN", "NOUN", "PRON")] + [
        c for c in tree.kids(noun, "nmod") if c.id > noun.id and c.upos in ("PROPN", "NOUN")
        and any(k.text.lower() in ("from", "by") for k in tree.kids(c, "case"))]
    if not speakers and that_clauses(tree, noun):  # "a New York Times report that ..."
        speakers = [c for c in tree.kids(noun, "compound") if c.upos == "PROPN" and c.id == noun.id - 1]
    undergoer = undergone(tree, noun)
    if not speakers and undergoer is None:
        return None
    speaker = speakers[0] if speakers else None
    content = []
    for child in tree.kids(noun, "acl", "ccomp", "nmod") + that_clauses(tree, noun):
        cases = [k.text.lower() for k in tree.kids(child, "case", "mark", "aux")]
        if child is speaker or child.id < noun.id or index.is_time(child):
            continue
        if child.deprel in ("acl", "ccomp", "acl:relcl") and ("that" in cases or "to" in cases and child.upos == "VERB") \
                or child.deprel == "nmod" and set(cases) & (ABOUT | {"to"} if noun.lemma in OPPOSING else ABOUT):
            if noun.lemma in CHOICES and "to" in cases and child.lemma not in CORE_VERBS:
                return None  # "Britain's decision to leave the union" is an act; "to endorse her" is said
            content = tree.subtree(child, exclude={speaker})
            if child.deprel == "nmod":
                content = [w for w in content if not (w.head == child.id and w.deprel == "case")]
            break
    if not content and undergoer is not None:  # "faced criticism for failing to act": what is criticised
        content = next((tree.subtree(c, exclude={m for m in tree.kids(c, "mark")}) for c in tree.kids(
            noun, "acl") if c.id > noun.id and [m.text.lower() for m in tree.kids(c, "mark")] == ["for"]),
            tree.subtree(undergoer))  # "Lauer faced heavy criticism": he is
    pieces = _pieces(content)
    mention = _mention([w for w in tree.subtree(speaker) if not (w.head == speaker.id and w.deprel == "case")],
                       index.text, tree.index) if speaker is not None else None
    if not pieces or mention is None and speaker is not None:
        return None
    return Attribution(
        spans=pieces, kind="indirect", cue=_mention([noun], index.text, tree.index), speaker=mention,
        sentence=tree.index, paragraph=index.paragraph_of(pieces[0][0]), sources=["noun"], cue_lemma=noun.lemma)


def from_adjective(index, tree, adjective):
    """A predicate adjective of stance: "Roe is confident that X", "he was critical of X", "the union is
    willing to X"; its subject holds the stance."""
    if not tree.kids(adjective, "cop") or index.in_quotation(adjective.start_char):
        return None
    speaker = subject_of(index, tree, adjective)
    if speaker is None or speaker.deprel == "csubj" or speaker.text.lower() == "it":
        return None  # "It is certain that X": no one holds it
    introducers = STANCE_ADJECTIVES[adjective.text.lower()]
    for child in tree.kids(adjective, "ccomp", "xcomp", "obl", "advcl"):
        marks = [m for m in tree.kids(child, "mark", "case", "aux") if m.id < child.id]
        first = marks[0].text.lower() if marks else None
        if child.id < adjective.id or not (
                child.deprel == "ccomp" and "that" in introducers or first in introducers - {"that"}):
            continue
        preposition = marks[0] if child.deprel in ("obl", "advcl") else None  # "critical of": not content
        pieces = _pieces([w for w in tree.subtree(child) if w is not preposition])
        mention = _mention(tree.subtree(speaker, exclude={adjective}), index.text, tree.index)
        if not pieces or mention is None:
            return None
        return Attribution(
            spans=pieces, kind="indirect", speaker=mention, sentence=tree.index,
            cue=_cue_mention(tree, adjective, index.text, preposition),
            paragraph=index.paragraph_of(pieces[0][0]), sources=["adjective"], cue_lemma=adjective.lemma)
    return None


def according_to(index, tree, word):
    """ "according to X": X is the speaker; the rest of the sentence (or, for a sentence that begins
    with it in lower case, the sentence before) is the content. Read from the surface, which holds
    whatever the parse made of the phrase."""
    words = tree.words
    k = word.id - 1
    if k + 1 >= len(words) or words[k + 1].text.lower() != "to":
        return None
    end = k + 2
    while end < len(words) and not (words[end].upos == "PUNCT" and words[end].text in ",;.!?:)"):
        end += 1
    source = words[k + 2:end]
    if not source or not any(w.upos in ("PROPN", "NOUN", "PRON") for w in source):
        return None
    after = [w for w in words[end:] if w.upos != "PUNCT"]
    content = words[:k] + words[end:]
    if _trimmed(words[:k]) and after and after[0].upos not in ("CCONJ", "SCONJ"):
        content = words[:k]  # ", according to X, a former aide ...": the rest describes X
    pieces = _pieces(content)
    if not pieces and tree.index > 0 and word.text[0].islower():
        previous = index.trees[tree.index - 1]
        pieces = _pieces(previous.words)
    mention = _mention(source, index.text, tree.index)
    if not pieces or mention is None:
        return None
    return Attribution(
        spans=pieces, kind="indirect", cue=_mention(words[k:k + 2], index.text, tree.index), speaker=mention,
        sentence=tree.index, paragraph=index.paragraph_of(pieces[0][0]), sources=["according"],
        cue_lemma="according to")


def from_quoted_label(index, tree, verb):
    """ "pounded Trump as a “con artist”", "went after him as “unfit”": whatever the verb, someone held up
    as a quoted label is labelled in the subject's words; who is labelled and the label are the content."""
    if tree.kids(verb, "nsubj:pass") or verb.lemma in GENERIC or index.in_quotation(verb.start_char):
        return None
    targets = [k for k in tree.kids(verb, "obj", "obl") if k.id > verb.id and k.upos in ("PROPN", "PRON")
               and not index.is_time(k) and (k.deprel == "obj" or [c.text.lower() for c in tree.kids(k, "case")]
                                            in (["after"], ["at"], ["against"]))]
    labels = [k for k in tree.kids(verb, "obl", "xcomp", "advcl")
              if len(tree.subtree(k)) > 2 and tree.subtree(k)[0].text.lower() == "as"
              and any(w.text in OPENERS or w.text in ('"', "'") for w in tree.subtree(k)[1:3])]
    if not targets or not labels or labels[0].id < targets[0].id:
        return None
    speaker = subject_of(index, tree, verb)
    if speaker is None:
        return None
    target = tree.subtree(targets[0], exclude={verb, speaker})
    if target[0].deprel == "case":
        target = target[1:]
    content = target + tree.subtree(labels[0], exclude={verb, speaker})
    pieces = _pieces(content)
    mention = _mention(tree.subtree(speaker, exclude=set(content) | {verb}), index.text, tree.index)
    if not pieces or mention is None:
        return None
    return Attribution(
        spans=pieces, kind="indirect", speaker=mention, sentence=tree.index, cue=_cue_mention(tree, verb, index.text),
        paragraph=index.paragraph_of(pieces[0][0]), addressee=None, sources=["quoted-label"], cue_lemma=verb.lemma)


def in_a_poll(index, tree, noun):
    """ "In the latest poll, Clinton leads by five points": a sentence that opens with the poll or survey
    it reports; the poll is the source, "in" the cue, the rest of the sentence the content."""
    cases = tree.kids(noun, "case")
    if noun.deprel != "obl" or not noun.head or len(cases) != 1 or cases[0].text.lower() != "in":
        return None
    verb, span = tree.head(noun), tree.subtree(noun)
    if verb.lemma in CORE_VERBS or span[0] is not cases[0] or _trimmed(tree.words[:span[0].id - 1]) \
            or span[-1].id >= len(tree.words) or tree.words[span[-1].id].text != ",":
        return None
    content = [w for w in tree.subtree(verb) if w.id > span[-1].id + 1]
    source = [w for w in span if w is not cases[0]]
    pieces, mention = _pieces(content), _mention(source, index.text, tree.index)
    if not pieces or mention is None:
        return None
    return Attribution(
        spans=pieces, kind="indirect", cue=_mention(cases, index.text, tree.index), speaker=mention,
        sentence=tree.index, paragraph=index.paragraph_of(pieces[0][0]), sources=["poll"], cue_lemma="in")


def misread_verb(tree, noun):
    """ "Smith charges that ...", "But Smith claims that ...", "The Roe campaign plans to ...": a reporting verb
    in the present read as a plural noun with the speaker as its compound; the sentence's head, followed by its
    complement (``misread_complement``)."""
    if noun.deprel != "root" or noun.lemma not in VERBS or noun.xpos != "NNS" \
            or not noun.text.lower().endswith("s") or noun.id < 2:
        return False
    before = tree.words[noun.id - 2]
    return before.head == noun.id and before.deprel == "compound" and before.upos in ("PROPN", "NOUN") \
        and misread_complement(tree, noun) is not None


def misread_complement(tree, noun):
    """The content of a misread verb: a "that" clause after a verb of saying, or a to-infinitive after a verb
    of intending when its compound names someone ("Sanders Vows To ...", not "Peace talks to resume")."""
    clauses = that_clauses(tree, noun) if noun.lemma in CLAUSE_CUES else []
    if clauses:
        return clauses[0]
    before = tree.words[noun.id - 2]
    named = before.upos == "PROPN" or any(c.upos == "PROPN" for c in tree.kids(before, "compound"))
    return next((c for c in tree.kids(noun, "xcomp", "advcl") if c.id > noun.id and named
                 and noun.lemma in INFINITIVE_CUES and [m.text.lower() for m in tree.kids(c, "mark", "aux")
                                                        if m.id < c.id][:1] == ["to"]), None)


def that_clauses(tree, word):
    """The clauses after ``word`` that open with "that" ("the claim that X")."""
    return [c for c in tree.kids(word, "ccomp", "acl", "acl:relcl") if c.id > word.id
            and [m.text.lower() for m in tree.kids(c, "mark") if m.id < c.id][:1] == ["that"]]


def undergone(tree, noun):
    """ "X faced criticism", "X came under fire for Y", "X is drawing questions": the subject of a verb of
    undergoing that takes a noun of criticism or questioning; the critics go unnamed (or come "from")."""
    if noun.lemma not in UNDERGONE or not noun.head or noun.deprel not in ("obj", "obl") \
            or noun.lemma == "question" and noun.xpos != "NNS":  # "faced this question": no one asks
        return None
    verb = tree.head(noun)
    cases = [c.text.lower() for c in tree.kids(noun, "case")]
    if verb.lemma not in UNDERGOING or (cases != ["under"] if verb.lemma == "come" else bool(cases)):
        return None
    subjects = [k for k in tree.kids(verb, "nsubj") if k.upos in SPEAKER_POS  # "the claim drew criticism":
                and k.lemma not in NOUN_CUES | DOCUMENTS]  # the claim is the statement to report
    return subjects[0] if subjects else None
