"""Plugin: charts drawn on the server as SVG - no JavaScript, nothing fetched from elsewhere.

``/-/charts``: the list; ``/-/charts/stance?target=NAME[&by=month|date]``: stance toward a target over
time (stacked bars of support, against, deny and neutral claims); ``/-/charts/speakers``: quotes per
speaker. Each chart has its numbers as a table under it. Settings (metadata ``plugins: tracker-charts:``):
``speakers_limit`` (default 25).
"""

from urllib.parse import quote

from datasette import hookimpl
from datasette.utils.asgi import Response

STANCE_COLOURS = {"support": "#2a9d4b", "against": "#d1495b", "deny": "#7b4fa0", "neutral": "#9aa0a6"}
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 760, 320, 48, 56, 16


def ticks(top):
    """Up to five integer gridline values from 0 to ``top``."""
    step = max(1, -(-top // 4))
    return list(range(0, top + 1, step))


def stacked_bars(buckets, counts, keys, colours):
    """SVG geometry for vertical stacked bars: ``counts[bucket][key]`` per bucket, stacked in ``keys`` order."""
    top = max([sum(counts[b].values()) for b in buckets] + [1])
    plot_w, plot_h = WIDTH - LEFT - 16, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(buckets), 1)
    bar_w = min(slot * 0.7, 60)
    bars, labels = [], []
    for i, bucket in enumerate(buckets):
        x = LEFT + i * slot + (slot - bar_w) / 2
        y = TOP + plot_h
        for key in keys:
            n = counts[bucket].get(key, 0)
            if n:
                h = plot_h * n / top
                y -= h
                bars.append({"x": round(x, 1), "y": round(y, 1), "w": round(bar_w, 1), "h": round(h, 1),
                             "colour": colours[key], "title": f"{bucket}: {n} {key}", "key": key})
        labels.append({"x": round(x + bar_w / 2, 1), "y": TOP + plot_h + 16, "text": bucket})
    grid = [{"y": round(TOP + plot_h - plot_h * v / top, 1), "value": v} for v in ticks(top)]
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - 16, "bars": bars,
            "labels": labels, "grid": grid}


def horizontal_bars(rows, colour="#1d3557", row_h=22, label_w=220):
    """SVG geometry for one horizontal bar per ``(label, count, href)`` row."""
    top = max([n for _, n, _ in rows] + [1])
    plot_w = WIDTH - label_w - 48
    bars = [{"x": label_w, "y": TOP + i * row_h, "w": round(plot_w * n / top, 1), "h": row_h - 6,
             "colour": colour, "label": label, "count": n, "href": href,
             "title": f"{label}: {n} claim{'s' if n != 1 else ''}"} for i, (label, n, href) in enumerate(rows)]
    return {"width": WIDTH, "height": TOP * 2 + row_h * max(len(rows), 1), "bars": bars, "label_w": label_w}


async def render(datasette, request, context):
    html = await datasette.render_template("tracker-charts.html", context, request=request)
    return Response.html(html)


def stance_url(datasette):
    return lambda target, by="month": (datasette.urls.path("/-/charts/stance") + "?target=" + quote(target)
                                       + ("&by=date" if by == "date" else ""))


async def target_choices(db):
    """``(target, claim count)`` of the most frequent targets, for the chart's form."""
    return (await db.execute("""select target, count(*) as n from claims where target is not null
        group by target order by n desc, target limit 200""")).rows


async def charts_index(datasette, request):
    db = datasette.get_database()
    return await render(datasette, request, {"page": "index", "targets": await target_choices(db),
                                             "stance_url": stance_url(datasette)})


async def stance_chart(datasette, request):
    db = datasette.get_database()
    target = request.args.get("target") or ""
    by = "date" if request.args.get("by") == "date" else "month"
    width = 10 if by == "date" else 7
    rows = (await db.execute(f"""select coalesce(substr(date, 1, {width}), 'no date') as bucket,
            coalesce(stance, 'neutral') as stance, count(*) as n
        from claim_details where target = ? collate nocase
        group by bucket, coalesce(stance, 'neutral') order by date is null, bucket""", [target])).rows
    buckets, counts = [], {}
    for bucket, stance, n in rows:
        if bucket not in counts:
            buckets.append(bucket)
            counts[bucket] = {}
        key = stance if stance in STANCE_COLOURS else "neutral"
        counts[bucket][key] = counts[bucket].get(key, 0) + n
    keys = list(STANCE_COLOURS)
    return await render(datasette, request, {
        "page": "stance", "target": target, "by": by, "keys": keys, "colours": STANCE_COLOURS,
        "table": [(b, [counts[b].get(k, 0) for k in keys]) for b in buckets], "targets": await target_choices(db),
        "chart": stacked_bars(buckets, counts, keys, STANCE_COLOURS) if buckets else None,
        "query_url": datasette.urls.query(db.name, "claims_about_target") + "?target=" + quote(target),
    })


async def speakers_chart(datasette, request):
    db = datasette.get_database()
    config = datasette.plugin_config("tracker-charts", database=db.name) or {}
    limit = int(config.get("speakers_limit", 25))
    rows = (await db.execute("""select speakers.name, count(*) as n,
            count(*) filter (where claims.kind = 'direct') as direct,
            count(*) filter (where claims.kind = 'indirect') as indirect,
            count(*) filter (where claims.kind = 'mixed') as mixed
        from claims join claim_speakers on claim_speakers.claim_id = claims.id
          join speakers on speakers.id = claim_speakers.speaker_id
        group by speakers.id order by n desc, speakers.name limit ?""", [limit])).rows
    by_speaker = datasette.urls.query(db.name, "claims_by_speaker") + "?speaker="
    return await render(datasette, request, {
        "page": "speakers", "limit": limit, "rows": rows,
        "chart": horizontal_bars([(r[0], r[1], by_speaker + quote(r[0])) for r in rows]) if rows else None,
    })


@hookimpl
def register_routes():
    return [
        (r"^/-/charts$", charts_index),
        (r"^/-/charts/stance$", stance_chart),
        (r"^/-/charts/speakers$", speakers_chart),
    ]
