"""Store step: articles and their claims in SQLite through sqlite-utils, one transaction per article.

Tables (other tools rely on these names): ``articles``, ``speakers`` (one row per canonical name, across
articles), ``claims`` (each with the attribution ``rule`` that found it) and ``corrections`` (a journalist's
fixes, applied to the article's claims every time it is stored: ``apply_corrections``). The schema is code
(``sqlite_utils.Migrations``), recorded in the database; full-text search is added last, with triggers, so
that it follows every write.
"""

import dataclasses
import datetime
import json
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from .article import ORIGINS, Article
from .claims import Claim
from .identity import HOLDER_SEPARATOR, holders, name_key, preferred_name, same_person
from .names import is_fuller_form
from .views import HOLDER_NAMES, REJECTED, create_views

MIGRATIONS = sqlite_utils.Migrations("tracker")
NEUTRAL = "neutral"  # a correction's stance for none: the claim's stance is stored empty
BUSY_TIMEOUT_MS = 60_000  # how long a writer waits for another process's write transaction to end
OLD_FILE_ID = "old-file"  # the origin of a file stored under its path as given, before ids were relative to a folder


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


@MIGRATIONS()
def m003_stance_targets_relations(db):
    db.table("targets").create({"id": int, "name": str, "type": str, "claim_count": int},
                               pk="id", not_null={"name"}, defaults={"claim_count": 0})
    db.table("targets").create_index(["name"], unique=True)
    claims = db.table("claims")
    claims.add_column("target_id", int, fk="targets", fk_col="id")
    claims.add_column("target_type", str)
    claims.add_column("stance_confidence", float)
    claims.add_column("hedged", int)
    claims.add_column("normalized_text", str)
    claims.create_index(["target_id"])
    db.table("claim_relations").create({"claim_id": str, "relation": str, "other_claim_id": str},
                                       pk=("claim_id", "other_claim_id"),
                                       foreign_keys=[("claim_id", "claims", "id"), ("other_claim_id", "claims", "id")])
    db.table("claim_relations").create_index(["other_claim_id"])
    claims.disable_fts()  # adding a foreign key rebuilt the table and dropped the search triggers
    claims.enable_fts(["quote_text"], create_triggers=True)


@MIGRATIONS()
def m004_article_author(db):
    db.table("articles").add_column("author", str)  # ALTER TABLE: the title's search triggers stay


@MIGRATIONS()
def m005_claim_rule(db):
    # the attribution rule that found the claim; ALTER TABLE without a foreign key: the quote's search
    # triggers stay (a foreign key would rebuild the table and drop them, as in m003)
    db.table("claims").add_column("rule", str)
    db.table("claims").create_index(["rule"])


@MIGRATIONS()
def m006_speaker_identity(db):
    # speakers found whatever the spelling (tracker.identity), and a claim held by several speakers
    # ("Turkey; Russia") counted for each of them through claim_speakers
    speakers = db.table("speakers")
    speakers.add_column("name_key", str)
    for speaker_id, name, kind in db.execute("select id, name, type from speakers").fetchall():
        speakers.update(speaker_id, {"name_key": name_key(name, kind)})
    speakers.create_index(["name_key"])
    db.table("claim_speakers").create({"claim_id": str, "speaker_id": int, "position": int},
                                      pk=("claim_id", "speaker_id"),
                                      foreign_keys=[("claim_id", "claims", "id"), ("speaker_id", "speakers", "id")])
    db.table("claim_speakers").create_index(["speaker_id"])
    db.execute("insert into claim_speakers (claim_id, speaker_id, position) "
               "select id, speaker_id, 0 from claims where speaker_id is not null")
    for speaker_id, name, kind in db.execute(
            "select id, name, type from speakers where name like ?", ["%" + HOLDER_SEPARATOR + "%"]).fetchall():
        split_holders_row(db, speaker_id, name, kind)


def split_holders_row(db, speaker_id, name, kind):
    """Replace a stored speaker named for several holders ("Turkey; Russia") by a row per holder."""
    claim_ids = [row[0] for row in db.execute("select claim_id from claim_speakers where speaker_id = ?",
                                              [speaker_id])]
    db.execute("delete from claim_speakers where speaker_id = ?", [speaker_id])
    ids = [speaker_row(db, holder, kind, []) for holder in holders(name)]
    db.table("claim_speakers").insert_all(
        ({"claim_id": claim_id, "speaker_id": holder_id, "position": position}
         for claim_id in claim_ids for position, holder_id in enumerate(ids)), pk=("claim_id", "speaker_id"),
        ignore=True)
    db.execute("update claims set speaker_id = ? where speaker_id = ?", [ids[0], speaker_id])
    db.execute("delete from speakers where id = ?", [speaker_id])
    recount_speakers(db, ids)


@MIGRATIONS()
def m007_article_origin(db):
    # the kind of source an article's id belongs to (tracker.article.ORIGINS), read off the rows stored before;
    # a file's id was its path as given, which a file given by its bare name keeps
    db.table("articles").add_column("origin", str)
    db.execute("""update articles set origin = case
        when id like 'http://%' or id like 'https://%' or (path is not null and path != id) then 'page'
        when path is null then 'record' when id like '%/%' then ? else 'file' end""", [OLD_FILE_ID])


@MIGRATIONS()
def m008_corrections(db):
    # a journalist's corrections of claims (tracker.corrections), applied again at every store of the article;
    # a claim is found by what stays when the article is re-parsed (its content, speaker as written and cue),
    # not by its id, which moves with its offsets; claim_id is the claim it applies to now, null when "missing"
    db.table("corrections").create({
        "id": int, "article_id": str, "claim_id": str, "quote_text": str, "speaker_mention": str, "cue": str,
        "start": int, "fields": str, "speaker": str, "stance": str, "target": str, "rejected": int,
        "previous": str, "note": str, "corrected_by": str, "corrected_at": str, "state": str,
    }, pk="id", not_null={"article_id", "quote_text", "fields", "corrected_at", "state"},
        defaults={"rejected": 0, "state": "applied"})
    for column in ("article_id", "claim_id", "state"):
        db.table("corrections").create_index([column])


@MIGRATIONS()
def m009_cue_lemma(db):
    # the cue's lemma phrase ("say" for "said", "has said", "says"), which the desk facets on; ALTER TABLE: the
    # quote's search triggers stay. Null for claims stored before, until their article is ingested again
    db.table("claims").add_column("cue_lemma", str)


@MIGRATIONS()
def m010_unnamed_speakers(db):
    # a holder the article does not name ("experts", "a spokesman for the ministry") is no speaker row, which would
    # gather every article's experts as one entity: the claim keeps the description. Claims stored before keep
    # their speaker rows until their article is ingested again
    db.table("claims").add_column("speaker_description", str)


class IdTaken(ValueError):
    """An article's id belongs to a stored article from another kind of source."""


def ensure_schema(db):
    """Turn foreign keys on and apply pending migrations (idempotent); returns ``db``.

    The migrations and views are written in one write transaction, so two processes opening a new
    database at once apply them once: the second waits, then finds nothing pending."""
    db.execute("PRAGMA foreign_keys = ON")
    with write_transaction(db):
        MIGRATIONS.apply(db)
        create_views(db)
    return db


def open_db(path):
    """The claims database at ``path``: parent folder created, WAL journal, foreign keys, schema; its writers
    wait their turn (``write_transaction``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    enable_wal(db)
    return ensure_schema(db)


def enable_wal(db):
    """Switch ``db`` to the WAL journal. Two processes that create one database at once can each be refused
    the switch at once ("database is locked", whatever the busy timeout: SQLite breaks the lock cycle of
    two connections changing the journal), so it is tried again until the busy timeout has passed."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.enable_wal()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextmanager
def write_transaction(db):
    """A transaction that takes the database's write lock when it begins (``BEGIN IMMEDIATE``), waiting up
    to the busy timeout while another process writes; committed at the end, rolled back if anything raises.

    A plain ``BEGIN`` that reads before it writes fails at once ("database is locked") when another
    process has written since the read, whatever the timeout; one that holds the lock from the start
    cannot. Inside a transaction already open, it is a savepoint of that one."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.conn.execute("COMMIT")
    except BaseException:
        db.conn.rollback()
        raise


def article_state(db, article):
    """``"new"``, ``"changed"`` or ``"unchanged"``: the stored row compared by id and content hash; raises
    ``IdTaken`` when the id belongs to an article from another kind of source."""
    check_id(db, article)
    row = db.execute("select content_hash from articles where id = ?", [article.id]).fetchone()
    if row is None:
        return "new"
    return "unchanged" if row[0] == article.content_hash else "changed"


def check_id(db, article):
    """Raise ``IdTaken`` when ``article``'s id is stored for an article from another kind of source (a
    record whose id is a file's): it is refused, never stored over the other. A file under its old id
    (``OLD_FILE_ID``, as ``stored_article`` reads it back) is a file."""
    row = db.execute("select origin from articles where id = ?", [article.id]).fetchone()
    stored, given = ("file" if origin == OLD_FILE_ID else origin for origin in (row and row[0], article.origin))
    if stored and given and stored != given:
        raise IdTaken(f"id {article.id!r} is taken by a {ORIGINS[stored]}: this {ORIGINS[given]} is not "
                      "stored (give it another id)")


def legacy_ids(db, article):
    """Ids under which ``article`` (a file) was stored before ids were relative to the folder given: its path
    as given, when an article stored before then (``OLD_FILE_ID``) has it."""
    if article.origin != "file" or not article.path or article.path == article.id:
        return []
    row = db.execute("select id from articles where id = ? and origin = ?", [article.path, OLD_FILE_ID]).fetchone()
    return [row[0]] if row else []


def store_article(db, article, claims):
    """Replace ``article``'s row, claims and claim relations in one transaction; returns the number of
    claims written.

    Speakers are matched by canonical name across articles, their aliases merged and their claim
    counts recomputed. The article's corrections are applied to the claims they find (``apply_corrections``).
    If anything raises, the article's previously stored rows are left as they were.
    A file stored under its old id (``legacy_ids``) moves to its new one, with its corrections. Raises
    ``IdTaken`` when the id belongs to an article from another kind of source.
    """
    for claim in claims:
        if claim.article_id != article.id:
            raise ValueError(f"claim {claim.id} belongs to article {claim.article_id!r}, not {article.id!r}")
    with write_transaction(db):
        check_id(db, article)
        previous = db.execute("select content_hash, ingested_at from articles where id = ?",
                              [article.id]).fetchone()
        unchanged = previous is not None and previous[0] == article.content_hash
        legacy = legacy_ids(db, article)
        touched = claim_speaker_ids(db, [article.id] + legacy)
        touched_targets = claim_target_ids(db, [article.id] + legacy)
        delete_claims(db, [article.id] + legacy)
        delete_articles(db, legacy)
        for old_id in legacy:
            db.execute("update corrections set article_id = ? where article_id = ?", [article.id, old_id])
        db.table("articles").upsert({
            "id": article.id, "path": article.path, "url": article.url, "title": article.title,
            "author": article.author, "date": article.date, "text": article.text, "content_hash": article.content_hash,
            "ingested_at": previous[1] if unchanged else now(), "origin": article.origin,
        }, pk="id")
        claims, respoken = apply_corrections(db, article.id, claims)
        speaker_ids = upsert_speakers(db, claims, respoken)
        target_ids = upsert_targets(db, claims)
        db.table("claims").insert_all((claim_row(c, speaker_ids, target_ids) for c in claims), pk="id")
        db.table("claim_speakers").insert_all(claim_speaker_rows(claims, speaker_ids),
                                              pk=("claim_id", "speaker_id"), ignore=True)
        db.table("claim_relations").insert_all(
            ({"claim_id": c.id, "relation": c.relation, "other_claim_id": c.related_claim_id}
             for c in claims if c.relation), pk=("claim_id", "other_claim_id"))
        recount_speakers(db, touched | set(speaker_ids.values()))
        recount_targets(db, touched_targets | set(target_ids.values()))
    return len(claims)


def prune(db, keep_ids):
    """Remove the articles (and their claims) whose ids are not in ``keep_ids``; returns the removed ids."""
    keep = set(keep_ids)
    with write_transaction(db):
        gone = [row[0] for row in db.execute("select id from articles order by id") if row[0] not in keep]
        touched = claim_speaker_ids(db, gone)
        touched_targets = claim_target_ids(db, gone)
        delete_claims(db, gone)
        delete_articles(db, gone)
        recount_speakers(db, touched)
        recount_targets(db, touched_targets)
    return gone


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def chunks(items, size=500):
    items = list(items)
    return [items[i:i + size] for i in range(0, len(items), size)]


def delete_articles(db, article_ids):
    """Delete the articles' rows (their claims first: ``delete_claims``)."""
    for chunk in chunks(article_ids):
        db.execute(f"delete from articles where id in ({', '.join('?' * len(chunk))})", chunk)


def delete_claims(db, article_ids):
    """Delete the articles' claims and every relation that touches them; their corrections are ``missing``
    until a claim is found for them again (``apply_corrections``)."""
    for chunk in chunks(article_ids):
        marks = ", ".join("?" * len(chunk))
        owned = f"select id from claims where article_id in ({marks})"
        db.execute(f"update corrections set state = 'missing', claim_id = null where article_id in ({marks})", chunk)
        db.execute(f"delete from claim_relations where claim_id in ({owned}) or other_claim_id in ({owned})",
                   chunk + chunk)
        db.execute(f"delete from claim_speakers where claim_id in ({owned})", chunk)
        db.execute(f"delete from claims where article_id in ({marks})", chunk)


def _ids_of_articles(db, sql, article_ids):
    """The ids ``sql`` selects for the given articles, its ``{marks}`` standing for a chunk of their ids."""
    ids = set()
    for chunk in chunks(article_ids):
        ids.update(row[0] for row in db.execute(sql.format(marks=", ".join("?" * len(chunk))), chunk))
    return ids


def claim_speaker_ids(db, article_ids):
    """Ids of the speakers (every holder) of the given articles' claims."""
    return _ids_of_articles(db, "select distinct speaker_id from claim_speakers where claim_id in "
                                "(select id from claims where article_id in ({marks}))", article_ids)


def claim_target_ids(db, article_ids):
    """Ids of the targets of the given articles' claims."""
    return _ids_of_articles(db, "select distinct target_id from claims where article_id in ({marks}) "
                                "and target_id is not null", article_ids)


def upsert_targets(db, claims):
    """``{name: target id}`` for the claims' targets (claims named as targets are not rows)."""
    ids = {}
    for claim in claims:
        name = claim.target
        if name is None or name.startswith("claim:") or name in ids:
            continue
        row = db.execute("select id from targets where name = ?", [name]).fetchone()
        ids[name] = row[0] if row else db.table("targets").insert(
            {"name": name, "type": claim.target_type, "claim_count": 0}).last_pk
    return ids


def upsert_speakers(db, claims, respoken=frozenset()):
    """``{name: speaker id}`` for every holder of the claims' speakers, creating rows and merging aliases and
    types; a claim of several holders ("Turkey; Russia") counts for each of them. The mention of a claim
    whose id is in ``respoken`` (its speaker was corrected) is no alias of its speaker."""
    seen = {}
    for claim in claims:
        names = speaker_holders(claim)
        for name in names:
            aliases, kind = seen.setdefault(name, ([], claim.speaker_type))
            if (len(names) == 1 and claim.speaker_mention and claim.speaker_mention not in aliases
                    and claim.id not in respoken):
                aliases.append(claim.speaker_mention)
            if kind is None and claim.speaker_type:
                seen[name] = (aliases, claim.speaker_type)
    ids = {}
    for name, (aliases, kind) in seen.items():
        ids[name] = speaker_row(db, name, kind, aliases)
        absorbed = absorb_surname_rows(db, ids[name], name, kind)
        ids.update((other, ids[name]) for other, other_id in ids.items() if other_id == absorbed)
    return ids


def speaker_row(db, name, kind, aliases):
    """The id of the stored speaker ``name`` is (``find_speaker``), its type and aliases merged, or of a new row."""
    speakers = db.table("speakers")
    row = find_speaker(db, name, kind)
    if row is None:
        return speakers.insert({"name": name, "name_key": name_key(name, kind), "type": kind,
                                "aliases": aliases, "claim_count": 0}).last_pk
    speaker_id, stored_name, old_type, old_aliases = row
    shown = preferred_name(stored_name, name, old_type or kind) if name_key(name, kind) == name_key(
        stored_name, old_type or kind) else stored_name
    speakers.update(speaker_id, {"name": shown, "type": old_type or kind, "aliases": merge_aliases(
        json.loads(old_aliases or "[]"), [other for other in (stored_name, name) if other != shown] + aliases)})
    return speaker_id


def speaker_holders(claim):
    """The names of the claim's holders that are speaker rows, in the order written: none for a claim without a
    speaker or of a holder the article does not name ("experts", kept as the claim's ``speaker_description``)."""
    return holders(claim.speaker) if claim.speaker is not None and claim.speaker_named else []


def claim_speaker_rows(claims, speaker_ids):
    """One ``claim_speakers`` row per holder of each claim (``speaker_holders``), in the order written."""
    for claim in claims:
        for position, name in enumerate(speaker_holders(claim)):
            yield {"claim_id": claim.id, "speaker_id": speaker_ids[name], "position": position}


def merge_aliases(aliases, more):
    """``aliases`` followed by the new ones of ``more``, each once, in the order first seen."""
    merged = list(aliases)
    for alias in more:
        if alias not in merged:
            merged.append(alias)
    return merged


def find_speaker(db, name, kind):
    """The stored speaker a name belongs to, ``(id, name, type, aliases)`` or None: the same name; the same
    ``name_key`` ("Erdoğan" for "Erdogan", "Sen. Adam B. Schiff" for "Adam Schiff"); the one person of the same
    first name whose surname is spelled almost alike ("Sameh Shukry" for "Sameh Shoukry"); for a lone surname
    ("Kalin") the one person whose name is a fuller form of it ("Ibrahim Kalin")."""
    columns = "select id, name, type, aliases from speakers"
    row = db.execute(f"{columns} where name = ?", [name]).fetchone()
    if row is not None:
        return row
    key = name_key(name, kind)
    rows = db.execute(f"{columns} where name_key = ? and (type is ? or type is null or ? is null)",
                      [key, kind, kind]).fetchall()
    if len(rows) == 1:
        return rows[0]
    if kind not in (None, "PERSON"):
        return None
    if " " in key:
        first = key.split()[0]
        rows = db.execute(f"{columns} where type = 'PERSON' and name_key like ?", [first + " %"]).fetchall()
        alike = [row for row in rows if same_person(row[1], name)]
        return alike[0] if len(alike) == 1 else None
    fuller = fuller_persons(db, name)
    return fuller[0] if len(fuller) == 1 else None


def fuller_persons(db, short, other_than=None):
    """The stored persons (but ``other_than``, an id) whose name is a fuller form of the name ``short`` by the
    rule an article follows (``tracker.names.is_fuller_form``), whatever the case of its letters: "Ibrahim
    Kalin" of "Kalin", "Mike Pence" of "PENCE"; rows ``(id, name, type, aliases)``. The ``like`` (which ignores
    the case of ASCII letters) only narrows the rows to read."""
    rows = db.execute("select id, name, type, aliases from speakers where type = 'PERSON' and name like ?",
                      ["% " + short]).fetchall()
    return [row for row in rows if row[0] != other_than and is_fuller_form(row[1].lower(), short.lower())]


def absorb_surname_rows(db, speaker_id, name, kind):
    """A new full person name ("Ibrahim Kalin") takes over the claims of a stored lone surname ("Kalin")
    when no other stored person's name is a fuller form of that surname; returns the id of the row it took
    over, or None."""
    if kind != "PERSON" or " " not in name:
        return None
    surname = name.split()[-1]
    row = db.execute("select id, aliases from speakers where name = ? and id != ?", [surname, speaker_id]).fetchone()
    if row is None or fuller_persons(db, surname, other_than=speaker_id):
        return None
    old_id, old_aliases = row
    db.execute("update claims set speaker_id = ? where speaker_id = ?", [speaker_id, old_id])
    db.execute("update or ignore claim_speakers set speaker_id = ? where speaker_id = ?", [speaker_id, old_id])
    db.execute("delete from claim_speakers where speaker_id = ?", [old_id])
    aliases = json.loads(db.execute("select aliases from speakers where id = ?", [speaker_id]).fetchone()[0] or "[]")
    merged = merge_aliases(aliases, [surname] + json.loads(old_aliases or "[]"))
    db.table("speakers").update(speaker_id, {"aliases": merged})
    db.execute("delete from speakers where id = ?", [old_id])
    return old_id


def _recount(db, table, links, column, ids):
    """Set ``claim_count`` of the rows ``ids`` of ``table`` to their claims (``links`` rows, joinable to
    ``claims``, whose ``column`` is the row's id) that no correction rejected (``REJECTED``), and remove the rows
    no claim links to any more; a row whose claims are all rejected stays, counted 0. A migration before
    m008 (``m006_speaker_identity``) recounts before there is a corrections table, so before any rejection."""
    counted = f" and not {REJECTED}" if db["corrections"].exists() else ""
    for chunk in chunks(ids):
        marks = ", ".join("?" * len(chunk))
        db.execute(f"update {table} set claim_count = (select count(*) from {links} where {column} = {table}.id"
                   f"{counted}) where id in ({marks})", chunk)
        db.execute(f"delete from {table} where id in ({marks}) and not exists"
                   f" (select 1 from {links} where {column} = {table}.id)", chunk)


def recount_speakers(db, speaker_ids):
    """Recompute ``claim_count`` of the given speakers (every claim they hold, alone or with others, but the
    rejected ones) and remove those left without claims."""
    _recount(db, "speakers", "claim_speakers join claims on claims.id = claim_speakers.claim_id",
             "claim_speakers.speaker_id", speaker_ids)


def recount_targets(db, target_ids):
    """Recompute ``claim_count`` of the given targets (but their rejected claims) and remove those left without
    claims."""
    _recount(db, "targets", "claims", "claims.target_id", target_ids)


def claim_row(claim, speaker_ids, target_ids):
    names = speaker_holders(claim)
    return {
        "id": claim.id, "article_id": claim.article_id,
        "speaker_id": speaker_ids[names[0]] if names else None,
        "speaker_description": None if names else claim.speaker,
        "speaker_mention": claim.speaker_mention, "speaker_start": claim.speaker_start,
        "speaker_end": claim.speaker_end, "role": claim.role, "addressee": claim.addressee,
        "cue": claim.cue, "cue_start": claim.cue_start, "cue_end": claim.cue_end, "cue_lemma": claim.cue_lemma,
        "kind": claim.kind,
        "quote_text": claim.quote_text, "start": claim.start, "end": claim.end,
        "spans": [list(span) for span in claim.spans], "paragraph": claim.paragraph,
        "stance": claim.stance, "target": claim.target, "stance_evidence": claim.stance_evidence,
        "target_id": target_ids.get(claim.target), "target_type": claim.target_type,
        "stance_confidence": claim.stance_confidence, "hedged": int(claim.hedged),
        "normalized_text": claim.normalized_text, "rule": claim.rule,
    }


def content_key(text):
    """A claim's content as a correction finds it again: its text with whitespace normalised."""
    return " ".join(text.split())


def apply_corrections(db, article_id, claims):
    """``(claims, respoken)``: the article's claims with its stored corrections applied in the order they were
    made, and the ids of those whose speaker was corrected. Each correction is marked ``applied`` to the claim
    it finds (``matching_claim``), or ``missing`` when the article no longer has that claim."""
    claims = list(claims)
    respoken = set()
    for correction in list(db.query("select * from corrections where article_id = ? order by id", [article_id])):
        index = matching_claim(correction, claims)
        if index is None:
            db.execute("update corrections set state = 'missing', claim_id = null where id = ?", [correction["id"]])
            continue
        claims[index] = corrected_claim(claims[index], correction)
        if correction["speaker"] is not None:
            respoken.add(claims[index].id)
        db.execute("update corrections set state = 'applied', claim_id = ? where id = ?",
                   [claims[index].id, correction["id"]])
    return claims, respoken


def matching_claim(correction, claims):
    """The index in ``claims`` of the claim ``correction`` (a row) was made to, or None: the same content,
    whitespace aside, wherever it moved; among several, the one with the same speaker as written and cue,
    then the one nearest to where it was."""
    found = [i for i, claim in enumerate(claims) if content_key(claim.quote_text) == correction["quote_text"]]
    return min(found, default=None, key=lambda i: (claims[i].speaker_mention != correction["speaker_mention"],
                                                   claims[i].cue != correction["cue"],
                                                   abs(claims[i].start - correction["start"])))


def corrected_claim(claim, correction):
    """``claim`` with the speaker, stance or target that ``correction`` (a row) gives it; a rejection changes
    no field (the correction flags the claim)."""
    changes = {}
    if correction["speaker"] is not None:
        changes.update(speaker=correction["speaker"], speaker_type=None, role=None, speaker_named=True)
    if correction["stance"] is not None:
        changes.update(stance=None if correction["stance"] == NEUTRAL else correction["stance"],
                       stance_evidence=None, stance_confidence=None)
    if correction["target"] is not None:
        changes.update(target=correction["target"], target_type=None)
    return dataclasses.replace(claim, **changes)


def stored_article(db, article_id):
    """The stored ``Article`` ``article_id``, or None."""
    rows = list(db.query("select id, text, date, title, url, path, author, origin from articles where id = ?",
                         [article_id]))
    return Article(**rows[0]) if rows else None


CLAIM_FIELDS = {field.name for field in dataclasses.fields(Claim)}


def stored_claims(db, article_id):
    """The article's stored claims read back as ``Claim``s (their holders, speaker type and relation with
    them), in text order: what ``store_article`` stores again as it was."""
    relations = {row[0]: row[1:] for row in db.execute(
        "select claim_id, relation, other_claim_id from claim_relations where claim_id in "
        "(select id from claims where article_id = ?)", [article_id])}
    rows = db.query(f"""select claims.*, coalesce((select group_concat(name, :separator) from ({HOLDER_NAMES})),
        claims.speaker_description) as speaker, claims.speaker_description is null as speaker_named,
        speakers.type as speaker_type from claims left join speakers on speakers.id = claims.speaker_id
        where claims.article_id = :article_id order by claims.start, claims.end""",
                    {"separator": HOLDER_SEPARATOR, "article_id": article_id})
    claims = []
    for row in rows:
        relation, related_claim_id = relations.get(row["id"], (None, None))
        claims.append(Claim(**{key: value for key, value in row.items() if key in CLAIM_FIELDS} | {
            "spans": json.loads(row["spans"] or "[]"), "hedged": bool(row["hedged"]),
            "speaker_named": bool(row["speaker_named"]), "relation": relation,
            "related_claim_id": related_claim_id}))
    return claims
