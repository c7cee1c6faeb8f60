"""Convert spaCy's English (ClearNLP-style) dependencies to Universal Dependencies.

spaCy heads prepositions and copulas; UD heads content words. The conversion relabels every arc and
restructures the three shapes the attribution rules look at: prepositional phrases (``case`` under the
noun), copular clauses (the predicate heads, ``cop`` under it) and multiword prepositions
("according to X": ``case`` + ``fixed``). It works on plain lists so it is testable without a model.
"""

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
    arcs = [Arc(a.head, a.deprel, a.upos, a.lemma) for a in arcs]
    _promote_copular_predicates(arcs)
    _invert_prepositions(arcs)
    result = []
    for arc in arcs:
        label = arc.deprel if arc.converted else LABELS.get(arc.deprel, arc.deprel)
        result.append((arc.head + 1, label))
    return result


def _children(arcs, head, labels=None):
    return [i for i, a in enumerate(arcs) if a.head == head and (labels is None or a.deprel in labels)]


def _move(arcs, node, new_head, deprel):
    arcs[node].head = new_head
    arcs[node].deprel = deprel
    arcs[node].converted = True


def _promote_copular_predicates(arcs):
    """"X is Y": spaCy heads "is"; UD heads the predicate Y with "is" as ``cop``."""
    for verb, arc in enumerate(arcs):
        if arc.lemma != "be" or arc.deprel in ("aux", "auxpass"):
            continue
        predicates = _children(arcs, verb, {"attr", "acomp"})
        if not predicates:
            continue
        if _children(arcs, verb, {"expl"}):  # "there is X": X is the subject
            for p in predicates:
                _move(arcs, p, verb, "nsubj")
            continue
        pred = predicates[0]
        _move(arcs, pred, arc.head, arc.deprel if arc.converted else LABELS.get(arc.deprel, arc.deprel))
        for child in _children(arcs, verb):
            if child != pred:
                arcs[child].head = pred
        _move(arcs, verb, pred, "cop")


def _invert_prepositions(arcs):
    """"said in X": spaCy heads "in"; UD heads X (``obl``/``nmod``) with "in" as its ``case``."""
    for prep, arc in enumerate(arcs):
        if arc.deprel not in PREPOSITIONS:
            continue
        objects = _children(arcs, prep, {"pobj"})
        fixed = None
        if not objects:  # "according to X": the object hangs under the second preposition
            inner = _children(arcs, prep, {"prep"})
            if inner and _children(arcs, inner[0], {"pobj"}):
                fixed = inner[0]
                objects = _children(arcs, fixed, {"pobj"})
        clauses = _children(arcs, prep, {"pcomp"})
        head = arc.head
        agent = arc.deprel == "agent"
        head_is_predicate = head < 0 or arcs[head].upos in PREDICATE_HEAD_TAGS
        if objects:
            obj = objects[0]
            label = "obl:agent" if agent else ("obl" if head_is_predicate else "nmod")
            _move(arcs, obj, head, label)
            for child in _children(arcs, prep):
                if child not in (obj, fixed):
                    arcs[child].head = obj
            _move(arcs, prep, obj, "case")
            if fixed is not None:
                for child in _children(arcs, fixed):
                    arcs[child].head = obj
                _move(arcs, fixed, prep, "fixed")
        elif clauses:
            clause = clauses[0]
            _move(arcs, clause, head, "advcl" if head_is_predicate else "acl")
            _move(arcs, prep, clause, "mark")
        else:
            _move(arcs, prep, head, "advmod" if head_is_predicate else "nmod")
