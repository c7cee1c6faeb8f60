"""The cue lexicon: which words introduce an attributed statement, and what their content looks like.

Built from two facts: the frequency-ranked cue lemmas of PolNeAR's train split (the reporting verbs that
news actually uses: say 6,136, tell 557, according 413, call 396, write 361, add 320, ...) and the
reporting verbs of English grammars. Each set says which complement of the verb carries the content.
"""

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
intend aim demand encourage push press vote propose order tell warn advise invite challenge
""".split())

# verbs whose direct object ("Russia denies this", "cited derogatory comments") is the content
OBJECT_CUES = frozenset("""
deny cite mention announce criticize criticise reject endorse praise condemn blame describe propose
question defend oppose welcome recommend dismiss denounce applaud decry tout highlight reiterate
dispute refute rebuff acknowledge confirm express voice unveil outline request advocate champion
""".split())

# all reporting verbs
VERBS = CLAUSE_CUES | INFINITIVE_CUES | OBJECT_CUES

# verbs that report only with a clausal complement or a quote, never with a bare object
SPEECH_VERBS = frozenset("""
say tell add note write tweet explain report declare state respond reply remark comment ask
insist argue claim warn acknowledge continue
""".split())
