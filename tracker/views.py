"""Publish step: SQL views for browsing, created idempotently (a view is replaced only when its SQL changed).

``claim_details``: one row per claim with its speakers' names (several holders joined by "; ", and as a JSON
list ``speakers`` for a facet that counts the claim for each), its target's name and its article's date,
month and title - the table journalists browse and facet (``claims`` itself has no date) - ``unnamed_source``, the
description of a holder the article does not name ("experts", "a spokesman for the ministry"), and the
attribution rule that found it, ``corrected``: what a journalist corrected in it (``tracker.corrections``), and
``rejected``: 1 when a correction rejected it.
``claim_desk``: the compact table a journalist starts from - date, speaker (several joined by "; "), the unnamed
source (the description of a holder the article does not name, when it names none), cue as
written, the statement (its pieces joined by " ... " where the attribution splits it), stance as a word
(``neutral`` included), target and its kind (``claim`` for a statement answered, never a ``claim:...`` name), what
a correction changed, article - with the columns its links, search and facets need (``id``, ``month``, the
``speakers`` list, the ``cue_lemma``, ``article_id``, ``claim_rowid``); ``claim_details`` keeps every column.
``stance_summary``: per speaker (each holder of a claim) per target, how many claims support, oppose, deny or are
neutral.

A rejected claim (``REJECTED``) is one a journalist says is wrong: it stays in ``claim_details`` and
``claim_desk``, flagged ``rejected`` in ``corrected`` - where journalists browse, they see that someone rejected
it (and on its page who and why) and can check that - but nothing counts it: not ``stance_summary``, the
speakers' and targets' ``claim_count`` (``tracker.store``), the charts, the canned queries or a speaker's page.
"""

# the names of a claim's holders, in the order the article gives them
HOLDER_NAMES = """select speakers.name from claim_speakers join speakers on speakers.id = claim_speakers.speaker_id
    where claim_speakers.claim_id = claims.id order by claim_speakers.position"""

# what the corrections applied to a claim changed: "speaker, stance", "rejected", or null
CORRECTED_FIELDS = """select group_concat(field, ', ') from (select distinct changed.value as field
    from corrections, json_each(corrections.fields) as changed
    where corrections.claim_id = claims.id and corrections.state = 'applied')"""

# a claim a journalist rejected (``tracker correct --reject``): the one condition that leaves it out of every count
REJECTED = """exists (select 1 from corrections where corrections.claim_id = claims.id
    and corrections.state = 'applied' and corrections.rejected)"""

CLAIM_DETAILS = f"""select
  claims.id,
  articles.date,
  substr(articles.date, 1, 7) as month,
  claims.article_id,
  articles.title,
  (select group_concat(name, '; ') from ({HOLDER_NAMES})) as speaker,
  (select json_group_array(name) from ({HOLDER_NAMES})) as speakers,
  claims.speaker_id,
  claims.speaker_description as unnamed_source,
  claims.speaker_mention,
  claims.role,
  claims.cue,
  claims.cue_lemma,
  claims.kind,
  claims.rule,
  claims.quote_text,
  claims.stance,
  coalesce(targets.name, claims.target) as target,
  claims.target_id,
  claims.target_type,
  claims.hedged,
  claims.stance_confidence,
  claims.paragraph,
  claims.start,
  ({CORRECTED_FIELDS}) as corrected,
  cast({REJECTED} as integer) as rejected,  -- integer, so that the filter ?rejected=0 matches
  claims.rowid as claim_rowid
from claims
  join articles on articles.id = claims.article_id
  left join targets on targets.id = claims.target_id"""

# a claim's content pieces (``claims.spans``, offsets into the article) cut from its quote_text, in text order
PIECES = """select trim(substr(claims.quote_text, json_extract(span.value, '$[0]') - claims.start + 1,
    json_extract(span.value, '$[1]') - json_extract(span.value, '$[0]'))) as piece
    from json_each(claims.spans) as span order by span.key"""

CLAIM_DESK = f"""select
  claims.id,
  articles.date,
  substr(articles.date, 1, 7) as month,
  (select group_concat(name, '; ') from ({HOLDER_NAMES})) as speaker,
  (select json_group_array(name) from ({HOLDER_NAMES})) as speakers,
  claims.speaker_description as unnamed_source,
  claims.cue,
  claims.cue_lemma,
  case when json_array_length(claims.spans) > 1 then (select group_concat(piece, ' ... ') from ({PIECES}))
    else claims.quote_text end as statement,
  coalesce(claims.stance, 'neutral') as stance,
  case when claims.target like 'claim:%' then null else coalesce(targets.name, claims.target) end as target,
  case when claims.target like 'claim:%' then 'claim' when claims.target is not null
    then coalesce(claims.target_type, 'phrase') end as target_kind,
  ({CORRECTED_FIELDS}) as corrected,
  coalesce(articles.title, claims.article_id) as article,
  claims.article_id,
  claims.rowid as claim_rowid
from claims
  join articles on articles.id = claims.article_id
  left join targets on targets.id = claims.target_id"""

STANCE_SUMMARY = f"""select
  speakers.name as speaker,
  claim_speakers.speaker_id,
  claims.target,
  claims.target_id,
  count(*) filter (where claims.stance = 'support') as support,
  count(*) filter (where claims.stance = 'against') as against,
  count(*) filter (where claims.stance = 'deny') as deny,
  count(*) filter (where claims.stance is null or claims.stance = 'neutral') as neutral,
  count(*) as total,
  min(articles.date) as first_date,
  max(articles.date) as last_date
from claims
  join claim_speakers on claim_speakers.claim_id = claims.id
  join speakers on speakers.id = claim_speakers.speaker_id
  join articles on articles.id = claims.article_id
where claims.target is not null and not {REJECTED}
group by claim_speakers.speaker_id, claims.target"""

VIEWS = {"claim_desk": CLAIM_DESK, "claim_details": CLAIM_DETAILS, "stance_summary": STANCE_SUMMARY}


def create_views(db):
    """Create (or bring up to date) the browsing views of ``db``, a ``sqlite_utils.Database``; returns ``db``."""
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
    return db
