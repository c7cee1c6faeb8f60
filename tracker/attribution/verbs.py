"""Cue verbs: a reporting verb's attribution (``from_verb``: its subject the speaker, its complement the content),
unless the verb reports nothing ("it goes without saying", "that means ..."), and the tests that tell a verb that
may report (``is_reporting_verb``, ``is_reporting_passive``). ``rules.CUE_RULES`` says when each applies."""

from ..cues import CORE_VERBS, DOCUMENTS, INFINITIVE_ONLY_CUES, SPEECH_VERBS, VERBS
from .bounds import through_possessive, without_trailing_apposition, without_trailing_relative
from .content import (
    called_on_preposition,
    content_of,
    content_preposition,
    is_as_clause,
    is_depiction,
    prepositional_content,
    what_is_made_clear,
)
from .lexicon import (
    AGENT_STEM,
    AGENT_SUFFIXES,
    ASPECTUAL,
    DISCUSSING,
    EVIDENTIAL,
    MEETINGS,
    PASSIVE_CUES,
    PERSONAL_SUBJECTS,
    SOURCE_NOUNS,
    TAKING_UP,
)
from .mentions import _cue_mention, _mention, _pieces
from .passives import from_passive
from .records import Attribution
from .subjects import (
    addressee_of,
    is_participle_remark,
    relative_antecedent,
    restrictive_antecedent,
    subject_of,
)


def is_reporting_verb(index, tree, word):
    """A verb that may report a statement: a reporting verb, "as the minister put it", a verb of depicting
    ("painted X as Y"), "made it clear that X", a verb with the preposition that brings its content ("stood
    by X", "mused about X")."""
    return word.upos in ("VERB", "AUX") and (
        word.lemma in VERBS or word.lemma == "put" and is_as_clause(tree, word) or is_depiction(tree, word)
        or bool(what_is_made_clear(tree, word)) or prepositional_content(index, tree, word) is not None)


def is_reporting_passive(index, tree, word):
    """A passive verb of reporting with its subject ("the plan was criticized", "he is said to ...")."""
    return word.upos in ("VERB", "AUX") and bool(tree.kids(word, "nsubj:pass")) and word.lemma in PASSIVE_CUES


def is_unsaid(index, tree, word):
    """A cue whose words are no statement of its subject's: inside a quotation ("I believe ..." belongs to the
    quotation's speaker), or the writer's idiom "it goes without saying"."""
    return index.in_quotation(word.start_char) or goes_without_saying(tree, word)


def from_reporting_passive(index, tree, word):
    """The attribution of a passive verb of reporting (``passives.from_passive``), unless it is unsaid."""
    return None if is_unsaid(index, tree, word) else from_passive(index, tree, word)


def from_verb(index, tree, word):
    """The attribution of a reporting verb: its subject the speaker, its complement the content (``content_of``),
    unless the verb reports nothing ("that means ...", "let's say", a meeting that "focused on X")."""
    if is_unsaid(index, tree, word):
        return None
    speaker = subject_of(index, tree, word)
    if speaker is None or is_question_to_you(tree, word, speaker) or is_implication(word, speaker) \
            or is_proposal(tree, speaker) or is_gathering_topic(tree, word, speaker) \
            or is_shown_by_a_thing(tree, word, speaker):
        return None
    content, rule = content_of(index, tree, word, speaker)
    if rule == "xcomp" and is_schedule(index, tree, word):
        return None
    clarified = what_is_made_clear(tree, word)  # "made it clear that X": the cue runs to "clear"
    content = without_trailing_apposition(tree, through_possessive(tree, content))
    content = without_trailing_relative(index, tree, content)
    if rule in ("object", "preposition") and speaker.head != word.id and word.deprel != "conj" \
            and tree.head(word).lemma not in ASPECTUAL and not is_participle_remark(tree, word) \
            and not is_discussion_purpose(tree, word) and not is_said_by_its_noun(tree, word, speaker) \
            and not is_manner_of_acting(tree, word):
        return None  # a borrowed subject ("struggles to find a catchy line") is no speaker of an object
    pieces = _pieces(content)
    if not pieces and word.lemma in SPEECH_VERBS:
        pieces, rule = next_paragraph_after_colon(index, word), "colon"
    if not pieces:
        return None
    mention = None  # "Melania seems to have vanished": an impression, not a speaker's statement
    if rule != "raising":
        mention = speaker_mention(index, tree, word, speaker, content)
        if mention is None:
            return None
    return Attribution(
        spans=pieces, kind="indirect", speaker=mention, sentence=tree.index,
        cue=_cue_mention(tree, word, index.text, content_preposition(tree, content) if rule == "preposition"
                         else called_on_preposition(index, tree, word) if rule == "xcomp" else None,
                         through=clarified and tree.head(clarified)),
        paragraph=index.paragraph_of(pieces[0][0]), addressee=addressee_of(index, tree, word),
        sources=[rule, "remark"] if is_participle_remark(tree, word) else [rule],
        cue_lemma=word.lemma)


def speaker_mention(index, tree, verb, speaker, content):
    """The mention of a verb's ``speaker`` word: its phrase (with the noun a restrictive "who" stands for),
    less the ``content`` words, the verb and the speaker's case marker; None when nothing is left."""
    return _mention(restrictive_antecedent(tree, speaker) + tree.subtree(
        speaker, exclude=set(content) | {verb} | set(tree.kids(speaker, "case"))), index.text, tree.index)


def next_paragraph_after_colon(index, verb):
    """ "Limbaugh added:" closing its paragraph: the next paragraph is the content."""
    rest = index.text[verb.end_char:]
    if not rest.lstrip(" ").startswith(":") or rest.lstrip(" :")[:1] != "\n":
        return []
    following = [p for p in index.paragraphs if p[0] > verb.end_char]
    return [following[0]] if following else []


def is_said_by_its_noun(tree, verb, speaker):
    """ "a tweet attacking X", "a statement announcing X": a participle on the document it describes is what
    the document says."""
    return verb.deprel == "acl" and verb.head == speaker.id and verb.xpos == "VBG" and speaker.lemma in DOCUMENTS


def goes_without_saying(tree, verb):
    """ "It goes without saying that ...": the writer's idiom, nobody says it."""
    return verb.lemma == "say" and verb.deprel == "advcl" and verb.head and tree.head(verb).lemma == "go" \
        and any(c.lemma == "without" for c in tree.kids(verb, "mark", "case"))


def is_manner_of_acting(tree, verb):
    """ "avoided condemning X", "steered clear of criticizing X": a grammar's reporting verb as a gerund
    under a verb tells what that verb's subject does, unless an object comes between ("talked them into
    believing X": they believe)."""
    head = tree.head(verb)
    return verb.lemma in CORE_VERBS and verb.xpos == "VBG" and verb.deprel in ("advcl", "xcomp") \
        and head.upos == "VERB" and not any(o.id < verb.id for o in tree.kids(head, "obj"))


def is_discussion_purpose(tree, verb):
    """ "met with the minister to discuss the talks", "called a meeting to discuss the test": a meeting's
    purpose clause tells what its subject talked about."""
    return verb.lemma in DISCUSSING and verb.deprel in ("advcl", "xcomp") \
        and any(m.text.lower() == "to" for m in tree.kids(verb, "mark", "aux"))


def is_gathering_topic(tree, verb, speaker):
    """ "The summit focused on trade", "a meeting that discussed the crisis": what a gathering took up, which
    nobody said."""
    return verb.lemma in TAKING_UP and (relative_antecedent(tree, speaker) or speaker).lemma.lower() in MEETINGS


def is_implication(verb, speaker):
    """ "The losses mean he paid no tax", "that means ...": what a fact implies, not what anyone said
    ("I mean ...", "Smith meant that ..." are said)."""
    return verb.lemma == "mean" and verb.xpos != "VBG" and speaker.upos != "PROPN" and not (
        speaker.upos == "PRON" and speaker.text.lower() in PERSONAL_SUBJECTS)


def is_shown_by_a_thing(tree, verb, speaker):
    """ "His guest list signalled that he wanted allies close": a verb of evidence whose subject is a thing
    (``is_thing``) and whose complement is a clause tells what the thing shows, which nobody said, and so does
    a cue heading that clause (the writer's inference); "the poll shows that", "her aides signalled that" are
    said, and "the base has shown little interest" shows no clause."""
    if is_evidence_of_a_thing(tree, verb, speaker):
        return True
    head = tree.head(verb) if verb.head and verb.deprel == "ccomp" else None
    return head is not None and any(is_evidence_of_a_thing(tree, head, s) for s in tree.kids(head, "nsubj"))


def is_evidence_of_a_thing(tree, verb, subject):
    """A verb of evidence with a clause whose ``subject`` is a thing: "the car revealed that ..."."""
    return verb.lemma in EVIDENTIAL and bool(tree.kids(verb, "ccomp")) and is_thing(tree, subject)


def is_thing(tree, subject):
    """A subject that is a noun for neither a person, a group nor a record (``SOURCE_NOUNS``, or a noun of an
    agent: "voters", "activists"): "the guest list", "the car"."""
    noun = relative_antecedent(tree, subject) or subject
    lemma = noun.lemma.lower()
    return noun.upos == "NOUN" and lemma not in SOURCE_NOUNS and not is_agent_noun(lemma)


def is_agent_noun(lemma):
    """A noun with the ending of an agent or a person after a stem of three letters or more ("voter",
    "activist", "politician"; not "list")."""
    return any(lemma.endswith(suffix) and len(lemma) - len(suffix) >= AGENT_STEM for suffix in AGENT_SUFFIXES)


def is_schedule(index, tree, verb):
    """ "Clinton planned to spend Tuesday in New York": an intention verb's infinitive with both a time and a
    place, and no verb of saying, is what its subject's schedule says they will do, which they did not state
    (saying is no schedule: "plans to announce the plan in Iowa on Monday" stays a statement)."""
    if verb.lemma not in INFINITIVE_ONLY_CUES:
        return False
    for infinitive in tree.kids(verb, "xcomp"):
        if infinitive.lemma in VERBS or any(o.id < infinitive.id for o in tree.kids(verb, "obj")):
            continue
        parts = tree.kids(infinitive, "obl", "obl:tmod", "obl:npmod", "obj", "advmod")
        if any(index.is_time(p) for p in parts) and any(index.in_place(p) for p in parts if p.deprel == "obl"):
            return True
    return False


def is_proposal(tree, speaker):
    """ "Let's say you save $100", "let's focus on X": the writer proposes it to the reader; nobody says it."""
    clause = tree.head(speaker)
    return speaker.lemma.lower() == "us" and clause is not None and clause.head and tree.head(clause).lemma == "let"


def is_question_to_you(tree, verb, speaker):
    """ "Would you vote for her?", "What do you expect?": a question put to the reader or listener asks
    what they would say; it reports nothing they said."""
    return speaker.text.lower() == "you" and any(
        a.id < speaker.id for a in tree.kids(verb, "aux", "aux:pass", "cop"))
