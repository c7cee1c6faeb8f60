"""The embedded engine: spaCy wrapped as stanza processors, giving UD-labelled stanza Documents."""

import pytest
import stanza

from tracker.engine import EngineError, build_pipeline, installed_extras
from tracker.engine.ud import Arc, to_ud


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline("embedded")


def words_by_text(sentence):
    return {w.text: w for w in sentence.words}


def test_pipeline_returns_a_stanza_document_with_offsets(nlp):
    text = "Kalin said the deal was fragile.\n\nErdogan met Putin in Moscow."
    doc = nlp(text)
    assert isinstance(doc, stanza.Document)
    assert len(doc.sentences) == 2
    for sentence in doc.sentences:
        for word in sentence.words:
            assert text[word.start_char:word.end_char] == word.text
    assert {e.text for e in doc.ents} >= {"Kalin", "Erdogan", "Moscow"}


def test_reported_speech_has_ud_labels(nlp):
    doc = nlp("Kalin said Haftar was not a reliable partner.")
    w = words_by_text(doc.sentences[0])
    assert w["said"].deprel == "root"
    assert w["Kalin"].deprel == "nsubj" and w["Kalin"].head == w["said"].id
    # UD heads the copular predicate: "partner" is the ccomp, "was" its cop
    assert w["partner"].deprel == "ccomp" and w["partner"].head == w["said"].id
    assert w["was"].deprel == "cop" and w["was"].head == w["partner"].id
    assert w["Haftar"].head == w["partner"].id


def test_prepositions_become_case_under_their_noun(nlp):
    doc = nlp("The deal collapsed, according to a statement from the ministry.")
    w = words_by_text(doc.sentences[0])
    assert w["according"].deprel == "case" and w["according"].head == w["statement"].id
    assert w["to"].deprel == "fixed" and w["to"].head == w["according"].id
    assert w["from"].deprel == "case" and w["from"].head == w["ministry"].id
    assert w["statement"].deprel == "obl"


def test_sentences_never_cross_paragraphs(nlp):
    doc = nlp("Battle for Sirte\n\nForces are mobilising on the edges of the city.")
    assert doc.sentences[0].text == "Battle for Sirte"


def test_a_sentence_ends_with_punctuation_or_its_line_not_after_a_word():
    from tracker.engine.tokenize import load_spacy, _paragraph_boundaries

    doc = _paragraph_boundaries(load_spacy().make_doc("He cited remarks Hart had made. It rained.\n\nNext line"))
    starts = {token.text: token.is_sent_start for token in doc}
    assert starts["Hart"] is False and starts["made"] is False  # the parser may not split after a word
    assert starts["It"] is None  # after a period the parser decides
    assert starts["Next"] is True


def test_bulk_process_annotates_each_document(nlp):
    docs = nlp.bulk_process([stanza.Document([], text=t) for t in ("He said no.", "She said yes.")])
    assert [d.sentences[0].words[0].text for d in docs] == ["He", "She"]
    assert all(d.sentences[0].words[1].lemma == "say" for d in docs)


def test_ud_conversion_of_a_bare_tree_needs_no_model():
    # "X is Y" with spaCy's shape: is(root) <- X (nsubj), Y (attr)
    arcs = [Arc(1, "nsubj", "PROPN", "x"), Arc(-1, "ROOT", "AUX", "be"), Arc(1, "attr", "NOUN", "y")]
    assert to_ud(arcs) == [(3, "nsubj"), (3, "cop"), (0, "root")]


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(EngineError, match="unknown engine"):
        build_pipeline("nonsense")


def test_stanza_engine_without_models_offline_says_what_to_do(tmp_path, monkeypatch):
    import stanza

    def offline(*args, **kwargs):
        raise ConnectionError("Failed to resolve the model host")

    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    monkeypatch.setattr(stanza, "download", offline)
    with pytest.raises(EngineError) as error:
        build_pipeline("stanza")
    message = str(error.value)
    assert str(tmp_path) in message and "--engine embedded" in message and "ConnectionError" in message


def test_stanza_engine_adds_sentiment_and_coref_where_installed(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert installed_extras() == ()
    (tmp_path / "en" / "sentiment").mkdir(parents=True)
    assert installed_extras() == ("sentiment",)
