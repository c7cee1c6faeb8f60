"""What a cue verb says: ``content_of`` tries each shape of complement in turn (a clause, an infinitive, a
gerund, an object, a preposition), with the rules that find a complement where the parse hung it elsewhere."""

import functools

from ..cues import (
    CLAUSE_CUES,
    CORE_VERBS,
    DISCLOSING,
    INFINITIVE_CUES,
    OBJECT_CUES,
    SPEECH_VERBS,
    VERBS,
)
from ..marks import QUOTE_MARKS
from ..words import word_map, word_set
from .bounds import (
    before_a_break,
    before_semicolon,
    clause_joined_to_content,
    coordinated_object,
    is_lead_in,
    reason_after_content,
    side_remarks,
    speaker_narration,
    trailing_asides,
    without_medium,
    without_opening,
)
from .complements import (
    clause_after_addressee,
    clause_after_adjunct,
    infinitive_after_addressee,
    what_is_expressed,
    what_is_named,
    what_is_said_of,
    what_the_document_says,
)
from .lexicon import (
    ASPECTUAL,
    CIRCUMSTANTIAL,
    DEPICTING,
    GATHERINGS,
    MEDIA,
    NOUN_CUES,
    PLEDGING,
    PREPOSITIONAL_CUES,
    PUBLISHING,
    RAISING,
    RECORDS,
    REQUESTS,
    SUBJECTS,
)
from .nominal import that_clauses


ANSWERS = ("yes", "no")  # "said no": an answer the verb of speech takes as its content


class Complement:
    """What a cue verb's content is looked for in: the article, the sentence, the verb, its speaker and the
    clauses that may hold what it says."""

    def __init__(self, index, tree, verb, speaker):
        self.index, self.tree, self.verb, self.speaker = index, tree, verb, speaker
        self.exclude = {verb, speaker}
        self.clauses = reported_clauses(index, tree, verb, speaker)

    @functools.cached_property
    def prepositional(self):
        """The content after the cue's preposition, if any ("called for X")."""
        return prepositional_content(self.index, self.tree, self.verb)


def reported_clauses(index, tree, verb, speaker):
    """The clauses a verb may report: its clausal complement, else what the parse hung elsewhere ('"...," he
    said' as parataxis or dep; a clause after the addressee or an adjunct)."""
    clauses = [c for c in tree.kids(verb, "ccomp", "csubj") if c is not speaker] or [  # not "Hours later, X ..."
        c for c in tree.kids(verb, "dep", "parataxis", "nsubj") if c.id < speaker.id and c.upos != "PUNCT"
        and not index.is_time(c)
        and (c.deprel != "nsubj" or verb.lemma in SPEECH_VERBS and tree.words[speaker.id - 2].text == ",")]
    return [c for c in clauses if not (before_a_break(tree, c, verb) or is_lead_in(index, tree, c, verb))] \
        or clause_after_addressee(tree, verb) or clause_after_adjunct(tree, verb)


def content_of(index, tree, verb, speaker):
    """Content words of a cue verb and the rule that found them: the first shape of ``CONTENT_SHAPES`` that
    decides; ``([], None)`` when none does."""
    complement = Complement(index, tree, verb, speaker)
    for shape in CONTENT_SHAPES:
        found = shape(complement)
        if found is not None:
            return found
    return [], None


def relative_shape(c):
    """A relative clause the parse took for the cue's clause: "said the plan, which ..." (``misread_relative``)."""
    relative = misread_relative(c.tree, c.verb, c.clauses)
    return ([w for w in relative if w not in c.exclude], "object") if relative else None


def made_clear_shape(c):
    """ "made it clear that X": the clause of "clear"."""
    clarified = what_is_made_clear(c.tree, c.verb)
    return (c.tree.subtree(clarified, exclude=c.exclude), "ccomp") if clarified else None


def clause_shape(c):
    """ "X said (that) ...": the reported clauses, less side remarks, with a reason or a clause joined to them,
    up to a semicolon."""
    tree, verb = c.tree, c.verb
    if verb.lemma not in CLAUSE_CUES or not c.clauses:
        return None
    words = []
    for clause in c.clauses:
        words += tree.subtree(clause, exclude=c.exclude | set(side_remarks(tree, clause))
                              | set(speaker_narration(tree, clause, c.speaker)))
    words += reason_after_content(tree, verb, words)
    words += clause_joined_to_content(tree, verb, words)
    words = with_opening_before_interrupting_cue(tree, verb, c.speaker, words)
    return without_opening(tree, before_semicolon(c.index, words, verb)), "ccomp"


def with_opening_before_interrupting_cue(tree, verb, speaker, words):
    """ "When the plant closes, the mayor said, the town will suffer", "Of course, she added, it will pass": a
    cue and its speaker set off by commas inside the sentence they report, with the parse hanging what opens the
    sentence on the cue; the opening goes on the content (``words``, all after the cue), unless it is a
    participle clause that tells how the words came ("Asked about it, she said, ...") or the cue introduces a
    quoted sentence ('In a statement, she said, "..."'). Else ``words``."""
    if not words or min(w.id for w in words) < verb.id:
        return words
    first = min((w.id for w in words if w.text != "," and not QUOTE_MARKS.fullmatch(w.text)), default=None)
    cue_start = min(verb.id, tree.subtree(speaker)[0].id)
    between = [w for w in tree.words[verb.id:(first or 1) - 1] if not QUOTE_MARKS.fullmatch(w.text)]
    if first is None or cue_start < 3 or tree.words[cue_start - 2].text != "," or not between \
            or between[-1].text != "," or opens_a_quoted_sentence(tree, tree.words[first - 1]):
        return words
    opening = [w for kid in tree.kids(verb) if kid.id < cue_start and kid.upos != "PUNCT"
               and not is_participle_clause(tree, kid) for w in tree.subtree(kid)]
    covered = {w.id for w in opening} | {w.id for w in tree.words[:cue_start - 1] if w.upos == "PUNCT"}
    if not opening or covered != set(range(1, cue_start)):
        return words
    return opening + [w for w in words if w.id >= first or w.text != ","]


def opens_a_quoted_sentence(tree, word):
    """ ``word`` opens a quotation with a capital ('In a statement, she said, "The plan ..."'): the cue before it
    introduces a sentence of the speaker's own, it does not interrupt the writer's."""
    before = tree.words[word.id - 2] if word.id > 1 else None
    return before is not None and bool(QUOTE_MARKS.fullmatch(before.text)) and word.text[:1].isupper()


def as_clause_shape(c):
    """ "As the minister put it, the talks failed": the clause the as-clause hangs on; "as odd as it may seem"
    is how things look, which nobody says."""
    if not is_as_clause(c.tree, c.verb):
        return None
    if c.verb.lemma in RAISING:
        return [], None
    root = c.tree.head(c.verb)
    return [w for w in c.tree.subtree(root, exclude={c.verb}) if w is not c.speaker], "as-clause"


def name_given_shape(c):
    """ "His group, called the Land Fund, will ...": a name given, nothing said."""
    tree, verb = c.tree, c.verb
    if verb.lemma == "call" and verb.deprel == "parataxis" and tree.kids(verb, "xcomp") \
            and tree.words[verb.id - 2].text == ",":
        return [], None
    return None


def parataxis_shape(c):
    """ '"The difference now," he said, "is that ..."': the cue set in the clause it reports, which the parse
    may hang on the subject it interrupts; the content is the whole clause, with what opens it when the parse
    hangs that on the cue ("Voters, she suggested, need not worry"), but not a participle clause that opens the
    sentence ("Asked about it, she said, ...")."""
    tree, verb = c.tree, c.verb
    if verb.deprel != "parataxis" or verb.lemma not in CLAUSE_CUES or not verb.head:
        return None
    root = tree.head(verb)
    while root.id < verb.id < root.head:
        root = tree.head(root)
    first = min(verb.id, c.speaker.id)
    opening = {k for k in tree.kids(root) + tree.kids(verb) if k.id < first and is_participle_clause(tree, k)} \
        if tree.kids(root, *SUBJECTS, "nsubj:pass", "expl") else set()  # else the subject: "Riding alone is ..."
    words = [w for w in tree.subtree(root, exclude={verb} | opening) if w.upos != "PUNCT" or w.id != root.id]
    for kid in tree.kids(verb):
        if kid.id < first and kid.upos not in ("PUNCT", "CCONJ") and kid is not c.speaker and kid not in opening:
            words += tree.subtree(kid)
    return [w for w in without_setting(c, words, first) if w is not c.speaker], "parataxis"


def without_setting(c, words, first):
    """The parataxis content ``words`` less the unquoted words before the cue (which starts at word ``first``)
    when the cue introduces a quoted sentence ('Years later, she said, "The ..."'): they set the scene."""
    cue_end = max(c.verb.id, c.tree.subtree(c.speaker)[-1].id)
    said = [w for w in words if w.id > cue_end]
    opened = next((w for w in said if w.text != "," and not QUOTE_MARKS.fullmatch(w.text)), None)
    before = [w for w in words if w.id < first]
    if opened is None or not before or not opens_a_quoted_sentence(c.tree, opened) \
            or any(c.index.in_quotation(w.start_char) for w in before):
        return words
    return said


def is_participle_clause(tree, word):
    """A participle clause with no subject or conjunction of its own ("Asked about the vote, she said, ...",
    "Pressing the point, he added, ..."): it tells how the words were said, not what was said."""
    return word.deprel == "advcl" and word.xpos in ("VBG", "VBN") and not tree.kids(word, "mark", *SUBJECTS)


def infinitive_shape(c):
    """ "vowed to retake the city", "urged Congress to act": the to-infinitive, with who is urged or called on
    and the base forms the parse joins to it; "refused to disclose X" reports X."""
    tree, verb = c.tree, c.verb
    if verb.lemma not in INFINITIVE_CUES:
        return None
    for xcomp in tree.kids(verb, "xcomp") + infinitive_after_addressee(tree, verb):
        if any(k.deprel == "mark" and k.lemma == "to" or k.text.lower() == "to" for k in tree.kids(xcomp)):
            return infinitive_content(c, xcomp)
    return None


def infinitive_content(c, xcomp):
    """The content of a cue verb whose to-infinitive is ``xcomp``."""
    index, tree, verb, speaker = c.index, c.tree, c.verb, c.speaker
    if (xcomp.lemma in DISCLOSING or verb.lemma in RAISING and xcomp.lemma in CORE_VERBS) \
            and not tree.kids(verb, "obj"):  # "refused to disclose X", "seemed to confirm X": X
        words, rule = content_of(index, tree, xcomp, speaker)
        if rule in ("ccomp", "object"):
            return words, rule
    if xcomp.lemma in PLEDGING and not tree.kids(verb, "obj"):  # "refused to pledge to X": X
        words, rule = content_of(index, tree, xcomp, speaker)
        if rule == "xcomp":
            return words, rule
    if verb.lemma in RAISING and speaker.id < verb.id:
        return tree.subtree(speaker) + tree.subtree(xcomp, exclude=c.exclude), "raising"
    words = tree.subtree(xcomp, exclude=c.exclude)
    for conj in tree.kids(verb, "conj"):  # "agreed to share X and rely on Y": the parse's
        if conj.id > xcomp.id and (conj.xpos == "VB" or conj.xpos == "VBP" and verb.xpos != "VBP") \
                and not tree.kids(conj, *SUBJECTS):
            words += tree.subtree(conj, exclude=c.exclude)  # base form goes on the infinitive
            words += [k for k in tree.kids(verb, "cc") if xcomp.id < k.id < conj.id]  # its "and"
    for obj in tree.kids(verb, "obj"):  # "urged Congress to act": who is urged belongs to the content
        if obj.id < xcomp.id:
            words += tree.subtree(obj, exclude=c.exclude)
    words += called_on(index, tree, verb, xcomp)
    return words, "xcomp"


def gerund_shape(c):
    """ "admitted using the code": a grammar's reporting verb with a gerund after it."""
    if c.verb.lemma not in CORE_VERBS or c.verb.lemma in ASPECTUAL:
        return None
    for xcomp in c.tree.kids(c.verb, "xcomp"):
        if xcomp.xpos == "VBG" and xcomp.id > c.verb.id:
            return c.tree.subtree(xcomp, exclude=c.exclude), "gerund"
    return None


def as_much_shape(c):
    """ "said as much": the content is the earlier statement it points to."""
    tree, verb = c.tree, c.verb
    if verb.lemma not in CLAUSE_CUES:
        return None
    for much in tree.kids(verb, "advmod", "obj"):
        before = tree.words[much.id - 2]
        if much.text.lower() == "much" and much.id == verb.id + 2 and before.text.lower() == "as" \
                and before.head == much.id and not any(w.text.lower() == "as" for w in tree.subtree(much)[2:]):
            return [before, much], "as-much"
    return None


def said_of_shape(c):
    """ "said the same of X" (``what_is_said_of``)."""
    pointed = what_is_said_of(c.tree, c.verb)
    return ([w for w in pointed if w not in c.exclude], "said-of") if pointed else None


def named_shape(c):
    """ "called it a disgrace" (``what_is_named``)."""
    named = what_is_named(c.tree, c.verb)
    return ([w for w in named if w not in c.exclude], "object") if named else None


def object_shape(c):
    """ "Russia denies this", "condemned the test as a provocation": the direct object of an object cue, with
    what completes it; not what only looks like a report ("found a way", "called a meeting")."""
    tree, verb = c.tree, c.verb
    if not (verb.lemma in OBJECT_CUES or is_depiction(tree, verb)) or verb.lemma in NO_OBJECT_CONTENT:
        return None
    for obj in tree.kids(verb, "obj"):
        if reports_nothing(tree, verb, obj):
            continue
        if obj.upos in ("NOUN", "PROPN", "PRON", "NUM") and not (c.prepositional and c.prepositional.id < obj.id):
            return object_content(c, obj)
    return None


def reports_nothing(tree, verb, obj):
    """An object that tells what was done, not said: "found a way to ...", "find themselves in ...", "called
    an emergency meeting", "considered the matter", "released his tax returns", "released them from ..."."""
    objects = OBJECTS_NOT_SAID.get(verb.lemma, ())
    if obj.lemma in objects or "*" in objects or verb.lemma == "find" and obj.text.lower().endswith(("self", "selves")):
        return True
    if verb.lemma == "call" and obj.lemma in GATHERINGS:
        return True  # convened
    return verb.lemma in PUBLISHING and obj.lemma in RECORDS or verb.lemma == "release" and any(
        k.lemma == "from" for o in tree.kids(verb, "obl") if o.id > obj.id for k in tree.kids(o, "case"))


def object_content(c, obj):
    """The content of an object cue whose object is ``obj``: the object with what completes it."""
    index, tree, verb, exclude = c.index, c.tree, c.verb, c.exclude
    stated = what_is_expressed(tree, verb, obj) or what_the_document_says(tree, verb, obj)
    if stated:
        return stated, "object"
    words = tree.subtree(obj, exclude=exclude | set(trailing_asides(tree, obj)))
    for second in tree.kids(verb, "obj"):  # "shows her ahead 3 points": the parse's second
        if tree.subtree(second)[0].id == words[-1].id + 1 and obj.upos == "PRON":  # object completes
            words += tree.subtree(second, exclude=exclude)  # the first
    for extra in tree.kids(verb, "xcomp", "obl", "advmod", "advcl"):  # "condemned the test as ..."
        span = tree.subtree(extra, exclude=exclude | set(trailing_asides(tree, extra)))
        first = span[0].text.lower()
        if extra.id > obj.id and (extra.deprel == "xcomp" or first in PREPOSITIONAL_CUES.get(
                verb.lemma, ()) or first == "as" and not tree.kids(extra, *SUBJECTS)
                or extra.deprel == "obl" and span[0].id == max(w.id for w in words) + 1
                and first not in CIRCUMSTANTIAL and not index.is_time(extra)
                or describes_the_object(tree, extra, words) or is_comparison(tree, extra)):
            words += span
    words = without_medium(tree, words, obj)
    return words + coordinated_object(tree, verb, words, exclude), "object"


def prepositional_shape(c):
    """ "called for X", "railed against X": what follows the cue's preposition; "did not respond to requests
    for comment" withholds the reply asked for."""
    prepositional = c.prepositional
    if prepositional is None:
        return None
    if c.verb.lemma == "respond" and prepositional.lemma in REQUESTS:
        return c.tree.subtree(prepositional, exclude=c.exclude), "object"
    cases = c.tree.kids(prepositional, "case", "mark")
    words = c.tree.subtree(prepositional, exclude=c.exclude | set(cases))
    return words + coordinated_object(c.tree, c.verb, words, c.exclude), "preposition"


OBJECTS_NOT_SAID = {verb: frozenset(objects.split()) for verb, objects in word_map("objects_not_said").items()}
NO_OBJECT_CONTENT = word_set("no_object_content")


def answer_shape(c):
    """ "Asked whether he would raise taxes, Marsh said no": a yes or a no right after a verb of speech."""
    after = c.tree.words[c.verb.id] if c.verb.id < len(c.tree.words) else None
    if c.verb.lemma in SPEECH_VERBS and after is not None and after.text.lower() in ANSWERS \
            and after.head == c.verb.id:
        to = [w for w in c.tree.kids(c.verb, "obl") if w.id > after.id
              and [m.text.lower() for m in c.tree.kids(w, "case")] == ["to"]]
        return [after] + (c.tree.subtree(to[0]) if to else []), "object"  # "said no to the plan"
    return None


# the shapes of a cue verb's content, tried in this order: the first that decides gives the content and its rule
CONTENT_SHAPES = (relative_shape, made_clear_shape, clause_shape, as_clause_shape, name_given_shape,
                  parataxis_shape, infinitive_shape, gerund_shape, as_much_shape, said_of_shape, named_shape,
                  object_shape, prepositional_shape, answer_shape)


def called_on_preposition(index, tree, verb):
    """The preposition right after a cue verb that takes who is called on ("called on", "called for"), not
    one of time ("agreed on Wednesday to press for talks")."""
    after = tree.words[verb.id] if verb.id < len(tree.words) else None
    if after is not None and after.text.lower() in PREPOSITIONAL_CUES.get(verb.lemma, ()) \
            and (after.deprel == "compound:prt" or after.deprel == "case" and not index.is_time(tree.head(after))):
        return after
    return None


def called_on(index, tree, verb, xcomp):
    """ "called on Congress to act", "called for women to vote": who is called on belongs to the content
    (the parse hangs them on the preposition or on the verb)."""
    after = called_on_preposition(index, tree, verb)
    if after is None:
        return []
    heads = [tree.head(after)] if after.deprel == "case" else tree.kids(after)
    return [w for head in heads if head is not None and verb.id < head.id < xcomp.id
            for w in tree.subtree(head) if w is not after]


def prepositional_content(index, tree, verb):
    """The content after a cue's preposition: "called for X", "railed against X", "called for cutting X"; not a
    noun of saying with its own that-clause ("seized on the claim that X": the claim's statement)."""
    for obl in tree.kids(verb, "obl", "advcl"):
        cases = [c for c in tree.kids(obl, "case", "mark") if c.id < obl.id]
        if obl.id > verb.id and cases and cases[0].text.lower() in PREPOSITIONAL_CUES.get(verb.lemma, ()) \
                and (obl.upos in ("NOUN", "PROPN", "PRON") or obl.xpos == "VBG" or tree.kids(obl, "nsubj")) \
                and not index.is_time(obl) and not (obl.lemma in NOUN_CUES and that_clauses(tree, obl)):
            return obl
    return None


def is_depiction(tree, verb):
    """ "painted her rival as a crook", "saw the levy as a burden": a verb of depicting or regarding with an
    object and what it is held up "as"; both are what the subject says or thinks."""
    if verb.lemma not in DEPICTING:
        return False
    objects = [o for o in tree.kids(verb, "obj") if o.id > verb.id]
    return bool(objects) and any(
        x.id > objects[0].id and tree.subtree(x)[0].text.lower() == "as" and not tree.kids(x, *SUBJECTS)
        for x in tree.kids(verb, "obl", "advcl", "xcomp", "advmod"))


def what_is_made_clear(tree, verb):
    """ "made it clear that X", "made clear she would X": the clause of "clear" after a verb of making is what
    its subject states."""
    if verb.lemma != "make":
        return None
    return next((clause for clear in tree.kids(verb, "ccomp", "xcomp") if clear.lemma == "clear"
                 for clause in tree.kids(clear, "ccomp", "advcl") if clause.id > clear.id
                 and tree.kids(clause, *SUBJECTS, "nsubj:pass")), None)


def is_comparison(tree, phrase):
    """ "..., compared to 11% of the others": a comparison after what is said completes it."""
    return any(c.lemma == "compare" and c.deprel == "case" and c.id < phrase.id for c in tree.kids(phrase, "case"))


def describes_the_object(tree, clause, words):
    """ "disclosed the spectacle of her cousin earning fortunes", "found 31 cases among the ballots cast": a
    participle that the parse hangs on the cue verb right after its object, with no comma or subject of its
    own, describes the object."""
    span = tree.subtree(clause)
    return clause.deprel == "advcl" and clause.xpos in ("VBG", "VBN") and span[0] is clause \
        and clause.id == max(w.id for w in words) + 1 and clause.lemma not in VERBS \
        and not tree.kids(clause, *SUBJECTS, "nsubj:pass", "mark")


def misread_relative(tree, verb, clauses):
    """ "cited remarks he had made about X": a relative clause without "that" on a noun of saying, which
    the parse reads as a clause of the verb; the remarks and their clause are the content."""
    for obj in tree.kids(verb, "obj"):
        if obj.upos != "NOUN" or obj.lemma not in NOUN_CUES | MEDIA:
            continue
        for clause in clauses:
            span = tree.subtree(clause)
            if clause.deprel == "ccomp" and clause.id > obj.id and span[0].id == tree.subtree(obj)[-1].id + 1 \
                    and not tree.kids(clause, "mark", "obj", "ccomp", "xcomp") and tree.kids(clause, "nsubj"):
                return tree.subtree(obj) + span
    return []


def content_preposition(tree, content):
    """The preposition that introduces a prepositional content ("for" of "called for X")."""
    head = min((w for w in content if w.head not in {c.id for c in content}), key=lambda w: w.id, default=None)
    cases = tree.kids(head, "case", "mark") if head is not None else []
    return cases[0] if cases else None


def is_as_clause(tree, verb):
    """The verb heads an "as X said" clause that frames its head clause: a subject of its own and no
    content of its own ("as China supports the government" is no report)."""
    return verb.deprel == "advcl" and verb.head and any(m.text.lower() == "as" for m in tree.kids(verb, "mark")) \
        and tree.kids(verb, "nsubj") and not any(
            k.deprel in ("ccomp", "xcomp") or k.deprel == "obj" and k.text.lower() not in ("it", "this", "so")
            or k.deprel in ("obl", "advcl") and k.id > verb.id and any(  # "as she talked about cutting X"
                c.text.lower() in PREPOSITIONAL_CUES.get(verb.lemma, ()) for c in tree.kids(k, "case", "mark"))
            for k in tree.kids(verb))
