"""What a cue's words say beyond its lemma: the particle it is written with ("called for", "called on") and the
lexicon's valence of its words, which tells the stance of a cue the cue table does not list."""

from tracker.stance import claim_lexical_features, cue_word_features


def test_the_particle_of_the_cue_is_a_feature():
    found = cue_word_features("call", "called on")
    assert found["cue_particle:on"] == found["cue_phrase:call on"] == 1.0
    assert not any(name.startswith("cue_p") for name in cue_word_features("call", "called"))


def test_a_cue_of_fault_and_a_cue_of_praise_carry_their_valence():
    assert cue_word_features("mock", "mocked").get("cue_valence_neg", 0) > 0
    assert cue_word_features("thank", "thanked").get("cue_valence_pos", 0) > 0
    assert not any(name.startswith("cue_valence") for name in cue_word_features("say", "said"))


def test_the_claim_features_read_the_cue_text():
    found = claim_lexical_features("the council to reopen the Lantern Street library", "call", "", "called on")
    assert found["cue_phrase:call on"] == 1.0 and found["cue:call"] == 1.0
