"""Normalize step: statements, with their speakers, stances and relations, become claim rows."""

import hashlib
import re
from dataclasses import asdict, dataclass, field

from .marks import QUOTE_MARKS

OPENING_PRONOUN = re.compile(r"^(he|she)\b", re.IGNORECASE)
COMPLEMENTIZER = re.compile(r"^that\s+", re.IGNORECASE)


@dataclass
class Claim:
    """One attributed statement of one article, ready to store.

    Offsets are character offsets into the article's stored text, end exclusive. ``spans`` holds the
    content's pieces when the content is split around the cue ("..., he said, ...").
    """

    article_id: str
    start: int
    end: int
    quote_text: str
    kind: str  # direct | indirect | mixed
    speaker: str | None  # canonical name
    speaker_type: str | None  # PERSON, ORG, GPE, NORP, ... or None when unknown
    speaker_mention: str | None  # as written ("he", "Kalin")
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    spans: list = field(default_factory=list)
    role: str | None = None
    addressee: str | None = None
    paragraph: int | None = None
    stance: str | None = None  # support | against | deny | None (neutral)
    target: str | None = None  # canonical name of what the stance is about ("claim:..." for another claim)
    target_type: str | None = None  # entity type of the target, None for a noun phrase or a claim
    stance_evidence: str | None = None  # the words and the rule that decided the stance
    stance_confidence: float | None = None
    hedged: bool = False  # the statement is modalised ("may", "I believe", "reportedly")
    normalized_text: str | None = None  # the statement cleaned up: marks dropped, speaker's pronouns resolved
    relation: str | None = None  # deny | dispute | confirm | continues: what this claim does to ``related_claim_id``
    related_claim_id: str | None = None
    rule: str | None = None  # the attribution rule that found the statement ("ccomp", "according", "adjacent", ...)
    date: str | None = None  # the article's date, YYYY-MM-DD
    cue_lemma: str | None = None  # the cue's lemma phrase ("say" for "has said", "according to"), for counting cues
    speaker_named: bool = True  # False when the article names no holder: ``speaker`` is then a description ("experts")

    @property
    def id(self):
        """Stable id from the article and the content offsets: the same input gives the same id."""
        return claim_id(self.article_id, self.start, self.end)

    def as_prediction(self):
        """The claim in the prediction format of ``../shared/eval/README.md`` (one line per article: the
        article's id and date are not repeated in its claims)."""
        row = {k: v for k, v in asdict(self).items() if k not in ("article_id", "date")}
        row["id"] = self.id
        return row


def normalized_text(text, spans, speaker=None, kind="indirect"):
    """The statement as clean text: pieces joined, quotation marks and editorial brackets dropped
    ("[Haftar]" -> "Haftar"); in reported speech whose subject is "he"/"she" ("Kalin said he would ..."),
    the pronoun becomes the speaker's name when the speaker is a person."""
    joined = " ... ".join(QUOTE_MARKS.sub("", text[a:b]).strip(" ,;:\n") for a, b in spans)
    clean = re.sub(r"\[([^\]]{1,60})\]", r"\1", joined)
    clean = COMPLEMENTIZER.sub("", " ".join(clean.split()).strip(" ,;:"))
    if kind != "direct" and speaker is not None and speaker.type == "PERSON" and speaker.name:
        clean = OPENING_PRONOUN.sub(speaker.name, clean, count=1)
    if clean and clean[-1] not in ".!?":
        clean += "."
    return clean[:1].upper() + clean[1:]


def claim_id(article_id, start, end):
    """Stable id of the claim with content ``start:end`` in an article: the same input gives the same id."""
    return hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


def claims_from_statements(article_id, text, statements, date=None):
    """``Claim`` rows for an article's ``Statement``s (in text order), with their speakers, stances and
    relations, each dated ``date`` (the article's). A quotation with no cue of its own that goes on from
    another statement, over sentences or paragraphs, is told under that statement's cue (and its lemma)."""
    cues, claims = {}, []
    for statement in statements:
        attribution = statement.attribution
        cue = ((attribution.cue, attribution.cue_lemma) if attribution.cue is not None
               else cues.get(attribution.follows, (None, None)))
        cues[attribution] = cue
        claims.append(claim_of(article_id, text, statement, *cue, date=date))
    return claims


def claim_of(article_id, text, statement, cue, cue_lemma=None, date=None):
    """The ``Claim`` row of one ``Statement`` told under ``cue`` (a ``Mention`` or None) of lemma ``cue_lemma``,
    dated ``date``."""
    attribution, speaker, stance, target = statement.attribution, statement.speaker, statement.stance, \
        statement.target
    mention = attribution.speaker
    related = statement.related
    return Claim(
        article_id=article_id, start=attribution.start, end=attribution.end,
        quote_text=text[attribution.start:attribution.end], kind=attribution.kind,
        speaker=speaker.name if speaker else None, speaker_type=speaker.type if speaker else None,
        speaker_mention=mention.text if mention else None,
        speaker_start=mention.start if mention else None, speaker_end=mention.end if mention else None,
        cue=cue.text if cue else None, cue_start=cue.start if cue else None, cue_end=cue.end if cue else None,
        cue_lemma=cue_lemma, spans=[list(s) for s in attribution.spans], role=speaker.role if speaker else None,
        addressee=attribution.addressee.text if attribution.addressee else None,
        paragraph=attribution.paragraph,
        normalized_text=normalized_text(text, attribution.spans, speaker, attribution.kind),
        stance=stance.stance, stance_confidence=round(stance.confidence, 3), hedged=stance.hedged,
        stance_evidence=stance.evidence, target=target.name if target else None,
        target_type=target.type if target else None, relation=statement.relation,
        related_claim_id=claim_id(article_id, related.start, related.end) if related is not None else None,
        rule=attribution.sources[0] if attribution.sources else None, date=date,
        speaker_named=speaker.named if speaker else True)
