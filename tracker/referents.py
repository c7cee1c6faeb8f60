"""Who a description or a pronoun speaker stands for, learned: a linear ranker over the article's named entities.

Part of the speakers step (``tracker.speakers``). Where a speaker mention names nobody itself ("he", "the
union", "the GOP nominee", "the statement"), the rules' choice is one candidate among the entities the article
names (their canonical names, ``tracker.names.NameBook``) and the speakers already resolved. Each candidate is
described by what ties it to the mention, never by its name: its entity type against the mention's kind (a
pronoun, a person noun, an organisation noun, a document noun), gender and number agreement, distance in
sentences, how often it was named so far, whether it spoke last or was the subject of the sentence before,
whether the article places the mention's noun beside its name ("Jane Roe, the nominee"), how many of the
mention's other words the article writes about it anywhere ("the retired pilot" and "Jane Roe, a retired Navy
pilot"), whether it is named only after the mention ("A top aide said ... Jane Roe, the aide, ..."), its type
against an agent noun ("the investor"), and the cosine of the parser's vectors of the mention's head and of the
candidate's last mention. Whom a description of someone says it belongs to ("his aide", "Roe's campaign manager")
is no option for it. The ranker
(``tracker/data/speaker_referents.json``, trained by ``scripts/train_referents.py`` on labelled PolNeAR train
articles) scores each candidate; the best one is the speaker when it scores a margin above the rules' choice.
"""

import bisect
import json
import math
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import numpy

from .attribution.verbs import is_agent_noun
from .names import AGENT_TYPES, OFFICES
from .pronouns import agrees
from .trees import dependents, path_up

MODEL_PATH = Path(__file__).parent / "data" / "speaker_referents.json"
DEFINITE = {"the", "this", "that", "these", "those"}
RECENT_SPEAKERS = 3  # a candidate that spoke in one of the last this many statements is a recent speaker


@dataclass
class Option:
    """One entity a mention may stand for: its canonical ``name`` and ``type``, and its earlier mentions."""

    name: str
    type: str | None
    starts: list = field(default_factory=list)  # offsets of its named mentions
    subjects: list = field(default_factory=list)  # offsets of those that are subjects outside quotations
    spoke: list = field(default_factory=list)  # offsets of the statements it was resolved as the speaker of
    plural: bool = False  # several holders ("Jane Roe; John Doe") or a plural noun
    quoted: list = field(default_factory=list)  # offsets of its mentions inside quotations
    own: bool = False  # the description itself ("officials familiar with the talks"), for an unnamed holder


@cache
def shipped_model():
    """``(weights, margin)`` of the shipped ranker (``{feature: weight}``, and how much better than the rules'
    choice an option must score to replace it), or ``(None, 0.0)`` when no model file is there."""
    if not MODEL_PATH.exists():
        return None, 0.0
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return {name: values[0] for name, values in data["weights"].items()}, data.get("margin", 0.0)


class ReferentRanker:
    """Chooses the entity a description or pronoun speaker stands for among the article's named entities and
    the rules' choice, by a linear score of the features of each (``weights`` and ``margin``: the shipped
    model's when not given)."""

    def __init__(self, weights=None, margin=None):
        shipped, shipped_margin = shipped_model() if weights is None or margin is None else (None, 0.0)
        self.weights = weights if weights is not None else shipped
        self.margin = margin if margin is not None else shipped_margin

    def choose(self, resolver, attribution, sentence, head, kind, ruled):
        """The ``Speaker`` an attribution's speaker mention of ``kind`` (``tracker.speakers.mention_kind``)
        stands for: the best-scored option, the rules' choice ``ruled`` when no model is shipped."""
        if not self.weights:
            return ruled
        options = {o.name: (o, f) for o, f in self.options(resolver, attribution, sentence, head, kind, ruled)}
        best = self.pick([(name, f) for name, (_, f) in options.items()], ruled.name)
        if best is None or best == ruled.name:
            return ruled
        return type(ruled)(best, options[best][0].type)

    def score(self, features):
        """The linear score of one option's features."""
        return sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def pick(self, options, ruled=None):
        """The name of the best of ``options`` (``[(name, features)]``): the highest score, unless the rules'
        choice ``ruled`` scores within ``margin`` of it; None without options."""
        if not options:
            return None
        scores = {name: self.score(features) for name, features in options}
        best = max(scores, key=scores.get)
        return ruled if ruled in scores and scores[best] - scores[ruled] < self.margin else best

    @staticmethod
    def _clashes(resolver, name, gender):
        """Whether the article shows the person ``name`` to be of another gender than ``gender``."""
        known = resolver.book.gender_of(name)
        return bool(known) and known != gender

    @staticmethod
    def _owners(resolver, sentence, head, mention):
        """The names of those a description of someone says it belongs to, who are not the one it stands for: a
        possessive pronoun's referent ("his aide"), the agents named inside the mention outside an apposition to
        its head ("Roe's aide", "a spokesman for Jane Roe"; not "the author of the book, Jane Roe,", where the parser
        may hang the name on the book)."""
        def in_apposition(offset):
            word = next((w for w in sentence.words if w.start_char <= offset < w.end_char), None)
            path = path_up(sentence, word, head) if word is not None else []
            return any(w.deprel == "appos" for w in path)

        owners = {c.name for c in resolver.referents.mentions if mention.start <= c.start < mention.end
                  and not in_apposition(c.start)}
        owner = resolver.possessive_referent(sentence, head)
        return owners | ({owner.name} if owner is not None and owner.name else set())

    def options(self, resolver, attribution, sentence, head, kind, ruled):
        """``[(Option, features)]``: the rules' choice and the article's named agents, with their features."""
        mention = attribution.speaker
        by_name = {name: Option(name, type_, list(starts), list(subjects), quoted=list(quoted))
                   for name, type_, starts, subjects, quoted in named_agents(resolver.referents)}
        for position, speaker, plural in resolver.resolved:
            if speaker and speaker.name and position < mention.start:
                option = by_name.setdefault(speaker.name, Option(speaker.name, speaker.type, plural=plural))
                option.spoke.append(position)
        pronoun = kind.split(":")[0] if ":" in kind else None
        gender, _ = resolver.gender_and_number(mention, head)
        by_name = {name: option for name, option in by_name.items() if pronoun is None or agrees(pronoun, option)
                   and not (gender and option.type == "PERSON" and self._clashes(resolver, name, gender))}
        qualifiers = [w for w in dependents(sentence, head) if w.deprel in ("amod", "compound", "nmod")]
        if head.upos == "NOUN" and resolver.holds_no_office(head.lemma.lower(), mention.start, qualifiers):
            by_name = {}  # "the minister" of an article that names no minister: the description only
        if kind != "document_noun":  # "Roe's campaign manager", "one Roe aide", "his aide" are not Roe; "Roe's
            # memo" is hers, "the author, Jane Roe," is Roe
            owners = self._owners(resolver, sentence, head, mention)
            by_name = {name: option for name, option in by_name.items() if name not in owners}
        if ruled.name:
            by_name.setdefault(ruled.name, Option(ruled.name, ruled.type, plural=";" in ruled.name))
        # the description the rules left (or gave a pronoun) may stand for nobody the article names
        if ruled.type is None and ruled.name:
            by_name[ruled.name].own = True
        context = Context(resolver, attribution, sentence, head, kind, ruled)
        ranks, following = context.recency_ranks(by_name.values()), context.following_ranks(by_name.values())
        return [(option, context.features(option, ranks.get(option.name), following.get(option.name)))
                for option in by_name.values()]


@lru_cache(maxsize=1)
def named_agents(referents):
    """``(name, type, starts, subjects, quoted)`` of each agent an article names (``referents``: its
    ``Referents``), once per article: every speaker mention of a long article asks. A name the tagger takes for an
    organisation at one mention and for a person at another is a person's ("Trump" tagged both)."""
    by_name = {}
    for candidate in referents.mentions:
        if candidate.name and candidate.type in AGENT_TYPES:
            starts, subjects, quoted = by_name.setdefault(candidate.name, [candidate.type, [], [], []])[1:]
            if candidate.type == "PERSON" and by_name[candidate.name][0] == "ORG":
                by_name[candidate.name][0] = "PERSON"
            starts.append(candidate.start)
            if candidate.subject and not candidate.quoted:
                subjects.append(candidate.start)
            if candidate.quoted:
                quoted.append(candidate.start)
    return tuple((name, type_, tuple(starts), tuple(subjects), tuple(quoted))
                 for name, (type_, starts, subjects, quoted) in by_name.items())


def _ranks_by_type(ordered):
    """``{name: rank}`` of the ``ordered`` options: how many options of the same type come before each."""
    ranks, seen = {}, {}
    for option in ordered:
        ranks[option.name] = seen.get(option.type, 0)
        seen[option.type] = ranks[option.name] + 1
    return ranks


class Context:
    """What the features of one mention's options are measured against."""

    def __init__(self, resolver, attribution, sentence, head, kind, ruled):
        self.book, self.index = resolver.book, resolver.index
        self.mention, self.kind, self.ruled = attribution.speaker, kind, ruled
        self.content = attribution.spans
        mention = self.mention
        self.sentence = mention.sentence if mention.sentence >= 0 else self.index.sentence_of(mention.start)
        self.noun = head.lemma.lower() if head.upos == "NOUN" else None
        self.gender, self.plural = resolver.gender_and_number(mention, head)
        determiners = {w.lemma.lower() for w in dependents(sentence, head) if w.deprel == "det"} if sentence else set()
        self.determiner = "definite" if determiners & DEFINITE else "possessed" if any(
            w.deprel == "nmod:poss" for w in dependents(sentence, head)) else "other" if determiners else "bare"
        self.vector = self._vector_at(sentence, head)
        self.vector_norm = numpy.linalg.norm(self.vector) if self.vector is not None else None
        qualifiers = [w.text for w in dependents(sentence, head) if w.deprel in ("amod", "compound")
                      and w.id < head.id] if sentence and self.noun else []
        self.described = self.book.described_as(self.noun, mention.start, types=AGENT_TYPES) if self.noun else None
        self.described_fully = self.book.described_as(self.noun, mention.start, qualifiers, AGENT_TYPES) \
            if qualifiers else None  # "the Florida senator": "Florida Sen. Marco Rubio"
        self.described_words = self._described_words(sentence, head)
        office = OFFICES.get(self.noun) if self.noun else None
        self.holder = self.book.holder_of(office, mention.start) if office else None
        spoke = sorted({p for p, s, _ in resolver.resolved if s and s.name and p < mention.start})
        self.recent = {s.name for p, s, _ in resolver.resolved if p in spoke[-RECENT_SPEAKERS:] and s}
        self.last = next((s.name for p, s, _ in reversed(resolver.resolved) if p < mention.start and s), None)
        self._last_before, self._first_after = {}, {}  # option name -> offset (or None), as found

    def _described_words(self, sentence, head):
        """The lower-cased words and lemmas of the mention's nouns, adjectives and numbers besides its head ("retired",
        "navy" of "the retired Navy pilot"; "campaign" of "his campaign manager"), which the article may write
        beside the name of the one it stands for."""
        if sentence is None:
            return set()
        words = [sentence.words[i - 1] for i in self.mention.word_ids]
        return {form for w in words if w.id != head.id and w.upos in ("NOUN", "PROPN", "ADJ", "NUM")
                for form in (w.text.lower(), w.lemma.lower())}

    def _vector_at(self, sentence, word):
        """The parser's vector of ``word``, None without vectors."""
        vectors = self.index.sentence_vectors
        if vectors is None or sentence is None:
            return None
        return vectors[self.index.sentence_of(word.start_char)][word.id - 1]

    def _vector_of(self, offset):
        """The parser's vector of the word starting at ``offset``, None without vectors."""
        vectors = self.index.sentence_vectors
        if vectors is None:
            return None
        k = self.index.sentence_of(offset)
        starts = self.index.trees[k].word_starts
        return vectors[k][min(bisect.bisect_left(starts, offset), len(starts) - 1)]

    def last_before(self, option):
        """Offset of the option's last mention or statement before the mention, None if none; found once per
        option (the ranks and the features ask again)."""
        if option.name not in self._last_before:
            self._last_before[option.name] = max((s for s in option.starts + option.spoke if s < self.mention.start),
                                                 default=None)
        return self._last_before[option.name]

    def recency_ranks(self, options):
        """``{name: rank}``: how many options of the same type were named or spoke since each option last was."""
        return _ranks_by_type(sorted((o for o in options if self.last_before(o) is not None), key=self.last_before,
                                     reverse=True))

    def first_after(self, option):
        """Offset of the option's first mention after the mention, None if none; found once per option."""
        if option.name not in self._first_after:
            self._first_after[option.name] = min((s for s in option.starts if s > self.mention.end), default=None)
        return self._first_after[option.name]

    def following_ranks(self, options):
        """``{name: rank}`` of the options the article names only after the mention ("A top aide said ... Jane
        Roe, the aide, ..."): how many options of the same type it names first after the mention before each."""
        return _ranks_by_type(sorted((o for o in options if self.last_before(o) is None
                                      and self.first_after(o) is not None), key=self.first_after))

    def features(self, option, rank=None, following=None):
        """``{feature: value}`` of one option (``rank``: its ``recency_ranks``, ``following``: its
        ``following_ranks``)."""
        kind, start = self.kind, self.mention.start
        before = [s for s in option.starts if s < start]
        features = {f"type:{option.type}|{kind}": 1.0, f"type:{option.type}": 1.0,
                    "salience": math.log1p(len(option.starts)), f"spoke_count|{kind}": math.log1p(len(option.spoke)),
                    f"in_content|{kind}": float(any(a <= s < b for s in option.starts for a, b in self.content))}
        if option.own:
            features[f"own|{kind}"] = 1.0
            features[f"own:{self.determiner}|{kind}"] = 1.0
            features[f"own_plural:{self.plural}|{kind}"] = 1.0
        if rank is not None:
            features[f"recency:{min(rank, 3)}|{kind}"] = 1.0
            last = self.last_before(option)
            features["same_paragraph"] = float(self.index.paragraph_of(last) == self.index.paragraph_of(start))
        if option.name == self.ruled.name:
            features[f"rule|{kind}"] = 1.0
            features[f"rule_type:{self.ruled.type}|{kind}"] = 1.0
        if not before and not option.spoke:
            features[f"unnamed_before|{kind}"] = 1.0
        if before:
            distance = self.sentence - self.index.sentence_of(before[-1])
            features[f"sentences|{kind}"] = math.log1p(max(0, distance))
            features["same_sentence"] = float(distance == 0)
            features["mentions"] = math.log1p(len(before))
            features["first_sentence"] = float(self.index.sentence_of(before[0]) == 0)
        else:
            features["named_after"] = float(bool(option.starts))
        if following is not None:
            distance = self.index.sentence_of(self.first_after(option)) - self.sentence
            features[f"following:{min(following, 2)}|{kind}"] = 1.0
            features[f"sentences_after|{kind}"] = math.log1p(max(0, distance))
        subjects = {self.index.sentence_of(s) for s in option.subjects if s < start}
        features["subject_before"] = float(self.sentence - 1 in subjects)
        features["subject_here"] = float(self.sentence in subjects)
        features["quoted_only"] = float(bool(before) and all(s in option.quoted for s in before))
        if option.spoke:
            features[f"spoke|{kind}"] = 1.0
        features[f"recent_speaker|{kind}"] = float(option.name in self.recent)
        features[f"last_speaker|{kind}"] = float(option.name == self.last)
        if self.gender and option.type == "PERSON":
            known = self.book.gender_of(option.name)
            features[f"gender:{'unknown' if not known else 'agree' if known == self.gender else 'clash'}"] = 1.0
        features[f"number:{self.plural == (option.plural or ';' in option.name)}|{kind}"] = 1.0
        if self.noun:
            features[f"noun_in_name|{kind}"] = float(self.noun in option.name.lower().split())
            features[f"type:{option.type}|{kind}:agent_noun"] = float(is_agent_noun(self.noun))
            features[f"described_as|{kind}"] = float(option.name == self.described)
            features[f"described_fully|{kind}"] = float(option.name == self.described_fully)
            features["holds_office"] = float(option.name == self.holder)
            roles = self.book.role_words_of(option.name)
            features[f"role_noun|{kind}"] = float(self.noun in roles)
            features[f"role_shared|{kind}"] = math.log1p(len(self.described_words & roles))
        features[f"inside_mention|{kind}"] = float(any(self.mention.start <= s < self.mention.end
                                                       for s in option.starts))
        if self.vector is not None and before:
            other = self._vector_of(before[-1])
            norm = float(self.vector_norm * numpy.linalg.norm(other))
            features[f"cosine|{kind}"] = float(self.vector @ other) / norm if norm else 0.0
        return features
