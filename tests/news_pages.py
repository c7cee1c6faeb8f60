"""News pages written for the tests, shaped like saved real ones: a cookie banner, navigation, ads, a
byline, share buttons, related links, comments and a footer around the article, whose date is given
only in JSON-LD. Places, people and papers are invented."""

import json

STORY_TITLE = "Quarry tunnel to close for repairs"
STORY_URL = "https://ledger.example/region/quarry-tunnel-to-close"
STORY_BODY = """
<p>The Orlan quarry tunnel will close for three weeks in June, the regional roads office said on Wednesday,
after inspectors found cracks in its northern arch.</p>
<p>"We would rather close it for a summer than lose it for a decade," said Mirel Dastrow, who heads the office.<br>
She said that the detour through Kessby would add about twenty minutes to a trip.</p>
<div class="ad ad-inline">Sponsored: Orlan Valley holiday cottages, book today and save.</div>
<p>Haulage firms were less patient. According to the Dunmere freight association, some forty lorries use the
tunnel every hour.</p>
<blockquote><p>"Nobody asked us when the work should be done," association chair Tobiah Wren said in a statement.</p></blockquote>
<p>The office said the tunnel would reopen on July 2.</p>
"""
STORY_TEXT = "\n\n".join([
    "The Orlan quarry tunnel will close for three weeks in June, the regional roads office said on Wednesday, "
    "after inspectors found cracks in its northern arch.",
    '"We would rather close it for a summer than lose it for a decade," said Mirel Dastrow, who heads the '
    "office. She said that the detour through Kessby would add about twenty minutes to a trip.",
    "Haulage firms were less patient. According to the Dunmere freight association, some forty lorries use "
    "the tunnel every hour.",
    '"Nobody asked us when the work should be done," association chair Tobiah Wren said in a statement.',
    "The office said the tunnel would reopen on July 2.",
])
# words of the page around the article, none of which may reach the stored text
BOILERPLATE = ["cookies", "Politics", "Brindle bread", "Sponsored", "holiday cottages", "Pell Avander",
               "Tweet", "Related stories", "Bridge tolls", "comments", "gravelfan", "disaster", "All rights",
               "Privacy", "Subscribe"]


def news_page(title=STORY_TITLE, body=STORY_BODY, date="2021-06-09T07:15:00+02:00", author="Pell Avander",
              url=STORY_URL, charset="utf-8"):
    """A saved news page around ``body`` (HTML); ``date=None`` leaves out the JSON-LD."""
    json_ld = "" if date is None else '<script type="application/ld+json">{}</script>'.format(json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "datePublished": date,
        "author": [{"@type": "Person", "name": author}], "publisher": {"@type": "Organization", "name": "Dunmere Ledger"}}))
    charset_tag = f'<meta charset="{charset}">' if charset else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{charset_tag}
<title>{title} | Dunmere Ledger</title>
<meta name="author" content="{author}">
<link rel="canonical" href="{url}">
{json_ld}
<script>var slots = ["top", "side"]; function showAd() {{ document.write("Subscribe now!"); }}</script>
<style>.promo {{ display: block }}</style>
</head>
<body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header class="site-header">
<a class="logo" href="/">Dunmere Ledger</a>
<nav class="main-nav"><ul><li><a href="/region">Region</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
</header>
<div class="ad ad-leaderboard" id="ad-top">Advertisement<br>Fresh Brindle bread, delivered before breakfast.</div>
<main id="content">
<article class="story">
<h1 class="headline">{title}</h1>
<div class="byline">By <a rel="author" href="/staff/pell-avander">{author}</a>, transport reporter</div>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<div class="story-body">
{body}
</div>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/r/1">Bridge tolls to rise in spring</a></li>
<li><a href="/r/2">New bus line for Kessby</a></li></ul></aside>
</article>
</main>
<section id="comments" class="comments">
<h2>12 comments</h2>
<div class="comment"><span class="comment-author">gravelfan</span><p>Typical. They said the same thing about
the bridge and nothing happened for years.</p></div>
<div class="comment"><span class="comment-author">Ness K.</span><p>My brother drives that route every day,
this will be a disaster for him.</p></div>
</section>
<footer class="site-footer"><p>&copy; 2021 Dunmere Ledger. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li></ul></footer>
</body>
</html>
"""


def front_page():
    """A section front: menus and links to stories, no article."""
    links = "".join(f'<li><a href="/region/story-{n}">Story number {n}</a></li>' for n in range(1, 9))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Region | Dunmere Ledger</title></head>
<body><header><nav><a href="/">Home</a> <a href="/region">Region</a> <a href="/sport">Sport</a></nav></header>
<main><h1>Region</h1><ul class="teasers">{links}</ul></main>
<footer>&copy; 2021 Dunmere Ledger</footer></body></html>"""


def paragraphs_html(*paragraphs):
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)
