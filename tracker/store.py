"""Store step: articles and their claims in SQLite through sqlite-utils, one transaction per article.

Tables (other tools rely on these names): ``articles``, ``speakers`` (one row per canonical name, across
articles) and ``claims``. The schema is code (``sqlite_utils.Migrations``), recorded in the database;
full-text search is added last, with triggers, so that it follows every write.
"""

import datetime
import json
from pathlib import Path

import sqlite_utils

MIGRATIONS = sqlite_utils.Migrations("tracker")


@MIGRATIONS()
def m001_tables(db):
    db.table("articles").create({
        "id": str, "path": str, "url": str, "title": str, "date": str, "text": str,
        "content_hash": str, "ingested_at": str,
    }, pk="id", not_null={"text", "content_hash"})
    db.table("speakers").create({
        "id": int, "name": str, "type": str, "aliases": str, "claim_count": int,
    }, pk="id", not_null={"name"}, defaults={"aliases": "[]", "claim_count": 0})
    db.table("speakers").create_index(["name"], unique=True)
    db.table("claims").create({
        "id": str, "article_id": str, "speaker_id": int, "speaker_mention": str,
        "speaker_start": int, "speaker_end": int, "role": str, "addressee": str,
        "cue": str, "cue_start": int, "cue_end": int, "kind": str, "quote_text": str,
        "start": int, "end": int, "spans": str, "paragraph": int,
        "stance": str, "target": str, "stance_evidence": str,
    }, pk="id", not_null={"article_id", "kind", "quote_text", "start", "end"},
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")])
    for column in ("article_id", "speaker_id", "stance", "target"):
        db.table("claims").create_index([column])


@MIGRATIONS()
def m002_full_text_search(db):
    db.table("claims").enable_fts(["quote_text"], create_triggers=True)
    db.table("speakers").enable_fts(["name"], create_triggers=True)
    db.table("articles").enable_fts(["title"], create_triggers=True)


def ensure_schema(db):
    """Turn foreign keys on and apply pending migrations (idempotent); returns ``db``."""
    db.execute("PRAGMA foreign_keys = ON")
    MIGRATIONS.apply(db)
    return db


def open_db(path):
    """The claims database at ``path``: parent folder created, WAL journal, foreign keys, schema."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.enable_wal()
    return ensure_schema(db)


def article_state(db, article):
    """``"new"``, ``"changed"`` or ``"unchanged"``: the stored row compared by id and content hash."""
    row = db.execute("select content_hash from articles where id = ?", [article.id]).fetchone()
    if row is None:
        return "new"
    return "unchanged" if row[0] == article.content_hash else "changed"


def store_article(db, article, claims):
    """Replace ``article``'s row and claims in one transaction; returns the number of claims written.

    Speakers are matched by canonical name across articles, their aliases merged and their claim
    counts recomputed. If anything raises, the article's previously stored rows are left as they were.
    """
    for claim in claims:
        if claim.article_id != article.id:
            raise ValueError(f"claim {claim.id} belongs to article {claim.article_id!r}, not {article.id!r}")
    with db.atomic():
        previous = db.execute("select content_hash, ingested_at from articles where id = ?",
                              [article.id]).fetchone()
        unchanged = previous is not None and previous[0] == article.content_hash
        touched = claim_speaker_ids(db, [article.id])
        db.execute("delete from claims where article_id = ?", [article.id])
        db.table("articles").upsert({
            "id": article.id, "path": article.path, "url": article.url, "title": article.title,
            "date": article.date, "text": article.text, "content_hash": article.content_hash,
            "ingested_at": previous[1] if unchanged else now(),
        }, pk="id")
        speaker_ids = upsert_speakers(db, claims)
        db.table("claims").insert_all((claim_row(c, speaker_ids) for c in claims), pk="id")
        recount_speakers(db, touched | set(speaker_ids.values()))
    return len(claims)


def prune(db, keep_ids):
    """Remove the articles (and their claims) whose ids are not in ``keep_ids``; returns the removed ids."""
    keep = set(keep_ids)
    gone = [row[0] for row in db.execute("select id from articles order by id") if row[0] not in keep]
    if not gone:
        return []
    with db.atomic():
        touched = claim_speaker_ids(db, gone)
        for chunk in chunks(gone):
            marks = ", ".join("?" * len(chunk))
            db.execute(f"delete from claims where article_id in ({marks})", chunk)
            db.execute(f"delete from articles where id in ({marks})", chunk)
        recount_speakers(db, touched)
    return gone


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def chunks(items, size=500):
    items = list(items)
    return [items[i:i + size] for i in range(0, len(items), size)]


def claim_speaker_ids(db, article_ids):
    ids = set()
    for chunk in chunks(article_ids):
        marks = ", ".join("?" * len(chunk))
        ids.update(row[0] for row in db.execute(
            f"select distinct speaker_id from claims where article_id in ({marks}) and speaker_id is not null",
            chunk))
    return ids


def upsert_speakers(db, claims):
    """``{name: speaker id}`` for the claims' speakers, creating rows and merging aliases and types."""
    seen = {}
    for claim in claims:
        if claim.speaker is None:
            continue
        aliases, kind = seen.setdefault(claim.speaker, ([], claim.speaker_type))
        if claim.speaker_mention and claim.speaker_mention not in aliases:
            aliases.append(claim.speaker_mention)
        if kind is None and claim.speaker_type:
            seen[claim.speaker] = (aliases, claim.speaker_type)
    speakers = db.table("speakers")
    ids = {}
    for name, (aliases, kind) in seen.items():
        row = db.execute("select id, type, aliases from speakers where name = ?", [name]).fetchone()
        if row is None:
            ids[name] = speakers.insert({"name": name, "type": kind, "aliases": aliases, "claim_count": 0}).last_pk
            continue
        ids[name], old_type, old_aliases = row
        merged = json.loads(old_aliases or "[]")
        merged += [a for a in aliases if a not in merged]
        speakers.update(ids[name], {"type": old_type or kind, "aliases": merged})
    return ids


def recount_speakers(db, speaker_ids):
    """Recompute ``claim_count`` of the given speakers and remove those left without claims."""
    for chunk in chunks(speaker_ids):
        marks = ", ".join("?" * len(chunk))
        db.execute(f"update speakers set claim_count = (select count(*) from claims where speaker_id = speakers.id)"
                   f" where id in ({marks})", chunk)
        db.execute(f"delete from speakers where claim_count = 0 and id in ({marks})", chunk)


def claim_row(claim, speaker_ids):
    return {
        "id": claim.id, "article_id": claim.article_id,
        "speaker_id": speaker_ids.get(claim.speaker) if claim.speaker is not None else None,
        "speaker_mention": claim.speaker_mention, "speaker_start": claim.speaker_start,
        "speaker_end": claim.speaker_end, "role": claim.role, "addressee": claim.addressee,
        "cue": claim.cue, "cue_start": claim.cue_start, "cue_end": claim.cue_end, "kind": claim.kind,
        "quote_text": claim.quote_text, "start": claim.start, "end": claim.end,
        "spans": [list(span) for span in claim.spans], "paragraph": claim.paragraph,
        "stance": claim.stance, "target": claim.target, "stance_evidence": claim.stance_evidence,
    }
