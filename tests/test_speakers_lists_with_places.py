"""Persons coordinated past a place or an organisation that modifies a name ("Jane Holt of Ohio and Mark Reyes of
Nevada", where the parser hangs the second name on "Ohio", or hangs it on the first as an apposition after "and")
are all holders of the statement; a place coordinated so is no holder (hand-written sentences through the embedded
engine)."""


def speakers_of(claims_of, text):
    return [c.speaker for c in claims_of(text)]


def test_persons_each_named_with_their_state_are_all_holders(claims_of):
    text = "Senators Jane Holt of Ohio and Mark Reyes of Nevada said the bill would fail."
    assert speakers_of(claims_of, text) == ["Jane Holt; Mark Reyes"]


def test_persons_each_named_with_their_employer_are_all_holders(claims_of):
    text = "Lena Park of the Harbor Institute and Omar Said of the Crest Fund warned that rates would rise again."
    assert speakers_of(claims_of, text) == ["Lena Park; Omar Said"]


def test_a_relative_named_in_an_apposition_is_no_holder(claims_of):
    text = "Jane Holt, the mother of Mark Reyes, said the bill would fail."
    assert speakers_of(claims_of, text) == ["Jane Holt"]


def test_two_places_of_one_person_leave_one_holder(claims_of):
    text = "Jane Holt of Ohio and Nevada said the bill would fail."
    assert speakers_of(claims_of, text) == ["Jane Holt"]


def test_a_spokesman_for_two_persons_is_no_list_of_them(claims_of):
    text = "A spokesman for Jane Holt of Ohio and Mark Reyes said the bill would fail."
    assert speakers_of(claims_of, text) == ["spokesman"]


def test_a_group_listing_persons_each_with_their_state_is_those_persons(claims_of):
    text = ("Three governors -- Maria Lopez of Ohio, Mark Reyes of Nevada and Tom Hart of Utah -- said the plan "
            "would cost too much.")
    assert speakers_of(claims_of, text) == ["Maria Lopez; Mark Reyes; Tom Hart"]


def test_a_group_with_persons_each_with_their_state_in_apposition_is_those_persons(claims_of):
    text = "Two senators, Jane Holt of Ohio and Mark Reyes of Nevada, said the bill would fail."
    assert speakers_of(claims_of, text) == ["Jane Holt; Mark Reyes"]
