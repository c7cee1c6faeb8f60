"""Relation step: statements that deny, dispute, confirm or continue an earlier claim of the same article.

"The United States has said Moscow sent warplanes ... Russia and the LNA both deny this." The second
claim's content is an anaphor ("this", "the claim", "these reports") and its cue a verb of denial, so it
denies the nearest earlier claim by another speaker. A quotation with no cue of its own that goes on after
'"...," he said.' continues the claim it follows.
"""

import re

from .cues import cue_values
from .words import word_set

RELATION_OF_CUE = cue_values("relation")  # the relation column of the cue table
ANAPHOR_SUBJECT = (  # "this", "the claims", "such reports": what names an earlier claim
    r"(?:this|that|it|these|those|so|such|the (?:claims?|reports?|allegations?|accusations?|charges?|"
    r"assertions?|account|statements?|suggestion|idea|story|stories|assessment)|"
    r"(?:these|those|this|that|such|the|any) (?:claims?|reports?|allegations?|accusations?|charges?|assertions?))")
ANAPHOR = re.compile(rf"^{ANAPHOR_SUBJECT}\W*$", re.IGNORECASE)
DENIED_BY_ANAPHOR = re.compile(  # '"That is simply false," he said': the content denies an earlier claim
    rf"^{ANAPHOR_SUBJECT}(?:'s|’s|\s+(?:is|are|was|were))\s+(?:(?:simply|just|completely|totally|absolutely|"
    r"entirely|patently|utterly|categorically|wholly)\s+)*(?:"
    + "|".join(sorted({re.escape(p) for p in word_set("flat_denials")} | {"false", "a lie", "lies"}, key=len,
                      reverse=True))
    + r")\b(?!\s+(?:that|to)\b)", re.IGNORECASE)


CLAIM_NOUNS = word_set("claim_nouns")
NAMED_CLAIM = re.compile(  # "the suggestion that X", "Smith's claim that X": a content that holds the claim it names
    r"^(?:[\w'’.-]+\s+){0,3}?(?:" + "|".join(sorted(CLAIM_NOUNS)) + r")s?\s+that\s+(?P<claim>\S.*)",
    re.IGNORECASE | re.DOTALL)


RELATION_STANCE = {"deny": "deny", "dispute": "against", "confirm": "support"}  # the stance a relation takes
RELATION_CONFIDENCE = 0.9


def statement_label(statement, text):
    """How a statement is named as a target: ``claim:`` and the first words of its sentence."""
    speaker = statement.attribution.speaker
    start = min(statement.start, speaker.start if speaker is not None else statement.start)
    words = text[start:statement.end].split()[:8]
    return "claim:" + " ".join(words)


def named_claim(content):
    """The claim a content names by a clause of its own ("the suggestion that the board misspent the money" ->
    "the board misspent the money"), or None."""
    found = NAMED_CLAIM.match(content.strip(" \"“”'"))
    return found.group("claim") if found else None


def relation_of(cue_lemma, content):
    """The relation a claim with this cue and content expresses toward an earlier claim, or None."""
    relation = RELATION_OF_CUE.get(cue_lemma or "")
    content = content.strip(" .,\"'“”")
    if DENIED_BY_ANAPHOR.match(content):
        return "deny"
    if content.lower() == "it" and relation != "deny":
        return None  # "rejected it", "backed it": a plan or a proposal more often than a claim
    if relation and ANAPHOR.match(content):
        return relation
    return None


def link_statements(statements, text):
    """Link one article's statements (in text order, speakers resolved) to the earlier statements they continue,
    deny, dispute or confirm: sets ``relation`` and ``related``. A denial answers the nearest earlier statement
    by another speaker that is not itself an answer ("X dismissed the criticism. 'These claims are baseless,' a
    spokesman said" answers the criticism, not X)."""
    by_attribution = {s.attribution: s for s in statements}
    for k, statement in enumerate(statements):
        followed = by_attribution.get(statement.attribution.follows)
        if followed is not None:
            statement.relation, statement.related = "continues", followed
            continue
        relation = relation_of(statement.attribution.cue_lemma, text[statement.start:statement.end])
        if relation is None:
            continue
        answered = answered_statement(statements, k)
        if answered is not None:
            statement.relation, statement.related = relation, answered


def answered_statement(statements, k, paragraphs=None):
    """The statement that the ``k``-th of an article's ``statements`` (in text order) answers: the nearest
    earlier one by another speaker that is not itself an answer, or the speaker's own answer that it repeats
    ("X rejected the claim that ... 'That is simply not true,' X said"), at most ``paragraphs`` paragraphs
    before it when given; None when there is none."""
    statement = statements[k]
    name, paragraph = speaker_name(statement), statement.attribution.paragraph
    earlier = [s for s in statements[:k] if s.end <= statement.start
               and (answers(s) if speaker_name(s) == name else not answers(s))
               and (paragraphs is None or paragraph - s.attribution.paragraph <= paragraphs)]
    return earlier[-1] if earlier else None


def is_own_answer(statement, earlier):
    """Whether ``earlier`` is an answer by ``statement``'s own speaker, which ``statement`` repeats."""
    return earlier is not None and answers(earlier) and speaker_name(earlier) == speaker_name(statement)


def answers(statement):
    """Whether a statement answers another: it denies or disputes by its cue ("dismissed", "rejected") or is
    linked as a denial or a dispute."""
    return statement.relation in ("deny", "dispute") or RELATION_OF_CUE.get(
        statement.attribution.cue_lemma or "") in ("deny", "dispute")


def speaker_name(statement):
    """The canonical name of who made ``statement``, or None."""
    return statement.speaker.name if statement.speaker is not None else None
