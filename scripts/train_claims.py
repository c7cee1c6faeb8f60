"""Train the claim stance model and the target ranker on labelled PolNeAR train articles.

Runs the steps after the parse on the kept parses (``attribution_lab.py parse``) of the articles that
``scripts/labels/polnear_train.jsonl`` labels, pairs each statement found with its gold quote as the scorer
does (``tracker.evaluate.matched_pairs``, coverage > 0.3), and takes the label's stance and target. Prints
5-fold figures (folds by article, ``attribution_lab.folds_of``), then fits on every row and writes
``tracker/data/stance_claims.json`` (with ``stance_claim_trees.json`` when the trees are weighed in) and
``tracker/data/stance_targets.json``. Needs scikit-learn at training
time only. ``--targets-only`` trains and cross-validates the target ranker alone, ``--rows PATH`` reads the
training rows from a file (a ``rows_cache()`` of other code) instead of building them.

Usage: python scripts/train_claims.py ../shared/eval/polnear_train.jsonl
       python scripts/train_claims.py --targets-only --rows /tmp/stance_training_rows-2c5001f896d0.pkl.gz
"""

import argparse
import gzip
import hashlib
import json
import math
import os
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # many threads on 2 shared
    os.environ.setdefault(variable, "1")  # cores make each fit 20 times slower

import lightgbm  # noqa: E402
import numpy  # noqa: E402
import scipy.sparse  # noqa: E402
import scipy.special  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from attribution_lab import documents, folds_of, read_records  # noqa: E402

from tracker.evaluate import _target_matches, matched_pairs  # noqa: E402
from tracker.extract import statements_of  # noqa: E402
from tracker.relations import RELATION_STANCE  # noqa: E402
from tracker.stance import (CLAIM_CLASSES, CLAIM_MODEL_PATH, CLAIM_TREES_PATH, DENIAL_CUES,  # noqa: E402
                            DENIAL_MODEL_PATH, FLAT_DENIALS, TARGET_MODEL_PATH, ClaimTrees, TargetRanker)
from tracker.targets import ClaimJudge, claim_ranking_features  # noqa: E402

LABELS = ROOT / "scripts" / "labels" / "polnear_train.jsonl"
FOLDS = 5
MIN_ROWS = 3  # a named feature must occur in this many training rows to be kept
STANCE_C = (0.0003, 0.001, 0.003)  # inverse L2 strengths tried by cross-validation
STANCE_WEIGHTS = (None, "balanced")
# the target ranker: LightGBM's lambdarank over one claim's candidates (5-fold on 6,656 labelled claims, the
# stance features included: 50.9 % against 49.9 for a pairwise logistic regression at its best L2 strength)
RANKER = {"objective": "lambdarank", "n_estimators": 300, "learning_rate": 0.05, "num_leaves": 31,
          "min_child_samples": 20, "colsample_bytree": 0.5, "subsample": 0.8, "subsample_freq": 1,
          "reg_lambda": 1.0, "n_jobs": 1, "random_state": 0, "verbose": -1}
# the claim model's trees: LightGBM multiclass over the linear model's inputs, their class scores weighed in
# with the linear model's by one of TREE_WEIGHTS (0: the linear model alone)
STANCE_TREES = {"objective": "multiclass", "n_estimators": 400, "learning_rate": 0.05, "num_leaves": 15,
                "min_child_samples": 20, "colsample_bytree": 0.3, "subsample": 0.8, "subsample_freq": 1,
                "reg_lambda": 1.0, "n_jobs": 1, "random_state": 0, "verbose": -1}
TREE_WEIGHTS = (0.0, 0.3, 0.5, 0.7)
NEUTRAL_OFFSETS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25)  # taken off the neutral class's log-probability
# taken off the deny class's (balanced classes make the linear model say deny too often, the trees too seldom)
DENY_OFFSETS = (0.0, -0.5, 0.5, 1.0)
# the least probability at which the model alone says deny (a weaker denial gives way to the next class), tried
# once the rest of the decision is chosen; 0 first
DENY_FLOORS = (0.0, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
# the ranker's floor: its best candidate scoring below it is no target. A wrong target shown costs an eighth of
# a right one, so the floor drops the choices right less than one time in nine (the stored "Ann Bell against
# Ann Bell" of a claim that names nothing but its speaker); the floors tried, none (-inf) first
WRONG_PER_RIGHT = 8
FLOORS = (-math.inf,) + tuple(round(-3.0 + 0.1 * k, 1) for k in range(41))
DENIAL_C = (0.001, 0.01)
DENIAL_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
DECIMALS = 5


MODELS_TRAINED_ON_ROWS = (CLAIM_MODEL_PATH, TARGET_MODEL_PATH, DENIAL_MODEL_PATH, CLAIM_TREES_PATH)


def article_key(article_id):
    """The key the labels file names an article by: the first 16 hex digits of the SHA-1 of its id (the ids
    themselves, which carry words of the headline, stay in ``../shared``)."""
    return hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:16]


def read_labels(path=LABELS):
    """``{article key: {quote id: label}}``."""
    labels = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        labels[row["article_key"]][row["qid"]] = row
    return labels


def training_rows(corpus, labels):
    """One row per statement paired with a labelled gold quote: its features, candidates and labels."""
    records = {r["id"]: r for r in read_records(corpus) if article_key(r["id"]) in labels}
    rows = []
    for article, document in documents(corpus, only=set(records)):
        index, book, statements = statements_of(document)
        judge = ClaimJudge(index, book)
        quotes = records[article.id]["quotes"]
        predicted = [{"start": s.start, "end": s.end} for s in statements]
        for g, p in matched_pairs(quotes, predicted):
            label = labels[article_key(article.id)].get(quotes[g]["id"])
            if label is None:
                continue
            statement = statements[p]
            candidates = judge.candidates(statement)
            rows.append({
                "article": article.id, "stance": label["stance"] or "neutral", "target": label["target"],
                "relation": statement.relation,
                "features": judge.stance_features(statement, [t for t, _ in candidates]),
                "dense": judge.dense(statement),
                "candidates": [(t.name, dict(f)) for t, f in candidates]})
    return rows


def rows_cache():
    """Where the training rows are kept: a name keyed to the code, data and labels that make them (every file
    of the package but the models trained on these rows), so that rows built by other code (another checkout,
    an older commit) are never read as these."""
    digest = hashlib.sha1(LABELS.read_bytes())
    for path in sorted((ROOT / "tracker").rglob("*")):
        if path.is_file() and path not in MODELS_TRAINED_ON_ROWS and "__pycache__" not in path.parts:
            digest.update(path.read_bytes())
    return Path("/tmp") / f"stance_training_rows-{digest.hexdigest()[:12]}.pkl.gz"


def kept_features(examples):
    """The examples with only the named features that occur in MIN_ROWS of them."""
    frequency = Counter(name for example in examples for name in example)
    return [{k: v for k, v in example.items() if frequency[k] >= MIN_ROWS} for example in examples]


class Scaled:
    """A logistic regression over standardised named and dense features."""

    def __init__(self, C, class_weight=None):
        self.classifier = LogisticRegression(C=C, class_weight=class_weight, max_iter=3000)
        self.vectorizer = DictVectorizer(sparse=False)

    def matrix(self, examples, dense=None, fit=False):
        named = self.vectorizer.fit_transform(examples) if fit else self.vectorizer.transform(examples)
        matrix = named if dense is None else numpy.hstack([named, dense])
        if fit:
            self.mean, self.scale = matrix.mean(axis=0), matrix.std(axis=0) + 1e-6
        return (matrix - self.mean) / self.scale

    def fit(self, examples, labels, dense=None):
        self.classifier.fit(self.matrix(kept_features(examples), dense, fit=True), labels)
        return self

    def probabilities(self, examples, dense=None):
        return self.classifier.predict_proba(self.matrix(examples, dense))

    def export(self, path, source, deny_floor=0.0):
        """Write the weights with the scaling folded in (and the least probability of a denial the model alone
        says), as ``tracker.stance.load_linear`` reads them."""
        coef = self.classifier.coef_ / self.scale  # (classes or 1, features)
        intercept = self.classifier.intercept_ - coef @ self.mean
        names = list(self.vectorizer.get_feature_names_out())
        weights = {str(name): [round(float(w), DECIMALS) for w in coef[:, k]] for k, name in enumerate(names)}
        dense = coef[:, len(names):].T
        model = {"source": source, "classes": [str(c) for c in self.classifier.classes_],
                 "intercept": [round(float(b), DECIMALS) for b in intercept],
                 "weights": {k: v for k, v in weights.items() if any(v)},
                 "dense": [[round(float(w), DECIMALS) for w in row] for row in dense] if dense.size else None,
                 **({"deny_floor": deny_floor} if deny_floor else {})}
        if len(model["classes"]) == 2:  # one score: the logistic of the positive class
            model["classes"] = model["classes"][1:]
        path.write_text(json.dumps(model, separators=(",", ":")), encoding="utf-8")
        return path.stat().st_size


def class_f1(gold, predicted, label):
    """F1 (%) of one class."""
    tp = sum(g == p == label for g, p in zip(gold, predicted))
    precision = tp / max(1, sum(p == label for p in predicted))
    recall = tp / max(1, sum(g == label for g in gold))
    return 100 * 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def macro_f1(gold, predicted):
    """Macro-F1 (%) over the classes the gold has, as ../shared/eval/score.py computes it."""
    return sum(class_f1(gold, predicted, label) for label in set(gold)) / len(set(gold))


def fit_stance(rows, C, weight):
    return Scaled(C, weight).fit([r["features"] for r in rows], [r["stance"] for r in rows],
                                 numpy.array([r["dense"] for r in rows]))


def stance_scores(model, rows):
    """The model's log-probabilities of each class, one row per claim, in ``model.classifier.classes_`` order."""
    probabilities = model.probabilities([r["features"] for r in rows], numpy.array([r["dense"] for r in rows]))
    return numpy.log(probabilities + 1e-12)


def is_denial(features):
    """``tracker.stance.denial_evidence`` read off a row's named features: a denying cue or a flat denial in the
    content."""
    return any(f"cue:{cue}" in features for cue in DENIAL_CUES) or any(
        f"c_denial:{phrase}" in features for phrase in FLAT_DENIALS)


def decide_stances(scores, classes, rows, neutral_offset=0.0, denials=None, threshold=0.5, deny_offset=0.0,
                   deny_floor=0.0):
    """Stances as the pipeline decides: the relation step's stance, else a denial by its words or by the
    denial model (``denials``: its probabilities, a denial above ``threshold``), else the model's best class
    once ``neutral_offset`` is taken off the neutral score and ``deny_offset`` off the deny score (both folded
    into the shipped intercepts), but for a denial of probability under ``deny_floor``, which gives way to the
    next best class."""
    scores = scores.copy()
    deny = list(classes).index("deny")
    scores[:, list(classes).index("neutral")] -= neutral_offset
    scores[:, deny] -= deny_offset
    weak = numpy.exp(scores[:, deny] - scipy.special.logsumexp(scores, axis=1)) < deny_floor
    scores[weak & (scores.argmax(1) == deny), deny] = -numpy.inf
    denied = [is_denial(r["features"]) for r in rows] if denials is None else [
        is_denial(r["features"]) or p > threshold for r, p in zip(rows, denials)]
    return [RELATION_STANCE.get(r["relation"]) or ("deny" if d else str(classes[k]))
            for r, k, d in zip(rows, scores.argmax(1), denied)]


def fit_trees(rows):
    """The claim model's trees (``tracker.stance.ClaimTrees``, weight 1): LightGBM multiclass over the named
    features that occur in ``MIN_ROWS`` rows and the word vectors."""
    vectorizer = DictVectorizer()
    named = vectorizer.fit_transform(kept_features([r["features"] for r in rows]))
    vectors = scipy.sparse.csr_matrix(numpy.array([r["dense"] for r in rows]))
    classifier = lightgbm.LGBMClassifier(**STANCE_TREES).fit(scipy.sparse.hstack([named, vectors]).tocsr(),
                                                             [r["stance"] for r in rows])
    return ClaimTrees(classifier.booster_, [str(name) for name in vectorizer.get_feature_names_out()],
                      [str(c) for c in classifier.classes_], 1.0)


def trees_out_of_fold(rows):
    """Each row's class scores (raw, in ``CLAIM_CLASSES`` sorted as the classifiers sort them) from the trees
    fit on the other folds, as the stance step computes them."""
    scores = numpy.zeros((len(rows), len(CLAIM_CLASSES)))
    for train, test in held_out(rows):
        trees = fit_trees(train)
        for k in range(0, len(test), 500):
            scores[test[k:k + 500]] = trees.scores([(rows[i]["features"], rows[i]["dense"]) for i in test[k:k + 500]])
    return scores


def export_trees(trees, weight, path, source):
    """Write the trees with the weight the stance step gives them, as ``tracker.stance.shipped_claim_trees``
    reads them."""
    model = {"source": source, "classes": trees.classes, "weight": weight, "features": trees.features,
             "booster": trees.booster.model_to_string()}
    path.write_text(json.dumps(model, separators=(",", ":")), encoding="utf-8")
    return path.stat().st_size


def fit_denials(rows, C):
    """The denial model: a logistic regression of "deny" against every other stance, classes balanced (a
    denial is 2 % of the claims, too rare for the stance model to ever say it: out of fold it found 9 of 62 in
    one fold)."""
    return Scaled(C, "balanced").fit([r["features"] for r in rows], [r["stance"] == "deny" for r in rows],
                                     numpy.array([r["dense"] for r in rows]))


def held_out(rows):
    """``(training rows, held-out row indices)`` of each of the ``FOLDS`` folds by article."""
    fold = folds_of({r["article"] for r in rows}, FOLDS)
    for k in range(FOLDS):
        yield [r for r in rows if fold[r["article"]] != k], [i for i, r in enumerate(rows) if fold[r["article"]] == k]


def denials_out_of_fold(rows, C):
    """Each row's denial probability from the denial model fit on the other folds."""
    found = numpy.zeros(len(rows))
    for train, test in held_out(rows):
        model = fit_denials(train, C)
        found[test] = model.probabilities([rows[i]["features"] for i in test],
                                          numpy.array([rows[i]["dense"] for i in test]))[:, 1]
    return found


def target_rows(rows):
    return [r for r in rows if r["stance"] in ("support", "against") and r["target"]]


def fit_targets(rows):
    """The ranker (``tracker.stance.TargetRanker``): LightGBM's lambdarank on each claim's candidates, the
    labelled target relevant, the others not (a claim whose candidates are all right or all wrong teaches
    nothing and is left out), over ``claim_ranking_features`` for the claim's labelled stance."""
    examples, relevant, groups = [], [], []
    for row in target_rows(rows):
        labels = [int(_target_matches(row["target"], name)) for name, _ in row["candidates"]]
        if any(labels) and not all(labels):
            examples += claim_ranking_features([f for _, f in row["candidates"]], row["stance"])
            relevant += labels
            groups.append(len(labels))
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(kept_features(examples)).astype(numpy.float32)
    ranker = lightgbm.LGBMRanker(**RANKER).fit(matrix, relevant, group=groups)
    return TargetRanker(ranker.booster_, [str(name) for name in vectorizer.get_feature_names_out()])


def export_targets(ranker, path, source):
    """Write the ranker as ``tracker.stance.shipped_target_ranker`` reads it: the booster's text model, its
    feature names and its floor in one JSON file."""
    model = {"source": source, "features": ranker.features, "floor": ranker.floor,
             "booster": ranker.booster.model_to_string()}
    path.write_text(json.dumps(model, separators=(",", ":")), encoding="utf-8")
    return path.stat().st_size


def fit_pairwise(groups, C):
    """A logistic regression on the difference between the features of a right and of a wrong option of one
    group (each pair both ways round), so that its score orders a group's options; ``groups`` yields
    ``(right features, wrong features)`` lists."""
    examples, labels = [], []
    for right, wrong in groups:
        for a in right:
            for b in wrong:
                difference = {k: a.get(k, 0.0) - b.get(k, 0.0) for k in a.keys() | b.keys()}
                examples += [difference, {k: -v for k, v in difference.items()}]
                labels += [1, 0]
    return Scaled(C).fit(examples, labels)


def best_candidate(ranker, row, stance):
    """``(name, score)`` of the candidate the ranker ranks first for a claim of ``stance`` (support or
    against); ``(None, -inf)`` when it has none."""
    if not row["candidates"]:
        return None, -math.inf
    scores = ranker.scores(claim_ranking_features([f for _, f in row["candidates"]], stance))
    return row["candidates"][int(scores.argmax())][0], float(scores.max())


def choose_floor(rows, best):
    """The floor of ``FLOORS`` that best trades the right targets it drops for the wrong ones
    (``WRONG_PER_RIGHT``), out of fold (``best``: ``targets_out_of_fold``) on the labelled support and attack
    claims; a tie keeps the lower floor."""
    ranked = [(best[i][row["stance"]][1], _target_matches(row["target"], best[i][row["stance"]][0]))
              for i, row in enumerate(rows) if row["stance"] in ("support", "against") and row["target"]]
    gain = {floor: sum(1 if right else -1 / WRONG_PER_RIGHT for score, right in ranked if score >= floor)
            for floor in FLOORS}
    floor = max(FLOORS, key=lambda f: (gain[f], -f))
    below = [right for score, right in ranked if score < floor]
    print(f"target floor {floor}: {len(below)} of {len(ranked)} claims left without a target out of fold, "
          f"{sum(below)} of them right")
    return floor


def with_floor(best, floor):
    """The out-of-fold targets ``{stance: name or None}`` once choices scoring below ``floor`` are dropped."""
    return [{stance: name if score >= floor else None for stance, (name, score) in choices.items()}
            for choices in best]


def out_of_fold(rows, C, weight):
    """Each row's stance log-probabilities from the models fit on the other folds."""
    scores, classes = numpy.zeros((len(rows), len(CLAIM_CLASSES))), None
    for train, test in held_out(rows):
        model = fit_stance(train, C, weight)
        classes = model.classifier.classes_
        scores[test] = stance_scores(model, [rows[i] for i in test])
    return scores, classes


def targets_out_of_fold(rows):
    """Each row's best candidates ``{stance: (name, score)}``, for a support and for an attack, by the ranker
    fit on the other folds (the ranker does not depend on the stance model, so it is fit once, not once per
    stance setting, and the figures read the choice for the stance the model gives)."""
    best = [None] * len(rows)
    for train, test in held_out(rows):
        ranker = fit_targets(train)
        for i in test:
            best[i] = {stance: best_candidate(ranker, rows[i], stance) for stance in ("support", "against")}
    return best


def best_decision(rows, scores, classes, denials):
    """``(macro-F1, neutral offset, deny offset, denial C, denial threshold, deny floor)`` with the best out-of-fold
    macro-F1, over the offsets of ``NEUTRAL_OFFSETS`` (the model, fit for likelihood on a set where most
    statements are neutral, says neutral more often than is best for the polar classes; a negative offset,
    tried on 840 articles, bought 0.4 macro-F1 for 3.7 target points) and of ``DENY_OFFSETS``, and the denial
    models ``denials`` (``{C: out-of-fold probabilities}``) at each of ``DENIAL_THRESHOLDS``, or none (C and
    threshold None)."""
    gold = [r["stance"] for r in rows]
    options = [(None, None)] + [(C, t) for C in denials for t in DENIAL_THRESHOLDS]
    _, offset, deny, C, t = max(
        ((macro_f1(gold, decide_stances(scores, classes, rows, offset, denials.get(C), t or 0.5, deny)),
          offset, deny, C, t) for offset in NEUTRAL_OFFSETS for deny in DENY_OFFSETS for C, t in options),
        key=lambda decision: decision[0])  # a tie keeps the first: no denial model, the smaller offsets
    return max(((macro_f1(gold, decide_stances(scores, classes, rows, offset, denials.get(C), t or 0.5, deny,
                                               floor)), offset, deny, C, t, floor) for floor in DENY_FLOORS),
               key=lambda decision: decision[0])


def figures_of(rows, stances, chosen, show=False):
    """Stance macro-F1 and accuracy, ranker accuracy and the scorer's target accuracy of out-of-fold choices."""
    gold = [r["stance"] for r in rows]
    ranked, end_to_end = [], []
    for row, stance, target in zip(rows, stances, chosen):
        if row["stance"] in ("support", "against") and row["target"]:
            ranked.append(_target_matches(row["target"], target[row["stance"]]))
        if row["target"]:
            guess = "claim:" if stance == "deny" else target[stance] if stance in ("support", "against") else None
            end_to_end.append(_target_matches(row["target"], guess))
    figures = {"macro_f1": macro_f1(gold, stances),
               "accuracy": 100 * sum(g == p for g, p in zip(gold, stances)) / len(gold),
               "ranker_acc": 100 * sum(ranked) / len(ranked), "target_acc": 100 * sum(end_to_end) / len(end_to_end)}
    if show:
        print("out-of-fold confusion (rows gold, columns predicted):", " ".join(CLAIM_CLASSES))
        for g in CLAIM_CLASSES:
            print(f"  {g:8s}", " ".join(f"{sum(a == g and b == p for a, b in zip(gold, stances)):5d}"
                                        for p in CLAIM_CLASSES))
    return figures


def compare_mlp(rows, C, weight):
    """Out-of-fold stance macro-F1 of the chosen logistic regression against a small MLP on the same inputs."""
    from sklearn.neural_network import MLPClassifier

    gold, linear, mlp = [], [], []
    for train, held in held_out(rows):
        test = [rows[i] for i in held]
        model = fit_stance(train, C, weight)
        linear += decide_stances(stance_scores(model, test), model.classifier.classes_, test)
        network = MLPClassifier(hidden_layer_sizes=(64,), alpha=1.0, max_iter=300, early_stopping=True,
                                random_state=0)
        network.fit(model.matrix(kept_features([r["features"] for r in train]),
                                 numpy.array([r["dense"] for r in train])), [r["stance"] for r in train])
        found = network.predict(model.matrix([r["features"] for r in test], numpy.array([r["dense"] for r in test])))
        mlp += [RELATION_STANCE.get(r["relation"]) or str(p) for r, p in zip(test, found)]
        gold += [r["stance"] for r in test]
    print(f"out-of-fold macro-F1: logistic {macro_f1(gold, linear):.1f}, MLP (64 hidden) {macro_f1(gold, mlp):.1f}")


def train_targets(rows, source):
    """Print the ranker's out-of-fold accuracy, fit it on every row and write it; return the out-of-fold
    choices (``targets_out_of_fold``)."""
    reachable = [any(_target_matches(r["target"], n) for n, _ in r["candidates"]) for r in target_rows(rows)]
    print(f"target among the candidates (ceiling of the ranker): {100 * sum(reachable) / len(reachable):.1f}%")
    best = targets_out_of_fold(rows)
    gold = [r["stance"] for r in rows]
    accuracy = figures_of(rows, gold, with_floor(best, -math.inf))["ranker_acc"]
    print(f"ranker picks the labelled target {accuracy:.1f}% out of fold", flush=True)
    floor = choose_floor(rows, best)
    chosen = with_floor(best, floor)
    print(f"with the floor, ranker accuracy {figures_of(rows, gold, chosen)['ranker_acc']:.1f}%")
    ranker = fit_targets(rows)
    ranker.floor = floor
    size = export_targets(ranker, TARGET_MODEL_PATH, source)
    print(f"wrote {TARGET_MODEL_PATH.relative_to(ROOT)} ({size:,} bytes)")
    return chosen


def arguments():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example: python scripts/train_claims.py --targets-only --rows /tmp/stance_training_rows-KEY.pkl.gz")
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "eval" / "polnear_train.jsonl"),
                        help="the labelled corpus whose kept parses make the rows")
    parser.add_argument("--rows", type=Path, help="read the training rows from this file (gzipped pickle)")
    parser.add_argument("--fresh", action="store_true", help="build the rows again, whatever the cache holds")
    parser.add_argument("--targets-only", action="store_true", help="train the target ranker alone")
    parser.add_argument("--compare", action="store_true", help="compare the stance model with an MLP")
    return parser.parse_args()


def main():
    options = arguments()
    cache = options.rows or rows_cache()
    if cache.exists() and not options.fresh:
        rows = pickle.load(gzip.open(cache))
    else:
        rows = training_rows(options.corpus, read_labels())
        pickle.dump(rows, gzip.open(cache, "wb"))
    print(f"{len(rows)} rows from {len({r['article'] for r in rows})} articles: "
          f"{dict(Counter(r['stance'] for r in rows))}")
    source = f"trained on {len(rows)} labelled PolNeAR train attributions by scripts/train_claims.py"
    chosen = train_targets(rows, source)
    if options.targets_only:
        return
    denials = {C: denials_out_of_fold(rows, C) for C in DENIAL_C}
    tree_scores = trees_out_of_fold(rows)
    best = None
    for C in STANCE_C:
        for weight in STANCE_WEIGHTS:
            linear, classes = out_of_fold(rows, C, weight)
            for tree_weight in TREE_WEIGHTS:  # log-probabilities and raw scores: the same argmax and softmax
                scores = (1 - tree_weight) * linear + tree_weight * tree_scores
                _, offset, deny_offset, denial_C, threshold, floor = decision = best_decision(rows, scores, classes,
                                                                                              denials)
                stances = decide_stances(scores, classes, rows, offset, denials.get(denial_C), threshold or 0.5,
                                         deny_offset, floor)
                figures = figures_of(rows, stances, chosen)
                print(f"C {C} weight {weight} trees {tree_weight} neutral offset {offset} deny offset {deny_offset} "
                      f"deny floor {floor} denial model C {denial_C} "
                      f"threshold {threshold}: " + ", ".join(f"{k} {v:.1f}" for k, v in figures.items()), flush=True)
                key = (round(figures["macro_f1"], 1), figures["target_acc"])  # the stance measure first
                if best is None or key > best[0]:
                    best = (key, C, weight, tree_weight, decision, stances)
    _, C, weight, tree_weight, (_, offset, deny_offset, denial_C, threshold, floor), stances = best
    print(f"chosen: C {C} weight {weight} trees {tree_weight} neutral offset {offset} deny offset {deny_offset} "
          f"deny floor {floor} denial model C {denial_C} threshold {threshold}")
    figures_of(rows, stances, chosen, show=True)
    gold = [r["stance"] for r in rows]
    print("per class F1:", {c: round(class_f1(gold, stances, c), 1) for c in CLAIM_CLASSES})
    if options.compare:
        compare_mlp(rows, C, weight)
    model = fit_stance(rows, C, weight)
    # the offsets folded into the linear model's intercepts, which count for 1 - tree_weight of the scores
    for label, taken in (("neutral", offset), ("deny", deny_offset)):
        model.classifier.intercept_[list(model.classifier.classes_).index(label)] -= taken / (1 - tree_weight)
    size = model.export(CLAIM_MODEL_PATH, source + f", neutral offset {offset}, deny offset {deny_offset}, "
                        f"deny floor {floor}", deny_floor=floor)
    print(f"wrote {CLAIM_MODEL_PATH.relative_to(ROOT)} ({size:,} bytes)")
    if tree_weight:
        trees = fit_trees(rows)
        assert trees.classes == [str(c) for c in model.classifier.classes_], "the two models' classes in one order"
        size = export_trees(trees, tree_weight, CLAIM_TREES_PATH, source + f", weight {tree_weight}")
        print(f"wrote {CLAIM_TREES_PATH.relative_to(ROOT)} ({size:,} bytes)")
    else:
        CLAIM_TREES_PATH.unlink(missing_ok=True)
    if denial_C is None:
        DENIAL_MODEL_PATH.unlink(missing_ok=True)
        return
    model = fit_denials(rows, denial_C)
    model.classifier.intercept_ -= math.log(threshold / (1 - threshold))  # a denial above 0.5 is one above it
    size = model.export(DENIAL_MODEL_PATH, source + f", threshold {threshold}")
    print(f"wrote {DENIAL_MODEL_PATH.relative_to(ROOT)} ({size:,} bytes)")


if __name__ == "__main__":
    main()
