"""Stance step: for or against a target, from the words of a claim.

The stance step of the pipeline is learned (``tracker.targets.ClaimJudge``): the claim model and the target
ranker below (``CLAIM_MODEL_PATH``, ``TARGET_MODEL_PATH``) read the features ``claim_lexical_features`` and
``rule_features`` give. What follows serves those features and ``tracker stance`` (a marked target in a
sentence, as NewsMTSC has it).

Two layers. A linear model (``tracker/data/stance_model.json``, trained by ``scripts/train_stance.py`` on
NewsMTSC) reads the words around the target, the target masked, with VADER's lexicon scores; it answers
``predict_stance``. ``claim_stance`` puts rules with clear evidence before it: a demand that the target
withdraw, the reporting verb's own polarity ("condemned", "praised"), the words governing the target in the
parse ("stand by X", "against X"; without a parse, a stance verb just before it), what the claim says
another agent supports ("sent jets to support the dictator"), praise under negation ("we don't take X as a
legitimate actor") and a clearly negative statement about a named subject. Where the model stays neutral,
stanza's sentence sentiment (stanza engine, model installed) has the last word.
"""

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import NamedTuple

import numpy
from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

from .cues import cue_values, cues_with
from .names import census_names
from .words import word_list, word_map, word_set

MODEL_PATH = Path(__file__).parent / "data" / "stance_model.json"
CLASSES = ("support", "against", "neutral")
MODEL_TARGETS = 3  # the model weighs this many of the most salient candidates; rules weigh them all
WINDOW = 6  # words each side of the target that count as its context
NEGATION_SCOPE = 5  # words after a negator that it reverses
TARGET = "<T>"  # stands for the target's own words in the sentence
NAME = "<Name>"  # stands for a word of a person's name: no one's name is a feature of the model
FUNCTION_WORDS = word_set("function_words")  # words that are no name even when capitalised ("The", "She")
# the last words of titles written before a name ("Sen.", "President", "Prime Minister"): the next word is a name
TITLE_WORDS = frozenset(title.split()[-1] for title in word_list("titles"))
# census names that are English words too ("House", "Will"), and titles, read as words unless in a full name
COMMON_WORDS = FUNCTION_WORDS | word_set("common_words") | TITLE_WORDS
FIRST_NAMES_PERCENT = 90  # the first names borne by this percent of the census's people count as names
LAST_NAMES_PERCENT = 75  # and the surnames borne by this percent ("Pelham" is in, "Okoro" out)

# Reporting verbs that carry a stance of their own (the cue table's stance column: this project's list).
AGAINST_CUES = cues_with("stance", "against") & cues_with("pos", "VERB")
SUPPORT_CUES = cues_with("stance", "support") & cues_with("pos", "VERB")
# The stance a cue carries: the verbs above, and predicate adjectives ("was critical of X", "is supportive of X"),
# which are cues but no verbs to look for in a content
CUE_STANCES = cue_values("stance")
UNDONE_ACT = word_set("modals") | word_set("negations") | {"to"}  # "would vote for", "not voting for", "to vote for"

AMBIGUOUS_CUES = word_set("ambiguous_cues")  # nouns, or need a particle
# ... and bare "back" is mostly an adverb ("look back at X"), but "backs", "backed" are the verb


def _inflections(lemma: str) -> set[str]:
    """The verb's forms: back -> backs, backed, backing; deny -> denies, denied; slam -> slammed."""
    if lemma.endswith("y"):
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    doubled = len(lemma) <= 4 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou"
    base = lemma + lemma[-1] if doubled else lemma
    third_person = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
    return {lemma, third_person, base + "ed", base + "ing"}


# A stance verb or preposition right before the target inside the content ("Turkey backs a ceasefire").
STANCE_WORDS = {form: stance for cues, stance in ((AGAINST_CUES, "against"), (SUPPORT_CUES, "support"))
                for lemma in cues - AMBIGUOUS_CUES for form in _inflections(lemma) - {"back"}}
STANCE_WORDS["against"] = "against"

# What the parse says governs a target (``TargetSpan.frame``): the verb of which it is the object, or a
# preposition with its head (this project's list). "urge" and "call" are left out: their object is the
# addressee ("urged Congress to act").
SUPPORT_FRAMES = frozenset(SUPPORT_CUES - AMBIGUOUS_CUES - {"urge"}) | word_set("support_frames")
AGAINST_FRAMES = frozenset(AGAINST_CUES - AMBIGUOUS_CUES) | word_set("against_frames")
SENTIMENT_MARGIN = 0.75  # how far from neutral (1) stanza's mean sentence sentiment must be to decide
ACT_VALENCE = 1.0  # the least lexicon valence of what an agent supports or opposes that tells of the agent
SUBJECT_BLAME = -0.6  # VADER compound of the rest of a claim at or below which its named subject is blamed

# Words that hedge a statement, and the cues that hedge it (the cue table's hedging column): this project's lists.
HEDGES = word_set("hedges")
HEDGING_CUES = cues_with("hedging", "yes")

# Demands that the target give way: "X must withdraw", "should be evacuated by X", "requiring X to pull back".
OBLIGATION = word_set("obligation")
RETREAT_PREFIXES = word_list("retreat_prefixes")
DEMAND_PREFIXES = word_list("demand_prefixes")

# Evaluative words of news politics that VADER's lexicon (MIT, shipped in the vaderSentiment wheel) lacks, on
# its -4..4 scale (this project's list); added to VADER's lexicon for both the model and the rules.
NEWS_VALENCE = {word: float(valence) for word, valence in word_map("news_valence").items()}
CLAUSE_BREAKS = frozenset(',;:()"“”') | word_set("clause_break_words")
SAID_FORMS = word_set("said_forms")  # forms of saying: a feature of the model near the target
TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+|[^\w\s]")
SUFFIXES = ("ations", "ation", "ingly", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly", "ments", "ment")


class TargetSpan(NamedTuple):
    """A candidate target inside a claim's text: ``name``, its offsets, the ``frame`` that governs it in the
    parse ("stand by", "against", "not back"), whether it is the ``subject`` of the main predicate, and the
    ``acts`` the claim reports of it; ``parsed`` says these come from a parse (without one, the words before
    the target stand in)."""

    name: str
    start: int
    end: int
    frame: str | None = None
    subject: bool = False
    parsed: bool = False
    acts: tuple = ()  # (frame, object) the claim reports of the target as an agent: ("support", "dictator")


@dataclass
class StanceResult:
    """A stance toward one target; ``stance`` is None for neutral."""

    stance: str | None  # "support" | "against" | None
    confidence: float
    evidence: str  # which words or rule decided
    hedged: bool


BEFORE_A_SENTENCE = {".", "!", "?", '"', "“", "'", "‘", ":"}  # what may stand before a sentence's first word


def _lower(token: str) -> str:
    return token.lower().replace("’", "'")


def _lowered(tokens: list[str]) -> list[str]:
    """``_lower`` of each token, in one call on the tokens joined (no token holds a line break or a capital sigma,
    whose lower case alone depends on its neighbours)."""
    return _lower("\n".join(tokens)).split("\n") if tokens else []


def tokenize(text: str) -> list[str]:
    """Lower-cased words and punctuation, curly apostrophes made straight."""
    return _lowered(TOKEN.findall(text))


def model_words(text: str) -> list[str]:
    """``tokenize``'s words as the model reads them: the words of a person's name are NAME, so that no one's name
    is a feature; other capitalised words ("Republicans", "Congress", "The") are words."""
    tokens = TOKEN.findall(text)
    named = [_is_name(token) for token in tokens]
    for i, token in enumerate(tokens):  # a capitalised word after a title or a name: "Sen. Quell", "Mara Quell"
        if i and not named[i] and token[0].isupper() and _is_capitalised(token) and (
                named[i - 1] or _after_title(tokens, i)):
            named[i] = True
    words = _lowered(tokens)
    for i in range(len(tokens) - 2, -1, -1):  # a first name before a name: "Grace Pelham", "Olek Marsh"
        if named[i + 1] and not named[i] and _is_capitalised(tokens[i]) and (
                words[i] in _census_names() or words[i] not in COMMON_WORDS):
            named[i] = True
    return [NAME if name else word for word, name in zip(words, named)]


def _is_capitalised(token: str) -> bool:
    """Whether a token is a capitalised word, no acronym and no function word ("Quell", not "FBI", not "The")."""
    return token[0].isupper() and not (token.isupper() and len(token) > 1) and _lower(token) not in FUNCTION_WORDS


@lru_cache(maxsize=65536)
def _is_name(token: str) -> bool:
    """Whether a capitalised token is a common first name or surname of the census and no English word
    ("Pelham", "Trump"; not "Hope", "House", "Republicans", "Iran")."""
    word = _lower(token)
    return _is_capitalised(token) and word in _census_names() and word not in COMMON_WORDS \
        and word not in _analyzer().lexicon


def _after_title(tokens: list[str], i: int) -> bool:
    """Whether the token at ``i`` follows a title, its dot aside ("Sen. Quell", "President Quell")."""
    before = i - 2 if tokens[i - 1] == "." and i >= 2 else i - 1
    return _lower(tokens[before]) in TITLE_WORDS


@lru_cache(maxsize=1)
def _census_names() -> frozenset[str]:
    """Lower-cased first names and surnames that the census tables give as the commoner ones."""
    tables = {"first:male": FIRST_NAMES_PERCENT, "first:female": FIRST_NAMES_PERCENT, "last": LAST_NAMES_PERCENT}
    return frozenset(name.lower() for table, percent in tables.items() for name in census_names(table, percent))


@lru_cache(maxsize=None)
def stem(word: str) -> str:
    """The word less a common inflectional or derivational suffix (a crude stemmer)."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    """VADER (MIT) with NEWS_VALENCE added to its lexicon."""
    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(NEWS_VALENCE)
    return analyzer


@lru_cache(maxsize=65536)
def _is_negator(word: str) -> bool:
    return word in NEGATE or word.endswith("n't")


def _negated(words: list[str], negators: frozenset[str] = frozenset()) -> list[bool]:
    """For each word, whether a negator (VADER's, or one of ``negators``) stands at most NEGATION_SCOPE words
    before it in its clause."""
    flags, since = [], None
    for word in words:
        flags.append(since is not None and since < NEGATION_SCOPE)
        if word in CLAUSE_BREAKS:
            since = None
        elif _is_negator(word) or word in negators:
            since = 0
        elif since is not None:
            since += 1
    return flags


def _clause(words: list[str], position: int) -> tuple[int, int]:
    """Bounds (start, end) of the clause around ``position``, between clause breaks."""
    start = position
    while start > 0 and words[start - 1] not in CLAUSE_BREAKS:
        start -= 1
    end = position + 1
    while end < len(words) and words[end] not in CLAUSE_BREAKS:
        end += 1
    return start, end


def features(text: str, target_start: int, target_end: int) -> dict[str, float]:
    """The model's features for the target span: context words (target masked), stems, window words by side
    and distance, the target's own words, quoting cues, and the valences of VADER's lexicon near it by side,
    distance and negation (VADER's own scores of windows around it were dropped: 4-fold macro-F1 on NewsMTSC
    train 67.07 with, 66.92 without, for 60 % of the model's time). Words are ``model_words``: a word of a
    person's name, the target's too, counts as its shape NAME, never as itself."""
    left, right = model_words(text[:target_start]), model_words(text[target_end:])
    words = left + [TARGET] + right
    here = len(left)
    found = defaultdict(int)  # a Counter's += on a new name costs a Python call, a defaultdict's none
    for i, word in enumerate(words):
        found["s:" + word] += 1 / (1 + abs(i - here) / 8)
        if len(word) > 3:
            found["st:" + stem(word)] += 1
    for side, near in (("L", left[::-1][:WINDOW]), ("R", right[:WINDOW])):
        for distance, word in enumerate(near, 1):
            found[f"{side}:{word}"] += 1
            found[f"S{side}:{stem(word)}"] += 1
            if distance <= 2:
                found[f"{side}{distance}:{word}"] += 1
    for word in model_words(text[target_start:target_end]):
        found["t:" + word] += 1
    quotes_before = sum(text[:target_start].count(mark) for mark in '"“”')
    found["in_quote"] = float(quotes_before % 2 == 1)
    found["said_after"] = float(any(w in SAID_FORMS for w in right[:4]))
    found["said_before"] = float(any(w in SAID_FORMS for w in left[-3:]))
    found["at_start"] = float(target_start == 0)
    found.update(_lexicon_features(words, here))
    return Counter(found)


def _lexicon_features(words: list[str], here: int) -> dict[str, float]:
    """Valences of lexicon words by side, weighted by distance, and bucketed by side, distance, sign and
    negation."""
    lexicon, negated = _analyzer().lexicon, _negated(words)
    found = defaultdict(float)
    for i, word in enumerate(words):
        valence = lexicon.get(word)
        if not valence or i == here:
            continue
        distance, side = abs(i - here), "l" if i < here else "r"
        sign = "p" if valence > 0 else "n"
        weight = 1 / (1 + distance / 4)
        found[f"v{sign}_{side}"] += abs(valence) * weight
        found[f"v{sign}_s"] += abs(valence) / 3
        found[f"vb:{side}{min(distance, 8) // 3}:{sign}{'N' if negated[i] else ''}"] += abs(valence)
    return found


@lru_cache(maxsize=4096)
def _polarity(span: str) -> dict:
    """VADER's scores of a span (a claim's content, the rest of it around a subject), cached."""
    return _analyzer().polarity_scores(span)


def load_model() -> "LinearModel":
    """The NewsMTSC model's weights (``MODEL_PATH``), read once per process."""
    return load_linear(MODEL_PATH)


def is_hedged(text: str, cue_lemma: str | None = None) -> bool:
    """Whether the statement or its reporting verb hedges ("may", "reportedly", "believe"); "May" with a
    capital inside a sentence is the month, no hedge."""
    if cue_lemma in HEDGING_CUES:
        return True
    words = TOKEN.findall(text)
    return any(word.lower().replace("’", "'") in HEDGES and not the_month(words, k) for k, word in enumerate(words))


def the_month(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is the month "May": capitalised where no sentence starts."""
    return words[k] == "May" and k > 0 and words[k - 1] not in BEFORE_A_SENTENCE


def target_probabilities(text: str, targets: list[tuple[int, int]]) -> list[dict[str, float]]:
    """``{class: probability}`` of the NewsMTSC model's stance toward each ``(start, end)`` of ``targets`` in
    ``text``, the targets scored in one product."""
    model = load_model()
    rows = model.probabilities_of([features(text, start, end) for start, end in targets])
    return [dict(zip(model.classes, row)) for row in rows.tolist()]


def predict_stance(text: str, target_start: int, target_end: int) -> StanceResult:
    """The learned model's stance toward ``text[target_start:target_end]``."""
    model = load_model()
    found = features(text, target_start, target_end)
    probabilities = model.probabilities(found).tolist()
    confidence = max(probabilities)
    best = probabilities.index(confidence)
    label = model.classes[best]
    return StanceResult(stance=None if label == "neutral" else label, confidence=confidence,
                        evidence=_model_evidence(model, found, best, text, target_start, target_end),
                        hedged=is_hedged(text))


def _model_evidence(model: "LinearModel", found: dict[str, float], best: int, text: str, target_start: int,
                    target_end: int) -> str:
    """'model (label): w1, w2, w3': the content words that pushed hardest toward the chosen class, with the
    lexicon words near the target standing for the VADER scores."""
    by_word = Counter()
    for name, value in found.items():
        weights = model.weights.get(name)
        if weights is not None and ":" in name and not name.startswith(("vb:", "st:", "SL:", "SR:")):
            by_word[name.split(":", 1)[1]] += value * (weights[best] - sum(weights) / len(weights))
    words = [word for word, amount in by_word.most_common() if amount > 0 and len(word) > 3 and word.isalpha()]
    label = model.classes[best]
    if label != "neutral":
        lexicon = _analyzer().lexicon
        near = tokenize(text[:target_start])[-WINDOW:] + tokenize(text[target_end:])[:WINDOW]
        agreeing = [w for w in near if (lexicon.get(w, 0) > 0) == (label == "support") and lexicon.get(w)]
        words = list(dict.fromkeys(agreeing + words))
    return f"model ({label}): {', '.join(words[:3])}" if words else f"model ({label})"


def _phrase(words: list[str], start: int, length: int) -> str:
    return " ".join(words[start:start + length])


def _demand_on(words: list[str], here: int) -> str | None:
    """The words of a demand that the target at ``here`` give way, or None."""
    start, end = _clause(words, here)
    for i in range(start, end):
        if words[i] not in OBLIGATION:
            continue
        passive = i + 1 < end and words[i + 1] in ("be", "been")
        for j in range(i + 1, min(i + 5, end)):
            if _phrase(words, j, 2).startswith(RETREAT_PREFIXES):
                by_target = "by" in words[j + 1:here] and here - j <= 4
                if (passive and here > j and by_target) or (not passive and here < i):
                    return _phrase(words, i, j - i + 1)
    for i in range(max(start, here - 3), here):
        if words[i].startswith(DEMAND_PREFIXES) and "to" in words[here + 1:here + 5]:
            to = words.index("to", here + 1)
            if _phrase(words, to + 1, 2).startswith(RETREAT_PREFIXES):
                return f"{words[i]} ... to {words[to + 1]}"
    return None


def _stance_word_before(words: list[str], here: int) -> tuple[str, str] | None:
    """(stance, evidence) from a stance verb or "against" at most three words before the target in its
    clause. A negated support verb ("does not support X") is against; a negated attack ("did not criticize
    X") is left to the model."""
    start, _ = _clause(words, here)
    negated = _negated(words)
    for i in range(here - 1, max(start, here - 4) - 1, -1):
        stance = STANCE_WORDS.get(words[i])
        if stance and negated[i]:
            return ("against", f"negated '{words[i]}'") if stance == "support" else None
        if stance:
            return stance, f"'{words[i]}' before the target"
    return None


def _negated_evaluation(words: list[str], here: int) -> tuple[str, str] | None:
    """("against", evidence) when the target's clause negates praise ("not a reliable partner") and its words
    lean negative on balance. A negated fault ("not guilty") is left to the model: it rarely means praise."""
    lexicon, negated = _analyzer().lexicon, _negated(words)
    start, end = _clause(words, here)
    total, negated_praise = 0.0, []
    for i in range(start, end):
        valence = lexicon.get(words[i], 0.0)
        if valence > 0 and negated[i]:
            valence = -valence
            negated_praise.append(words[i])
        total += valence
    if not negated_praise or total > -1.0:
        return None
    return "against", "negated " + ", ".join(negated_praise)


def _frame_stance(frame: str | None) -> tuple[str, str] | None:
    """(stance, evidence) from the words governing the target: "stand by X" supports X, "against X" opposes
    it; a negated support ("does not back X") opposes it, a negated attack decides nothing."""
    if not frame:
        return None
    negated = frame.startswith("not ")
    words = frame.removeprefix("not ")
    stance = "support" if words in SUPPORT_FRAMES else \
        "against" if words in AGAINST_FRAMES or words.split()[-1] == "against" else None
    if stance is None or (negated and stance == "against"):
        return None
    return ("against" if negated else stance), f"'{frame} X'"


def _blame_on_subject(content: str, target: TargetSpan) -> tuple[str, str] | None:
    """("against", evidence) when the target is the subject of a clearly negative statement ("any Egyptian
    deployment would hamper efforts and be risky")."""
    if not target.subject:
        return None
    rest = content[:target.start] + "it" + content[target.end:]
    compound = _polarity(rest)["compound"]
    return ("against", f"negative statement on its subject ({compound:+.2f})") if compound <= SUBJECT_BLAME else None


def _stance_from_acts(target: TargetSpan) -> tuple[str, str] | None:
    """(stance, evidence) toward an agent from what the claim says it does: supporting something the lexicon
    calls bad ("sent jets to support the dictator") or opposing something good is against the agent, supporting
    something good is for it. Opposing something bad decides nothing: it is the agent's own boast as often."""
    lexicon = _analyzer().lexicon
    for frame, thing in target.acts:
        decided = _frame_stance(frame)
        valence = sum(lexicon.get(word, 0.0) for word in tokenize(thing))
        if decided and abs(valence) >= ACT_VALENCE and (valence > 0 or decided[0] == "support"):
            return (decided[0] if valence > 0 else "against"), f"'{frame} {thing}'"
    return None


def _rule_stance(content: str, cue_lemma: str | None, target: TargetSpan) -> tuple[str, str] | None:
    """(stance, evidence) from a rule with clear evidence for ``target``, or None."""
    left = tokenize(content[:target.start])
    words, here = left + [TARGET] + tokenize(content[target.end:]), len(left)
    demand = _demand_on(words, here)
    if demand:
        return "against", f"demand: {demand}"
    if cue_lemma in CUE_STANCES:
        return CUE_STANCES[cue_lemma], f"cue '{cue_lemma}'"
    governing = _frame_stance(target.frame) if target.parsed else _stance_word_before(words, here)
    return (governing or _stance_from_acts(target) or _negated_evaluation(words, here)
            or _blame_on_subject(content, target))


def claim_stance(content: str, cue_lemma: str | None, targets: list[TargetSpan | tuple],
                 sentiment: float | None = None) -> tuple[StanceResult, str | None]:
    """Stance of an attributed claim toward its most salient target, and that target's name.

    ``targets`` are ``TargetSpan``s (or ``(name, start, end)``) inside ``content``, most salient first. The
    first target with rule evidence wins; without any, the first of the MODEL_TARGETS first targets the model
    gives a stance; else the first target, with the stance of stanza's ``sentiment`` of the content (0
    negative .. 2 positive) where the stanza engine gave one, or neutral. The model runs only as far as it
    must.
    """
    hedged = is_hedged(content, cue_lemma)
    targets = [TargetSpan(*target) for target in targets]
    if not targets:
        return StanceResult(stance=None, confidence=0.0, evidence="no target", hedged=hedged), None
    for target in targets:
        rule = _rule_stance(content, cue_lemma, target)
        if rule:
            return StanceResult(stance=rule[0], confidence=0.8, evidence=rule[1], hedged=hedged), target.name
    first = None
    for target in targets[:MODEL_TARGETS]:
        result = predict_stance(content, target.start, target.end)
        result.hedged = hedged
        if result.stance is not None:
            return result, target.name
        first = first or (result, target.name)
    result, name = first
    if sentiment is not None and abs(sentiment - 1) >= SENTIMENT_MARGIN:
        stance = "support" if sentiment > 1 else "against"
        result = StanceResult(stance=stance, confidence=abs(sentiment - 1), hedged=hedged,
                              evidence=f"stanza sentiment {sentiment:.1f} (model neutral)")
    return result, name



# The learned claim models (``scripts/train_claims.py``, on labelled PolNeAR train articles): the stance of a
# whole attributed claim, linear over named features and the parser's word vectors with LightGBM trees over
# the same weighed in, and the ranker of its candidate targets, LightGBM trees over the candidates' named features.
CLAIM_MODEL_PATH = Path(__file__).parent / "data" / "stance_claims.json"
TARGET_MODEL_PATH = Path(__file__).parent / "data" / "stance_targets.json"
DENIAL_MODEL_PATH = Path(__file__).parent / "data" / "stance_denials.json"
CLAIM_TREES_PATH = Path(__file__).parent / "data" / "stance_claim_trees.json"
CLAIM_CLASSES = ("neutral", "support", "against", "deny")
DENIALS = word_set("denials")
FLAT_DENIALS = word_set("flat_denials")
DENIAL_CUES = cues_with("relation", "deny")  # deny, refute, rebut, ...: the cue table's relation column
FIRST_PERSON = word_set("first_person")
# words of a future tense or an expectation; not "plan", a noun more often than not ("the tax plan is a disgrace"):
# a plan is read from the parse (``tracker.targets.modality_features``: "plans to build")
FUTURE = frozenset({"will", "would", "'ll", "going", "expect", "expects"})
CUE_ACTS = {lemma: tuple(acts.split()) for lemma, acts in word_map("cue_acts").items()}  # predict, plan, ask, ...
POLL_FIGURES = word_set("poll_figures")
PERCENT_SIGNS = frozenset({"%", "percent", "per cent"})
# negators VADER's list lacks ("no", "nobody", "hardly", "failed"), read by the claim model's valence features
CLAIM_NEGATORS = word_set("claim_negators")
CUE_PARTICLES = frozenset({"for", "on", "upon", "out", "against", "off", "back", "up", "down", "in"})
# a phrase between quotation marks that stand apart from letters (no apostrophe of "Trump's" or "isn't")
QUOTED_PHRASE = re.compile(r"(?<![A-Za-z])[\"“‘']([^\"“”‘’]{2,60}?)[\"”’'](?![A-Za-z])")
QUOTED_PHRASE_WORDS = 4


@dataclass
class LinearModel:
    """Weights of a linear model: an intercept per class, a weight row per named feature, and a matrix over
    a dense vector (the word vectors) when the model reads one."""

    classes: list[str]
    intercept: numpy.ndarray
    weights: dict[str, numpy.ndarray]
    dense: numpy.ndarray | None = None  # (width, classes)
    deny_floor: float = 0.0  # the least probability at which the model alone says deny

    def contributions(self, found: dict[str, float]) -> tuple[list[str], numpy.ndarray]:
        """``(names, pushes)``: the named features the model knows, and each one's push on the class scores
        (a row per feature, a column per class)."""
        names = list(filter(self._row.__contains__, found))
        values = numpy.fromiter(map(found.__getitem__, names), dtype=numpy.float64, count=len(names))
        rows = numpy.fromiter(map(self._row.__getitem__, names), dtype=numpy.intp, count=len(names))
        return names, values[:, None] * self._matrix.take(rows, axis=0)

    def __post_init__(self):
        self._row = {name: k for k, name in enumerate(self.weights)}
        self._matrix = numpy.array(list(self.weights.values())).reshape(len(self.weights), len(self.classes))

    def scores(self, found: dict[str, float], vector: numpy.ndarray | None = None) -> numpy.ndarray:
        """The class scores (logits)."""
        return self.scores_of([found], None if vector is None else [vector])[0]

    def scores_of(self, rows: list[dict[str, float]], vectors: list[numpy.ndarray] | None = None) -> numpy.ndarray:
        """The class scores (logits) of each of ``rows`` (named features; ``vectors``, a dense vector each, when
        the model reads one), a row each, in one product."""
        row_of, columns, values = named_entries(self._row, rows)
        scores = numpy.tile(self.intercept, (len(rows), 1))
        numpy.add.at(scores, row_of, values[:, None] * self._matrix[columns])
        if self.dense is not None and vectors is not None:
            scores += numpy.asarray(vectors) @ self.dense
        return scores

    def probabilities(self, found: dict[str, float], vector: numpy.ndarray | None = None) -> numpy.ndarray:
        """Class probabilities (softmax of the scores; one class: the logistic of its score)."""
        return class_probabilities(self.scores(found, vector))

    def probabilities_of(self, rows: list[dict[str, float]]) -> numpy.ndarray:
        """``probabilities`` of each of ``rows`` (named features), a row each."""
        return numpy.array([class_probabilities(scores) for scores in self.scores_of(rows)])


def class_probabilities(scores: numpy.ndarray) -> numpy.ndarray:
    """The softmax of class scores; of one score, its logistic."""
    if len(scores) == 1:
        return 1 / (1 + numpy.exp(-scores))
    scores = numpy.exp(scores - scores.max())
    return scores / scores.sum()


@lru_cache(maxsize=None)
def load_linear(path: Path) -> LinearModel:
    """A ``LinearModel`` from its JSON file, read once per process."""
    data = json.loads(path.read_text(encoding="utf-8"))
    dense = numpy.asarray(data["dense"], dtype=numpy.float32) if data.get("dense") else None
    return LinearModel(classes=data["classes"], intercept=numpy.asarray(data["intercept"], dtype=numpy.float64),
                       weights={k: numpy.asarray(v) for k, v in data["weights"].items()}, dense=dense,
                       deny_floor=data.get("deny_floor", 0.0))


# the features of a chosen target that the ranker occludes to explain the choice, those of most gain in its trees:
# of the ~21 a chosen candidate has that some tree splits on, these give the same three reasons for 95 % of the
# choices (100 train articles; 9,203 occluded rows instead of 19,422)
OCCLUDED = 10
VECTOR_FLOAT = re.compile(r"(?<=vec):\d+$")  # "vec:17", "governor_vec:3": one float of a word vector


def named_entries(column: dict[str, int], rows: list[dict[str, float]]) -> tuple[numpy.ndarray, ...]:
    """``(row, column, value)`` arrays of the named features of ``rows`` (dicts) that a model knows (``column``:
    a name's column), a name it does not know left out; all rows' names and values in one array each, numpy
    called once."""
    sizes = [len(found) for found in rows]
    columns = numpy.fromiter(chain.from_iterable(map(column.get, found, repeat(-1)) for found in rows), dtype=int,
                             count=sum(sizes))
    values = numpy.fromiter(chain.from_iterable(found.values() for found in rows), dtype=float, count=sum(sizes))
    known = columns >= 0
    return numpy.repeat(numpy.arange(len(rows)), sizes)[known], columns[known], values[known]


def named_matrix(column: dict[str, int], rows: list[dict[str, float]], width: int) -> numpy.ndarray:
    """One row per dict of named features, ``width`` columns: each name the model knows (``column``: its
    column) in its column, a name it does not know left out."""
    matrix = numpy.zeros((len(rows), width))
    row_of, columns, values = named_entries(column, rows)
    matrix[row_of, columns] = values
    return matrix


class ClaimTrees:
    """Gradient-boosted trees (a LightGBM multiclass booster) over a claim's named features (``features``, in
    column order) and then its word vectors, whose class scores are weighed in with the linear claim model's:
    ``weight`` of the trees' scores, the rest the linear model's."""

    def __init__(self, booster, features: list[str], classes: list[str], weight: float):
        self.booster, self.features, self.classes, self.weight = booster, features, classes, weight
        self._column = {name: k for k, name in enumerate(features)}

    def scores(self, claims: list[tuple[dict[str, float], numpy.ndarray]]) -> numpy.ndarray:
        """The trees' class scores (raw, in ``classes`` order) of claims given as ``(named features, word
        vectors)``, a row per claim, in one call of the booster (a row holds about 4,700 floats)."""
        if not claims:
            return numpy.zeros((0, len(self.classes)))
        named = len(self.features)
        rows = named_matrix(self._column, [found for found, _ in claims], named + len(claims[0][1]))
        rows[:, named:] = [vector for _, vector in claims]
        return self.booster.predict(rows, raw_score=True, num_threads=1)


class TargetRanker:
    """A ranker of one claim's candidate targets: a LightGBM booster (lambdarank) over the candidates' named
    features, in the order of ``features`` (a name it was not trained on is left out). A word vector's floats
    ("vec:0" ... "vec:95") are one feature to explain a choice by, named "vec". A best candidate scoring below
    ``floor`` is no target (``scripts/train_claims.py`` chooses the floor out of fold, for this booster's scores)."""

    def __init__(self, booster, features: list[str], floor: float = float("-inf")):
        self.booster = booster
        self.features = features
        self.floor = floor
        self._column = {name: k for k, name in enumerate(features)}
        groups: dict[str, int] = {}  # a feature's name, or a word vector's ("vec" for "vec:17"): its number
        self._group_of = numpy.array([groups.setdefault(VECTOR_FLOAT.sub("", name), len(groups)) for name in features])
        self._group_names = list(groups)
        self._group_columns = [numpy.flatnonzero(self._group_of == group) for group in range(len(groups))]
        self._split_on = booster.feature_importance("split") > 0  # a column no tree splits on changes no score
        self._group_gain = numpy.zeros(len(groups))  # what the trees gain by each group's splits, all told
        numpy.add.at(self._group_gain, self._group_of, booster.feature_importance("gain"))

    def matrix(self, candidates: list[dict[str, float]]) -> numpy.ndarray:
        """One row per candidate, one column per feature of the model."""
        return named_matrix(self._column, candidates, len(self.features))

    def scores(self, candidates: list[dict[str, float]]) -> numpy.ndarray:
        """Each candidate's score: the highest is the target."""
        return self.booster.predict(self.matrix(candidates), num_threads=1)

    def choices(self, claims: list[list[dict[str, float]]], count: int = 3) -> list[tuple[int, float, list[str]]]:
        """For each claim's candidates, ``(index, score, reasons)`` of the best one: its place, its score and the
        ``count`` features of it whose removal would lower its score most (occlusion: the booster scores the
        best candidate once without each of its ``OCCLUDED`` features of most gain that some tree splits on;
        SHAP contributions, ``pred_contrib``, cost 6 ms a row). One booster call for the candidates, one for the
        occluded rows."""
        rows = self.matrix([found for candidates in claims for found in candidates])
        scores = self.booster.predict(rows, num_threads=1)
        bounds = numpy.cumsum([0] + [len(candidates) for candidates in claims])
        best = [start + int(numpy.argmax(scores[start:end])) for start, end in zip(bounds, bounds[1:])]
        present = [self._strongest(numpy.unique(self._group_of[numpy.flatnonzero(rows[row] * self._split_on)]))
                   for row in best]
        groups = numpy.concatenate(present) if present else numpy.zeros(0, dtype=int)
        occluded = numpy.repeat(rows[best], [len(found) for found in present], axis=0)
        columns = [self._group_columns[group] for group in groups]  # each occluded row's group, zeroed
        occluded[numpy.repeat(numpy.arange(len(groups)), [len(c) for c in columns]),
                 numpy.concatenate(columns) if columns else numpy.zeros(0, dtype=int)] = 0.0
        lowered = self.booster.predict(occluded, num_threads=1) if len(groups) else groups
        ends = numpy.cumsum([len(found) for found in present])
        chosen = []
        for start, row, found, end in zip(bounds, best, present, ends):
            drops = scores[row] - lowered[end - len(found):end]
            chosen.append((row - start, float(scores[row]),
                           [self._group_names[found[k]] for k in numpy.argsort(-drops)[:count] if drops[k] > 0]))
        return chosen

    def _strongest(self, groups: numpy.ndarray) -> numpy.ndarray:
        """The ``OCCLUDED`` of ``groups`` (numbers of features) of most gain in the trees, in their order."""
        if len(groups) <= OCCLUDED:
            return groups
        return numpy.sort(groups[numpy.argsort(-self._group_gain[groups], kind="stable")[:OCCLUDED]])


@lru_cache(maxsize=1)
def shipped_target_ranker() -> TargetRanker:
    """The target ranker (``TARGET_MODEL_PATH``: the booster's text model, its feature names and its floor),
    read once per process."""
    import lightgbm  # imports scikit-learn when installed: a second's start, paid by the stance step only

    data = json.loads(TARGET_MODEL_PATH.read_text(encoding="utf-8"))
    return TargetRanker(lightgbm.Booster(model_str=data["booster"]), data["features"], data["floor"])


@lru_cache(maxsize=1)
def shipped_claim_trees() -> ClaimTrees | None:
    """The claim model's trees (``CLAIM_TREES_PATH``), or None when its training weighed them at nothing
    (``scripts/train_claims.py`` then leaves no file); read once per process."""
    if not CLAIM_TREES_PATH.exists():
        return None
    import lightgbm

    data = json.loads(CLAIM_TREES_PATH.read_text(encoding="utf-8"))
    return ClaimTrees(lightgbm.Booster(model_str=data["booster"]), data["features"], data["classes"], data["weight"])


def claim_scores(claims: list[tuple[dict[str, float], numpy.ndarray]]) -> numpy.ndarray:
    """The claim model's class scores (``CLAIM_CLASSES`` in the linear model's order) of claims given as
    ``(named features, word vectors)``, a row per claim: the linear model's, with the shipped trees' weighed in."""
    linear, trees = load_linear(CLAIM_MODEL_PATH), shipped_claim_trees()
    if not claims:
        return numpy.zeros((0, len(linear.classes)))
    scores = linear.scores_of([found for found, _ in claims], [vector for _, vector in claims])
    if trees is None:
        return scores
    return (1 - trees.weight) * scores + trees.weight * trees.scores(claims)


@lru_cache(maxsize=1)
def shipped_denial_model() -> LinearModel | None:
    """The denial model (``DENIAL_MODEL_PATH``), or None when its training chose none
    (``scripts/train_claims.py`` then leaves no file); read once per process."""
    return load_linear(DENIAL_MODEL_PATH) if DENIAL_MODEL_PATH.exists() else None


def load_stance_models() -> None:
    """Read every model and table the stance step reads, once per process (each is otherwise read on first use,
    inside the first article's stance step): the claim model and its trees, the denial, NewsMTSC and target
    models, VADER's lexicon and the census names."""
    load_linear(CLAIM_MODEL_PATH)
    shipped_claim_trees()
    load_model()
    shipped_denial_model()
    shipped_target_ranker()
    _analyzer()
    _census_names()


def _has_phrase(words: list[str], phrases: frozenset[str]) -> list[str]:
    """The entries of ``phrases`` (words or phrases) found in ``words``."""
    joined = " " + " ".join(words) + " "
    return [phrase for phrase in phrases if f" {phrase} " in joined]


def denial_evidence(content: str, cue_lemma: str | None) -> str | None:
    """Why a claim is a denial whatever the model says - its cue denies ("X denied that ...", "refuted") or its
    content flatly does ("baseless", "not true", "no connection") - or None."""
    if cue_lemma in DENIAL_CUES:
        return f"denial cue '{cue_lemma}'"
    found = _has_phrase(tokenize(content), FLAT_DENIALS)
    return f"denial '{found[0]}'" if found else None


@lru_cache(maxsize=65536)  # asked of every candidate target and of the word governing it
def is_evaluative(phrase: str) -> bool:
    """Whether the last word of ``phrase`` has a valence in the lexicon ("a disgrace", "deep admiration")."""
    words = [word for word in tokenize(phrase) if word.isalpha()]
    return bool(words) and bool(_analyzer().lexicon.get(words[-1]))


def evaluative_features(words: list[str], prefix: str, negators: frozenset[str] = frozenset()) -> dict[str, float]:
    """Valence sums of ``words`` by the lexicon: praise and fault, each plain or under the scope of a negator
    (VADER's, or one of ``negators``)."""
    lexicon, negated = _analyzer().lexicon, _negated(words, negators)
    found = Counter()
    for word, flipped in zip(words, negated):
        valence = lexicon.get(word)
        if valence:
            found[f"{prefix}{'pos' if valence > 0 else 'neg'}{'_negated' if flipped else ''}"] += abs(valence) / 2
            found[f"{prefix}evaluative"] += 1
    return found


def stance_cue(cue_lemma: str | None, cue_text: str | None) -> str | None:
    """The cue as the cue table gives its stance: the lemma with the preposition its words end in when the
    table lists the two ("voted against" -> "vote against", "campaigned for" -> "campaign for"), else the
    lemma; not for an act that is negated, wished or merely possible ("not voting for", "would vote for", "to
    vote for": a poll's figure or a plan, which say no stance)."""
    words = (cue_text or "").lower().split()
    if cue_lemma and len(words) > 1 and not UNDONE_ACT.intersection(words[:-1]):
        phrase = f"{cue_lemma} {words[-1]}"
        if phrase in CUE_STANCES:
            return phrase
    return cue_lemma


def claim_lexical_features(content: str, cue_lemma: str | None, context: str, cue_text: str = "") -> dict[str, float]:
    """The named features of a claim from its words: the cue lemma and its stance (of the lemma with its
    preposition, ``stance_cue``, where the cue table lists the two), relation and hedging columns, the
    particle the cue is written with (``cue_text``: "called on", "calls for") and the lexicon's valence of the
    cue's words ("slammed", "praised", "mocked"); lexicon valence with negation scope
    (``CLAIM_NEGATORS`` too) in the content and in the rest of its sentence (``context``); how many negators
    the content holds; a short quoted phrase inside it and its valence ('called the plan "reckless"'); denial
    words; hedges; questions, first person, future, numbers; what the cue says the speaker does (``CUE_ACTS``:
    predict, plan, ask, ...), percentages and the words of poll figures, which the labels call neutral;
    VADER's scores."""
    words, around = tokenize(content), tokenize(context)
    found = Counter(evaluative_features(words, "c_", CLAIM_NEGATORS))
    found.update(evaluative_features(around, "x_", CLAIM_NEGATORS))
    negators = sum(_is_negator(word) or word in CLAIM_NEGATORS for word in words)
    if negators:
        found["negators"] = float(negators)
    found.update(quoted_phrase_features(content))
    if cue_lemma:
        found[f"cue:{cue_lemma}"] = 1.0
        found.update(cue_word_features(cue_lemma, cue_text))
        stance = CUE_STANCES.get(stance_cue(cue_lemma, cue_text))
        if stance:
            found[f"cue_stance:{stance}"] = 1.0
        if cue_lemma in HEDGING_CUES:
            found["cue_hedging"] = 1.0
        for act in CUE_ACTS.get(cue_lemma, ()):
            found[f"cue_act:{act}"] = 1.0
    else:
        found["no_cue"] = 1.0
    for side, tokens in (("c", words), ("x", around)):
        for phrase in _has_phrase(tokens, DENIALS):
            found[f"{side}_denial"] += 1.0
            found[f"{side}_denial:{phrase}"] = 1.0
    found["hedges"] = sum(word in HEDGES for word in words)
    found["question"] = float(content.rstrip(" \"”'").endswith("?"))
    found["first_person"] = float(any(word in FIRST_PERSON for word in words))
    found["future"] = float(any(word in FUTURE for word in words))
    found["numbers"] = sum(word.isdigit() for word in words) / max(1, len(words))
    found["percent"] = float(bool(_has_phrase(words, PERCENT_SIGNS)))
    found["poll_figures"] = float(any(word in POLL_FIGURES for word in words))
    found["length"] = math.log1p(len(words))
    scores = _polarity(content)
    found["vader_c"], found["vader_p"], found["vader_n"] = scores["compound"], scores["pos"], scores["neg"]
    return found


def cue_word_features(cue_lemma: str, cue_text: str) -> dict[str, float]:
    """What the words of a cue say beyond its lemma: the particle it is written with ("called for", "called on",
    "lashed out": a demand is no insult), and the strongest valence the lexicon gives its words or its lemma
    ("slammed", "mocked", "thanked"), which tells the stance of a cue the cue table does not list."""
    words = tokenize(cue_text)
    found = {}
    if len(words) >= 2 and words[-1] in CUE_PARTICLES:
        found[f"cue_particle:{words[-1]}"] = 1.0
        found[f"cue_phrase:{cue_lemma} {words[-1]}"] = 1.0
    lexicon = _analyzer().lexicon
    valences = [lexicon[word] for word in words + [cue_lemma] if lexicon.get(word)]
    if valences:
        strongest = max(valences, key=abs)
        found[f"cue_valence_{'pos' if strongest > 0 else 'neg'}"] = abs(strongest)
    return found


def quoted_phrase_features(content: str) -> dict[str, float]:
    """A short phrase (at most ``QUOTED_PHRASE_WORDS`` words) quoted inside a claim, as a speaker quotes a
    label to judge by it ('called the plan "reckless"', 'a "so-called" reform'), and the summed valence of
    such phrases."""
    found, text = {}, content.strip()
    for match in QUOTED_PHRASE.finditer(text):
        whole = match.start() == 0 and match.end() >= len(text.rstrip(".,;:!?"))  # the claim is the quotation
        if not whole and len(match.group(1).split()) <= QUOTED_PHRASE_WORDS:
            found["quoted_phrase"] = 1.0
            valence = sum(_analyzer().lexicon.get(word, 0.0) for word in tokenize(match.group(1)))
            if valence:
                found["quoted_phrase_valence"] = found.get("quoted_phrase_valence", 0.0) + valence
    return found


def first_rule(content: str, cue_lemma: str | None, targets: list[TargetSpan]) -> tuple | None:
    """``(stance, evidence, kind)`` of the first clear rule (demand, cue, frame, acts, negated praise, blame)
    on any of ``targets``, or None."""
    for target in targets:
        rule = _rule_stance(content, cue_lemma, target)
        if rule:
            kind = rule[1].split(":")[0].split(" ")[0].strip("'")
            return rule[0], rule[1], kind if kind in RULE_KINDS else "frame"
    return None


def rule_features(rule: tuple | None) -> dict[str, float]:
    """The ``first_rule`` found, as features of the claim model."""
    return {f"rule:{rule[0]}": 1.0, f"rule_kind:{rule[2]}": 1.0} if rule else {}


RULE_KINDS = ("demand", "cue", "negated", "negative")
