"""Convert spaCy's English (ClearNLP-style) dependencies to Universal Dependencies.

spaCy heads prepositions and copulas; UD heads content words. The conversion relabels every arc and
restructures the three shapes the attribution rules look at: prepositional phrases (``case`` under the
noun), copular clauses (the predicate heads, ``cop`` under it) and multiword prepositions
("according to X": ``case`` + ``fixed``). It works on plain lists so it is testable without a model.
"""

from collections import defaultdict
from dataclasses import dataclass

LABELS = {
    "ROOT": "root", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "dobj": "obj",
    "auxpass": "aux:pass", "neg": "advmod", "quantmod": "advmod", "poss": "nmod:poss",
    "predet": "det:predet", "preconj": "cc:preconj", "relcl": "acl:relcl", "prt": "compound:prt",
    "npadvmod": "obl:npmod", "intj": "discourse", "meta": "dep", "oprd": "xcomp", "acomp": "xcomp",
    "attr": "obj", "dative": "iobj", "agent": "obl:agent", "nmod": "compound",
}
PREPOSITIONS = {"prep", "agent"}
PREDICATE_HEAD_TAGS = {"VERB", "AUX", "ADJ", "ADV"}


@dataclass
class Arc:
    """One token's head (0-based index, -1 for the root), label, and universal part of speech."""

    head: int
    deprel: str
    upos: str
    lemma: str
    converted: bool = False  # deprel is already a UD label


def to_ud(arcs):
    """Return ``(head, deprel)`` per token in UD style; heads are 1-based, 0 for the root."""
    tree = _Tree([Arc(a.head, a.deprel, a.upos, a.lemma) for a in arcs])
    _promote_copular_predicates(tree)
    _invert_prepositions(tree)
    result = []
    for arc in tree.arcs:
        label = arc.deprel if arc.converted else LABELS.get(arc.deprel, arc.deprel)
        result.append((arc.head + 1, label))
    return result


class _Tree:
    """The arcs of one sentence with the dependents of each token, kept in step as heads move: looking
    dependents up by scanning every arc made a long sentence quadratic."""

    def __init__(self, arcs):
        self.arcs = arcs
        self.dependents = defaultdict(set)
        for node, arc in enumerate(arcs):
            self.dependents[arc.head].add(node)

    def children(self, head, labels=None):
        """The dependents of ``head`` (with one of ``labels``, if given), in order."""
        return [i for i in sorted(self.dependents[head]) if labels is None or self.arcs[i].deprel in labels]

    def attach(self, node, head):
        """Hang ``node`` under ``head``."""
        self.dependents[self.arcs[node].head].discard(node)
        self.arcs[node].head = head
        self.dependents[head].add(node)

    def move(self, node, new_head, deprel):
        """Hang ``node`` under ``new_head`` with the UD label ``deprel``."""
        self.attach(node, new_head)
        self.arcs[node].deprel = deprel
        self.arcs[node].converted = True


def _promote_copular_predicates(tree):
    """"X is Y": spaCy heads "is"; UD heads the predicate Y with "is" as ``cop``."""
    arcs = tree.arcs
    for verb, arc in enumerate(arcs):
        if arc.lemma != "be" or arc.deprel in ("aux", "auxpass"):
            continue
        predicates = tree.children(verb, {"attr", "acomp"})
        if not predicates:
            continue
        if tree.children(verb, {"expl"}):  # "there is X": X is the subject
            for p in predicates:
                tree.move(p, verb, "nsubj")
            continue
        pred = predicates[0]
        tree.move(pred, arc.head, arc.deprel if arc.converted else LABELS.get(arc.deprel, arc.deprel))
        for child in tree.children(verb):
            if child != pred:
                tree.attach(child, pred)
        tree.move(verb, pred, "cop")


def _invert_prepositions(tree):
    """"said in X": spaCy heads "in"; UD heads X (``obl``/``nmod``) with "in" as its ``case``."""
    arcs = tree.arcs
    for prep, arc in enumerate(arcs):
        if arc.deprel not in PREPOSITIONS:
            continue
        objects = tree.children(prep, {"pobj"})
        fixed = None
        if not objects:  # "according to X": the object hangs under the second preposition
            inner = tree.children(prep, {"prep"})
            if inner and tree.children(inner[0], {"pobj"}):
                fixed = inner[0]
                objects = tree.children(fixed, {"pobj"})
        clauses = tree.children(prep, {"pcomp"})
        head = arc.head
        agent = arc.deprel == "agent"
        head_is_predicate = head < 0 or arcs[head].upos in PREDICATE_HEAD_TAGS
        if objects:
            obj = objects[0]
            label = "obl:agent" if agent else ("obl" if head_is_predicate else "nmod")
            tree.move(obj, head, label)
            for child in tree.children(prep):
                if child not in (obj, fixed):
                    tree.attach(child, obj)
            tree.move(prep, obj, "case")
            if fixed is not None:
                for child in tree.children(fixed):
                    tree.attach(child, obj)
                tree.move(fixed, prep, "fixed")
        elif clauses:
            clause = clauses[0]
            tree.move(clause, head, "advcl" if head_is_predicate else "acl")
            tree.move(prep, clause, "mark")
        else:
            tree.move(prep, head, "advmod" if head_is_predicate else "nmod")
