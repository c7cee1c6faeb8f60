"""Attributions marked by layout, not grammar: "Name: statement" opening a paragraph, '"..." ― Name' closing one
and 'Name -- "..." --' setting a quotation off after its speaker."""

import re

from .lexicon import NOT_SPEAKERS
from .records import Attribution, Mention

NAME = r"(?:[A-Z][\w.'’-]* ?){1,4}"
LABEL = re.compile(r"\s*[\"“]?(" + NAME + r")\s*:\s+(?=\S)")  # "Pence: ...", "WALLACE: ..."
DASH = r"([―—–]|--)"
DASH_SIGNATURE = re.compile(r"\s*" + DASH + r"\s*(" + NAME + r")(?=\s*(?:[,./]|$|\n))", re.M)
DASH_BEFORE = re.compile(DASH + r"\s*$")  # 'Jane Roe -- "..." -- and others': a quotation set off by dashes
DASH_AFTER = re.compile(r"\s*" + DASH)


def mention_at(index, start, end):
    """A ``Mention`` for the characters ``start:end`` with the words of its sentence inside them."""
    sentence = index.sentence_of(start)
    words = [w for w in index.trees[sentence].words if start <= w.start_char and w.end_char <= end]
    return Mention(start, end, index.text[start:end], sentence, tuple(w.id for w in words))


def from_layout(index):
    """Attributions marked by layout, not grammar: "Name: statement" opening a paragraph
    (headlines, transcripts) and '"..." ― Name' closing one."""
    found = []
    for start, end in index.paragraphs:
        match = LABEL.match(index.text, start, end)
        if match and match.group(1).strip().lower() not in NOT_SPEAKERS:
            rest = index.text[match.end():end]
            content = (match.end(), end - len(rest) + len(rest.rstrip(" .")))
            if content[1] - content[0] > 10:
                found.append(Attribution(
                    spans=[content], kind="indirect", cue=Mention(match.end(1), match.end(1) + 1, ":"),
                    speaker=mention_at(index, match.start(1), match.end(1)), sentence=index.sentence_of(start),
                    paragraph=index.paragraph_of(start), sources=["label"]))
    for quote in index.quotes:
        signed = dash_signature(index, quote)
        if signed:
            cue, speaker = signed
            found.append(Attribution(
                spans=[(quote.start, quote.end)], kind="direct", cue=cue, speaker=speaker,
                sentence=index.sentence_of(quote.start), paragraph=index.paragraph_of(quote.start),
                sources=["dash"]))
    return found


def dash_signature(index, quote):
    """``(cue, speaker)`` of a quotation signed after a dash ('"..." ― Jane Roe') or set off by dashes right
    after a name ('... and Jane Roe -- "..." -- said ...'); None otherwise."""
    match = DASH_SIGNATURE.match(index.text, quote.end)
    if match:
        return Mention(match.start(1), match.end(1), match.group(1)), mention_at(index, match.start(2), match.end(2))
    match = DASH_BEFORE.search(index.text, max(0, quote.start - 4), quote.start)
    if not match or not DASH_AFTER.match(index.text, quote.end):
        return None
    tree = index.trees[index.sentence_of(match.start())]
    before = [w for w in tree.words if w.end_char <= match.start()]
    name = []
    while before and before[-1].upos == "PROPN":
        name.insert(0, before.pop())
    if not name or index.text[name[-1].end_char:match.start()].strip():
        return None
    return Mention(match.start(1), match.end(1), match.group(1)), mention_at(index, name[0].start_char,
                                                                                   name[-1].end_char)
