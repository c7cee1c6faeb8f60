"""Speakers step: resolve each attribution's speaker mention to a speaker, by the names of the article's
``NameBook`` (``tracker.names``: who is who).

"he" -> the person last speaking or named before it (``tracker.pronouns``); "Kalin" -> "Ibrahim Kalin" (the
fullest name in the article ending in that surname); "the council" -> the article's entity whose name holds
"council"; "Russia's foreign ministry" -> "Russia" with role "foreign ministry"; "Russia and the LNA" -> "Russia;
Libyan National Army"; "a reporter for USA Today" stays a description; "the president" -> the person the article
names as president; an unsigned writer's "I" is "author", the one addressed "reader".

The word lists below serve ``tracker.names`` too (which imports them from here) until they move to data files.
"""

import itertools
import re
from dataclasses import dataclass
from functools import cached_property

from .attribution.lexicon import AUTHORING, SOURCE_NOUNS
from .attribution.subjects import issuer_of
from .attribution.verbs import is_agent_noun
from .cues import DOCUMENTS
from .names import AGENT_TYPES, DETERMINERS, NAME_EDGES, OFFICES, TITLES, clean_name, country_of
from .pronouns import Candidate, referents_of
from .referents import DEFINITE, ReferentRanker
from .trees import dependents, path_up, preposition
from .words import word_map, word_set

# pronouns that stand for one person, with the gender each tells
PERSON_PRONOUNS = {pronoun: None if gender == "-" else gender
                   for pronoun, gender in word_map("person_pronouns").items()}
GROUP = word_set("group_pronouns")
FIRST_PERSON = word_set("first_person")
RELATIVE = word_set("relative_pronouns")
PERSON_RELATIVES = {"who", "whom"}  # the relative pronouns that stand for persons only
POSSESSIVE = word_map("possessive_pronouns")  # "her": either
INSTITUTIONS = word_set("institutions")
QUANTITIES = word_set("quantities")
SHARES = QUANTITIES | {"percent", "%", "half", "some", "most", "many"}  # "40 percent of voters", "most voters"
DESCRIPTION_WORDS = 8  # at most this many words after a description's noun belong to the speaker's name
NAMED_NEXT_PARAGRAPHS = 2  # an office holder the lead introduces ("A federal judge ...") is named this soon after
LEAD_PARAGRAPHS = 2  # the lead: the headline and the first two paragraphs; "a senator" further on may stay unnamed
DESCRIBING = word_set("describing")
# "the city of Phoenix": the noun names the same place as the name after "of"
PLACE_NOUNS = word_set("place_nouns")
INTENTION = word_set("intention")
STATE_BODIES = word_set("state_bodies")
STATE_BODY_WORDS = STATE_BODIES | word_set("state_body_words")
TOPIC_PREPOSITIONS = word_set("topic_prepositions")
ARMED = word_set("armed")
ALLIED = word_set("allied")
STOP_ROLES = word_set("stop_roles")
RUNNING_OFFICES = word_set("running_offices")
PROXY_NOUNS = word_set("proxy_nouns")
ENTOURAGE_NOUNS = word_set("entourage_nouns")
ORGANISATION_NOUNS = word_set("organisation_nouns")
NAMING_NOUNS = word_set("naming_nouns")
OWNED_RECORDS = word_set("owned_records")
CAMPAIGN_NOUNS = word_set("campaign_nouns")
PERSONS_BODIES = ("office", "administration")  # a body that speaks for one person: "X office" in the labels
POLLS = word_set("polls")
DOCUMENT_PARTS = word_set("document_parts")
INCLUDING = word_set("including")
SAYINGS = word_set("sayings")
RELATIVES = word_set("relatives")
PERSON_NOUNS = {noun: None if gender == "-" else gender for noun, gender in word_map("person_nouns").items()}
WRITTEN_NOUNS = DOCUMENTS | POLLS | OWNED_RECORDS | SAYINGS | DOCUMENT_PARTS  # nouns of what is written or said
TITLE_GAP = 16  # at most this many characters of titles between a mention cut at a title and the name after it
PRONOUN_WINDOW = 1500  # characters before a pronoun where its referent is looked for first
EARLIER_DOCUMENT_SENTENCES = 12  # how far back "the statement" looks for the statement the article introduced


@dataclass
class Speaker:
    """A resolved speaker: canonical ``name``, entity ``type``, and the ``role`` written beside it; ``named`` is
    False for a holder the article does not name ("experts", "a spokesman for the ministry", "some"), whose
    ``name`` is the description."""

    name: str | None
    type: str | None
    role: str | None = None
    named: bool = True


def _antecedent_of_relative(sentence, pronoun):
    """The noun a relative pronoun stands for: "Cruz, who refused ..." -> "Cruz", "the council, which ..."
    -> "council" (else the noun just before it), passing over appositions to a name ("Cruz, the senator, who",
    "Cruz, a lawyer and a senator who"; not a list of names, "his rivals, Bush and Christie, who"), from a noun to
    the name in apposition to it ("his friend Jane Roe, who") and over quantities ("a number of cities that"); of
    coordinated names, the ones the relative clause's verb agrees with (``_conjuncts_meant``)."""
    verb = sentence.words[pronoun.head - 1] if pronoun.head else None
    while verb is not None and verb.deprel == "conj" and verb.head:
        verb = sentence.words[verb.head - 1]
    if verb is not None and verb.deprel.startswith("acl") and verb.head:
        noun = sentence.words[verb.head - 1]
    else:
        before = [w for w in sentence.words[:pronoun.id - 1] if w.upos != "PUNCT"]
        if not before or before[-1].upos not in ("NOUN", "PROPN"):
            return None
        noun = before[-1]
        while noun.deprel in ("compound", "flat") and noun.head:
            noun = sentence.words[noun.head - 1]
    head = sentence.words[noun.head - 1] if noun.head else None
    if noun.deprel == "conj" and head.deprel == "appos" and head.upos == "NOUN":
        noun, head = head, sentence.words[head.head - 1]  # "Jane Roe, a consultant and an activist who"
    if noun.deprel == "appos" and head.upos == "PROPN" and not _lists_names(sentence, noun):
        noun = head
    named = [w for w in dependents(sentence, noun) if w.deprel == "appos" and w.upos == "PROPN" and w.id < pronoun.id]
    if noun.upos == "NOUN" and named:  # "his friend Jane Roe, who"
        noun = named[-1]
    if noun.lemma.lower() in QUANTITIES:
        of = [w for w in dependents(sentence, noun) if w.deprel == "nmod" and w.upos in ("NOUN", "PROPN")]
        noun = of[0] if of else noun
    return _conjuncts_meant(sentence, noun, verb) if verb is not None else noun


def _lists_names(sentence, word):
    """Whether ``word`` heads a coordination of names ("Bush and Christie" of "his rivals, Bush and Christie, who"):
    an apposition that lists names, which a relative pronoun does not pass over."""
    return any(w.deprel == "conj" and w.upos == "PROPN" for w in dependents(sentence, word))


def _conjuncts_meant(sentence, noun, verb):
    """Of names coordinated before a relative pronoun, the word that names those its clause's ``verb`` agrees
    with: all ("Bush and Christie, who say": the first conjunct, which heads the others) for a plural verb, the
    last one ("Bush and Christie, who says") for a singular verb; ``noun`` when the verb does not tell."""
    first = noun
    while first.deprel == "conj" and first.head:
        first = sentence.words[first.head - 1]
    conjuncts = [w for w in _conjuncts(sentence, first, {w.id for w in sentence.words}) if w.id < verb.id]
    if len(conjuncts) < 2:
        return noun
    finite = next((w for w in dependents(sentence, verb) if w.deprel in ("aux", "cop")), verb)
    plural = finite.xpos == "VBP" or finite.text.lower() == "were"
    singular = finite.xpos == "VBZ" or finite.text.lower() == "was"
    return first if plural else conjuncts[-1] if singular else noun


def _subtree_ids(sentence, word, ids):
    """Ids of ``word`` and its dependents within ``ids``, leaving out relative clauses and appositions."""
    found, stack = set(), [word]
    while stack:
        node = stack.pop()
        found.add(node.id)
        stack.extend(w for w in dependents(sentence, node) if w.id in ids
                     and w.deprel not in ("acl:relcl", "appos", "parataxis"))
    return found


NAME_MODIFIERS = ("compound", "amod", "flat", "nummod")  # deprels of the words of a noun phrase that make its name


def _phrase_ids(sentence, word, conjuncts=False):
    """Ids of ``word`` and the words that make its name: determiners, compounds, adjectives, possessors
    (and, with ``conjuncts``, the names coordinated with it)."""
    ids = {word.id} | {w.id for w in dependents(sentence, word) if w.deprel in ("det", "nmod:poss")}
    modifiers = [w for w in dependents(sentence, word) if w.deprel in NAME_MODIFIERS]
    while modifiers:  # with the modifiers' own: "high-level", "Los Angeles Times"
        modifier = modifiers.pop()
        ids.add(modifier.id)
        modifiers += [w for w in dependents(sentence, modifier) if w.deprel in NAME_MODIFIERS or w.text == "-"]
    if conjuncts:
        for conjunct in (w for w in dependents(sentence, word) if w.deprel == "conj"):
            ids |= _phrase_ids(sentence, conjunct, conjuncts=True)
    return ids


def _names_a_pair(sentence, head, ids):
    """Whether the phrase headed by ``head`` stands for two persons named before it without naming them: "the
    two", "both", "the two lawmakers", "both men" (not "two officials", whom the article need not have named)."""
    words = [w for w in dependents(sentence, head) if w.id in ids]
    if any(w.upos == "PROPN" or w.deprel in ("appos", "conj") for w in words):
        return False
    if head.lemma.lower() in ("two", "both"):
        return head.lemma.lower() == "both" or any(w.lemma.lower() == "the" for w in words)
    pair = any(w.lemma.lower() in ("two", "both") for w in words) and (
        head.lemma.lower() == "both" or any(w.lemma.lower() in ("the", "both") for w in words))
    return pair and _is_person_noun(head)


def _conjuncts(sentence, head, ids):
    """``head`` and the nouns, names and pronouns coordinated with it within ``ids``, in text order: "Carson,
    Fiorina and Huckabee" (the parser hangs "Huckabee" on "Fiorina")."""
    found, stack = [head], [head]
    while stack:
        for conjunct in (w for w in dependents(sentence, stack.pop()) if w.id in ids and w.deprel == "conj"
                         and w.upos in ("PROPN", "NOUN", "PRON")):
            found.append(conjunct)
            stack.append(conjunct)
    return sorted(found, key=lambda w: w.id)


def _placed(sentence, name):
    """Whether a name is written with the place or organisation it is of: "Jane Roe of Ohio", "Jane Roe from the
    Elm Fund"."""
    places = (w for w in dependents(sentence, name) if w.deprel == "nmod" and w.upos == "PROPN")
    return any(c.deprel == "case" and c.lemma.lower() in ("of", "from") for w in places for c in dependents(sentence, w))


def _after_separator(sentence, name):
    """Whether the words of the name headed by ``name`` come right after an "and" or a comma."""
    first = min(_phrase_ids(sentence, name))
    return first > 1 and (sentence.words[first - 2].lemma.lower() == "and" or sentence.words[first - 2].text == ",")


def _is_title(word):
    """Whether ``word`` may be part of a title written before a name: "House Speaker", "co-host", "Sen."."""
    return word.upos in ("PROPN", "NOUN", "ADJ") or word.text in ("-", ".")


def _joins_names(gap):
    """Whether the words between two names of a list are its separator and a title: "and House Speaker", ", and",
    "(Ky.) and" (a parenthesis first), not ", Hale, Governor" (two separators: a name the tagger missed)."""
    words, depth = [], 0
    for word in gap:
        depth += (word.text == "(") - (word.text == ")")
        if depth == 0 and word.text != ")":
            words.append(word)
    separators = list(itertools.takewhile(lambda w: w.text == "," or w.lemma == "and", words))
    return 0 < len(separators) <= 2 and all(_is_title(w) for w in words[len(separators):])


def _indefinite(sentence, noun):
    """Whether ``noun`` is introduced as one the reader does not know yet: "a federal judge"."""
    return any(w.deprel == "det" and w.lemma.lower() in ("a", "an") for w in dependents(sentence, noun))


def _noun_of(sentence, head):
    """The lower-cased lemma of a noun with the words a hyphen joins to it: "front-runner", "co-host"."""
    noun, k = head.lemma.lower(), head.id - 1
    while k >= 2 and sentence.words[k - 1].text == "-" and sentence.words[k - 1].end_char == head.start_char:
        noun, k = f"{sentence.words[k - 2].text.lower()}-{noun}", k - 2
        head = sentence.words[k]
    return noun


def _is_person_noun(noun):
    """A noun for a person: an office or a person noun ("minister", "spokeswoman")."""
    lemma = noun.lemma.lower()
    return noun.upos == "NOUN" and (lemma in PERSON_NOUNS or lemma in OFFICES)


def _names_itself(sentence, first, head):
    """Whether the description ``first`` .. ``head`` is a name the tagger gave no type: a proper noun ("Peabody",
    "PENCE"), or a body qualified by one ("the Obama administration"); never people, however qualified ("a West
    Virginia official", "McConnell aides", "Clinton supporters"), nor a common phrase ("experts", "some"), nor
    a title alone ("Judge", "Senator" in a headline)."""
    if head.upos == "PROPN":
        return first.id < head.id or not _is_office_word(head)
    lemma = head.lemma.lower()
    people = _is_person_noun(head) or lemma in ENTOURAGE_NOUNS or is_agent_noun(lemma)
    return not people and any(w.upos == "PROPN" for w in sentence.words[first.id - 1:head.id - 1])


def _is_office_word(word):
    """Whether ``word`` is a title or a person noun however it is written: "Gov.", "Vice President" (its last
    word), "chairman", "Filmmaker"; a phrase it heads names no one by itself."""
    lemma = word.lemma.lower().rstrip(".")
    return lemma in PERSON_NOUNS or lemma in OFFICES or TITLES.fullmatch(word.text + " ") is not None


def is_thing_noun(lemma):
    """Whether a common noun names things, which do not speak: no noun of a person, a group or a record
    (``SOURCE_NOUNS`` of the attribution step) nor of an agent ("wages", "consequences"; not "voters",
    "researchers", "reports")."""
    return lemma not in SOURCE_NOUNS and not is_agent_noun(lemma)


def _proper_name(sentence, word):
    """The proper name headed by ``word`` ("Ana Ruiz": the word and its compound and flat proper nouns), or None
    when one of them is no proper noun."""
    parts = [w for w in dependents(sentence, word) if w.deprel in ("compound", "flat")] + [word]
    if not all(w.upos == "PROPN" for w in parts):
        return None
    return " ".join(w.text for w in sorted(parts, key=lambda w: w.id))


def _camel_case(word):
    """Whether ``word`` is written with capitals inside, as names are that the tagger takes for nouns:
    "RealClearPolitics" (not "TV")."""
    return word[:1].isupper() and not word.isupper() and word[1:] != word[1:].lower()


def mention_kind(words, head):
    """The kind of a speaker mention that names nobody itself, for ``tracker.referents``: a third-person pronoun
    by what it may stand for ("person:he", "it:it", "group:they", as ``tracker.pronouns.agrees`` reads them),
    "person_noun", "organisation_noun", "document_noun", "noun" (also with proper nouns that qualify it: "the Utah
    Republican", "the Vermont senator"); None for a proper noun (a name the rules read exactly), a first or second
    person, a relative pronoun (its antecedent is in its sentence) or no noun."""
    if head is None or head.upos == "PROPN" or words[-1].text.lower() in RELATIVE:
        return None
    lowered = " ".join(w.text for w in words).lower()
    if lowered in FIRST_PERSON or lowered == "you":
        return None
    if lowered in PERSON_PRONOUNS or lowered in GROUP - {"we"}:
        agreement = "person" if lowered in PERSON_PRONOUNS else "it" if lowered == "it" else "group"
        return f"{agreement}:{lowered}"
    if head.upos != "NOUN":
        return None
    lemma = head.lemma.lower()
    if _is_person_noun(head):
        return "person_noun"
    if lemma in ORGANISATION_NOUNS | INSTITUTIONS | CAMPAIGN_NOUNS:
        return "organisation_noun"
    return "document_noun" if lemma in WRITTEN_NOUNS else "noun"


def _says_several(lowered, head):
    """Whether a speaker mention (``lowered``: its text lower-cased) names several: "they", "the spokesmen"."""
    return lowered in ("they", "them") or (lowered not in PERSON_PRONOUNS and lowered != "it" and head is not None
                                           and "Number=Plur" in (head.feats or ""))


def _says_whose(sentence, head, ids):
    """Whether a description says within ``ids`` whose it is ("her remarks", "results of a poll", "forces loyal
    to the government", "FEC records"): then the rules' reading of it is exact."""
    return any(w.id in ids and (w.deprel in ("nmod:poss", "nmod", "acl", "acl:relcl", "appos")
                                or w.deprel == "compound" and w.upos == "PROPN") for w in dependents(sentence, head))


def _is_state_body(name):
    """Whether ``name`` is a state body that does not say whose it is: "National Security Council",
    "foreign ministry", "the cabinet" (not "Russia's foreign ministry", not "State Department")."""
    words = (name or "").lower().split()
    return bool(words) and words[-1] in STATE_BODIES and all(w in STATE_BODY_WORDS for w in words)




class Resolver:
    """Resolves the speakers of one document's attributions, in text order, by the names of its ``NameBook``
    (``tracker.names``): what each mention says, a pronoun's referent, a description's holder or owner."""

    def __init__(self, index, book, ranker=None):
        self.index = index
        self.book = book
        self.ranker = ranker or ReferentRanker()  # the entity a description or pronoun stands for
        self.document = index.document
        self.text = index.text
        self.resolved = []  # (offset, Speaker, plural) of mentions already resolved, for pronouns
        self.unnamed = set()  # the descriptions of holders the article does not name, which a pronoun may stand for
        self._body_countries = {}  # state body named without its country -> the country it speaks for
        self.referents = referents_of(index, book)  # what pronouns may stand for
        self._nominals = None  # subjects that are common nouns or coordinations, made on first need
        self._pollsters = None  # (offset, Speaker) of the polls the article names with their pollster: on need
        self._lower_words = None  # the words the article writes in lower case: on need

    @cached_property
    def _entity_words(self):
        """``[(entity, its end, its type, the lower-cased words of its text)]`` of the article's named entities,
        made once (an entity's offsets and type are properties, read here once per entity)."""
        return [(e, e.end_char, e.type, e.text.lower().split()) for e in self.book.entities]

    def quoted(self, offset):
        """Whether ``offset`` lies inside a quotation."""
        return self.index.in_quotation(offset)

    def resolve(self, attribution):
        """The ``Speaker`` of one attribution (continuations repeat the speaker they follow)."""
        mention = attribution.speaker
        if mention is None:
            return None
        sentence, words, head = self._parse_of(mention)
        antecedent = self._relative_antecedent(sentence, words)  # of "who", "a super PAC that"
        speaker = self._resolve_mention(mention, sentence, words, head, antecedent)
        if speaker.type in (None, "ORG") and speaker.name and ";" not in speaker.name:
            speaker = self._named_after_title(mention, speaker) or speaker
        if speaker.type is None and re.fullmatch(r"the \w+", mention.text.strip(), re.I):
            speaker = self._earlier_fuller(speaker, mention.start)
        kind = mention_kind(words, head)
        if kind is None and antecedent is not None and antecedent.upos == "NOUN":  # "the senator who": as "the
            head, kind = antecedent, mention_kind([antecedent], antecedent)  # senator" is, by its noun
        if kind is not None and not (speaker.type and _says_whose(sentence, head, set(mention.word_ids))):
            speaker = self.ranker.choose(self, attribution, sentence, head, kind, speaker)
        if speaker.type in ("ORG", None) and _is_state_body(speaker.name):
            speaker = self._state_of_body(speaker, attribution)
        if head is not None and (head.upos == "PRON" or head.text[:1].islower()) and speaker.name \
                and ";" not in speaker.name:  # not a name as written ("State"), which stays the name
            speaker = self._fuller_organisation(speaker, head)  # "the Fox poll" is Fox News's, as named in full
        if not speaker.named:
            self.unnamed.add(speaker.name)
        elif speaker.type is None and speaker.name in self.unnamed:  # "they" for the experts quoted before
            speaker = Speaker(speaker.name, None, speaker.role, named=False)
        lowered = mention.text.lower().strip()
        plural = _says_several(lowered, head) or ";" in (speaker.name or "")
        self.resolved.append((mention.start, speaker, plural))
        return speaker

    def _named_after_title(self, mention, speaker):
        """The ``Speaker`` of the person named right after a mention cut at a title, which names nobody itself
        (``speaker``) or which the tagger took for an organisation when cut at a title's period ("Army Capt" of
        "Army Capt. Jane Roe"): "Actress" of "Actress Jane Roe", "Air Force 1st" of "Air Force 1st Lt. Jane Roe" (a
        capitalised word, then at most titles before the name); None when no person's name follows so."""
        last = mention.text.split()[-1] if mention.text.split() else ""
        if speaker.type == "ORG" and not (TITLES.fullmatch(f"{last}. ") and self.text.startswith(".", mention.end)):
            return None
        entity = self.book.entity_at(mention.end, mention.end + TITLE_GAP, {"PERSON"})
        if not last[:1].isupper() or entity is None or entity.start_char < mention.end:
            return None
        gap = self.text[mention.end:entity.start_char].strip(" .")
        if gap and not TITLES.fullmatch(gap + " "):
            return None
        name, etype = self.book.entity_name(entity)
        return Speaker(name, etype, " ".join(f"{mention.text} {gap}".split()).strip(" ."))

    def gender_and_number(self, mention, head):
        """``(gender or None, plural)`` a speaker mention tells: "she" a woman, "the spokesmen" several."""
        lowered = mention.text.lower().strip()
        noun = head.lemma.lower() if head.upos == "NOUN" else None
        return PERSON_PRONOUNS.get(lowered) or (PERSON_NOUNS.get(noun) if noun else None), \
            _says_several(lowered, head)

    def pronoun_referent(self, sentence, pronoun):
        """The ``Speaker`` a third-person pronoun inside a statement stands for ("criticised him", "their plan"),
        as a pronoun speaker is resolved; None for another word or when nobody fits."""
        lowered = pronoun.text.lower()
        lowered = POSSESSIVE.get(lowered, lowered)
        third_person = lowered in PERSON_PRONOUNS or lowered in GROUP
        if pronoun.upos != "PRON" or lowered in FIRST_PERSON or not third_person or lowered == "it":
            return None
        named = self.book.coreferent(sentence, pronoun)
        speaker = Speaker(*named) if named else self._pronoun(lowered, pronoun.start_char)
        return speaker if speaker.name else None

    def person_described(self, sentence, noun):
        """The ``Speaker`` of the person a definite description inside a statement stands for ("the president",
        "the former first lady"), as such a speaker is resolved; None when the noun names no person or the
        article names nobody for it."""
        if not _is_person_noun(noun) or not self._definite(sentence, noun):
            return None
        speaker = self._described(sentence, noun, _phrase_ids(sentence, noun))
        return speaker if speaker.type == "PERSON" and speaker.name else None

    def _earlier_fuller(self, speaker, offset):
        """ "the campaign" after "Donald Trump's campaign" or "the Clinton campaign" is that campaign: the last
        earlier speaker whose description ends with the same noun; else ``speaker``."""
        for position, earlier, _ in reversed(self.resolved):
            words = (earlier.name or "").lower().split()
            if position < offset and earlier.type is None and len(words) > 1 \
                    and words[-1] == (speaker.name or "").lower() and not set(words) & (DESCRIBING | STOP_ROLES):
                return Speaker(earlier.name, None, speaker.role, earlier.named)  # not "authors of the report"
        return speaker

    def _fuller_organisation(self, speaker, head):
        """The organisation a short name resolved for a description or a pronoun (its ``head`` word) stands for when
        the article names it in full ("Fox" -> "Fox News", "Quinnipiac" -> "Quinnipiac University"; a short form
        the tagger took for a person only as the issuer of a document, "the poll", not for "he" or "the candidate"):
        ``NameBook.organisation_opening``; else ``speaker``."""
        typed = speaker.type in ("ORG", "GPE") or speaker.type == "PERSON" and head.lemma.lower() in WRITTEN_NOUNS
        fuller = self.book.organisation_opening(speaker.name) if typed else None
        return Speaker(fuller, "ORG", speaker.role) if fuller else speaker

    def _state_of_body(self, body, attribution):
        """The country a state body named without one speaks for ("the National Security Council" -> Turkey
        when its statement says "Turkey would not hesitate ..."), remembered for its later mentions; else
        ``body``. Only a country that is the subject of an intention (will, would, shall) counts: "Ukraine
        shelled the village" in the same body's statement is an accusation, not a self-description."""
        country = self._body_countries.get(body.name)
        if country is None:
            country = next((c.name for c in self.referents.mentions if c.type == "GPE" and c.subject and any(
                a <= c.start < b for a, b in attribution.spans) and self._intends(c.start)), None)
            if country is None:
                return body
            self._body_countries[body.name] = country
        return Speaker(country, "GPE", body.name)

    def _intends(self, offset):
        """Whether the subject word at ``offset`` governs a verb of intention: "Turkey would not hesitate"."""
        sentence = self.document.sentences[self.index.sentence_of(offset)]
        word = next((w for w in sentence.words if w.start_char == offset), None)
        while word is not None and word.deprel in ("compound", "flat"):
            word = sentence.words[word.head - 1]
        if word is None or not word.deprel.startswith("nsubj"):
            return False
        verb = sentence.words[word.head - 1]
        return any(w.deprel == "aux" and w.lemma.lower() in INTENTION for w in dependents(sentence, verb))

    def _parse_of(self, mention):
        """``(sentence, words, head word)`` of a mention (``None``s when it has no parse)."""
        sentence = self.document.sentences[mention.sentence] if mention.sentence >= 0 else None
        words = [sentence.words[i - 1] for i in mention.word_ids] if sentence else []
        ids = set(mention.word_ids)
        heads = [w for w in words if w.head not in ids] or words
        return sentence, words, heads[0] if heads else None

    def _resolve_mention(self, mention, sentence, words, head, antecedent):
        ids = set(mention.word_ids)
        lowered = mention.text.lower().strip()
        lowered = POSSESSIVE.get(lowered, lowered)  # "his claim that ...": whose claim is who claims
        if antecedent is not None:  # "who", or "a super PAC that": named by the antecedent
            described = self._said_of(sentence, antecedent) if words[-1].text.lower() in PERSON_RELATIVES else None
            if described is not None:  # "She was a proud woman who ...": the one the description is said of
                return described
            return self._named_group(sentence, antecedent, _phrase_ids(sentence, antecedent, conjuncts=True))
        if lowered in FIRST_PERSON and not self.quoted(mention.start):
            return self._author(mention.start)
        if lowered == "you" and not self.quoted(mention.start):  # the one interviewed, else whoever reads
            asked = self.book.interviewee_at(mention.start, asked=True)
            return Speaker(asked, "PERSON") if asked else Speaker("reader", None, named=False)
        if lowered in PERSON_PRONOUNS or lowered in GROUP or lowered == "we":
            named = self.book.coreferent(sentence, head)
            return Speaker(*named) if named else self._pronoun(lowered, mention.start)
        if head is None:
            return Speaker(clean_name(mention.text), None, named=False)
        if _names_a_pair(sentence, head, ids):  # "the two", "both men": the last two persons named
            pair = self._pair_before(mention.start)
            if pair is not None:
                return pair
        if head.upos == "NUM" or head.lemma.lower() in SHARES:  # "40 percent of voters" in a poll
            pollster = self._pollster_of_share(sentence)
            if pollster is not None:
                return pollster
        speaker = self._named_group(sentence, head, ids)
        if ";" in (speaker.name or ""):
            return speaker
        return Speaker(speaker.name, speaker.type, self._role(mention, speaker.name), speaker.named)

    def _relative_antecedent(self, sentence, words):
        """The word a mention that ends in a relative pronoun subject stands for ("Cruz, who", "a super PAC that"):
        for "who" and "whom" the person it is hung on (``_person_antecedent``, ``_person_before``); None for
        another mention or when the parse shows none."""
        relative = words[-1] if words else None
        if relative is None or relative.text.lower() not in RELATIVE or not relative.deprel.startswith("nsubj"):
            return None
        antecedent = _antecedent_of_relative(sentence, relative)
        if antecedent is not None and relative.text.lower() in PERSON_RELATIVES:
            antecedent = self._person_before(sentence, relative) if self.index.is_time(antecedent) \
                else self._person_antecedent(sentence, antecedent)
        return antecedent

    def _named_group(self, sentence, head, ids):
        """Name the phrase headed by ``head``, joining coordinated names: "Russia; Libyan National Army"; "the
        two candidates, Jane Roe and John Doe" are the names in apposition; of "Roe and her aides" or "he and
        other leaders" only the named holder counts."""
        group = head.upos == "NOUN" or self.book.entity_at(head.start_char, head.end_char, {"NORP"}) is not None
        example = next((w for w in dependents(sentence, head) if group and w.deprel == "nmod" and w.id in ids
                        and preposition(sentence, w) in INCLUDING and self._names_agent(w)), None)
        if example is not None:  # "Democratic candidates, including Jane Roe and John Doe": those named
            return self._named_group(sentence, example, ids)
        members = _conjuncts(sentence, head, ids)
        if len(members) == 1 and self._names_agent(head):  # "Jane Roe, John Doe and Ann Lee": the parser takes
            listed = next((w for w in dependents(sentence, head) if w.deprel == "appos" and w.id in ids  # the second
                           and len(_conjuncts(sentence, w, ids)) > 1  # for an apposition of the first
                           and all(self._names_agent(c) for c in _conjuncts(sentence, w, ids))), None)
            members = [head, *_conjuncts(sentence, listed, ids)] if listed is not None else members
        if len(members) == 1 and self._is_named_person(head):  # "Jane Roe of Ohio and John Doe of Utah"
            members = self._persons_past_modifiers(sentence, head, ids)
        if len(members) == 1 and group:  # "the two candidates, Jane Roe and John Doe", "the two Republicans, ..."
            listed = next((w for w in dependents(sentence, head) if w.deprel == "appos" and w.id in ids
                           and w.upos == "PROPN" and len(_conjuncts(sentence, w, ids)) > 1), None)
            members = _conjuncts(sentence, listed, ids) if listed is not None else members
        if len(members) == 1 and group:  # "the two senators, Jane Roe of Ohio and John Doe of Utah"
            listed = next((w for w in dependents(sentence, head) if w.deprel == "appos" and w.id in ids
                           and self._is_named_person(w)), None)
            members = self._persons_past_modifiers(sentence, listed, ids) if listed is not None else members
            members = members if len(members) > 1 else [head]
        if len(members) == 1:
            listed = self._listed_persons(sentence, ids)
            if listed:  # "Jane Roe and House Speaker Tom Hale", which the parser read as one name
                return Speaker("; ".join(self.book.entity_name(e)[0] for e in listed), "PERSON")
            return self._named(sentence, head, ids)
        parts = [(self._member_pronoun(sentence, w) if w.upos == "PRON" else self._named(sentence, w, ids), w)
                 for w in members]
        named = [speaker for speaker, word in parts if speaker.name and (
            speaker.type in ("PERSON", "ORG", "GPE") or speaker.type is None and not _is_office_word(word) and (
                word.upos != "NOUN" or any(sentence.words[i - 1].upos == "PROPN" for i in _phrase_ids(sentence, word))))]
        # "former Ohio Gov. and party chairman Ed Rendell": titles of the one named
        parts = named or [speaker for speaker, _ in parts if speaker.name]  # "aides", "others": nobody named
        firsts = {}
        for part in parts:  # each holder once, where first named
            firsts.setdefault(part.name, part)
        parts = list(firsts.values())
        types = {p.type for p in parts}
        return Speaker("; ".join(p.name for p in parts),
                       types.pop() if len(types) == 1 else parts[0].type if parts else None,
                       named=any(p.named for p in parts))

    def _persons_past_modifiers(self, sentence, person, ids):
        """The name ``person`` and the persons the parser coordinates with a place or organisation that modifies it
        within ``ids`` ("Jane Roe of Ohio and John Doe of Utah", where "Doe" hangs on "Ohio") or hangs on it as an
        apposition after "and" or a comma when both are named with their place ("Jane Roe of the Elm Fund and John
        Doe of the ..."), with theirs, in text order; not a place or organisation so coordinated ("Jane Roe of Ohio
        and Utah"), nor a name in apposition that is no item of such a list ("Jane Roe (D-Ohio), a supporter of
        John Doe")."""
        found, stack = [person], [person]
        while stack:
            word = stack.pop()
            coordinated = [w for w in dependents(sentence, word) if w.deprel == "appos" and w.id in ids
                           and self._is_named_person(w) and _after_separator(sentence, w)
                           and _placed(sentence, word) and _placed(sentence, w)]
            for modifier in (w for w in dependents(sentence, word) if w.deprel == "nmod" and w.id in ids
                             and w.upos == "PROPN" and not self._is_named_person(w)):
                coordinated += [w for w in _conjuncts(sentence, modifier, ids)[1:] if self._is_named_person(w)]
            found += coordinated
            stack += coordinated
        return sorted(found, key=lambda w: w.id)

    def _is_named_person(self, word):
        """Whether ``word`` is a proper noun in the name of a person."""
        return word.upos == "PROPN" and self.book.entity_at(word.start_char, word.end_char, {"PERSON"}) is not None

    def _listed_persons(self, sentence, ids):
        """The persons the words ``ids`` list by name where the parser read no list ("Jane Roe and House Speaker Tom
        Hale" as one compound): two or more persons the tagger found, after at most a title ("Celebrities Jane Roe,
        ..."; not "Advisers to the candidates Jane Roe and ..."), each after the one before with an "and" or a comma
        and at most a title ("and co-host", ", Senator"; not ", Hale, Governor": the tagger missed a name), an
        "and" before the last; else []."""
        persons, gaps = [], [[]]
        for word in (w for w in sentence.words if w.id in ids):
            entity = self.book.entity_at(word.start_char, word.end_char, {"PERSON"})
            if entity is not None and (not persons or entity != persons[-1]):
                persons.append(entity)
                gaps.append([])
            elif entity is None:
                gaps[-1].append(word)
        opening, joins = gaps[0], gaps[1:len(persons)]  # the words before the first person, and between two
        if len(persons) < 2 or not all(_is_title(w) or w.upos == "DET" for w in opening) \
                or not all(_joins_names(gap) for gap in joins) or not any(w.lemma == "and" for w in joins[-1]):
            return []
        return persons

    def _relative(self, sentence, noun, name, offset=None):
        """The ``Speaker`` of the person ``name`` in apposition to ``noun``: a lone first name after a relative
        ("his wife, Jane", "Schilling's son, Grant") with the family name of the person they are the relative
        of."""
        owner = self._person_owning(sentence, noun) if noun.lemma.lower() in RELATIVES \
            and len(clean_name(name).split()) == 1 else None
        if owner is not None and len(owner.split()) > 1:
            name = f"{clean_name(name)} {owner.split()[-1]}"
        return Speaker(*self.book.canonical(name, "PERSON", offset=offset))

    def _said_of(self, sentence, noun):
        """The ``Speaker`` a person noun is said of as a predicate ("Jane Roe is a lawyer who ...", "she was a proud
        woman who ..."): the subject's name or the pronoun's referent; None for another noun or when nobody
        resolves."""
        if noun.upos != "NOUN" or not _is_person_noun(noun) \
                or not any(w.deprel == "cop" for w in dependents(sentence, noun)):
            return None
        subject = next((w for w in dependents(sentence, noun) if w.deprel == "nsubj" and (
            w.upos == "PROPN" or w.upos == "PRON" and w.text.lower() in PERSON_PRONOUNS)), None)
        if subject is None:
            return None
        speaker = self._member_pronoun(sentence, subject) if subject.upos == "PRON" \
            else self._named_group(sentence, subject, _phrase_ids(sentence, subject, conjuncts=True))
        return speaker if speaker.name else None

    def _person_before(self, sentence, pronoun):
        """The person named last before a "who" the parser hung on a time ("Sen. Jane Roe this year, who", "On
        Monday, Roe, who"), or None."""
        return next((w for w in reversed(sentence.words[:pronoun.id - 1]) if self._is_person(sentence, w)
                     and not self.index.is_time(w)), None)

    def _person_antecedent(self, sentence, noun):
        """The person a "who" stands for when the parser hangs it on a word for no person: "Jane Roe, an analyst at
        Harbor Bank, who" is Jane Roe, not the bank; ``noun`` itself when no person heads it."""
        word = noun
        while not self._is_person(sentence, word):
            if word.deprel not in ("nmod", "appos", "compound", "flat") or not word.head:
                return noun
            word = sentence.words[word.head - 1]
            if word.upos not in ("NOUN", "PROPN"):
                return noun
        if word.deprel == "appos" and word.head and self._is_person(sentence, sentence.words[word.head - 1]) \
                and not _lists_names(sentence, word):
            word = sentence.words[word.head - 1]  # "Jane Roe, the analyst, who" (not "his rivals, Bush and Christie,
            # who")
        return word

    def _is_person(self, sentence, word):
        """Whether ``word`` names a person: a person's name or a noun for a person."""
        return _is_person_noun(word) or word.upos == "PROPN" and self.book.entity_at(
            word.start_char, word.end_char, {"PERSON"}) is not None

    def _names_agent(self, word):
        """Whether ``word`` is a proper noun in the name of a person, an organisation or a country."""
        return word.upos == "PROPN" and self.book.entity_at(word.start_char, word.end_char, AGENT_TYPES - {"NORP"}) \
            is not None

    def _member_pronoun(self, sentence, pronoun):
        """The ``Speaker`` a personal pronoun coordinated with others stands for ("she and European leaders")."""
        lowered = pronoun.text.lower()
        if lowered not in PERSON_PRONOUNS and lowered not in GROUP:
            return Speaker(None, None)
        named = self.book.coreferent(sentence, pronoun)
        return Speaker(*named) if named else self._pronoun(lowered, pronoun.start_char)

    def _named(self, sentence, head, ids):
        """Name the phrase headed by ``head``: its own entity, an appositive name, a possessor GPE."""
        own = self.book.entity_at(head.start_char, head.end_char, AGENT_TYPES) if head.upos == "PROPN" else None
        for appos in (w for w in dependents(sentence, head) if w.deprel == "appos" and w.id in ids
                      and sentence.words[w.id - 2].text != "("):  # "WASHINGTON (AP) -- ...": the wire's credit
            entity = self.book.entity_at(appos.start_char, appos.end_char, AGENT_TYPES)
            if entity is not None and (own is None or own.type == "GPE" and entity.type == "PERSON"):
                if entity.type == "PERSON":  # "his wife, Jane"
                    return self._relative(sentence, head, entity.text)
                return Speaker(*self.book.canonical(entity.text, entity.type))  # "WASHINGTON -- President Obama"
            if entity is None and own is None and appos.upos == "PROPN" and _is_person_noun(head):
                name = _proper_name(sentence, appos)  # "The transport minister, Ana Ruiz," the tagger missed
                if name is not None:
                    return self._relative(sentence, head, name, appos.start_char)
        family = self.book.namesakes(head.text[:-1]) if head.upos == "PROPN" and head.text.endswith("s") else ()
        if len(family) > 1:  # "the Clintons": the persons of that surname the article names
            return Speaker("; ".join(sorted(family)), "PERSON")
        people = own is not None and own.type == "NORP" and self._definite(sentence, head) and not any(
            w.text == "The" and w.id > 1 for w in dependents(sentence, head))  # "according to The Federalist"
        country = country_of(re.sub(r"s$", "", head.text)) if people else None
        if country is not None:  # "the Saudis have warned", "the Chinese": the country's government
            return Speaker(country, "GPE")
        if people and "Number=Plur" not in (head.feats or "") and not head.text.endswith("s"):
            person = self._member_meant(sentence, head)  # "the Wisconsin Republican": a person, not the party
            if person is not None:
                return person
        if own is not None:
            return Speaker(*self.book.entity_name(own))
        entity = self.book.entity_at(head.start_char, head.end_char, AGENT_TYPES)
        if entity is not None:
            return Speaker(*self.book.entity_name(entity))
        if head.lemma.lower() in CAMPAIGN_NOUNS:  # "his team", "the Sanders camp", "Fiorina's team"
            person = self._person_owning(sentence, head)
            if person is not None:
                return Speaker(f"{person} campaign", "ORG")
        if head.lemma.lower() in DOCUMENT_PARTS:  # "early results of an entrance poll", "the results"
            part = self._part_of_document(sentence, head, ids)
            if part is not None:
                return part
        if head.lemma.lower() in DOCUMENTS:  # "a statement from Egypt's foreign ministry"
            source = self._author_of_document(sentence, head, ids) or (
                self._pollster_near(head.start_char) if head.lemma.lower() in POLLS
                and "Number=Plur" not in (head.feats or "") and not any(  # not "the group's poll"
                    w.deprel == "nmod:poss" for w in dependents(sentence, head)) else None) \
                or self._earlier_author(sentence, head)
            if source is not None:
                return source
        if head.lemma.lower() in OWNED_RECORDS:  # "FBI statistics", "the RealClearPolitics polling average"
            source = self._author_of_document(sentence, head, ids)
            if source is not None:
                return source
        if head.lemma.lower() in SAYINGS | DOCUMENTS | OWNED_RECORDS:  # "his remarks", "the campaign's statement"
            owner = self._possessor(sentence, head)
            if owner is not None:
                return owner
        if head.upos == "NOUN" and head.lemma.lower() in ORGANISATION_NOUNS:
            named = self._organisation_meant(sentence, head)
            if named is not None:
                return named
        if head.lemma.lower() in ARMED:  # "forces loyal to the government" speak for the government
            for side in (w for w in dependents(sentence, head) if w.lemma.lower() in ALLIED):
                principal = [w for w in dependents(sentence, side) if w.deprel == "obl" and w.id in ids]
                if principal:
                    return self._named(sentence, principal[0], ids)
        if head.lemma.lower() in PERSONS_BODIES and any(w.deprel == "nmod:poss" for w in dependents(sentence, head)):
            person = self._person_owning(sentence, head)  # "her office", "Ryan's office": that person's own
            if person:
                return Speaker(f"{person} {head.lemma.lower()}", "ORG")
        if head.lemma.lower() in INSTITUTIONS or head.upos == "NOUN":
            country = self.book.possessor(sentence, head, {"GPE"})
            office = OFFICES.get(_noun_of(sentence, head)) if country is not None else None
            holder = office and "Number=Plur" not in (head.feats or "") and (
                self.book.holder_of(office, head.start_char, [country.text])
                or self._holder_named_next(office, head.start_char, country.text))
            if holder:  # "Sweden's foreign minister warned ... Swedish Foreign Minister Tobias Billstrom"
                return Speaker(holder, "PERSON", " ".join(self.text[country.start_char:head.end_char].split()))
            if country is not None:  # "Egypt's foreign ministry", an unnamed "Egypt's foreign minister"
                return Speaker(*self.book.canonical(country.text, "GPE"))
            lowered, start = head.text.lower(), head.start_char
            earlier = [e for e, end, etype, words in self._entity_words if end <= start
                       and etype in ("ORG", "GPE", "NORP") and lowered in words]
            if earlier and head.upos == "NOUN" and not any(w.deprel == "nmod:poss" for w in dependents(sentence, head)):
                return Speaker(*self.book.canonical(earlier[-1].text, earlier[-1].type))
        return self._described(sentence, head, ids)

    def _described(self, sentence, head, ids):
        """A speaker named by a description, not a name: the noun with the words that say which one ("reporter
        for USA Today", "people involved in the talks"), so that the reporters of different papers stay apart;
        a quantity gives way to what it counts ("a majority of voters" -> "voters"), a place noun to the place
        ("the city of Phoenix" -> Phoenix)."""
        after = [w for w in dependents(sentence, head) if w.id in ids and w.id > head.id]
        of = next((w for w in after if w.deprel in ("nmod", "obl") and w.upos in ("NOUN", "PROPN")
                   and preposition(sentence, w) == "of"), None)  # "obl" under an adjective: "most of the senators"
        if of is not None and head.lemma.lower() in SHARES:
            return self._named(sentence, of, ids)
        if of is not None and head.lemma.lower() in PLACE_NOUNS:
            place = self.book.entity_at(of.start_char, of.end_char, {"GPE", "LOC"})
            if place is not None:
                return Speaker(*self.book.entity_name(place))
        modifiers = [w for w in dependents(sentence, head) if w.id in ids and w.id < head.id
                     and w.deprel in (*NAME_MODIFIERS, "obl:npmod")]
        first = min(modifiers + [head], key=lambda w: w.id)
        while first.id > 1 and sentence.words[first.id - 2].id in ids and (first.text == "-" or sentence.words[
                first.id - 2].deprel in ("compound", "obl:npmod", "nummod", "punct")) \
                and sentence.words[first.id - 2].text != ",":
            first = sentence.words[first.id - 2]  # "Tripoli-based", "30-second", "high-level": keep the words a
            # modifier hangs on
        allowed = set()  # the words of the tail that say which one; a proper noun's tail is no part of its name
        for dependent in (after if head.upos == "NOUN" else []):
            if (dependent.deprel == "nmod" and dependent.upos in ("NOUN", "PROPN")
                    and preposition(sentence, dependent) in DESCRIBING and not self.index.in_date(dependent)) or (
                    dependent.deprel == "acl" and "VerbForm=Part" in (dependent.feats or "")):
                allowed |= _subtree_ids(sentence, dependent, ids)
        last = head
        while last.id < len(sentence.words) and sentence.words[last.id].id in allowed \
                and last.id - head.id < DESCRIPTION_WORDS:
            last = sentence.words[last.id]  # a contiguous run: stops at a comma, a clause, an apposition
        noun = _noun_of(sentence, head)
        office = OFFICES.get(noun)
        qualifiers = [w.text for w in sentence.words[first.id - 1:head.id - 1] if w.upos in ("ADJ", "PROPN", "NOUN")]
        tail = sentence.words[head.id:last.id]
        if (office or noun in PERSON_NOUNS) and tail and tail[0].lemma.lower() == "of" and all(
                w.upos in ("NOUN", "PROPN") for w in tail[1:]):  # "the former secretary of state"
            qualifiers += [w.text for w in tail[1:]]
            tail = []
        holder = self.book.holder_of(office, head.start_char, qualifiers) if office and not tail \
            and head.upos == "NOUN" and any(w.lemma.lower() == "the" for w in dependents(sentence, head)
                                            if w.deprel == "det") else None
        if holder is None and office and not tail and head.upos == "PROPN" and first is head:
            holder = self.book.holder_of(office, head.start_char) or self.book.first_holder_after(
                office, head.start_char)  # a bare title in a headline: "Minister Defends Reform", "Senator says"
        if holder is None and office and not tail and head.upos == "NOUN" and _indefinite(sentence, head) \
                and "Number=Plur" not in (head.feats or "") \
                and self.index.paragraph_of(head.start_char) <= LEAD_PARAGRAPHS:  # "A federal judge blocked ..."
            holder = self._holder_named_next(office, head.start_char)
        if holder is None and not tail and head.upos == "NOUN" and self._definite(sentence, head) \
                and (office or noun in PERSON_NOUNS or noun in PROXY_NOUNS) and "Number=Plur" not in (head.feats or ""):
            holder = self._person_meant(head, noun, qualifiers)
        if holder is not None:  # "the president" -> the person the article named as president; "the GOP
            # nominee" -> the one named with "Republican"; "the gambling tycoon" -> the person the text is about
            return Speaker(holder, "PERSON", " ".join(self.text[first.start_char:head.end_char].split()))
        owner = self.book.owner(sentence, head, ids) or (
            self._owner_by_pronoun(sentence, head) if head.lemma.lower() in ENTOURAGE_NOUNS else None)
        if last.id - head.id >= DESCRIPTION_WORDS or last is head:
            # no tail, or a long one that is a clause of its own: the noun is the name, as the tagger may call
            # a name a noun ("Sanders: ..." in a headline)
            name, etype = self.book.canonical(self.text[first.start_char:head.end_char], None)
            return Speaker(f"{owner}'s {name}" if owner else name, etype,
                           named=etype is not None or _names_itself(sentence, first, head))
        text = DETERMINERS.sub("", " ".join(self.text[first.start_char:last.end_char].split()))
        text = text.strip(NAME_EDGES)
        return Speaker(f"{owner}'s {text}" if owner else text, None, named=_names_itself(sentence, first, head))

    def _pollster_of_share(self, sentence):
        """Who speaks for a share of people ("40 percent of voters", "six in 10 Republicans") in a sentence that
        names a poll ("in a new Harbor Institute poll", "according to a survey conducted by ..."): the poll's
        pollster, as a poll's figures are its pollster's word; None without a poll there or a pollster named."""
        every = {w.id for w in sentence.words}
        for poll in (w for w in sentence.words if w.lemma.lower() in POLLS and w.upos in ("NOUN", "PROPN")
                     and not self.quoted(w.start_char)):
            pollster = self._named(sentence, poll, _subtree_ids(sentence, poll, every))
            if pollster.type is not None and pollster.name:
                return pollster
        return None

    def _part_of_document(self, sentence, part, ids):
        """Who speaks by a part or a reading of a document: the issuer of the document it is "of" ("early results
        of an entrance poll", "the average of recent polls compiled by X"), or its own issuer ("the X average");
        alone and definite ("the results") the pollster of the poll the article names; else None."""
        of = next((w for w in dependents(sentence, part) if w.id in ids and w.deprel == "nmod"
                   and w.lemma.lower() in DOCUMENTS and preposition(sentence, w) == "of"), None)
        speaker = self._named(sentence, of, ids) if of is not None else None
        if speaker is not None and speaker.type is not None:
            return speaker
        issuer = self._author_of_document(sentence, part, ids)
        if issuer is None and self._definite(sentence, part):
            issuer = self._pollster_near(part.start_char)
        return issuer

    def _author_of_document(self, sentence, document, ids):
        """Who issued a document the mention names: "a report by Politico" (several: "a study by Jane Roe and John
        Doe"), "a speech Mrs. Clinton delivered", "the IMF report", "a statement released after the National
        Security Council meeting"; else None."""
        words = [w for w in sentence.words if w.id in ids]
        children = [w for w in words if w.head == document.id]
        for child in children:
            if child.deprel == "nmod" and any(c.head == child.id and c.lemma in ("from", "by") for c in words):
                return self._named_group(sentence, child, ids)  # "a study by Jane Roe and John Doe": both
            if child.deprel.startswith("acl") and child.lemma.lower() in AUTHORING:  # "released by the ministry"
                for agent in (w for w in words if w.head == child.id and w.upos in ("PROPN", "NOUN")):
                    if agent.deprel.startswith("nsubj") or agent.deprel.startswith("obl") and any(
                            c.head == agent.id and c.lemma == "by" for c in words):
                        return self._named_group(sentence, agent, ids)
            if child.deprel in ("compound", "nmod:poss"):
                entity = self.book.entity_at(child.start_char, child.end_char, AGENT_TYPES)
                if entity is not None:
                    return Speaker(*self.book.entity_name(entity))
                if child.text[:1].isupper():  # "TODAY's review": the tagger missed the name it ends
                    organisation = self.book.organisation_ending(child.text)
                    if organisation is not None:
                        return Speaker(organisation, "ORG")
        topics = {w.head for w in words if w.lemma in TOPIC_PREPOSITIONS}
        for word in words:
            entity = self.book.entity_at(word.start_char, word.end_char, {"ORG"})
            path = path_up(sentence, word, document)
            if entity is not None and path and not any(w.id in topics or w.deprel.startswith("acl") and
                                                        w.lemma.lower() not in AUTHORING for w in path):
                return Speaker(*self.book.entity_name(entity))
        return self._compound_issuer(sentence, document)

    def _compound_issuer(self, sentence, document):
        """The organisation named by the proper nouns that open the compound of a document noun when the tagger
        found no entity there: "a Morning Consult Poll" -> Morning Consult, "the Crowdpac polling average" ->
        Crowdpac (not the capitals of a headline: "Exit Poll"); else None."""
        if any(w.deprel == "nmod:poss" for w in dependents(sentence, document)):
            return None  # "its FEC reports" are the owner's
        compound = []
        for word in reversed(sentence.words[:document.id - 1]):
            if word.upos not in ("PROPN", "NOUN") or word.deprel not in ("compound", "flat") or word.head not in (
                    document.id, *(w.id for w in compound)) or self.index.in_date(word):
                break
            compound.insert(0, word)
        run = list(itertools.takewhile(lambda w: w.upos == "PROPN" or _camel_case(w.text), compound))
        if not run or self.book.entity_at(run[0].start_char, run[-1].end_char) is not None \
                or all(self._written_lower(w.text) for w in run):
            return None  # "the April survey", "a Millennial Poll", "Exit Poll": no issuer's name
        name, etype = self.book.canonical(" ".join(w.text for w in run), None)
        return Speaker(name, etype or "ORG")

    def _written_lower(self, word):
        """Whether the article also writes ``word`` in lower case ("exit" of a headline's "Exit Poll")."""
        if self._lower_words is None:
            self._lower_words = set(re.findall(r"\b[a-z]+\b", self.text))
        return word.lower() in self._lower_words

    def _holder_named_next(self, office, offset, country=None):
        """The person named with ``office`` after ``offset`` and at most ``NAMED_NEXT_PARAGRAPHS`` paragraphs
        later (of no other country than ``country`` when given): news introduces a person by the office first
        and names them soon after."""
        paragraph = min(self.index.paragraph_of(offset) + NAMED_NEXT_PARAGRAPHS, len(self.index.paragraphs) - 1)
        return self.book.first_holder_after(office, offset, self.index.paragraphs[paragraph][1], country)

    @staticmethod
    def _definite(sentence, noun):
        """Whether ``noun`` is determined as one the reader knows: "the union", "this finding"."""
        return any(w.deprel == "det" and w.lemma.lower() in DEFINITE for w in dependents(sentence, noun))

    def _person_meant(self, noun, lemma, qualifiers):
        """The person a definite description of a person stands for ("the gambling tycoon", "the former
        governor"): the last person the article named with that noun (and its ``qualifiers``, or at least those
        that are names: "Ohio", "GOP") if named in the last paragraphs, else the most salient person before it,
        one the article shows to be of the gender the noun tells (if it tells one); None when none fits, for
        an office the article gives nobody (``holds_no_office``), and for one who speaks for another ("the
        spokesman": ``PROXY_NOUNS``) whom the article does not name with that noun."""
        former = "former" in (q.lower() for q in qualifiers)  # "the former mayor" is not the mayor
        gender = PERSON_NOUNS.get(lemma)
        names = [q for q in qualifiers if q[:1].isupper()]  # "the Ohio governor" is not "Florida Gov. Jane Roe"
        named = self.book.described_as(lemma, noun.start_char, qualifiers) \
            or (None if former else self.book.described_as(lemma, noun.start_char, names))
        if lemma in PROXY_NOUNS:  # "the spokesman" is one the article names so, not the one he speaks for
            return named
        if self.holds_no_office(lemma, noun.start_char, qualifiers):
            return None  # "the minister" of an article that names no minister is not whoever is near
        nearby = self.referents.candidates(noun.start_char, [], self.resolved)
        if named is not None and (gender is None or self.book.gender_of(named) in (None, gender)) \
                and any(c.name == named for c in nearby):  # not an actor named so far back that another is meant
            return named
        candidates = [c for c in nearby
                      if gender is None or c.name and self.book.gender_of(c.name) == gender]  # "the woman": a woman
        best = self.referents.referent(noun.start_char, candidates, "person", gender)
        if best is None or former and best.name == self.book.holder_of(OFFICES.get(lemma), noun.start_char):
            return None
        return best.name

    def holds_no_office(self, noun, offset, qualifiers):
        """Whether a definite description of an office before ``offset`` stands for nobody the article names:
        a bare office noun ("the minister", "the judge") that the article gives nobody, by a title or an
        apposition. Not a qualified one ("the Vermont senator": news writes it of the one the story is about
        without the title), nor a standing in a race ("the candidate": ``RUNNING_OFFICES``)."""
        if noun not in OFFICES or OFFICES[noun] in RUNNING_OFFICES or qualifiers:
            return False
        return not self.book.given_role(noun, offset)

    def _member_meant(self, sentence, word):
        """The ``Speaker`` of the person a definite singular member of a party or a people stands for ("the
        Wisconsin Republican", "the Texan"), as a definite description of a person is resolved
        (``_person_meant``); None when none fits."""
        before = [w for w in dependents(sentence, word) if w.id < word.id and w.deprel in NAME_MODIFIERS]
        qualifiers = [w.text for w in before if w.upos in ("ADJ", "PROPN", "NOUN")]
        person = self._person_meant(word, word.text.lower(), qualifiers)
        if person is None:
            return None
        first = min(before + [word], key=lambda w: w.id)
        return Speaker(person, "PERSON", " ".join(self.text[first.start_char:word.end_char].split()))

    def _pollster_near(self, offset):
        """The pollster a poll the article does not tie to one stands for ("a new poll", "the survey", a
        headline's "Poll: ..."): the pollster of the last poll named with one before ``offset``, else of the
        first after it; None if the article names none."""
        if self._pollsters is None:
            self._pollsters = []
            for sentence in self.document.sentences:
                for word in sentence.words:
                    if word.lemma.lower() in POLLS and word.upos in ("NOUN", "PROPN"):  # "a Morning Consult Poll"
                        every = {w.id for w in sentence.words}
                        issuer = self._author_of_document(sentence, word, _subtree_ids(sentence, word, every)) \
                            or self._issuer(sentence, word)  # "The survey was conducted by Edison Research"
                        if issuer is not None and issuer.name and issuer.type in ("ORG", "PERSON") \
                                and not all(self._written_lower(w) for w in issuer.name.split()):  # "Exit Poll"
                            self._pollsters.append((word.start_char, issuer))
        before = [issuer for start, issuer in self._pollsters if start < offset]
        after = [issuer for start, issuer in self._pollsters if start > offset]
        return before[-1] if before else after[0] if after else None

    def _pair_before(self, offset):
        """The ``Speaker`` of the two persons "the two" or "both men" at ``offset`` stand for: the pair of names
        coordinated last before it ("Mr. Hale and Mr. Ruiz"), else the last two persons named outside
        quotations; None if the article names fewer."""
        candidates = self.referents.candidates(offset, self._nominal_subjects(), self.resolved)
        pairs = [c for c in candidates if c.plural and (c.name or "").count(";") == 1]
        best = self.referents.referent(offset, pairs, "group", plural=True)
        if best is not None:
            return Speaker(best.name, best.type)
        found = []
        for candidate in sorted(candidates, key=lambda c: -c.start):
            if candidate.type == "PERSON" and not candidate.quoted and not candidate.plural \
                    and candidate.name not in found:
                found.append(candidate.name)
        return Speaker("; ".join(found[1::-1]), "PERSON") if len(found) >= 2 else None

    def _campaign_owner_before(self, offset):
        """The person whose campaign the article last named before ``offset`` ("his campaign", "Clinton's
        campaign", "the Sanders campaign"; not "Roe campaign manager Tom Doe", nor "her debate team"), or None."""
        for sentence in reversed(self.document.sentences[:self.index.sentence_of(offset) + 1]):
            for word in reversed(sentence.words):
                if word.start_char < offset and word.lemma.lower() == "campaign" and word.deprel != "compound":
                    owner = self._person_owning(sentence, word)
                    if owner is not None:
                        return owner
        return None

    def _person_owning(self, sentence, noun):
        """The canonical name of the person whose ``noun`` it is: by a possessive pronoun ("his team"), a
        possessive or a compound name ("Fiorina's team", "the Sanders camp"), also one the tagger took for a
        place or a common noun that is the surname of a person the article names; else None."""
        owner = self.possessive_referent(sentence, noun)
        if owner is not None:
            return owner.name if owner.type == "PERSON" else None
        for word in dependents(sentence, noun):
            if word.deprel in ("nmod:poss", "compound") and word.text[:1].isupper():
                entity = self.book.entity_at(word.start_char, word.end_char, AGENT_TYPES)
                name, etype = self.book.entity_name(entity) if entity else self.book.canonical(word.text, None)
                family = self.book.namesakes(word.text)
                if etype == "PERSON" or family:  # "the Clinton camp" of an article naming Bill and Hillary stays so
                    return word.text if len(family) > 1 else next(iter(family), name)
        return None

    def _possessor(self, sentence, noun):
        """The ``Speaker`` whose ``noun`` it is by a possessive: a pronoun's referent ("his remarks"), a name
        ("Sanders's argument") or a description of a named holder ("the businessman's rhetoric"); else None."""
        owner = self.possessive_referent(sentence, noun)
        if owner is not None:
            return owner if owner.name else None
        possessor = next((w for w in dependents(sentence, noun) if w.deprel == "nmod:poss"
                          and w.upos in ("NOUN", "PROPN")), None)
        if possessor is None:
            return None
        named = self._named(sentence, possessor, _phrase_ids(sentence, possessor))
        return named if named.type is not None and named.name else None

    def possessive_referent(self, sentence, noun):
        """The ``Speaker`` a possessive pronoun of a third person before ``noun`` stands for ("her submission"),
        None without one."""
        possessor = next((w for w in dependents(sentence, noun) if w.deprel == "nmod:poss" and w.upos == "PRON"
                          and POSSESSIVE.get(w.text.lower(), w.text.lower()) in PERSON_PRONOUNS.keys() | GROUP), None)
        if possessor is None:
            return None
        return self._pronoun(POSSESSIVE.get(possessor.text.lower(), possessor.text.lower()), possessor.start_char)

    def _owner_by_pronoun(self, sentence, noun):
        """The name of the person a possessive pronoun before ``noun`` stands for ("his aides" -> "Paul Hart"),
        else None: "Paul Hart's aides" as "Hart's aides" are, not one speaker "aides" for every article's."""
        owner = self.possessive_referent(sentence, noun)
        return owner.name if owner is not None and owner.name and owner.type == "PERSON" else None

    def _organisation_meant(self, sentence, noun):
        """The organisation a description stands for: "her campaign" -> "Jane Roe campaign" (whom the pronoun
        stands for); "the union", "the group" -> the most salient organisation named before it, one whose name
        holds the noun first; None when it is not definite or none fits."""
        owner = self.possessive_referent(sentence, noun)
        if owner is not None:
            return Speaker(f"{owner.name} {noun.lemma.lower()}", "ORG") if owner.name else None
        if not self._definite(sentence, noun) or "Number=Plur" in (noun.feats or "") or any(
                w.deprel in ("compound", "nmod:poss", "flat") or w.upos == "PROPN" for w in dependents(sentence, noun)):
            return None  # "the groups" are not one of them; "the Trump campaign" says whose it is
        holding = self._salient_organisation(noun.start_char, noun.lemma.lower())
        if holding is None and noun.lemma.lower() == "campaign":  # "Roe's campaign ... the campaign said"
            owner = self._campaign_owner_before(noun.start_char)
            if owner is not None:
                return Speaker(f"{owner} campaign", "ORG")
        if holding is None and (noun.lemma.lower() in NAMING_NOUNS or any(
                noun.lemma.lower() in words for *_, words in self._entity_words)):
            return None  # "the party", "the institute": the name that holds the noun, found by the name
        described = self.book.described_as(noun.lemma.lower(), noun.start_char, types=("ORG",))
        return holding or (Speaker(described, "ORG") if described else self._salient_organisation(noun.start_char))

    def _salient_organisation(self, offset, word=None):
        """The most salient organisation named or speaking before ``offset`` (with ``word``: one whose name
        holds it), as a ``Speaker``; None if none."""
        candidates = [c for c in self.referents.candidates(offset, [], self.resolved) if c.type == "ORG"
                      and not c.plural and c.name and (word is None or word in c.name.lower().split())]
        best = self.referents.referent(offset, candidates, "it")
        return Speaker(best.name, best.type) if best else None

    def _earlier_author(self, sentence, document):
        """Who issued the document a mention names without its issuer: "her submission" -> the person "her"
        stands for; "the statement" -> whoever issued the statement the article introduced before it ("the
        Harlow Institute issued a statement", "a Reuters/Ipsos poll", "Jane Roe gave an emotional speech"),
        else the organisation the text is about (unless the mention qualifies the document: "the congressional
        report"); else None."""
        owner = self.possessive_referent(sentence, document)
        if owner is not None:
            return owner if owner.name else None
        if not self._definite(sentence, document):
            return None
        qualifiers = {w.lemma.lower() for w in dependents(sentence, document) if w.deprel in ("amod", "compound")}
        here = self.document.sentences.index(sentence)
        for k in range(here, max(-1, here - EARLIER_DOCUMENT_SENTENCES), -1):
            earlier = self.document.sentences[k]
            for word in reversed(earlier.words):
                if word.lemma.lower() != document.lemma.lower() or word.start_char >= document.start_char \
                        or not qualifiers <= {w.lemma.lower() for w in dependents(earlier, word)}:
                    continue  # "the congressional report" is the one introduced as congressional
                issuer = self._author_of_document(earlier, word, _subtree_ids(
                    earlier, word, {w.id for w in earlier.words})) or self._issuer(earlier, word)
                if issuer is not None and issuer.name:
                    return issuer
        # "the congressional report" is one the article has not tied to its issuer
        return None if qualifiers else self._salient_organisation(document.start_char)

    def _issuer(self, sentence, document):
        """The named ``Speaker`` who issued ``document`` by the verb whose object or passive subject it is
        (``tracker.attribution.subjects.issuer_of``): "Jane Roe gave an emotional speech" -> Jane Roe, "The survey
        was conducted for AP by Edison Research" -> Edison Research; None when that is no noun or name."""
        issuer = issuer_of(self.index, self.index.trees[self.index.sentence_of(document.start_char)], document)
        if issuer is None or issuer.upos not in ("PROPN", "NOUN"):
            return None
        named = self._named_group(sentence, issuer, _phrase_ids(sentence, issuer, conjuncts=True))
        return named if named.type is not None else None

    def _role(self, mention, name):
        """The mention's words besides the name ("Egypt's Foreign Minister"), or None."""
        if not name:
            return None
        text = mention.text
        for form in (name, name.split()[-1]):
            k = text.rfind(form)
            if k >= 0:
                text = text[:k] + text[k + len(form):]
                break
        role = re.sub(r"\s+", " ", text).strip(" ,;:()")
        role = DETERMINERS.sub("", re.sub(r"^[’']s\b\s*", "", role)).strip()
        if role == mention.text.strip() or not any(len(w) > 2 and w.lower() not in STOP_ROLES for w in role.split()):
            return None
        return role

    def _author(self, offset):
        """Who says "I" or "we" outside a quotation: the one answering in an interview's answers
        (``NameBook.interviewee_at``), else the writer the article names (``NameBook.writer_at``); an unsigned
        writer is "author", as the one addressed is "reader"."""
        name = self.book.interviewee_at(offset) or self.book.writer_at(offset)
        return Speaker(name, "PERSON") if name else Speaker("author", None, named=False)

    def _nominal_candidates(self):
        """Mentions outside quotations that name no one entity, for "it" and "they": subjects that are common
        nouns ("the report", "environmentalists"; not a plural for things, "wages", which does not speak) and
        coordinations of names in any role ("Mr. Hale and Mr. Ruiz", "the governor praised Mr. Hale and Mr.
        Ruiz")."""
        found = []
        for sentence in self.document.sentences:
            for word in sentence.words:
                possessor = word.deprel == "nmod:poss" and word.upos == "NOUN" and word.head \
                    and sentence.words[word.head - 1].deprel.startswith("nsubj")  # "the president's roots ..."
                subject = word.deprel.startswith("nsubj") or possessor
                names = word.deprel != "conj" and self._names_agent(word) and any(
                    w.deprel == "conj" and self._names_agent(w) for w in dependents(sentence, word))
                if not (subject or names) or self.quoted(word.start_char):
                    continue
                ids = _phrase_ids(sentence, word, conjuncts=True)
                named = self._named_group(sentence, word, ids) if any(
                    sentence.words[i - 1].deprel == "conj" for i in ids) else None
                plural = "Number=Plur" in (word.feats or "")
                if named is not None and ";" in (named.name or ""):
                    found.append(Candidate(word.start_char, named.name, named.type, subject=subject, plural=True))
                elif subject and word.upos == "NOUN" and self.book.entity_at(word.start_char, word.end_char) is None \
                        and not (plural and is_thing_noun(word.lemma.lower())):
                    named = self._named(sentence, word, ids)
                    etype = named.type  # a person only when the article names who holds the office
                    found.append(Candidate(word.start_char, named.name, etype, subject=True, plural=plural))
                    if not named.named:
                        self.unnamed.add(named.name)
        return found

    def _nominal_subjects(self):
        """The ``_nominal_candidates``, made on first need once per article and kept on the index
        (``ArticleIndex.made_once``): the resolver of the stance step (what pronouns inside a content stand for)
        reads those the speaker step made."""
        if self._nominals is None:
            self._nominals = []  # a description among them ("her campaign") asks for a pronoun's referent
            self._nominals = self.index.made_once("nominals", self.book, self._nominal_candidates)
        return self._nominals

    def _pronoun(self, pronoun, offset):
        """The referent of a pronoun speaker (``tracker.pronouns``): a person for "he" and "she", of their gender
        when the article shows it, one organisation, country or thing for "it", a group for "they" and "we"."""
        kind = "person" if pronoun in PERSON_PRONOUNS else "it" if pronoun == "it" else "group"
        best = None
        for window in (PRONOUN_WINDOW, offset):  # the last few paragraphs, else the whole article before it
            candidates = self.referents.candidates(offset, self._nominal_subjects(), self.resolved, window)
            best = self.referents.referent(offset, candidates, kind, PERSON_PRONOUNS.get(pronoun),
                                           pronoun in GROUP - {"it"})
            if best is not None:
                break
        return Speaker(best.name, best.type) if best else Speaker(None, None)


def resolve_speakers(statements, resolver):
    """The speaker step: each statement's ``speaker`` (None when nobody is named), in text order; a quotation
    that goes on from another statement has that statement's speaker."""
    by_attribution = {}
    for statement in statements:
        attribution = statement.attribution
        if attribution.follows is not None and attribution.follows in by_attribution:
            statement.speaker = by_attribution[attribution.follows]
        else:
            statement.speaker = resolver.resolve(attribution)
        by_attribution[attribution] = statement.speaker
