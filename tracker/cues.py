"""The cue lexicon: which words introduce an attributed statement, and what their content looks like.

Built from two facts: the frequency-ranked cue lemmas of PolNeAR's train split (the reporting verbs that
news actually uses: say 6,136, tell 557, according 413, call 396, write 361, add 320, ...) and the
reporting verbs of English grammars. Each set says which complement of the verb carries the content.
"""

from pathlib import Path

CLAUSE_MIN_COUNT = 5  # a learned lemma this frequent as a cue reports with a clause
OBJECT_MIN_COUNT = 12  # ... with a bare object
INFINITIVE_MIN_COUNT = 10  # ... with a to-infinitive

# verbs whose clausal complement ("X said (that) ...", '"...", X said') is the content
CLAUSE_CUES = frozenset("""
say tell add note warn claim insist argue deny accuse urge announce write tweet vow threaten acknowledge
explain report suggest ask respond reply declare state believe think contend assert maintain predict
estimate conclude complain admit concede caution stress emphasize recall reveal confirm show find indicate
know expect hope fear worry agree promise pledge remark observe comment allege charge question wonder
speculate testify recount boast brag joke quip post email inform assure remind disclose signal hint imply
counter retort continue shout chant yell scream mention point concur guess feel assume learn hear
announce demand propose recommend acknowledge prove reiterate repeat emphasise criticise criticize
lament decry blast slam praise complain acknowledge affirm add explain believe doubt suspect reckon
argue object protest proclaim assert estimate calculate forecast project determine rule decide
""".split())

# verbs whose to-infinitive ("vowed to retake ...") is the content
INFINITIVE_CUES = frozenset("""
vow promise pledge threaten urge call ask agree refuse decline plan want seek hope expect offer decide
intend aim demand encourage push press vote propose order tell warn advise invite challenge exhort implore
""".split())

# verbs whose direct object ("Russia denies this", "cited derogatory comments") is the content
OBJECT_CUES = frozenset("""
deny cite mention announce criticize criticise reject endorse praise condemn blame describe propose
question defend oppose welcome recommend dismiss denounce applaud decry tout highlight reiterate
dispute refute rebuff acknowledge confirm express voice unveil outline request advocate champion
liken compare label dub brand characterize deride hail bemoan lament detail signal articulate proclaim
lambast lambaste recite chant underscore downplay understate specify propound compliment laud extol herald
chastise despise contemplate sense document
""".split())

# verbs too general to report anything with a bare object ("made", "took", "went")
GENERIC = frozenset("""
make take go come get give put use see look know be have do keep leave let run work turn hold bring
set start begin end open win pass include receive follow reach hit watch spend become remain stand
help care tend emerge reflect represent throw shoot fire lay draw cast raise provide allow try continue
send sign deliver spend launch hire appoint nominate sue ban restrict adopt approve receive double expand
lift impose order introduce pay buy sell build move meet visit join attend host need require struggle
push decide worry attempt
""".split())  # also actions that PolNeAR's broad annotation counts but a quote tracker should not; a verb here
# keeps the clause or infinitive the lists above give it ("decided to", "pushed for", "worried that")


def _learned_lemmas():
    """Cue lemmas of PolNeAR's train split with their counts (tracker/data/cue_lemmas.tsv)."""
    path = Path(__file__).parent / "data" / "cue_lemmas.tsv"
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:])
    return {lemma: int(count) for lemma, count in rows if " " not in lemma}


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
SPEECH_VERBS = frozenset("""
say tell add note write tweet explain report declare state respond reply remark comment ask
insist argue claim warn acknowledge continue
""".split())

# verbs of saying, knowing and disclosing whose own content is what a verb governing them reports:
# "refused to disclose the records", "wanted to know who approved it", "seemed to think it was phony"
DISCLOSING = frozenset("""
say tell think know believe suggest disclose discuss reveal endorse blame explain address acknowledge admit deny
""".split())

# what is issued and speaks for its issuer: "a statement urging ...", "an ad attacking ...", "a report by
# Politico" (Politico says it)
DOCUMENTS = frozenset("""
ad advertisement amendment analysis article audit banner bill book brief chant clip column commercial
communique complaint database decision document documentary editorial email estimate film filing forecast interview
investigation lawsuit letter memo message motion note op-ed order petition placard plan poll post proposal
recording release report research resolution review ruling sign slogan speech spot statement story study
survey tape transcript tweet video
""".split())
