"""Plugin: the site menu links to the claims desk first, then the charts and the most used canned queries."""

from datasette import hookimpl

LINKS = (("Charts", "/-/charts"), ("Quotes per speaker", "/-/charts/speakers"))
QUERIES = (("Stance matrix", "stance_matrix"), ("Disputed claims", "disputed_claims"),
           ("Most quoted per month", "top_speakers_by_month"))


@hookimpl
def menu_links(datasette):
    db = datasette.get_database()
    return ([{"href": datasette.urls.table(db.name, "claim_desk"), "label": "Claims desk"}]
            + [{"href": datasette.urls.path(path), "label": label} for label, path in LINKS]
            + [{"href": datasette.urls.query(db.name, name), "label": label} for label, name in QUERIES])
