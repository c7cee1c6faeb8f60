"""Read step for plain text: the title and the date a text article carries in its first lines or its file name.

Both are metadata: the article's text (and so every offset into it) is never changed. The title is the first
line when it reads as a headline (``headline``); the date is a full date (day, month and year) in a dateline or
metadata line among the first lines (``date_in_lines``), or in the file's name (``date_in_name``).

Dates are matched by a few exact patterns rather than a general parser: dateutil's fuzzy parser fills a
missing day or month with today's and reads any number in a sentence ("in 2015" becomes a date), and
dateparser is large and guesses more; an article with no date is better than one with a wrong date.
Numeric dates with slashes (03/04/2016) are left out, since they read as March 4 or 3 April.
"""

import datetime
import re

MONTHS = {name: number for number, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")), 1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
WRITTEN_DATES = [re.compile(pattern, re.IGNORECASE) for pattern in (
    r"(?<![\w-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])",  # 2016-03-03
    rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",  # March 3, 2016
    rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b",  # 3 March 2016
)]
NAME_DATE = re.compile(r"(?<![A-Za-z0-9])(?P<year>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<month>[01]\d)(?P=sep)"
                       r"(?P<day>[0-3]\d)(?!\d)")  # 2016-03-03-story.txt, 20160303_story.txt
DATE_LINES = 5  # the first non-blank lines searched for a date
METADATA_LINE_CHARS = 100  # a longer line is body text: only its dateline ("PARIS, March 3, 2016 -") is read
DATELINE = re.compile(r"^(.{0,80}?)\s(?:-{1,2}|[\u2013\u2014])\s")

TITLE_MAX_CHARS = 120
TITLE_MAX_WORDS = 20
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
BYLINE = re.compile(r"^(?:(?:co-?)?(?:written|authored|reported|edited)\s+)?by\s", re.IGNORECASE)
PLACE_DATELINE = re.compile(r"^[A-Z][A-Z.'-]*(?:[ ,]+[A-Z][A-Z.'-]*){0,2}(?:\s*\([^)]*\))?$")  # "PARIS (AFP)"
DATE_LABEL = re.compile(r"^(?:published|updated|posted|last updated|date)\b", re.IGNORECASE)
TIME = re.compile(r"T?\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?")  # 10:45, T09:00:00Z
DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed",
              "thu", "fri", "sat", "sun", "published", "updated", "posted", "last", "date", "on", "at", "am", "pm",
              "a", "p", "m", "gmt", "utc", "et", "est", "edt", "pt", "pst", "pdt", "bst", "cet", "cest"}
ENDS_BODY = (".", ",", ";", ":", "-", "\u2013", "\u2014", '."', ".\u201d", ".'", ".\u2019")
STARTS_HEADLINE = re.compile(r"^[\"'\u201c\u2018(]?[A-Z0-9]")


def headline(text):
    """The first line of ``text``, without a Markdown ``#``, when it reads as a headline, else None.

    A headline is one short line (at most 120 characters and 20 words) that starts with a capital, a digit or
    a quotation mark, does not end as body text does (a full stop, a comma, a colon, a dash) unless it is in
    title case (every word of four letters or more capitalized: some archives end headlines with a full
    stop), is not a date, a byline ("By ...", "Written by ..."), a place in capitals (at most three words,
    "WASHINGTON (Reuters)") or a line that starts with a dateline ("PARIS (AFP) - ..."), and has a body after
    it: a blank line and more text, or, on the next line, text that starts anew and is clearly longer (so
    that the first line of a hard-wrapped paragraph is not taken for one).
    """
    lines = text.lstrip().split("\n")
    first = MARKDOWN_HEADING.sub("", lines[0].strip())
    rest = [line.strip() for line in lines[1:]]
    if not any(rest) or not _reads_as_headline(first):
        return None
    if rest[0]:  # the body follows on the next line
        if not STARTS_HEADLINE.match(rest[0]) or len(first) > 0.6 * len(rest[0]):
            return None
    return first


def _reads_as_headline(line):
    if not line or len(line) > TITLE_MAX_CHARS or len(line.split()) > TITLE_MAX_WORDS:
        return False
    if not STARTS_HEADLINE.match(line) or (line.endswith(ENDS_BODY) and not _title_case(line)):
        return False
    dateline = DATELINE.match(line)
    return not (BYLINE.match(line) or PLACE_DATELINE.match(line) or DATE_LABEL.match(line)
                or _is_date_only(line) or (dateline and PLACE_DATELINE.match(dateline.group(1))))


def _title_case(line):
    """Whether every word of four letters or more is capitalized, as in a headline ("Clinton Plan for Taxes Is
    Expansive but Complex."), which a sentence of body text hardly ever is (its verbs are lower case)."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]{3,}", line)
    return len(words) >= 3 and all(word[0].isupper() for word in words)


def _is_date_only(line):
    """Whether the line is a date with at most a weekday, a time and a label ("Thursday, March 3, 2016 10:45
    GMT", "Posted on 3 March 2016")."""
    found = _written_date(line)
    if found is None:
        return False
    rest = TIME.sub(" ", line[:found.start()] + " " + line[found.end():])
    return all(word.lower() in DATE_WORDS for word in re.findall(r"[A-Za-z]+", rest))


def date_in_lines(text, skip_first=False):
    """The ISO date written in a dateline or metadata line among the first lines of ``text``, or None.

    A line of at most 100 characters is searched whole ("Updated: March 3, 2016", "By Jane Roe | 3 March
    2016"); in a longer line, only its dateline before a dash ("PARIS, March 3, 2016 (Reuters) - ...").
    ``skip_first`` leaves out the first line (a headline names what it is about, not when it was written).
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()][:DATE_LINES]
    for line in lines[1 if skip_first else 0:]:
        if len(line) > METADATA_LINE_CHARS:
            dateline = DATELINE.match(line)
            if not dateline:
                continue
            line = dateline.group(1)
        found = _written_date(line)
        if found is not None:
            return _iso(found)
    return None


def date_in_name(name):
    """The ISO date at the start or between separators of a file's name (``2016-03-03-story.txt``,
    ``20160303_story.txt``, ``story_2016.03.03.txt``), or None."""
    for found in NAME_DATE.finditer(name):
        date = _iso(found)
        if date:
            return date
    return None


def _written_date(line):
    """The first match of a full written date in ``line`` that is a real day, or None."""
    matches = [m for pattern in WRITTEN_DATES for m in pattern.finditer(line) if _iso(m)]
    return min(matches, key=lambda m: m.start(), default=None)


def _iso(match):
    """``YYYY-MM-DD`` of a date match's year, month (number or name) and day, or None if no such day."""
    month = match.group("month").lower()
    try:
        return datetime.date(int(match.group("year")), MONTHS.get(month) or int(month),
                             int(match.group("day"))).isoformat()
    except ValueError:
        return None
