"""Quotes-and-cues step: find every attributed statement in an annotated article.

Input: an ``ArticleIndex`` (``tracker.document``) of a stanza ``Document`` with UD dependencies (either
engine). Output: ``Attribution``s, each with its content pieces, kind (direct / indirect / mixed), cue and
speaker mention. Rules cover both parse shapes of reported speech: the cue as root with the content as
``ccomp`` (spaCy, and UD for indirect speech), and UD's quote as root with the cue under ``parataxis``.

The parts, in the order ``find_attributions`` uses them:
- ``rules``: ``CUE_RULES``, the named rules tried on every word, in order: "according to", misread verbs,
  polls, nouns, stance adjectives (``nominal``), passives (``passives``), reporting verbs (``verbs``), quoted
  labels; a reporting verb's speaker comes from ``subjects`` (who speaks, and to whom) and its content from
  ``content`` (``CONTENT_SHAPES``: what the complement is) and ``bounds`` (where the content starts and ends);
- ``layout``: "Name: statement" and '"..." ― Name', marked by layout, not grammar;
- ``quotations``: quotation-first rules: content widened to its quotations, quotations no cue claimed given
  a cue nearby or the speaker they continue, continuations merged;
- ``classifier``: the learned check on the proposals;
- ``finder``: ``find_attributions``, which puts the rules together;
- ``records`` (``Mention``, ``Attribution``), ``mentions`` (words to characters) and ``lexicon`` (the word
  sets); the dependency access, ``SentenceTree``, lives in ``tracker.trees``.
"""

from .finder import find_attributions
from .records import Attribution, Mention

__all__ = ["Attribution", "Mention", "find_attributions"]
