"""The claim model's valence features read the negators VADER's list lacks ("no", "nobody", "hardly",
"failed"), and count the negators of a claim."""

import pytest

from tracker.stance import claim_lexical_features


@pytest.mark.parametrize("content", [
    "there is no honest answer in the harbour report",
    "nobody thinks the contract is fair",
    "the new toll is hardly a success",
    "the board failed to protect the harbour workers",
])
def test_praise_after_a_negator_vader_lacks_is_negated(content):
    found = claim_lexical_features(content, "say", "")
    assert found["c_pos_negated"] > 0 and not found.get("c_pos")


def test_praise_without_a_negator_stays_praise():
    found = claim_lexical_features("there is an honest answer in the harbour report", "say", "")
    assert found["c_pos"] > 0 and not found.get("c_pos_negated") and "negators" not in found


def test_the_negators_of_a_claim_are_counted():
    found = claim_lexical_features("nobody asked the council, and the mayor did not listen", "say", "")
    assert found["negators"] == 2.0
