"""Who speaks, and to whom: the subject of a cue verb (through coordination, control and participle
clauses), the words of the noun phrase that name the speaker, and the addressee."""

from ..cues import DOCUMENTS, SPEECH_VERBS, VERBS
from ..trees import CLAUSE_RELATIONS, path_up
from .lexicon import (
    ADDRESSING,
    AUTHORING,
    OBJECT_CONTROL,
    POLLS,
    QUANTIFIERS,
    RECORDINGS,
    RELATIVE_SUBJECTS,
    SPEAKER_POS,
    SUBJECTS,
)
from .mentions import _mention


def subject_of(index, tree, verb):
    """The speaker word: the verb's subject, or the subject of the verb it is coordinated with. A
    subject inside quotation marks is the parse's misreading of the quote, not the speaker."""
    quoted = index.in_quotation(verb.start_char)
    node = verb
    for _ in range(3):
        subjects = [w for w in tree.kids(node, *SUBJECTS) if (w.upos in SPEAKER_POS or w.deprel == "csubj"
                                                              or is_nominal_subject(w))
                    and (any(c.isalnum() for c in w.text) or is_share(tree, w))
                    and (quoted or not index.in_quotation(w.start_char))]
        if subjects:  # the nearest: in '"People like Scott," he said' the parse makes both subjects
            nearest = min(subjects, key=lambda w: abs(w.id - verb.id))
            antecedent = relative_antecedent(tree, nearest)  # "released an ad that accused X": its issuer
            return (antecedent is not None and issuer_of(index, tree, antecedent)) or nearest
        inverted = inverted_speaker(tree, verb) if node is verb else None
        if inverted is not None:
            return inverted
        if node is verb and is_reduced_passive(tree, node):
            return None  # "when asked about X, she said": the one asked, not who asked
        if node.deprel in ("conj", "xcomp", "advcl") and node.head:
            head = tree.head(node)
            controller = object_controller(index, tree, node, head) if node.deprel == "xcomp" else None
            if controller is not None:
                return controller
            if (node.deprel == "conj" and node.xpos != "VB" or is_participle_remark(tree, node)) \
                    and node.lemma in VERBS and head.deprel in ("ccomp", "advcl") and head.head \
                    and not is_subordinate_clause(tree, head) \
                    and tree.head(head).lemma in VERBS:
                head = tree.head(head)  # "X said A and warned B", "X said A, citing B": joined to A (a bare
                # "they should change A rather than criticize B" shares A's modal and subject)
            if is_predicate_of_manner(tree, node, head):
                node = head  # "was quick to note that X": the subject of "quick" notes
                continue
            remark = is_participle_remark(tree, node)
            node = head
            if node.upos not in ("VERB", "AUX") and not (remark and tree.kids(node, "cop")):
                return None  # a remark on a copular predicate is its subject's: "X is more cautious, saying ..."
            continue
        if node.deprel == "acl" and node.head:  # "a statement calling ..."
            head = tree.head(node)
            if node is verb and node.xpos == "VBN":  # "veterans invited to speak": the noun is acted on
                return None
            above = tree.head(head) if head.deprel in ("obj", "obl") else None
            if above is not None and above.upos in ("VERB", "AUX") and head.upos == "NOUN" \
                    and head.lemma not in DOCUMENTS and node.id > head.id:
                return subject_of(index, tree, above)  # "said at a news conference announcing ...",
                # "set up a policy urging ...": the participle goes on with the clause's subject
            issuer = issuer_of(index, tree, head) if node.id > head.id else None
            return issuer or (head if head.upos in ("NOUN", "PROPN") else None)
        return None
    return None


def issuer_of(index, tree, document):
    """Who put out ``document`` (a document or a poll), by the verb of authoring it is the object of: that verb's
    subject ("the council issued a statement calling ...", "she gave a speech urging ..."); of a passive, its "by"
    agent ("The survey was conducted for AP by Edison Research"); None otherwise ("a tweet attacking X", "read a
    letter saying X")."""
    if document.lemma.lower() not in DOCUMENTS | POLLS or not document.head:
        return None
    verb = tree.head(document)
    if verb.lemma.lower() not in AUTHORING:
        return None
    if document.deprel == "obj" and verb.upos == "VERB":
        return subject_of(index, tree, verb)
    return passive_agent(tree, verb) if document.deprel == "nsubj:pass" else None


def passive_agent(tree, verb):
    """The "by" agent of a passive ``verb``, also when the parser hangs it on a word of the verb's clause ("was
    conducted for AP by Edison Research"), not of a clause below it; None without one."""
    return next((w for w in tree.words if w.upos in ("PROPN", "NOUN")
                 and any(c.lemma == "by" for c in tree.kids(w, "case")) and (path := path_up(tree, w, verb))
                 and not any(x.deprel.split(":")[0] in CLAUSE_RELATIONS for x in path)), None)


def is_reduced_passive(tree, verb):
    """A participle clause with no subject or auxiliary of its own and a passive sense ("when asked about X",
    "pressed on the deal"): the main clause's subject undergoes it. A past form the tagger read as finite
    ("Asked what it cost, she ...") is the participle too: a finite clause would have a subject."""
    return verb.deprel == "advcl" and verb.xpos in ("VBN", "VBD") \
        and not tree.kids(verb, *SUBJECTS, "aux", "aux:pass")


def object_controller(index, tree, xcomp, head):
    """Who does what an object-control verb's complement says: "forced the CEO to admit ...", "left many
    nations feeling that ...", "footage of the candidate asking ..." (the one shown, not the footage)."""
    objects = [o for o in tree.kids(head, "obj") if o.id < xcomp.id and o.upos in ("NOUN", "PROPN", "PRON")
               and not index.is_time(o)]
    if not objects or not (xcomp.xpos == "VBG" or head.lemma in OBJECT_CONTROL):
        return None
    shown = [n for n in tree.kids(objects[0], "nmod") if objects[0].lemma in RECORDINGS
             and n.upos in ("PROPN", "NOUN", "PRON") and any(c.lemma == "of" for c in tree.kids(n, "case"))]
    return (shown or objects)[0]


def addressee_of(index, tree, verb):
    """Whom the statement was made to: "told Reuters", "said in an interview with CNN"."""
    if verb.lemma in ADDRESSING:
        objects = tree.kids(verb, "obj", "iobj")
        if objects:
            return _mention(tree.subtree(objects[0]), index.text, tree.index)
    for obl in tree.kids(verb, "obl"):
        if any(c.lemma == "to" for c in tree.kids(obl, "case")) and obl.upos in ("PROPN", "NOUN"):
            return _mention(tree.subtree(obl), index.text, tree.index)
    return None


def inverted_speaker(tree, verb):
    """ '"...," added another delegate': after a quotation that it reports, a speech verb's speaker may follow
    it, and the parse may read that speaker as the verb's object."""
    if verb.lemma not in SPEECH_VERBS or not any(c.id < verb.id for c in tree.kids(verb, "ccomp", "parataxis")):
        return None
    before = tree.words[verb.id - 2] if verb.id > 1 else None
    following = tree.words[verb.id] if verb.id < len(tree.words) else None
    if before is None or before.upos != "PUNCT" or following is None:
        return None
    objects = [o for o in tree.kids(verb, "obj") if o.upos in ("NOUN", "PROPN") and o.id > verb.id
               and following in tree.subtree(o)]
    return objects[0] if objects else None


def is_predicate_of_manner(tree, xcomp, head):
    """ "was quick to note", "has been slow to embrace", "was able to tout": a predicate adjective whose
    infinitive is done by the adjective's subject (not an expletive "it": "it is hard to say")."""
    return xcomp.deprel == "xcomp" and head.upos == "ADJ" and bool(tree.kids(head, "cop")) \
        and not any(s.text.lower() == "it" for s in tree.kids(head, *SUBJECTS, "expl"))


def is_subordinate_clause(tree, clause):
    """An adverbial clause with a subject of its own and a conjunction other than "that" ("after she attacked
    A and blamed B"): what is joined to it is done by its subject."""
    return clause.deprel == "advcl" and bool(tree.kids(clause, *SUBJECTS)) \
        and any(m.text.lower() != "that" for m in tree.kids(clause, "mark"))


def relative_antecedent(tree, speaker, pronouns=RELATIVE_SUBJECTS):
    """The noun a relative pronoun subject stands for ("a meeting that focused on X" -> meeting), or None."""
    clause = tree.head(speaker)
    if speaker.text.lower() not in pronouns or not speaker.deprel.startswith("nsubj") or clause is None \
            or clause.deprel != "acl:relcl" or not clause.head:
        return None
    return tree.head(clause)


def restrictive_antecedent(tree, speaker):
    """Words of the noun phrase a subject "that" restricts ("a mining firm that had gone bankrupt ...",
    "a super PAC that intends ..."): "that" alone names nobody, so the mention runs from the noun phrase
    through it."""
    noun = relative_antecedent(tree, speaker, {"that"})
    if noun is None or noun.upos not in ("NOUN", "PROPN") or noun.id > speaker.id:
        return []
    clause = tree.head(speaker)
    words = [w for w in tree.subtree(noun, exclude={clause, *tree.kids(noun, "appos", "case")})
             if w.id < speaker.id]
    return words if [w.id for w in words] == list(range(words[0].id, speaker.id)) else []


def is_nominal_subject(word):
    """A subject the tagger did not tag as a noun: a quantifier standing for people ("many of them say",
    "most of whom announced", "nearly a third say") or a name read as a verb ("Trump this week said")."""
    return word.lemma.lower() in QUANTIFIERS and word.upos in ("ADJ", "DET", "NUM") \
        or word.upos == "VERB" and word.text[:1].isupper() and word.text[1:].islower()


def is_share(tree, word):
    """A percent sign with its number, the share of a poll's people who say something ("42% say")."""
    return word.text == "%" and any(k.upos == "NUM" for k in tree.kids(word))


def is_participle_remark(tree, verb):
    """A participle clause set off by a comma that goes on with its subject's words (", citing X"), or
    opens the sentence ("Citing X, the senator said ...")."""
    span = tree.subtree(verb)
    if verb.deprel != "advcl" or verb.xpos != "VBG":
        return False
    before = [w.text for w in tree.words[max(0, span[0].id - 3):span[0].id - 1]]
    if span[0] is verb and (before[-1:] == [","] or len(before) == 2 and before[0] == ","
                            and before[1] in "\"”’'"):  # ', citing', ',” citing'
        return True
    return span[0].id <= 2 and span[-1].id < len(tree.words) and tree.words[span[-1].id].text == ","
