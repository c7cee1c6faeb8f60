"""Targets and their stance on hand-written news paragraphs, through the embedded engine."""

import re

import pytest

from tracker.article import Article
from tracker.extract import statements_of
from tracker.stance import CLAIM_MODEL_PATH, load_linear, stance_cue
from tracker.targets import ClaimJudge, ranking_features


def claim_with(claims_of, text, words):
    """The claim whose quoted text contains ``words``."""
    return next(c for c in claims_of(text) if words in c.quote_text)


def test_a_description_meets_the_name_the_article_gives_it(candidates_of):
    text = ("Ministers from five countries met in Vienna on Monday. They signed the plan, dubbed the Danube "
            "Accord, after two days of talks.\n\n"
            "Novak said the new plan would bring lasting stability to the region.")
    assert candidates_of(text, "lasting stability")["Danube Accord"]["in_content"] == 1.0


def test_a_groups_owner_and_its_leader_stand_for_the_person(claims_of, extractor):
    text = ("Rebel forces of warlord Omar Daud seized the port last week.\n\n"
            "The minister said the leader of the rebel forces must withdraw from the port at once.\n\n"
            "Officials said Daud's forces should be evacuated from the airport by the army.")
    # "The minister", whom the article does not name, is not Daud, whom the target ranker avoids as the speaker
    leader = claim_with(claims_of, text, "leader of the rebel forces")
    assert (leader.stance, leader.target) == ("against", "Omar Daud")
    document, = extractor.annotate([Article(id="t", text=text)])
    index, book, statements = statements_of(document)
    statement = next(s for s in statements if "leader of" in index.text[s.start:s.end])
    judge = ClaimJudge(index, book)
    features = judge.stance_features(statement, [target for target, _ in judge.candidates(statement)])
    assert features["rule_kind:demand"] == 1.0  # a demand that the leader give way: a feature of the model


def test_a_target_named_with_a_quoted_word_drops_the_marks(candidates_of):
    found = candidates_of('The minister said peace requires a "firm" response to the smugglers.')
    assert "firm response to the smugglers" in found


@pytest.mark.parametrize("sentence, phrase", [
    ("The bishop said the church would back a ban on all forms of human cloning.",
     "ban on all forms of human cloning"),
    ("Critics said the war against drugs had failed.", "war against drugs"),
    ("The mayor said the rally in Springfield was a disgrace.", "rally"),  # a place is no part of it
])
def test_a_phrase_target_is_named_with_its_complements(candidates_of, sentence, phrase):
    assert phrase in candidates_of(sentence)


def test_a_phrase_target_is_named_with_its_modifiers_modifiers(candidates_of):
    assert "city council's budget" in candidates_of(
        "Mayor Jon Vik said the city council's budget was a disaster for schools.")


def test_a_candidates_frame_counts_for_the_stance_it_agrees_with(candidates_of):
    features = candidates_of("The senator said she strongly backs the pipeline.")["pipeline"]
    assert features["frame:support"] == 1.0
    for_it, against_it = (ranking_features(features, stance) for stance in ("support", "against"))
    assert (for_it["agreeing_frame"], against_it["agreeing_frame"]) == (1.0, -1.0)
    assert for_it["frame:support|support"] == against_it["frame:support|against"] == 1.0


@pytest.mark.parametrize("sentence, stance, target", [
    ('The council promised to "stand by the farmers of the valley against any land grab".', "support",
     "farmers"),
    ("The union said it would take every step necessary against all kinds of harassment at work.", "against",
     "harassment"),
    ("The senator said she does not back the pipeline.", "against", "pipeline"),
])
def test_the_words_governing_a_target_are_a_feature_of_it(candidates_of, sentence, stance, target):
    # on the labelled PolNeAR train claims a frame is right about half the time: the model weighs it
    features = next(f for name, f in candidates_of(sentence).items() if target in name)
    assert features[f"frame:{stance}"] == 1.0


def test_a_stance_inside_a_reported_act_belongs_to_its_agent_not_the_speaker(candidates_of):
    candidates = candidates_of("The monitors said the ministry sent trucks to support the militias.")
    assert candidates["militias"]["frame"] == 0.0 and candidates["ministry"]["acts"] == 1.0
    candidates = candidates_of("The ministry said it sent trucks to support the farmers.")
    assert candidates["farmers"]["frame:support"] == 1.0


def test_a_clearly_negative_statement_is_against_its_named_subject(claims_of):
    claim, = claims_of("Diaz said any Brazilian intervention would be a reckless, dangerous and costly "
                               "blunder that would hurt everyone.")
    # the named subject is the intervention Brazil would make: the country or its act (a "thing" the stance is
    # toward, ../shared/eval/LABELS.md), never the judgement ("blunder") or the speaker
    assert claim.stance == "against" and claim.target in ("Brazil", "Brazilian intervention")


def test_a_neutral_report_stays_neutral_and_has_no_target(claims_of):
    claim, = claims_of("The council said it will meet again in March to discuss the budget.")
    assert (claim.stance, claim.target) == (None, None)
    assert claim.stance_evidence.startswith("model (neutral")


def test_praise_supports_the_praised_person(claims_of):
    text = ("Governor Luis Bravo toured the flooded valley on Monday.\n\n"
            "Mayor Ana Ortiz said Bravo was an honest and tireless leader who had served the valley well.")
    claim = claim_with(claims_of, text, "tireless leader")
    assert (claim.stance, claim.target) == ("support", "Luis Bravo")
    assert 0.0 < claim.stance_confidence <= 1.0 and "target 'Luis Bravo'" in claim.stance_evidence


def test_the_target_is_the_person_judged_not_a_noun_inside_the_quote(claims_of):
    text = ("Governor Luis Bravo signed the spending bill on Friday.\n\n"
            "Senator Maria Vega said Bravo had wrecked the budget with reckless and wasteful spending.")
    claim = claim_with(claims_of, text, "wrecked")
    assert (claim.stance, claim.target) == ("against", "Luis Bravo")


def test_a_denial_of_a_report_denies_a_claim(claims_of):
    text = ("A newspaper reported that the mining company had paid bribes to officials.\n\n"
            "The company denied the report, calling it baseless and false.")
    claim = claim_with(claims_of, text, "baseless")
    assert claim.stance == "deny" and claim.target.startswith("claim:")


def test_negation_turns_support_into_opposition(extractor):
    # a rule and a feature, not the verdict: of the 432 labelled train claims where negation turns a frame or
    # praise against, 166 are labelled against and 192 neutral, and the model weighs it so
    document, = extractor.annotate([Article(id="t", text="Senator Maria Vega said she did not support the new "
                                                         "pipeline through the valley.")])
    index, book, (statement,) = statements_of(document)
    judge = ClaimJudge(index, book)
    candidates = judge.candidates(statement)
    pipeline = next(features for target, features in candidates if "pipeline" in target.name)
    assert pipeline["frame:against"] == 1.0
    assert judge.stance_features(statement, [target for target, _ in candidates])["rule:against"] == 1.0


@pytest.mark.parametrize("text, word", [
    ("Mayor Jon Vik denied that the city had lost money on the stadium deal.", "lost money"),
    ("A spokeswoman for the bakery chain said the accusations were baseless.", "baseless"),
])
def test_a_denying_cue_or_a_flat_denial_is_a_denial_whatever_the_model_says(claims_of, text, word):
    claim = claim_with(claims_of, text, word)
    assert claim.stance == "deny" and claim.target.startswith("claim:")
    assert "denial" in claim.stance_evidence


def test_a_pronoun_in_the_content_is_a_candidate_under_the_name_it_stands_for(candidates_of):
    text = ("Governor Tobias Renn opened the new bridge on Monday.\n\n"
            "Senator Mara Quell said voters should never trust him again.")
    features = candidates_of(text, "never trust")["Tobias Renn"]
    assert features["via:pronoun"] == 1.0 and features["in_content"] == 1.0


def test_a_description_of_a_person_is_a_candidate_under_their_name(candidates_of):
    text = ("President Elena Varga signed the grain decree on Monday.\n\n"
            "Opposition leader Tom Akers said the president had betrayed the farmers.")
    features = candidates_of(text, "betrayed")["Elena Varga"]
    assert features["via:description"] == 1.0 and features["in_content"] == 1.0


def test_a_noun_phrase_carries_its_head_noun_and_whether_a_name_owns_it(candidates_of):
    candidates = candidates_of("The senator said the Harlow tax plan would ruin small farms.")
    plan = next(features for name, features in candidates.items() if name.endswith("plan"))
    assert plan["head:plan"] == 1.0 and plan["owned"] == 1.0


def test_a_candidate_carries_its_parse_role_and_whether_a_judgement_governs_it(candidates_of):
    judged = candidates_of("The mayor said the new stadium was dangerous.")["new stadium"]
    assert judged["deprel:nsubj"] == 1.0 and judged["governor_evaluative"] == 1.0
    plain = candidates_of("The mayor said the new stadium opens in May.")["new stadium"]
    assert plain["deprel:nsubj"] == 1.0 and plain["governor_evaluative"] == 0.0


def test_a_candidate_carries_the_parsers_vectors_of_its_head_and_governor(candidates_of):
    candidates = candidates_of("The mayor said the stadium would ruin the river.")
    stadium, river = candidates["stadium"], candidates["river"]
    assert [stadium[f"vec:{i}"] for i in range(96)] != [river[f"vec:{i}"] for i in range(96)]
    assert stadium["governor_vec:0"] == river["governor_vec:0"]  # both hang on "ruin"
    assert -1.0 <= stadium["content_cosine"] <= 1.0 and stadium["content_cosine"] != 0.0


def test_the_articles_most_named_place_is_its_setting(candidates_of):
    text = ("Floods hit Portugal on Monday. Rescuers in Portugal worked through the night, and Portugal's army "
            "was sent north.\n\n"
            "The minister said Chile had been generous to Portugal.")
    candidates = candidates_of(text, "generous")
    assert candidates["Portugal"]["setting"] == 1.0 and candidates["Chile"]["setting"] == 0.0


def test_a_name_is_never_a_judgement_even_when_its_last_word_is(candidates_of):
    candidates = candidates_of("The senator said the Liberty Party had lost its way, a disgrace.")
    assert candidates["Liberty Party"]["evaluative"] == 0.0


def test_a_denial_said_in_words_no_rule_lists_is_found_by_the_learned_models(claims_of):
    claim, = claims_of("The senator rejected the allegation that she had taken money from the developer.")
    assert claim.stance == "deny" and claim.target.startswith("claim:")
    assert claim.stance_evidence.startswith(("model (deny", "denial model ("))  # not a denial rule's words


def test_a_denial_the_model_alone_says_below_its_floor_gives_way_to_the_next_class(claims_of, monkeypatch):
    text = "The senator rejected the allegation that she had taken money from the developer."
    claim, = claims_of(text)
    chance = float(re.search(r"^model \(deny ([\d.]+)\)", claim.stance_evidence).group(1))
    monkeypatch.setattr(load_linear(CLAIM_MODEL_PATH), "deny_floor", chance + 0.01)
    claim, = claims_of(text)
    assert not claim.stance_evidence.startswith("model (deny")  # the claim model's; the denial model may say deny


@pytest.mark.parametrize("text, words", [
    ('Senator Ann Bell wrote: "Shameful."', "Shameful"),
    ('Mary Smith lost the vote on Monday. "No," she said.', "No"),
])
def test_a_polar_claim_that_names_nothing_has_no_target_rather_than_its_own_speaker(claims_of, text, words):
    claim = claim_with(claims_of, text, words)
    assert claim.stance == "against" and claim.target is None
    assert "no target" in claim.stance_evidence


def test_a_denied_claim_is_named_without_the_quotations_closing_comma(claims_of):
    claim = claim_with(claims_of, '"Those reports are baseless," a spokeswoman for the bakery chain said.', "baseless")
    assert (claim.stance, claim.target) == ("deny", "claim:Those reports are baseless")


def test_a_denied_claim_split_by_its_cue_is_named_by_its_first_piece_alone(claims_of):
    claim = claim_with(claims_of, '"Those reports are baseless," a spokeswoman for the bakery chain said. "Every '
                       'loaf was baked here."', "baseless")
    assert (claim.stance, claim.target) == ("deny", "claim:Those reports are baseless")


def test_a_denial_in_its_own_words_is_aimed_at_the_claim_it_answers(claims_of):
    accusation, denial = claims_of("The councillor said the bakery had sold stale bread to the school.\n\n"
                                   '"There is no truth to it," a spokeswoman for the bakery said.')
    assert (denial.stance, denial.relation) == ("deny", None)
    assert denial.target.startswith("claim:The councillor said the bakery")


def test_a_denial_of_a_named_suggestion_denies_the_suggestion(claims_of):
    _, denial = claims_of("A councillor said the library would close in the spring.\n\n"
                          "The mayor rejected the suggestion that the library budget had been cut.")
    assert (denial.stance, denial.target) == ("deny", "claim:the library budget had been cut")


def test_a_denial_that_repeats_the_speakers_own_answer_denies_the_same_claim(claims_of):
    *_, answer, repeated = claims_of(
        "A councillor said the library would close in the spring.\n\n"
        "Mayor Ruth Alder rejected the suggestion that the library budget had been cut. "
        '"That is simply not true," she said. "The budget grew this year."')
    assert answer.target == "claim:the library budget had been cut"
    assert (repeated.stance, repeated.target) == ("deny", answer.target)


def test_a_denial_by_its_cue_denies_its_own_content(claims_of):
    _, denial = claims_of("The councillor said the bakery had sold stale bread to the school.\n\n"
                          "The bakery denied that it had ever sold stale bread.")
    assert (denial.stance, denial.target) == ("deny", "claim:that it had ever sold stale bread")


@pytest.mark.parametrize("sentence, stance", [
    ("The board met on Monday. Councillor Tim Oakes voted against the harbour plan.", "against"),
    ("The board met on Monday. Councillor Tim Oakes voted for the harbour plan.", "support"),
    ("The board met on Monday. The bakers' union campaigned against the harbour plan.", "against"),
])
def test_a_cue_with_its_preposition_carries_the_stance_the_two_say(claims_of, sentence, stance):
    claim = claim_with(claims_of, sentence, "harbour plan")
    assert (claim.stance, claim.target) == (stance, "harbour plan")
    assert any(f"{feature}:" in claim.stance_evidence.split(";")[0] for feature in ("cue_stance", "cue_phrase"))


@pytest.mark.parametrize("cue", ["would vote for", "are not voting for", "plan to vote for"])
def test_an_act_negated_wished_or_planned_carries_no_stance_of_its_cue(cue):
    assert stance_cue("vote", cue) == "vote"



def test_a_name_of_the_sentence_before_the_claim_is_a_candidate(candidates_of):
    text = ("The county closed three clinics on Monday. Governor Lena Sorensen signed the order in Dunmore.\n\n"
            '"It is a cruel decision," Councillor Rui Santos said.')
    candidates = candidates_of(text, "cruel")
    assert candidates["Lena Sorensen"]["before_only"] == 1.0



def test_every_candidate_knows_how_long_the_content_is_and_how_much_it_names(candidates_of):
    short = candidates_of('Ann Bell said of Tom Reed: "Shameful."', "Shameful")
    long = candidates_of("Ann Bell said the harbour plan and the river toll would ruin the town.", "harbour")
    assert max(f["content_length"] for f in short.values()) < min(f["content_length"] for f in long.values())
    assert all(f["content_candidates"] == 0.0 for f in short.values())
    assert all(f["content_candidates"] > 0.0 for f in long.values())
