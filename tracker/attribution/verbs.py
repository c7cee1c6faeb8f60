"""Cue verbs: ``from_cue``, the cue-first rule run on every word, hands nouns, adjectives, "according to",
polls, passives and quoted labels to their rules and reads a reporting verb itself (its subject the speaker, its
complement the content), unless the verb reports nothing ("it goes without saying", "that means ...")."""

from ..cues import CORE_VERBS, DOCUMENTS, SPEECH_VERBS, VERBS
from .bounds import through_possessive, without_trailing_apposition
from .content import content_preposition, is_as_clause, is_depiction, what_is_made_clear
from .lexicon import (
    ASPECTUAL,
    DISCUSSING,
    MEETINGS,
    NOUN_CUES,
    PASSIVE_CUES,
    PERSONAL_SUBJECTS,
    POLLS,
    STANCE_ADJECTIVES,
    TAKING_UP,
)
from .mentions import _cue_mention, _mention, _pieces
from .nominal import misread_verb
from .records import Attribution
from .subjects import is_participle_remark, relative_antecedent, restrictive_antecedent


class VerbCues:
    """Contributes the cue-first rule (``from_cue``) and the verb's side of it. Relies on ``Finder``'s ``text``,
    ``quotes``, ``paragraph_spans`` and ``paragraph_of``, and on the rules of the other mixins: ``subject_of``,
    ``addressee_of`` (``SubjectRules``), ``content_of``, ``called_on_preposition`` (``ContentRules``),
    ``from_passive`` (``PassiveCues``) and the nominal cues (``NominalCues``)."""

    def from_cue(self, tree, word):
        """The attribution whose cue is ``word``, or None."""
        if word.lemma == "accord" and word.text.lower() == "according":
            return self.according_to(tree, word)
        if word.upos == "NOUN" and misread_verb(tree, word):
            return self.from_misread_verb(tree, word)
        if word.upos == "NOUN" and word.lemma in POLLS:
            return self.in_a_poll(tree, word)
        if word.upos == "NOUN" and word.lemma in NOUN_CUES:
            return self.from_noun(tree, word)
        if word.upos == "ADJ" and word.text.lower() in STANCE_ADJECTIVES:
            return self.from_adjective(tree, word)
        as_put_it = word.lemma == "put" and is_as_clause(tree, word)  # "as the minister put it"
        passive = bool(tree.kids(word, "nsubj:pass")) and word.lemma in PASSIVE_CUES
        if word.upos not in ("VERB", "AUX") or word.lemma not in VERBS and not as_put_it and not passive \
                and not is_depiction(tree, word) and not what_is_made_clear(tree, word):
            return self.from_quoted_label(tree, word) if word.upos == "VERB" else None
        if self.in_quotation(word.start_char):
            return None  # "I believe ..." inside a quotation belongs to the quotation's speaker
        if goes_without_saying(tree, word):
            return None
        if passive:
            return self.from_passive(tree, word)
        speaker = self.subject_of(tree, word)
        if speaker is None or is_question_to_you(tree, word, speaker) or is_implication(word, speaker) \
                or is_proposal(tree, speaker) or is_gathering_topic(tree, word, speaker):
            return None
        content, rule = self.content_of(tree, word, speaker)
        clarified = what_is_made_clear(tree, word)  # "made it clear that X": the cue runs to "clear"
        content = without_trailing_apposition(tree, through_possessive(tree, content))
        if rule in ("object", "preposition") and speaker.head != word.id and word.deprel != "conj" \
                and tree.head(word).lemma not in ASPECTUAL and not is_participle_remark(tree, word) \
                and not is_discussion_purpose(tree, word) and not is_said_by_its_noun(tree, word, speaker) \
                and not is_manner_of_acting(tree, word):
            return None  # a borrowed subject ("struggles to find a catchy line") is no speaker of an object
        pieces = _pieces(content)
        if not pieces and word.lemma in SPEECH_VERBS:
            pieces, rule = self.next_paragraph_after_colon(word), "colon"
        if not pieces:
            return None
        mention = None  # "Melania seems to have vanished": an impression, not a speaker's statement
        if rule != "raising":
            mention = _mention(restrictive_antecedent(tree, speaker) + tree.subtree(
                speaker, exclude=set(content) | {word} | set(tree.kids(speaker, "case"))), self.text, tree.index)
            if mention is None:
                return None
        return Attribution(
            spans=pieces, kind="indirect", speaker=mention, sentence=tree.index,
            cue=_cue_mention(tree, word, self.text, content_preposition(tree, content) if rule == "preposition"
                             else self.called_on_preposition(tree, word) if rule == "xcomp" else None,
                             through=clarified and tree.head(clarified)),
            paragraph=self.paragraph_of(pieces[0][0]), addressee=self.addressee_of(tree, word),
            sources=[rule, "remark"] if is_participle_remark(tree, word) else [rule],
            cue_lemma=word.lemma)

    def next_paragraph_after_colon(self, verb):
        """ "Limbaugh added:" closing its paragraph: the next paragraph is the content."""
        rest = self.text[verb.end_char:]
        if not rest.lstrip(" ").startswith(":") or rest.lstrip(" :")[:1] != "\n":
            return []
        following = [p for p in self.paragraph_spans if p[0] > verb.end_char]
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


def is_proposal(tree, speaker):
    """ "Let's say you save $100", "let's focus on X": the writer proposes it to the reader; nobody says it."""
    clause = tree.head(speaker)
    return speaker.lemma.lower() == "us" and clause is not None and clause.head and tree.head(clause).lemma == "let"


def is_question_to_you(tree, verb, speaker):
    """ "Would you vote for her?", "What do you expect?": a question put to the reader or listener asks
    what they would say; it reports nothing they said."""
    return speaker.text.lower() == "you" and any(
        a.id < speaker.id for a in tree.kids(verb, "aux", "aux:pass", "cop"))
