"""Where a content starts and ends: what goes on it (a reason, a clause or object joined to it, a possessed
noun) and what is cut from it (a dateline or linking adverb, a lead-in, side remarks, asides, the medium, what
follows a break)."""

from ..cues import CORE_VERBS, SPEECH_VERBS, VERBS
from .lexicon import (
    CONCESSIVE,
    DASHES,
    LINKING,
    PREPOSITIONAL_CUES,
    SAID_IN,
    SUBJECTS,
    WH_WORDS,
)

TRAILING_RELATIVES = ("which", "who", "where")


def before_semicolon(index, words, verb):
    """Content after its cue ends at a semicolon outside quotation marks: what follows is a
    sentence of its own ("said the timing was a coincidence; they learned of it on Friday")."""
    breaks = [w.id for w in words if w.id > verb.id and w.text == ";"
              and not any(w.start_char in q for q in index.quotes)]
    return [w for w in words if w.id < min(breaks)] if breaks else words


def is_lead_in(index, tree, clause, verb):
    """An unquoted clause before a cue that has its content after it ("In his book, 'Title,' X suggested
    looking at ...", "Should the firm fail, critics worry that ..."): the writer's lead-in, not what was said."""
    return clause.id < verb.id and any(k.id > verb.id for k in tree.kids(verb, "ccomp", "xcomp")) \
        and not index.in_quotation(tree.subtree(clause)[0].start_char)


def through_possessive(tree, words):
    """A content that stops right before or right after a possessive "'s" was cut inside a noun phrase by the
    parse ("as examples of the nominee’s disrespect for women"): it goes on through the possessed noun, also
    one the tagger misread as a verb ("welcoming the city’s plans to ...": no verb follows a possessive)."""
    if not words:
        return words
    last = max(w.id for w in words)
    if last + 1 >= len(tree.words):
        return words
    mark, noun = tree.words[last], tree.words[last + 1]
    if tree.words[last - 1].xpos == "POS":
        mark, noun = tree.words[last - 1], tree.words[last]
    misread = noun.xpos == "VBZ"
    if mark.xpos != "POS" or noun in words or noun.upos not in ("NOUN", "ADJ", "PROPN") and not misread:
        return words
    span = tree.subtree(noun, exclude=set(tree.kids(noun, "conj")) if misread else ())  # not the verbs it joins
    if span[0] is not noun or any(w in words for w in span):
        return words
    return words + [w for w in (mark,) if w not in words] + span


def coordinated_object(tree, verb, words, exclude):
    """ "emphasized economic fairness, and a need to raise wages", "mentioned refinancing loans and forcing
    colleges to ...": the parse may join the second object to the verb (or the verb above it) as if it
    were a clause; a noun, or a gerund with no subject, right after the object and "and"/"or" goes on it
    (a reporting verb there, "touting X and saying Y", starts a statement of its own)."""
    end = max(w.id for w in words)
    for head in (verb, tree.head(verb)):
        for conj in tree.kids(head, "conj") if head is not None else []:
            span = tree.subtree(conj, exclude=exclude)
            if not span or conj.id < end:
                continue
            if span[0].deprel != "cc" and span[0].id > 1 and tree.words[span[0].id - 2].deprel == "cc":
                span = [tree.words[span[0].id - 2]] + span
            between = [w.text for w in tree.words[end:span[0].id - 1]]
            question = len(span) > 1 and span[1].text.lower() in WH_WORDS  # "spoke of X, and how Y"
            if span[0].id > end and between in ([], [","]) and span[0].text.lower() in ("and", "or") \
                    and (conj.upos in ("NOUN", "PROPN") or question or conj.xpos == "VBG"
                         and conj.lemma not in CORE_VERBS and not tree.kids(conj, *SUBJECTS, "aux")):
                return tree.words[end:span[0].id - 1] + span
    return []


def reason_after_content(tree, verb, words):
    """ "said the deal failed, because voters rejected it": a "because" clause right after the content
    gives the speaker's reason even when the parse hangs it on the cue verb."""
    if not words or min(w.id for w in words) < verb.id:
        return []
    end = max(w.id for w in words)
    for clause in tree.kids(verb, "advcl"):
        span = tree.subtree(clause)
        between = tree.words[end:span[0].id - 1]
        if span[0].id > end and span[0].text.lower() == "because" and [w.text for w in between] in ([], [","]):
            return between + span
    return []


def clause_joined_to_content(tree, verb, words):
    """ "said it was too early to tell, and there was no sign of foul play", "The toll rose, he said on
    Monday, and more were missing": a clause that the parse joins to a verb of speaking with ", and" or
    "but" (with a comma or without), right after its content or after the cue that interrupts it, goes on the
    content, unless it is a report of its own (", but denied X"); so does a bare verb joined with "and" ("said she
    wanted to visit the port and meet the workers"), which cannot share the cue's tense."""
    if verb.lemma not in SPEECH_VERBS or not words:
        return []
    clauses = tree.kids(verb, "conj", "ccomp", "xcomp", "advcl", "parataxis", "obj")
    cue = {w.id for w in tree.subtree(verb, exclude=set(words) | set(clauses))}
    end = max(w.id for w in words) if min(w.id for w in words) > verb.id else verb.id
    for conj in tree.kids(verb, "conj"):
        span = [w for w in tree.subtree(conj)  # the ", and" may hang on the cue verb or on the clause
                if not (w.head == conj.id and w.id < conj.id and (w.deprel == "cc" or w.text == ","))]
        joint = tree.words[span[0].id - 3:span[0].id - 1]
        if span[0].id > end and ([w.text.lower() for w in joint] == [",", "and"] or joint[-1].text.lower() == "but"
                                 or joint[-1].text.lower() == "and" and conj.xpos == "VB" and verb.xpos != "VB") \
                and conj.lemma not in VERBS and all(i in cue for i in range(end + 1, span[0].id - 2)):
            return (joint if span[0].id == end + 3 else joint[1:]) + span  # no comma opens a piece
    return []


DATELINE_WORDS = 8  # a dateline's dash is among a sentence's first words: "WASHINGTON, D.C. (Reuters) -"


def without_opening(tree, words):
    """Content that opens its sentence without the writer's lead-in: a dateline ("WASHINGTON ― ...")
    and a linking adverb ("However, ...", "In addition, ...")."""
    words = sorted(words, key=lambda w: w.id)
    if not words or words[0].id != 1:
        return words
    dashes = [w for w in words[:DATELINE_WORDS] if w.text in DASHES or _spaced_hyphen(words, w)]
    if dashes and all(w.text.isupper() or w.upos == "PUNCT" or _in_brackets(words, w)
                      for w in words[:dashes[0].id - 1]):  # "DETROIT -", "PARIS (Reuters) ―"
        words = [w for w in words if w.id > dashes[0].id]
    if words and words[0].text.lower() in LINKING | {"in"}:
        lead = words[0] if words[0].text.lower() in LINKING else tree.head(words[0])
        if lead is not None and lead.lemma.lower() in LINKING and lead.deprel in ("advmod", "obl", "discourse") \
                and tree.head(lead).upos not in ("ADJ", "ADV"):  # not "However laudable the goal, ..."
            span = {w.id for w in tree.subtree(lead)}
            words = [w for w in words if w.id not in span]
    return words


def _spaced_hyphen(words, hyphen):
    """Whether ``hyphen`` (one of ``words``, which open a sentence) is a hyphen written as a dash, with a space
    on either side ("DETROIT - ..."), not one that joins words ("U.S.-based")."""
    k = words.index(hyphen)
    return hyphen.text == "-" and 0 < k < len(words) - 1 and words[k - 1].end_char < hyphen.start_char \
        and hyphen.end_char < words[k + 1].start_char


def _in_brackets(words, word):
    """Whether ``word`` (one of ``words``, which open a sentence) stands between brackets: a wire's credit in a
    dateline ("PARIS (Reuters) - ...")."""
    k = words.index(word)
    return any(w.text == "(" for w in words[:k]) and any(w.text == ")" for w in words[k + 1:])


def before_a_break(tree, clause, verb):
    """The clause ends before a colon or semicolon that precedes the verb: a sentence of its own
    ("We have been here before: bin Laden declared war ..."), whichever of them the parse hangs it on."""
    end = max(w.id for w in tree.subtree(clause) if w.upos != "PUNCT" or w is clause)
    return end < verb.id and any(w.text in (":", ";") for w in tree.words[end:verb.id - 1])


def side_remarks(tree, clause):
    """Trailing parts of a content clause that are not what was said: participle clauses set off by a
    comma (", citing ...", ", arguing that ...") describe the speaking, and a reporting verb joined to
    the clause ("... and warned that ...", "..., though critics noted ...") is a statement of its own."""
    remarks = [child for child in tree.kids(clause, "conj")
               if child.id > clause.id and is_reporting_clause(tree, child)]
    remarks += [child for child in tree.kids(clause, "advcl")  # ", though critics noted ..."
                if child.id > clause.id and child.lemma in CORE_VERBS and tree.kids(child, "nsubj")
                and any(m.text.lower() in CONCESSIVE for m in tree.kids(child, "mark"))]
    for child in tree.kids(clause, "advcl"):
        before = tree.words[child.id - 2] if child.id > 1 else None
        first = tree.subtree(child)[0]
        if child.id > clause.id and child.xpos == "VBG" and child.lemma in CORE_VERBS and first is child \
                and before is not None and before.text in (",", "-", "—", "–"):
            remarks.append(child)
    return remarks


def speaker_narration(tree, clause, speaker):
    """A clause joined to the content with ", and" or "— but" whose subject is a pronoun for the speaker ("said
    the real extremist is X, and he railed against ..."): the writer goes on about the speaker, who said the
    first part only. Not a second "that" clause, nor when the content is about the speaker too ("said he
    would win, and he would ...")."""
    if speaker is None:
        return []
    pronoun = speaker.text.lower() if speaker.upos == "PRON" else "they" if speaker.xpos in ("NNS", "NNPS") \
        else None
    own = {w.text.lower() for w in tree.kids(clause, *SUBJECTS)}
    remarks = []
    for conj in tree.kids(clause, "conj"):
        subjects = tree.kids(conj, "nsubj")
        said = subjects[0].text.lower() if subjects and subjects[0].upos == "PRON" else None
        first = tree.subtree(conj)[0]
        joint = [w.text.lower() for w in tree.words[first.id - 3:first.id - 1]] if first.deprel != "cc" \
            else [tree.words[first.id - 2].text.lower(), first.text.lower()]
        joined = len(joint) == 2 and (joint[0] == "," or joint[0] in DASHES | {"-"}) and joint[1] in ("and", "but")
        if conj.id > clause.id and said and said not in own and joined and not tree.kids(conj, "mark") \
                and (said == pronoun or pronoun is None and speaker.upos == "PROPN" and said in ("he", "she")):
            remarks.append(conj)
    return remarks


def without_trailing_apposition(tree, words):
    """Content ending in an apposition with a relative clause, set off by a comma ('... would consider
    Rep. Smith, a former governor who can raise cash'): it describes a name the speaker used, in the
    writer's words."""
    if not words:
        return words
    last = max(w.id for w in words)
    for w in words:
        if w.deprel == "appos" and w.head and tree.words[w.head - 1] in words and w.upos == "NOUN" \
                and any(x.deprel == "acl:relcl" for x in tree.subtree(w)):
            span = tree.subtree(w)
            if span[-1].id >= last - 1 and span[0].id > 1 and tree.words[span[0].id - 2].text == ",":
                return [x for x in words if x.id < span[0].id - 1]
    return words


def without_trailing_relative(index, tree, words):
    """Content ending in a relative clause set off by a comma and opened by "which", "who" or "where", outside
    quotation marks ("said she would back the bill, which comes to a vote on Monday"): the writer's note on the
    last thing named, not what was said."""
    if not words:
        return words
    last = max(w.id for w in words)
    for w in words:
        if w.deprel != "acl:relcl" or tree.head(w) not in words:
            continue
        span = tree.subtree(w)
        opener, before = span[0], tree.words[span[0].id - 2] if span[0].id > 1 else None
        if opener.text.lower() in TRAILING_RELATIVES and before is not None and before.text == "," \
                and before in words and span[-1].id >= last - 1 and not index.in_quotation(opener.start_char):
            return [x for x in words if x.id < before.id]
    return words


def without_medium(tree, words, obj):
    """Object content ending in where it was said ("cited X in his remarks", "attacked X on Twitter",
    "rejected X in a ruling released Thursday"): the medium is the writer's setting, not what was said."""
    if not words:
        return words
    last = max(w.id for w in words)
    for w in words:
        if w is obj or w.deprel not in ("nmod", "obl") or w.lemma.lower() not in SAID_IN:
            continue
        cases = [c for c in tree.kids(w, "case") if c.id < w.id]
        span = tree.subtree(w)
        if cases and cases[0].text.lower() in ("in", "on", "via") and span[-1].id >= last - 1 \
                and span[0].id > obj.id:
            return [x for x in words if x.id < span[0].id]
    return words


def trailing_asides(tree, phrase):
    """A comma-led clause that ends the phrase (", which ...", ", known as ..."): it describes what was
    reported, it is not part of it."""
    words = tree.subtree(phrase)
    asides = []
    for word in words:
        for child in tree.kids(word, "acl:relcl", "acl"):
            span = tree.subtree(child)
            if child.id > word.id and span[-1].id >= words[-1].id - 1 and span[0].id > 1 \
                    and tree.words[span[0].id - 2].text == ",":
                asides.append(child)
    return asides


def is_reporting_clause(tree, verb):
    """A reporting verb with a content clause, object or preposition of its own, not itself a "that"
    clause ("and denied the report", "and the mayor denied it", "and warned against X")."""
    prepositional = any(c.text.lower() in PREPOSITIONAL_CUES.get(verb.lemma, ()) and c.id < obl.id
                        for obl in tree.kids(verb, "obl") for c in tree.kids(obl, "case"))
    return verb.upos == "VERB" and verb.lemma in CORE_VERBS and (
        bool(tree.kids(verb, "ccomp", "obj")) or prepositional) and not tree.kids(verb, "mark", "expl")
