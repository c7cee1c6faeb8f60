"""Quotation marks: find the spans of text that stand inside quotation marks.

Handles straight and curly double quotes, doubled apostrophes (''...''), guillemets, low-high marks
(„...“), single quotes that are not apostrophes, nested quotes (only the outer span is returned), the
newspaper convention of an unclosed quote that continues when the next paragraph opens with a mark,
and unbalanced marks (the quote ends with its paragraph; the rest of the article is unaffected).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

# a mark closes a mark of its own family: a straight " opening inside curly “...” is a nested quote; but a
# double mark that can only close ends an open double mark of the other kind (sloppy '"...”' typing)
OPENERS = {"“": "curly", "«": "guillemet", "„": "curly", "‘": "single", "‹": "guillemet", "‚": "single"}
CLOSERS = {"”": "curly", "»": "guillemet", "’": "single", "›": "guillemet"}
DOUBLE = {"straight", "curly"}
MARK_CHARACTERS = re.compile("[\"'" + "".join(OPENERS) + "".join(CLOSERS) + "]")  # what ``_marks`` looks at
WORD = re.compile(r"\w")
SPACES = re.compile(r"\s*")
# a quotation mark as written, to strip from text: not the apostrophe of "people's"
QUOTE_MARKS = re.compile("[\"“”„«»‹›]|''|(?<!\\w)['‘’]|['‘’](?!\\w)")


@dataclass(frozen=True)
class QuoteSpan:
    """Characters ``start:end`` of a quotation, its marks included."""

    start: int
    end: int
    closed: bool = True  # False: the closing mark was missing and the span was recovered

    def __contains__(self, offset):
        return self.start <= offset < self.end


def paragraphs(text):
    """``(start, end)`` of each non-blank paragraph (a line break separates paragraphs)."""
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _marks(text, start, end):
    """``(offset, length, role, family)`` of each quotation mark of ``text[start:end]``; role is open, close or
    either. Only the characters that may be marks (``MARK_CHARACTERS``) are looked at."""
    found = []
    candidate = MARK_CHARACTERS.search(text, start, end)
    while candidate:
        i = candidate.start()
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if ch == "'" and after == "'":  # '' used as a double quote
            found.append((i, 2, _straight_role(text, i, i + 2, start, end), "doubled"))
            candidate = MARK_CHARACTERS.search(text, i + 2, end)
            continue
        if ch == '"':
            found.append((i, 1, _straight_role(text, i, i + 1, start, end), "straight"))
        elif ch in OPENERS and not (OPENERS[ch] == "single" and WORD.match(before)):
            if ch != "“" or not (before.isalnum() or not before.isspace() and not WORD.match(after)):
                found.append((i, 1, "open", OPENERS[ch]))
            else:
                found.append((i, 1, "close", "curly"))
        elif ch in CLOSERS:
            family = CLOSERS[ch]
            if family == "single" and WORD.match(before) and WORD.match(after):
                pass  # an apostrophe: don't, Haftar’s
            elif family in ("single", "curly") and not WORD.match(before) and WORD.match(after):
                found.append((i, 1, "open", family))  # a closer typed as an opener: ”Fear. ...”
            else:
                found.append((i, 1, "close", family))
        elif ch == "'":
            role = _straight_role(text, i, i + 1, start, end)
            if not (WORD.match(before) and WORD.match(after)) and role != "either":
                found.append((i, 1, role, "single"))
        candidate = MARK_CHARACTERS.search(text, i + 1, end)
    return found


def _straight_role(text, a, b, start, end):
    before = text[a - 1] if a > start else " "
    after = text[b] if b < end else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-'’\"" or b >= end):
        return "close"
    return "either"


def _pair(marks, stack):
    """Pair marks of one paragraph onto ``stack`` (marks still open); returns the closed outer spans."""
    spans = []
    for offset, length, role, family in marks:
        if role == "close" and family != "single" and stack and stack[-1][3] == "single" \
                and any(m[3] == family or {family, m[3]} == DOUBLE for m in stack[:-1]):
            while stack[-1][3] == "single":  # '"... the '60s ..."': a single mark left open inside a double
                stack.pop()  # quotation its closing mark ends was an apostrophe
        if stack and (family == stack[-1][3] and role in ("close", "either")
                      or role == "close" and {family, stack[-1][3]} == DOUBLE):
            opened = stack.pop()
            if not stack:
                spans.append(QuoteSpan(opened[0], offset + length))
        elif role == "open" or (role == "either" and family != "single"):
            if family == "single" and stack and stack[-1][3] == "single":
                stack.pop()  # two single openers in a row: the first was an apostrophe ('90s)
            stack.append((offset, length, role, family))
    return spans


# a transcript turn ("WALLACE: ") or a stage direction ("(CROSSTALK)", "(APPLAUSE.)") is no one's quote going on
TRANSCRIPT_BREAK = re.compile(r"[A-Z][A-Z.'’ -]{1,30}:\s|\([A-Z][A-Z.'’ -]*\)")


def _opens_paragraph(text, start, marks):
    """The paragraph opens with a quotation mark that continues a quote (not a new transcript turn)."""
    first = SPACES.match(text, start).end()
    if not marks or marks[0][0] != first or marks[0][2] not in ("open", "either"):
        return False
    return not TRANSCRIPT_BREAK.match(text, marks[0][0] + marks[0][1])


@lru_cache(maxsize=8)
def find_quotes(text):
    """Outer quotation spans of ``text`` in order, as a tuple; never raises on unbalanced marks. Cached: the
    attribution and speaker steps both read an article's quotations."""
    result, stack, previous_end = [], [], 0
    for start, end in paragraphs(text):
        marks = _marks(text, start, end)
        if stack and stack[0][3] != "single" and _opens_paragraph(text, start, marks) \
                and marks[0][3] == stack[0][3]:
            stack, marks = stack[:1], marks[1:]  # newspaper convention: the quote goes on here
        elif stack:
            if stack[0][3] != "single":  # unbalanced: the quote ends with its paragraph
                result.append(QuoteSpan(stack[0][0], previous_end, closed=False))
            stack = []
        result.extend(_pair(marks, stack))
        previous_end = end
    if stack and stack[0][3] != "single":
        result.append(QuoteSpan(stack[0][0], previous_end, closed=False))
    return tuple(_outermost(sorted(result, key=lambda s: (s.start, -s.end))))


def _outermost(spans):
    kept = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        if span.end - span.start > 2:
            kept.append(span)
    return kept
