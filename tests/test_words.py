"""The word lists of tracker/data/words/: the loader, the files, and what the steps that read them do with them."""

import configparser
import fnmatch
import importlib
import pkgutil
import re
from collections import defaultdict
from pathlib import Path

import pytest

import tracker
from tracker import words
from tracker.names import country_of
from tracker.stance import evaluative_features, tokenize

FILES = sorted(p for p in words.WORDS.iterdir() if p.suffix in (".txt", ".tsv"))
KNOWN = {"pos": {"VERB", "ADJ"}, "stance": {"support", "against", "-"}, "relation": {"deny", "dispute", "confirm", "-"},
         "hedging": {"yes", "no"}}
COMPLEMENTS = {"clause", "infinitive", "object"}


def test_there_are_word_files():
    assert len(FILES) > 80 and (words.WORDS / "cues.tsv") in FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_parses_and_says_who_reads_it_and_where_it_comes_from(path):
    entries = words.read_list(path) if path.suffix == ".txt" else words.read_table(path)
    assert entries, f"{path.name} is empty"
    header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert any(line.startswith("# Source: ") for line in header), f"{path.name} names no source"
    assert any(line.startswith("# Read by: tracker/") for line in header), f"{path.name} names no reader"
    if path.suffix == ".txt":
        assert all(entry == " ".join(entry.split()) for entry in entries), "an entry with stray spaces"


def test_the_readme_lists_every_file_and_no_other():
    listed = set(re.findall(r"^\| `([\w.]+\.t(?:xt|sv))` \|", (words.WORDS / "README.md").read_text(), re.M))
    assert listed == {path.name for path in FILES} - {"cues.tsv"}  # the cue table has a section of its own


def test_every_file_is_package_data():
    config = configparser.ConfigParser()
    config.read(Path(tracker.__file__).parent.parent / "setup.cfg")
    patterns = [p.strip() for p in config["options.package_data"]["tracker"].split(",")]
    for path in words.WORDS.iterdir():
        relative = path.relative_to(Path(tracker.__file__).parent).as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) for pattern in patterns), f"{relative} is not package data"


def test_a_list_reads_entries_and_phrases_without_comments(tmp_path):
    path = tmp_path / "some.txt"
    path.write_text("# a header\n\nsay\ncall for  # with its particle\n  tell \n", encoding="utf-8")
    assert words.read_list(path) == ("say", "call for", "tell")


def test_an_entry_written_twice_is_an_error(tmp_path):
    path = tmp_path / "twice.txt"
    path.write_text("say\ntell\nsay\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"twice.txt:3: 'say' is listed twice"):
        words.read_list(path)


def test_a_row_with_a_missing_cell_is_an_error(tmp_path):
    path = tmp_path / "short.tsv"
    path.write_text("# a header\nlemma\tcount\nsay\t6136\ntell\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"short.tsv:4: 1 cells under a header of 2"):
        words.read_table(path)


def test_a_key_written_twice_in_a_map_is_an_error(tmp_path):
    path = tmp_path / "twice.tsv"
    path.write_text("capital\tcountry\nAnkara\tTurkey\nAnkara\tEgypt\n", encoding="utf-8")
    with pytest.raises(ValueError, match="twice.tsv: 'Ankara' is listed twice"):
        words.read_map(path)


@pytest.mark.parametrize("path", [p for p in FILES if p.suffix == ".tsv" and p.name != "cues.tsv"], ids=lambda p: p.name)
def test_maps_have_two_columns_and_no_key_twice(path):
    assert len(words.word_map(path.stem)) == len(words.table(path.stem))


def test_what_the_loader_gives_is_read_once_and_read_only():
    assert words.word_set("documents") is words.word_set("documents")
    assert words.table("cues") is words.table("cues")
    with pytest.raises(TypeError):
        words.word_map("capitals")["Ankara"] = "Egypt"
    with pytest.raises(TypeError):
        words.table("cues")[0]["stance"] = "support"
    path = words.WORDS / "retreat_prefixes.txt"
    assert words.word_list("retreat_prefixes") == words.read_list(path)  # in file order


def test_the_lists_joined_into_patterns_hold_only_letters_and_spaces():
    for name in ("titles", "honored_titles", "organisation_words"):
        assert all(re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+)*", entry) for entry in words.word_list(name)), name


def test_every_cue_table_row_has_known_values():
    rows = words.table("cues")
    assert list(rows[0]) == ["lemma", "pos", "complements", "stance", "relation", "hedging"]
    lemmas = [row["lemma"] for row in rows]
    assert len(lemmas) == len(set(lemmas))
    for row in rows:
        for column, known in KNOWN.items():
            assert row[column] in known, (row["lemma"], column, row[column])
        complements = row["complements"].split(",")
        assert complements == ["-"] or (set(complements) <= COMPLEMENTS and len(set(complements)) == len(complements)), \
            row["lemma"]
        says_something = row["complements"] != "-" or row["stance"] != "-" or row["relation"] != "-" \
            or row["hedging"] == "yes"
        assert says_something, f"{row['lemma']} tells nothing"


@pytest.mark.parametrize("text, cue, rule, content", [
    ("The minister denied that the talks had failed.", "denied", "ccomp", "that the talks had failed"),  # a clause
    ("The mayor vowed to rebuild the bridge.", "vowed", "xcomp", "to rebuild the bridge"),  # an infinitive
    ("The mayor cited the flood damage.", "cited", "object", "the flood damage"),
    ("The union called on the mayor to resign.", "called on", "xcomp", "the mayor to resign"),  # prepositional_cues
    ("The mayor mused about the bridge.", "mused about", "preposition", "the bridge"),
    ("The mayor was aware that the bridge would reopen.", "aware", "adjective", "that the bridge would reopen"),
])
def test_a_cue_reports_the_complements_its_row_lists(claims_of, text, cue, rule, content):
    assert [(c.cue, c.rule, c.quote_text) for c in claims_of(text)] == [(cue, rule, content)]


@pytest.mark.parametrize("text", [
    "The minister rebutted the report.",  # a row for its stance only is no reporting verb
    "The mayor made the point that the bridge will reopen.",  # a learned cue among the generic verbs
])
def test_a_verb_the_table_gives_no_complement_reports_nothing(claims_of, text):
    assert [c for c in claims_of(text) if c.rule != "model"] == []  # the span model learns cues of its own


def test_a_medium_said_in_is_no_part_of_the_content(claims_of):
    said_in, = claims_of("The mayor cited the flood damage in her remarks.")
    elsewhere, = claims_of("The mayor cited the flood damage in the valley.")
    assert (said_in.quote_text, elsewhere.quote_text) == ("the flood damage", "the flood damage in the valley")


@pytest.mark.parametrize("text, stance, evidence", [
    ("The senator condemned the new tariff.", "against", "cue_stance:against"),
    ("The senator praised the new tariff.", "support", "cue_stance:support"),
    ("The senator was critical of the new tariff.", "against", "cue_stance:against"),  # a predicate adjective
    ("The union called for a new tariff.", "support", "rule:support"),  # 'call for X'
])
def test_a_cue_gives_the_stance_its_row_says(claims_of, text, stance, evidence):
    claim, = claims_of(text)
    assert (claim.stance, claim.target) == (stance, "new tariff") and evidence in claim.stance_evidence


def test_a_word_of_news_valence_is_a_fault_the_stance_model_reads():
    assert evaluative_features(tokenize("the mayor is a dictator"), "c_")["c_neg"] > 0
    assert evaluative_features(tokenize("the mayor is not a dictator"), "c_")["c_neg_negated"] > 0
    assert not evaluative_features(tokenize("the mayor is a teacher"), "c_")


def test_a_hedging_cue_hedges_its_statement(claims_of):
    believed, = claims_of("The mayor believes the bridge reopened in June.")
    said, = claims_of("The mayor said the bridge reopened in June.")
    assert (believed.hedged, said.hedged) == (True, False)
    seeming, = claims_of("The mayor seems to be winning.")
    assert seeming.hedged and seeming.speaker is None  # a seeming is how things look, said by no one


@pytest.mark.parametrize("cue, relation, stance", [
    ("questioned", "dispute", "against"), ("confirmed", "confirm", "support"), ("backed", "confirm", "support")])
def test_a_cue_answering_a_statement_relates_to_it_as_its_row_says(claims_of, cue, relation, stance):
    accusation, answer = claims_of(f"The monitors said the army shelled the village. The army {cue} this.")
    assert (answer.relation, answer.related_claim_id, answer.stance) == (relation, accusation.id, stance)


@pytest.mark.parametrize("text, speaker, speaker_type", [
    ("Ankara said the talks would resume.", "Turkey", "GPE"),  # capitals
    ("Prime Minister Olaf Berg said the talks would resume.", "Olaf Berg", "PERSON"),  # titles
    ("Mr. Olaf Berg said the talks would resume.", "Olaf Berg", "PERSON"),  # honorifics
    ("Maria Costa arrived late. She said the talks would resume.", "Maria Costa", "PERSON"),  # person pronouns
    ("President Olaf Berg arrived. The president said the talks would resume.", "Olaf Berg", "PERSON"),  # offices
])
def test_the_name_lists_tell_who_speaks(claims_of, text, speaker, speaker_type):
    claim, = claims_of(text)
    assert (claim.speaker, claim.speaker_type) == (speaker, speaker_type)


def test_an_adjective_of_nationality_names_its_country():
    assert (country_of("Egyptian"), country_of("Tuesday")) == ("Egypt", None)


def test_no_name_means_two_lists():
    """A name for a collection of words means one thing across the package: two modules that define it define
    the same object (one imports the other's)."""
    defined = defaultdict(set)
    for module in pkgutil.walk_packages(tracker.__path__, "tracker."):
        if module.name == "tracker.__main__":
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            if name.isupper() and isinstance(value, (set, frozenset, dict, tuple, type(words.word_map("capitals")))):
                defined[name].add(id(value))
    assert [name for name, values in defined.items() if len(values) > 1] == []
