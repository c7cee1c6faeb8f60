"""A coordination of candidates ("Reed and Fox") is a candidate of its own, named by its members' names joined
by "; " in the order written, for a claim that judges all of them."""


def test_coordinated_names_are_one_candidate_too(candidates_of):
    candidates = candidates_of("Senator Ann Bell said Tom Reed and Jane Fox had betrayed the voters.", "betrayed")
    assert {"Tom Reed", "Jane Fox"} <= set(candidates)
    assert candidates["Tom Reed; Jane Fox"]["via:coordination"] == 1.0


def test_a_single_name_is_no_coordination(candidates_of):
    candidates = candidates_of("Senator Ann Bell said Tom Reed had betrayed the voters.", "betrayed")
    assert not any(";" in name for name in candidates)
