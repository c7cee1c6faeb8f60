"""Word sets the attribution rules read, besides the cue verbs and documents of ``tracker.cues``: the lists of
``tracker/data/words/`` (see its README), and the marks and tags the rules match, which are grammar."""

from ..cues import CORE_VERBS, DOCUMENTS
from ..words import DATA, read_table, table, word_list, word_map, word_set

EDGE_PUNCT = set(",;:-—–") | {"--"}  # punctuation trimmed from the edges of a mention or a content
# nouns of saying and of stance: "Trump's claim that ...", "criticism of the plan from Democrats"
NOUN_CUES = word_set("noun_cues")
# reporting verbs whose content comes after a preposition: "called for X", "railed against X"
PREPOSITIONAL_CUES = {lemma: set(prepositions.split())
                      for lemma, prepositions in word_map("prepositional_cues").items()}
LEARNED_PREPOSITION_MIN_COUNT = 2  # a verb + preposition pair this frequent before PolNeAR train's contents
# ... and the pairs that bring content in PolNeAR train (tracker/data/cue_prepositions.tsv, counts)
for _row in read_table(DATA / "cue_prepositions.tsv"):
    if int(_row["count"]) >= LEARNED_PREPOSITION_MIN_COUNT:
        PREPOSITIONAL_CUES.setdefault(_row["lemma"], set()).add(_row["preposition"])
# adjectives of belief, feeling and resolve, with what introduces their content: "is confident that X",
# "was critical of X", "is determined to X" ("that" stands for any clausal complement)
STANCE_ADJECTIVES = {adjective: set(introducers.split())
                     for adjective, introducers in word_map("stance_adjectives").items()}
# "painted X as Y", "rated the claim as false" (the tagger's lemma of "rated" is "rat")
DEPICTING = word_set("depicting")
# verbs whose passive reports its subject: the reporting verbs of the grammars ("was criticized by X") and
# verbs of regarding ("is widely considered a threat", "was viewed as weak", "was rated false")
PASSIVE_CUES = CORE_VERBS | word_set("regarding")
RAISING = word_set("raising")  # "X seems to ...": the content is X's seeming, said by no one
PASSIVE_COMPLEMENTS = word_set("passive_complements")  # "was described as", "was accused of", "was charged with"
ASPECTUAL = word_set("aspectual")  # "continued to call for X": the speaker calls
CONCESSIVE = word_set("concessive")
SENTENCE_OPENERS = (".", "!", "?", ":", ",", "\n", '"', "”", "'", " and", " but", " or")  # what may precede a quote
REQUESTS = word_set("requests")  # what a spokesman does (not) respond to
RECORDS = word_set("records")  # what is released as a record of the releaser, not as a statement: "his tax returns"
GATHERINGS = word_set("gatherings")  # what is called to meet
MEETINGS = GATHERINGS | word_set("meetings")  # what takes up a topic ("the summit focused on X")
RELATIVE_SUBJECTS = word_set("relative_subjects")
CIRCUMSTANTIAL = word_set("circumstantial")  # when and where
NOT_SPEAKERS = word_set("not_speakers")
# sentence adverbs that link to what came before ("However, ...", "In addition, ..."): the writer's, not the speaker's
LINKING = word_set("linking")
ADDRESSING = word_set("addressing")  # told X that
DIRECTING = word_set("directing")  # urged X to
EXPRESSED = word_set("expressed")  # "expressed concern about X"
NAMING = word_set("naming")  # "called the plan a disgrace"
DASHES = {"―", "—", "–", "--"}
TURNS = word_set("turns")  # a quotation opening with one makes a point of its own
SUBJECTS = ("nsubj", "nsubj:outer", "csubj")
QUANTIFIERS = word_set("quantifiers")  # "many of them said"
SPEAKER_POS = {"PROPN", "NOUN", "PRON", "NUM", "X"}
# verbs whose object does what their complement says: "forced him to admit", "urged them to say"
OBJECT_CONTROL = word_set("object_control")
RECORDINGS = word_set("recordings")  # "footage of X"
WH_WORDS = word_set("wh_words")
PLEDGING = word_set("pledging")  # "refused to pledge to X": X is the content
# verbs whose bare passive, without a speaker or a complement, is no report: "were admitted", "is observed"
NOT_SAID_WHEN_PASSIVE = word_set("not_said_when_passive")
PERSONAL_SUBJECTS = word_set("personal_subjects")  # pronouns that stand for people: "I mean ..." is said
UNDERGONE = word_set("undergone")  # "faced criticism for X", "faced questions about X"
UNDERGOING = word_set("undergoing")
PUBLISHING = word_set("publishing")  # verbs that put out a document or a record: "issued a statement"
AUTHORING = word_set("authoring")  # verbs whose agent is the author of their document: "issued a statement"
# nouns that only frame what is said: "the idea of X", "insights into X", "questions about X"
CONTAINERS = {noun: set(prepositions.split()) for noun, prepositions in word_map("containers").items()}
POLLS = word_set("polls")  # "In the latest poll, ..."
DISCUSSING = word_set("discussing")  # verbs of talking something over
TAKING_UP = DISCUSSING | word_set("taking_up")  # a topic
# where something was said: "denounced the plan in a speech", "attacked her in tweets"
MEDIA = DOCUMENTS | word_set("media")
# ... and the outlets it was said on: "attacked her on Twitter", "posted it on its website"
SAID_IN = MEDIA - word_set("not_said_in") | word_set("outlets")


ABOUT = word_set("about")  # what a nominal cue is about: "criticism of the plan"
# ... and "to" after these ("opposition to the plan"); after others it is the addressee ("a complaint to the board")
OPPOSING = word_set("opposing")
CHOICES = word_set("choices")  # nouns of choosing: a choice to act is no statement, one to speak is
# verbs of evidence ("the poll shows that X"), whose subject must be a source: a person, a group or a record
EVIDENTIAL = word_set("evidential")
# ... the nouns of such a source: people, groups, documents and records ("the experts suggest", "the results show")
SOURCE_NOUNS = (MEDIA | POLLS | RECORDINGS | word_set("source_nouns") | set(word_map("person_nouns"))
                | word_set("group_nouns") | word_set("leader_nouns") | word_set("organisation_nouns")
                | word_set("organisation_words") | word_set("institutions") | word_set("state_bodies")
                | {row["form"].lower() for row in table("offices")})
AGENT_SUFFIXES = tuple(word_list("agent_suffixes"))  # "voter", "activist": a noun of a person ...
AGENT_STEM = 3  # ... after a stem of this many letters at least ("list" is no agent)

# the small words a title leaves in lower case
TITLE_LOWERCASE = word_set("title_lowercase")
