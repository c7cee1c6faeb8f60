"""Complements found where the parse did not hang them: a clause or an infinitive after the addressee or an
adjunct ("told reporters on Monday that X"), what is said of something ("said the same of X"), what a verb
names ("called it a disgrace"), what an issued document says ("issued a statement calling X ...") and what is
expressed ("expressed concern about X")."""

from ..cues import DOCUMENTS, SPEECH_VERBS
from .lexicon import (
    ADDRESSING,
    CONTAINERS,
    DIRECTING,
    EXPRESSED,
    NAMING,
    NOUN_CUES,
    PUBLISHING,
    SUBJECTS,
)


def what_is_said_of(tree, verb):
    """ "said the same thing", "said the same of X": the content points to another statement; "hasn't said
    much about X": X is what is (not) said."""
    if verb.lemma not in SPEECH_VERBS or tree.kids(verb, "ccomp"):
        return []
    for word in tree.kids(verb, "obj", "advmod"):
        if word.id <= verb.id:
            continue
        span = tree.subtree(word)
        commas = [w.id for w in span if w.text == "," and w.id > word.id]
        span = [w for w in span if not commas or w.id < commas[0]]  # "the same thing, including X"
        if word.lemma == "same" or any(c.lemma == "same" for c in tree.kids(word, "amod")):
            after = [o for o in tree.kids(verb, "obl") if o.id == span[-1].id + 2
                     and [c.text.lower() for c in tree.kids(o, "case")] == ["of"]]
            return span + (tree.subtree(after[0]) if after else [])
        if word.text.lower() in ("much", "little", "nothing", "anything"):
            about = [o for o in tree.kids(verb, "obl") + tree.kids(word, "nmod", "advcl", "acl")
                     if o.id > word.id and any(c.text.lower() == "about" and c.id == word.id + 1
                                               for c in tree.kids(o, "case", "mark"))]
            if about:
                return [w for w in tree.subtree(about[0]) if w.id > word.id + 1]
    return []


def what_is_named(tree, verb):
    """ "called the senator a liar": the parse may read both nouns as predicates of the verb, with no
    object; who is named and what they are called are the content."""
    if verb.lemma not in NAMING or tree.kids(verb, "obj", "ccomp") or verb.deprel == "acl":
        return []
    named = [x for x in tree.kids(verb, "xcomp") if x.id > verb.id and x.upos in ("NOUN", "PROPN", "PRON", "ADJ")]
    if len(named) < 2:
        return []
    return [w for x in named for w in tree.subtree(x)]


def what_the_document_says(tree, verb, obj):
    """ "issued a statement calling X a violation", "filed a motion to open the files": a document put
    out is what speaks; what it calls, opposes or asks for is the content."""
    if verb.lemma not in PUBLISHING or obj.lemma not in DOCUMENTS | {"paper"}:
        return []
    for acl in tree.kids(obj, "acl"):
        span = tree.subtree(acl)
        if acl.id < obj.id or span[0].id > tree.subtree(obj)[-1].id or tree.kids(acl, "nsubj", "nsubj:pass"):
            continue
        if acl.xpos == "VBG" and span[0] is acl and len(span) > 1:  # "a paper welcoming X": X
            return span[1:]
        if span[0].text.lower() == "to" and span[1] is acl:  # "a motion to unseal X"
            return span
    return []


DOCUMENT_TOPICS = ("on", "about", "against")  # what introduces what a document is about


def what_is_expressed(tree, verb, obj):
    """ "expressed concern about X", "voiced outrage that X": the object names the feeling, X is the
    content; so is what a document is on, about or against ("wrote a letter about X", "filed a suit against X")."""
    if verb.lemma not in ("express", "voice"):
        framing = CONTAINERS.get(obj.lemma, ()) or (DOCUMENT_TOPICS if obj.lemma in DOCUMENTS else ())
        for child in tree.kids(obj, "nmod", "acl"):  # "embraced the idea of X", "issued a statement on X"
            marks = [c for c in tree.kids(child, "case", "mark") if c.id < child.id]
            if child.id > obj.id and len(marks) == 1 and marks[0].text.lower() in framing:
                return [w for w in tree.subtree(child) if w is not marks[0]]
        return []
    for child in tree.kids(obj, "nmod", "acl", "ccomp"):
        marks = [c for c in tree.kids(child, "case", "mark") if c.id < child.id]
        if child.id > obj.id and marks and marks[0].text.lower() in EXPRESSED:
            return [w for w in tree.subtree(child) if not (w is marks[0] and w.text.lower() != "that")]
    return []


def clause_after_addressee(tree, verb):
    """ "told the leaders that nobody grasped ...": the parse may hang the "that" clause on
    the addressee as if it described them; a clause with "that" as its conjunction (not its subject)
    is the content."""
    if verb.lemma not in ADDRESSING:
        return []
    return [clause for obj in tree.kids(verb, "obj", "iobj") for clause in tree.kids(obj, "acl:relcl", "acl")
            if clause.id > obj.id and tree.kids(clause, *SUBJECTS) and any(
                m.text.lower() == "that" for m in tree.kids(clause, "mark"))]


def infinitive_after_addressee(tree, verb):
    """ "told his supporters at the rally to stay calm": the parse may read the infinitive after whom a
    verb of telling or urging addresses as a purpose ("in order to"); it is what they were told to do."""
    objects = tree.kids(verb, "obj", "iobj")
    if verb.lemma not in ADDRESSING | DIRECTING or not objects or tree.kids(verb, "xcomp"):
        return []
    return [c for c in tree.kids(verb, "advcl") if c.id > objects[0].id
            and [m.text.lower() for m in tree.kids(c, "mark", "aux") if m.id < c.id][:1] == ["to"]]


def clause_after_adjunct(tree, verb):
    """ "tweeted in the early hours that the deal was dead", "told reporters on the plane that ...": the
    parse may hang the "that" clause on the adjunct before it (as if it said which hours) or on the verb
    as an adverbial; a clause with a subject, opened by a "that" that is not its subject, is the
    content."""
    if tree.kids(verb, "ccomp"):
        return []
    found = []
    for child in tree.kids(verb, "obl", "advcl"):
        if child.lemma in NOUN_CUES:  # "seized on Trump's claim that ...": the claim's own content
            continue
        clauses = [child] if child.deprel == "advcl" else tree.kids(child, "acl:relcl", "acl")
        for clause in clauses:
            first = tree.subtree(clause)[0]
            if clause.id > verb.id and first.text.lower() == "that" and first.head == clause.id \
                    and first.deprel in ("mark", "advmod") and tree.kids(clause, *SUBJECTS, "nsubj:pass", "expl"):
                found.append(clause)
    return found
