"""A journalist's corrections of claims: a claim's speaker, stance or target fixed, or the claim rejected.

Each correction is a row of ``corrections`` that names its claim by what survives a re-parse of the article (the
article, the claim's content with whitespace normalised, its speaker as written and its cue), not by the claim's
id, which moves with its offsets. The store applies an article's corrections every time it stores the article
(``tracker.store.apply_corrections``); ``correct`` records one and stores the article again at once, which
recounts its speakers and targets (a rejected claim counts for none: ``tracker.views.REJECTED``).
"""

import getpass
import json

from .store import NEUTRAL, content_key, now, store_article, stored_article, stored_claims, write_transaction

STANCE_CHOICES = ("support", "against", "deny", NEUTRAL)


class CorrectionError(ValueError):
    """A correction that cannot be made: an unknown claim, an invalid stance, nothing to change."""


def correct(db, claim_id, *, speaker=None, stance=None, target=None, reject=False, note=None, by=None):
    """Record a correction of the stored claim ``claim_id`` and apply it; returns the correction's id.

    ``speaker`` (a name; several holders joined by "; "), ``stance`` (one of ``STANCE_CHOICES``) and ``target``
    replace the claim's own; ``reject`` marks the claim wrong. ``by`` defaults to the OS user name. Raises
    ``CorrectionError`` for an unknown claim, an invalid stance, an empty name or nothing to change."""
    changes = {"speaker": checked_name("speaker", speaker), "stance": stance, "target": checked_name("target", target)}
    if stance is not None and stance not in STANCE_CHOICES:
        raise CorrectionError(f"invalid stance {stance!r}: choose one of {', '.join(STANCE_CHOICES)}")
    fields = [field for field, value in changes.items() if value is not None] + (["rejected"] if reject else [])
    if not fields:
        raise CorrectionError("nothing to correct: give a speaker, a stance or a target, or reject the claim")
    with write_transaction(db):
        rows = list(db.query("""select article_id, quote_text, speaker_mention, cue, start, speaker, stance, target
            from claim_details where id = ?""", [claim_id]))
        if not rows:
            raise CorrectionError(f"no claim with id {claim_id!r}")
        claim = rows[0]
        current = {field: claim[field] or (NEUTRAL if field == "stance" else None) for field in changes}
        if not reject and all(current[field] == changes[field] for field in fields):
            given = ", ".join(f"{field} {changes[field]!r}" for field in fields)
            raise CorrectionError(f"nothing to correct: claim {claim_id} already has {given}")
        correction_id = db.table("corrections").insert({
            "article_id": claim["article_id"], "claim_id": claim_id, "quote_text": content_key(claim["quote_text"]),
            "speaker_mention": claim["speaker_mention"], "cue": claim["cue"], "start": claim["start"],
            "fields": json.dumps(fields), **changes, "rejected": int(reject),
            "previous": json.dumps({field: current[field] for field in changes if changes[field] is not None},
                                   ensure_ascii=False),
            "note": note, "corrected_by": by or getpass.getuser(), "corrected_at": now(), "state": "applied",
        }).last_pk
        article_id = claim["article_id"]
        store_article(db, stored_article(db, article_id), stored_claims(db, article_id))
    return correction_id


def checked_name(field, name):
    """``name`` with its whitespace normalised (None stays None); raises ``CorrectionError`` when it is empty."""
    if name is None:
        return None
    if not name.split():
        raise CorrectionError(f"the {field} must not be empty")
    return " ".join(name.split())


def missing_corrections(db, article_id):
    """The article's corrections that found no claim when it was last stored, as rows (``id``, ``quote_text``)."""
    return list(db.query("select id, quote_text from corrections where article_id = ? and state = 'missing' "
                         "order by id", [article_id]))
