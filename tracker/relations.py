"""Claim relations: claims that deny, dispute, confirm or continue an earlier claim of the same article.

"The United States has said Moscow sent warplanes ... Russia and the LNA both deny this." The second
claim's content is an anaphor ("this", "the claim", "these reports") and its cue a verb of denial, so it
denies the nearest earlier claim by another speaker. A quotation with no cue of its own that goes on after
'"...," he said.' continues the claim it follows.
"""

import re

from .cues import cue_values

RELATION_OF_CUE = cue_values("relation")  # the relation column of the cue table
ANAPHOR = re.compile(
    r"^(?:this|that|it|these|those|so|such|the (?:claims?|reports?|allegations?|accusations?|charges?|"
    r"assertions?|account|statements?|suggestion|idea|story|stories|assessment)|"
    r"(?:these|those|such|the|any) (?:claims?|reports?|allegations?|accusations?|charges?|assertions?))\W*$",
    re.IGNORECASE)


def claim_label(claim, text):
    """How a claim is named as a target: ``claim:`` and the first words of its sentence."""
    start = min(claim.start, claim.speaker_start if claim.speaker_start is not None else claim.start)
    words = text[start:claim.end].split()[:8]
    return "claim:" + " ".join(words)


def relation_of(cue_lemma, content):
    """The relation a claim with this cue and content expresses toward an earlier claim, or None."""
    relation = RELATION_OF_CUE.get(cue_lemma or "")
    content = content.strip(" .,\"'“”")
    if content.lower() == "it" and relation != "deny":
        return None  # "rejected it", "backed it": a plan or a proposal more often than a claim
    if relation and ANAPHOR.match(content):
        return relation
    return None


def link_claims(claims, attributions, text):
    """Link one article's claims (in text order, one per attribution) to the earlier claims they continue,
    deny, dispute or confirm: sets ``relation``/``related_claim_id``, and the stance and target of a claim
    that denies, disputes or confirms."""
    index = {id(attribution): k for k, attribution in enumerate(attributions)}
    for k, claim in enumerate(claims):
        followed = index.get(id(attributions[k].follows))
        if followed is not None:
            claim.relation, claim.related_claim_id = "continues", claims[followed].id
            continue
        relation = relation_of(attributions[k].cue_lemma, claim.quote_text)
        if relation is None:
            continue
        earlier = [c for c in claims[:k] if c.end <= claim.start and c.speaker != claim.speaker]
        if not earlier:
            continue
        other = earlier[-1]
        claim.relation, claim.related_claim_id = relation, other.id
        claim.stance = {"deny": "deny", "dispute": "against", "confirm": "support"}[relation]
        claim.target = claim_label(other, text)
        claim.stance_evidence = f"cue '{claim.cue}' with anaphoric content '{claim.quote_text}' -> {relation}"
        claim.stance_confidence = 0.9
