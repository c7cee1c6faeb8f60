"""Store step, speakers across articles: when two speaker names are one entity.

One article already makes one name of a speaker's forms (``tracker.names``); across articles the spellings
still differ: "Erdoğan" and "Erdogan", "Sen. Adam B. Schiff" and "Adam Schiff", "Sameh Shukry" and "Sameh
Shoukry". A name's ``name_key`` folds what never tells two entities apart: accents and other scripts
(anyascii transliterates), case, punctuation, and for a person the title, middle names and suffix
(nameparser reads the parts of a name). Two person names with the same first name and surnames spelled
almost alike (rapidfuzz) are one person too; two different first names never are.
"""

import re
from typing import NamedTuple

from anyascii import anyascii
from nameparser import HumanName
from rapidfuzz.fuzz import ratio

# lowest rapidfuzz ratio (0-100) at which two surnames of people with the same first name are one spelling
# ("shukry"/"shoukry" 92); "clinton"/"clayton" (71) and "schiff"/"schiffer" (86) stay apart
SURNAME_SIMILARITY = 88
# surnames shorter than this must be spelled alike: one letter is too much of a short name
SHORTEST_FUZZY_SURNAME = 5
HOLDER_SEPARATOR = "; "


class PersonName(NamedTuple):
    """The parts of a person's name that tell people apart, folded: ``first`` is "" for a lone surname."""

    first: str
    last: str


def folded(text: str) -> str:
    """``text`` in ASCII, lower case, without punctuation, its words one space apart: "Erdoğan" -> "erdogan"."""
    ascii_text = anyascii(text).casefold().replace("'", "").replace("’", "")
    return " ".join(re.findall(r"[a-z0-9]+", ascii_text))


def person_name(name: str) -> PersonName:
    """First name and surname of a person's ``name``, title, middle names and suffix left out:
    "Sen. Adam B. Schiff" -> ("adam", "schiff"); a lone "Trump" -> ("", "trump")."""
    parts = HumanName(name)
    first, last = folded(parts.first), folded(parts.last)
    if not last:  # one word: nameparser calls it a first name, news means the surname
        return PersonName("", first)
    return PersonName(first, last)


def name_key(name: str, kind: str | None) -> str:
    """The key under which the store finds a speaker whatever the spelling: "adam schiff" for "Sen. Adam B.
    Schiff", "recep erdogan" for "Recep Tayyip Erdoğan", "white house" for "the White House"."""
    if kind == "PERSON":
        return " ".join(part for part in person_name(name) if part)
    key = folded(name)
    return key[4:] if key.startswith("the ") else key


def same_person(one: str, other: str) -> bool:
    """Whether two full person names are one person: the same first name, and surnames alike
    ("Sameh Shukry", "Sameh Shoukry"); never two different first names, never a lone surname."""
    a, b = person_name(one), person_name(other)
    if not a.first or a.first != b.first:
        return False
    if a.last == b.last:
        return True
    shortest = min(len(a.last), len(b.last))
    return shortest >= SHORTEST_FUZZY_SURNAME and ratio(a.last, b.last) >= SURNAME_SIMILARITY


def preferred_name(one: str, other: str, kind: str | None) -> str:
    """Which of two spellings of one speaker its row shows, whichever came first: a name with nothing the key
    leaves out (no title, middle name or suffix), then the one with more capitals ("Harbor Workers Union" over
    "harbor workers union"), then the shorter, then accents kept ("Erdoğan" over "Erdogan")."""
    def rank(name):
        return (name_key(name, kind) == folded(name), sum(c.isupper() for c in name), -len(name), name)
    return max(one, other, key=rank)


def holders(name: str) -> list[str]:
    """The several holders of one statement ("Turkey; Russia" -> ["Turkey", "Russia"]), each once."""
    parts = []
    for part in name.split(HOLDER_SEPARATOR):
        part = part.strip()
        if part and part not in parts:
            parts.append(part)
    return parts
