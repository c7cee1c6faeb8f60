"""Speakers of an interview written as questions and answers: "I" in an answer, and the "you" asked, are the
person interviewed, not the writer or the reader."""


def speakers(claims_of, text):
    return [(c.speaker_mention, c.speaker) for c in claims_of(text)]


INTERVIEW = ("Ten questions for Mayor Maria Lopez\n\n"
             "The mayor of Riverton spoke with us about the budget on Monday.\n\n"
             "Q: Will the city raise taxes next year?\n\n"
             "A: I think the city can balance the budget without new taxes.\n\n"
             "Q: You said last year that the bridge would close. Is that still true?\n\n"
             "A: I believe the bridge will stay open until 2030.")


def test_i_in_an_answer_is_the_person_interviewed(claims_of):
    found = [speaker for mention, speaker in speakers(claims_of, INTERVIEW) if mention == "I"]
    assert found and set(found) == {"Maria Lopez"}


def test_you_in_a_question_is_the_person_interviewed(claims_of):
    found = [speaker for mention, speaker in speakers(claims_of, INTERVIEW) if mention == "You"]
    assert found == ["Maria Lopez"]


def test_i_of_a_column_is_still_its_writer(claims_of):
    text = ("Why the bridge must close\n\n"
            "Maria Lopez wants the bridge open for another decade.\n\n"
            "I think the city should close it before someone gets hurt.")
    found = [speaker for mention, speaker in speakers(claims_of, text) if mention == "I"]
    assert found == ["author"]
