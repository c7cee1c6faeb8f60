"""Candidate targets in roles the content's main phrases leave out: the owner of a thing ("the council's
budget": what is judged is often the owner) and the agent of a passive ("abused by landlords")."""


def test_the_owner_of_a_thing_is_a_candidate_of_its_own(candidates_of):
    candidates = candidates_of("Ann Bell said the council's budget was a disgrace.", "budget")
    assert candidates["council"]["possessor"] == 1.0
    assert candidates["council's budget"]["possessor"] == 0.0


def test_the_agent_of_a_passive_is_a_candidate(candidates_of):
    candidates = candidates_of("Ann Bell said the rules were abused by landlords for years.", "abused")
    assert "landlords" in candidates

