"""Word sets the attribution rules read, besides the cue verbs and documents of ``tracker.cues``."""

from pathlib import Path

from ..cues import CORE_VERBS, DOCUMENTS

EDGE_PUNCT = set(",;:-—–") | {"--"}  # punctuation trimmed from the edges of a mention or a content
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
LEARNED_PREPOSITION_MIN_COUNT = 2  # a verb + preposition pair this frequent before PolNeAR train's contents


def _learned_prepositions():
    """The verb + preposition pairs that introduce content in PolNeAR train (tracker/data/cue_prepositions.tsv)."""
    path = Path(__file__).resolve().parent.parent / "data" / "cue_prepositions.tsv"
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[2:])
    return [(lemma, preposition) for lemma, preposition, n in rows if int(n) >= LEARNED_PREPOSITION_MIN_COUNT]


for _lemma, _preposition in _learned_prepositions():
    PREPOSITIONAL_CUES[_lemma] = PREPOSITIONAL_CUES.get(_lemma, set()) | {_preposition}
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
MEETINGS = GATHERINGS | {"talks", "hearing", "forum"}  # what takes up a topic ("the summit focused on X")
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
                  "require", "allow", "enable", "leave", "inspire", "provoke", "spur", "goad"}
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
