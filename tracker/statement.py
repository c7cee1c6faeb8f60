"""``Statement``: one attributed statement of an article as the steps after the parse fill it in.

The attribution step makes it (``attribution``: content, cue, speaker mention, the rule that found it); the
speaker step names who spoke (``speaker``); the relation step links it to the earlier statement it continues,
denies, disputes or confirms (``relation``, ``related``); the stance step gives its ``stance`` toward its
``target``. The claims step turns each into a claim row (``tracker.claims``).
"""

from dataclasses import dataclass

from .attribution.records import Attribution


@dataclass(eq=False)
class Statement:
    """One attributed statement and what each step found about it."""

    attribution: Attribution
    speaker: object = None  # speakers.Speaker, or None when nobody is named
    relation: str | None = None  # deny | dispute | confirm | continues: what it does to ``related``
    related: "Statement | None" = None
    stance: object = None  # stance.StanceResult
    target: object = None  # targets.Target (for a denial, dispute or confirmation: the statement it answers)

    @property
    def start(self):
        """Where the content starts."""
        return self.attribution.start

    @property
    def end(self):
        """Where the content ends."""
        return self.attribution.end
