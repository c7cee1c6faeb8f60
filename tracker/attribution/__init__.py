"""Quotes-and-cues step: find every attributed statement in an annotated article.

Input: a stanza ``Document`` with UD dependencies (either engine). Output: ``Attribution``s, each with
its content pieces, kind (direct / indirect / mixed), cue and speaker mention. Rules cover both parse
shapes of reported speech: the cue as root with the content as ``ccomp`` (spaCy, and UD for indirect
speech), and UD's quote as root with the cue under ``parataxis``.

The parts, in the order ``Finder.run`` uses them:
- ``verbs``: the cue-first rule run on every word (``from_cue``); a reporting verb's speaker comes from
  ``subjects`` (who speaks, and to whom) and its content from ``content`` (what the complement is) and
  ``bounds`` (where the content starts and ends);
- ``nominal`` and ``passives``: the cues ``from_cue`` hands on: nouns, stance adjectives, "according to",
  polls, misread verbs, quoted labels; passive verbs;
- ``layout``: "Name: statement" and '"..." ― Name', marked by layout, not grammar;
- ``quotations``: quotation-first rules: content widened to its quotations, quotations no cue claimed given
  a cue nearby or the speaker they continue, continuations merged;
- ``finder``: ``Finder``, which puts the rules together, and ``find_attributions``;
- ``records`` (``Mention``, ``Attribution``), ``mentions`` (words to characters) and ``lexicon`` (the word
  sets); the dependency access, ``SentenceTree``, lives in ``tracker.trees``.
"""

from .finder import Finder, find_attributions
from .records import Attribution, Mention

__all__ = ["Attribution", "Finder", "Mention", "find_attributions"]
