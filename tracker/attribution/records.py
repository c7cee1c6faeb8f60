"""What the attribution step makes: a ``Mention`` of words in the article, and an ``Attribution`` of a
statement to a speaker."""

from dataclasses import dataclass, field


def within(start, end, spans):
    """Whether characters ``start:end`` lie inside one of ``spans`` (``[(start, end)]``)."""
    for a, b in spans:  # a loop, not any() over a generator: asked for every word of every content
        if a <= start and end <= b:
            return True
    return False


@dataclass
class Mention:
    """Characters ``start:end`` of a span in the article, with the words it covers."""

    start: int
    end: int
    text: str
    sentence: int = -1
    word_ids: tuple = ()


@dataclass(eq=False)
class Attribution:
    """One attributed statement: content pieces, cue, speaker mention (None: not named). Two attributions are
    the same only if they are one object: steps look them up by identity."""

    spans: list  # [(start, end)] content pieces in text order
    kind: str
    cue: Mention | None
    speaker: Mention | None
    sentence: int
    paragraph: int
    addressee: Mention | None = None
    follows: "Attribution | None" = None  # a quote with no cue of its own continues this one
    cue_lemma: str | None = None
    sources: list = field(default_factory=list)  # rules that found it

    @property
    def start(self):
        """Where the first content piece starts."""
        return self.spans[0][0]

    @property
    def end(self):
        """Where the last content piece ends."""
        return self.spans[-1][1]
