"""Names the tagger runs into the words after them in a headline (``NameBook`` cuts them to the name the article
writes elsewhere), on invented articles through the embedded engine."""

from tracker.names import Entity


def test_a_name_run_into_the_words_of_a_headline_is_the_name_the_article_writes(name_book_of):
    book = name_book_of("Dana Whitfield Wades Into Hospital Fight\n\nDana Whitfield visited the hospital in Millbrook on "
                   "Monday. The senator met nurses and doctors there.")
    headline = [e for e in book.entities if e.start_char == 0]
    assert [(e.text, e.end_char) for e in headline] == [("Dana Whitfield", len("Dana Whitfield"))]
    assert book.entity_name(headline[0]) == ("Dana Whitfield", "PERSON")


def test_a_name_stops_at_a_colon(name_book_of):
    text = "Maria Lopez: Budget Cuts Hurt Rural Hospitals\n\nMaria Lopez, the mayor of Millbrook, spoke on Monday."
    book = name_book_of(text)
    run = Entity("Maria Lopez: Budget Cuts", "PERSON", 0, len("Maria Lopez: Budget Cuts"))
    assert book._cut_to_known_names([run]) == [Entity("Maria Lopez", "PERSON", 0, len("Maria Lopez"))]


def test_a_name_the_article_writes_nowhere_else_stays_as_the_tagger_found_it(name_book_of):
    book = name_book_of("Harbour Workers Alliance Plans New Strike\n\nUnion members met in Millbrook on Monday.")
    run = Entity("Harbour Workers Alliance", "ORG", 0, len("Harbour Workers Alliance"))
    assert book._cut_to_known_names([run]) == [run]


def test_a_body_run_into_a_headline_is_cut_to_the_words_the_article_writes_in_lower_case(name_book_of):
    text = ("Harbour Council Rejects Pier Plan After Heated Debate\n\nThe harbour council voted on Tuesday to reject "
            "the plan. \"It is a sad day,\" the mayor said.")
    book = name_book_of(text)
    run = Entity("Harbour Council Rejects Pier Plan After Heated Debate", "ORG", 0, text.index("\n"))
    assert book._cut_to_known_names([run]) == [Entity("Harbour Council", "ORG", 0, len("Harbour Council"))]


def test_a_person_run_into_a_headline_is_not_cut_to_words_written_in_lower_case(name_book_of):
    text = "Young Reed Wins Chess Title\n\nThe young player beat three masters in Millbrook on Monday."
    book = name_book_of(text)
    run = Entity("Young Reed Wins", "PERSON", 0, len("Young Reed Wins"))
    assert book._cut_to_known_names([run]) == [run]
