"""Article text as HTML with marked character ranges; every character of the text is escaped.

Article text is untrusted: only ``markupsafe.escape`` output and the marks' own ``Markup`` reach the page.
"""

from dataclasses import dataclass

from markupsafe import Markup, escape

from tracker.marks import paragraphs  # the paragraphs claims are numbered by


@dataclass
class Mark:
    """Characters ``start``..``end`` (end exclusive) of the text, wrapped in ``before`` and ``after``."""

    start: int
    end: int
    before: Markup
    after: Markup


def tag(name, **attrs):
    """``(opening, closing)`` markup of an element; attribute values are escaped, ``None`` ones dropped."""
    rendered = Markup("").join(Markup(' {}="{}"').format(key.rstrip("_").replace("_", "-"), value)
                               for key, value in attrs.items() if value is not None)
    return Markup("<{}{}>").format(Markup(name), rendered), Markup("</{}>").format(Markup(name))


def mark(start, end, name, **attrs):
    """A ``Mark`` wrapping ``start``..``end`` in element ``name``."""
    before, after = tag(name, **attrs)
    return Mark(start, end, before, after)


def highlight(text, start, end, marks):
    """``Markup`` of ``text[start:end]`` with ``marks`` applied; where marks overlap the earlier one wins.

    Offsets outside ``start``..``end`` are clipped, empty or inverted marks ignored.
    """
    clipped = [(max(m.start, start), min(m.end, end), m) for m in marks]
    clipped = [(a, b, m) for a, b, m in clipped if a < b]
    cuts = sorted({start, end} | {a for a, _, _ in clipped} | {b for _, b, _ in clipped})
    pieces, current, run = [], None, []

    def flush():
        if not run:
            return
        body = Markup("").join(run)
        pieces.append(current.before + body + current.after if current else body)
        run.clear()

    for a, b in zip(cuts, cuts[1:]):
        owner = next((m for x, y, m in clipped if x <= a and b <= y), None)
        if owner is not current:
            flush()
            current = owner
        run.append(escape(text[a:b]))
    flush()
    return Markup("").join(pieces)


def covering_paragraphs(text, lo, hi):
    """The paragraph spans of ``text`` that overlap ``lo``..``hi`` (at least the one holding ``lo``)."""
    spans = paragraphs(text)
    chosen = [(a, b) for a, b in spans if a < hi and lo < b]
    if not chosen:
        chosen = [(a, b) for a, b in spans if a <= lo <= b][:1]
    return chosen
