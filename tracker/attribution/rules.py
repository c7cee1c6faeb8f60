"""The cue rules and the order they are tried in: ``CUE_RULES``, one named row per kind of cue word.

Every word of every sentence is offered to the rows in turn; the first row whose test holds decides, and its
rule gives the word's attribution or None. A new construction is one function (in the module of its kind), one
row here and one unit test; the rules that start from a whole article (layout, quotations) run after these, in
``finder.find_attributions``.
"""

from dataclasses import dataclass
from typing import Callable

from .lexicon import NOUN_CUES, POLLS, STANCE_ADJECTIVES
from .nominal import (
    according_to,
    from_adjective,
    from_misread_verb,
    from_noun,
    from_quoted_label,
    in_a_poll,
    misread_verb,
)
from .passives import from_unnamed_question, is_unnamed_question
from .verbs import (
    from_reporting_passive,
    from_verb,
    is_reporting_passive,
    is_reporting_verb,
)


@dataclass(frozen=True)
class CueRule:
    """A named rule: ``applies(index, tree, word)`` tells whether it decides for ``word``, ``find(index, tree,
    word)`` gives the attribution or None; it is tried only on words of the parts of speech ``upos`` (all,
    when empty)."""

    name: str
    applies: Callable
    find: Callable
    upos: tuple = ()


def is_according(index, tree, word):
    """ "according to X"."""
    return word.lemma == "accord" and word.text.lower() == "according"


def is_misread_verb(index, tree, word):
    """A reporting verb the tagger read as a noun ("Smith charges that ...")."""
    return word.upos == "NOUN" and bool(misread_verb(tree, word))


def is_poll(index, tree, word):
    """A poll or survey that finds something ("In the latest poll, X leads")."""
    return word.upos == "NOUN" and word.lemma in POLLS


def is_cue_noun(index, tree, word):
    """A noun of saying or thinking ("his claim that X")."""
    return word.upos == "NOUN" and word.lemma in NOUN_CUES


def is_stance_adjective(index, tree, word):
    """A predicate adjective of stance ("is confident that X", "was critical of X")."""
    return word.upos == "ADJ" and word.text.lower() in STANCE_ADJECTIVES


def is_other_verb(index, tree, word):
    """Any other verb, which may still call something by a quoted label ("pounded Trump as a “con artist”")."""
    return word.upos == "VERB"


CUE_RULES = (
    CueRule("according", is_according, according_to),
    CueRule("misread-verb", is_misread_verb, from_misread_verb, ("NOUN",)),
    CueRule("poll", is_poll, in_a_poll, ("NOUN",)),
    CueRule("noun", is_cue_noun, from_noun, ("NOUN",)),
    CueRule("adjective", is_stance_adjective, from_adjective, ("ADJ",)),
    CueRule("passive", is_reporting_passive, from_reporting_passive, ("VERB", "AUX")),
    CueRule("unnamed-question", is_unnamed_question, from_unnamed_question, ("VERB",)),
    CueRule("verb", is_reporting_verb, from_verb, ("VERB", "AUX")),
    CueRule("quoted-label", is_other_verb, from_quoted_label, ("VERB",)),
)
# the rules to try on a word of each part of speech, in the order of CUE_RULES
_RULES_BY_UPOS = {upos: tuple(r for r in CUE_RULES if not r.upos or upos in r.upos)
                  for upos in {u for r in CUE_RULES for u in r.upos}}
_RULES_FOR_ANY = tuple(r for r in CUE_RULES if not r.upos)


def from_cue(index, tree, word):
    """The attribution whose cue is ``word`` by the first rule of ``CUE_RULES`` that applies, or None."""
    for rule in _RULES_BY_UPOS.get(word.upos, _RULES_FOR_ANY):
        if rule.applies(index, tree, word):
            return rule.find(index, tree, word)
    return None
