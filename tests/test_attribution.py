"""Attribution rules on real parses: the embedded engine, gold UD trees, and the hand-checked seed."""

import json
import re
from pathlib import Path

import pytest
from stanza.utils.conll import CoNLL

from tracker.article import Article
from tracker.attribution import find_attributions
from tracker.document import ArticleIndex
from tracker.engine import build_pipeline
from ud_sentences import reporting_sentences

SEED_GOLD = Path(__file__).parent / "data" / "seed_gold.jsonl"


def rule_attributions(document):
    """What the rules find, unjudged by the learned check (tested in test_classifier.py): these tests are
    of the rules."""
    return find_attributions(ArticleIndex(document), classifier=None)


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline("embedded")


def found(nlp, text):
    doc = nlp(text)
    return [(a.kind, a.speaker.text if a.speaker else None, a.cue.text if a.cue else None,
             [text[s:e] for s, e in a.spans]) for a in rule_attributions(doc)]


def test_direct_quote_with_inverted_speaker(nlp):
    text = '"The talks will resume next week," said Foreign Minister Anna Berg.'
    assert found(nlp, text) == [
        ("direct", "Foreign Minister Anna Berg", "said", ['"The talks will resume next week,"'])]


def test_indirect_speech_from_the_clausal_complement(nlp):
    text = "The mayor said the bridge would reopen in March."
    assert found(nlp, text) == [("indirect", "The mayor", "said", ["the bridge would reopen in March"])]


def test_mixed_quote_inside_reported_speech(nlp):
    text = 'The minister said the plan was "a serious mistake" for the region.'
    (kind, speaker, cue, spans), = found(nlp, text)
    assert (kind, speaker, cue) == ("mixed", "The minister", "said")
    assert spans == ['the plan was "a serious mistake" for the region']


def test_according_to(nlp):
    text = "The factory will close in June, according to a statement from the company."
    (kind, speaker, cue, spans), = found(nlp, text)
    assert cue == "according to" and speaker == "a statement from the company"
    assert spans == ["The factory will close in June"]


def test_multi_sentence_quote_and_cueless_continuation(nlp):
    text = ('"We are ready. We will not wait," the general said. "The army is in place."\n\n'
            "Officials declined to comment.")
    (kind, speaker, cue, spans), = found(nlp, text)[:1]
    assert (kind, speaker, cue) == ("direct", "the general", "said")
    assert spans == ['"We are ready. We will not wait,"', '"The army is in place."']


def test_cue_inside_a_quotation_is_not_a_new_speaker(nlp):
    text = 'Kalin said the offer was late. "I believe it will fail."'
    results = found(nlp, text)
    assert [r[1] for r in results] == ["Kalin", "Kalin"]
    assert results[1][3] == ['"I believe it will fail."']


def test_speaker_names_and_pronouns_resolve(extractor):
    text = ("German Chancellor Olaf Scholz met reporters on Monday. Scholz said the budget was safe. "
            '"We will keep our promises," he said.')
    _, claims = next(extractor.run([Article(id="t", text=text)]))
    assert [(c.speaker, c.speaker_mention) for c in claims] == [
        ("Olaf Scholz", "Scholz"), ("Olaf Scholz", "he")]


def test_apposition_gives_name_and_role(extractor):
    text = 'The country\'s top security adviser, Ibrahim Kalin, told Reuters: "The offer stands."'
    _, claims = next(extractor.run([Article(id="t", text=text)]))
    claim, = claims
    assert claim.speaker == "Ibrahim Kalin" and claim.addressee == "Reuters"
    assert claim.role == "country's top security adviser"


def test_rules_agree_on_gold_ud_trees_and_embedded_parses(nlp):
    """The stanza engine is no stranger to the rules: gold UD trees give the same attributions."""
    blocks = reporting_sentences()
    if not blocks:
        pytest.skip("../shared/ud is not present")
    agree = total = on_gold = 0
    for block in blocks:
        gold_doc = CoNLL.conll2doc(input_str=block, reconstruct_text=True)
        keys = [{(a.cue.start, a.speaker.start) for a in rule_attributions(d) if a.cue and a.speaker}
                for d in (gold_doc, nlp(gold_doc.text))]
        on_gold += len(keys[0])
        agree += len(keys[0] & keys[1])
        total += len(keys[0] | keys[1])
    assert on_gold >= 0.5 * len(blocks)
    assert agree / total >= 0.75


def last_word(name):
    words = re.findall(r"[A-Za-z][A-Za-z'\-]+", name or "")
    return words[-1].lower() if words else None


def test_seed_attributions_and_speakers(extractor):
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    _, claims = next(extractor.run([Article(id=gold["id"], text=gold["text"])]))
    required = [q for q in gold["quotes"] if not q["optional"]]
    attributed = named = 0
    for q in required:
        gold_chars = set(range(q["start"], q["end"]))
        for c in claims:
            if len(gold_chars & set(range(c.start, c.end))) > 0.3 * len(gold_chars) and \
                    c.speaker_start is not None and c.speaker_start < q["speaker_end"] and \
                    q["speaker_start"] < c.speaker_end:
                attributed += 1
                named += last_word(c.speaker) == last_word(q["speaker"].split(";")[-1])
                break
    assert attributed >= 14
    assert named >= 12


def test_quote_split_around_the_cue_is_one_statement(nlp):
    text = '"Now that the vote is over," the senator told the host, "we can get back to work."'
    (kind, speaker, cue, spans), = found(nlp, text)
    assert (kind, speaker) == ("direct", "the senator")
    assert spans == ['"Now that the vote is over,"', '"we can get back to work."']


def test_narration_after_the_cue_is_not_quoted_content(nlp):
    text = '"The members will begin work immediately," they said, under Article 21 of the charter.'
    (kind, speaker, cue, spans), = found(nlp, text)
    assert kind == "direct" and spans == ['"The members will begin work immediately,"']


def test_as_clause_frames_its_head_clause(nlp):
    text = "As the minister put it in a statement, the talks had failed."
    assert found(nlp, text) == [("indirect", "the minister", "put", ["the talks had failed"])]


def test_a_short_quotation_ending_in_a_comma_before_its_cue(nlp):
    text = '"Not yet," she said. "We need more time."'
    assert found(nlp, text) == [("direct", "she", "said", ['"Not yet,"', '"We need more time."'])]


def test_nominal_cue_with_a_possessor(nlp):
    text = "The senator's claim that the budget was balanced drew criticism."
    assert found(nlp, text) == [("indirect", "The senator", "claim", ["that the budget was balanced"])]


def test_a_second_reporting_verb_starts_its_own_statement(nlp):
    text = "The union said the strike would continue and warned that talks had collapsed."
    assert found(nlp, text) == [
        ("indirect", "The union", "said", ["the strike would continue"]),
        ("indirect", "The union", "warned", ["that talks had collapsed"])]


def test_a_report_joined_on_with_its_own_speaker_ends_the_content_before_it(nlp):
    text = ("The mayor accused the council of wasting money on consultants while the council suggests the mayor "
            "is out of touch.")
    assert found(nlp, text) == [
        ("indirect", "The mayor", "accused", ["the council of wasting money on consultants"]),
        ("indirect", "the council", "suggests", ["the mayor is out of touch"])]
    text = "Local farmers said the drought had cut their harvest by half, whereas the ministry claims yields were low."
    assert found(nlp, text) == [
        ("indirect", "Local farmers", "said", ["the drought had cut their harvest by half"]),
        ("indirect", "the ministry", "claims", ["yields were low"])]
    # a noun of saying joined on is no clause of its own; a report set inside the content does not end it
    text = "The senator criticised the mayor for his silence on the strike and his refusal to meet the unions."
    assert [content for *_, content in found(nlp, text)] == [
        ["the mayor for his silence on the strike and his refusal to meet the unions"]]
    text = "The pastor said that, while critics claim the shelter is unsafe, the building passed every inspection."
    assert [content for *_, content in found(nlp, text)] == [
        ["that, while critics claim the shelter is unsafe, the building passed every inspection"]]


def test_a_reporting_participle_at_the_end_of_the_content_is_a_statement_of_its_own(nlp):
    # the parse hangs "insisting" inside the dismissed notion, under its subject "the new road": it still ends
    # that content and goes on with the mayor's words
    text = ("The mayor dismissed the notion that the new road was a threat to the park, insisting the trees "
            "would be replanted.")
    assert found(nlp, text) == [
        ("indirect", "The mayor", "dismissed", ["the notion that the new road was a threat to the park"]),
        ("indirect", "The mayor", "insisting", ["the trees would be replanted"])]


def test_who_is_urged_belongs_to_the_content(nlp):
    text = "The governor urged residents to stay indoors."
    assert found(nlp, text) == [("indirect", "The governor", "urged", ["residents to stay indoors"])]


def test_who_is_called_on_belongs_to_the_content(nlp):
    text = "The union called on the city to reopen the clinic."
    assert found(nlp, text) == [("indirect", "The union", "called on", ["the city to reopen the clinic"])]
    text = "The bishop has called for parishioners to donate blankets."
    assert found(nlp, text) == [("indirect", "The bishop", "has called for", ["parishioners to donate blankets"])]


def test_what_a_gathering_takes_up_is_no_statement(nlp):
    assert found(nlp, "The mayor chaired a high-level meeting that focused on flooding on Monday.") == []
    assert found(nlp, "The summit discussed the crisis in the region.") == []


def test_a_day_after_the_verb_is_not_who_is_called_on(nlp):
    text = "Norway and Chile agreed on Friday to press for a truce in the region."
    assert found(nlp, text) == [("indirect", "Norway and Chile", "agreed", ["to press for a truce in the region"])]


def conllu(rows):
    """A one-sentence ``Document`` from (word, lemma, upos, head, deprel[, xpos]) rows."""
    lines = [f"{i}\t{w}\t{lemma}\t{upos}\t{xpos[0] if xpos else '_'}\t_\t{head}\t{rel}\t_\t"
             + ("SpaceAfter=No" if i < len(rows) and rows[i][2] == "PUNCT" else "_")
             for i, (w, lemma, upos, head, rel, *xpos) in enumerate(rows, 1)]
    return CoNLL.conll2doc(input_str="\n".join(lines) + "\n\n", reconstruct_text=True)


def test_who_is_named_and_what_they_are_called_without_an_object():
    doc = conllu([("Moreno", "Moreno", "PROPN", 2, "nsubj"), ("called", "call", "VERB", 0, "root"),
                  ("Baxter", "Baxter", "PROPN", 2, "xcomp"), ("a", "a", "DET", 6, "det"),
                  ("reckless", "reckless", "ADJ", 6, "amod"), ("gambler", "gambler", "NOUN", 2, "xcomp"),
                  (".", ".", "PUNCT", 2, "punct")])
    (a,) = rule_attributions(doc)
    assert (a.speaker.text, a.cue.text, [doc.text[s:e] for s, e in a.spans]) == (
        "Moreno", "called", ["Baxter a reckless gambler"])


def test_a_that_clause_hung_on_the_adjunct_before_it_is_the_content():
    doc = conllu([("The", "the", "DET", 2, "det"), ("minister", "minister", "NOUN", 3, "nsubj"),
                  ("tweeted", "tweet", "VERB", 0, "root"), ("in", "in", "ADP", 7, "case"),
                  ("the", "the", "DET", 7, "det"), ("early", "early", "ADJ", 7, "amod"),
                  ("hours", "hour", "NOUN", 3, "obl"), ("that", "that", "PRON", 12, "advmod"),
                  ("the", "the", "DET", 10, "det"), ("deal", "deal", "NOUN", 12, "nsubj"),
                  ("was", "be", "AUX", 12, "cop"), ("dead", "dead", "ADJ", 3, "advcl"),
                  (".", ".", "PUNCT", 3, "punct")])
    (a,) = rule_attributions(doc)
    assert (a.speaker.text, a.cue.text, [doc.text[s:e] for s, e in a.spans]) == (
        "The minister", "tweeted", ["that the deal was dead"])
    doc = conllu([("The", "the", "DET", 2, "det"), ("mayor", "mayor", "NOUN", 3, "nsubj"),
                  ("wrote", "write", "VERB", 0, "root"), ("at", "at", "ADP", 6, "case"),
                  ("the", "the", "DET", 6, "det"), ("time", "time", "NOUN", 3, "obl"),
                  ("that", "that", "PRON", 10, "advmod"), ("the", "the", "DET", 9, "det"),
                  ("bridge", "bridge", "NOUN", 10, "nsubj"), ("closed", "close", "VERB", 6, "acl:relcl"),
                  (".", ".", "PUNCT", 3, "punct")])
    (a,) = rule_attributions(doc)
    assert [doc.text[s:e] for s, e in a.spans] == ["that the bridge closed"]


def narration_tree(mark=()):
    """ "Ortiz said the tax is unfair, and she left the meeting.", the second clause hung on the content's
    head (as the parse may), with "that" opening it when ``mark``."""
    rows = [("Ortiz", "Ortiz", "PROPN", 2, "nsubj", "NNP"), ("said", "say", "VERB", 0, "root", "VBD"),
            ("the", "the", "DET", 4, "det"), ("tax", "tax", "NOUN", 6, "nsubj"), ("is", "be", "AUX", 6, "cop"),
            ("unfair", "unfair", "ADJ", 2, "ccomp"), (",", ",", "PUNCT", 8, "punct"),
            ("and", "and", "CCONJ", 6, "cc")] + [("that", "that", "SCONJ", 10, "mark")] * len(mark) + [
            ("she", "she", "PRON", 10, "nsubj", "PRP"), ("left", "leave", "VERB", 6, "conj", "VBD"),
            ("the", "the", "DET", 12, "det"), ("meeting", "meeting", "NOUN", 10, "obj"),
            (".", ".", "PUNCT", 2, "punct")]
    if mark:  # one word more after "and": the heads past it move on by one
        rows = [(w, lem, pos, h + 1 if h > 8 else h, rel, *x) for w, lem, pos, h, rel, *x in rows]
    return conllu(rows)


def test_the_writer_going_on_about_the_speaker_is_not_content():
    doc = narration_tree()
    said = next(a for a in rule_attributions(doc) if a.cue.text == "said")
    assert [doc.text[s:e] for s, e in said.spans] == ["the tax is unfair"]


def test_a_second_that_clause_by_the_speaker_is_still_content():
    doc = narration_tree(mark=("that",))
    said = next(a for a in rule_attributions(doc) if a.cue.text == "said")
    assert [doc.text[s:e] for s, e in said.spans] == ["the tax is unfair, and that she left the meeting"]


def test_an_infinitive_after_whom_a_verb_of_telling_addresses_is_what_they_are_told():
    doc = conllu([("The", "the", "DET", 2, "det"), ("coach", "coach", "NOUN", 3, "nsubj"),
                  ("tells", "tell", "VERB", 0, "root"), ("his", "his", "PRON", 5, "nmod:poss"),
                  ("players", "player", "NOUN", 3, "obj"), ("at", "at", "ADP", 8, "case"),
                  ("every", "every", "DET", 8, "det"), ("practice", "practice", "NOUN", 3, "obl"),
                  ("to", "to", "PART", 10, "aux"), ("stay", "stay", "VERB", 3, "advcl"),
                  ("calm", "calm", "ADJ", 10, "xcomp"), (".", ".", "PUNCT", 3, "punct")])
    (a,) = rule_attributions(doc)
    assert (a.speaker.text, a.cue.text, [doc.text[s:e] for s, e in a.spans]) == (
        "The coach", "tells", ["his players", "to stay calm"])


def test_a_reporting_verb_misread_as_a_plural_noun():
    doc = conllu([("But", "but", "CCONJ", 3, "cc"), ("Johnson", "Johnson", "PROPN", 3, "compound"),
                  ("charges", "charge", "NOUN", 0, "root", "NNS"), ("that", "that", "SCONJ", 8, "mark"),
                  ("the", "the", "DET", 6, "det"), ("vote", "vote", "NOUN", 8, "nsubj:pass"),
                  ("was", "be", "AUX", 8, "aux:pass"), ("rigged", "rig", "VERB", 3, "acl"),
                  (".", ".", "PUNCT", 3, "punct")])
    (a,) = rule_attributions(doc)
    assert (a.speaker.text, a.cue.text, [doc.text[s:e] for s, e in a.spans]) == (
        "Johnson", "charges", ["that the vote was rigged"])


def test_a_verb_of_intending_misread_as_a_plural_noun_reports_its_infinitive():
    doc = conllu([("Senator", "Senator", "PROPN", 2, "compound"), ("Roe", "Roe", "PROPN", 3, "compound"),
                  ("Vows", "vow", "NOUN", 0, "root", "NNS"), ("To", "to", "PART", 5, "aux"),
                  ("Close", "close", "VERB", 3, "advcl"), ("Tax", "tax", "NOUN", 7, "compound"),
                  ("Loopholes", "loophole", "NOUN", 5, "obj"), (".", ".", "PUNCT", 3, "punct")])
    (a,) = rule_attributions(doc)
    assert (a.speaker.text, a.cue.text, [doc.text[s:e] for s, e in a.spans]) == (
        "Senator Roe", "Vows", ["To Close Tax Loopholes"])
    doc = conllu([("Peace", "peace", "NOUN", 2, "compound"), ("talks", "talk", "NOUN", 0, "root", "NNS"),
                  ("to", "to", "PART", 4, "aux"), ("resume", "resume", "VERB", 2, "advcl"),
                  ("soon", "soon", "ADV", 4, "advmod"), (".", ".", "PUNCT", 2, "punct")])
    assert rule_attributions(doc) == []


def test_the_subject_of_a_predicate_adjective_does_what_its_infinitive_says(nlp):
    text = "The mayor was quick to note that the bridge had reopened."
    assert found(nlp, text) == [("indirect", "The mayor", "to note", ["that the bridge had reopened"])]
    assert found(nlp, "It is hard to say whether the plan will work.") == []


def test_rating_reports_what_is_rated_and_how_with_its_comparison(nlp):
    text = "The fact checkers rated 30% of her claims as false, compared to 11% of his."
    assert found(nlp, text) == [("indirect", "The fact checkers", "rated",
                                 ["30% of her claims as false", "compared to 11% of his"])]
    text = "Half of the claims were rated false by the fact checkers."
    assert found(nlp, text) == [("indirect", "the fact checkers", "were rated", ["Half of the claims", "false"])]


def test_documenting_reports_its_object(nlp):
    text = "The report documented a sharp rise in evictions."
    assert found(nlp, text) == [("indirect", "The report", "documented", ["a sharp rise in evictions"])]


def test_the_document_a_passive_cue_is_found_in_says_it(nlp):
    text = "The abuses were detailed in a lawsuit filed Monday."
    assert found(nlp, text) == [("indirect", "a lawsuit filed Monday", "were detailed", ["The abuses"])]


def test_making_it_clear_states_the_clause_of_clear(nlp):
    text = "The minister has made it very clear that the talks are over."
    assert found(nlp, text) == [("indirect", "The minister", "has made it very clear", ["that the talks are over"])]
    assert found(nlp, "He made the rules clear to everyone.") == []


def test_a_reporting_gerund_under_a_verb_is_done_by_its_subject(nlp):
    text = "The senator stopped short of endorsing the plan."
    assert found(nlp, text) == [("indirect", "The senator", "endorsing", ["the plan"])]
    assert "believing" not in [cue for _, _, cue, _ in found(nlp, "The ads talked voters into believing the rumors.")]


def test_a_quantifier_standing_for_people_is_a_speaker(nlp):
    text = "Many of the residents say the water is unsafe."
    assert found(nlp, text) == [("indirect", "Many of the residents", "say", ["the water is unsafe"])]


def test_a_participle_remark_after_a_closing_quotation_mark(nlp):
    text = 'The senator admires the governor as a "strong leader," citing his record on taxes.'
    assert ("indirect", "The senator", "citing", ["his record on taxes"]) in found(nlp, text)
    text = 'The senator admires the governor as a "strong leader," comparing him to Lincoln.'
    assert ("indirect", "The senator", "comparing", ["him to Lincoln"]) in found(nlp, text)


def test_a_second_object_the_parse_joined_to_the_verb(nlp):
    text = "She opened by stressing fair pay, and a need to lift the state's wage floor."
    assert found(nlp, text) == [
        ("indirect", "She", "stressing", ["fair pay, and a need to lift the state's wage floor"])]


def test_finding_a_way_or_oneself_reports_nothing(nlp):
    assert found(nlp, "The two parties found a way to pass the budget.") == []
    assert found(nlp, "The soldiers often find themselves in the middle of the fighting.") == []
    text = "The auditors found serious errors in the accounts."
    assert found(nlp, text) == [("indirect", "The auditors", "found", ["serious errors in the accounts"])]


def test_a_reason_the_parse_hung_on_the_cue_verb_is_content():
    doc = conllu([("The", "the", "DET", 2, "det"), ("senator", "senator", "NOUN", 3, "nsubj"),
                  ("said", "say", "VERB", 0, "root"), ("the", "the", "DET", 5, "det"),
                  ("deal", "deal", "NOUN", 6, "nsubj"), ("failed", "fail", "VERB", 3, "ccomp"),
                  (",", ",", "PUNCT", 3, "punct"), ("because", "because", "SCONJ", 10, "mark"),
                  ("voters", "voter", "NOUN", 10, "nsubj"), ("rejected", "reject", "VERB", 3, "advcl"),
                  ("it", "it", "PRON", 10, "obj"), (".", ".", "PUNCT", 3, "punct")])
    (a,) = rule_attributions(doc)
    assert [doc.text[s:e] for s, e in a.spans] == ["the deal failed, because voters rejected it"]


def test_a_clause_joined_to_a_verb_of_speaking_after_its_content_goes_on_the_content(nlp):
    assert found(nlp, "The sheriff said it was too early to tell what caused the fire, and there was no sign "
                      "of foul play.") == [
        ("indirect", "The sheriff", "said",
         ["it was too early to tell what caused the fire, and there was no sign of foul play"])]
    assert found(nlp, "The sheriff said the road would reopen on Monday, but he denied that the bridge was safe.") == [
        ("indirect", "The sheriff", "said", ["the road would reopen on Monday"]),
        ("indirect", "he", "denied", ["that the bridge was safe"])]
    assert found(nlp, "The toll rose to nine, the sheriff said on Monday, and two hikers were still missing.") == [
        ("indirect", "the sheriff", "said", ["The toll rose to nine", "and two hikers were still missing"])]


def test_a_participle_right_after_an_object_describes_the_object(nlp):
    assert found(nlp, "The filings disclosed the spectacle of her brother making millions from a casino.") == [
        ("indirect", "The filings", "disclosed", ["the spectacle of her brother making millions from a casino"])]
    assert found(nlp, "The mayor criticized the plan, calling it a waste.")[0] == (
        "indirect", "The mayor", "criticized", ["the plan"])


def test_a_bare_verb_the_parse_joined_to_the_cue_goes_on_the_content():
    doc = conllu([("The", "the", "DET", 2, "det"), ("mayor", "mayor", "NOUN", 3, "nsubj"),
                  ("said", "say", "VERB", 0, "root", "VBD"), ("she", "she", "PRON", 5, "nsubj"),
                  ("wanted", "want", "VERB", 3, "ccomp", "VBD"), ("to", "to", "PART", 7, "aux"),
                  ("visit", "visit", "VERB", 5, "xcomp", "VB"), ("the", "the", "DET", 9, "det"),
                  ("port", "port", "NOUN", 7, "obj"), ("and", "and", "CCONJ", 11, "cc"),
                  ("meet", "meet", "VERB", 3, "conj", "VB"), ("the", "the", "DET", 13, "det"),
                  ("workers", "worker", "NOUN", 11, "obj"), (".", ".", "PUNCT", 3, "punct")])
    (a,) = rule_attributions(doc)
    assert [doc.text[s:e] for s, e in a.spans] == ["she wanted to visit the port and meet the workers"]


def test_a_subject_inside_the_quotation_is_not_the_speaker(nlp):
    text = '"My answer, that is a disgrace," the former adviser said on the radio.'
    assert found(nlp, text) == [("direct", "the former adviser", "said", ['"My answer, that is a disgrace,"'])]


def test_refusing_to_disclose_reports_what_is_disclosed(nlp):
    text = "The company has refused to disclose the contract."
    assert found(nlp, text) == [("indirect", "The company", "has refused", ["the contract"])]


def test_a_seeming_has_no_speaker(nlp):
    text = "The plan seems to have stalled in the committee."
    assert found(nlp, text) == [("indirect", None, "seems", ["The plan", "to have stalled in the committee"])]


def test_seeming_to_say_something_is_saying_it(nlp):
    text = "The senator seemed to confirm the reports of a deal."
    assert found(nlp, text) == [("indirect", "The senator", "seemed", ["the reports of a deal"])]


def test_what_someone_is_blamed_for_belongs_to_the_content(nlp):
    text = "The senator blamed the agency for the delays."
    assert found(nlp, text) == [("indirect", "The senator", "blamed", ["the agency for the delays"])]


def test_a_short_quoted_sentence_continues_but_a_quoted_name_does_not(nlp):
    text = '"The bridge will open in March," the mayor said. "Not a day later."'
    assert found(nlp, text) == [
        ("direct", "the mayor", "said", ['"The bridge will open in March,"', '"Not a day later."'])]
    text = 'The city gave the plan the title "Project Atlas." The mayor said the bridge would open in March.'
    assert found(nlp, text) == [("indirect", "The mayor", "said", ["the bridge would open in March"])]


def test_passive_cues_report_their_subject(nlp):
    text = "The proposal was criticized by the union as unfair to workers."
    assert found(nlp, text) == [
        ("indirect", "the union", "was criticized", ["The proposal", "as unfair to workers"])]
    text = "The former minister was accused of taking bribes."
    assert found(nlp, text) == [
        ("indirect", None, "was accused", ["The former minister", "of taking bribes"])]
    assert found(nlp, "The bridge was built in 1990.") == []


def test_the_subject_of_a_passive_of_asking_or_telling_is_spoken_to(nlp):
    """ "X was asked whether Y", "X were told that Y": X is addressed; what was said is Y alone."""
    assert found(nlp, "Ms. Lund was asked whether the tax would rise.") == [
        ("indirect", None, "was asked", ["whether the tax would rise"])]
    assert found(nlp, "The workers were told that the plant would close in May.") == [
        ("indirect", None, "were told", ["that the plant would close in May"])]
    (_, _, _, spans), = found(nlp, "The mayor was once asked which of her rivals she admired most.")
    assert spans == ["which of her rivals she admired most"]


def test_calls_for_an_action_and_continued_calls(nlp):
    text = "The senator called for cutting the budget."
    assert found(nlp, text) == [("indirect", "The senator", "called for", ["cutting the budget"])]
    text = "Protesters continued to call for an inquiry."
    (kind, speaker, cue, spans), = found(nlp, text)
    assert (speaker, spans) == ("Protesters", ["an inquiry"])


def test_a_proposed_action_as_a_gerund(nlp):
    text = "The council proposed raising the parking fees."
    assert found(nlp, text) == [("indirect", "The council", "proposed", ["raising the parking fees"])]


def test_a_preposition_before_an_object_introduces_the_content(nlp):
    text = "The report pointed to weak demand, a problem for exporters."
    assert found(nlp, text) == [("indirect", "The report", "pointed to", ["weak demand"])]


def test_a_quote_continues_the_last_statement_with_a_speaker(nlp):
    text = '"We will return," the chairman said after the witness was called to testify. "This is not over."'
    assert found(nlp, text)[0] == ("direct", "the chairman", "said", ['"We will return,"', '"This is not over."'])


def test_a_quote_after_no_break_spaces_continues_the_last_statement(nlp):
    text = '"We will return,"\xa0the chairman said.\xa0"This is not over."'
    assert found(nlp, text)[0] == ("direct", "the chairman", "said", ['"We will return,"', '"This is not over."'])


def test_a_quotation_that_closes_its_sentence_is_not_said_by_the_cue_after_it(nlp):
    text = '"We are neighbours," Ms. Cole said. "We are not to blame." Mr. Reed said: "The fire was an accident."'
    assert [(speaker, spans) for _, speaker, _, spans in found(nlp, text)] == [
        ("Ms. Cole", ['"We are neighbours,"', '"We are not to blame."']),
        ("Mr. Reed", ['"The fire was an accident."'])]


def test_the_opening_parenthesis_of_a_sentence_in_brackets_is_not_content(nlp):
    text = 'The council met on Friday. ("The plan is dead," the mayor said.) Nobody voted.'
    assert found(nlp, text) == [("direct", "the mayor", "said", ['"The plan is dead,"'])]
    text = "The council met on Friday. (The plan is dead, the mayor said.) Nobody voted."
    assert found(nlp, text) == [("indirect", "the mayor", "said", ["The plan is dead"])]


def test_a_quote_goes_on_from_the_last_quotation_past_a_remark_on_its_speaker(nlp):
    text = '"The plan failed," said Ann Cole, who wrote about the vote in her memoir. "Nobody wanted to admit it."'
    (kind, speaker, cue, spans), *_ = found(nlp, text)
    assert (speaker.split(",")[0], cue, spans) == ("Ann Cole", "said",
                                                   ['"The plan failed,"', '"Nobody wanted to admit it."'])
    text = '"We will win," Ann Cole said. She said the plan was flawed. "It is a waste of money."'
    assert [(speaker, spans) for _, speaker, _, spans in found(nlp, text)[1:]] == [
        ("She", ["the plan was flawed"]), ("She", ['"It is a waste of money."'])]


def test_a_quote_goes_on_from_the_last_quotation_past_a_named_report_in_its_narration(nlp):
    text = '"We will return," the chairman said on Monday, after critics said the plan was dead. "This is not over."'
    assert [(speaker, spans) for _, speaker, _, spans in found(nlp, text)] == [
        ("the chairman", ['"We will return,"', '"This is not over."']), ("critics", ["the plan was dead"])]


def test_the_subject_of_a_clause_introducing_a_quote_in_its_sentence_says_it(nlp):
    text = ('"We need a new plan," Ann Cole said at the rally. Asked about the cost, Ms. Cole shot back: '
            '"That is a question for the council."')
    assert found(nlp, text)[-1] == ("direct", "Ms. Cole", None, ['"That is a question for the council."'])


def test_a_quote_right_before_its_speaker_and_a_verb_with_an_object_is_what_the_verb_says(nlp):
    for text, speaker, quote in [
            ('"We need a new plan," Ann Cole said. "The mayor is no liar, folks," Reed assured the quiet crowd.',
             "Reed", '"The mayor is no liar, folks,"'),
            ('"We need a new plan," Ann Cole said. "Just one more minute, alright?" she urged the restless crowd.',
             "she", '"Just one more minute, alright?"'),
            ('"We need a new plan," Ann Cole said. "Why would you hide it?" Reed said about the missing report.',
             "Reed", '"Why would you hide it?"')]:
        kind, said_by, _, spans = found(nlp, text)[-1]
        assert (kind, said_by, spans) == ("direct", speaker, [quote])


def test_a_transcript_label_inside_the_quotation_is_not_content(nlp):
    text = 'The debate went on.\n\n"MODERATOR: Will you release your tax returns before the vote?\n\nOther news.'
    assert found(nlp, text) == [
        ("direct", "MODERATOR", ":", ["Will you release your tax returns before the vote?"])]


def test_a_comma_led_clause_after_a_reported_object_is_an_aside(nlp):
    text = "The governor praised the new bridge, which opened on Monday."
    assert found(nlp, text) == [("indirect", "The governor", "praised", ["the new bridge"])]


def test_a_clause_before_a_colon_or_semicolon_is_not_the_content(nlp):
    text = "It is an unlikely scenario; the campaign says she will return this week."
    assert found(nlp, text) == [("indirect", "the campaign", "says", ["she will return this week"])]
    text = "We have seen this before: the minister promised reforms in 2010."
    assert found(nlp, text) == [("indirect", "the minister", "promised", ["reforms"])]
    text = "We have been here before: Harbor Energy declared bankruptcy in 2010."  # the parse hangs ":" on the clause
    assert found(nlp, text) == [("indirect", "Harbor Energy", "declared", ["bankruptcy"])]


def test_a_fronted_clause_is_no_content_when_the_cue_has_one_after_it(nlp):
    text = "In her 2010 book, ''Save Your Money First,'' Ms. Roe suggested looking at the bills you pay each month."
    assert found(nlp, text) == [
        ("indirect", "Ms. Roe", "suggested", ["looking at the bills you pay each month"])]


def test_an_as_clause_of_seeming_reports_nothing(nlp):
    assert found(nlp, "As strange as it may seem, the mayor said the plan had worked.") == [
        ("indirect", "the mayor", "said", ["the plan had worked"])]
    assert found(nlp, "As it seems, the talks have stalled.") == []


def test_an_as_clause_with_content_of_its_own_frames_nothing(nlp):
    text = "Violence continues in the region as two powers support the army."
    assert found(nlp, text) == [("indirect", "two powers", "support", ["the army"])]
    text = "The singer was emotional as she called for an end to the war."
    assert found(nlp, text) == [("indirect", "she", "called for", ["an end to the war"])]


def test_a_participle_remark_goes_on_with_its_subject(nlp):
    text = "The court blocked the law, citing a threat to public safety."
    assert found(nlp, text) == [("indirect", "The court", "citing", ["a threat to public safety"])]
    text = '"We will appeal," the mayor said, citing the budget. "The fight goes on."'
    assert found(nlp, text) == [
        ("direct", "the mayor", "said", ['"We will appeal,"', '"The fight goes on."']),
        ("indirect", "the mayor", "citing", ["the budget"])]


def test_a_reply_joined_to_the_content_is_a_statement_of_its_own(nlp):
    text = "The chief said the road would close and the mayor denied the report."
    assert found(nlp, text) == [
        ("indirect", "The chief", "said", ["the road would close"]),
        ("indirect", "the mayor", "denied", ["the report"])]


def test_a_bare_verb_joined_to_the_content_shares_its_subject(nlp):
    text = "Jane Roe said that if voters are unhappy, they should change the rules rather than criticize her."
    assert found(nlp, text)[1] == ("indirect", "they", "criticize", ["her"])


def test_a_verb_joined_to_a_subordinate_clause_is_done_by_its_subject(nlp):
    text = "The governor described the senator as a disgrace after she attacked the police and blamed crime on the courts."
    assert found(nlp, text)[2] == ("indirect", "she", "blamed", ["crime on the courts"])


def test_a_concession_with_its_own_speaker_is_a_statement_of_its_own(nlp):
    text = "She said the plan was fair, though critics noted that costs had doubled."
    assert found(nlp, text) == [
        ("indirect", "She", "said", ["the plan was fair"]),
        ("indirect", "critics", "noted", ["that costs had doubled"])]


def test_whom_a_nominal_cue_is_addressed_to_is_not_its_content(nlp):
    assert found(nlp, "Jane Roe's statements to the police do not matter.") == []
    assert found(nlp, "The senator's opposition to the bridge surprised voters.") == [
        ("indirect", "The senator", "opposition", ["the bridge"])]


def test_a_nominal_cue_with_an_infinitive(nlp):
    text = "Workers protested the board's decision to reject the offer."
    assert found(nlp, text) == [("indirect", "the board", "decision", ["to reject the offer"])]


def test_a_relative_word_before_a_medial_cue_is_content(nlp):
    text = "The mill, which the owner says he will sell, employs 300 people."
    assert found(nlp, text) == [("indirect", "the owner", "says", ["which", "he will sell"])]


def test_an_adverbial_before_a_medial_cue_is_part_of_the_content(nlp):
    text = "Too often, the mayor said, the debate is about money."
    assert found(nlp, text) == [("indirect", "the mayor", "said", ["Too often", "the debate is about money"])]


def test_conjoined_infinitives_stay_in_the_content(nlp):
    text = "She wants to double the agency's budget, grow the reserve and create a new fund."
    assert found(nlp, text) == [
        ("indirect", "She", "wants", ["to double the agency's budget, grow the reserve and create a new fund"])]


def test_a_phrase_right_after_the_object_belongs_to_it_but_not_when_or_where(nlp):
    assert found(nlp, "Many colleges offer merit aid to good students.") == [
        ("indirect", "Many colleges", "offer", ["merit aid to good students"])]
    assert found(nlp, "The mayor praised the plan during a visit to the port.") == [
        ("indirect", "The mayor", "praised", ["the plan"])]


def test_only_a_reporting_participle_is_a_remark_on_the_speaking(nlp):
    text = "The minister said the new port would create jobs, allowing the region to grow."
    assert found(nlp, text) == [
        ("indirect", "The minister", "said", ["the new port would create jobs, allowing the region to grow"])]
    text = "The minister said the new port would create jobs, citing a recent study."
    assert found(nlp, text) == [
        ("indirect", "The minister", "said", ["the new port would create jobs"]),
        ("indirect", "The minister", "citing", ["a recent study"])]


def test_of_two_subjects_the_nearest_is_the_speaker(nlp):
    text = "The party needs new leaders.\n\nPeople like Scott, he said."
    assert found(nlp, text)[-1] == ("indirect", "he", "said", ["People like Scott"])


def test_who_is_asked_to_act_belongs_to_the_content(nlp):
    text = "The senators asked the agency to release the files."
    assert found(nlp, text) == [("indirect", "The senators", "asked", ["the agency to release the files"])]


def test_what_someone_is_asked_about(nlp):
    text = "The host asked the senator about the budget deficit."
    assert found(nlp, text) == [("indirect", "The host", "asked", ["the budget deficit"])]


def test_a_question_put_by_someone_unnamed_has_no_speaker(nlp):
    """ "Asked what X, she ...": the one asked answers; who asked is not named, and the parse may read the
    participle as a finite verb. The question is no statement of the one who answers."""
    found_here = found(nlp, "Asked what the new bridge would cost, the mayor declined to answer.")
    assert ("indirect", None, "Asked", ["what the new bridge would cost"]) in found_here
    assert not any(speaker == "the mayor" and "cost" in " ".join(spans) for _, speaker, _, spans in found_here)


def test_a_quoted_phrase_inside_narration_is_no_ones_continuation(nlp):
    text = ('The minister said the talks would go on. The rebels gave the offer the name "cynical trick to buy '
            'more time." The army said it would withdraw.')
    assert [r[1] for r in found(nlp, text)] == ["The minister", "The army"]


def test_a_long_speaker_between_the_quote_and_its_cue(nlp):
    text = ('The rally began at noon.\n\n"What a great day for this town!" The governor\'s niece, state Sen. '
            'Ana Ruiz (D-Norfolk), shouted to the crowd.')
    (kind, speaker, cue, spans), = found(nlp, text)
    assert (kind, cue, spans) == ("direct", "shouted", ['"What a great day for this town!"'])
    assert speaker == "The governor's niece, state Sen. Ana Ruiz (D-Norfolk)"


def test_likening_one_thing_to_another(nlp):
    text = 'The senator likened the tax plan to "a robbery in broad daylight."'
    assert found(nlp, text) == [
        ("mixed", "The senator", "likened", ['the tax plan to "a robbery in broad daylight."'])]


def test_what_follows_a_final_according_to_describes_the_source(nlp):
    text = "Prices rose by 4 percent, according to the central bank, a body that rarely comments on the economy."
    assert found(nlp, text)[0] == ("indirect", "the central bank", "according to", ["Prices rose by 4 percent"])
    text = "Prices rose by 4 percent, according to the central bank, and wages fell."
    (kind, speaker, cue, spans), = found(nlp, text)
    assert "wages fell" in spans[-1]


def test_a_participle_opening_the_sentence_goes_on_with_the_subject(nlp):
    text = "Citing a new study, the mayor said the bridge was safe."
    assert found(nlp, text) == [
        ("indirect", "the mayor", "Citing", ["a new study"]),
        ("indirect", "the mayor", "said", ["the bridge was safe"])]


def test_content_after_the_cue_ends_at_a_semicolon(nlp):
    text = "Officials said the delay was not deliberate; they learned of the fault on Friday."
    assert found(nlp, text)[0] == ("indirect", "Officials", "said", ["the delay was not deliberate"])


def test_a_joined_verb_with_a_prepositional_content_is_a_statement_of_its_own(nlp):
    text = "The minister said she would review the budget and warned against cuts to schools."
    assert found(nlp, text) == [
        ("indirect", "The minister", "said", ["she would review the budget"]),
        ("indirect", "The minister", "warned against", ["cuts to schools"])]


def test_a_linking_adverb_and_a_dateline_are_not_the_speakers_words(nlp):
    text = "However, the new bridge will open two months late, the city said."
    assert found(nlp, text)[0][3] == ["the new bridge will open two months late"]
    text = "BERLIN ― The coalition will survive the vote, party leaders said on Monday."
    assert found(nlp, text)[0][3] == ["The coalition will survive the vote"]
    text = "However strong the case, the appeal will fail, the lawyer said."
    assert found(nlp, text)[0][3] == ["However strong the case, the appeal will fail"]
    for dateline in ("DETROIT -", "DETROIT (Reuters) -", "PARIS (AFP) ―"):
        text = f"{dateline} The plant will close in May, the company said on Monday."
        assert found(nlp, text)[0][3] == ["The plant will close in May"]


def test_needing_and_requiring_report_nothing(nlp):
    assert found(nlp, "The city needs more money for its schools.") == []
    assert found(nlp, "The law requires candidates to file their reports by June.") == []


def test_a_that_clause_hung_on_the_addressee_is_the_content(nlp):
    text = "In Denver last week, he told a gathering of union leaders that nobody grasped the risks better than workers."
    assert found(nlp, text) == [
        ("indirect", "he", "told", ["that nobody grasped the risks better than workers"])]
    text = "The driver disputes the notion that he was speeding."
    assert found(nlp, text)[0][3] == ["the notion that he was speeding"]


def test_said_as_much_points_to_an_earlier_statement(nlp):
    assert found(nlp, "Her aide said as much on Monday.") == [("indirect", "Her aide", "said", ["as much"])]
    assert found(nlp, "He knows as much about trade as I do.") == []


def test_a_pronoun_object_stays_on_what_it_is_accused_of(nlp):
    """PolNeAR's contents keep the object with its preposition ("accused him of X", "praised her for X")."""
    text = "The senator accused him of hiding the report."
    assert found(nlp, text) == [("indirect", "The senator", "accused", ["him of hiding the report"])]
    text = "The mayor praised them for their quick work on the bridge."
    assert found(nlp, text) == [("indirect", "The mayor", "praised", ["them for their quick work on the bridge"])]


def test_an_expressed_feeling_names_the_cue_and_its_complement_is_the_content(nlp):
    text = "Several teachers have expressed deep concern about the new curriculum."
    assert found(nlp, text) == [("indirect", "Several teachers", "have expressed", ["the new curriculum"])]
    text = "Parents expressed fear that the school would close."
    assert found(nlp, text)[0][3] == ["that the school would close"]


def test_a_that_clause_on_a_noun_of_saying_is_that_nouns_content(nlp):
    text = "The senator seized on the governor's claim that taxes would fall next year."
    assert found(nlp, text) == [("indirect", "the governor", "claim", ["that taxes would fall next year"])]
    text = "The mayor pounced on a Daily Herald report that the city had lost millions on the stadium."
    assert found(nlp, text) == [
        ("indirect", "Daily Herald", "report", ["that the city had lost millions on the stadium"])]


def test_a_participle_on_an_adjunct_goes_on_with_the_clause_subject(nlp):
    text = "The minister spoke at a press conference announcing that the border would reopen."
    assert found(nlp, text) == [("indirect", "The minister", "announcing", ["that the border would reopen"])]
    text = "The mayor set up a commission urging residents to report fraud."
    assert found(nlp, text) == [("indirect", "The mayor", "urging", ["residents to report fraud"])]


def test_a_past_participle_names_who_is_acted_on_not_a_speaker(nlp):
    assert found(nlp, "The board took questions from parents invited to attend the meeting.") == []


def test_an_object_control_verb_makes_its_object_the_speaker(nlp):
    text = "The committee forced the director to admit that the files were lost."
    assert found(nlp, text) == [("indirect", "the director", "to admit", ["that the files were lost"])]
    text = "The scandal left many voters feeling that the system was rigged."
    assert found(nlp, text) == [("indirect", "many voters", "feeling", ["that the system was rigged"])]
    text = "The new ad uses footage of the governor saying that the plant will stay open."
    assert found(nlp, text) == [("indirect", "the governor", "saying", ["that the plant will stay open"])]


def test_an_as_clause_with_a_prepositional_content_is_a_statement_of_its_own(nlp):
    text = "As the mayor talked about building more housing, the governor praised the new budget."
    assert found(nlp, text) == [("indirect", "the mayor", "talked about", ["building more housing"]),
                                ("indirect", "the governor", "praised", ["the new budget"])]


def test_saying_the_same_or_saying_little_about_something(nlp):
    assert found(nlp, "Several senators have said the same thing, including the chairman.") == [
        ("indirect", "Several senators", "have said", ["the same thing"])]
    assert found(nlp, "Only 40 percent said the same of the governor.") == [
        ("indirect", "Only 40 percent", "said", ["the same of the governor"])]
    assert found(nlp, "The minister isn't saying much about the budget talks.") == [
        ("indirect", "The minister", "isn't saying", ["the budget talks"])]


def test_a_meeting_to_discuss_something_reports_what_was_discussed(nlp):
    assert found(nlp, "The ministers met in Brussels on Monday to discuss the refugee crisis.") == [
        ("indirect", "The ministers", "to discuss", ["the refugee crisis"])]


def test_what_someone_is_mocked_or_hailed_for_is_content(nlp):
    assert found(nlp, "The senator mocked the governor for skipping the debate.") == [
        ("indirect", "The senator", "mocked", ["the governor for skipping the debate"])]


def test_a_question_joined_to_a_prepositional_content_goes_on_it(nlp):
    text = "The judge spoke of the long fight for civil rights, and how the courts had often failed."
    assert found(nlp, text) == [("indirect", "The judge", "spoke of",
                                 ["the long fight for civil rights, and how the courts had often failed"])]


def test_a_word_or_two_before_the_cue_opens_the_quotation(claims_of):
    claim, = claims_of('"Perhaps," the minister said, "the talks will resume next week after the holiday."')
    assert len(claim.spans) == 2 and claim.quote_text.startswith('"Perhaps,"')


def test_refusing_to_pledge_something_reports_what_is_pledged(nlp):
    assert found(nlp, "The governor again refused to pledge to cut the sales tax.") == [
        ("indirect", "The governor", "refused", ["to cut the sales tax"])]


def test_a_relative_clause_on_remarks_misread_as_the_verbs_clause():
    doc = conllu([("The", "the", "DET", 2, "det"), ("senator", "senator", "NOUN", 3, "nsubj"),
                  ("cited", "cite", "VERB", 0, "root"), ("remarks", "remark", "NOUN", 3, "obj"),
                  ("the", "the", "DET", 6, "det"), ("mayor", "mayor", "NOUN", 7, "nsubj"),
                  ("made", "make", "VERB", 3, "ccomp"), ("as", "as", "ADP", 9, "case"),
                  ("signs", "sign", "NOUN", 7, "obl"), ("of", "of", "ADP", 12, "case"),
                  ("the", "the", "DET", 12, "det"), ("city", "city", "NOUN", 9, "nmod"),
                  ("'s", "'s", "PART", 3, "conj", "POS"), ("neglect", "neglect", "NOUN", 3, "xcomp"),
                  ("of", "of", "ADP", 16, "case"), ("voters", "voter", "NOUN", 14, "nmod"),
                  (".", ".", "PUNCT", 3, "punct")])
    (a,) = rule_attributions(doc)
    assert (a.speaker.text, a.cue.text, [doc.text[s:e] for s, e in a.spans]) == (
        "The senator", "cited", ["remarks the mayor made as signs of the city 's neglect of voters"])


def test_a_bare_passive_of_a_verb_with_other_senses_reports_nothing(nlp):
    for text in ("Forty families were admitted last year.", "The festival is observed in the spring.",
                 "Loud bangs were heard near the station."):
        assert found(nlp, text) == []
    assert found(nlp, "The senator was accused of lying.") == [
        ("indirect", None, "was accused", ["The senator", "of lying"])]
    text = "By Friday, 11 pilots and three medics were admitted as well as 40 others who only listed a hometown."
    assert [a[2] for a in found(nlp, text)] == ["listed"]  # "as well as" completes no passive


def test_a_proposal_with_lets_reports_nothing(nlp):
    assert found(nlp, "Rather than argue about taxes, let's focus on understanding how the money moves.") == []
    assert found(nlp, "Let's say you think a degree will cost $90,000 in ten years.") == [
        ("indirect", "you", "think", ["a degree will cost $90,000 in ten years"])]


def test_a_question_put_to_you_reports_nothing(nlp):
    assert found(nlp, "Would you still vote for the mayor after the scandal?") == []
    assert found(nlp, "Do you know where the money went?") == []
    assert found(nlp, "You said the deal was dead.") == [("indirect", "You", "said", ["the deal was dead"])]


def test_what_a_fact_means_is_no_statement(nlp):
    assert found(nlp, "The losses mean the company may owe no tax this year.") == []
    assert found(nlp, "He meant that the talks had failed.") == [
        ("indirect", "He", "meant", ["that the talks had failed"])]


def test_criticism_or_questions_someone_faces_without_naming_the_critics(nlp):
    assert found(nlp, "The mayor faced sharp criticism for closing the library.") == [
        ("indirect", None, "criticism", ["closing the library"])]
    assert found(nlp, "The senator has faced questions about his travel expenses.") == [
        ("indirect", None, "questions", ["his travel expenses"])]
    assert found(nlp, "The coach is drawing criticism after the loss.") == [
        ("indirect", None, "criticism", ["The coach"])]
    assert found(nlp, "The family is facing this question now.") == []


def test_a_running_story_header_is_no_speaker(nlp):
    assert found(nlp, "The Latest: Storm closes schools across the region.") == []


def test_what_an_issued_or_filed_document_says_is_the_content(nlp):
    assert found(nlp, "The union filed legal papers opposing the merger.") == [
        ("indirect", "The union", "filed", ["the merger"])]
    assert found(nlp, "The council issued a statement calling the vote a fraud.") == [
        ("indirect", "The council", "issued", ["the vote a fraud"])]
    assert found(nlp, "Two newspapers filed a motion to open the court files.") == [
        ("indirect", "Two newspapers", "filed", ["to open the court files"])]


def test_what_a_document_is_about_or_against_is_the_content(nlp):
    assert found(nlp, "The families filed a lawsuit against the gun maker.") == [
        ("indirect", "The families", "filed", ["the gun maker"])]
    assert found(nlp, "The mayor wrote a letter about the closure of the library.") == [
        ("indirect", "The mayor", "wrote", ["the closure of the library"])]


def test_a_document_speaks_for_whoever_put_it_out(nlp):
    """A participle or relative clause on a document that its subject gave, ran or issued is that subject's
    statement: the mayor urges, the union warns, not the speech or the advertisement."""
    (_, speaker, _, spans), = found(nlp, "The mayor gave a speech urging voters to reject the tax.")
    assert (speaker, spans) == ("The mayor", ["voters to reject the tax"])
    (_, speaker, _, spans), = found(nlp, "The union ran an advertisement that warned the plant would close.")
    assert (speaker, spans) == ("The union", ["the plant would close"])


def test_a_noun_that_only_frames_the_content_is_left_out(nlp):
    assert found(nlp, "Several ministers have embraced the idea of a common army.") == [
        ("indirect", "Several ministers", "have embraced", ["a common army"])]
    assert found(nlp, "The mayor has answered questions about the budget.") == [
        ("indirect", "The mayor", "has answered", ["the budget"])]
    assert found(nlp, "The author offered insights into the life of the president.") == [
        ("indirect", "The author", "offered", ["the life of the president"])]


def test_a_sentence_opening_with_the_poll_it_reports(nlp):
    assert found(nlp, "In the latest poll, the governor leads her rival by six points.") == [
        ("indirect", "the latest poll", "In", ["the governor leads her rival by six points"])]
    assert found(nlp, "In a poll released Monday, most voters said the economy was improving.") == [
        ("indirect", "most voters", "said", ["the economy was improving"])]


def test_struggling_to_do_something_reports_nothing(nlp):
    assert found(nlp, "The town struggles to get back to normal after the flood.") == []
    assert found(nlp, "The senator is attempting to move a bill through the Senate.") == []


def test_pushing_deciding_or_worrying_something_reports_nothing(nlp):
    assert found(nlp, "A red tractor pushed the fence aside.") == []
    assert found(nlp, "The ruling could decide the case.") == []
    assert found(nlp, "That worries the neighbors.") == []
    assert found(nlp, "The council decided to close the library.") == [
        ("indirect", "The council", "decided", ["to close the library"])]


def test_considering_something_weighs_it_and_says_nothing(nlp):
    assert found(nlp, "The court considered the matter on Tuesday.") == []
    assert found(nlp, "State regulators did not consider Jane Roe a realistic option.") == [
        ("indirect", "State regulators", "did not consider", ["Jane Roe a realistic option"])]


def test_someone_held_up_as_a_quoted_label_is_labelled_in_the_subjects_words(nlp):
    assert found(nlp, "The senator has been pounding Smith as a “career politician.”") == [
        ("mixed", "The senator", "has been pounding", ["Smith as a “career politician.”"])]
    assert found(nlp, "The band toured the country as a “tribute act.”") == []


def test_a_title_on_its_own_is_no_continuation_of_the_last_speaker(nlp):
    text = '"We will rebuild the harbor," the mayor said.\n\n"Winter Is Coming Back."'
    assert [spans for _, _, _, spans in found(nlp, text)] == [['"We will rebuild the harbor,"']]
    text = '"We will rebuild the harbor," the mayor said. "Nobody will stop us now."'
    assert [spans for _, _, _, spans in found(nlp, text)] == [
        ['"We will rebuild the harbor,"', '"Nobody will stop us now."']]


def test_a_short_quote_naming_the_noun_before_it_is_no_statement(nlp):
    for text in ['"We will win," Ann Cole said. Her rival launched a new radio program, "The Night Shift."',
                 '"We will win," Ann Cole said. She avoided the charged term, "deep state," all evening.']:
        assert [spans for _, _, _, spans in found(nlp, text)] == [['"We will win,"']]


def test_a_decision_to_act_is_no_statement_but_a_decision_to_speak_is(nlp):
    assert found(nlp, "Norway's decision to leave the alliance surprised its neighbors.") == []
    (kind, speaker, cue, spans), = found(nlp, "The board's decision to endorse the mayor surprised her rivals.")
    assert (speaker, cue, spans) == ("The board", "decision", ["to endorse the mayor"])


def test_an_inverted_said_before_a_colon_introduces_the_quotation(nlp):
    text = 'Critics say the plan would raise costs. Said Smith: "I do not see how this works for families."'
    assert found(nlp, text)[1] == ("direct", "Smith", "Said", ['"I do not see how this works for families."'])


def test_an_object_cue_describing_the_speaker_is_no_statement_of_its_own(nlp):
    text = ('"These are hard times," said Jane Roe, a lawyer for the union, who has been challenging the company '
            'over safety for years. "I do not know what the owners want."')
    (kind, speaker, cue, spans), = found(nlp, text)
    assert (kind, cue, spans) == ("direct", "said", ['"These are hard times,"', '"I do not know what the owners want."'])
    assert speaker.startswith("Jane Roe")


def test_a_cue_interrupting_the_subject_reports_the_whole_clause(nlp):
    text = "The difference now, he told me on Friday, is that the company has more cash."
    assert found(nlp, text) == [("indirect", "he", "told", ["The difference now", "is that the company has more cash"])]


def test_what_opens_the_interrupted_clause_is_content_when_the_parse_hangs_it_on_the_cue():
    doc = conllu([("Tenants", "tenant", "NOUN", 4, "nsubj", "NNS"), (",", ",", "PUNCT", 4, "punct"),
                  ("Moreno", "Moreno", "PROPN", 4, "nsubj", "NNP"), ("suggested", "suggest", "VERB", 7, "parataxis"),
                  (",", ",", "PUNCT", 4, "punct"), ("need", "need", "AUX", 7, "aux", "MD"),
                  ("fear", "fear", "VERB", 0, "root", "VB"), ("no", "no", "DET", 9, "det"),
                  ("increase", "increase", "NOUN", 7, "obj", "NN"), (".", ".", "PUNCT", 7, "punct")])
    (a,) = rule_attributions(doc)
    assert (a.speaker.text, a.cue.text, [doc.text[s:e] for s, e in a.spans]) == (
        "Moreno", "suggested", ["Tenants", "need fear no increase"])
    doc = conllu([("Most", "most", "ADJ", 2, "amod"), ("nights", "night", "NOUN", 5, "obl:npmod", "NNS"),
                  (",", ",", "PUNCT", 5, "punct"), ("neighbours", "neighbour", "NOUN", 5, "nsubj", "NNS"),
                  ("said", "say", "VERB", 9, "parataxis", "VBD"), (",", ",", "PUNCT", 5, "punct"),
                  ("the", "the", "DET", 8, "det"), ("band", "band", "NOUN", 9, "nsubj"),
                  ("rehearsed", "rehearse", "VERB", 0, "root", "VBD"), ("until", "until", "ADP", 11, "case"),
                  ("dawn", "dawn", "NOUN", 9, "obl"), (".", ".", "PUNCT", 9, "punct")])
    (a,) = rule_attributions(doc)
    assert [doc.text[s:e] for s, e in a.spans] == ["Most nights", "the band rehearsed until dawn"]


def test_a_participle_clause_opening_the_interrupted_clause_is_not_content():
    # "Asked about X" tells how the words came, wherever the parse hangs it; a gerund that is the clause's
    # subject ("Riding alone, they said, is risky") stays
    rows = [("Asked", "ask", "VERB", 13, "advcl", "VBN"), ("about", "about", "ADP", 4, "case"),
            ("the", "the", "DET", 4, "det"), ("delay", "delay", "NOUN", 1, "obl"), (",", ",", "PUNCT", 1, "punct"),
            ("the", "the", "DET", 7, "det"), ("minister", "minister", "NOUN", 8, "nsubj"),
            ("said", "say", "VERB", 13, "parataxis", "VBD"), (",", ",", "PUNCT", 8, "punct"),
            ("the", "the", "DET", 11, "det"), ("bridge", "bridge", "NOUN", 13, "nsubj"),
            ("will", "will", "AUX", 13, "aux", "MD"), ("open", "open", "VERB", 0, "root", "VB"),
            ("in", "in", "ADP", 15, "case"), ("May", "May", "PROPN", 13, "obl"), (".", ".", "PUNCT", 13, "punct")]
    doc = conllu(rows)
    said = [a for a in rule_attributions(doc) if a.cue.text == "said"]
    assert [(a.speaker.text, [doc.text[s:e] for s, e in a.spans]) for a in said] == [
        ("the minister", ["the bridge will open in May"])]
    doc = conllu([("Riding", "ride", "VERB", 8, "advcl", "VBG"), ("alone", "alone", "ADV", 1, "advmod"),
                  (",", ",", "PUNCT", 5, "punct"), ("they", "they", "PRON", 5, "nsubj"),
                  ("said", "say", "VERB", 8, "parataxis", "VBD"), (",", ",", "PUNCT", 5, "punct"),
                  ("is", "be", "AUX", 8, "cop", "VBZ"), ("risky", "risky", "ADJ", 0, "root", "JJ"),
                  (".", ".", "PUNCT", 8, "punct")])
    (a,) = rule_attributions(doc)
    assert [doc.text[s:e] for s, e in a.spans] == ["Riding alone", "is risky"]


def test_a_trailing_apposition_with_a_relative_clause_is_the_writers(nlp):
    assert found(nlp, "Aides say the governor would have to consider Jane Smith, a former judge who can raise "
                      "money across the state.") == [
        ("indirect", "Aides", "say", ["the governor would have to consider Jane Smith"])]
    assert found(nlp, "The mayor praised the plan by Jane Smith, the director.") == [
        ("indirect", "The mayor", "praised", ["the plan by Jane Smith, the director"])]


def test_a_trailing_relative_clause_set_off_by_a_comma_is_the_writers(nlp):
    assert found(nlp, "The mayor said she would back the ferry plan, which comes to a vote on Monday.") == [
        ("indirect", "The mayor", "said", ["she would back the ferry plan"])]
    assert found(nlp, "Aides said the council hired Tom Berry, who ran the harbor for ten years.") == [
        ("indirect", "Aides", "said", ["the council hired Tom Berry"])]
    text = "The mayor said the ferry plan that the council drafted would cost too much."  # restrictive: said
    assert found(nlp, text) == [
        ("indirect", "The mayor", "said", ["the ferry plan that the council drafted would cost too much"])]


def test_a_quotation_after_the_colon_ending_reported_speech_goes_on_with_it(nlp):
    text = 'The coach said the team has the one quality a champion needs: "Patience -- real patience, and mixed with nerve."'
    assert found(nlp, text) == [("mixed", "The coach", "said", [
        "the team has the one quality a champion needs", '"Patience -- real patience, and mixed with nerve."'])]


def test_a_cueless_quotation_goes_on_with_what_was_said_not_with_a_described_act(nlp):
    text = ('"We will talk to them," the minister said after the meeting. He did not mention sanctions. '
            '"Our aim is to calm things down."')
    assert found(nlp, text) == [
        ("direct", "the minister", "said", ['"We will talk to them,"', '"Our aim is to calm things down."']),
        ("indirect", "He", "did not mention", ["sanctions"])]


def test_an_object_cue_leaves_out_where_it_was_said(nlp):
    assert found(nlp, "The senator criticized the new budget on her website.") == [
        ("indirect", "The senator", "criticized", ["the new budget"])]
    assert found(nlp, "The governor praised the volunteers in his remarks.") == [
        ("indirect", "The governor", "praised", ["the volunteers"])]


def test_a_withheld_reply_keeps_its_preposition(nlp):
    assert found(nlp, "The company did not immediately respond to requests for comment.") == [
        ("indirect", "The company", "did not immediately respond", ["to requests for comment"])]


def test_an_infinitive_goes_on_with_a_coordinated_bare_verb_the_tagger_reads_as_present(nlp):
    assert found(nlp, "The mayor is promising to reach and in some years exceed the housing targets without raising "
                      "fees.") == [("indirect", "The mayor", "is promising",
                                    ["to reach and in some years exceed the housing targets without raising fees"])]


def test_releasing_records_or_people_is_no_statement(nlp):
    assert found(nlp, "The governor released his tax returns on Friday.") == []
    assert found(nlp, "The deal would release the former owners from liability.") == []
    assert found(nlp, "The governor released a statement praising the volunteers.") == [
        ("indirect", "The governor", "released", ["the volunteers"])]


def test_goes_without_saying_is_the_writers_idiom(nlp):
    assert found(nlp, "It goes without saying that the plan is a mistake.") == []


def test_a_second_object_completes_a_pronoun_object(nlp):
    assert found(nlp, "A new poll released Monday shows her ahead 3 points in the state.") == [
        ("indirect", "A new poll released Monday", "shows", ["her ahead 3 points in the state"])]


def test_a_name_or_a_convened_meeting_is_no_statement(nlp):
    assert found(nlp, "His nonprofit group, called the Citizens Land Fund, will still own the property.") == []
    assert [a for a in found(nlp, "The council called an urgent meeting to discuss the flood.")
            if a[2] == "called"] == []


def test_content_that_runs_into_a_quotation_goes_on_to_its_end(nlp):
    text = 'The governor described the senator as "a bit rattled tonight, always trying to squeeze his lines in."'
    (kind, speaker, cue, spans), = found(nlp, text)
    assert (kind, speaker, cue) == ("mixed", "The governor", "described")
    assert spans == ['the senator as "a bit rattled tonight, always trying to squeeze his lines in."']


def test_verbs_of_lamenting_and_proclaiming_report_their_object(nlp):
    text = "Jane Roe bemoaned the closing of the shipyard. The rebels proclaimed a goal of lasting peace."
    assert found(nlp, text) == [
        ("indirect", "Jane Roe", "bemoaned", ["the closing of the shipyard"]),
        ("indirect", "The rebels", "proclaimed", ["a goal of lasting peace"])]


def test_ruling_against_and_wondering_about_report_what_follows_the_preposition(nlp):
    assert found(nlp, "A federal court ruled Friday against the state's new voting law.") == [
        ("indirect", "A federal court", "ruled", ["the state's new voting law"])]
    assert found(nlp, "Analysts wondered about the senator's ability to win the primary.") == [
        ("indirect", "Analysts", "wondered about", ["the senator's ability to win the primary"])]
    assert found(nlp, "Other officials weighed in on the plan to close the port.") == [
        ("indirect", "Other officials", "weighed in", ["the plan to close the port"])]


def test_a_predicate_adjective_of_stance_reports_its_complement(nlp):
    assert found(nlp, "Jane Roe is confident that the bill will pass.") == [
        ("indirect", "Jane Roe", "confident", ["that the bill will pass"])]
    assert found(nlp, "The senator has been critical of the mayor since the primary.") == [
        ("indirect", "The senator", "has been critical of", ["the mayor"])]
    assert found(nlp, "The union is willing to accept a smaller raise.") == [
        ("indirect", "The union", "willing", ["to accept a smaller raise"])]
    assert found(nlp, "It is certain that the plant will close.") == []


def test_a_possessive_pronoun_holds_a_nominal_cue_outside_quotations(nlp):
    assert found(nlp, "Contrary to his claim that prices would fall, they rose.") == [
        ("indirect", "his", "claim", ["that prices would fall"])]
    assert found(nlp, '"Our support for the plan is firm," she said.') == [
        ("direct", "she", "said", ['"Our support for the plan is firm,"'])]
    assert found(nlp, "His remarks Saturday angered the union.") == []


def test_nouns_of_concluding_and_fearing_are_nominal_cues(nlp):
    assert found(nlp, "The judge's conclusion that the law was void surprised many.") == [
        ("indirect", "The judge", "conclusion", ["that the law was void"])]
    assert found(nlp, "Her fear that the mill would close proved right.") == [
        ("indirect", "Her", "fear", ["that the mill would close"])]


def test_verbs_of_playing_down_and_praising_report_their_object(nlp):
    assert found(nlp, "The minister downplayed the risk of flooding.") == [
        ("indirect", "The minister", "downplayed", ["the risk of flooding"])]
    assert found(nlp, "Jane Roe lauded the mayor for his work on the port.") == [
        ("indirect", "Jane Roe", "lauded", ["the mayor for his work on the port"])]


def test_a_participle_on_a_document_is_what_the_document_says(nlp):
    assert found(nlp, "In a statement announcing the merger, the company praised its workers.") == [
        ("indirect", "a statement", "announcing", ["the merger"]),
        ("indirect", "the company", "praised", ["its workers"])]


def test_a_verb_of_depicting_with_an_as_phrase_reports_both(nlp):
    assert found(nlp, "The mayor painted her rival as a friend of the developers.") == [
        ("indirect", "The mayor", "painted", ["her rival as a friend of the developers"])]
    assert found(nlp, "Many farmers saw the levy as an attack on their way of life.") == [
        ("indirect", "Many farmers", "saw", ["the levy as an attack on their way of life"])]
    assert found(nlp, "She saw the harbor from her window.") == []


def test_a_passive_of_regarding_reports_its_subject_and_what_it_is_held_to_be(nlp):
    assert found(nlp, "The launch is considered a threat to the region.") == [
        ("indirect", None, "is considered", ["The launch", "a threat to the region"])]
    assert found(nlp, "The bridge is considered safe by the state's engineers.") == [
        ("indirect", "the state's engineers", "is considered", ["The bridge", "safe"])]


def test_verbs_of_sensing_and_contemplating_report_their_object(nlp):
    assert found(nlp, "The mayor sensed growing frustration among dock workers.") == [
        ("indirect", "The mayor", "sensed", ["growing frustration among dock workers"])]


def test_a_cue_in_a_later_sentence_of_a_statement_after_a_colon_is_part_of_it(nlp):
    text = "Jane Roe added:\n\nThe plan will fail. The money is gone. I mean, that is the message the board is sending."
    assert found(nlp, text) == [
        ("indirect", "Jane Roe", "added", [text[text.index("The plan"):]])]


def test_a_content_cut_after_a_possessive_goes_on_through_a_noun_the_tagger_read_as_a_verb(nlp):
    assert found(nlp, "The Harbor Group issued a white paper welcoming the Roe administration’s plans to expand the "
                      "port, and calling for new bridges.") == [
        ("indirect", "The Harbor Group", "issued", ["the Roe administration’s plans to expand the port"])]


def test_a_time_before_the_speaker_is_no_content(nlp):
    assert found(nlp, "Minutes before boarding a train to Chicago, Roe campaigned for Smith among "
                      "dock workers.") == [("indirect", "Roe", "campaigned for", ["Smith"])]


def test_a_signature_after_a_dash_ends_with_its_line(nlp):
    text = "“The river is rising fast tonight.” ― Jane Roe.\n\n“We need more help on the levee.” ― John Doe"
    assert [(kind, speaker, cue) for kind, speaker, cue, _ in found(nlp, text)] == [
        ("direct", "Jane Roe.", "―"), ("direct", "John Doe", "―")]


def test_a_quotation_set_off_by_dashes_after_a_name_is_that_names(nlp):
    text = ('The plan has few friends on the board, among them Jane Roe -- "This plan would cost the town far more '
            'than it saves" -- and two others.')
    assert ("direct", "Jane Roe", "--", ['"This plan would cost the town far more than it saves"']) in found(nlp, text)


def test_a_speaker_after_the_verb_that_the_parse_made_its_object(nlp):
    text = 'Dockers voted on Monday. "It is the port\'s call now," added another Harbor Union delegate.'
    speakers = [(speaker, cue) for _, speaker, cue, _ in found(nlp, text)]
    assert ("another Harbor Union delegate", "added") in speakers


def test_a_speaker_named_after_the_verb_when_the_parse_lost_it():
    # '"The plan fails every family," said ranking Democrat Mira Okonjo (D-Ore.).', "ranking" read as a clause
    rows = [('"', '"', "PUNCT", 9, "punct", "No"), ("The", "the", "DET", 3, "det"), ("plan", "plan", "NOUN", 4, "nsubj"),
            ("fails", "fail", "VERB", 9, "ccomp"), ("every", "every", "DET", 6, "det"),
            ("family", "family", "NOUN", 4, "obj", "No"), (",", ",", "PUNCT", 9, "punct", "No"),
            ('"', '"', "PUNCT", 9, "punct"), ("said", "say", "VERB", 0, "root"),
            ("ranking", "rank", "VERB", 9, "ccomp"), ("Democrat", "Democrat", "PROPN", 13, "compound"),
            ("Mira", "Mira", "PROPN", 13, "compound"), ("Okonjo", "Okonjo", "PROPN", 10, "obj"),
            ("(", "(", "PUNCT", 15, "punct", "No"), ("D-Ore.", "D-Ore.", "PROPN", 13, "appos", "No"),
            (")", ")", "PUNCT", 15, "punct", "No"), (".", ".", "PUNCT", 9, "punct")]
    lines = [f"{i}\t{w}\t{lemma}\t{upos}\t_\t_\t{head}\t{rel}\t_\t" + ("SpaceAfter=No" if extra else "_")
             for i, (w, lemma, upos, head, rel, *extra) in enumerate(rows, 1)]
    doc = CoNLL.conll2doc(input_str="\n".join(lines) + "\n\n", reconstruct_text=True)
    assert doc.text.startswith('"The plan fails every family," said ranking')
    (a,) = rule_attributions(doc)
    assert (a.kind, a.cue.text, a.speaker.text) == ("direct", "said", "ranking Democrat Mira Okonjo")


def test_a_verb_that_introduces_a_quotation_with_a_colon_reports_it(nlp):
    text = "The council met at noon.\n\nAnd Mayor Ilse Varga gloated: \"I told you the budget would pass.\""
    assert ("Mayor Ilse Varga", "gloated") in [(speaker, cue) for _, speaker, cue, _ in found(nlp, text)]


def test_a_verb_takes_the_content_its_learned_preposition_brings(nlp):
    # "muse about" is no reporting verb of the lexicon; PolNeAR train's cues bring content with it
    text = "The retired judge mused about a second term for the mayor."
    assert found(nlp, text) == [("indirect", "The retired judge", "mused about", ["a second term for the mayor"])]


def test_a_remark_on_a_copular_predicate_is_its_subjects(nlp):
    text = "Governor Ada Hale is more cautious, saying the harbor budget needs another year of work."
    assert ("Governor Ada Hale", "saying") in [(speaker, cue) for _, speaker, cue, _ in found(nlp, text)]


def test_a_share_of_a_poll_is_a_speaker(nlp):
    texts = ["In the survey, 42% say the economy is getting worse.",
             "A third say the country is on the wrong track."]
    assert [(speaker, cue) for _, speaker, cue, _ in found(nlp, texts[0])] == [("42%", "say")]
    assert [(speaker, cue) for _, speaker, cue, _ in found(nlp, texts[1])] == [("A third", "say")]
