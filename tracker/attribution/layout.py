"""Attributions marked by layout, not grammar: "Name: statement" opening a paragraph and '"..." ― Name'
closing one."""

import re

from .lexicon import NOT_SPEAKERS
from .records import Attribution, Mention

NAME = r"(?:[A-Z][\w.'’-]* ?){1,4}"
LABEL = re.compile(r"\s*[\"“]?(" + NAME + r")\s*:\s+(?=\S)")  # "Pence: ...", "WALLACE: ..."
DASH_SIGNATURE = re.compile(r"\s*([―—–]|--)\s*(" + NAME + r")(?=\s*(?:[,./]|$|\n))", re.M)


class LayoutRules:
    """Contributes ``from_layout``. Relies on ``Finder``'s ``text``, ``quotes``, ``trees``, ``paragraph_spans``,
    ``paragraph_of`` and ``sentence_of``."""

    def mention_at(self, start, end):
        """A ``Mention`` for the characters ``start:end`` with the words of its sentence inside them."""
        index = self.sentence_of(start)
        words = [w for w in self.trees[index].words if start <= w.start_char and w.end_char <= end]
        return Mention(start, end, self.text[start:end], index, tuple(w.id for w in words))

    def from_layout(self):
        """Attributions marked by layout, not grammar: "Name: statement" opening a paragraph
        (headlines, transcripts) and '"..." ― Name' closing one."""
        found = []
        for start, end in self.paragraph_spans:
            match = LABEL.match(self.text, start, end)
            if match and match.group(1).strip().lower() not in NOT_SPEAKERS:
                rest = self.text[match.end():end]
                content = (match.end(), end - len(rest) + len(rest.rstrip(" .")))
                if content[1] - content[0] > 10:
                    found.append(Attribution(
                        spans=[content], kind="indirect", cue=Mention(match.end(1), match.end(1) + 1, ":"),
                        speaker=self.mention_at(match.start(1), match.end(1)), sentence=self.sentence_of(start),
                        paragraph=self.paragraph_of(start), sources=["label"]))
        for quote in self.quotes:
            match = DASH_SIGNATURE.match(self.text, quote.end)
            if match:
                found.append(Attribution(
                    spans=[(quote.start, quote.end)], kind="direct",
                    cue=Mention(match.start(1), match.end(1), match.group(1)),
                    speaker=self.mention_at(match.start(2), match.end(2)), sentence=self.sentence_of(quote.start),
                    paragraph=self.paragraph_of(quote.start), sources=["dash"]))
        return found
