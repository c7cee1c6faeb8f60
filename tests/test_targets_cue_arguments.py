"""A candidate outside the content that hangs on the cue: the medium or the addressee of a statement ("told
WKRN", "wrote on Twitter"), seldom what it is for or against, carries how it hangs on the cue."""


def test_the_medium_of_a_cue_carries_its_preposition(candidates_of):
    candidates = candidates_of("Mayor Tom Reed wrote on Twitter that the council had betrayed the voters.", "council")
    assert candidates["Twitter"]["cue_argument:on"] == 1.0


def test_the_addressee_of_a_cue_carries_its_relation(candidates_of):
    candidates = candidates_of("Senator Ann Bell told WKRN that the new stadium was a disaster.", "stadium")
    assert candidates["WKRN"]["cue_argument:obj"] == 1.0


def test_a_word_of_the_content_never_hangs_on_the_cue(candidates_of):
    candidates = candidates_of("Senator Ann Bell told WKRN that the new stadium was a disaster.", "stadium")
    assert "cue_argument" not in candidates["new stadium"]
