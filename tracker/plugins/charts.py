"""Plugin: charts drawn on the server as inline SVG - no JavaScript, nothing fetched from elsewhere.

``/-/charts`` opens on three charts: claims per month (with how many claims have no date), the most quoted
speakers, and the stance of the claims about the most discussed targets (stacked bars of support, against,
deny and neutral claims); every bar links to the claims behind it. ``/-/charts/stance?target=NAME[&by=month|date]``:
stance toward one target over time; ``/-/charts/speakers``: quotes per speaker. Each chart has its numbers as
a table under it. A claim a journalist rejected is in none of them (``tracker.views.REJECTED``: ``rejected`` in
``claim_details``). Settings (metadata ``plugins: tracker-charts:``): ``speakers_limit`` (default 25) for the
speakers page, ``index_limit`` (default 10) for the speakers and targets of ``/-/charts``.

Why SVG from Python rather than datasette-vega (0.6.2, the last release): that plugin adds a chart builder
to every table page and draws in the browser with a 940 kB script; it has no page that opens on a chart, and
a chart drawn on the server is readable without scripts, by screen readers (each bar has a title, each chart a
table) and in tests.
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response

from tracker.views import REJECTED

STANCE_COLOURS = {"support": "#2a9d4b", "against": "#d1495b", "deny": "#7b4fa0", "neutral": "#9aa0a6"}
BAR_COLOUR = "#1d3557"
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 300, 48, 40, 16
MAX_LABELS = 12  # month labels under a column chart; more columns get every n-th label


@dataclass
class Segment:
    """One piece of a bar: its count, colour, tooltip and the link to the claims it counts."""

    count: int
    colour: str
    title: str
    href: str | None = None


def ticks(largest):
    """Up to five evenly spaced integer gridline values from 0, the last one at or above ``largest``."""
    step = max(1, -(-largest // 4))
    return list(range(0, -(-largest // step) * step + 1, step))


def column_bars(columns):
    """SVG geometry for vertical bars, one per ``(label, [Segment, ...])`` column, its segments stacked upwards."""
    grid = ticks(max([sum(s.count for s in segments) for _, segments in columns] + [1]))
    top = grid[-1]
    plot_w, plot_h = WIDTH - LEFT - 16, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(columns), 1)
    bar_w = min(slot * 0.7, 60)
    label_every = -(-len(columns) // MAX_LABELS)
    bars, labels = [], []
    for i, (label, segments) in enumerate(columns):
        x = LEFT + i * slot + (slot - bar_w) / 2
        y = TOP + plot_h
        for segment in segments:
            if segment.count:
                h = plot_h * segment.count / top
                y -= h
                bars.append({"x": round(x, 1), "y": round(y, 1), "w": round(bar_w, 1), "h": round(h, 1),
                             "segment": segment})
        if i % label_every == 0:
            labels.append({"x": round(x + bar_w / 2, 1), "y": TOP + plot_h + 16, "text": label})
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - 16, "bars": bars, "labels": labels,
            "grid": [{"y": round(TOP + plot_h - plot_h * v / top, 1), "value": v} for v in grid]}


def row_bars(rows, row_h=24, label_w=180):
    """SVG geometry for horizontal bars, one per ``(label, href, [Segment, ...])`` row, segments left to right."""
    top = max([sum(s.count for s in segments) for _, _, segments in rows] + [1])
    plot_w = WIDTH - label_w - 48
    drawn = []
    for i, (label, href, segments) in enumerate(rows):
        y, x, bars = TOP + i * row_h, label_w, []
        for segment in segments:
            if segment.count:
                w = plot_w * segment.count / top
                bars.append({"x": round(x, 1), "w": round(w, 1), "segment": segment})
                x += w
        drawn.append({"label": label, "href": href, "y": y, "h": row_h - 6, "bars": bars,
                      "total": sum(s.count for s in segments), "end": round(x, 1)})
    return {"width": WIDTH, "height": TOP * 2 + row_h * max(len(rows), 1), "rows": drawn, "label_w": label_w}


def claims(n):
    return f"{n} claim{'s' if n != 1 else ''}"


def months_between(first, last):
    """Every ``YYYY-MM`` from ``first`` to ``last``, both included."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while (year, month) <= (int(last[:4]), int(last[5:7])):
        months.append(date(year, month, 1).isoformat()[:7])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


async def claims_per_month(db):
    """``([(month, claims), ...], undated)``: every month from the first to the last dated claim (none left
    out, empty ones at 0), and how many claims have no date because their article has none."""
    rows = (await db.execute("""select month, count(*) from claim_details where not rejected
        group by month order by month""")).rows
    counts = {month: n for month, n in rows if month}
    undated = sum(n for month, n in rows if not month)
    months = months_between(min(counts), max(counts)) if counts else []
    return [(month, counts.get(month, 0)) for month in months], undated


async def top_speakers(db, limit):
    """``(name, claims, direct, indirect, mixed)`` of the ``limit`` most quoted speakers, a claim of several
    holders counted for each of them."""
    return (await db.execute(f"""select speakers.name, count(*) as n,
            count(*) filter (where claims.kind = 'direct') as direct,
            count(*) filter (where claims.kind = 'indirect') as indirect,
            count(*) filter (where claims.kind = 'mixed') as mixed
        from claims join claim_speakers on claim_speakers.claim_id = claims.id
          join speakers on speakers.id = claim_speakers.speaker_id
        where not {REJECTED}
        group by speakers.id order by n desc, speakers.name limit ?""", [limit])).rows


async def stance_by_target(db, limit):
    """``(target, {stance: claims})`` of the ``limit`` targets with the most claims, most first; claims about
    another claim ("claim:...", the denials and disputes) are left out, and no stance counts as neutral."""
    rows = (await db.execute("""select target, coalesce(stance, 'neutral') as stance, count(*),
            sum(count(*)) over (partition by target) as total
        from claim_details where target is not null and target not like 'claim:%' and not rejected
        group by target, coalesce(stance, 'neutral') order by total desc, target""")).rows
    targets = {}
    for target, stance, n, _ in rows:
        if target in targets or len(targets) < limit:
            counts = targets.setdefault(target, dict.fromkeys(STANCE_COLOURS, 0))
            counts[stance if stance in STANCE_COLOURS else "neutral"] += n
    return list(targets.items())


async def render(datasette, request, context):
    html = await datasette.render_template("tracker-charts.html", context, request=request)
    return Response.html(html)


def stance_url(datasette, target):
    """The page of the stance toward ``target`` over time."""
    return datasette.urls.path("/-/charts/stance") + "?target=" + quote(target)


def speaker_bars(datasette, db, rows):
    """Row bars of ``top_speakers`` rows, each linking to the speaker's claims."""
    by_speaker = datasette.urls.query(db.name, "claims_by_speaker") + "?speaker="
    return row_bars([(name, by_speaker + quote(name), [Segment(n, BAR_COLOUR, f"{name}: {claims(n)}")])
                     for name, n, *_ in rows])


async def target_choices(db):
    """``(target, claim count)`` of the most frequent targets, for the chart's form."""
    return (await db.execute(f"""select target, count(*) as n from claims where target is not null and not {REJECTED}
        group by target order by n desc, target limit 200""")).rows


async def charts_index(datasette, request):
    db = datasette.get_database()
    config = datasette.plugin_config("tracker-charts", database=db.name) or {}
    limit = int(config.get("index_limit", 10))
    counted = datasette.urls.table(db.name, "claim_details") + "?rejected=0&"  # the claims the charts count
    months, undated = await claims_per_month(db)
    speakers = await top_speakers(db, limit)
    targets = await stance_by_target(db, limit)

    def stance_link(target, stance):
        return counted + urlencode({"target": target} | (
            {"stance__isnull": 1} if stance == "neutral" else {"stance": stance}))

    return await render(datasette, request, {
        "page": "index", "colours": STANCE_COLOURS, "months": months, "undated": undated,
        "undated_url": counted + "date__isnull=1", "disputed_url": datasette.urls.query(db.name, "disputed_claims"),
        "months_chart": column_bars([(month, [Segment(n, BAR_COLOUR, f"{month}: {claims(n)}",
                                                      counted + "month=" + month)])
                                     for month, n in months]) if months else None,
        "speakers": speakers, "speakers_chart": speaker_bars(datasette, db, speakers) if speakers else None,
        "targets": targets, "choices": await target_choices(db),
        "targets_chart": row_bars([(target, stance_url(datasette, target), [
            Segment(counts[s], STANCE_COLOURS[s], f"{target}: {counts[s]} {s}", stance_link(target, s))
            for s in STANCE_COLOURS]) for target, counts in targets]) if targets else None,
    })


async def stance_chart(datasette, request):
    db = datasette.get_database()
    target = request.args.get("target") or ""
    by = "date" if request.args.get("by") == "date" else "month"
    rows = (await db.execute(f"""select {by} as bucket, coalesce(stance, 'neutral') as stance, count(*) as n
        from claim_details where target = ? collate nocase and not rejected
        group by bucket, coalesce(stance, 'neutral') order by bucket""", [target])).rows
    counts, undated = {}, 0
    for bucket, stance, n in rows:
        if not bucket:
            undated += n
            continue
        key = stance if stance in STANCE_COLOURS else "neutral"
        counts.setdefault(bucket, dict.fromkeys(STANCE_COLOURS, 0))[key] += n
    buckets = list(counts) if by == "date" or not counts else months_between(min(counts), max(counts))
    keys = list(STANCE_COLOURS)
    table = [(b, [counts.get(b, {}).get(k, 0) for k in keys]) for b in buckets]
    return await render(datasette, request, {
        "page": "stance", "target": target, "by": by, "keys": keys, "colours": STANCE_COLOURS, "table": table,
        "undated": undated, "choices": await target_choices(db),
        "chart": column_bars([(b, [Segment(n, STANCE_COLOURS[k], f"{b}: {n} {k}") for k, n in zip(keys, values)])
                              for b, values in table]) if buckets else None,
        "query_url": datasette.urls.query(db.name, "claims_about_target") + "?target=" + quote(target),
    })


async def speakers_chart(datasette, request):
    db = datasette.get_database()
    config = datasette.plugin_config("tracker-charts", database=db.name) or {}
    limit = int(config.get("speakers_limit", 25))
    rows = await top_speakers(db, limit)
    return await render(datasette, request, {
        "page": "speakers", "rows": rows,
        "chart": speaker_bars(datasette, db, rows) if rows else None,
    })


@hookimpl
def register_routes():
    return [
        (r"^/-/charts$", charts_index),
        (r"^/-/charts/stance$", stance_chart),
        (r"^/-/charts/speakers$", speakers_chart),
    ]
