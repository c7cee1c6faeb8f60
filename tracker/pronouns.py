"""What a pronoun speaker stands for: the most salient fitting mention of the last few sentences.

The candidates are the article's named mentions (``Referents.mentions``), the subjects that name no entity ("the
report", "Mr. Hale and Mr. Ruiz", named by the speaker step) and the speakers already resolved; subjects and
earlier speakers outside quotations come first, the subjects of main clauses before those of clauses within them,
nearer sentences first. A pronoun's kind ("person" for "he" and "she", "it", "group" for "they" and "we") and
gender come from the speaker step, the genders of the article's persons from its ``NameBook`` (``tracker.names``).
"""

import bisect
from dataclasses import dataclass

from .names import family_words, reads_as_person_name
from .trees import dependents


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
    main: bool = False


def agrees(kind, candidate):
    """Whether ``candidate`` can be what a pronoun of ``kind`` stands for: a person for "person" ("he"), one
    organisation, country or thing for "it", a group for "group" ("they")."""
    if kind == "person":
        return candidate.type == "PERSON" and not candidate.plural
    if kind == "it":
        return candidate.type in ("ORG", "GPE", None) and not candidate.plural
    return candidate.plural or candidate.type in ("ORG", "NORP")


def _subject_named(sentence, word):
    """The common-noun subject ``word`` is a name in apposition to ("Roe's pollster, Dan Hale, says ..." is about
    Dan Hale; "The director of the Rowe Institute, Ann Lee, said", where the parser hangs the name on the
    institute, is about Ann Lee), else None."""
    if word.deprel != "appos" or word.upos != "PROPN" or not word.head:
        return None
    head = sentence.words[word.head - 1]
    if head.upos == "PROPN" and head.deprel == "nmod" and head.head:
        head = sentence.words[head.head - 1]
    return head if head.upos == "NOUN" and head.deprel.startswith("nsubj") else None


def _names_subject(sentence, word):
    """Whether ``word`` is a name in apposition to a common-noun subject (``_subject_named``)."""
    return _subject_named(sentence, word) is not None


def _owns_subject(sentence, word):
    """Whether ``word`` is the possessor of a subject that no name stands beside: "Tuttle's article also attacked
    Christie" is about Tuttle, "Roe's pollster, Dan Hale, says" is not about Roe."""
    if word.deprel != "nmod:poss" or word.upos != "PROPN" or not word.head:
        return False
    head = sentence.words[word.head - 1]
    return head.deprel.startswith("nsubj") and not any(_names_subject(sentence, w) for w in sentence.words
                                                       if w.head == head.id)


def _untagged_subject_names(index, book):
    """``Candidate``s of the subjects outside quotations that the tagger did not take for a name but that write
    the family name of a person the article names ("Sanders appeared to ..." after "Bernie Sanders", "Ivanka
    Trump, 34, could ..." after "Donald Trump"): for a later "he" or "she", the person just written about."""
    found = []
    places = {e.text for e in book.entities if e.type in ("GPE", "LOC", "FAC")}
    for sentence in index.sentences:
        for word in sentence.words:
            if not word.deprel.startswith("nsubj") or word.upos not in ("PROPN", "NOUN") \
                    or not word.text[:1].isupper() or index.in_quotation(word.start_char) \
                    or book.entity_at(word.start_char, word.end_char) is not None:
                continue
            parts = [word] + [w for w in dependents(sentence, word) if w.upos == "PROPN"
                              and w.deprel in ("compound", "flat") and abs(w.id - word.id) <= 2]
            start, end = min(w.start_char for w in parts), max(w.end_char for w in parts)
            text = index.text[start:end]
            if not book.namesakes(family_words(text)[-1]) or book.entity_at(start, end) is not None \
                    or text in places:  # "Ferguson had 115 crimes" in a story on the town
                continue
            main = bool(word.head) and sentence.words[word.head - 1].deprel == "root"
            found.append(Candidate(start, book.canonical(text, "PERSON", offset=start)[0], "PERSON", subject=True,
                                   main=main))
    return found


def referents_of(index, book):
    """The ``Referents`` of ``index`` and ``book``, made once per article and kept on the index
    (``ArticleIndex.made_once``): the speakers step and the stance step (whose resolver reads what pronouns inside a
    content stand for) share them, as both only read them."""
    return index.made_once("referents", book, lambda: Referents(index, book))


class Referents:
    """The named mentions of one article (an ``ArticleIndex`` with its ``NameBook``) as pronoun candidates, and
    the choice of a pronoun's referent among the candidates before it."""

    def __init__(self, index, book):
        self.index = index
        self.book = book
        subjects = sorted(w.start_char for s in index.sentences for w in s.words
                          if (w.deprel.startswith("nsubj") or _owns_subject(s, w) or _names_subject(s, w))
                          and not index.in_quotation(w.start_char))
        # subjects of a sentence's main clause: "Kent smiled when asked whether Roe could win" is about Kent
        mains = sorted(w.start_char for s in index.sentences for w in s.words
                       if (w.deprel.startswith("nsubj") and w.head and s.words[w.head - 1].deprel == "root"
                           or (named := _subject_named(s, w)) is not None
                           and s.words[named.head - 1].deprel == "root")
                       and not index.in_quotation(w.start_char))
        # named mentions in text order, as pronoun candidates
        self.mentions = [Candidate(e.start_char, *book.entity_name(e),
                                   subject=bisect.bisect_left(subjects, e.start_char)
                                   < bisect.bisect_left(subjects, e.end_char),
                                   quoted=index.in_quotation(e.start_char),
                                   main=bisect.bisect_left(mains, e.start_char)
                                   < bisect.bisect_left(mains, e.end_char))
                         for e in book.entities]
        self.mentions = sorted(self.mentions + _untagged_subject_names(index, book), key=lambda c: c.start)
        self._mention_starts = [m.start for m in self.mentions]

    def candidates(self, offset, nominals, resolved, window=1500):
        """``Candidate``s for a pronoun at ``offset``: named mentions, ``nominals`` (subjects that name no
        entity) and earlier speakers (``resolved``: ``(offset, Speaker, plural)``) before it."""
        first = bisect.bisect_left(self._mention_starts, offset - window)
        last = bisect.bisect_left(self._mention_starts, offset)
        found = {c.start: c for c in self.mentions[first:last]}
        found.update((c.start, c) for c in nominals if offset - window <= c.start < offset)
        for position, speaker, plural in resolved:
            if position < offset and offset - position <= window and speaker and speaker.name:
                # a person's name the tagger missed ("Mehmet Oz") is a person's
                etype = "PERSON" if speaker.type is None and reads_as_person_name(speaker.name) else speaker.type
                found[position] = Candidate(position, speaker.name, etype, subject=True, plural=plural,
                                            speaker=True)
        return found.values()

    def referent(self, offset, candidates, kind, gender=None, plural=False):
        """The candidate a pronoun of ``kind`` at ``offset`` stands for, agreeing in number, kind and ``gender``
        when known (``plural``: people before an organisation, for "they", and named people before a noun);
        None when none fits."""
        sentence = self.index.sentence_of(offset)
        fitting = []
        for candidate in candidates:
            if not candidate.name or not agrees(kind, candidate):
                continue
            known = self.book.gender_of(candidate.name) if gender else None
            if not (known and known != gender):
                fitting.append((candidate, known))
        # the main subject of a sentence that comes after a statement takes the floor from its speaker: "When Roe
        # defended the plan, Doe disagreed. '...,' he said" is Doe
        mains = [c for c, _ in fitting if c.main and not c.quoted]
        last_main = max((c.start for c in mains), default=-1)
        last_mains = [c for c in mains if c.start == last_main]
        best, best_score = None, None
        for candidate, known in fitting:
            spoke = candidate.speaker and not any(
                c.start > candidate.start and not set(c.name.split()) & set(candidate.name.split())
                for c in last_mains)  # "his wife, Jane," is Jane Roe
            # "they" after "Consider Mayor Tom Hale and Councilwoman Ana Ruiz." is the two named, not an earlier
            # subject that names nobody ("Union leaders marched ...")
            named_group = plural and ";" in candidate.name
            # a person known to share the pronoun's gender beats one whose gender the article never shows
            score = (-(sentence - self.index.sentence_of(candidate.start)) + 1.5 * candidate.subject
                     + spoke - 2 * candidate.quoted + 0.5 * bool(known)
                     - (offset - candidate.start) / 10000 + (plural and candidate.plural) + named_group
                     + 0.5 * candidate.main)
            if best_score is None or score > best_score:
                best, best_score = candidate, score
        if best is not None and gender and self.index.sentence_of(best.start) < sentence:
            self.book.learn_gender(best.name, gender)  # "Jane Roe said ... / she said": "he" is not Jane Roe
        return best
