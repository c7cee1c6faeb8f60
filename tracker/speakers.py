"""Speakers step: resolve each attribution's speaker mention to a canonical entity.

"he" -> the person last speaking or named before it; "Kalin" -> "Ibrahim Kalin" (the fullest name in the
article ending in that surname); "the council" -> the article's entity whose name holds "council";
"LNA" -> "Libyan National Army" (from "Libyan National Army (LNA)"); "Ankara" -> "Turkey" (a capital
standing for its country); "Russia's foreign ministry" -> "Russia" with role "foreign ministry";
"Russia and the LNA" -> "Russia; Libyan National Army".
"""

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

import names

from .cues import DOCUMENTS, VERBS
from .trees import dependents, preposition
from .words import word_list, word_map, word_set

# pronouns that stand for one person, with the gender each tells
PERSON_PRONOUNS = {pronoun: None if gender == "-" else gender
                   for pronoun, gender in word_map("person_pronouns").items()}
GROUP = word_set("group_pronouns")
FIRST_PERSON = word_set("first_person")
RELATIVE = word_set("relative_pronouns")
POSSESSIVE = word_map("possessive_pronouns")  # "her": either
GENDER_WORDS = {"male": re.compile(r"\b(?:he|him|his|himself)\b", re.I),
                "female": re.compile(r"\b(?:she|her|hers|herself)\b", re.I)}
HONORIFIC_GENDER = word_map("honorific_genders")
# group 1: a key of HONORIFIC_GENDER, capitalised
HONORIFIC = r"\b(" + "|".join(honorific.capitalize() for honorific in HONORIFIC_GENDER) + r")\.?\s+"
NAMED_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW"}
AGENT_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
TITLES = re.compile(r"^(?:(?:the\s+)?(?:" + "|".join(word_list("titles")) + r")\.?\s+)+", re.IGNORECASE)
INSTITUTIONS = word_set("institutions")
# capitals that news uses for their country's government ("Ankara said ...")
CAPITALS = word_map("capitals")
# adjectives of nationality for the country they name ("Egyptian deployment" -> Egypt)
DEMONYMS = word_map("demonyms")
QUANTITIES = word_set("quantities")
DESCRIPTION_WORDS = 8  # at most this many words after a description's noun belong to the speaker's name
DESCRIBING = word_set("describing")
# "the city of Phoenix": the noun names the same place as the name after "of"
PLACE_NOUNS = word_set("place_nouns")
INTENTION = word_set("intention")
STATE_BODIES = word_set("state_bodies")
STATE_BODY_WORDS = STATE_BODIES | word_set("state_body_words")
# verbs whose agent is the author of the document they modify: "a statement released by the ministry"
AUTHORING = word_set("authoring")
TOPIC_PREPOSITIONS = word_set("topic_prepositions")
ARMED = word_set("armed")
ALLIED = word_set("allied")
STOP_ROLES = word_set("stop_roles")
HONORED = re.compile(r"\b(?:" + "|".join(word_list("honored_titles")) + r")\.?\s+"
                     r"(?:[A-Z][\w'’-]*\.?\s+)*?([A-Z][\w'’-]+)\b(?!\s+[A-Z])")
QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those|another|one|some)\s+", re.IGNORECASE)
# offices a person is named by ("President Obama", "Sen. Warren", "Jane Roe, the mayor") and the forms of each
OFFICES = word_map("offices")
OFFICE_BEFORE = re.compile(r"(?<![Vv]ice )(?<![Vv]ice-)(?<![Ff]ormer )\b((?i:" + "|".join(OFFICES)
                           + r"))\.?\s+(?:[A-Z][\w.'’-]*\s+)*$")
OFFICE_AFTER = re.compile(r"^\s*,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(" + "|".join(OFFICES) + r")\b",
                          re.IGNORECASE)
FIRST_NAME_ODDS = 10  # a first name tells a gender when this many more of its bearers have it than not


@cache
def first_name_genders():
    """``{"JASON": "male", "MELANIE": "female", ...}``: first names borne by one gender at least
    ``FIRST_NAME_ODDS`` times as often as by the other, from the 1990 US census tables that the MIT-licensed
    ``names`` package ships (shares of the male and of the female population)."""
    shares = {}
    for gender in ("male", "female"):
        with open(names.FILES[f"first:{gender}"], encoding="ascii") as table:
            for line in table:
                name, share = line.split()[:2]
                shares.setdefault(name, {"male": 0.0, "female": 0.0})[gender] = float(share)
    return {name: gender for name, share in shares.items() for gender, other in (("male", "female"), ("female", "male"))
            if share[gender] >= FIRST_NAME_ODDS * share[other]}


class Entity(NamedTuple):
    """A named entity of the document, as the tagger found it or cut short (see ``Resolver._named_entities``)."""

    text: str
    type: str
    start_char: int
    end_char: int


@dataclass
class Speaker:
    """A resolved speaker: canonical ``name``, entity ``type``, and the ``role`` written beside it."""

    name: str | None
    type: str | None
    role: str | None = None


@dataclass
class Candidate:
    """Something a pronoun may refer to: a mention starting at ``start`` and what is known of it."""

    start: int
    name: str | None
    type: str | None
    subject: bool = False
    quoted: bool = False
    plural: bool = False
    speaker: bool = False


def _agrees(pronoun, candidate):
    """Whether ``candidate`` can be what ``pronoun`` stands for: a person for "he", one organisation,
    country or thing for "it", a group for "they"."""
    if pronoun in PERSON_PRONOUNS:
        return candidate.type == "PERSON" and not candidate.plural
    if pronoun == "it":
        return candidate.type in ("ORG", "GPE", None) and not candidate.plural
    return candidate.plural or candidate.type in ("ORG", "NORP")


def _antecedent_of_relative(sentence, pronoun):
    """The noun a relative pronoun stands for: "Cruz, who refused ..." -> "Cruz", "the council, which ..."
    -> "council" (else the noun just before it), passing over appositions to a name ("Cruz, the senator, who") and
    quantities ("a number of cities that")."""
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
    if noun.deprel == "appos" and noun.head and sentence.words[noun.head - 1].upos == "PROPN":
        noun = sentence.words[noun.head - 1]
    if noun.lemma.lower() in QUANTITIES:
        of = [w for w in dependents(sentence, noun) if w.deprel == "nmod" and w.upos in ("NOUN", "PROPN")]
        noun = of[0] if of else noun
    return noun


def _subtree_ids(sentence, word, ids):
    """Ids of ``word`` and its dependents within ``ids``, leaving out relative clauses and appositions."""
    found, stack = set(), [word]
    while stack:
        node = stack.pop()
        found.add(node.id)
        stack.extend(w for w in dependents(sentence, node) if w.id in ids
                     and w.deprel not in ("acl:relcl", "appos", "parataxis"))
    return found


def _is_state_body(name):
    """Whether ``name`` is a state body that does not say whose it is: "National Security Council",
    "foreign ministry", "the cabinet" (not "Russia's foreign ministry", not "State Department")."""
    words = (name or "").lower().split()
    return bool(words) and words[-1] in STATE_BODIES and all(w in STATE_BODY_WORDS for w in words)


def _path_up(sentence, word, top):
    """The words from ``word`` up to ``top`` (excluded), or [] when ``word`` is not under ``top``."""
    path = []
    while word.id != top.id:
        path.append(word)
        if not word.head or len(path) > len(sentence.words):
            return []
        word = sentence.words[word.head - 1]
    return path


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
            ids |= _phrase_ids(sentence, conjunct)
    return ids


NAME_EDGES = " ,;:\"'“”’‘()[]—–―"  # marks around a name or description that are no part of it


@lru_cache(maxsize=65536)
def clean_name(name):
    """A name without titles, determiners, possessive endings and surrounding punctuation."""
    name = " ".join(name.split()).strip(NAME_EDGES)
    name = re.sub(r"[’']s$", "", name)
    name = DETERMINERS.sub("", name)
    stripped = TITLES.sub("", name)
    return (stripped or name).strip(" ,;:")


ORGANISATION_WORDS = re.compile(r"\b(" + "|".join(word_list("organisation_words")) + r")\b", re.I)


def person_like(name, etype, surnames=None):
    """``PERSON`` for an ``ORG`` that reads as a person's name ("Olaf Scholz") whose last word is among
    ``surnames`` (when given: the article's known surnames), else ``etype``."""
    words = (name or "").split()
    reads_as_name = all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words)
    if etype == "ORG" and 2 <= len(words) <= 4 and (surnames is None or words[-1] in surnames) and reads_as_name \
            and not ORGANISATION_WORDS.search(name):
        return "PERSON"
    return etype


def _ends_with(name, tail):
    """Whether the words of ``name`` end with those of ``tail``: "Crooked Hillary Clinton", "Hillary Clinton"."""
    words, tail_words = name.split(), tail.split()
    return words[-len(tail_words):] == tail_words


def _extends(full, short):
    """Whether ``full`` is a fuller form of ``short``: "Ibrahim Kalin" of "Kalin", not "Hillary Clinton" of
    "Bill Clinton"."""
    words = short.split()
    return len(words) == 1 or full.split()[0] == words[0]


class Resolver:
    """Resolves the speakers of one document's attributions, in text order."""

    def __init__(self, index):
        document = index.document
        self.index = index
        self.document = document
        self.text = document.text
        self.entities = self._named_entities(document)
        self._title_case_lines = {}  # line start -> whether the line is written in title case
        self._entity_starts = [e.start_char for e in self.entities]
        self.acronyms = self._acronyms()
        self._surname_honorifics = None  # surname -> genders of the honorifics written before it: on first need
        self.resolved = []  # (offset, Speaker, plural) of mentions already resolved, for pronouns
        self._gender_cache = {}
        self._body_countries = {}  # state body named without its country -> the country it speaks for
        # surnames the article gives persons: of PERSON entities and after titles ("Chancellor Olaf Scholz")
        self._surnames = {clean_name(e.text).split()[-1] for e in self.entities
                          if e.type == "PERSON" and clean_name(e.text)}
        self._surnames.update(m.group(1) for m in HONORED.finditer(self.text))
        # entities the tagger ran into a verb ("Obama Says" in a headline): no fuller form of a name
        verb_ends = {w.end_char for s in document.sentences for w in s.words if w.upos in ("VERB", "AUX")}
        self._verb_ended = {e.start_char for e in self.entities if e.end_char in verb_ends}
        self._by_last_name = {}  # last word of a named agent -> its entities, for "Kalin" -> "Ibrahim Kalin"
        for entity in self.entities:
            words = clean_name(entity.text).split()
            if entity.type in AGENT_TYPES and words and (words[0].upper() in first_name_genders()
                                                         or not self._in_title_case(entity)):
                self._by_last_name.setdefault(words[-1], []).append(entity)
        self._starts = index.sentence_starts
        self._canonical_entities = {e.start_char: self.canonical(e.text, e.type, self._honorific_gender(e))
                                    for e in self.entities}
        subjects = sorted(w.start_char for s in document.sentences for w in s.words
                          if w.deprel.startswith("nsubj") and not self.quoted(w.start_char))
        # named mentions in text order, as pronoun candidates
        self._mentions = [Candidate(e.start_char, *self._canonical_entities[e.start_char],
                                    subject=bisect.bisect_left(subjects, e.start_char)
                                    < bisect.bisect_left(subjects, e.end_char),
                                    quoted=self.quoted(e.start_char))
                          for e in self.entities]
        self._mention_starts = [m.start for m in self._mentions]
        self._nominals = None  # subjects that are common nouns or coordinations, made on first need
        self._office_holders = None  # (offset, office, name) of persons named with their office: on first need
        self._signatures = None  # (offset, name) of the names signing letters, and the writer: made on first need
        # per sentence: where it first names each person (by canonical name), the known surnames in it, and its
        # text with quotations blanked out (for genders)
        people = [{} for _ in self._starts]
        for mention in self._mentions:
            if mention.type == "PERSON" and people:
                k = self.sentence_of(mention.start)
                people[k].setdefault(mention.name, mention.start - self._starts[k])
        # a surname the tagger missed ("told Rourke, after he admitted") also counts as a person
        self._sentence_people = []
        for names, start, sentence in zip(people, self._starts, document.sentences):
            text = QUOTED.sub(lambda m: " " * len(m.group()), self.text[start:sentence.tokens[-1].end_char])
            surnames = set(re.findall(r"[A-Z][\w'’-]+", text)) & self._surnames
            self._sentence_people.append((names, surnames, text))

    @staticmethod
    def _named_entities(document):
        """The document's named ``Entity``s in text order, each cut before an inflected reporting verb the tagger
        ran it into ("Obama Says Talks Will Resume" of a headline is Obama; "Alliance to Reclaim Our Schools"
        keeps its verb)."""
        cues = [w.start_char for s in document.sentences for w in s.words
                if w.xpos in ("VBZ", "VBD") and w.lemma.lower() in VERBS]
        entities = []
        for e in sorted((e for e in document.ents if e.type in NAMED_TYPES), key=lambda e: e.start_char):
            k = bisect.bisect_right(cues, e.start_char)
            end = cues[k] if k < len(cues) and cues[k] < e.end_char else e.end_char
            text = document.text[e.start_char:end].rstrip()
            if clean_name(text):  # not a bare title or mark the tagger took for a name
                entities.append(Entity(text, e.type, e.start_char, e.start_char + len(text)))
        return entities

    def sentence_of(self, offset):
        """Index of the sentence holding ``offset``."""
        return self.index.sentence_at(offset)

    def quoted(self, offset):
        """Whether ``offset`` lies inside a quotation."""
        return self.index.in_quotation(offset)

    def _acronyms(self):
        found = {}
        for match in re.finditer(r"((?:[A-Z][\w'’-]+\s+(?:of\s+|for\s+|the\s+|and\s+)?){1,7})\(([A-Z]{2,6})\)",
                                 self.text):
            words = match.group(1).split()
            initials = "".join(w[0] for w in words if w[0].isupper())
            acronym = match.group(2)
            if initials.endswith(acronym):
                found[acronym] = " ".join(words[-len(acronym) - sum(1 for w in words[-len(acronym) * 2:]
                                                                   if not w[0].isupper()):])
        written = set(re.findall(r"\b[A-Z]{2,}\b", self.text))
        for entity in self.entities:  # "the International Monetary Fund" ... "the IMF"
            words = clean_name(entity.text).split()
            initials = "".join(w[0] for w in words if w[0].isupper())
            if entity.type == "ORG" and initials in written and initials not in found and len(words) <= 7 \
                    and all(w[0].isupper() or w in ("of", "for", "and", "on") for w in words):
                found[initials] = " ".join(words)
        return found

    @staticmethod
    def country_of(demonym):
        """The country an adjective of nationality names, or None."""
        return DEMONYMS.get(demonym)

    def entity_at(self, start, end, types=NAMED_TYPES):
        """The named entity overlapping ``start:end``, the longest first."""
        k = bisect.bisect_left(self._entity_starts, end)  # entities in text order and apart: look back from end
        hits = []
        while k > 0 and self.entities[k - 1].end_char > start:
            k -= 1
            if self.entities[k].type in types:
                hits.append(self.entities[k])
        return max(hits, key=lambda e: e.end_char - e.start_char) if hits else None

    def entity_name(self, entity):
        """``(canonical name, type)`` of one of the document's entities, computed once per document."""
        known = self._canonical_entities.get(entity.start_char)
        return known if known is not None else self.canonical(entity.text, entity.type)

    def _in_title_case(self, entity):
        """Whether the entity sits in a line written in title case (a headline, a video caption), where the
        tagger takes capitalised words for names ("President Obama Speech at ..."): no fuller form of a name
        unless it opens with a first name ("Hillary Clinton Goes ...")."""
        start = self.text.rfind("\n", 0, entity.start_char) + 1
        if start not in self._title_case_lines:
            end = self.text.find("\n", entity.end_char)
            words = re.findall(r"[A-Za-z][\w'’-]{3,}", self.text[start:end if end >= 0 else len(self.text)])
            capitals = sum(w[0].isupper() for w in words)
            self._title_case_lines[start] = len(words) >= 4 and capitals >= 0.7 * len(words)
        return self._title_case_lines[start]

    def _honorific_gender(self, entity):
        """The gender of the honorific written before an entity ("Mr. Obama" -> "male"), or None."""
        found = re.search(HONORIFIC + "$", self.text[max(0, entity.start_char - 8):entity.start_char])
        return HONORIFIC_GENDER[found.group(1).lower()] if found else None

    def _may_be(self, full_name, gender):
        """Whether a surname written with an honorific of ``gender`` (None: any honorific the article gives the
        surname) may stand for ``full_name``: "Mr. Obama" is not Michelle Obama, nor is a bare "Obama" in an
        article that also writes "Mr. Obama"."""
        words = full_name.split()
        known = first_name_genders().get(words[0].upper())
        if known is None:
            return True
        if gender is not None:
            return known == gender
        if self._surname_honorifics is None:
            self._surname_honorifics = {}
            for found in re.finditer(HONORIFIC + r"([A-Z][\w'’-]+)", self.text):
                self._surname_honorifics.setdefault(found.group(2), set()).add(
                    HONORIFIC_GENDER[found.group(1).lower()])
        return self._surname_honorifics.get(words[-1], set()) <= {known}

    def canonical(self, name, etype, gender=None):
        """The fullest form of ``name`` in this article ("Kalin" -> "Ibrahim Kalin"); with the ``gender`` its
        honorific gives, not a fuller name whose first name is the other's ("Mr. Obama" is not Michelle Obama)."""
        name = clean_name(name)
        if name in self.acronyms:
            return self.acronyms[name], "ORG"
        if name in CAPITALS and etype in (None, "GPE", "ORG", "FAC", "LOC"):
            return CAPITALS[name], "GPE"
        if name and (etype in ("PERSON", None) or len(name.split()) == 1):
            last = name.split()[-1]
            if etype is None:  # a name the tagger missed here is what it is where the tagger found it
                found = {e.type for e in self._by_last_name.get(last, ()) if clean_name(e.text) == name}
                etype = found.pop() if len(found) == 1 else None
            fuller = [e for e in self._by_last_name.get(last, ()) if e.type in ("PERSON", etype)
                      and len(clean_name(e.text)) > len(name) and _extends(clean_name(e.text), name)
                      and self._may_be(clean_name(e.text), gender)]
            if not fuller and name in self._surnames:  # a family name written first: "Mr. Ban" -> "Ban Ki-moon"
                fuller = [e for e in self.entities if e.type == "PERSON" and clean_name(e.text).split()[0] == name
                          and len(clean_name(e.text)) > len(name) and e.start_char not in self._verb_ended
                          and not self._in_title_case(e)]
            if fuller:
                best = self._fullest(fuller)
                return clean_name(best.text), person_like(best.text, best.type, self._surnames)
        return name, person_like(name, etype, self._surnames)

    @staticmethod
    def _fullest(fuller):
        """The entity a short name stands for among its fuller forms: of namesakes ("Donald Trump", "Ivanka
        Trump") the one named first; of one person's forms the most frequent, so that a tagger's slip
        ("Crooked Hillary Clinton" in a quoted nickname) does not become the name."""
        first = fuller[0]  # in text order
        forms = [e for e in fuller if _ends_with(clean_name(e.text), clean_name(first.text))
                 or _ends_with(clean_name(first.text), clean_name(e.text))]
        counts = Counter(clean_name(e.text) for e in forms)
        return max(forms, key=lambda e: (counts[clean_name(e.text)], len(e.text)))

    def resolve(self, attribution):
        """The ``Speaker`` of one attribution (continuations repeat the speaker they follow)."""
        mention = attribution.speaker
        if mention is None:
            return None
        sentence, words, head = self._parse_of(mention)
        speaker = self._resolve_mention(mention, sentence, words, head)
        if speaker.type is None and re.fullmatch(r"the \w+", mention.text.strip(), re.I):
            speaker = self._earlier_fuller(speaker, mention.start)
        if speaker.type in ("ORG", None) and _is_state_body(speaker.name):
            speaker = self._state_of_body(speaker, attribution)
        lowered = mention.text.lower().strip()
        plural = lowered in ("they", "them") or ";" in (speaker.name or "") or (
            lowered not in PERSON_PRONOUNS and lowered != "it" and head is not None
            and "Number=Plur" in (head.feats or ""))
        self.resolved.append((mention.start, speaker, plural))
        return speaker

    def _earlier_fuller(self, speaker, offset):
        """ "the campaign" after "Donald Trump's campaign" or "the Clinton campaign" is that campaign: the last
        earlier speaker whose description ends with the same noun; else ``speaker``."""
        for position, earlier, _ in reversed(self.resolved):
            words = (earlier.name or "").lower().split()
            if position < offset and earlier.type is None and len(words) > 1 \
                    and words[-1] == (speaker.name or "").lower() and not set(words) & (DESCRIBING | STOP_ROLES):
                return Speaker(earlier.name, None, speaker.role)  # not "authors of the report"
        return speaker

    def _state_of_body(self, body, attribution):
        """The country a state body named without one speaks for ("the National Security Council" -> Turkey
        when its statement says "Turkey would not hesitate ..."), remembered for its later mentions; else
        ``body``. Only a country that is the subject of an intention (will, would, shall) counts: "Ukraine
        shelled the village" in the same body's statement is an accusation, not a self-description."""
        country = self._body_countries.get(body.name)
        if country is None:
            country = next((c.name for c in self._mentions if c.type == "GPE" and c.subject and any(
                a <= c.start < b for a, b in attribution.spans) and self._intends(c.start)), None)
            if country is None:
                return body
            self._body_countries[body.name] = country
        return Speaker(country, "GPE", body.name)

    def _intends(self, offset):
        """Whether the subject word at ``offset`` governs a verb of intention: "Turkey would not hesitate"."""
        sentence = self.document.sentences[self.sentence_of(offset)]
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

    def _resolve_mention(self, mention, sentence, words, head):
        ids = set(mention.word_ids)
        lowered = mention.text.lower().strip()
        lowered = POSSESSIVE.get(lowered, lowered)  # "his claim that ...": whose claim is who claims
        relative = words[-1] if words else None  # "who", or "a super PAC that": named by the antecedent
        if relative is not None and relative.text.lower() in RELATIVE and relative.deprel.startswith("nsubj"):
            antecedent = _antecedent_of_relative(sentence, relative)
            if antecedent is not None:
                return self._named_group(sentence, antecedent, _phrase_ids(sentence, antecedent, conjuncts=True))
        if lowered in FIRST_PERSON and not self.quoted(mention.start):
            return self._author(mention.start)
        if lowered == "you" and not self.quoted(mention.start):  # the writer addressing whoever reads
            return Speaker("reader", None)
        if lowered in PERSON_PRONOUNS or lowered in GROUP or lowered == "we":
            return self._coreferent(sentence, head) or self._pronoun(lowered, mention.start)
        if head is None:
            return Speaker(clean_name(mention.text), None)
        speaker = self._named_group(sentence, head, ids)
        if ";" in (speaker.name or ""):
            return speaker
        return Speaker(speaker.name, speaker.type, self._role(mention, speaker.name))

    def _named_group(self, sentence, head, ids):
        """Name the phrase headed by ``head``, joining coordinated names: "Russia; Libyan National Army"."""
        conjuncts = [w for w in dependents(sentence, head) if w.id in ids and w.deprel == "conj"
                     and w.upos in ("PROPN", "NOUN")]
        if not conjuncts:
            return self._named(sentence, head, ids)
        parts = [self._named(sentence, w, ids) for w in [head, *conjuncts]]
        types = {p.type for p in parts}
        return Speaker("; ".join(p.name for p in parts if p.name), types.pop() if len(types) == 1 else parts[0].type)

    def _named(self, sentence, head, ids):
        """Name the phrase headed by ``head``: its own entity, an appositive name, a possessor GPE."""
        own = self.entity_at(head.start_char, head.end_char, AGENT_TYPES) if head.upos == "PROPN" else None
        for appos in (w for w in dependents(sentence, head) if w.deprel == "appos" and w.id in ids
                      and sentence.words[w.id - 2].text != "("):  # "WASHINGTON (AP) -- ...": the wire's credit
            entity = self.entity_at(appos.start_char, appos.end_char, AGENT_TYPES)
            if entity is not None and (own is None or own.type == "GPE" and entity.type == "PERSON"):
                return Speaker(*self.canonical(entity.text, entity.type))  # "WASHINGTON -- President Obama"
        if own is not None:
            return Speaker(*self.entity_name(own))
        entity = self.entity_at(head.start_char, head.end_char, AGENT_TYPES)
        if entity is not None:
            return Speaker(*self.entity_name(entity))
        if head.lemma.lower() in DOCUMENTS:  # "a statement from Egypt's foreign ministry"
            source = self._author_of_document(sentence, head, ids)
            if source is not None:
                return source
        if head.lemma.lower() in ARMED:  # "forces loyal to the government" speak for the government
            for side in (w for w in dependents(sentence, head) if w.lemma.lower() in ALLIED):
                principal = [w for w in dependents(sentence, side) if w.deprel == "obl" and w.id in ids]
                if principal:
                    return self._named(sentence, principal[0], ids)
        if head.lemma.lower() in INSTITUTIONS or head.upos == "NOUN":
            country = self._possessor(sentence, head, {"GPE"})
            if country is not None:
                return Speaker(*self.canonical(country.text, "GPE"))
            earlier = [e for e in self.entities if e.end_char <= head.start_char and e.type in ("ORG", "GPE", "NORP")
                       and head.text.lower() in e.text.lower().split()]
            if earlier and head.upos == "NOUN":
                return Speaker(*self.canonical(earlier[-1].text, earlier[-1].type))
        return self._described(sentence, head, ids)

    def _described(self, sentence, head, ids):
        """A speaker named by a description, not a name: the noun with the words that say which one ("reporter
        for USA Today", "people involved in the talks"), so that the reporters of different papers stay apart;
        a quantity gives way to what it counts ("a majority of voters" -> "voters"), a place noun to the place
        ("the city of Phoenix" -> Phoenix)."""
        after = [w for w in dependents(sentence, head) if w.id in ids and w.id > head.id]
        of = next((w for w in after if w.deprel == "nmod" and w.upos in ("NOUN", "PROPN")
                   and preposition(sentence, w) == "of"), None)
        if of is not None and head.lemma.lower() in QUANTITIES | {"percent", "some", "most", "many"}:
            return self._named(sentence, of, ids)
        if of is not None and head.lemma.lower() in PLACE_NOUNS:
            place = self.entity_at(of.start_char, of.end_char, {"GPE", "LOC"})
            if place is not None:
                return Speaker(*self.entity_name(place))
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
        office = OFFICES.get(head.lemma.lower())
        holder = self._holder_of(office, head.start_char) if office and first is head is last and head.upos == "NOUN" \
            and any(w.lemma.lower() == "the" for w in dependents(sentence, head) if w.deprel == "det") else None
        if holder is not None:  # "the president" -> the person the article named as president ("the former
            # president", "the Republican nominee" may be someone else: they stay descriptions)
            return Speaker(holder, "PERSON", " ".join(self.text[first.start_char:head.end_char].split()))
        owner = self._owner(sentence, head, ids)
        if last.id - head.id >= DESCRIPTION_WORDS or last is head:
            # no tail, or a long one that is a clause of its own: the noun is the name, as the tagger may call
            # a name a noun ("Sanders: ..." in a headline)
            name, etype = self.canonical(self.text[first.start_char:head.end_char], None)
            return Speaker(f"{owner}'s {name}" if owner else name, etype)
        text = DETERMINERS.sub("", " ".join(self.text[first.start_char:last.end_char].split()))
        text = text.strip(NAME_EDGES)
        return Speaker(f"{owner}'s {text}" if owner else text, None)

    def _owner(self, sentence, noun, ids):
        """The canonical name of the person or organisation a description belongs to ("Donald Trump" of "Trump's
        campaign", "Jane Roe's lawyer"), so that one candidate's campaign is not another's; else None."""
        entity = self._possessor(sentence, noun, {"PERSON", "ORG"})
        if entity is not None:
            return self.entity_name(entity)[0]
        named = [w for w in dependents(sentence, noun) if w.deprel == "nmod:poss" and w.id in ids and w.upos == "PROPN"]
        return self.canonical(named[0].text, None)[0] if named else None  # a name the tagger missed here

    def _possessor(self, sentence, noun, types):
        """The entity of one of ``types`` that possesses ``noun`` ("Egypt's ministry", "Trump's campaign"), or None."""
        for possessor in (w for w in dependents(sentence, noun) if w.deprel == "nmod:poss"):
            entity = self.entity_at(possessor.start_char, possessor.end_char, types)
            if entity is not None:
                return entity
        return None

    def _holder_of(self, office, offset):
        """The person last named with ``office`` before ``offset`` ("President Barack Obama", "Jane Roe, the
        city's mayor"), for "the president" and "the mayor"; None if the article names none."""
        if self._office_holders is None:
            self._office_holders = []
            for entity in self.entities:
                if entity.type != "PERSON":
                    continue
                before = OFFICE_BEFORE.search(self.text[max(0, entity.start_char - 60):entity.start_char])
                after = OFFICE_AFTER.match(self.text[entity.end_char:entity.end_char + 60])
                for found in (before, after):
                    if found is not None:
                        self._office_holders.append((entity.start_char, OFFICES[found.group(1).lower()],
                                                     self.entity_name(entity)[0]))
        names = [name for start, held, name in self._office_holders if held == office and start < offset]
        return names[-1] if names else None

    def _author_of_document(self, sentence, document, ids):
        """Who issued a document the mention names: "a report by Politico", "a speech Mrs. Clinton delivered",
        "the IMF report", "a statement released after the National Security Council meeting"; else None."""
        words = [w for w in sentence.words if w.id in ids]
        children = [w for w in words if w.head == document.id]
        for child in children:
            if child.deprel == "nmod" and any(c.head == child.id and c.lemma in ("from", "by") for c in words):
                return self._named(sentence, child, ids)
            if child.deprel.startswith("acl") and child.lemma.lower() in AUTHORING:  # "released by the ministry"
                for agent in (w for w in words if w.head == child.id and w.upos in ("PROPN", "NOUN")):
                    if agent.deprel.startswith("nsubj") or agent.deprel.startswith("obl") and any(
                            c.head == agent.id and c.lemma == "by" for c in words):
                        return self._named(sentence, agent, ids)
            if child.deprel in ("compound", "nmod:poss"):
                entity = self.entity_at(child.start_char, child.end_char, AGENT_TYPES)
                if entity is not None:
                    return Speaker(*self.entity_name(entity))
        topics = {w.head for w in words if w.lemma in TOPIC_PREPOSITIONS}
        for word in words:
            entity = self.entity_at(word.start_char, word.end_char, {"ORG"})
            path = _path_up(sentence, word, document)
            if entity is not None and path and not any(w.id in topics or w.deprel.startswith("acl") and
                                                        w.lemma.lower() not in AUTHORING for w in path):
                return Speaker(*self.entity_name(entity))
        return None

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

    def _gender(self, name):
        """ "male", "female" or None for a person: from an honorific before the surname (unless another person
        of the article bears it) and the pronouns outside quotations of sentences where this person is the only
        one named; without either, from the first name (a lone name is one unless it ends a fuller name)."""
        votes = {"male": 0, "female": 0}
        last = name.split()[-1]
        namesakes = [e for e in self._by_last_name.get(last, ()) if e.type == "PERSON"
                     and clean_name(e.text).split()[0] not in (last, name.split()[0])]
        honored = re.finditer(HONORIFIC + r"(?:[A-Z][\w.'-]*\s+)*" + re.escape(last) + r"\b", self.text)
        for match in () if namesakes else honored:
            votes[HONORIFIC_GENDER[match.group(1).lower()]] += 3
        for people, surnames, text in self._sentence_people:
            if people.keys() == {name} and surnames <= {name.split()[-1]}:
                for gender, words in GENDER_WORDS.items():  # a pronoun before the name is someone else
                    votes[gender] += len(words.findall(text, people[name]))
        if votes["male"] == votes["female"]:
            words = name.split()
            surname = len(words) == 1 and any(len(e.text.split()) > 1 for e in self._by_last_name.get(last, ()))
            return None if surname else first_name_genders().get(words[0].upper())
        return max(votes, key=votes.get)

    def _author(self, offset):
        """Who says "I" or "we" outside a quotation: the writer, named by the signature closing a letter
        ("Jane Roe." alone after it), else by a first or last line "By Jane Roe" or "Jane Roe is a playwright";
        an unsigned writer is "author", as the one addressed is "reader"."""
        if self._signatures is None:
            self._signatures, self._writer = [], None
            spans = self.index.paragraphs
            for k, (start, end) in enumerate(spans):
                line = self.text[start:end].strip()
                lead = self.text.index(line[:1], start) if line else start
                entity = self.entity_at(lead, min(end, lead + 40), {"PERSON"})
                if entity is None or entity.start_char > lead + len("By "):
                    continue  # the line must open with the person
                name = self.entity_name(entity)[0]
                if line.rstrip(".") == entity.text:
                    self._signatures.append((start, name))
                elif (k <= 1 or k >= len(spans) - 2) and re.match(
                        r"(?:By\s+)?" + re.escape(entity.text) + r"(?:\s+(?:is|was)\b|\s*$)", line):
                    self._writer = name
        following = [name for start, name in self._signatures if start > offset]
        name = following[0] if following else self._writer
        return Speaker(name, "PERSON") if name else Speaker("author", None)

    def _nominal_candidates(self):
        """Subjects outside quotations that name no entity: common nouns ("the report", "environmentalists")
        and coordinations ("Mr. Hale and Mr. Ruiz"), for "it" and "they"."""
        found = []
        for sentence in self.document.sentences:
            for word in sentence.words:
                possessor = word.deprel == "nmod:poss" and word.upos == "NOUN" and word.head \
                    and sentence.words[word.head - 1].deprel.startswith("nsubj")  # "the president's roots ..."
                if not (word.deprel.startswith("nsubj") or possessor) or self.quoted(word.start_char):
                    continue
                ids = _phrase_ids(sentence, word, conjuncts=True)
                named = self._named_group(sentence, word, ids) if any(
                    sentence.words[i - 1].deprel == "conj" for i in ids) else None
                if named is not None and ";" in (named.name or ""):
                    found.append(Candidate(word.start_char, named.name, named.type, subject=True, plural=True))
                elif word.upos == "NOUN" and self.entity_at(word.start_char, word.end_char) is None:
                    named = self._named(sentence, word, ids)
                    etype = named.type  # a person only when the article names who holds the office
                    found.append(Candidate(word.start_char, named.name, etype, subject=True,
                                           plural="Number=Plur" in (word.feats or "")))
        return found

    def _candidates(self, offset, window=1500):
        """``Candidate``s for a pronoun at ``offset``: named mentions, subjects and earlier speakers before it."""
        if self._nominals is None:
            self._nominals = self._nominal_candidates()
        first = bisect.bisect_left(self._mention_starts, offset - window)
        last = bisect.bisect_left(self._mention_starts, offset)
        found = {c.start: c for c in self._mentions[first:last]}
        found.update((c.start, c) for c in self._nominals if offset - window <= c.start < offset)
        for position, speaker, plural in self.resolved:
            if position < offset and offset - position <= window and speaker and speaker.name:
                found[position] = Candidate(position, speaker.name, speaker.type, subject=True, plural=plural,
                                            speaker=True)
        return found.values()

    def _coreferent(self, sentence, pronoun):
        """The named agent stanza's coref processor (stanza engine, where installed) puts in the pronoun's
        chain, the representative mention first; None without a chain or a name in it."""
        chains = getattr(self.document, "coref", None)
        if not chains or pronoun is None:
            return None
        index, position = self.document.sentences.index(sentence), pronoun.id - 1
        for chain in chains:
            spans = [(m.sentence, m.start_word, m.end_word) for m in chain.mentions
                     if isinstance(m.start_word, int)]  # zero anaphora has tuple positions
            if not any(k == index and start <= position < end for k, start, end in spans):
                continue
            if chain.representative_index is not None:
                spans.insert(0, spans.pop(min(chain.representative_index, len(spans) - 1)))
            for k, start, end in spans:
                words = self.document.sentences[k].words[start:end]
                entity = self.entity_at(words[0].start_char, words[-1].end_char, AGENT_TYPES) if words else None
                if entity is not None:
                    return Speaker(*self.entity_name(entity))
        return None

    def _pronoun(self, pronoun, offset):
        """The referent of a pronoun speaker: the most salient fitting candidate of the last few sentences
        (subjects and earlier speakers outside quotations first, nearer sentences first), agreeing in
        number, kind and gender when known."""
        gender = PERSON_PRONOUNS.get(pronoun)
        sentence = self.sentence_of(offset)
        best, best_score = None, None
        for candidate in self._candidates(offset):
            if not candidate.name or not _agrees(pronoun, candidate):
                continue
            known = self._gender_of(candidate.name) if gender else None
            if known and known != gender:
                continue
            # a person known to share the pronoun's gender beats one whose gender the article never shows
            score = (-(sentence - self.sentence_of(candidate.start)) + 1.5 * candidate.subject + candidate.speaker
                     - 2 * candidate.quoted + 0.5 * bool(known) - (offset - candidate.start) / 10000
                     + (pronoun in GROUP - {"it"} and candidate.plural))  # "they": people before an organisation
            if best_score is None or score > best_score:
                best, best_score = candidate, score
        if best is not None and gender and self.sentence_of(best.start) < sentence and not self._gender_of(best.name):
            self._gender_cache[best.name] = gender  # "Jane Roe said ... / she said": "he" is not Jane Roe
        return Speaker(best.name, best.type) if best else Speaker(None, None)

    def _gender_of(self, name):
        if name not in self._gender_cache:
            self._gender_cache[name] = self._gender(name)
        return self._gender_cache[name]


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
