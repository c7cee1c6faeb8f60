"""Targets: what each claim is about, as candidates for the stance step.

A claim's candidate targets are the named entities inside its content (people, organisations, places,
groups, laws, events) and the key noun phrases of its main clause ("a ceasefire", "foreign interference").
Names are canonicalised by the article's ``NameBook`` (``tracker.names``), as speakers are, so "Haftar" and
"Khalifa Haftar" meet, and an adjective of nationality stands for its country ("Egyptian deployment" -> Egypt).

Descriptions meet names through what the article itself says: "the proposal, dubbed the Cairo Declaration"
makes "a peace proposal" the Cairo Declaration; "the city of Sirte" makes "the Mediterranean city" Sirte;
"Haftar's forces" stand for Haftar, and "the leader of the eastern forces" is whoever leads those forces.
Each candidate also carries the words that govern it in the parse (its frame: "stand by", "against",
"back") and whether it is the subject of the content's main predicate.

A pronoun of the content that may stand for a thing ("Bell said it would ruin the high street") brings in the
noun phrases written just before the content ("the parking levy"), nearest first.
"""

import bisect
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse

import numpy

from .attribution.records import within
from .marks import QUOTE_MARKS
from .names import country_of, last_word
from .relations import (RELATION_CONFIDENCE, RELATION_STANCE, answered_statement, is_own_answer, named_claim,
                        statement_label)
from .speakers import PLACE_NOUNS, Resolver
from .stance import (CLAIM_MODEL_PATH, DENIAL_CUES, FIRST_PERSON, StanceResult, TargetSpan, _frame_stance,
                     claim_lexical_features, claim_scores, class_probabilities, denial_evidence, evaluative_features,
                     first_rule, is_evaluative, is_hedged, load_linear, rule_features, shipped_denial_model,
                     shipped_target_ranker, stance_cue, target_probabilities, tokenize)
from .trees import dependents, preposition
from .words import word_set

TARGET_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LAW", "EVENT", "FAC", "WORK_OF_ART", "LOC", "PRODUCT"}
PRONOUN_DEPRELS = {"nsubj", "nsubj:pass", "obj", "obl", "nmod", "nmod:poss", "iobj"}  # a pronoun that is a candidate
# the roles of a noun phrase that is a candidate; the agent of a passive ("abused by employers") and the owner of
# a thing ("the media's coverage": what is judged is often the owner, not what it owns)
PHRASE_DEPRELS = {"nsubj", "nsubj:pass", "obj", "obl", "obl:agent", "nmod", "nmod:poss", "xcomp", "conj", "appos",
                  "root", "ccomp"}
TARGET_MODIFIERS = {"compound", "amod", "flat", "nmod:poss"}  # deprels of the modifiers in a target's phrase
EDITORIAL_BRACKETS = str.maketrans("[]", "  ")
PLACE_PREPOSITIONS = word_set("place_prepositions")
MARKERS = ("case", "mark")  # what marks a phrase: "against" in "against X", "of" in "kinds of bullying"
UNINFORMATIVE = word_set("uninformative")
# Nouns that stand for whoever or whatever they are "of": "Haftar's forces", "the people of Libya",
# "all kinds of bullying" are about Haftar, Libya and bullying.
GROUP_NOUNS = word_set("group_nouns")
TRANSPARENT_NOUNS = GROUP_NOUNS | word_set("transparent_nouns")
# "the leader of the eastern forces": a person named by what they lead.
LEADER_NOUNS = word_set("leader_nouns")
NAMING_VERBS = word_set("naming_verbs")  # "the proposal, dubbed X"
# the prepositions of a noun's complement that belong to what a statement judges: "a ban on cloning", "the war
# against drugs", "a response to foreign interference" (never a place or a time: "a rally in Ohio")
COMPLEMENT_PREPOSITIONS = {"of", "on", "for", "against", "to", "about", "over", "with"}
COMPLEMENT_DEPTH = 2  # complements of complements taken: "a ban on all forms of human cloning"
TARGET_WORDS = 8  # the longest phrase a target is named by
# the modal auxiliaries by what they tell of a claim: a prediction or plan ("will"), an obligation ("must"), a
# possibility ("could")
FUTURE_MODALS = word_set("intention")
OBLIGATION_MODALS = word_set("modals") & word_set("obligation")
POSSIBILITY_MODALS = word_set("modals") - FUTURE_MODALS - OBLIGATION_MODALS
INTENDING = word_set("intending")  # "plans to build": a plan
PREDICATE_UPOS = {"VERB", "AUX", "ADJ", "NOUN", "PROPN", "PRON"}
THING_PRONOUNS = frozenset({"it", "its", "this", "that", "these", "those", "they", "them", "their"})


@dataclass
class Target:
    """A candidate target: canonical ``name``, entity ``type`` (None for a noun phrase), where its words
    stand in the article (``start``/``end``), the ``frame`` that governs it ("stand by", "against") when the
    speaker is its agent, whether it is a named ``subject`` of the content's main predicate, and the ``acts``
    the content reports of it as another agent ("Moscow sent jets to support the dictator")."""

    name: str
    type: str | None
    start: int
    end: int
    frame: str | None = None
    subject: bool = False
    acts: list = field(default_factory=list)  # (frame, object words) of what it does: ("support", "dictator")
    via: str | None = None  # "pronoun" or "description" when the content names it so ("him", "the president")
    head: str | None = None  # a noun phrase's head lemma ("plan" of "the tax plan")
    owned: bool = False  # a noun phrase with a name or a possessor in it ("Roe's plan", "the Acme merger")


class ArticleNames:
    """What one article says a description stands for: ``aliases`` maps a noun's lemma to the one named thing
    the article gives it ("proposal" -> Cairo Declaration, "city" -> Sirte), ``owners`` maps a group noun to
    the one person or body it belongs to ("force" -> Khalifa Haftar). Values are ``(name, type)``."""

    def __init__(self, index, book):
        self.book = book
        self.text = index.text
        self.entities = sorted((e for e in index.entities if e.type in TARGET_TYPES), key=lambda e: e.start_char)
        self._entity_starts = [entity.start_char for entity in self.entities]
        self._entity_at = {word.start_char: entity for entity in self.entities for word in entity.words}
        self.tagged = {word.start_char for entity in index.entities for word in entity.words}  # of every type
        aliases, owners = {}, {}
        for sentence in index.sentences:
            for word in sentence.words:
                if word.upos == "NOUN":
                    for kind, named in self._names_given(sentence, word):
                        (aliases if kind == "alias" else owners).setdefault(word.lemma, set()).add(named)
        self.aliases = {lemma: names.pop() for lemma, names in aliases.items() if len(names) == 1}
        self.owners = {lemma: names.pop() for lemma, names in owners.items() if len(names) == 1}

    def _names_given(self, sentence, noun):
        """("alias" | "owner", (name, type)) for each name the parse ties to ``noun``: an apposition ("the
        Wagner Group, a private military company"), a naming verb ("the proposal, dubbed the Cairo
        Declaration"), a place's name ("the city of Sirte"), a group's owner ("Haftar's forces")."""
        if noun.deprel == "appos" and sentence.words[noun.head - 1].upos == "PROPN":
            yield "alias", self.name_of(sentence, sentence.words[noun.head - 1])
        for child in dependents(sentence, noun):
            of = child.deprel == "nmod" and _is_of(sentence, child)
            if child.upos == "PROPN" and (child.deprel == "appos" or (of and noun.lemma in PLACE_NOUNS)):
                yield "alias", self.name_of(sentence, child)
            if child.upos == "PROPN" and noun.lemma in GROUP_NOUNS and (of or child.deprel == "nmod:poss"):
                yield "owner", self.name_of(sentence, child)
            if child.deprel == "acl" and child.lemma in NAMING_VERBS:
                for named in dependents(sentence, child):
                    if named.upos == "PROPN" and named.deprel in ("xcomp", "obj", "obl"):
                        yield "alias", self.name_of(sentence, named)

    def entities_within(self, start, end):
        """The target-type entities that start inside ``start:end``, in text order."""
        first, last = (bisect.bisect_left(self._entity_starts, offset) for offset in (start, end))
        return self.entities[first:last]

    def name_of(self, sentence, word):
        """``(name, type)`` of the proper noun ``word`` heads: its entity's, else its compound's."""
        entity = self._entity_at.get(word.start_char)
        if entity is not None:
            return self.book.entity_name(entity)
        words = [w for w in dependents(sentence, word) if w.deprel in ("compound", "flat") and w.upos == "PROPN"]
        first = min(words + [word], key=lambda w: w.id)
        return self.book.canonical(self.text[first.start_char:word.end_char], None)

    def described(self, sentence, noun):
        """``(name, type)`` a description headed by ``noun`` stands for in this article, or None."""
        if noun.lemma in LEADER_NOUNS:
            for led in dependents(sentence, noun):
                if led.deprel == "nmod" and _is_of(sentence, led) and led.lemma in self.owners:
                    return self.owners[led.lemma]
        return self.aliases.get(noun.lemma)


def _is_of(sentence, word):
    """Whether ``word`` hangs on its head by "of" ("the people of Libya", "kinds of bullying")."""
    return word.deprel in ("nmod", "acl") and preposition(sentence, word, MARKERS) == "of"


def _stands_for(sentence, word):
    """The word whose place in the clause ``word`` takes: a conjunct takes its first conjunct's, the owner or
    the "of" of a transparent noun takes the noun's ("the people of Libya" -> "people")."""
    while word.head:
        head = sentence.words[word.head - 1]
        of_transparent = head.lemma in TRANSPARENT_NOUNS and (word.deprel == "nmod:poss" or _is_of(sentence, word))
        if word.deprel != "conj" and not of_transparent:
            return word
        word = head
    return word


def _frame(sentence, word):
    """``(frame, verb)``: the words governing ``word`` in its clause, a preposition with its head ("stand by",
    "response to") or the verb of which it is the object ("back"), prefixed "not " when negated; and the
    word they hang on. ``(None, None)`` when nothing governs it so."""
    node = _stands_for(sentence, word)
    if not node.head:
        return None, None
    head = sentence.words[node.head - 1]
    case = preposition(sentence, node, MARKERS) if node.deprel in ("obl", "nmod") else None
    if case:
        frame = f"{head.lemma} {case}" if head.upos in ("VERB", "NOUN") else case
    elif node.deprel == "obj" and head.upos == "VERB":
        frame = head.lemma
    else:
        return None, None
    negated = any(w.deprel == "advmod" and w.lemma in ("not", "never") for w in dependents(sentence, head))
    return ("not " + frame if negated else frame), head


def _agent(sentence, word, depth):
    """The subject of the clause of ``word``: its own, or that of the verb it depends on ("hesitate to take
    steps", "sent jets to support X"), up to the top of the content; None when the content names none."""
    node = word
    while True:
        subject = next((w for w in dependents(sentence, node) if w.deprel in ("nsubj", "nsubj:pass")), None)
        if subject is not None or not node.head or depth.get(node.start_char) == 0:
            return subject
        node = sentence.words[node.head - 1]


def _modified(sentence, word):
    """The noun ``word`` modifies, up the chain of modifiers ("Brazilian" -> "intervention" of "the Brazilian
    intervention", "Acme" -> "merger"); ``word`` itself when it modifies nothing."""
    while word.deprel in ("amod", "compound", "nmod:poss", "flat") and word.head:
        word = sentence.words[word.head - 1]
    return word


def _is_subject(sentence, word, depth):
    """Whether ``word`` (or the phrase it modifies) is the subject of the content's top predicate."""
    node = _modified(sentence, _stands_for(sentence, word))
    return node.deprel in ("nsubj", "nsubj:pass") and depth.get(sentence.words[node.head - 1].start_char) == 0


CUE_ARGUMENT_STEPS = 2  # "told CNN", "said in an interview with CNN": the medium hangs on the cue or on its noun


def _cue_argument(sentence, node, attribution):
    """How the word ``node`` outside the content hangs on the attribution's cue, directly or through a word
    outside the content ("told CNN": "obj", "wrote on Twitter": "on", "said in an interview with CNN": "with"):
    its preposition, else its relation; None when it does not. A cue's medium or addressee is seldom what the
    claim is for or against, an accused one often is ("accused Reed of lying")."""
    cue = attribution.cue
    if cue is None:
        return None
    word = node
    for _ in range(CUE_ARGUMENT_STEPS):
        if not word.head or within(word.start_char, word.end_char, attribution.spans):
            return None
        governor = sentence.words[word.head - 1]
        if cue.start <= governor.start_char < cue.end:
            return preposition(sentence, node) or node.deprel.split(":")[0]
        word = governor
    return None


def _head_of(sentence, start, end):
    """The word of ``start:end`` whose head lies outside it."""
    inside = [w for w in sentence.words if start <= w.start_char and w.end_char <= end]
    ids = {w.id for w in inside}
    return next((w for w in inside if w.head not in ids), inside[0] if inside else None)


def candidate_targets(index, attribution, book, names=None, speaker=None, resolver=None):
    """Candidate targets of one attribution's content, most salient first: arguments of the content's
    main predicate before deeper words, named entities before noun phrases, earlier before later.
    ``book`` is the article's ``NameBook``; ``speaker`` (the resolved ``Speaker``) tells whose stance a frame
    inside the content is; with a ``resolver`` (``tracker.speakers.Resolver``), a third-person pronoun ("him")
    and a description of a person ("the president") are candidates under the name they stand for."""
    names = names or ArticleNames(index, book)
    spans = attribution.spans

    def own(sentence, agent):
        """Whether ``agent`` is the speaker: a pronoun, the speaker's mention, or the speaker's name."""
        mention = attribution.speaker
        if agent.upos == "PRON" or (mention and mention.start <= agent.start_char < mention.end):
            return True
        return agent.upos == "PROPN" and speaker is not None and names.name_of(sentence, agent)[0] == speaker.name

    sentences = _overlapping(index, spans)
    depth = _depths(sentences, spans)
    found, taken = [], set()
    for entity in names.entities_within(spans[0][0], spans[-1][1]):
        if within(entity.start_char, entity.end_char, spans):
            name, etype = book.entity_name(entity)
            if etype == "NORP":
                name = country_of(name) or name
            found.append(Target(name, etype, entity.start_char, entity.end_char))
            taken.update(range(entity.start_char, entity.end_char))
    for sentence in sentences:
        for word in sentence.words:
            if resolver is not None and word.upos == "PRON" and word.deprel in PRONOUN_DEPRELS \
                    and within(word.start_char, word.end_char, spans):
                named = resolver.pronoun_referent(sentence, word)
                if named is not None:
                    found.append(Target(named.name, named.type, word.start_char, word.end_char, via="pronoun"))
                continue
            if _is_free_phrase_head(sentence, word, spans, taken, names):
                found.append(_noun_phrase(index, sentence, word, spans, book, names, resolver))
    found += _coordinations(found, sentences)
    _place(found, sentences, depth, own)
    places = _place_adjuncts(sentences)
    return sorted(found, key=lambda t: (min(depth.get(i, 9) for i in range(t.start, t.end)) + (t.type is None)
                                        + 3 * (t.start in places), t.start))


def _coordinations(targets, sentences):
    """A candidate for each coordination of candidates ("Reed and Bell", "tariffs and trade deals"), which a
    claim judging all of them is about: their names joined by "; " in the order written (as several speakers
    are), the type theirs when they share one."""
    heads = {}
    for target in targets:
        sentence = next(iter(_overlapping_sentences(sentences, target.start, target.end)), None)
        head = _head_of(sentence, target.start, target.end) if sentence is not None else None
        if head is not None:
            heads.setdefault((sentence, head.id), target)
    joined = []
    for (sentence, word_id), first in heads.items():
        members = [first] + [heads[sentence, w.id] for w in dependents(sentence, sentence.words[word_id - 1])
                             if w.deprel == "conj" and (sentence, w.id) in heads]
        names = list(dict.fromkeys(target.name for target in members))
        if len(names) > 1:
            types = {target.type for target in members}
            joined.append(Target("; ".join(names), types.pop() if len(types) == 1 else None, first.start,
                                 max(target.end for target in members), via="coordination"))
    return joined


def _noun_phrase(index, sentence, word, spans, book, names, resolver=None):
    """The ``Target`` of the noun phrase headed by ``word`` inside ``spans``: named by its words with their
    modifiers and complements, or by the name the article gives what it describes ("the president")."""
    first = _phrase_start(sentence, word)
    last = _phrase_end(sentence, first, word, spans)
    text = " ".join(QUOTE_MARKS.sub("", index.text[first.start_char:last.end_char]).split())  # a "firm" one
    described = names.described(sentence, word)
    person = resolver.person_described(sentence, word) if resolver is not None and not described else None
    if person is not None:
        described = person.name, person.type
    if described:
        name, etype = described
    else:
        name, etype = book.canonical(text, None)  # a name the tagger missed: "[Haftar]"
        etype = etype if name != text else None
    owned = any(w.upos == "PROPN" or w.deprel == "nmod:poss" for w in dependents(sentence, word)
                if w.deprel in TARGET_MODIFIERS)
    return Target(name, etype, first.start_char, last.end_char, via="description" if person is not None else None,
                  head=None if described or word.upos == "PROPN" else word.lemma.lower(), owned=owned)


def _is_free_phrase_head(sentence, word, spans, taken, names):
    """Whether ``word`` heads a noun phrase inside ``spans`` that is no entity's: not in one (``taken``, its
    characters), not owned by one, not a proper noun of one the tagger found."""
    return (_is_phrase_head(sentence, word) and within(word.start_char, word.end_char, spans)
            and word.start_char not in taken and not _owned(sentence, word, taken) and not _tagged(names, word))


def _tagged(names, word):
    """Whether ``word`` is a proper noun of an entity the tagger found, of any type ("Monday", "Acme")."""
    return word.upos == "PROPN" and word.start_char in names.tagged


def antecedent_phrases(index, attribution, book, names):
    """The noun phrases written just before a claim's content, that a pronoun of it may take up ("The council
    passed the parking levy. Bell said it would ruin the high street"): those of the sentence before the
    content's first and of that sentence up to the content, nearest first."""
    start = attribution.spans[0][0]
    k = index.sentence_of(start)
    found = []
    for sentence in index.sentences[max(0, k - 1):k + 1]:
        span = (sentence.tokens[0].start_char, min(start, sentence.tokens[-1].end_char))
        taken = {i for entity in names.entities_within(*span) for i in range(entity.start_char, entity.end_char)}
        for word in sentence.words:
            if _is_free_phrase_head(sentence, word, [span], taken, names):
                found.append(_noun_phrase(index, sentence, word, [span], book, names))
    return found[::-1]


def takes_up_a_thing(sentences, spans):
    """Whether a content holds a pronoun that may stand for a thing named before it ("reject it", "this is
    wrong", "their plan"): a ``THING_PRONOUNS`` one, not a relative "that"."""
    return any(word.upos == "PRON" and word.text.lower() in THING_PRONOUNS and "PronType=Rel" not in (word.feats or "")
               and within(word.start_char, word.end_char, spans) for sentence in sentences for word in sentence.words)


def _is_phrase_head(sentence, word):
    """A noun or a proper noun heading an argument ("a ceasefire"), or a gerund after "of" ("all kinds of
    bullying")."""
    if word.upos == "NOUN":
        return word.deprel in PHRASE_DEPRELS and word.lemma not in UNINFORMATIVE
    if word.upos == "PROPN":  # a name the tagger did not take for one: "thanked Nevadans", "attacked Portman"
        return word.deprel in PHRASE_DEPRELS
    return word.upos == "VERB" and word.deprel == "acl" and word.text.endswith("ing") and _is_of(sentence, word)


def _phrase_start(sentence, word):
    """The first word of the phrase a target headed by ``word`` is named by: its modifiers before it
    (``TARGET_MODIFIERS``), and theirs ("city" of "the city council's budget")."""
    modifiers = [w for w in dependents(sentence, word) if w.deprel in TARGET_MODIFIERS
                 and w.upos in ("NOUN", "ADJ", "PROPN") and w.id < word.id]
    return min([word] + [_phrase_start(sentence, w) for w in modifiers], key=lambda w: w.id)


def _complement_end(sentence, word, depth):
    """The last word of ``word``'s phrase with its first complement of ``COMPLEMENT_PREPOSITIONS``, and theirs,
    ``depth`` deep ("ban" -> "cloning" of "a ban on all forms of human cloning")."""
    for child in dependents(sentence, word):
        if depth and child.id > word.id and child.deprel == "nmod" \
                and preposition(sentence, child) in COMPLEMENT_PREPOSITIONS:
            return _complement_end(sentence, child, depth - 1)
    return word


def _phrase_end(sentence, first, head, spans):
    """The last word of the phrase a target headed by ``head`` (from ``first``) is named by: the head with its
    complements (``_complement_end``) when they stay inside the content, run to no punctuation but quotation
    marks and make at most ``TARGET_WORDS`` words; else the head."""
    last = _complement_end(sentence, head, COMPLEMENT_DEPTH)
    words = sentence.words[first.id - 1:last.id]
    if len(words) > TARGET_WORDS or any(w.upos == "PUNCT" and not QUOTE_MARKS.fullmatch(w.text) for w in words) \
            or not within(first.start_char, last.end_char, spans):
        return head
    return last


def _owned(sentence, word, taken):
    """Whether ``word`` is a group noun whose owner is already a candidate ("Haftar's forces")."""
    return word.lemma in TRANSPARENT_NOUNS and any(
        child.start_char in taken for child in dependents(sentence, word)
        if child.deprel == "nmod:poss" or (child.deprel == "nmod" and _is_of(sentence, child)))


def _place(targets, sentences, depth, own_stance):
    """Give each target its frame and subject flag from the parse of its head word. A frame whose agent is
    not the speaker (``own_stance`` tells) is that agent's act, kept on the agent's target instead."""
    heads, acts = {}, {}
    for target in targets:
        for sentence in _overlapping_sentences(sentences, target.start, target.end):
            head = _head_of(sentence, target.start, target.end)
            if head is None:
                continue
            heads[id(target)] = head.start_char
            target.subject = target.type is not None and _is_subject(sentence, head, depth)
            frame, verb = _frame(sentence, head)
            agent = _agent(sentence, verb, depth) if frame else None
            if agent is None or own_stance(sentence, agent):
                target.frame = frame
            else:
                acts.setdefault(agent.start_char, []).append((frame, target.name))
            break
    for target in targets:
        target.acts = acts.get(heads.get(id(target)), [])


def _overlapping_sentences(sentences, start, end):
    """The ``sentences`` that share characters with ``start:end`` (the others hold none of its words)."""
    return [sentence for sentence in sentences
            if sentence.tokens[0].start_char < end and start < sentence.tokens[-1].end_char]


def _place_adjuncts(sentences):
    """Start offsets of the words heading a place or route adjunct ("in Libya", "via Syria"): the setting
    of a statement, seldom what it is for or against."""
    starts = set()
    for sentence in sentences:
        for word in sentence.words:
            if word.deprel in ("obl", "nmod") and preposition(sentence, word) in PLACE_PREPOSITIONS:
                starts.add(word.start_char)
                starts.update(w.start_char for w in dependents(sentence, word) if w.deprel in TARGET_MODIFIERS)
    return starts


def _overlapping(index, spans):
    """The sentences that share characters with ``spans``."""
    start, end = spans[0][0], spans[-1][1]
    first = index.sentence_of(start)
    last = bisect.bisect_left(index.sentence_starts, end)
    return _overlapping_sentences(index.sentences[first:last], start, end)


def _depths(sentences, spans):
    """For each character of the content, how deep its word sits under the content's top words."""
    depth = {}
    for sentence in sentences:
        inside = {w.id: w for w in sentence.words if within(w.start_char, w.end_char, spans)}
        for word in inside.values():
            level, node = 0, word
            while node.head in inside and level < 9:
                node = inside[node.head]
                level += 1
            depth.update(dict.fromkeys(range(word.start_char, word.end_char), level))
    return depth


CONTENT_UPOS = {"NOUN", "VERB", "ADJ", "ADV", "PROPN", "INTJ"}
VECTOR_WIDTH = 96  # spaCy's tok2vec rows; a document without vectors reads zeros
HEAD_VECTOR = [f"vec:{i}" for i in range(VECTOR_WIDTH)]  # the ranker's names of a head word's floats
GOVERNOR_VECTOR = [f"governor_vec:{i}" for i in range(VECTOR_WIDTH)]
VECTOR_NAMES = frozenset(HEAD_VECTOR + GOVERNOR_VECTOR)  # 192 of a candidate's features, none stance dependent
SALIENT_ENTITIES = 5  # the article's most-mentioned people and bodies that are candidates of every claim
SALIENT_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
SETTING_TYPES = {"GPE", "LOC"}
DENIAL_WORDS = 8  # words of a denied claim's content that name it when the relation step found none
ANSWERED_PARAGRAPHS = 2  # a denial said in its own words answers a claim at most this many paragraphs before it
THIRD_PERSON = frozenset({"he", "him", "his", "she", "her", "hers"})
RANKED_AT_ONCE = 200  # claims whose candidates the ranker scores in one call: 1,383 floats a candidate
NEAR = 4  # words each side of a candidate whose valence counts as said of it
NEWSMTSC_TARGETS = 5  # candidate targets in a content that the NewsMTSC model judges, first ones first


class ClaimJudge:
    """The stance step on one article: a learned stance of each claim (``stance_claims.json``) and, for a
    support or an attack, its target chosen among candidates by a learned ranker (``stance_targets.json``).
    The features come from the words (lexicon, cue, denials, hedges), the rules of ``tracker.stance`` and the
    parser's word vectors; never from a name."""

    def __init__(self, index, book):
        self.index, self.book = index, book
        self.names = ArticleNames(index, book)
        self.resolver = Resolver(index, book)  # what a pronoun or a description in a content stands for
        self.vectors = index.sentence_vectors
        self._types = {}  # canonical name -> entity type, of the entities named so far
        self.mentions = Counter(self._entity_name(entity)[0] for entity in self.names.entities)
        self.salient = [name for name, _ in self.mentions.most_common() if self._types.get(name) in SALIENT_TYPES]
        self.salient = self.salient[:SALIENT_ENTITIES]
        places = [name for name, _ in self.mentions.most_common() if self._types.get(name) in SETTING_TYPES]
        self.setting = places[0] if places else None  # the most named place: where the news happens
        self._lower_text = index.text.lower()
        self._word_counts = {}  # a name's last word -> how often the article writes it
        self._vectors_of = (None, None)  # (attribution, its ``_claim_vectors``), of the last one asked

    def _count_in_text(self, word):
        """How often the lower-cased article text holds ``word``, counted once per word."""
        if word not in self._word_counts:
            self._word_counts[word] = self._lower_text.count(word)
        return self._word_counts[word]

    def _entity_name(self, entity):
        name, etype = self.book.entity_name(entity)
        if etype == "NORP":
            name = country_of(name) or name
        self._types.setdefault(name, etype)
        return name, etype

    def _mean_vector(self, words):
        """The mean word vector of ``[(sentence index, word)]`` (zeros without vectors or words)."""
        if self.vectors is None or not words:
            return numpy.zeros(VECTOR_WIDTH, dtype=numpy.float32)
        return numpy.mean([self.vectors[k][word.id - 1] for k, word in words], axis=0)

    def _claim_vectors(self, attribution):
        """``(mean vector of the content's content words, mean vector of the cue's words)``, kept for the last
        attribution asked (``dense`` and the ranker's ``content_cosine`` read them)."""
        if self._vectors_of[0] is not attribution:
            content, cue_words = self._content_words(attribution)
            self._vectors_of = (attribution, (self._mean_vector(content), self._mean_vector(cue_words)))
        return self._vectors_of[1]

    def _content_words(self, attribution):
        """``([(sentence index, word)] of the content's content words, [...] of the cue's words)``."""
        spans, cue = attribution.spans, attribution.cue
        first = self.index.sentence_of(spans[0][0])
        ends = [end for _, end in spans] + ([cue.end] if cue is not None else [])
        last = min(len(self.index.sentences) - 1, first + 7, self.index.sentence_of(max(ends) - 1))
        content, cue_words = [], []
        for k in range(first, last + 1):
            for word in self.index.sentences[k].words:
                if word.upos in CONTENT_UPOS and within(word.start_char, word.end_char, spans):
                    content.append((k, word))
                if cue is not None and cue.start <= word.start_char < cue.end:
                    cue_words.append((k, word))
        return content, cue_words

    def dense(self, statement):
        """The claim's word vectors: the mean over the content's content words, and the cue word's."""
        return numpy.concatenate(self._claim_vectors(statement.attribution))

    def stance_features(self, statement, candidates):
        """The named features of a claim's stance: its words, cue, relation, speaker type and the rules (the
        first that fires, ``tracker.stance.first_rule``: a feature, since on the labelled claims the cue rule is
        right 80 % of the time, the frames about half)."""
        attribution = statement.attribution
        start, end = attribution.start, attribution.end
        text = self.index.text
        content = text[start:end].translate(EDITORIAL_BRACKETS)
        sentences = _overlapping(self.index, attribution.spans)
        context = ""
        if sentences:
            first, last = sentences[0].tokens[0].start_char, sentences[-1].tokens[-1].end_char
            context = text[first:start] + " " + text[end:last]
        cue_text = attribution.cue.text if attribution.cue is not None else ""
        found = claim_lexical_features(content, attribution.cue_lemma, context, cue_text)
        # the lemmas of the content's common words (never a proper noun); the words around it were left out:
        # they named the outlet and the setting ("news agency") more than a stance (5-fold macro-F1 49.1 -> 50.0)
        for sentence in sentences:
            for word in sentence.words:
                if word.upos in CONTENT_UPOS and word.upos != "PROPN" and word.lemma and within(
                        word.start_char, word.end_char, attribution.spans):
                    found[f"w:{word.lemma.lower()}"] = 1.0
        found[f"kind:{attribution.kind}"] = 1.0
        if statement.relation:
            found[f"relation:{statement.relation}"] = 1.0
        speaker = statement.speaker
        found[f"speaker:{speaker.type if speaker is not None else 'none'}"] = 1.0
        spans = [TargetSpan(t.name, t.start - start, t.end - start, t.frame, t.subject, True, tuple(t.acts))
                 for t in candidates if t.start >= start]
        found.update(rule_features(first_rule(content, stance_cue(attribution.cue_lemma, cue_text), spans)))
        found.update(newsmtsc_features(content, spans))
        found.update(modality_features(sentences, attribution))
        return found

    def candidates(self, statement):
        """``[(Target, features)]``: the claim's candidate targets, one per name, with the ranker's features."""
        return self.with_features(statement, self.listed_candidates(statement))

    def listed_candidates(self, statement):
        """``[(Target, features)]``: the claim's candidate targets, one per name, with the features that place
        each among the others (in the content or its sentence, rank, the most mentioned, ...). The rest of the
        ranker's features cost more and are read only for a claim for or against something (``with_features``)."""
        attribution = statement.attribution
        speaker = statement.speaker
        inside = candidate_targets(self.index, attribution, self.book, self.names, speaker, self.resolver)
        places = _place_adjuncts(_overlapping(self.index, attribution.spans))
        found = {}
        for rank, target in enumerate(inside):
            if target.name in found:
                found[target.name][1]["repeats"] += 1
                continue
            found[target.name] = (target, Counter({"in_content": 1.0, "rank": math.log1p(rank),
                                                   "first": float(rank == 0),
                                                   "place_adjunct": float(target.start in places), "repeats": 0.0}))
        for sentence in _overlapping(self.index, attribution.spans):
            for entity in self.names.entities_within(sentence.tokens[0].start_char, sentence.tokens[-1].end_char):
                if within(entity.start_char, entity.end_char, attribution.spans):
                    continue
                name, etype = self._entity_name(entity)
                if name not in found:
                    found[name] = (Target(name, etype, entity.start_char, entity.end_char), Counter(in_sentence=1.0))
                    cue = attribution.cue
                    if cue is not None:
                        found[name][1]["after_cue"] = float(entity.start_char >= cue.end)
        previous = self._previous_sentence(attribution)
        if previous is not None:  # what the paragraph was about just before: "Reed cut the grant. '...,' he said"
            for entity in self.names.entities_within(*previous):
                name, etype = self._entity_name(entity)
                if name not in found:
                    found[name] = (Target(name, etype, entity.start_char, entity.end_char), Counter(before_only=1.0))
        # what a pronoun of the content may stand for: "Bell said it would ruin the high street" -> "parking levy"
        # (the phrases before every claim, a pronoun or not: 5-fold ranker 52.4 -> 51.9 %)
        if takes_up_a_thing(_overlapping(self.index, attribution.spans), attribution.spans):
            for distance, target in enumerate(antecedent_phrases(self.index, attribution, self.book, self.names)):
                if target.name not in found:
                    found[target.name] = (target, Counter(phrase_before=1.0, before_distance=math.log1p(distance)))
        referent = self._pronoun_referent(statement)
        if referent is not None:
            name, etype = referent
            if name not in found:
                found[name] = (Target(name, etype, -1, -1), Counter())
            found[name][1]["pronoun_referent"] = 1.0
        for name in self.salient:
            if name not in found:
                found[name] = (Target(name, self._types.get(name), -1, -1), Counter(salient_only=1.0))
        phrases = [target for target, _ in found.values() if target.type is None and target.start >= 0]
        for target, features in found.values():  # "Acme" of "the Acme merger": the phrase may be the target
            features["in_phrase"] = float(target.type is not None and any(
                p.start <= target.start and target.end <= p.end for p in phrases))
        ranked = sorted(found, key=lambda name: -self.mentions.get(name, 0))
        entities = [name for name, (target, _) in found.items() if target.type and not _is_speaker(target, speaker)]
        for name, (target, features) in found.items():
            features["most_mentioned"] = float(name == ranked[0])
            features["first_other_entity"] = float(bool(entities) and name == entities[0])
        return list(found.values())

    def with_features(self, statement, listed):
        """The ``listed_candidates`` with all the ranker's features, and what each is weighed against: how long
        the content is and how many candidates it names itself (a short quote that names nothing is seldom
        about the article's most named person)."""
        attribution = statement.attribution
        words = tokenize(self.index.text[attribution.start:attribution.end])
        inside = sum(placed.get("in_content", 0.0) for _, placed in listed)
        weighed = {"content_length": math.log1p(len(words)), "content_candidates": math.log1p(inside)}
        candidates = []
        for target, placed in listed:
            features = self._candidate_features(target, statement.speaker, words, attribution)
            features.update(placed)
            dict.update(features, weighed)
            candidates.append((target, features))
        return candidates

    def _previous_sentence(self, attribution):
        """``(start, end)`` of the sentence before the content's first one, or None at the article's start."""
        k = self.index.sentence_of(attribution.spans[0][0])
        if k == 0:
            return None
        tokens = self.index.sentences[k - 1].tokens
        return tokens[0].start_char, tokens[-1].end_char

    def _pronoun_referent(self, statement):
        """``(name, type)`` of the person a third-person pronoun of the content most likely stands for: the
        last person named before the content who is not the speaker; None without such a pronoun."""
        attribution, speaker = statement.attribution, statement.speaker
        words = tokenize(self.index.text[attribution.start:attribution.end])
        if not any(word in THIRD_PERSON for word in words):
            return None
        first = bisect.bisect_left(self.names._entity_starts, attribution.start)
        for entity in reversed(self.names.entities[:first]):
            if entity.type == "PERSON":
                name, etype = self._entity_name(entity)
                if speaker is None or last_word(name) != last_word(speaker.name):
                    return name, etype
        return None

    def _candidate_features(self, target, speaker, words, attribution):
        """The ranker's features of one candidate, wherever it stands, as a ``Counter`` (a feature it lacks reads
        0), filled in place: ``dict.update`` copies the 200 floats of the parse features at C speed, where
        ``Counter.update`` would add them one by one and a ``Counter`` of a finished dict would copy them all."""
        found = Counter({f"type:{target.type or 'phrase'}": 1.0})
        found["mentions"] = math.log1p(self.mentions.get(target.name, 0))
        if target.name in self.salient:
            found[f"salient:{self.salient.index(target.name)}"] = 1.0
        last = last_word(target.name)
        found["last_word_count"] = math.log1p(self._count_in_text(last)) if last else 0.0
        found["is_speaker"] = float(_is_speaker(target, speaker))
        found["subject"] = float(target.subject)
        # "a disgrace", "the insult": a judgement, seldom what is judged (a name is none: "Grand Old Party")
        found["evaluative"] = float(target.type is None and is_evaluative(target.name))
        found["setting"] = float(target.name == self.setting)
        if target.frame:
            found["frame"] = 1.0
            decided = _frame_stance(target.frame)
            if decided:
                found[f"frame:{decided[0]}"] = 1.0
        found["acts"] = float(bool(target.acts))
        if target.via:
            found[f"via:{target.via}"] = 1.0
        if target.head:  # which nouns are what a statement is for or against ("plan", "ban"), which not ("time")
            found[f"head:{target.head}"] = 1.0
        found["owned"] = float(target.owned)
        if target.start >= attribution.start and target.end <= attribution.end:
            before = tokenize(self.index.text[attribution.start:target.start])
            here = len(before)
            near = words[max(0, here - NEAR):here] + words[here + len(tokenize(target.name)):][:NEAR]
            dict.update(found, evaluative_features(near, "near_"))
            found["position"] = here / max(1, len(words))
        cue = attribution.cue
        if cue is not None and target.start >= 0:
            found["cue_distance"] = math.log1p(abs(target.start - cue.start) / 10)
        if target.start >= 0:
            dict.update(found, self._parse_features(target, attribution))
        return found

    def _parse_features(self, target, attribution):
        """Where a candidate stands in the parse: the relation of its head word to the word that governs it,
        whether that word is a judgement ("X is dangerous", "condemned X"), the two words' vectors and how
        close the head word's vector is to the content's mean (what the statement is about)."""
        k = self.index.sentence_of(target.start)
        sentence = self.index.sentences[k]
        head = _head_of(sentence, target.start, target.end)
        if head is None:
            return {}
        node = _stands_for(sentence, _modified(sentence, head))  # "Brazilian" of "the Brazilian intervention"
        found = {f"deprel:{node.deprel.split(':')[0]}": 1.0, "possessor": float(head.deprel == "nmod:poss")}
        governor = sentence.words[node.head - 1] if node.head else None
        if governor is not None:
            found[f"governor:{governor.upos}"] = 1.0
            found["governor_evaluative"] = float(is_evaluative(governor.text))
        marker = _cue_argument(sentence, node, attribution)
        if marker:
            found["cue_argument"] = 1.0
            found[f"cue_argument:{marker}"] = 1.0
        if self.vectors is not None:
            vector = self.vectors[k][head.id - 1]
            found.update(zip(HEAD_VECTOR, vector.tolist()))
            if governor is not None:
                found.update(zip(GOVERNOR_VECTOR, self.vectors[k][governor.id - 1].tolist()))
            content = self._claim_vectors(attribution)[0]
            norms = float(numpy.linalg.norm(vector) * numpy.linalg.norm(content))
            found["content_cosine"] = float(vector @ content) / norms if norms else 0.0
        return found

    def stance_inputs(self, statement):
        """``(listed candidates, named features, word vectors)`` of a claim's stance, or None for a statement
        that takes its relation's stance."""
        if statement.relation in RELATION_STANCE:
            return None
        listed = self.listed_candidates(statement)
        return listed, self.stance_features(statement, [target for target, _ in listed]), self.dense(statement)

    def judge(self, statement, inputs, scores):
        """Set ``statement.stance`` and ``statement.target`` from its ``stance_inputs`` and the claim model's
        class ``scores`` of them (``tracker.stance.claim_scores``), but for a claim for or against something,
        whose target the ranker chooses among its candidates: return ``(candidates, ranker features)`` for
        ``judge_stances`` to rank all of an article's claims at once (None when nothing is left)."""
        attribution = statement.attribution
        if inputs is None:
            content = self.index.text[statement.start:statement.end]
            cue = attribution.cue.text if attribution.cue else None
            statement.stance = StanceResult(
                stance=RELATION_STANCE[statement.relation], confidence=RELATION_CONFIDENCE,
                evidence=f"cue '{cue}' with anaphoric content '{content}' -> {statement.relation}",
                hedged=is_hedged(content.translate(EDITORIAL_BRACKETS), attribution.cue_lemma))
            related = statement.related
            statement.target = Target(statement_label(related, self.index.text), None, related.start, related.end)
            return None
        listed, found, vectors = inputs
        content = self.index.text[statement.start:statement.end].translate(EDITORIAL_BRACKETS)
        hedged = is_hedged(content, attribution.cue_lemma)
        model, probabilities = load_linear(CLAIM_MODEL_PATH), class_probabilities(scores)
        best = int(numpy.argmax(probabilities))
        if model.classes[best] == "deny" and probabilities[best] < model.deny_floor:  # too weak a denial
            best = int(numpy.argsort(probabilities)[-2])
        label, confidence = model.classes[best], float(probabilities[best])
        evidence = f"model ({label} {confidence:.2f}): {_top_features(model, found, best)}"
        denial = denial_evidence(content, attribution.cue_lemma)
        denials = shipped_denial_model()
        if denial is not None and label != "deny":  # a rule where it is exact: denials are said in few words
            label, evidence = "deny", f"{denial} (model: {label} {confidence:.2f})"
        elif label != "deny" and denials is not None:
            chance = float(denials.probabilities(found, vectors)[0])
            if chance > 0.5:  # the model's threshold is folded into its intercept
                label, confidence = "deny", chance
                evidence = f"denial model ({chance:.2f}): {_top_features(denials, found, 0)}"
        statement.target = None
        statement.stance = StanceResult(stance=None if label == "neutral" else label,
                                        confidence=confidence, evidence=evidence, hedged=hedged)
        if label == "deny":
            first_piece = self.index.text[slice(*attribution.spans[0])].translate(EDITORIAL_BRACKETS)
            words = (named_claim(first_piece) or first_piece.strip(" \"“”'")).split()[:DENIAL_WORDS]
            claim = " ".join(words).rstrip(".,;:!?")  # '"That is false," he said': "claim:That is false"
            statement.target = Target("claim:" + claim, None, statement.start, statement.end)
        elif label != "neutral" and listed:
            candidates = self.with_features(statement, listed)
            return candidates, claim_ranking_features([features for _, features in candidates], label)
        return None


def _modal_kind(word):
    """"future", "obligation" or "possibility" for a modal auxiliary, else None."""
    forms = {word.text.lower(), (word.lemma or "").lower()}
    for kind, modals in (("future", FUTURE_MODALS), ("obligation", OBLIGATION_MODALS),
                         ("possibility", POSSIBILITY_MODALS)):
        if forms & modals:
            return kind
    return None


def _main_predicate(sentences, spans):
    """``(sentence, word)`` of the content's main predicate: its first verb, adjective, noun or pronoun whose
    head lies outside the content, or ``(None, None)``."""
    for sentence in sentences:
        inside = {word.id for word in sentence.words if within(word.start_char, word.end_char, spans)}
        for word in sentence.words:
            if word.id in inside and word.head not in inside and word.upos in PREDICATE_UPOS:
                return sentence, word
    return None, None


def modality_features(sentences, attribution):
    """What the parse tells of a claim's modality: the modal auxiliary of the content's main predicate ("will
    win", "must go", "could fall"), a modal on the cue ("would say"), an intending verb with its infinitive
    ("plans to build"), and a first-person subject with either ("we will build"): the speaker's own plan.
    The labels call predictions and plans neutral (5-fold on 14,896 labelled train claims, with ``CUE_ACTS`` and
    the poll figures: macro-F1 52.43 -> 52.79, log-loss 0.8468 -> 0.8430)."""
    found = {}
    sentence, predicate = _main_predicate(sentences, attribution.spans)
    if predicate is not None:
        below = dependents(sentence, predicate)
        for word in below:
            kind = _modal_kind(word) if word.deprel == "aux" and within(word.start_char, word.end_char,
                                                                         attribution.spans) else None
            if kind:
                found[f"modal:{kind}"] = 1.0
        if (predicate.lemma or "").lower() in INTENDING and any(word.deprel == "xcomp" for word in below):
            found["intending"] = 1.0
        subjects = [word for word in below if word.deprel in ("nsubj", "nsubj:pass", "expl")]
        if subjects and subjects[0].text.lower() in FIRST_PERSON and (
                "modal:future" in found or "intending" in found):
            found["own_plan"] = 1.0
    cue = attribution.cue
    for sentence in sentences if cue is not None else ():
        for word in sentence.words:
            if cue.start <= word.start_char < cue.end:
                for below in dependents(sentence, word):
                    if below.deprel == "aux" and (kind := _modal_kind(below)):
                        found[f"cue_modal:{kind}"] = 1.0
    return found


def _is_speaker(target, speaker):
    """Whether a candidate target names the claim's own speaker, in full or by the last word of the name."""
    last = last_word(target.name)
    return speaker is not None and (target.name == speaker.name
                                    or (last is not None and last == last_word(speaker.name)))


STANCE_SIGN = {"support": 1.0, "against": -1.0}
# the features whose weight in choosing a target depends on whether the claim is for or against it
STANCE_DEPENDENT = ("type:", "frame:", "deprel:", "via:")
STANCE_DEPENDENT_FLAGS = {"subject", "is_speaker", "in_content", "owned", "evaluative", "governor_evaluative", "acts"}


def ranking_features(features, stance):
    """A candidate's ranker features given the claim's ``stance`` (support or against): its own, how the
    words around it and the frame governing it agree with the stance (praise near what is supported, fault
    near what is attacked), and its place and kind apart for each stance (5-fold on 6,656 labelled claims:
    ranker 49.5 -> 49.9 %)."""
    sign = STANCE_SIGN[stance]
    found = dict(features)
    valence = (features.get("near_pos", 0.0) - features.get("near_neg", 0.0)
               - features.get("near_pos_negated", 0.0) + features.get("near_neg_negated", 0.0))
    found["agreeing_valence"] = sign * valence
    found["agreeing_frame"] = sign * (features.get("frame:support", 0.0) - features.get("frame:against", 0.0))
    for name in filter(_is_stance_dependent, filterfalse(VECTOR_NAMES.__contains__, features)):
        found[f"{name}|{stance}"] = features[name]
    return found


# the features a candidate is also measured on against the claim's other candidates: how far below the claim's best
RELATIVE_FEATURES = ("mentions", "content_cosine", "cue_distance", "last_word_count", "agreeing_valence", "rank")


def claim_ranking_features(candidates, stance):
    """The ranker features (``ranking_features``) of each of one claim's candidates' ``features``, with how each
    stands against the others: its ``RELATIVE_FEATURES`` less the claim's highest (the ranker scores one candidate
    at a time)."""
    found = [ranking_features(features, stance) for features in candidates]
    for name in RELATIVE_FEATURES:
        values = [features.get(name, 0.0) for features in found]
        highest = max(values, default=0.0)
        for features, value in zip(found, values):
            features[f"{name}_below_best"] = highest - value
    return found


@lru_cache(maxsize=4096)  # asked of every feature of every candidate but its word-vector floats
def _is_stance_dependent(name):
    """Whether a ranker feature weighs differently for a claim for and against a candidate (``STANCE_DEPENDENT``)."""
    return name.startswith(STANCE_DEPENDENT) or name in STANCE_DEPENDENT_FLAGS


def newsmtsc_features(content, spans):
    """The stance toward the content's first ``NEWSMTSC_TARGETS`` candidate targets by the model learned on
    NewsMTSC (``tracker.stance.target_probabilities``, trained on other labelled news): the highest support
    and against probabilities, which carry what that data set taught about words said of a target."""
    found = Counter()
    for probabilities in target_probabilities(content, [(span.start, span.end) for span in spans[:NEWSMTSC_TARGETS]]):
        for label in ("support", "against"):
            found[f"newsmtsc_{label}"] = max(found[f"newsmtsc_{label}"], probabilities.get(label, 0.0))
    return found


def _top_features(model, found, best, count=3):
    """The names of the ``count`` features that pushed hardest toward class ``best``."""
    names, pushes = model.contributions(found)
    toward = pushes[:, best] - (pushes.mean(axis=1) if pushes.shape[1] > 1 else 0.0)
    return ", ".join(name for name, push in sorted(zip(names, toward.tolist()), key=lambda kv: -kv[1])[:count]
                     if push > 0)


def name_answered_claims(text, statements):
    """A denial that the model or a flat denial found in the statement's own words ('"There is no truth to it,"
    she said'), with no relation to the claim it answers, is aimed at the nearest earlier claim of another
    speaker (``relations.answered_statement``, ``ANSWERED_PARAGRAPHS`` at most before it); a denial by its cue
    ("denied that ...") or one that names its claim ("rejected the suggestion that ...") keeps its own content
    as the denied claim. A denial that repeats its speaker's own earlier answer denies what that answer did."""
    for k, statement in enumerate(statements):
        if statement.stance is None or statement.stance.stance != "deny":
            continue
        related = statement.related
        if related is not None:
            answered = related
        elif statement.attribution.cue_lemma in DENIAL_CUES or named_claim(text[statement.start:statement.end]):
            continue
        else:
            answered = answered_statement(statements, k, ANSWERED_PARAGRAPHS)
        if is_own_answer(statement, answered):
            if answered.target is not None:
                statement.target = answered.target
                statement.stance.evidence += "; repeats the speaker's answer before it"
        elif answered is not None and related is None:
            statement.target = Target(statement_label(answered, text), None, answered.start, answered.end)
            statement.stance.evidence += "; answers the claim before it"


def judge_stances(index, statements, book):
    """The stance step: each statement's ``stance`` and ``target`` (``ClaimJudge``), the stances of the article's
    claims scored and their targets ranked ``RANKED_AT_ONCE`` claims at a time. A statement that denies, disputes
    or confirms another (``relations``) takes the relation's stance toward that statement."""
    judge, owed = ClaimJudge(index, book), []
    for k in range(0, len(statements), RANKED_AT_ONCE):  # the claim model scores as many claims in one call
        chunk = statements[k:k + RANKED_AT_ONCE]
        inputs = [judge.stance_inputs(statement) for statement in chunk]
        scores = iter(claim_scores([(found, vectors) for _, found, vectors in filter(None, inputs)]))
        owed += [(statement, ranking) for statement, claim in zip(chunk, inputs)
                 if (ranking := judge.judge(statement, claim, next(scores) if claim else None)) is not None]
    name_answered_claims(index.text, statements)
    if not owed:
        return
    ranker = shipped_target_ranker()
    choices = [choice for k in range(0, len(owed), RANKED_AT_ONCE)
               for choice in ranker.choices([rows for _, (_, rows) in owed[k:k + RANKED_AT_ONCE]])]
    for (statement, (candidates, _)), (top, score, reasons) in zip(owed, choices):
        best = candidates[top][0]
        own = _is_speaker(best, statement.speaker) and not within(best.start, best.end, statement.attribution.spans)
        if score < ranker.floor or own:  # mostly a claim that names nothing ("Shameful.") but its own speaker
            why = "is its own speaker, whom it does not name" if own else f"scored {score:.2f}"
            statement.stance.evidence += f"; no target: the best, '{best.name}', {why}"
            continue
        statement.target = best
        statement.stance.evidence += f"; target '{best.name}' (ranker score {score:.2f}): " + ", ".join(reasons)
