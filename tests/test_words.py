"""The word lists of tracker/data/words/: the loader, the files, the cue table and the names read from them."""

import configparser
import fnmatch
import importlib
import pkgutil
import re
from collections import defaultdict
from pathlib import Path

import pytest

import tracker
from tracker import cues, names, relations, speakers, stance, words
from tracker.attribution import lexicon

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
    assert words.word_list("retreat_prefixes")[:3] == ("withdr", "pull", "retreat")  # in file order


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


def row(lemma):
    return next(r for r in words.table("cues") if r["lemma"] == lemma)


def test_the_cue_lexicon_is_what_the_cue_table_says():
    assert row("deny")["complements"] == "clause,object"
    assert {"deny"} <= cues.CLAUSE_CUES & cues.OBJECT_CUES & cues.CORE_VERBS
    assert "deny" not in cues.cues_with("complements", "infinitive")
    assert row("vow")["complements"] == "clause,infinitive" and "vow" in cues.INFINITIVE_CUES & cues.CLAUSE_CUES
    assert row("cite")["complements"] == "object" and "cite" in cues.OBJECT_CUES and "cite" in cues.CORE_VERBS
    # a row for its stance or relation only is no reporting verb of the grammars
    assert row("rebut")["complements"] == "-" and "rebut" not in cues.CORE_VERBS
    assert cues.CORE_VERBS == {r["lemma"] for r in words.table("cues") if r["complements"] != "-"}
    assert cues.VERBS == cues.CLAUSE_CUES | cues.INFINITIVE_CUES | cues.OBJECT_CUES


def test_the_learned_cues_are_added_from_the_counts_less_the_generic_verbs():
    assert cues.LEARNED["accord"] == 413 and "accord" in cues.CLAUSE_CUES - cues.cues_with("complements", "clause")
    assert cues.LEARNED["make"] >= cues.CLAUSE_MIN_COUNT and "make" in cues.GENERIC and "make" not in cues.VERBS
    assert "say" in cues.OBJECT_CUES  # 6,136 times a cue in PolNeAR train: learned as an object cue too
    assert all(" " not in lemma for lemma in cues.LEARNED)


def test_the_stance_cues_are_what_the_cue_table_says():
    assert row("condemn")["stance"] == "against" and "condemn" in stance.AGAINST_CUES
    assert stance.CUE_STANCES["condemn"] == "against" and stance.CUE_STANCES["praise"] == "support"
    assert "call for" in stance.SUPPORT_CUES and stance.CUE_STANCES["call for"] == "support"
    # a predicate adjective carries a stance but is no verb to look for in a content
    assert row("critical")["pos"] == "ADJ" and stance.CUE_STANCES["critical"] == "against"
    assert "critical" not in stance.AGAINST_CUES and "critical" not in stance.STANCE_WORDS
    assert "say" not in stance.CUE_STANCES
    assert stance.STANCE_WORDS["condemned"] == "against" and stance.STANCE_WORDS["backs"] == "support"
    assert "back" not in stance.STANCE_WORDS and "questioned" not in stance.STANCE_WORDS  # ambiguous_cues.txt


def test_the_hedging_cues_and_relations_are_what_the_cue_table_says():
    assert row("believe")["hedging"] == "yes" and "believe" in stance.HEDGING_CUES and "believe" in cues.CLAUSE_CUES
    assert row("seem")["hedging"] == "yes" and "seem" in stance.HEDGING_CUES and "seem" not in cues.CORE_VERBS
    assert "say" not in stance.HEDGING_CUES
    assert relations.RELATION_OF_CUE["deny"] == "deny" and relations.RELATION_OF_CUE["back"] == "confirm"
    assert relations.RELATION_OF_CUE["question"] == "dispute" and "say" not in relations.RELATION_OF_CUE
    assert relations.relation_of("dispute", "these claims") == "dispute"


def test_the_other_names_are_what_their_files_say():
    assert names.CAPITALS["Ankara"] == "Turkey" and names.DEMONYMS["Egyptian"] == "Egypt"
    assert speakers.PERSON_PRONOUNS == {"he": "male", "him": "male", "she": "female", "her": "female", "i": None}
    assert names.HONORIFIC.startswith(r"\b(Mr|Mrs|Ms|Miss|")
    assert names.TITLES.match("Prime Minister Olaf").group() == "Prime Minister "
    assert list(names.OFFICES)[:3] == ["president", "senator", "sen"]  # the office patterns try them in turn
    assert words.word_map("prepositional_cues")["call"] == "for on" and lexicon.STANCE_ADJECTIVES["aware"] == {"that", "of"}
    assert {"for", "on"} <= lexicon.PREPOSITIONAL_CUES["call"]  # with the pairs learned from PolNeAR train
    assert "upon" in lexicon.PREPOSITIONAL_CUES["call"] and lexicon.PREPOSITIONAL_CUES["muse"] == {"about"}
    assert {"statement", "interview", "tirade"} <= lexicon.MEDIA and "speech" not in lexicon.SAID_IN
    assert {"website", "interview"} - lexicon.SAID_IN == {"interview"}
    assert stance.NEWS_VALENCE["dictator"] == -2.0 and stance.CLAUSE_BREAKS >= {",", "but"}


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
