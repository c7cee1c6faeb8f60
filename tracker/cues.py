"""The cue lexicon: which words introduce an attributed statement, and what their content looks like.

Built from two facts: the frequency-ranked cue lemmas of PolNeAR's train split (the reporting verbs that
news actually uses: say 6,136, tell 557, according 413, call 396, write 361, add 320, ...) and the
reporting verbs of English grammars, which the cue table (``tracker/data/words/cues.tsv``) lists with the
complement of the verb that carries the content, the stance the cue carries, the relation it expresses to
an earlier claim and whether it hedges. The other lists are in ``tracker/data/words/`` too.
"""

from .words import DATA, read_table, table, word_set

CLAUSE_MIN_COUNT = 5  # a learned lemma this frequent as a cue reports with a clause
OBJECT_MIN_COUNT = 12  # ... with a bare object
INFINITIVE_MIN_COUNT = 10  # ... with a to-infinitive

CUE_TABLE = table("cues")


def cues_with(column, value):
    """The lemmas of the cue table whose ``column`` holds ``value`` (the complements column holds several,
    comma-separated)."""
    return frozenset(row["lemma"] for row in CUE_TABLE if value in row[column].split(","))


def cue_values(column):
    """``{lemma: value}`` of the cue table's rows that have a value (not "-") in ``column``."""
    return {row["lemma"]: row[column] for row in CUE_TABLE if row[column] != "-"}


# verbs whose clausal complement ("X said (that) ...", '"...", X said') is the content
CLAUSE_CUES = cues_with("complements", "clause")
# verbs whose to-infinitive ("vowed to retake ...") is the content
INFINITIVE_CUES = cues_with("complements", "infinitive")
# verbs whose direct object ("Russia denies this", "cited derogatory comments") is the content
OBJECT_CUES = cues_with("complements", "object")
# verbs that report only through a to-infinitive ("planned to", "urged X to"): an intention or a request, never
# an utterance of its own
INFINITIVE_ONLY_CUES = frozenset(row["lemma"] for row in CUE_TABLE if row["complements"] == "infinitive")

# verbs too general to report anything with a bare object ("made", "took", "went"), and actions that PolNeAR's
# broad annotation counts but a quote tracker should not; a verb here keeps the clause or infinitive the lists
# above give it ("decided to", "pushed for", "worried that")
GENERIC = word_set("generic")


def _learned_lemmas():
    """Cue lemmas of PolNeAR's train split with their counts (tracker/data/cue_lemmas.tsv)."""
    rows = read_table(DATA / "cue_lemmas.tsv")
    return {row["lemma"]: int(row["count"]) for row in rows if " " not in row["lemma"]}


# the reporting verbs of the grammars, without the learned ones (which include "shift", "expose"): one of
# these joined to a reported clause ("said A and warned that B") starts a statement of its own
CORE_VERBS = CLAUSE_CUES | OBJECT_CUES | INFINITIVE_CUES

LEARNED = _learned_lemmas()
CLAUSE_CUES = CLAUSE_CUES | {lemma for lemma, n in LEARNED.items() if n >= CLAUSE_MIN_COUNT} - GENERIC
OBJECT_CUES = OBJECT_CUES | {lemma for lemma, n in LEARNED.items() if n >= OBJECT_MIN_COUNT} - GENERIC
INFINITIVE_CUES = INFINITIVE_CUES | {lemma for lemma, n in LEARNED.items() if n >= INFINITIVE_MIN_COUNT} - GENERIC

# all reporting verbs
VERBS = CLAUSE_CUES | INFINITIVE_CUES | OBJECT_CUES

# verbs that report only with a clausal complement or a quote, never with a bare object
SPEECH_VERBS = word_set("speech_verbs")

# verbs of saying, knowing and disclosing whose own content is what a verb governing them reports:
# "refused to disclose the records", "wanted to know who approved it", "seemed to think it was phony"
DISCLOSING = word_set("disclosing")

# what is issued and speaks for its issuer: "a statement urging ...", "an ad attacking ...", "a report by
# Politico" (Politico says it)
DOCUMENTS = word_set("documents")
