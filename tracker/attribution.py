"""Quotes-and-cues step: find every attributed statement in an annotated article.

Input: a stanza ``Document`` with UD dependencies (either engine). Output: ``Attribution``s, each with
its content pieces, kind (direct / indirect / mixed), cue and speaker mention. Rules cover both parse
shapes of reported speech: the cue as root with the content as ``ccomp`` (spaCy, and UD for indirect
speech), and UD's quote as root with the cue under ``parataxis``.
"""

import bisect
import re
from dataclasses import dataclass, field

from .cues import (CLAUSE_CUES, CORE_VERBS, DISCLOSING, DOCUMENTS, GENERIC, INFINITIVE_CUES, OBJECT_CUES,
                   SPEECH_VERBS, VERBS)
from .marks import CLOSERS, OPENERS, find_quotes, paragraphs

EDGE_PUNCT = set(",;:-—–") | {"--"}
NAME = r"(?:[A-Z][\w.'’-]*\s?){1,4}"
LABEL = re.compile(r"\s*[\"“]?(" + NAME + r")\s*:\s+(?=\S)")  # "Pence: ...", "WALLACE: ..."
DASH_SIGNATURE = re.compile(r"\s*([―—–]|--)\s*(" + NAME + r")(?=\s*(?:[,./]|$|\n))", re.M)
# nouns of saying and of stance: "Trump's claim that ...", "criticism of the plan from Democrats"
NOUN_CUES = {"claim", "statement", "comment", "remark", "criticism", "support", "opposition", "call", "warning",
             "promise", "pledge", "argument", "view", "belief", "assertion", "allegation", "accusation",
             "suggestion", "denial", "admission", "attack", "praise", "complaint", "testimony", "insistence",
             "demand", "threat", "vow", "concern", "question", "announcement", "prediction", "endorsement",
             "decision", "plan", "proposal", "refusal", "offer", "intention", "determination", "report",
             "conclusion", "contention", "assurance", "hope", "fear", "doubt", "suspicion", "worry", "theory",
             "message", "eagerness", "reluctance"}
# reporting verbs whose content comes after a preposition: "called for X", "railed against X"
PREPOSITIONAL_CUES = {
    "call": {"for", "on"}, "point": {"to"}, "rail": {"against"}, "speak": {"about", "of", "on", "out"},
    "talk": {"about"}, "argue": {"for", "against"}, "warn": {"of", "against", "about"}, "push": {"for"},
    "vote": {"for", "against"}, "campaign": {"for", "against", "on"}, "complain": {"about", "of"},
    "comment": {"on"}, "respond": {"to"}, "refer": {"to"}, "focus": {"on"}, "advocate": {"for"},
    "lash": {"at", "out"}, "agree": {"with", "on"}, "disagree": {"with"}, "object": {"to"}, "insist": {"on"},
    "testify": {"about", "on"}, "write": {"about", "of"}, "tweet": {"about"}, "boast": {"about", "of"},
    "brag": {"about"}, "joke": {"about"}, "worry": {"about"}, "hint": {"at"}, "press": {"for", "on", "about"},
    "appeal": {"for", "to"}, "ask": {"about"}, "question": {"about", "on"}, "plead": {"for"}, "pray": {"for"},
    "express": {"about"}, "weigh": {"in", "on"}, "rule": {"against", "on"}, "wonder": {"about"},
    "take": {"aim"}, "blame": {"on", "for"}, "accuse": {"of"}, "criticize": {"for"}, "praise": {"for"},
    "fault": {"for"}, "attack": {"for", "over"}, "slam": {"for", "over"}, "blast": {"for", "over"},
    "liken": {"to"}, "compare": {"to", "with"},
    "mock": {"for"}, "ridicule": {"for"}, "scold": {"for"}, "chastise": {"for"}, "rebuke": {"for"}, "hail": {"for"},
    "laud": {"for"}, "commend": {"for"}, "credit": {"for"}, "hit": {"for", "over"}, "knock": {"for"},
    "lambaste": {"for"}, "berate": {"for"}, "condemn": {"for"}, "denounce": {"for"},
    "thank": {"for"}, "apologize": {"for"}, "elaborate": {"on"}, "reflect": {"on"}, "dwell": {"on"},
}
# adjectives of belief, feeling and resolve, with what introduces their content: "is confident that X",
# "was critical of X", "is determined to X" ("that" stands for any clausal complement)
STANCE_ADJECTIVES = {
    "confident": {"that"}, "sure": {"that"}, "certain": {"that"}, "convinced": {"that"}, "afraid": {"that"},
    "hopeful": {"that"}, "adamant": {"that"}, "aware": {"that", "of"}, "worried": {"that", "about"},
    "concerned": {"that", "about"}, "optimistic": {"that", "about"}, "pessimistic": {"about"},
    "skeptical": {"that", "of", "about"}, "critical": {"of"}, "supportive": {"of"}, "wary": {"of"},
    "bullish": {"on", "about"}, "bearish": {"on", "about"}, "vocal": {"about"}, "outspoken": {"about"},
    "determined": {"to"}, "willing": {"to"}, "unwilling": {"to"}, "eager": {"to"}, "reluctant": {"to"},
}
# "painted X as Y", "rated the claim as false" (the tagger's lemma of "rated" is "rat")
DEPICTING = {"paint", "cast", "see", "regard", "depict", "frame", "picture", "view", "rate", "rat"}
# verbs whose passive reports its subject: the reporting verbs of the grammars ("was criticized by X") and
# verbs of regarding ("is widely considered a threat", "was viewed as weak", "was rated false")
PASSIVE_CUES = CORE_VERBS | {"consider", "view", "regard", "deem", "rate", "rat"}
COMPARING = {"liken", "compare"}  # "compared him to Nixon": both sides are what is said
RAISING = {"seem", "appear"}  # "X seems to ...": the content is X's seeming, said by no one
PASSIVE_COMPLEMENTS = {"as", "of", "with", "for"}  # "was described as", "was accused of", "was charged with"
ASPECTUAL = {"continue", "begin", "start", "keep", "go"}  # "continued to call for X": the speaker calls
CONCESSIVE = {"though", "although"}
SENTENCE_OPENERS = (".", "!", "?", ":", ",", "\n", '"', "”", "'", " and", " but", " or")  # what may precede a quote
REQUESTS = {"request", "inquiry", "call", "email", "message"}  # what a spokesman does (not) respond to
RECORDS = {"return"}  # what is released as a record of the releaser, not as a statement: "his tax returns"
GATHERINGS = {"meeting", "session", "summit", "conference", "recess"}  # what is called to meet
RELATIVE_SUBJECTS = {"that", "which", "who"}
CIRCUMSTANTIAL = {"during", "since", "after", "before", "at", "on", "amid", "despite"}  # when and where
TIME_WORDS = {"day", "week", "month", "year", "time", "hour", "minute", "night", "morning", "moment", "decade"}
NOT_SPEAKERS = {"note", "update", "updated", "related", "photo", "photos", "source", "sources", "read more",
                "correction", "editor's note", "transcript", "video", "watch", "q", "a", "advertisement",
                "caption", "credit", "image", "listen", "see also", "warning", "breaking", "exclusive",
                "live", "opinion", "analysis", "bottom line", "the bottom line", "editorial", "latest", "the latest"}
# sentence adverbs that link to what came before ("However, ...", "In addition, ..."): the writer's, not the speaker's
LINKING = {"however", "meanwhile", "moreover", "furthermore", "nonetheless", "nevertheless", "still", "instead",
           "besides", "additionally", "addition", "indeed", "also"}
ADDRESSING = {"tell", "inform", "assure", "remind", "email", "warn", "notify", "convince", "persuade"}  # told X that
DIRECTING = {"urge", "encourage", "advise", "invite", "implore", "exhort", "order", "instruct", "beg"}  # urged X to
EXPRESSED = {"about", "over", "at", "for", "regarding", "that"}  # "expressed concern about X"
NAMING = {"call", "label", "dub", "brand", "term"}  # "called the plan a disgrace"
DASHES = {"―", "—", "–", "--"}
TURNS = {"but", "however", "yet"}  # a quotation opening with one makes a point of its own
SUBJECTS = ("nsubj", "nsubj:outer", "csubj")
QUANTIFIERS = {"many", "most", "some", "few", "several", "both", "all", "none"}  # "many of them said"
SPEAKER_POS = {"PROPN", "NOUN", "PRON", "NUM", "X"}
# verbs whose object does what their complement says: "forced him to admit", "urged them to say"
OBJECT_CONTROL = {"force", "compel", "pressure", "press", "push", "get", "lead", "prompt", "drive", "cause", "urge",
                  "ask", "tell", "persuade", "convince", "encourage", "invite", "challenge", "dare", "order",
                  "require", "allow", "enable", "leave", "inspire", "provoke", "spur", "goad", "pressure"}
RECORDINGS = {"footage", "video", "tape", "recording", "clip", "image", "picture", "photo", "audio"}  # "footage of X"
WH_WORDS = {"how", "why", "what", "whether", "where", "when", "who", "which"}
PLEDGING = {"pledge", "promise", "vow", "commit", "swear", "threaten"}  # "refused to pledge to X": X is the content
# verbs whose bare passive, without a speaker or a complement, is no report: "were admitted", "is observed"
NOT_SAID_WHEN_PASSIVE = {"admit", "observe", "offer", "hear", "defend", "prove"}
PERSONAL = {"i", "you", "he", "she", "we", "they", "who"}
UNDERGONE = {"criticism", "question"}  # "faced criticism for X", "faced questions about X"
UNDERGOING = {"face", "draw", "come", "receive", "attract", "endure", "weather"}
ISSUING = {"issue", "file", "release", "publish", "submit", "post", "send", "circulate", "distribute"}
# nouns that only frame what is said: "the idea of X", "insights into X", "questions about X"
CONTAINERS = {"idea": {"of"}, "notion": {"of"}, "concept": {"of"}, "insight": {"into"}, "question": {"about"}}
POLLS = {"poll", "survey", "study", "census", "tally"}  # "In the latest poll, ..."
DISCUSSING = {"discuss", "debate"}  # verbs of talking something over
TAKING_UP = DISCUSSING | {"focus", "center", "centre", "concentrate", "revolve", "address", "cover"}  # a topic
# where something was said: "denounced the plan in a speech", "attacked her in tweets"
MEDIA = DOCUMENTS | {"remark", "comment", "interview", "diatribe", "tirade", "rant", "address", "appearance",
                     "testimony", "briefing", "conference", "debate", "hearing", "broadcast", "podcast", "show"}
# ... and the outlets it was said on: "attacked her on Twitter", "posted it on its website"
SAID_IN = MEDIA - {"speech", "interview"} | {"website", "site", "twitter", "facebook", "blog", "television", "radio"}


ABOUT = {"of", "about", "on", "for", "against"}  # what a nominal cue is about: "criticism of the plan"
# ... and "to" after these ("opposition to the plan"); after others it is the addressee ("a complaint to the board")
OPPOSING = {"opposition", "threat"}
CHOICES = {"decision", "choice"}  # nouns of choosing: a choice to act is no statement, one to speak is

# the small words a title leaves in lower case
TITLE_LOWERCASE = frozenset("a an the of in on at to for and or nor but by with from as vs".split())


@dataclass
class Mention:
    """Characters ``start:end`` of a span in the article, with the words it covers."""

    start: int
    end: int
    text: str
    sentence: int = -1
    word_ids: tuple = ()


@dataclass
class Attribution:
    """One attributed statement: content pieces, cue, speaker mention (None: not named)."""

    spans: list  # [(start, end)] content pieces in text order
    kind: str
    cue: Mention | None
    speaker: Mention | None
    sentence: int
    paragraph: int
    addressee: Mention | None = None
    follows: "Attribution | None" = None  # a quote with no cue of its own continues this one
    cue_lemma: str | None = None
    sources: list = field(default_factory=list)  # rules that found it

    @property
    def start(self):
        return self.spans[0][0]

    @property
    def end(self):
        return self.spans[-1][1]


class SentenceTree:
    """Dependency access for one stanza sentence."""

    def __init__(self, sentence, index):
        self.index = index
        self.words = sentence.words
        self.children = {w.id: [] for w in self.words}
        self.children[0] = []
        for w in self.words:
            self.children[w.head].append(w)
        self.start = self.words[0].start_char
        self.end = self.words[-1].end_char

    def word(self, word_id):
        return self.words[word_id - 1]

    def head(self, word):
        return self.word(word.head) if word.head else None

    def kids(self, word, *deprels):
        return [c for c in self.children[word.id] if not deprels or c.deprel in deprels]

    def subtree(self, word, exclude=()):
        """Words under ``word`` (itself included) not under any word in ``exclude``."""
        result, todo = [], [word]
        while todo:
            w = todo.pop()
            if w in exclude:
                continue
            result.append(w)
            todo.extend(self.children[w.id])
        return sorted(result, key=lambda w: w.id)


def _trimmed(words):
    while words and (words[0].upos == "PUNCT" and words[0].text in EDGE_PUNCT or words[0].deprel == "cc"):
        words = words[1:]
    while words and (words[-1].upos == "PUNCT" and words[-1].text not in "\"”’'»" or words[-1].deprel == "cc") \
            and not (words[-1].text == ")" and any(w.text == "(" for w in words)):
        words = words[:-1]
    return words


def _mention(words, text, sentence):
    words = _trimmed(sorted(words, key=lambda w: w.id))
    if not words:
        return None
    start, end = words[0].start_char, words[-1].end_char
    return Mention(start, end, text[start:end], sentence, tuple(w.id for w in words))


def _pieces(words):
    """Contiguous character pieces covered by ``words`` (gaps of more than one word split them)."""
    words = _trimmed(sorted(words, key=lambda w: w.id))
    pieces = []
    for w in words:
        if pieces and w.id == pieces[-1][2] + 1:
            pieces[-1] = (pieces[-1][0], w.end_char, w.id)
        else:
            pieces.append((w.start_char, w.end_char, w.id))
    return [(a, b) for a, b, _ in pieces]


def _cue_mention(tree, verb, text, preposition=None):
    """The cue as written: the verb with its auxiliaries, particles and content preposition ("has said",
    "pointed out", "called for")."""
    words = [verb] + tree.kids(verb, "aux", "aux:pass", "compound:prt")
    if preposition is not None and preposition.id == verb.id + 1:
        words.append(preposition)
    words = [w for w in words if abs(w.id - verb.id) <= 3]
    return _mention(words, text, tree.index)


class Finder:
    """Finds attributions in one document; ``run`` returns them in text order."""

    def __init__(self, document):
        self.document = document
        self.text = document.text
        self.trees = [SentenceTree(s, i) for i, s in enumerate(document.sentences)]
        self.quotes = find_quotes(self.text)
        self.paragraph_spans = paragraphs(self.text)

    def paragraph_of(self, offset):
        """Index of the paragraph holding ``offset`` (the last one past the end)."""
        ends = [end for _, end in self.paragraph_spans]
        return min(bisect.bisect_right(ends, offset), max(0, len(ends) - 1))

    def run(self):
        found = []
        for tree in self.trees:
            for word in tree.words:
                attribution = self.from_cue(tree, word)
                if attribution:
                    found.append(attribution)
        found = self.drop_nested(found)
        taken = {(a.start, a.end) for a in found}
        found.extend(a for a in self.from_layout() if not any(
            s < a.end and a.start < e for s, e in taken))
        found = [self.with_quotes(a) for a in found]
        found.extend(self.from_quotes(found, {a.cue.start for a in found if a.cue}))
        merged = self.merge_continuations(sorted(found, key=lambda a: a.start))
        unique = {}
        for attribution in merged:  # one statement per content: claim ids hash the content's offsets
            unique.setdefault((attribution.start, attribution.end), attribution)
        return list(unique.values())

    # --- cue-first rules ---------------------------------------------------------------
    def from_cue(self, tree, word):
        if word.lemma == "accord" and word.text.lower() == "according":
            return self.according_to(tree, word)
        if word.upos == "NOUN" and self.misread_verb(tree, word):
            return self.from_misread_verb(tree, word)
        if word.upos == "NOUN" and word.lemma in POLLS:
            return self.in_a_poll(tree, word)
        if word.upos == "NOUN" and word.lemma in NOUN_CUES:
            return self.from_noun(tree, word)
        if word.upos == "ADJ" and word.text.lower() in STANCE_ADJECTIVES:
            return self.from_adjective(tree, word)
        as_put_it = word.lemma == "put" and self.is_as_clause(tree, word)  # "as the minister put it"
        passive = bool(tree.kids(word, "nsubj:pass")) and word.lemma in PASSIVE_CUES
        if word.upos not in ("VERB", "AUX") or word.lemma not in VERBS and not as_put_it and not passive \
                and not self.is_depiction(tree, word) and not self.what_is_made_clear(tree, word):
            return self.from_quoted_label(tree, word) if word.upos == "VERB" else None
        if any(word.start_char in quote for quote in self.quotes):
            return None  # "I believe ..." inside a quotation belongs to the quotation's speaker
        if self.goes_without_saying(tree, word):
            return None
        if passive:
            return self.from_passive(tree, word)
        speaker = self.subject_of(tree, word)
        if speaker is None or self.is_question_to_you(tree, word, speaker) or self.is_implication(word, speaker) \
                or self.is_proposal(tree, speaker) or self.is_gathering_topic(tree, word, speaker):
            return None
        content, rule = self.content_of(tree, word, speaker)
        content = self.without_trailing_apposition(tree, self.through_possessive(tree, content))
        if rule in ("object", "preposition") and speaker.head != word.id and word.deprel != "conj" \
                and tree.head(word).lemma not in ASPECTUAL and not self.is_participle_remark(tree, word) \
                and not self.is_discussion_purpose(tree, word) and not self.is_said_by_its_noun(tree, word, speaker) \
                and not self.is_manner_of_acting(tree, word):
            return None  # a borrowed subject ("struggles to deliver a sound bite") is no speaker of an object
        pieces = _pieces(content)
        if not pieces and word.lemma in SPEECH_VERBS:
            pieces, rule = self.next_paragraph_after_colon(word), "colon"
        if not pieces:
            return None
        mention = None  # "Melania seems to have vanished": an impression, not a speaker's statement
        if rule != "raising":
            mention = _mention(self.restrictive_antecedent(tree, speaker) + tree.subtree(
                speaker, exclude=set(content) | {word} | set(tree.kids(speaker, "case"))), self.text, tree.index)
            if mention is None:
                return None
        return Attribution(
            spans=pieces, kind="indirect", speaker=mention, sentence=tree.index,
            cue=_cue_mention(tree, word, self.text, self.content_preposition(tree, content) if rule == "preposition"
                             else self.called_on_preposition(tree, word) if rule == "xcomp" else None),
            paragraph=self.paragraph_of(pieces[0][0]), addressee=self.addressee_of(tree, word),
            sources=[rule, "remark"] if self.is_participle_remark(tree, word) else [rule],
            cue_lemma=word.lemma)

    @staticmethod
    def is_depiction(tree, verb):
        """ "painted her rival as a crook", "saw the levy as a burden": a verb of depicting or regarding with an
        object and what it is held up "as"; both are what the subject says or thinks."""
        if verb.lemma not in DEPICTING:
            return False
        objects = [o for o in tree.kids(verb, "obj") if o.id > verb.id]
        return bool(objects) and any(
            x.id > objects[0].id and tree.subtree(x)[0].text.lower() == "as" and not tree.kids(x, *SUBJECTS)
            for x in tree.kids(verb, "obl", "advcl", "xcomp", "advmod"))

    @staticmethod
    def is_said_by_its_noun(tree, verb, speaker):
        """ "a tweet attacking X", "a statement announcing X": a participle on the document it describes is what
        the document says."""
        return verb.deprel == "acl" and verb.head == speaker.id and verb.xpos == "VBG" and speaker.lemma in DOCUMENTS

    @staticmethod
    def goes_without_saying(tree, verb):
        """ "It goes without saying that ...": the writer's idiom, nobody says it."""
        return verb.lemma == "say" and verb.deprel == "advcl" and verb.head and tree.head(verb).lemma == "go" \
            and any(c.lemma == "without" for c in tree.kids(verb, "mark", "case"))

    def from_passive(self, tree, verb):
        """A passive cue: "The plan was criticized by the union as unfair", "He was accused of lying". The
        subject is what is reported, the agent (if any) the speaker."""
        agents = [k for k in tree.kids(verb, "obl:agent", "obl") if k.id > verb.id
                  and any(c.text.lower() == "by" for c in tree.kids(k, "case"))] or self.issuing_document(tree, verb)
        content = tree.subtree(tree.kids(verb, "nsubj:pass")[0])
        bare = not agents
        for extra in tree.kids(verb, "ccomp", "xcomp", "obl", "advcl", "advmod"):
            span = tree.subtree(extra, exclude=set(agents))
            if extra.id > verb.id and extra not in agents and not self.is_time(extra) and (
                    extra.deprel in ("ccomp", "xcomp") or span[0].text.lower() in PASSIVE_COMPLEMENTS
                    and any(w.upos not in ("ADP", "ADV") for w in span)  # not a bare "as well as"
                    or self.is_comparison(tree, extra)):
                content += span
                bare = False
        if bare and verb.lemma in NOT_SAID_WHEN_PASSIVE:
            return None  # "refugees were admitted", "the holiday is observed", "gunshots are heard"
        pieces = _pieces(content)
        speaker = None
        if agents:
            speaker = _mention([w for w in tree.subtree(agents[0]) if not (w.head == agents[0].id
                                and w.deprel == "case")], self.text, tree.index)
        if not pieces:
            return None
        return Attribution(
            spans=pieces, kind="indirect", cue=_cue_mention(tree, verb, self.text), speaker=speaker,
            sentence=tree.index, paragraph=self.paragraph_of(pieces[0][0]), sources=["passive"],
            cue_lemma=verb.lemma)

    @staticmethod
    def what_is_made_clear(tree, verb):
        """ "made it clear that X", "made clear she would X": the clause of "clear" after a verb of making is what
        its subject states."""
        if verb.lemma != "make":
            return None
        return next((clause for clear in tree.kids(verb, "ccomp", "xcomp") if clear.lemma == "clear"
                     for clause in tree.kids(clear, "ccomp", "advcl") if clause.id > clear.id
                     and tree.kids(clause, *SUBJECTS, "nsubj:pass")), None)

    @staticmethod
    def is_manner_of_acting(tree, verb):
        """ "avoided condemning X", "steered clear of criticizing X": a grammar's reporting verb as a gerund
        under a verb tells what that verb's subject does, unless an object comes between ("talked them into
        believing X": they believe)."""
        head = tree.head(verb)
        return verb.lemma in CORE_VERBS and verb.xpos == "VBG" and verb.deprel in ("advcl", "xcomp") \
            and head.upos == "VERB" and not any(o.id < verb.id for o in tree.kids(head, "obj"))

    @staticmethod
    def is_comparison(tree, phrase):
        """ "..., compared to 11% of the others": a comparison after what is said completes it."""
        return any(c.lemma == "compare" and c.deprel == "case" and c.id < phrase.id for c in tree.kids(phrase, "case"))

    @staticmethod
    def issuing_document(tree, verb):
        """ "was documented in the film", "were detailed in a lawsuit": the document a passive cue says something in
        is the one saying it."""
        return [k for k in tree.kids(verb, "obl") if k.id > verb.id and k.lemma in DOCUMENTS
                and [c.text.lower() for c in tree.kids(k, "case")] == ["in"]][:1]

    @staticmethod
    def misread_verb(tree, noun):
        """ "Smith charges that ...", "But Smith claims that ...", "The Roe campaign plans to ...": a reporting verb
        in the present read as a plural noun with the speaker as its compound; the sentence's head, followed by its
        complement (``misread_complement``)."""
        if noun.deprel != "root" or noun.lemma not in VERBS or noun.xpos != "NNS" \
                or not noun.text.lower().endswith("s") or noun.id < 2:
            return False
        before = tree.words[noun.id - 2]
        return before.head == noun.id and before.deprel == "compound" and before.upos in ("PROPN", "NOUN") \
            and Finder.misread_complement(tree, noun) is not None

    @staticmethod
    def misread_complement(tree, noun):
        """The content of a misread verb: a "that" clause after a verb of saying, or a to-infinitive after a verb
        of intending when its compound names someone ("Sanders Vows To ...", not "Peace talks to resume")."""
        if noun.lemma in CLAUSE_CUES and Finder.that_clauses(tree, noun):
            return Finder.that_clauses(tree, noun)[0]
        before = tree.words[noun.id - 2]
        named = before.upos == "PROPN" or any(c.upos == "PROPN" for c in tree.kids(before, "compound"))
        return next((c for c in tree.kids(noun, "xcomp", "advcl") if c.id > noun.id and named
                     and noun.lemma in INFINITIVE_CUES and [m.text.lower() for m in tree.kids(c, "mark", "aux")
                                                            if m.id < c.id][:1] == ["to"]), None)

    @staticmethod
    def that_clauses(tree, word):
        return [c for c in tree.kids(word, "ccomp", "acl", "acl:relcl") if c.id > word.id
                and [m.text.lower() for m in tree.kids(c, "mark") if m.id < c.id][:1] == ["that"]]

    def from_misread_verb(self, tree, noun):
        if any(noun.start_char in quote for quote in self.quotes):
            return None
        speaker = _mention(tree.subtree(tree.words[noun.id - 2]), self.text, tree.index)
        pieces = _pieces(tree.subtree(self.misread_complement(tree, noun)))
        if speaker is None or not pieces:
            return None
        return Attribution(
            spans=pieces, kind="indirect", cue=_mention([noun], self.text, tree.index), speaker=speaker,
            sentence=tree.index, paragraph=self.paragraph_of(pieces[0][0]), sources=["misread-verb"],
            cue_lemma=noun.lemma)

    def from_noun(self, tree, noun):
        """A nominal cue: "Trump's claim that ...", "criticism of the plan from Democrats"."""
        if any(noun.start_char in quote for quote in self.quotes):
            return None  # "our support for X" inside a quotation belongs to the quotation
        speakers = [c for c in tree.kids(noun, "nmod:poss") if c.upos in ("PROPN", "NOUN", "PRON")] + [
            c for c in tree.kids(noun, "nmod") if c.id > noun.id and c.upos in ("PROPN", "NOUN")
            and any(k.text.lower() in ("from", "by") for k in tree.kids(c, "case"))]
        if not speakers and self.that_clauses(tree, noun):  # "a New York Times report that ..."
            speakers = [c for c in tree.kids(noun, "compound") if c.upos == "PROPN" and c.id == noun.id - 1]
        undergone = self.undergone(tree, noun)
        if not speakers and undergone is None:
            return None
        speaker = speakers[0] if speakers else None
        content = []
        for child in tree.kids(noun, "acl", "ccomp", "nmod") + self.that_clauses(tree, noun):
            cases = [k.text.lower() for k in tree.kids(child, "case", "mark", "aux")]
            if child is speaker or child.id < noun.id or self.is_time(child):
                continue
            if child.deprel in ("acl", "ccomp", "acl:relcl") and ("that" in cases or "to" in cases and child.upos == "VERB") \
                    or child.deprel == "nmod" and set(cases) & (ABOUT | {"to"} if noun.lemma in OPPOSING else ABOUT):
                if noun.lemma in CHOICES and "to" in cases and child.lemma not in CORE_VERBS:
                    return None  # "Britain's decision to leave the union" is an act; "to endorse her" is said
                content = tree.subtree(child, exclude={speaker})
                if child.deprel == "nmod":
                    content = [w for w in content if not (w.head == child.id and w.deprel == "case")]
                break
        if not content and undergone is not None:  # "faced criticism for failing to act": what is criticised
            content = next((tree.subtree(c, exclude={m for m in tree.kids(c, "mark")}) for c in tree.kids(
                noun, "acl") if c.id > noun.id and [m.text.lower() for m in tree.kids(c, "mark")] == ["for"]),
                tree.subtree(undergone))  # "Lauer faced heavy criticism": he is
        pieces = _pieces(content)
        mention = _mention([w for w in tree.subtree(speaker) if not (w.head == speaker.id and w.deprel == "case")],
                           self.text, tree.index) if speaker is not None else None
        if not pieces or mention is None and speaker is not None:
            return None
        return Attribution(
            spans=pieces, kind="indirect", cue=_mention([noun], self.text, tree.index), speaker=mention,
            sentence=tree.index, paragraph=self.paragraph_of(pieces[0][0]), sources=["noun"], cue_lemma=noun.lemma)

    def from_adjective(self, tree, adjective):
        """A predicate adjective of stance: "Roe is confident that X", "he was critical of X", "the union is
        willing to X"; its subject holds the stance."""
        if not tree.kids(adjective, "cop") or any(adjective.start_char in quote for quote in self.quotes):
            return None
        speaker = self.subject_of(tree, adjective)
        if speaker is None or speaker.deprel == "csubj" or speaker.text.lower() == "it":
            return None  # "It is certain that X": no one holds it
        introducers = STANCE_ADJECTIVES[adjective.text.lower()]
        for child in tree.kids(adjective, "ccomp", "xcomp", "obl", "advcl"):
            marks = [m for m in tree.kids(child, "mark", "case", "aux") if m.id < child.id]
            first = marks[0].text.lower() if marks else None
            if child.id < adjective.id or not (
                    child.deprel == "ccomp" and "that" in introducers or first in introducers - {"that"}):
                continue
            preposition = marks[0] if child.deprel in ("obl", "advcl") else None  # "critical of": not content
            pieces = _pieces([w for w in tree.subtree(child) if w is not preposition])
            mention = _mention(tree.subtree(speaker, exclude={adjective}), self.text, tree.index)
            if not pieces or mention is None:
                return None
            return Attribution(
                spans=pieces, kind="indirect", speaker=mention, sentence=tree.index,
                cue=_cue_mention(tree, adjective, self.text, preposition),
                paragraph=self.paragraph_of(pieces[0][0]), sources=["adjective"], cue_lemma=adjective.lemma)
        return None

    @staticmethod
    def undergone(tree, noun):
        """ "X faced criticism", "X came under fire for Y", "X is drawing questions": the subject of a verb of
        undergoing that takes a noun of criticism or questioning; the critics go unnamed (or come "from")."""
        if noun.lemma not in UNDERGONE or not noun.head or noun.deprel not in ("obj", "obl") \
                or noun.lemma == "question" and noun.xpos != "NNS":  # "faced this question": no one asks
            return None
        verb = tree.head(noun)
        cases = [c.text.lower() for c in tree.kids(noun, "case")]
        if verb.lemma not in UNDERGOING or (cases != ["under"] if verb.lemma == "come" else bool(cases)):
            return None
        subjects = [k for k in tree.kids(verb, "nsubj") if k.upos in SPEAKER_POS  # "the claim drew criticism":
                    and k.lemma not in NOUN_CUES | DOCUMENTS]  # the claim is the statement to report
        return subjects[0] if subjects else None

    def next_paragraph_after_colon(self, verb):
        """ "Limbaugh added:" closing its paragraph: the next paragraph is the content."""
        rest = self.text[verb.end_char:]
        if not rest.lstrip(" ").startswith(":") or rest.lstrip(" :")[:1] != "\n":
            return []
        following = [p for p in self.paragraph_spans if p[0] > verb.end_char]
        return [following[0]] if following else []

    def mention_at(self, start, end):
        """A ``Mention`` for the characters ``start:end`` with the words of its sentence inside them."""
        index = self.sentence_of(start)
        words = [w for w in self.trees[index].words if start <= w.start_char and w.end_char <= end]
        return Mention(start, end, self.text[start:end], index, tuple(w.id for w in words))

    def from_layout(self):
        """Attributions marked by layout, not grammar: "Name: statement" opening a paragraph
        (headlines, transcripts) and '"..." ― Name' closing one."""
        found = []
        for start, end in self.paragraph_spans:
            match = LABEL.match(self.text, start, end)
            if match and match.group(1).strip().lower() not in NOT_SPEAKERS:
                rest = self.text[match.end():end]
                content = (match.end(), end - len(rest) + len(rest.rstrip(" .")))
                if content[1] - content[0] > 10:
                    found.append(Attribution(
                        spans=[content], kind="indirect", cue=Mention(match.end(1), match.end(1) + 1, ":"),
                        speaker=self.mention_at(match.start(1), match.end(1)), sentence=self.sentence_of(start),
                        paragraph=self.paragraph_of(start), sources=["label"]))
        for quote in self.quotes:
            match = DASH_SIGNATURE.match(self.text, quote.end)
            if match:
                found.append(Attribution(
                    spans=[(quote.start, quote.end)], kind="direct",
                    cue=Mention(match.start(1), match.end(1), match.group(1)),
                    speaker=self.mention_at(match.start(2), match.end(2)), sentence=self.sentence_of(quote.start),
                    paragraph=self.paragraph_of(quote.start), sources=["dash"]))
        return found

    def subject_of(self, tree, verb):
        """The speaker word: the verb's subject, or the subject of the verb it is coordinated with. A
        subject inside quotation marks is the parse's misreading of the quote, not the speaker."""
        quoted = any(verb.start_char in quote for quote in self.quotes)
        node = verb
        for _ in range(3):
            subjects = [w for w in tree.kids(node, *SUBJECTS) if (w.upos in SPEAKER_POS or w.deprel == "csubj"
                                                                  or self.is_nominal_subject(w))
                        and any(c.isalnum() for c in w.text)
                        and (quoted or not any(w.start_char in quote for quote in self.quotes))]
            if subjects:  # the nearest: in '"People like Scott," he said' the parse makes both subjects
                return min(subjects, key=lambda w: abs(w.id - verb.id))
            if node.deprel in ("conj", "xcomp", "advcl") and node.head:
                head = tree.head(node)
                controller = self.object_controller(tree, node, head) if node.deprel == "xcomp" else None
                if controller is not None:
                    return controller
                if (node.deprel == "conj" and node.xpos != "VB" or self.is_participle_remark(tree, node)) \
                        and node.lemma in VERBS and head.deprel in ("ccomp", "advcl") and head.head \
                        and not self.is_subordinate_clause(tree, head) \
                        and tree.head(head).lemma in VERBS:
                    head = tree.head(head)  # "X said A and warned B", "X said A, citing B": joined to A (a bare
                    # "they should change A rather than criticize B" shares A's modal and subject)
                if self.is_predicate_of_manner(tree, node, head):
                    node = head  # "was quick to note that X": the subject of "quick" notes
                    continue
                node = head
                if node.upos not in ("VERB", "AUX"):
                    return None
                continue
            if node.deprel == "acl" and node.head:  # "a statement calling ..."
                head = tree.head(node)
                if node is verb and node.xpos == "VBN":  # "veterans invited to speak": the noun is acted on
                    return None
                above = tree.head(head) if head.deprel in ("obj", "obl") else None
                if above is not None and above.upos in ("VERB", "AUX") and head.upos == "NOUN" \
                        and head.lemma not in DOCUMENTS and node.id > head.id:
                    return self.subject_of(tree, above)  # "said at a news conference announcing ...",
                    # "set up a policy urging ...": the participle goes on with the clause's subject
                return head if head.upos in ("NOUN", "PROPN") else None
            return None
        return None

    @staticmethod
    def is_predicate_of_manner(tree, xcomp, head):
        """ "was quick to note", "has been slow to embrace", "was able to tout": a predicate adjective whose
        infinitive is done by the adjective's subject (not an expletive "it": "it is hard to say")."""
        return xcomp.deprel == "xcomp" and head.upos == "ADJ" and bool(tree.kids(head, "cop")) \
            and not any(s.text.lower() == "it" for s in tree.kids(head, *SUBJECTS, "expl"))

    @staticmethod
    def is_subordinate_clause(tree, clause):
        """An adverbial clause with a subject of its own and a conjunction other than "that" ("after she attacked
        A and blamed B"): what is joined to it is done by its subject."""
        return clause.deprel == "advcl" and bool(tree.kids(clause, *SUBJECTS)) \
            and any(m.text.lower() != "that" for m in tree.kids(clause, "mark"))

    @staticmethod
    def restrictive_antecedent(tree, speaker):
        """Words of the noun phrase a subject "that" restricts ("another mining company that had declared ...",
        "a super PAC that intends ..."): "that" alone names nobody, so the mention runs from the noun phrase
        through it."""
        clause = tree.head(speaker)
        if speaker.text.lower() != "that" or not speaker.deprel.startswith("nsubj") or clause is None \
                or clause.deprel != "acl:relcl" or not clause.head:
            return []
        noun = tree.head(clause)
        if noun.upos not in ("NOUN", "PROPN") or noun.id > speaker.id:
            return []
        words = [w for w in tree.subtree(noun, exclude={clause, *tree.kids(noun, "appos", "case")})
                 if w.id < speaker.id]
        return words if [w.id for w in words] == list(range(words[0].id, speaker.id)) else []

    @staticmethod
    def is_discussion_purpose(tree, verb):
        """ "met with the minister to discuss the talks", "called a meeting to discuss the test": a meeting's
        purpose clause tells what its subject talked about."""
        return verb.lemma in DISCUSSING and verb.deprel in ("advcl", "xcomp") \
            and any(m.text.lower() == "to" for m in tree.kids(verb, "mark", "aux"))

    def object_controller(self, tree, xcomp, head):
        """Who does what an object-control verb's complement says: "forced the CEO to admit ...", "left many
        nations feeling that ...", "footage of the candidate asking ..." (the one shown, not the footage)."""
        objects = [o for o in tree.kids(head, "obj") if o.id < xcomp.id and o.upos in ("NOUN", "PROPN", "PRON")
                   and not self.is_time(o)]
        if not objects or not (xcomp.xpos == "VBG" or head.lemma in OBJECT_CONTROL):
            return None
        shown = [n for n in tree.kids(objects[0], "nmod") if objects[0].lemma in RECORDINGS
                 and n.upos in ("PROPN", "NOUN", "PRON") and any(c.lemma == "of" for c in tree.kids(n, "case"))]
        return (shown or objects)[0]

    @staticmethod
    def is_nominal_subject(word):
        """A subject the tagger did not tag as a noun: a quantifier standing for people ("many of them say",
        "most of whom announced") or a name read as a verb ("Trump this week said")."""
        return word.lemma.lower() in QUANTIFIERS and word.upos in ("ADJ", "DET") \
            or word.upos == "VERB" and word.text[:1].isupper() and word.text[1:].islower()

    def content_of(self, tree, verb, speaker):
        """Content words of a cue verb and the rule that found them."""
        exclude = {verb, speaker}
        clauses = [c for c in tree.kids(verb, "ccomp", "csubj") if c is not speaker] or [
            c for c in tree.kids(verb, "dep", "parataxis", "nsubj") if c.id < speaker.id and c.upos != "PUNCT"
            and (c.deprel != "nsubj" or verb.lemma in SPEECH_VERBS and tree.words[speaker.id - 2].text == ",")]
        clauses = [c for c in clauses if not (self.before_a_break(tree, c, verb) or self.is_lead_in(tree, c, verb))] \
            or self.clause_after_addressee(tree, verb) or self.clause_after_adjunct(tree, verb)
        relative = self.misread_relative(tree, verb, clauses)
        if relative:
            return [w for w in relative if w not in exclude], "object"
        clarified = self.what_is_made_clear(tree, verb)
        if clarified:
            return tree.subtree(clarified, exclude=exclude), "ccomp"
        if verb.lemma in CLAUSE_CUES and clauses:
            words = []
            for clause in clauses:
                words += tree.subtree(clause, exclude=exclude | set(self.side_remarks(tree, clause)))
            words += self.reason_after_content(tree, verb, words)
            words += self.clause_joined_to_content(tree, verb, words)
            return self.without_opening(tree, self.before_semicolon(words, verb)), "ccomp"
        if self.is_as_clause(tree, verb):
            if verb.lemma in RAISING:
                return [], None  # "as odd as it may seem": how things look, nobody says it
            root = tree.head(verb)  # "As the minister put it, the talks failed"
            return [w for w in tree.subtree(root, exclude={verb}) if w is not speaker], "as-clause"
        if verb.lemma == "call" and verb.deprel == "parataxis" and tree.kids(verb, "xcomp") \
                and tree.words[verb.id - 2].text == ",":  # "His group, called the Land Fund, will ...": a name
            return [], None
        if verb.deprel == "parataxis" and verb.lemma in CLAUSE_CUES and verb.head:
            root = tree.head(verb)
            while root.id < verb.id < root.head:  # "The difference now, he said, is that ...": the parse hangs
                root = tree.head(root)  # the cue on the subject it interrupts; the content is the whole clause
            words = [w for w in tree.subtree(root, exclude={verb}) if w.upos != "PUNCT" or w.id != root.id]
            return [w for w in words if w is not speaker], "parataxis"
        if verb.lemma in INFINITIVE_CUES:
            for xcomp in tree.kids(verb, "xcomp") + self.infinitive_after_addressee(tree, verb):
                if any(c.deprel == "mark" and c.lemma == "to" or c.text.lower() == "to" for c in tree.kids(xcomp)):
                    if xcomp.lemma in DISCLOSING and not tree.kids(verb, "obj"):  # "refused to disclose X": X
                        words, rule = self.content_of(tree, xcomp, speaker)
                        if rule in ("ccomp", "object"):
                            return words, rule
                    if xcomp.lemma in PLEDGING and not tree.kids(verb, "obj"):  # "refused to pledge to X": X
                        words, rule = self.content_of(tree, xcomp, speaker)
                        if rule == "xcomp":
                            return words, rule
                    if verb.lemma in RAISING and speaker.id < verb.id:
                        return tree.subtree(speaker) + tree.subtree(xcomp, exclude=exclude), "raising"
                    words = tree.subtree(xcomp, exclude=exclude)
                    for conj in tree.kids(verb, "conj"):  # "agreed to share X and rely on Y": the parse's
                        if conj.id > xcomp.id and (conj.xpos == "VB" or conj.xpos == "VBP" and verb.xpos != "VBP") \
                                and not tree.kids(conj, *SUBJECTS):
                            words += tree.subtree(conj, exclude=exclude)  # base form goes on the infinitive
                            words += [c for c in tree.kids(verb, "cc") if xcomp.id < c.id < conj.id]  # its "and"
                    if verb.lemma != "ask":  # "urged Congress to act": who is urged belongs to the content
                        for obj in tree.kids(verb, "obj"):
                            if obj.id < xcomp.id:
                                words += tree.subtree(obj, exclude=exclude)
                    words += self.called_on(tree, verb, xcomp)
                    return words, "xcomp"
        if verb.lemma in CORE_VERBS and verb.lemma not in ASPECTUAL:  # "admitted using the code"
            for xcomp in tree.kids(verb, "xcomp"):
                if xcomp.xpos == "VBG" and xcomp.id > verb.id:
                    return tree.subtree(xcomp, exclude=exclude), "gerund"
        if verb.lemma in CLAUSE_CUES:  # "said as much": the content is the earlier statement it points to
            for much in tree.kids(verb, "advmod", "obj"):
                before = tree.words[much.id - 2]
                if much.text.lower() == "much" and much.id == verb.id + 2 and before.text.lower() == "as" \
                        and before.head == much.id and not any(c.text.lower() == "as" for c in tree.subtree(much)[2:]):
                    return [before, much], "as-much"
        pointed = self.what_is_said_of(tree, verb)
        if pointed:
            return [w for w in pointed if w not in exclude], "said-of"
        named = self.what_is_named(tree, verb)
        if named:
            return [w for w in named if w not in exclude], "object"
        prepositional = self.prepositional_content(tree, verb)
        if (verb.lemma in OBJECT_CUES or self.is_depiction(tree, verb)) and verb.lemma not in ("say", "tell", "ask"):
            for obj in tree.kids(verb, "obj"):
                if verb.lemma == "find" and (obj.lemma == "way" or obj.text.lower().endswith(("self", "selves"))):
                    continue  # "found a way to ...", "find themselves in ...": no finding reported
                if verb.lemma == "call" and obj.lemma in GATHERINGS:
                    continue  # "called an emergency meeting": convened, not said
                if verb.lemma == "consider":
                    continue  # "considered the matter": weighed, not said ("considered him a rival" is a clause)
                if verb.lemma in ISSUING and obj.lemma in RECORDS or verb.lemma == "release" and any(
                        c.lemma == "from" for o in tree.kids(verb, "obl") if o.id > obj.id
                        for c in tree.kids(o, "case")):
                    continue  # "released his tax returns", "released them from liability": nothing is said
                if obj.upos in ("NOUN", "PROPN", "PRON", "NUM") and not (prepositional and prepositional.id < obj.id):
                    stated = self.what_is_expressed(tree, verb, obj) or self.what_the_document_says(tree, verb, obj)
                    if stated:
                        return stated, "object"
                    words = tree.subtree(obj, exclude=exclude | set(self.trailing_asides(tree, obj)))
                    for second in tree.kids(verb, "obj"):  # "shows her ahead 3 points": the parse's second
                        if tree.subtree(second)[0].id == words[-1].id + 1 and obj.upos == "PRON":  # object completes
                            words += tree.subtree(second, exclude=exclude)  # the first
                    for extra in tree.kids(verb, "xcomp", "obl", "advmod", "advcl"):  # "condemned the test as ..."
                        span = tree.subtree(extra, exclude=exclude | set(self.trailing_asides(tree, extra)))
                        first = span[0].text.lower()
                        if extra.id > obj.id and (extra.deprel == "xcomp" or first in PREPOSITIONAL_CUES.get(
                                verb.lemma, ()) or first == "as" and not tree.kids(extra, *SUBJECTS)
                                or extra.deprel == "obl" and span[0].id == max(w.id for w in words) + 1
                                and first not in CIRCUMSTANTIAL and not self.is_time(extra)
                                or self.describes_the_object(tree, extra, words) or self.is_comparison(tree, extra)):
                            if obj.upos == "PRON" and obj.xpos not in ("WDT", "WP") and verb.lemma not in COMPARING \
                                    and first in PREPOSITIONAL_CUES.get(verb.lemma, ()):
                                return span[1:], "object"  # "accused her of lying": what she is accused of
                            words += span
                    words = self.without_medium(tree, words, obj)
                    return words + self.coordinated_object(tree, verb, words, exclude), "object"
        if prepositional is not None:
            cases = tree.kids(prepositional, "case", "mark")
            if verb.lemma == "respond" and prepositional.lemma in REQUESTS:  # "did not respond to requests
                return tree.subtree(prepositional, exclude=exclude), "object"  # for comment": the reply withheld
            words = tree.subtree(prepositional, exclude=exclude | set(cases))
            return words + self.coordinated_object(tree, verb, words, exclude), "preposition"
        return [], None

    @staticmethod
    def describes_the_object(tree, clause, words):
        """ "disclosed the specter of her husband making millions", "found 31 cases among the ballots cast": a
        participle that the parse hangs on the cue verb right after its object, with no comma or subject of its
        own, describes the object."""
        span = tree.subtree(clause)
        return clause.deprel == "advcl" and clause.xpos in ("VBG", "VBN") and span[0] is clause \
            and clause.id == max(w.id for w in words) + 1 and clause.lemma not in VERBS \
            and not tree.kids(clause, *SUBJECTS, "nsubj:pass", "mark")

    @staticmethod
    def is_gathering_topic(tree, verb, speaker):
        """ "The summit focused on trade", "a meeting that discussed the crisis": what a gathering took up, which
        nobody said."""
        clause = tree.head(speaker)
        noun = tree.head(clause) if speaker.text.lower() in RELATIVE_SUBJECTS and clause.deprel == "acl:relcl" \
            else speaker
        return verb.lemma in TAKING_UP and noun.lemma.lower() in GATHERINGS | {"talks", "hearing", "forum"}

    @staticmethod
    def is_implication(verb, speaker):
        """ "The losses mean he paid no tax", "that means ...": what a fact implies, not what anyone said
        ("I mean ...", "Smith meant that ..." are said)."""
        return verb.lemma == "mean" and verb.xpos != "VBG" and speaker.upos != "PROPN" and not (
            speaker.upos == "PRON" and speaker.text.lower() in PERSONAL)

    @staticmethod
    def is_proposal(tree, speaker):
        """ "Let's say you save $100", "let's focus on X": the writer proposes it to the reader; nobody says it."""
        clause = tree.head(speaker)
        return speaker.lemma.lower() == "us" and clause is not None and clause.head and tree.head(clause).lemma == "let"

    @staticmethod
    def is_question_to_you(tree, verb, speaker):
        """ "Would you vote for her?", "What do you expect?": a question put to the reader or listener asks
        what they would say; it reports nothing they said."""
        return speaker.text.lower() == "you" and any(
            a.id < speaker.id for a in tree.kids(verb, "aux", "aux:pass", "cop"))

    @staticmethod
    def through_possessive(tree, words):
        """A content that stops right before a possessive "'s" was cut inside a noun phrase by the parse
        ("as examples of the nominee’s disrespect for women"): it goes on through the possessed noun."""
        if not words:
            return words
        last = max(w.id for w in words)
        if last + 1 >= len(tree.words):
            return words
        mark, noun = tree.words[last], tree.words[last + 1]
        if mark.xpos != "POS" or mark in words or noun in words or noun.upos not in ("NOUN", "ADJ", "PROPN"):
            return words
        span = tree.subtree(noun)
        if span[0] is not noun or any(w in words for w in span):
            return words
        return words + [mark] + span

    @staticmethod
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

    @staticmethod
    def what_is_said_of(tree, verb):
        """ "said the same thing", "said the same of X": the content points to another statement; "hasn't said
        much about X": X is what is (not) said."""
        if verb.lemma not in SPEECH_VERBS or tree.kids(verb, "ccomp"):
            return []
        for word in tree.kids(verb, "obj", "advmod"):
            if word.id <= verb.id:
                continue
            span = tree.subtree(word)
            commas = [w.id for w in span if w.text == "," and w.id > word.id]
            span = [w for w in span if not commas or w.id < commas[0]]  # "the same thing, including X"
            if word.lemma == "same" or any(c.lemma == "same" for c in tree.kids(word, "amod")):
                after = [o for o in tree.kids(verb, "obl") if o.id == span[-1].id + 2
                         and [c.text.lower() for c in tree.kids(o, "case")] == ["of"]]
                return span + (tree.subtree(after[0]) if after else [])
            if word.text.lower() in ("much", "little", "nothing", "anything"):
                about = [o for o in tree.kids(verb, "obl") + tree.kids(word, "nmod", "advcl", "acl")
                         if o.id > word.id and any(c.text.lower() == "about" and c.id == word.id + 1
                                                   for c in tree.kids(o, "case", "mark"))]
                if about:
                    return [w for w in tree.subtree(about[0]) if w.id > word.id + 1]
        return []

    @staticmethod
    def coordinated_object(tree, verb, words, exclude):
        """ "emphasized economic fairness, and a need to raise wages", "mentioned refinancing loans and forcing
        colleges to ...": the parse may join the second object to the verb (or the verb above it) as if it
        were a clause; a noun, or a gerund with no subject, right after the object and "and"/"or" goes on it
        (a reporting verb there, "touting X and saying Y", starts a statement of its own)."""
        end = max(w.id for w in words)
        for head in (verb, tree.head(verb)):
            for conj in tree.kids(head, "conj") if head is not None else []:
                span = tree.subtree(conj, exclude=exclude)
                if not span or conj.id < end:
                    continue
                if span[0].deprel != "cc" and span[0].id > 1 and tree.words[span[0].id - 2].deprel == "cc":
                    span = [tree.words[span[0].id - 2]] + span
                between = [w.text for w in tree.words[end:span[0].id - 1]]
                question = len(span) > 1 and span[1].text.lower() in WH_WORDS  # "spoke of X, and how Y"
                if span[0].id > end and between in ([], [","]) and span[0].text.lower() in ("and", "or") \
                        and (conj.upos in ("NOUN", "PROPN") or question or conj.xpos == "VBG"
                             and conj.lemma not in CORE_VERBS and not tree.kids(conj, *SUBJECTS, "aux")):
                    return tree.words[end:span[0].id - 1] + span
        return []

    def called_on_preposition(self, tree, verb):
        """The preposition right after a cue verb that takes who is called on ("called on", "called for"), not
        one of time ("agreed on Wednesday to press for talks")."""
        after = tree.words[verb.id] if verb.id < len(tree.words) else None
        if after is not None and after.text.lower() in PREPOSITIONAL_CUES.get(verb.lemma, ()) \
                and (after.deprel == "compound:prt" or after.deprel == "case" and not self.is_time(tree.head(after))):
            return after
        return None

    def called_on(self, tree, verb, xcomp):
        """ "called on Congress to act", "called for women to vote": who is called on belongs to the content
        (the parse hangs them on the preposition or on the verb)."""
        after = self.called_on_preposition(tree, verb)
        if after is None:
            return []
        heads = [tree.head(after)] if after.deprel == "case" else tree.kids(after)
        return [w for head in heads if head is not None and verb.id < head.id < xcomp.id
                for w in tree.subtree(head) if w is not after]

    @staticmethod
    def what_is_named(tree, verb):
        """ "called the senator a liar": the parse may read both nouns as predicates of the verb, with no
        object; who is named and what they are called are the content."""
        if verb.lemma not in NAMING or tree.kids(verb, "obj", "ccomp") or verb.deprel == "acl":
            return []
        named = [x for x in tree.kids(verb, "xcomp") if x.id > verb.id and x.upos in ("NOUN", "PROPN", "PRON", "ADJ")]
        if len(named) < 2:
            return []
        return [w for x in named for w in tree.subtree(x)]

    @staticmethod
    def what_the_document_says(tree, verb, obj):
        """ "issued a statement calling X a violation", "filed a motion to unseal the records": a document put
        out is what speaks; what it calls, opposes or asks for is the content."""
        if verb.lemma not in ISSUING or obj.lemma not in DOCUMENTS | {"paper"}:
            return []
        for acl in tree.kids(obj, "acl"):
            span = tree.subtree(acl)
            if acl.id < obj.id or span[0].id > tree.subtree(obj)[-1].id or tree.kids(acl, "nsubj", "nsubj:pass"):
                continue
            if acl.xpos == "VBG" and span[0] is acl and len(span) > 1:  # "a paper welcoming X": X
                return span[1:]
            if span[0].text.lower() == "to" and span[1] is acl:  # "a motion to unseal X"
                return span
        return []

    @staticmethod
    def what_is_expressed(tree, verb, obj):
        """ "expressed concern about X", "voiced outrage that X": the object names the feeling, X is the
        content."""
        if verb.lemma not in ("express", "voice"):
            for child in tree.kids(obj, "nmod", "acl"):  # "embraced the idea of X", "offered insights into X"
                marks = [c for c in tree.kids(child, "case", "mark") if c.id < child.id]
                if child.id > obj.id and len(marks) == 1 and marks[0].text.lower() in CONTAINERS.get(obj.lemma, ()):
                    return [w for w in tree.subtree(child) if w is not marks[0]]
            return []
        for child in tree.kids(obj, "nmod", "acl", "ccomp"):
            marks = [c for c in tree.kids(child, "case", "mark") if c.id < child.id]
            if child.id > obj.id and marks and marks[0].text.lower() in EXPRESSED:
                return [w for w in tree.subtree(child) if not (w is marks[0] and w.text.lower() != "that")]
        return []

    def prepositional_content(self, tree, verb):
        """The content after a cue's preposition: "called for X", "railed against X", "called for cutting X"."""
        for obl in tree.kids(verb, "obl", "advcl"):
            cases = [c for c in tree.kids(obl, "case", "mark") if c.id < obl.id]
            if obl.id > verb.id and cases and cases[0].text.lower() in PREPOSITIONAL_CUES.get(verb.lemma, ()) \
                    and (obl.upos in ("NOUN", "PROPN", "PRON") or obl.xpos == "VBG" or tree.kids(obl, "nsubj")) \
                    and not self.is_time(obl):  # "called for X", "called for cutting X", "called for X to act"
                return obl
        return None

    @staticmethod
    def clause_after_addressee(tree, verb):
        """ "told the leaders that few people understood ...": the parse may hang the "that" clause on
        the addressee as if it described them; a clause with "that" as its conjunction (not its subject)
        is the content."""
        if verb.lemma not in ADDRESSING:
            return []
        return [clause for obj in tree.kids(verb, "obj", "iobj") for clause in tree.kids(obj, "acl:relcl", "acl")
                if clause.id > obj.id and tree.kids(clause, *SUBJECTS) and any(
                    m.text.lower() == "that" for m in tree.kids(clause, "mark"))]

    @staticmethod
    def infinitive_after_addressee(tree, verb):
        """ "told his supporters at the rally to stay calm": the parse may read the infinitive after whom a
        verb of telling or urging addresses as a purpose ("in order to"); it is what they were told to do."""
        objects = tree.kids(verb, "obj", "iobj")
        if verb.lemma not in ADDRESSING | DIRECTING or not objects or tree.kids(verb, "xcomp"):
            return []
        return [c for c in tree.kids(verb, "advcl") if c.id > objects[0].id
                and [m.text.lower() for m in tree.kids(c, "mark", "aux") if m.id < c.id][:1] == ["to"]]

    @staticmethod
    def reason_after_content(tree, verb, words):
        """ "said the deal failed, because voters rejected it": a "because" clause right after the content
        gives the speaker's reason even when the parse hangs it on the cue verb."""
        if not words or min(w.id for w in words) < verb.id:
            return []
        end = max(w.id for w in words)
        for clause in tree.kids(verb, "advcl"):
            span = tree.subtree(clause)
            between = tree.words[end:span[0].id - 1]
            if span[0].id > end and span[0].text.lower() == "because" and [w.text for w in between] in ([], [","]):
                return between + span
        return []

    @staticmethod
    def clause_joined_to_content(tree, verb, words):
        """ "said it was too early to tell, and there was no sign of foul play", "The toll rose, he said on
        Monday, and more were missing": a clause that the parse joins to a verb of speaking with ", and" or
        ", but", right after its content or after the cue that interrupts it, goes on the content, unless it is a
        report of its own (", but denied X"); so does a bare verb joined with "and" ("said she wanted to visit
        the port and meet the workers"), which cannot share the cue's tense."""
        if verb.lemma not in SPEECH_VERBS or not words:
            return []
        clauses = tree.kids(verb, "conj", "ccomp", "xcomp", "advcl", "parataxis", "obj")
        cue = {w.id for w in tree.subtree(verb, exclude=set(words) | set(clauses))}
        end = max(w.id for w in words) if min(w.id for w in words) > verb.id else verb.id
        for conj in tree.kids(verb, "conj"):
            span = [w for w in tree.subtree(conj)  # the ", and" may hang on the cue verb or on the clause
                    if not (w.head == conj.id and w.id < conj.id and (w.deprel == "cc" or w.text == ","))]
            joint = tree.words[span[0].id - 3:span[0].id - 1]
            if span[0].id > end and ([w.text.lower() for w in joint] in ([",", "and"], [",", "but"])
                                     or joint[-1].text.lower() == "and" and conj.xpos == "VB" and verb.xpos != "VB") \
                    and conj.lemma not in VERBS and all(i in cue for i in range(end + 1, span[0].id - 2)):
                return (joint if span[0].id == end + 3 else joint[1:]) + span  # no comma opens a piece
        return []

    @staticmethod
    def clause_after_adjunct(tree, verb):
        """ "tweeted in the early hours that the deal was dead", "told reporters on the plane that ...": the
        parse may hang the "that" clause on the adjunct before it (as if it said which hours) or on the verb
        as an adverbial; a clause with a subject, opened by a "that" that is not its subject, is the
        content."""
        if tree.kids(verb, "ccomp"):
            return []
        found = []
        for child in tree.kids(verb, "obl", "advcl"):
            if child.lemma in NOUN_CUES:  # "seized on Trump's claim that ...": the claim's own content
                continue
            clauses = [child] if child.deprel == "advcl" else tree.kids(child, "acl:relcl", "acl")
            for clause in clauses:
                first = tree.subtree(clause)[0]
                if clause.id > verb.id and first.text.lower() == "that" and first.head == clause.id \
                        and first.deprel in ("mark", "advmod") and tree.kids(clause, *SUBJECTS, "nsubj:pass", "expl"):
                    found.append(clause)
        return found

    def before_semicolon(self, words, verb):
        """Content after its cue ends at a semicolon outside quotation marks: what follows is a
        sentence of its own ("said the timing was a coincidence; they learned of it on Friday")."""
        breaks = [w.id for w in words if w.id > verb.id and w.text == ";"
                  and not any(w.start_char in q for q in self.quotes)]
        return [w for w in words if w.id < min(breaks)] if breaks else words

    @staticmethod
    def without_opening(tree, words):
        """Content that opens its sentence without the writer's lead-in: a dateline ("WASHINGTON ― ...")
        and a linking adverb ("However, ...", "In addition, ...")."""
        words = sorted(words, key=lambda w: w.id)
        if not words or words[0].id != 1:
            return words
        dashes = [w for w in words[:5] if w.text in DASHES]
        if dashes and all(w.text.isupper() or w.upos == "PUNCT" for w in words[:dashes[0].id - 1]):
            words = [w for w in words if w.id > dashes[0].id]
        if words and words[0].text.lower() in LINKING | {"in"}:
            lead = words[0] if words[0].text.lower() in LINKING else tree.head(words[0])
            if lead is not None and lead.lemma.lower() in LINKING and lead.deprel in ("advmod", "obl", "discourse") \
                    and tree.head(lead).upos not in ("ADJ", "ADV"):  # not "However laudable the goal, ..."
                span = {w.id for w in tree.subtree(lead)}
                words = [w for w in words if w.id not in span]
        return words

    @staticmethod
    def before_a_break(tree, clause, verb):
        """The clause ends before a colon or semicolon that precedes the verb: a sentence of its own
        ("We have been here before: bin Laden declared war ..."), whichever of them the parse hangs it on."""
        end = max(w.id for w in tree.subtree(clause) if w.upos != "PUNCT" or w is clause)
        return end < verb.id and any(w.text in (":", ";") for w in tree.words[end:verb.id - 1])

    def is_lead_in(self, tree, clause, verb):
        """An unquoted clause before a cue that has its content after it ("In his book, 'Title,' X suggested
        looking at ...", "Should the firm fail, critics worry that ..."): the writer's lead-in, not what was said."""
        return clause.id < verb.id and any(k.id > verb.id for k in tree.kids(verb, "ccomp", "xcomp")) \
            and not any(tree.subtree(clause)[0].start_char in quote for quote in self.quotes)

    @staticmethod
    def content_preposition(tree, content):
        """The preposition that introduces a prepositional content ("for" of "called for X")."""
        head = min((w for w in content if w.head not in {c.id for c in content}), key=lambda w: w.id, default=None)
        cases = tree.kids(head, "case", "mark") if head is not None else []
        return cases[0] if cases else None

    def is_time(self, word):
        """A word inside a date or time expression ("on Monday", "for weeks")."""
        return word.lemma in TIME_WORDS or any(
            e.type in ("DATE", "TIME") and e.start_char <= word.start_char < e.end_char for e in self.document.ents)

    @staticmethod
    def is_as_clause(tree, verb):
        """The verb heads an "as X said" clause that frames its head clause: a subject of its own and no
        content of its own ("as China supports the government" is no report)."""
        return verb.deprel == "advcl" and verb.head and any(m.text.lower() == "as" for m in tree.kids(verb, "mark")) \
            and tree.kids(verb, "nsubj") and not any(
                k.deprel in ("ccomp", "xcomp") or k.deprel == "obj" and k.text.lower() not in ("it", "this", "so")
                or k.deprel in ("obl", "advcl") and k.id > verb.id and any(  # "as she talked about cutting X"
                    c.text.lower() in PREPOSITIONAL_CUES.get(verb.lemma, ()) for c in tree.kids(k, "case", "mark"))
                for k in tree.kids(verb))

    @staticmethod
    def is_participle_remark(tree, verb):
        """A participle clause set off by a comma that goes on with its subject's words (", citing X"), or
        opens the sentence ("Citing X, the senator said ...")."""
        span = tree.subtree(verb)
        if verb.deprel != "advcl" or verb.xpos != "VBG":
            return False
        before = [w.text for w in tree.words[max(0, span[0].id - 3):span[0].id - 1]]
        if span[0] is verb and (before[-1:] == [","] or len(before) == 2 and before[0] == ","
                                and before[1] in "\"”’'"):  # ', citing', ',” citing'
            return True
        return span[0].id <= 2 and span[-1].id < len(tree.words) and tree.words[span[-1].id].text == ","

    @staticmethod
    def side_remarks(tree, clause):
        """Trailing parts of a content clause that are not what was said: participle clauses set off by a
        comma (", citing ...", ", arguing that ...") describe the speaking, and a reporting verb joined to
        the clause ("... and warned that ...", "..., though critics noted ...") is a statement of its own."""
        remarks = [child for child in tree.kids(clause, "conj")
                   if child.id > clause.id and Finder.is_reporting_clause(tree, child)]
        remarks += [child for child in tree.kids(clause, "advcl")  # ", though critics noted ..."
                    if child.id > clause.id and child.lemma in CORE_VERBS and tree.kids(child, "nsubj")
                    and any(m.text.lower() in CONCESSIVE for m in tree.kids(child, "mark"))]
        for child in tree.kids(clause, "advcl"):
            before = tree.words[child.id - 2] if child.id > 1 else None
            first = tree.subtree(child)[0]
            if child.id > clause.id and child.xpos == "VBG" and child.lemma in CORE_VERBS and first is child \
                    and before is not None and before.text in (",", "-", "—", "–"):
                remarks.append(child)
        return remarks

    @staticmethod
    def without_trailing_apposition(tree, words):
        """Content ending in an apposition with a relative clause, set off by a comma ('... would consider
        Rep. Smith, a former governor who can raise cash'): it describes a name the speaker used, in the
        writer's words."""
        if not words:
            return words
        last = max(w.id for w in words)
        for w in words:
            if w.deprel == "appos" and w.head and tree.words[w.head - 1] in words and w.upos == "NOUN" \
                    and any(x.deprel == "acl:relcl" for x in tree.subtree(w)):
                span = tree.subtree(w)
                if span[-1].id >= last - 1 and span[0].id > 1 and tree.words[span[0].id - 2].text == ",":
                    return [x for x in words if x.id < span[0].id - 1]
        return words

    @staticmethod
    def without_medium(tree, words, obj):
        """Object content ending in where it was said ("cited X in his remarks", "attacked X on Twitter",
        "rejected X in a ruling released Thursday"): the medium is the writer's setting, not what was said."""
        if not words:
            return words
        last = max(w.id for w in words)
        for w in words:
            if w is obj or w.deprel not in ("nmod", "obl") or w.lemma.lower() not in SAID_IN:
                continue
            cases = [c for c in tree.kids(w, "case") if c.id < w.id]
            span = tree.subtree(w)
            if cases and cases[0].text.lower() in ("in", "on", "via") and span[-1].id >= last - 1 \
                    and span[0].id > obj.id:
                return [x for x in words if x.id < span[0].id]
        return words

    @staticmethod
    def trailing_asides(tree, phrase):
        """A comma-led clause that ends the phrase (", which ...", ", known as ..."): it describes what was
        reported, it is not part of it."""
        words = tree.subtree(phrase)
        asides = []
        for word in words:
            for child in tree.kids(word, "acl:relcl", "acl"):
                span = tree.subtree(child)
                if child.id > word.id and span[-1].id >= words[-1].id - 1 and span[0].id > 1 \
                        and tree.words[span[0].id - 2].text == ",":
                    asides.append(child)
        return asides

    @staticmethod
    def is_reporting_clause(tree, verb):
        """A reporting verb with a content clause, object or preposition of its own, not itself a "that"
        clause ("and denied the report", "and the mayor denied it", "and warned against X")."""
        prepositional = any(c.text.lower() in PREPOSITIONAL_CUES.get(verb.lemma, ()) and c.id < obl.id
                            for obl in tree.kids(verb, "obl") for c in tree.kids(obl, "case"))
        return verb.upos == "VERB" and verb.lemma in CORE_VERBS and (
            bool(tree.kids(verb, "ccomp", "obj")) or prepositional) and not tree.kids(verb, "mark", "expl")

    def addressee_of(self, tree, verb):
        """Whom the statement was made to: "told Reuters", "said in an interview with CNN"."""
        if verb.lemma in ADDRESSING:
            objects = tree.kids(verb, "obj", "iobj")
            if objects:
                return _mention(tree.subtree(objects[0]), self.text, tree.index)
        for obl in tree.kids(verb, "obl"):
            if any(c.lemma == "to" for c in tree.kids(obl, "case")) and obl.upos in ("PROPN", "NOUN"):
                return _mention(tree.subtree(obl), self.text, tree.index)
        return None

    def according_to(self, tree, word):
        """ "according to X": X is the speaker; the rest of the sentence (or, for a sentence that begins
        with it in lower case, the sentence before) is the content. Read from the surface, which holds
        whatever the parse made of the phrase."""
        words = tree.words
        k = word.id - 1
        if k + 1 >= len(words) or words[k + 1].text.lower() != "to":
            return None
        end = k + 2
        while end < len(words) and not (words[end].upos == "PUNCT" and words[end].text in ",;.!?:)"):
            end += 1
        source = words[k + 2:end]
        if not source or not any(w.upos in ("PROPN", "NOUN", "PRON") for w in source):
            return None
        after = [w for w in words[end:] if w.upos != "PUNCT"]
        content = words[:k] + words[end:]
        if _trimmed(words[:k]) and after and after[0].upos not in ("CCONJ", "SCONJ"):
            content = words[:k]  # ", according to X, a former aide ...": the rest describes X
        pieces = _pieces(content)
        if not pieces and tree.index > 0 and word.text[0].islower():
            previous = self.trees[tree.index - 1]
            pieces = _pieces(previous.words)
        mention = _mention(source, self.text, tree.index)
        if not pieces or mention is None:
            return None
        return Attribution(
            spans=pieces, kind="indirect", cue=_mention(words[k:k + 2], self.text, tree.index), speaker=mention,
            sentence=tree.index, paragraph=self.paragraph_of(pieces[0][0]), sources=["according"],
            cue_lemma="according to")

    def from_quoted_label(self, tree, verb):
        """ "pounded Trump as a “con artist”", "went after him as “unfit”": whatever the verb, someone held up
        as a quoted label is labelled in the subject's words; who is labelled and the label are the content."""
        if tree.kids(verb, "nsubj:pass") or verb.lemma in GENERIC or any(
                verb.start_char in quote for quote in self.quotes):
            return None
        targets = [k for k in tree.kids(verb, "obj", "obl") if k.id > verb.id and k.upos in ("PROPN", "PRON")
                   and not self.is_time(k) and (k.deprel == "obj" or [c.text.lower() for c in tree.kids(k, "case")]
                                                in (["after"], ["at"], ["against"]))]
        labels = [k for k in tree.kids(verb, "obl", "xcomp", "advcl")
                  if len(tree.subtree(k)) > 2 and tree.subtree(k)[0].text.lower() == "as"
                  and any(w.text in OPENERS or w.text in ('"', "'") for w in tree.subtree(k)[1:3])]
        if not targets or not labels or labels[0].id < targets[0].id:
            return None
        speaker = self.subject_of(tree, verb)
        if speaker is None:
            return None
        target = tree.subtree(targets[0], exclude={verb, speaker})
        if target[0].deprel == "case":
            target = target[1:]
        content = target + tree.subtree(labels[0], exclude={verb, speaker})
        pieces = _pieces(content)
        mention = _mention(tree.subtree(speaker, exclude=set(content) | {verb}), self.text, tree.index)
        if not pieces or mention is None:
            return None
        return Attribution(
            spans=pieces, kind="indirect", speaker=mention, sentence=tree.index, cue=_cue_mention(tree, verb, self.text),
            paragraph=self.paragraph_of(pieces[0][0]), addressee=None, sources=["quoted-label"], cue_lemma=verb.lemma)

    def in_a_poll(self, tree, noun):
        """ "In the latest poll, Clinton leads by five points": a sentence that opens with the poll or survey
        it reports; the poll is the source, "in" the cue, the rest of the sentence the content."""
        cases = tree.kids(noun, "case")
        if noun.deprel != "obl" or not noun.head or len(cases) != 1 or cases[0].text.lower() != "in":
            return None
        verb, span = tree.head(noun), tree.subtree(noun)
        if verb.lemma in CORE_VERBS or span[0] is not cases[0] or _trimmed(tree.words[:span[0].id - 1]) \
                or span[-1].id >= len(tree.words) or tree.words[span[-1].id].text != ",":
            return None
        content = [w for w in tree.subtree(verb) if w.id > span[-1].id + 1]
        source = [w for w in span if w is not cases[0]]
        pieces, mention = _pieces(content), _mention(source, self.text, tree.index)
        if not pieces or mention is None:
            return None
        return Attribution(
            spans=pieces, kind="indirect", cue=_mention(cases, self.text, tree.index), speaker=mention,
            sentence=tree.index, paragraph=self.paragraph_of(pieces[0][0]), sources=["poll"], cue_lemma="in")

    # --- quotation marks ---------------------------------------------------------------
    def with_quotes(self, attribution):
        """Extend content to the whole of every quotation it touches (but not back over its own cue:
        '"PENCE: Well, ...'); set the kind from the marks."""
        spans = list(attribution.spans)
        cue = attribution.cue
        for quote in self.quotes:
            touched = [s for s in spans if s[0] < quote.end and quote.start < s[1]]
            inside = sum(min(b, quote.end) - max(a, quote.start) for a, b in touched)
            if touched and (inside >= 0.5 * sum(b - a for a, b in touched)
                            or touched[0][0] <= quote.start and quote.end <= touched[-1][1]
                            or touched[-1][0] < quote.start < touched[-1][1] < quote.end):  # runs into it
                start = quote.start
                if cue is not None and quote.start <= cue.start and cue.end <= attribution.start:
                    start = attribution.start
                spans.append((start, quote.end))
        attribution.spans = self.without_narration(_union(spans), attribution.cue)
        attribution.kind = self.kind_of(attribution.spans)
        return attribution

    def without_narration(self, spans, cue):
        """Drop the unquoted words on the far side of the cue from a quotation: '"...," they said,
        under Article 21 ...' and 'Before that, Kall said: "..."' keep only the quotation."""
        if cue is None:
            return spans
        quoted = [q for q in self.quotes if any(a < q.end and q.start < b for a, b in spans)]
        if any(q.end <= cue.start for q in quoted) and not any(q.start >= cue.end for q in quoted):
            return [(a, b) for a, b in spans if b <= cue.start or self.is_quoted(a, b)] or spans
        if any(q.start >= cue.end for q in quoted) and self.text[cue.end:cue.end + 3].lstrip().startswith(":"):
            return [(a, b) for a, b in spans if a >= cue.end or self.is_quoted(a, b)] or spans
        return spans

    def is_quoted(self, start, end):
        return any(q.start <= start and end <= q.end for q in self.quotes)

    def kind_of(self, spans):
        total = sum(b - a for a, b in spans)
        quoted = sum(max(0, min(b, q.end) - max(a, q.start)) for a, b in spans for q in self.quotes)
        if quoted >= 0.9 * total:
            return "direct"
        return "mixed" if quoted else "indirect"

    def from_quotes(self, found, used_cues):
        """Quotations no cue claimed: a cue next to them, or the previous speaker continuing."""
        covered = [s for a in found for s in a.spans]
        result = []
        for quote in self.quotes:
            if any(a < quote.end and quote.start < b for a, b in covered):
                continue
            words = self.text[quote.start:quote.end].split()
            following = self.attribution_right_after(quote, found) if self.opens_sentence(quote) else None
            if following is None and (len(words) < (2 if self.is_short_sentence(quote) else 4) or len(words) < 8
                                      and not any(c in self.text[quote.start:quote.end] for c in ".,!?;:")
                                      or not self.opens_sentence(quote)):
                continue  # a scare quote or a title, not a statement
            if following is not None:  # '"X," he told the host, "Y."': X joins the quote after the cue, even
                # a word or two ('"Perhaps," he said, "..."')
                following.spans = _union(following.spans + [(quote.start, quote.end)])
                following.kind = self.kind_of(following.spans)
                continue
            attribution = self.nearby_cue(quote, used_cues)
            same_cue = [a for a in result if attribution and a.cue and a.cue.start == attribution.cue.start]
            if same_cue:  # both halves of '"X," he said, "Y."' found the same cue
                same_cue[0].spans = _union(same_cue[0].spans + attribution.spans)
                continue
            if attribution is None:
                if self.is_title(quote):
                    continue  # 'Legend in the Hills.' standing alone names a work or a headline, no one goes on
                previous = [a for a in found + result if a.end <= quote.start and a.speaker is not None
                            and "remark" not in a.sources]  # '"A," she said, citing X. "B."': B goes on A
                if not previous:
                    continue
                last = max(previous, key=lambda a: a.end)
                spoken = [a for a in previous if a.sources[:1] != ["object"] and a.paragraph == last.paragraph]
                if last.sources[:1] == ["object"] and spoken:  # '"A," X said. He did not suggest a reply. "B."':
                    last = max(spoken, key=lambda a: a.end)  # B goes on what X said, not on the act described
                if self.paragraph_of(quote.start) - last.paragraph > 1:
                    continue
                attribution = Attribution(
                    spans=[(quote.start, quote.end)], kind="direct", cue=None, speaker=last.speaker,
                    sentence=self.sentence_of(quote.start), paragraph=self.paragraph_of(quote.start),
                    follows=last, sources=["continuation"])
            result.append(attribution)
        return result

    def is_title(self, quote):
        """A quotation in title case ('All Hands on Deck.'): every word after the first but the small
        function words is capitalized, and one of them is no name, as in the title of a book, a film or a
        headline (a name alone, 'We're America.', is still said)."""
        words = [w for t in self.trees if t.start <= quote.start < t.end or quote.start <= t.start < quote.end
                 for w in t.words if quote.start <= w.start_char < quote.end and w.text[:1].isalpha()
                 and w.upos != "PART"]
        rest = [w for w in words[1:] if w.text.lower() not in TITLE_LOWERCASE]
        text = self.text[quote.start:quote.end].rstrip("\"”’'» .!?")
        return 2 <= len(words) <= 8 and bool(rest) and all(w.text[0].isupper() for w in rest) \
            and any(w.upos != "PROPN" for w in rest) and not text.isupper() and ". " not in text

    def opens_sentence(self, quote):
        """The quotation stands where a sentence or clause starts, not inside narration ('Japan called it
        an "outlaw nation."')."""
        before = self.text[max(0, quote.start - 8):quote.start].rstrip(" ")
        return not before or before.endswith(SENTENCE_OPENERS)

    def is_short_sentence(self, quote):
        """The quotation is a sentence of its own ('... she said. "Here he is."'), not a phrase or title."""
        return self.text[quote.start:quote.end].rstrip("\"”’'» ").endswith((".", "!", "?")) \
            and self.opens_sentence(quote)

    def attribution_right_after(self, quote, found):
        """The attribution whose speaker and cue directly follow ``quote`` in its paragraph, if any."""
        for a in found:
            if a.cue is None or a.speaker is None or a.start < quote.end or a.kind == "indirect":
                continue
            gap_start, gap_end = quote.end, a.start
            between = self.text[gap_start:gap_end]
            if "\n" in between or len(between.split()) > 12:
                continue
            if gap_start <= a.cue.start < gap_end and gap_start <= a.speaker.start < gap_end:
                return a
        return None

    def sentence_of(self, offset):
        for tree in self.trees:
            if offset < tree.end:
                return tree.index
        return len(self.trees) - 1

    def nearby_cue(self, quote, used_cues):
        """A speech verb with a subject in the quotation's sentence ('"...," he said'), or ending the
        sentence just before it ('He said:'); another reporting verb only right by the quotation."""
        for tree in self.trees:
            overlaps = tree.start < quote.end and quote.start < tree.end
            introduces = tree.end <= quote.start and not self.text[tree.end:quote.start].strip() \
                and self.text[tree.start:tree.end].rstrip().endswith((":", ",", "—"))
            closes = tree.start >= quote.end and self.text[quote.end:tree.start] in (" ", "")  # '"...?" he asked.'
            if not (overlaps or introduces or closes):
                continue
            for word in tree.words[:25] if closes else tree.words:
                if word.lemma not in CLAUSE_CUES or word.upos != "VERB" or quote.start <= word.start_char < quote.end \
                        or word.start_char in used_cues:
                    continue
                between = self.text[word.end_char:quote.start] if word.end_char <= quote.start \
                    else self.text[quote.end:word.start_char]
                if "\n" in between.strip():
                    continue
                speaker = self.subject_of(tree, word)
                if speaker is not None and not quote.start <= speaker.start_char < quote.end:
                    mention = _mention(tree.subtree(speaker, exclude={word}), self.text, tree.index)
                elif word.id == 1 and word.deprel == "compound" and word.end_char <= quote.start \
                        and tree.head(word).upos in ("PROPN", "NOUN"):  # 'Said Smith: "..."' read as a name
                    mention = _mention([w for w in tree.subtree(tree.head(word), exclude={word})
                                        if w.end_char <= quote.start], self.text, tree.index)
                elif word.start_char >= quote.end:  # '"...," Flynn, a surrogate, said': the parse lost the subject
                    mention = _mention([w for w in tree.words if quote.end <= w.start_char and w.end_char
                                        <= word.start_char and w.upos in SPEAKER_POS | {"PUNCT", "DET", "ADJ"}],
                                       self.text, tree.index)
                else:
                    continue
                if mention is None or not any(c.isalnum() for c in mention.text):
                    continue
                gap = between.replace(mention.text, "").strip(" ,:—)")
                if gap and (word.lemma not in SPEECH_VERBS or len(between.split()) > 8 or any(c in gap for c in ".!?")):
                    continue  # other reporting verbs only right by the quote ('Trump boasted, "..."')
                return Attribution(
                    spans=[(quote.start, quote.end)], kind="direct", cue=_cue_mention(tree, word, self.text),
                    speaker=mention, sentence=tree.index, paragraph=self.paragraph_of(quote.start),
                    addressee=self.addressee_of(tree, word), sources=["adjacent"], cue_lemma=word.lemma)
        return None

    # --- clean-up ------------------------------------------------------------------------
    def drop_nested(self, found):
        """A cue inside another attribution's content ("a return to what he said were ...") is dropped, and so is
        an object cue inside a speaker's description ('said Roe, a lawyer who has been challenging the company')."""
        kept = []
        for a in found:
            inner = any(b is not a and a.cue and any(s <= a.cue.start < e for s, e in b.spans)
                        and b.sentence == a.sentence for b in found) \
                or a.sources[:1] == ["object"] and any(
                    b is not a and a.cue and b.speaker and b.speaker.start <= a.cue.start < b.speaker.end
                    for b in found)
            if not inner:
                kept.append(a)
        return kept

    def merge_continuations(self, found):
        """'"A," he said. "B."': a cue-less quote in the same paragraph joins the quote it continues, unless it
        opens with a turn ('"But B."'): a point of its own, a claim the database keeps apart and links to A."""
        merged = []
        for a in found:
            if a.follows is not None and a.follows in merged and a.paragraph == a.follows.paragraph \
                    and (a.follows.kind != "indirect" or self.text[a.follows.end:a.start].strip() == ":") \
                    and not self.opens_with_a_turn(a):  # 'said it needs one thing: "Patience."' goes on
                a.follows.spans = _union(a.follows.spans + a.spans)
                a.follows.kind = self.kind_of(a.follows.spans) if a.follows.kind == "indirect" else a.follows.kind
                continue
            merged.append(a)
        return merged


    def opens_with_a_turn(self, quote):
        """Whether a quotation opens a sentence with a contrasting conjunction or adverb ("But ...", "However,
        ..."); a lower-case "but" goes on the sentence the cue interrupted ('"A," he said, "but B."')."""
        marks = "\"' " + "".join(OPENERS) + "".join(CLOSERS)
        words = self.text[quote.start:quote.start + 20].lstrip(marks).split(maxsplit=1)
        return bool(words) and words[0][:1].isupper() and words[0].strip(",").lower() in TURNS


def _union(spans):
    spans = sorted(spans)
    result = []
    for a, b in spans:
        if result and a <= result[-1][1]:
            result[-1] = (result[-1][0], max(b, result[-1][1]))
        else:
            result.append((a, b))
    return result


def find_attributions(document):
    """All attributions of an annotated article, in text order."""
    return Finder(document).run()
