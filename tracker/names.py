"""Who is who: the names one article gives people, organisations and places, and the rules that make one name
of a name's forms.

"Kalin" -> "Ibrahim Kalin" (the fullest name in the article ending in that surname); "LNA" -> "Libyan National
Army" (from "Libyan National Army (LNA)"); "Ankara" -> "Turkey" (a capital standing for its country);
"Egyptian" -> Egypt; "the president" -> the person the article names as president; a person's gender from the
honorifics and pronouns the article gives them, else from the census tables of first names.

``NameBook`` holds one article's names, built once per article and shared by the speaker step
(``tracker.speakers``) and the target step (``tracker.targets``). The rules that need no article
(``clean_name``, ``person_like``, ``is_fuller_form``) also serve the store, which merges speakers across
articles by the same rule as an article merges "Kalin" into "Ibrahim Kalin".
"""

import bisect
import re
from collections import Counter
from functools import cache, cached_property, lru_cache
from typing import NamedTuple

import names as census  # the `names` package (PyPI): census tables of first names, not this module

from .cues import VERBS
from .trees import dependents
from .words import word_list, word_map, word_set

GENDER_WORDS = {"male": re.compile(r"\b(?:he|him|his|himself)\b", re.I),
                "female": re.compile(r"\b(?:she|her|hers|herself)\b", re.I)}
OPENING_PRONOUN = re.compile(r"\s*(He|She)\b")  # a sentence whose subject is a pronoun of a person
HONORIFIC_GENDER = word_map("honorific_genders")
# group 1: a key of HONORIFIC_GENDER, capitalised
HONORIFIC = r"\b(" + "|".join(honorific.capitalize() for honorific in HONORIFIC_GENDER) + r")\.?\s+"
ROYAL_TITLES = {"lord", "king", "queen"}  # honorifics of places too: "King County", "Queen Street"
# the honorifics only a person is addressed by ("Ms Park"), written before a name or just before an entity
PERSONAL_HONORIFIC = r"(?:" + "|".join(h.capitalize() for h in HONORIFIC_GENDER if h not in ROYAL_TITLES) + r")\.?\s+"
ADDRESSED = re.compile(PERSONAL_HONORIFIC + "[A-Z]")
ADDRESSED_BEFORE = re.compile(r"\b" + PERSONAL_HONORIFIC + "$")
NAMED_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW"}
AGENT_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
TITLES = re.compile(r"^(?:(?:the\s+)?(?:(?:u\.\s?s\.|" + "|".join(word_list("title_qualifiers")) + r")(?:-|\s+))*(?:"
                    + "|".join(word_list("titles")) + r")\.?\s+)+", re.IGNORECASE)  # "the former U.S. Sen. "
# capitals that news uses for their country's government ("Ankara said ...")
CAPITALS = word_map("capitals")
# adjectives of nationality for the country they name ("Egyptian deployment" -> Egypt)
DEMONYMS = word_map("demonyms")
COUNTRY_NAMES = frozenset(c.lower() for c in (*DEMONYMS.values(), *CAPITALS.values()))
HONORED = re.compile(r"\b(?:" + "|".join(word_list("honored_titles")) + r")\.?\s+"
                     r"(?:[A-Z][\w'’-]*\.?\s+)*?([A-Z][\w'’-]+)\b(?!\s+[A-Z])")
QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those|another|one|some)\s+", re.IGNORECASE)
# offices a person is named by ("President Obama", "Sen. Warren", "Jane Roe, the mayor") and the forms of each
OFFICES = word_map("offices")
QUALIFIER_ALIASES = word_map("qualifier_aliases")
OFFICE_BEFORE = re.compile(r"(?<![Vv]ice )(?<![Vv]ice-)(?<![Ff]ormer )\b((?i:" + "|".join(OFFICES)
                           + r"))\.?\s+(?:[A-Z][\w.'’-]*\s+)*$")
OFFICE_AFTER = re.compile(r"^\s*,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(" + "|".join(OFFICES) + r")\b",
                          re.IGNORECASE)
NOUN_PHRASE_TAGS = {"PROPN", "NOUN", "ADJ", "DET", "NUM", "PART"}  # the words a title or role before a name is of
LEAD_BREAKS = re.compile(r"[,.;:()]")  # what ends the words leading up to a name
APPOSITION = re.compile(r"\s*,\s+(?:the|a|an)\s+([^,.;:()\n]{1,60})")  # ", the gambling tycoon"
NEARBY_SENTENCES = 2  # a person named in full this many sentences before a shared surname is who it stands for
# a relative named in full ("his wife, Melania Trump", "daughter Ivanka Trump"): no namesake's bare surname
RELATIVE_BEFORE = re.compile(r"\b(?:" + "|".join(word_set("relatives")) + r")\b,?\s*$", re.IGNORECASE)
FIRST_NAME_ODDS = 10  # a first name tells a gender when this many more of its bearers have it than not
NAME_EDGES = " ,;:\"'“”’‘()[]—–―"  # marks around a name or description that are no part of it
ORGANISATION_WORDS = re.compile(r"\b(" + "|".join(word_list("organisation_words")) + r")\b", re.I)
ORGANISATION_TITLES = word_set("organisation_titles")  # "General" of "General Motors" (``clean_name``)


@cache
def first_name_genders():
    """``{"JASON": "male", "MELANIE": "female", ...}``: first names borne by one gender at least
    ``FIRST_NAME_ODDS`` times as often as by the other, from the 1990 US census tables that the MIT-licensed
    ``names`` package ships (shares of the male and of the female population)."""
    shares = {}
    for gender in ("male", "female"):
        for name, share, _ in _census_rows(f"first:{gender}"):
            shares.setdefault(name, {"male": 0.0, "female": 0.0})[gender] = share
    return {name: gender for name, share in shares.items() for gender, other in (("male", "female"), ("female", "male"))
            if share[gender] >= FIRST_NAME_ODDS * share[other]}


@cache
def census_names(table, top_percent):
    """Upper-case names of the census ``table`` ("first:male", "first:female" or "last") borne together by its
    first ``top_percent`` percent of people, the commoner names: "SMITH" and "PELOSI" of "last" at 80."""
    return frozenset(name for name, _, cumulative in _census_rows(table) if cumulative <= top_percent)


def _census_rows(table):
    """(name, percent of people, cumulative percent) per row of a census table of the ``names`` package."""
    with open(census.FILES[table], encoding="ascii") as rows:
        for line in rows:
            name, share, cumulative = line.split()[:3]
            yield name, float(share), float(cumulative)


class Entity(NamedTuple):
    """A named entity of the document, as the tagger found it or cut short (see ``named_entities``)."""

    text: str
    type: str
    start_char: int
    end_char: int


@lru_cache(maxsize=65536)
def clean_name(name):
    """A name without titles, determiners, possessive endings and surrounding punctuation."""
    name = " ".join(name.split()).replace("’", "'").strip(NAME_EDGES)  # "O’Malley" is "O'Malley"
    name = re.sub(r"[’']s$", "", name)
    name = DETERMINERS.sub("", name)
    stripped = TITLES.sub("", name)
    title = name[:len(name) - len(stripped)].split()
    if not stripped[:1].isupper():  # no name after the title: "secretary of state" is a description
        stripped = name
    elif title and title[-1].rstrip(".").lower() in ORGANISATION_TITLES and (
            len(stripped.split()) < 2 or ORGANISATION_WORDS.search(stripped)):
        stripped = name  # "General Motors", "Cardinal Health": an organisation's name, not a title and a name
    return stripped.strip(" ,;:")


def reads_as_person_name(name):
    """Whether ``name`` is written as a person's name: two to four capitalised words, none an organisation's
    ("Mehmet Oz", not "Public Citizen Foundation", not "the television doctor")."""
    words = (name or "").split()
    return 2 <= len(words) <= 4 and not ORGANISATION_WORDS.search(name) and all(
        w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words)


def person_like(name, etype, surnames=None):
    """``PERSON`` for an ``ORG`` that reads as a person's name ("Olaf Scholz") whose last word is among
    ``surnames`` (when given: the article's known surnames) or whose first word is a first name of the census
    ("Carly Fiorina"), else ``etype``."""
    if etype == "ORG" and reads_as_person_name(name) and (
            surnames is None or name.split()[-1] in surnames or name.split()[0].upper() in first_name_genders()):
        return "PERSON"
    return etype


def _other_country(words, country):
    """Whether ``words`` (lower-cased) name a country other than ``country``, by its name or its demonym."""
    named = {DEMONYMS.get(w.capitalize(), w).lower() for w in words}
    return any(c in COUNTRY_NAMES and c != country.lower() for c in named)


def qualifier_forms(qualifiers):
    """Per qualifier of an office or description, the forms that name it beside a name ("gop" and "republican")."""
    return [{q.lower(), QUALIFIER_ALIASES.get(q.lower(), q.lower())} for q in qualifiers]


GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "Joseph R. Biden Jr.": Biden is the family name


@lru_cache(maxsize=65536)  # asked of every candidate target and speaker, many times each
def last_word(name):
    """Lower-cased last word of a name, the unit names are compared on ("Ibrahim Kalin" -> "kalin")."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'\-]+", name or "") if w.lower() not in GENERATIONS]
    return words[-1].lower() if words else None


def family_words(name):
    """The words of a name without its generation ("Joseph R. Biden Jr." -> "Joseph R. Biden")."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".,").lower() in GENERATIONS:
        words = words[:-1]
    return words


def is_fuller_form(full, short):
    """Whether the name ``full`` is a fuller form of the name ``short``: longer, with the same last word and,
    unless ``short`` is a lone name, the same first word ("Ibrahim Kalin" of "Kalin", "Hillary Rodham Clinton"
    of "Hillary Clinton"; not "Hillary Clinton" of "Bill Clinton", not "Kalin" of itself)."""
    if len(full) <= len(short):
        return False
    full_words, words = family_words(full), family_words(short)
    return full_words[-1:] == words[-1:] and (len(words) == 1 or full_words[:1] == words[:1])


def _ends_with(name, tail):
    """Whether the words of ``name`` end with those of ``tail``: "Crooked Hillary Clinton", "Hillary Clinton"."""
    words, tail_words = name.split(), tail.split()
    return words[-len(tail_words):] == tail_words


def country_of(demonym):
    """The country an adjective of nationality names ("Egyptian" -> "Egypt"), or None."""
    return DEMONYMS.get(demonym)


DATELINE = re.compile(r"[A-Z][A-Z.,' ]*\s(?:-{1,2}|[—–―])\s+(?=\S)")  # a dateline the tagger ran into a name
WIRE_DATELINE = re.compile(  # "DETROIT (Reuters) - ..." opening a paragraph: a place, then a wire's credit
    r"^(?P<place>[A-Z][A-Z.,' ]*?)\s*(?P<credit>\([^)\n]{1,40}\))?\s*(?:-{1,2}|[—–―])\s", re.MULTILINE)


def named_entities(document):
    """The document's named ``Entity``s in text order, each cut before an inflected reporting verb the tagger
    ran it into ("Obama Says Talks Will Resume" of a headline is Obama; "Alliance to Reclaim Our Schools"
    keeps its verb) and each after a dateline it was run into ("CLEVELAND - Tom Harlan" is Tom Harlan)."""
    cues = [w.start_char for s in document.sentences for w in s.words
            if w.xpos in ("VBZ", "VBD") and w.lemma.lower() in VERBS]
    words = {w.start_char: (w, k == 0) for s in document.sentences for k, w in enumerate(s.words)}
    lowered = set(re.findall(r"\b[a-z]+\b", document.text))
    places, credits = _datelines(document.text)
    entities = []
    for e in sorted((e for e in document.ents if e.type in NAMED_TYPES), key=lambda e: e.start_char):
        if any(start <= e.start_char and e.end_char <= end for start, end in credits):
            continue  # the wire that filed the story is no one the story is about
        k = bisect.bisect_right(cues, e.start_char)
        end = cues[k] if k < len(cues) and cues[k] < e.end_char else e.end_char
        start = _past_opening_word(document.text, e, words, lowered)
        dateline = DATELINE.match(document.text, start, end) if document.text[start - 1:start] in ("", "\n") else None
        start = dateline.end() if dateline else start  # "CLEVELAND - Tom Harlan": the name after the dash
        text = document.text[start:end].rstrip()
        etype = person_like(text, e.type, surnames=()) if dateline else e.type  # a place and a name: no ORG
        if any(start <= e.start_char and e.end_char <= end for start, end in places):
            etype = "GPE"  # "DETROIT" of "DETROIT (Reuters) -", which the tagger may take for an organisation
        if clean_name(text):  # not a bare title or mark the tagger took for a name
            entities.append(Entity(text, etype, start, start + len(text)))
    return _joined_by_slash(_addressed_as_persons(entities, document.text), document.text)


def _datelines(text):
    """``(places, credits)``: the spans of the places and of the wires' credits of the datelines that open
    paragraphs ("DETROIT (Reuters) - ...")."""
    found = list(WIRE_DATELINE.finditer(text))
    return [m.span("place") for m in found], [m.span("credit") for m in found if m.group("credit")]


def _addressed_as_persons(entities, text):
    """The entities with a person's type for those a personal honorific names ("Ms Park", "Mr. Sands") and for
    the names that read as a person's with one of their surnames ("Helen Park" of an article that writes "Ms
    Park"), whatever type the tagger gave them: it takes British "Ms Park" and "Helen Park" for places."""
    addressed = {e for e in entities if ADDRESSED.match(e.text)
                 or ADDRESSED_BEFORE.search(text, max(0, e.start_char - 8), e.start_char)}
    surnames = {e.text.split()[-1] for e in addressed}
    return [e._replace(type="PERSON") if e.type != "PERSON" and (e in addressed or reads_as_person_name(e.text)
                                                                  and e.text.split()[-1] in surnames) else e
            for e in entities]


def _past_opening_word(text, entity, words, lowered):
    """Where a person's name starts once a word that opens its sentence and is no part of it is left out:
    "Will Sanders come down?", "Said Comey", "Young Sanders supporters" (a word the parser does not take for a
    name, or one that is no first name and that the article also writes in lower case)."""
    first, opening = words.get(entity.start_char, (None, False))
    if entity.type != "PERSON" or first is None or " " not in text[entity.start_char:entity.end_char].strip():
        return entity.start_char
    if first.upos in ("PROPN", "NOUN", "ADJ", "X") and not (
            opening and first.text.upper() not in first_name_genders() and first.text.lower() in lowered):
        return entity.start_char
    rest = re.match(r"\S+\s+", text[entity.start_char:entity.end_char])
    return entity.start_char + rest.end() if rest else entity.start_char


SLASHED = re.compile(r"/[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*)*")


def _joined_by_slash(entities, text):
    """The entities with organisations written together by a slash made one: "Reuters/Ipsos", "NBC/Wall Street
    Journal" (the pollsters of one poll), also where the tagger ran the slash into the first ("Wall Street
    Journal/" and "NBC News")."""
    joined = []
    for entity in entities:
        if joined and entity.start_char < joined[-1].end_char:
            continue  # the name after the slash, taken in already
        slash = entity.end_char - entity.text.endswith("/")  # where the slash after the name is
        if joined and joined[-1].type == "ORG" and text[joined[-1].end_char:entity.start_char] == "/":
            last = joined.pop()
            entity = Entity(text[last.start_char:entity.end_char], "ORG", last.start_char, entity.end_char)
        elif entity.type == "ORG" and (slashed := SLASHED.match(text, slash)) is not None \
                and "/" not in text[slashed.end():slashed.end() + 1]:
            entity = Entity(text[entity.start_char:slashed.end()], "ORG", entity.start_char, slashed.end())
        joined.append(entity)
    return joined


class NameBook:
    """Who is who in one article (an ``ArticleIndex``): its named entities, cut and cleaned (``entities``), the
    acronyms it spells out, the surnames it gives persons, and the canonical ``(name, type)`` of each form of a
    name it uses (``canonical``, ``entity_name``); the gender of its persons, who holds which office, who wrote
    it, whose a noun is and which named agent a coref chain is."""


    def __init__(self, index):
        self.index = index
        self.text = index.text
        self._title_case_lines = {}  # line start -> whether the line is written in title case
        self.entities = self._cut_to_known_names(named_entities(index.document))
        self._entity_starts = [e.start_char for e in self.entities]
        self.acronyms = self._acronyms()
        self._surname_honorifics = None  # surname -> genders of the honorifics written before it: on first need
        self._genders = {}  # person's name -> "male", "female" or None, as found or learnt from a pronoun
        # surnames the article gives persons: of PERSON entities and after titles ("Chancellor Olaf Scholz")
        self.surnames = {family_words(clean_name(e.text))[-1] for e in self.entities
                         if e.type == "PERSON" and clean_name(e.text)}
        self.surnames.update(m.group(1) for m in HONORED.finditer(self.text))
        # entities the tagger ran into a verb ("Obama Says" in a headline): no fuller form of a name
        verb_ends = {w.end_char for s in index.sentences for w in s.words if w.upos in ("VERB", "AUX")}
        self._verb_ended = {e.start_char for e in self.entities if e.end_char in verb_ends}
        self._by_last_name = self._last_names()  # last word of a named agent -> its entities
        self._family_forms = {}  # name -> persons it is a family name of (``_family_name_forms``)
        self._canonical_entities = {e.start_char: self.canonical(e.text, e.type, self._honorific_gender(e),
                                                                 e.start_char) for e in self.entities}
        self._role_book = None  # (offset, name, type, words beside the name) of persons and organisations
        self._words_by_name = None  # name -> the words beside all its mentions (``role_words_of``): on first need
        self._sentence_people = None  # per sentence, the persons it names (for genders): on first need
        self._signatures = None  # (offset, name) of the names signing letters, and the writer: on first need

    def _cut_to_known_names(self, entities):
        """The entities with the words the tagger ran into a name cut off: after a colon ("Jane Roe: Saying ..."
        is Jane Roe), and in a title-case line the words after the longest opening that the article names
        elsewhere, a name or a person's surname ("Jane Roe Tells Voters", "Roe Wades In" of an article naming
        Jane Roe outside its headlines), or else, for a body, the longest opening of two words or more that the
        lines after it write in any case ("Harbour Council Rejects Pier Plan" of an article about "the harbour
        council")."""
        outside = [e for e in entities if not self._in_title_case(e) and clean_name(e.text)]
        known = {clean_name(e.text) for e in outside}
        persons = known | {family_words(clean_name(e.text))[-1] for e in outside if e.type == "PERSON"}
        cut = []
        for entity in entities:
            text = entity.text.split(": ")[0].rstrip() or entity.text
            words = text.split()
            if self._in_title_case(entity) and clean_name(text) not in known:
                names = persons if entity.type == "PERSON" else known  # "Roe Foundation Says": no person
                opening = next((n for n in range(len(words) - 1, 0, -1)
                                if clean_name(" ".join(words[:n])) in names), None)
                if opening is None and entity.type != "PERSON":
                    opening = self._opening_written_after(entity, words)
                text = " ".join(words[:opening]) if opening else text
            cut.append(entity._replace(text=text, end_char=entity.start_char + len(text)) if text != entity.text
                       else entity)
        return cut

    def _opening_written_after(self, entity, words):
        """The number of the entity's first words (two or more, not all) that the text after its line writes as
        a phrase in any case, the most such words first; None when there are none."""
        line_end = self.text.find("\n", entity.end_char)
        after = self.text[line_end:].lower() if line_end >= 0 else ""
        return next((n for n in range(len(words) - 1, 1, -1)
                     if re.search(r"\b" + re.escape(" ".join(words[:n]).lower()) + r"\b", after)), None)

    def _acronyms(self):
        """``{acronym: name}`` of the acronyms the article spells out: "Libyan National Army (LNA)", or an
        organisation's initials written alone ("the International Monetary Fund" ... "the IMF")."""
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

    def _last_names(self):
        """``{last word: entities}`` of the named agents, for "Kalin" -> "Ibrahim Kalin": a name in a title-case
        line counts only when it opens with a first name."""
        found = {}
        for entity in self.entities:
            words = family_words(clean_name(entity.text))
            if entity.type in AGENT_TYPES and words and (words[0].upper() in first_name_genders()
                                                         or not self._in_title_case(entity)):
                found.setdefault(words[-1], []).append(entity)
        return found

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

    def canonical(self, name, etype, gender=None, offset=None):
        """The fullest form of ``name`` in this article ("Kalin" -> "Ibrahim Kalin"); with the ``gender`` its
        honorific gives, not a fuller name whose first name is the other's ("Mr. Obama" is not Michelle Obama); a
        surname several persons share, written at ``offset``, is the one the text there is about
        (``_namesake_at``)."""
        name = clean_name(name)
        if name in self.acronyms:
            return self.acronyms[name], "ORG"
        if name in CAPITALS and etype in (None, "GPE", "ORG", "FAC", "LOC"):
            return CAPITALS[name], "GPE"
        if name and (etype in ("PERSON", None) or len(name.split()) == 1):
            last = family_words(name)[-1]
            if etype is None:  # a name the tagger missed here is what it is where the tagger found it
                found = {e.type for e in self._by_last_name.get(last, ()) if clean_name(e.text) == name}
                etype = found.pop() if len(found) == 1 else None
            fuller = [e for e in self._by_last_name.get(last, ()) if e.type in ("PERSON", etype)
                      and is_fuller_form(clean_name(e.text), name)]
            if gender is None and len(name.split()) == 1 and len(self._persons(fuller)) > 1:
                fuller = self._namesake_at(fuller, offset)
            else:
                fuller = [e for e in fuller if self._may_be(clean_name(e.text), gender)]
            if not fuller and len(name.split()) == 1:  # a first family name: "Ms. Acosta" -> "Melba Acosta Febo"
                fuller = self._family_name_forms(name)[0]
            if not fuller and name in self.surnames:  # a family name written first: "Mr. Ban" -> "Ban Ki-moon"
                fuller = self._family_name_forms(name)[1]
            if fuller:
                best = self._fullest(fuller)
                return clean_name(best.text), person_like(best.text, best.type, self.surnames)
        return name, person_like(name, etype, self.surnames)

    def _family_name_forms(self, name):
        """``(first family name, family name written first)``: the persons whose name has ``name`` as its first of
        two family names, and those whose name starts with it; once per name (``canonical`` asks at every mention
        of a long article)."""
        if name not in self._family_forms:
            persons = self._persons_outside_title_case
            self._family_forms[name] = (
                [e for e, _, family in persons if len(family) >= 3 and family[-2] == name],
                [e for e, cleaned, _ in persons if cleaned.split()[0] == name and len(cleaned) > len(name)
                 and e.start_char not in self._verb_ended
                 and not ORGANISATION_WORDS.search(e.text)])  # "the Obama White House" is no person
        return self._family_forms[name]

    @cached_property
    def _persons_outside_title_case(self):
        """``[(entity, its clean name, the name's family words)]`` of the persons the article names outside
        title-case lines (``_in_title_case``), found and cleaned once."""
        return [(e, cleaned, family_words(cleaned)) for e in self.entities
                if e.type == "PERSON" and not self._in_title_case(e) for cleaned in (clean_name(e.text),)]

    def namesakes(self, surname):
        """The canonical names of the article's persons whose name ends with ``surname``."""
        return {self.entity_name(e)[0] for e in self._by_last_name.get(surname, ()) if e.type == "PERSON"}

    def organisation_ending(self, word):
        """The organisation of the article whose name ends with ``word`` ("USA TODAY" for "TODAY"), the most
        named of them; None if none."""
        names = Counter(self.entity_name(e)[0] for e in self._by_last_name.get(word, ()) if e.type == "ORG")
        return names.most_common(1)[0][0] if names else None

    def organisation_opening(self, name):
        """The one organisation of the article whose name opens with ``name`` and goes on ("Fox News" for "Fox",
        "Quinnipiac University" for "Quinnipiac"), for a short form that stands for it; None when there is none or
        several, or when ``name`` ends a person's name the article writes in full ("Trump" of "Trump Organization"
        after "Donald Trump"). Names in title-case lines ("National Review Crowd Does Not Like") and names joined
        by "and" do not count."""
        words = name.split()
        if any(e.type == "PERSON" and clean_name(e.text) != name for e in self._by_last_name.get(words[-1], ())):
            return None
        fuller = {full for opening, full in self._organisation_openings.get(words[0], ())
                  if opening[:len(words)] == words and len(opening) > len(words)}
        return fuller.pop() if len(fuller) == 1 else None

    @cached_property
    def _organisation_openings(self):
        """``{first word: [(words of the name, canonical name)]}`` of the article's organisations, made once."""
        found = {}
        for entity in self.entities:  # not a headline's run of capitals, nor two names the tagger ran together
            words = clean_name(entity.text).split()
            if entity.type == "ORG" and words and "and" not in words and not self._in_title_case(entity):
                found.setdefault(words[0], []).append((words, self.entity_name(entity)[0]))
        return found

    @staticmethod
    def _persons(fuller):
        """``{first word: entities}``: the fuller forms of a surname grouped by person ("Donald Trump", "Donald J.
        Trump" apart from "Melania Trump")."""
        persons = {}
        for entity in fuller:
            persons.setdefault(clean_name(entity.text).split()[0], []).append(entity)
        return persons

    def _namesake_at(self, fuller, offset):
        """The fuller forms of the one person a bare surname shared by several stands for at ``offset``: the one
        whose gender the pronouns of its sentence (outside quotations) give, else the one named first, whom the
        article is about: not a relative named after them ("his wife, Melania Trump"), whatever honorific the
        article gives the relative ("Mrs. Trump"); but one the text names in full just before, and nowhere as a
        relative of someone, goes first ("Jeb Bush says ... Bush says")."""
        pronouns, here = set(), None
        if offset is not None:
            here = self.index.sentence_of(offset)
            start = self.index.sentence_starts[here]
            text = QUOTED.sub(" ", self.text[start:self.index.sentences[here].tokens[-1].end_char])
            pronouns = {gender for gender, words in GENDER_WORDS.items() if words.search(text)}

        def weight(first, entities):
            gender = first_name_genders().get(first.upper())
            agrees = 0 if gender is None or len(pronouns) != 1 else 1 if gender in pronouns else -1
            relative = any(RELATIVE_BEFORE.search(self.text[max(0, e.start_char - 30):e.start_char])
                           for e in entities)  # "His father, Rafael Marsh, ... Rafael Marsh waved"
            nearby = [e.start_char for e in entities if offset is not None and e.start_char < offset
                      and here - NEARBY_SENTENCES <= self.index.sentence_of(e.start_char)] if not relative else []
            return agrees, max(nearby, default=-1), entities[0] is fuller[0]

        return max(self._persons(fuller).items(), key=lambda person: weight(*person))[1]

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

    def holder_of(self, office, offset, qualifiers=()):
        """The person last named with ``office`` before ``offset`` ("President Barack Obama", "Jane Roe, the
        city's mayor"), for "the president" and "the mayor"; with ``qualifiers`` ("GOP", "presidential"), the
        last one named with each of them beside the office ("Republican presidential nominee Donald Trump");
        None if the article names none."""
        wanted = qualifier_forms(qualifiers)
        holders = [name for start, held, name, context in self._office_holders
                   if held == office and start < offset and all(context & forms for forms in wanted)]
        return holders[-1] if holders else None

    def first_holder_after(self, office, offset, before=None, country=None):
        """The person first named with ``office`` after ``offset`` (and before ``before`` when given), for a bare
        title in a headline ("Minister Defends Reform" of an article about "Education Minister Jane Roe"); with
        ``country``, not one named as another country's ("Russian President X" is no "Germany's president");
        None if the article names none."""
        return next((name for start, held, name, _ in self._office_holders
                     if held == office and offset < start < (before or len(self.text)) and not (
                         country and _other_country(re.findall(r"\w+", self.text[max(0, start - 60):start].lower()),
                                                    country))), None)

    @cached_property
    def _office_holders(self):
        """``[(offset, office, name, the words beside the office)]`` of the persons the article names with their
        office, in text order; listed on first need."""
        found = []
        for entity in self.entities:
            if entity.type != "PERSON":
                continue
            before = OFFICE_BEFORE.search(self.text[max(0, entity.start_char - 60):entity.start_char])
            after = OFFICE_AFTER.match(self.text[entity.end_char:entity.end_char + 60])
            lead = self._lead(entity.start_char, LEAD_BREAKS)
            for match, words in ((before, lead), (after, after and after.group())):
                if match is not None:
                    found.append((entity.start_char, OFFICES[match.group(1).lower()], self.entity_name(entity)[0],
                                  set(re.findall(r"\w+", words.lower()))))
        return found

    def _lead(self, start, breaks):
        """The words just before ``start`` back to the nearest of ``breaks`` (60 characters at most): "gambling
        tycoon" of "gambling tycoon Sheldon Adelson"."""
        return breaks.split(self.text[max(0, start - 60):start])[-1]

    def described_as(self, noun, offset, qualifiers=(), types=("PERSON",)):
        """The agent of ``types`` last named before ``offset`` with ``noun`` beside the name (its role book:
        ``_role_words``): "gambling tycoon Sheldon Adelson", "Tim Allen, the actor", "Florida Sen. Marco Rubio"
        for "the senator", "the airline EgyptAir"; with each of ``qualifiers`` there too ("the Florida senator");
        None if none."""
        wanted = qualifier_forms(qualifiers)
        named = [name for start, name, etype, words in self._roles() if start < offset and etype in types
                 and noun in words and all(words & forms for forms in wanted)]
        return named[-1] if named else None

    def given_role(self, noun, offset):
        """The names of the persons the article gives the role ``noun`` before ``offset``, by a title or an
        apposition ("Interior Minister Lena Holm", "Lena Holm, the minister"): whom "the minister" may stand
        for."""
        office = OFFICES.get(noun, noun)
        return {name for start, name, etype, words in self._roles()
                if start < offset and etype == "PERSON" and (noun in words or office in words)}

    def role_words_of(self, name):
        """The words the article writes beside any of its mentions of the person or organisation ``name``
        (``_role_words``, before or after a given offset): what a description of it may share with them."""
        if self._words_by_name is None:
            self._words_by_name = {}
            entities = [e for e in self.entities if e.type in ("PERSON", "ORG")]  # those of ``_roles``, in order
            for entity, (_, named, _, words) in zip(entities, self._roles()):
                self._words_by_name.setdefault(named, set()).update(words | self._described_by_parse(entity))
        return self._words_by_name.get(name, set())

    def _described_by_parse(self, entity):
        """The lower-cased words (and lemmas) of the noun phrases the parse ties to one mention of a name: the noun
        it is in apposition to ("Sanders's campaign manager, Jeff Weaver"), a noun in apposition to it ("Jeff
        Weaver, Sanders's campaign manager"), the noun it is the subject of beside a copula ("Weaver is his
        campaign manager"), with their modifiers ("former", "Utah", "of Hewlett-Packard")."""
        sentence = self.index.sentences[self.index.sentence_of(entity.start_char)]
        inside = {w.id for w in sentence.words if entity.start_char <= w.start_char < entity.end_char}
        head = next((w for w in sentence.words if w.id in inside and w.head not in inside), None)
        if head is None:
            return set()
        governor = sentence.words[head.head - 1] if head.head else None
        nouns = [w for w in dependents(sentence, head) if w.deprel == "appos"]
        if governor is not None and (head.deprel == "appos" or head.deprel.startswith("nsubj") and any(
                w.deprel == "cop" for w in dependents(sentence, governor))):
            nouns.append(governor)
        words, stack = set(), [w for w in nouns if w.upos == "NOUN"]
        while stack:
            word = stack.pop()
            if word.upos in ("NOUN", "PROPN", "ADJ", "NUM"):
                words |= {word.text.lower(), word.lemma.lower()}
            stack += [w for w in dependents(sentence, word) if w.id not in inside
                      and w.deprel in ("compound", "amod", "nmod:poss", "nmod", "flat", "nummod")]
        return words

    def _roles(self):
        """``(offset, name, type, role words)`` of the article's persons and organisations, made on first need."""
        if self._role_book is None:
            self._role_book = [(e.start_char, *self.entity_name(e), self._role_words(e))
                               for e in self.entities if e.type in ("PERSON", "ORG")]
        return self._role_book

    def _role_words(self, entity):
        """The lower-cased words the article writes beside one of its names: those of the noun phrase leading up
        to it ("FBI Director", "the airline", "Florida Sen.") and of an apposition after it (", the club's
        president"), with the office a title stands for ("Sen." as "senator")."""
        sentence = self.index.sentences[self.index.sentence_of(entity.start_char)]
        lead = []
        for word in reversed([w for w in sentence.words if w.end_char <= entity.start_char]):
            if word.upos not in NOUN_PHRASE_TAGS and word.text != "-":
                break  # "The candidate pointed out that Sen. Ted Cruz": not the candidate
            lead.append(word.text)
        after = APPOSITION.match(self.text, entity.end_char)
        words = set(re.findall(r"[\w-]+", (" ".join(lead) + " " + (after.group(1) if after else "")).lower()))
        return words | {OFFICES[w] for w in words if w in OFFICES}

    def interviewee_at(self, offset, asked=False):
        """The person answering at ``offset`` in an interview written as questions and answers ("Q: ..." / "A:
        ..."): in an answer (with ``asked``, in a question too: the "you" asked), or a paragraph that goes on from
        one, the person the article's first line names (its headline), else the person it names most; None
        elsewhere."""
        spans = self.index.paragraphs
        k = self.index.paragraph_of(offset)
        while k >= 0:
            opening = self.text[spans[k][0]:spans[k][1]].lstrip()[:2]
            if opening in ("Q:", "A:"):
                break
            k -= 1
        if k < 0 or opening != "A:" and not asked:
            return None
        persons = [e for e in self.entities if e.type == "PERSON"]
        headline = [e for e in persons if e.start_char < spans[0][1]]
        if headline:
            return self.entity_name(headline[0])[0]
        named = Counter(self.entity_name(e)[0] for e in persons)
        return named.most_common(1)[0][0] if named else None

    def writer_at(self, offset):
        """The writer of the text at ``offset``, as the article names them: by the signature closing a letter
        ("Jane Roe." alone after it), else by a first or last line "By Jane Roe" or "Jane Roe is a playwright",
        or a last line that says what the person does ("Jane Roe edits the weekly", "Rep. Jane Roe, D-Ore.,
        chairs the committee": ``_does``); None when the article names no writer."""
        if self._signatures is None:
            self._signatures, self._writer = [], None
            spans = self.index.paragraphs
            for k, (start, end) in enumerate(spans):
                line = self.text[start:end].strip()
                lead = self.text.index(line[:1], start) if line else start
                title = TITLES.match(line)  # "Rep." before the name of a closing line
                entity = self.entity_at(lead, min(end, lead + 40), {"PERSON"})
                if entity is None or entity.start_char > lead + max(len("By "), title.end() if title else 0):
                    continue  # the line must open with the person
                name = self.entity_name(entity)[0]
                if line.rstrip(".") == entity.text:
                    self._signatures.append((start, name))
                elif (k <= 1 or k >= len(spans) - 2) and re.match(
                        r"(?:By\s+)?" + re.escape(entity.text) + r"(?:\s+(?:is|was)\b|\s*$)", line) \
                        or k == len(spans) - 1 and self._does(entity):
                    self._writer = name
        following = [name for start, name in self._signatures if start > offset]
        return following[0] if following else self._writer

    def _does(self, entity):
        """Whether the person ``entity`` names is the subject of a verb in the present that tells what they do,
        not what they said ("Jane Roe edits the weekly", not "Jane Roe says")."""
        sentence = self.index.sentences[self.index.sentence_of(entity.start_char)]
        inside = [w for w in sentence.words if entity.start_char <= w.start_char < entity.end_char]
        head = next((w for w in inside if w.head not in {v.id for v in inside}), None)
        verb = sentence.words[head.head - 1] if head is not None and head.head else None
        return head is not None and head.deprel.startswith("nsubj") and verb.xpos == "VBZ" \
            and verb.lemma.lower() not in VERBS

    def coreferent(self, sentence, word):
        """``(name, type)`` of the named agent stanza's coref processor (stanza engine, where installed) puts in
        the chain of ``word`` (of ``sentence``), the representative mention first; None without a chain or a name
        in it."""
        document = self.index.document
        chains = getattr(document, "coref", None)
        if not chains or word is None:
            return None
        index, position = document.sentences.index(sentence), word.id - 1
        for chain in chains:
            spans = [(m.sentence, m.start_word, m.end_word) for m in chain.mentions
                     if isinstance(m.start_word, int)]  # zero anaphora has tuple positions
            if not any(k == index and start <= position < end for k, start, end in spans):
                continue
            if chain.representative_index is not None:
                spans.insert(0, spans.pop(min(chain.representative_index, len(spans) - 1)))
            for k, start, end in spans:
                words = document.sentences[k].words[start:end]
                entity = self.entity_at(words[0].start_char, words[-1].end_char, AGENT_TYPES) if words else None
                if entity is not None:
                    return self.entity_name(entity)
        return None

    def owner(self, sentence, noun, ids):
        """The canonical name of the person or organisation a description belongs to ("Donald Trump" of "Trump's
        campaign", "Jane Roe's lawyer"), so that one candidate's campaign is not another's; else None."""
        entity = self.possessor(sentence, noun, {"PERSON", "ORG"})
        if entity is not None:
            return self.entity_name(entity)[0]
        named = [w for w in dependents(sentence, noun) if w.deprel == "nmod:poss" and w.id in ids and w.upos == "PROPN"]
        return self.canonical(named[0].text, None)[0] if named else None  # a name the tagger missed here

    def possessor(self, sentence, noun, types):
        """The entity of one of ``types`` that possesses ``noun`` ("Egypt's ministry", "Trump's campaign"), or None."""
        for possessor in (w for w in dependents(sentence, noun) if w.deprel == "nmod:poss"):
            entity = self.entity_at(possessor.start_char, possessor.end_char, types)
            if entity is not None:
                return entity
        return None

    def gender_of(self, name):
        """ "male", "female" or None for the person named ``name`` (a canonical name), found once."""
        if name not in self._genders:
            self._genders[name] = self._gender(name)
        return self._genders[name]

    def learn_gender(self, name, gender):
        """Take ``gender`` for a person whose gender the article does not show, from a pronoun that stands for
        them ("Jane Roe said ... / she said": a later "he" is not Jane Roe)."""
        if not self.gender_of(name):
            self._genders[name] = gender

    def _gender(self, name):
        """ "male", "female" or None for a person: from an honorific before the surname (unless another person
        of the article bears it); without one, from a first name of the census, else from the pronouns outside
        quotations of sentences where this person is the only one named, and a "He" or "She" opening the next
        sentence when it names nobody (a lone name is a first name unless it ends a fuller name)."""
        votes = {"male": 0, "female": 0}
        last = family_words(name)[-1]
        namesakes = [e for e in self._by_last_name.get(last, ()) if e.type == "PERSON"
                     and clean_name(e.text).split()[0] not in (last, name.split()[0])]
        first = None if namesakes else self._first_honorific  # no honorific: no pattern to make and run
        honored = () if first is None else re.compile(
            HONORIFIC + r"(?:[A-Z][\w.'-]*\s+)*" + re.escape(last) + r"\b").finditer(self.text, first)
        for match in honored:
            votes[HONORIFIC_GENDER[match.group(1).lower()]] += 3
        words = name.split()
        if votes["male"] == votes["female"] == 0 and len(words) > 1 and words[0].upper() in first_name_genders():
            return first_name_genders()[words[0].upper()]  # pronouns near a name may be another person's
        if self._sentence_people is None:
            self._sentence_people = self._people_by_sentence()
        for k, (people, surnames, text) in enumerate(self._sentence_people):
            if people.keys() == {name} and surnames <= {name.split()[-1]}:
                for gender, pronouns in GENDER_WORDS.items():  # a pronoun before the name is someone else
                    votes[gender] += len(pronouns.findall(text, people[name]))
                following = self._sentence_people[k + 1] if k + 1 < len(self._sentence_people) else None
                opening = OPENING_PRONOUN.match(following[2]) if following and not following[0] \
                    and not following[1] else None
                if opening:  # "Jane Roe left. She said ...": the next sentence, naming nobody, opens with her
                    votes["male" if opening.group(1).lower() == "he" else "female"] += 1
        if votes["male"] == votes["female"]:
            surname = len(words) == 1 and any(len(e.text.split()) > 1 for e in self._by_last_name.get(last, ()))
            return None if surname else first_name_genders().get(words[0].upper())
        return max(votes, key=votes.get)

    @cached_property
    def _first_honorific(self):
        """Offset of the article's first honorific ("Mr.", "Dr."), or None: where a search for one may start."""
        found = re.search(HONORIFIC, self.text)
        return found.start() if found else None

    def _people_by_sentence(self):
        """Per sentence: where it first names each person (by canonical name), the known surnames in it (a
        surname the tagger missed, "told Rourke, after he admitted", also counts as a person), and its text with
        quotations and the objects "him" and "her" blanked out (mostly someone else: "Jane Roe thanked her"; the
        possessive "her" stays)."""
        starts = self.index.sentence_starts
        people = [{} for _ in starts]
        for entity in self.entities:
            name, etype = self._canonical_entities[entity.start_char]
            if etype == "PERSON" and people:
                k = self.index.sentence_of(entity.start_char)
                people[k].setdefault(name, entity.start_char - starts[k])
        found = []
        for named, start, sentence in zip(people, starts, self.index.sentences):
            text = QUOTED.sub(lambda m: " " * len(m.group()), self.text[start:sentence.tokens[-1].end_char])
            for word in sentence.words:
                if word.text.lower() in ("him", "her") and word.deprel != "nmod:poss" and word.start_char is not None:
                    text = text[:word.start_char - start] + " " * len(word.text) + text[word.end_char - start:]
            found.append((named, set(re.findall(r"[A-Z][\w'’-]+", text)) & self.surnames, text))
        return found
