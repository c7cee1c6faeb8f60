"""The writer an opinion piece names in its closing line by what the writer does ("Jane Roe edits ...", "Rep. Jane
Roe, D-Ore., chairs ..."), as an unquoted "I" stands for them (hand-written texts through the embedded engine)."""

import pytest


@pytest.mark.parametrize("closing", [
    "Lena Marsh edits the Sable Island Weekly and teaches at Dalhousie.",
    "Rep. Lena Marsh, D-Ore., chairs the Transport Committee.",
])
def test_a_closing_line_saying_what_a_person_does_names_the_writer(name_book_of, closing):
    text = f"The harbour plan is a mistake, and I will say so at every meeting.\n\nThe council should drop it.\n\n{closing}"
    assert name_book_of(text).writer_at(5) == "Lena Marsh"


def test_a_closing_line_reporting_what_a_person_said_names_no_writer(name_book_of):
    text = ("The ferry was late again on Friday, and I heard the crowd groan.\n\n"
            "Lena Marsh says the ferry will be fixed.")
    assert name_book_of(text).writer_at(5) is None
