"""Train the referent ranker (``tracker.referents``) on labelled PolNeAR train articles.

Runs the steps after the parse on the kept parses (``attribution_lab.py parse``) of the articles that
``scripts/labels/polnear_train.jsonl`` labels, with a ranker that records, for each speaker mention that names
nobody itself (a description or a pronoun), its options and their features and keeps the rules' choice. Each
statement is paired with its gold quote as the scorer pairs them (``tracker.evaluate.matched_pairs``); an option
is right when the reference scorer's ``same_holders`` takes it for the label's ``speaker_canonical``. Prints
5-fold figures (folds by article, ``attribution_lab.folds_of``): the accuracy of the rules' choice and of the
ranker's on the mentions with a named holder, and on descriptions of an unnamed one (where the description
itself is right). With ``--export``, then fits on every row and writes ``tracker/data/speaker_referents.json``
(without it, the shipped model stays as it is). Needs scikit-learn at training time only. Deterministic (folds
of seed 0, a convex fit).

Usage: python scripts/train_referents.py ../shared/eval/polnear_train.jsonl [--export] [--fresh]
[--rows=CACHE.pkl.gz] [--margin=M] [--scorer=SCORE.py] (the rows are kept in ``--rows``,
/tmp/referent_training_rows.pkl.gz unless given, and made again with ``--fresh``; ``--margin`` fixes the margin
instead of choosing it by 5-fold accuracy; ``--scorer`` is the reference scorer, ``score.py`` beside the corpus
unless given, as in ``../shared/eval``: the script may run from a worktree elsewhere). The shipped model was
trained with ``--fresh --margin=0.5 --export`` (C 0.03): 5,565 mentions, the ranker right 84.0% out of fold
against 83.6% for the rules. An earlier model's margin was chosen on the train
articles end to end (``attribution_lab.py score``): the 5-fold choice (margin 2.0, 0.1 points better in 5-fold
accuracy) gave canonical speakers 84.7%, margin 0.5 85.0%, margin 0.0 85.1% with fewer speaker names right.
"""

import gzip
import importlib.util
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from attribution_lab import documents, read_records  # noqa: E402
from train_claims import article_key, fit_pairwise, held_out, read_labels  # noqa: E402

from tracker.attribution import find_attributions  # noqa: E402
from tracker.document import ArticleIndex  # noqa: E402
from tracker.evaluate import matched_pairs  # noqa: E402
from tracker.names import NameBook  # noqa: E402
from tracker.referents import MODEL_PATH, ReferentRanker  # noqa: E402
from tracker.speakers import Resolver, resolve_speakers  # noqa: E402
from tracker.statement import Statement  # noqa: E402

C_GRID = (0.03, 0.1)
MARGINS = (0.0, 0.5, 1.0, 2.0)  # how much better than the rules' choice an option must score to replace it


def scorer(path):
    """The reference scorer's module at ``path`` (``score.py`` beside the corpus), for its ``same_holders``."""
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Recorder(ReferentRanker):
    """A ranker that keeps the rules' choice and records each mention's options with their features."""

    def __init__(self):
        super().__init__(weights={})
        self.seen = {}  # (start, end) of a mention -> (kind, rules' name, [(option name, features)])

    def choose(self, resolver, attribution, sentence, head, kind, ruled):
        options = self.options(resolver, attribution, sentence, head, kind, ruled)
        mention = attribution.speaker
        self.seen[(mention.start, mention.end)] = (kind, ruled.name, [(o, f) for o, f in options])
        return ruled


def right(option, holder, same_holders):
    """Whether ``option`` names the labelled ``holder``: the scorer's ``same_holders``, or for an unnamed holder
    the description itself."""
    return same_holders(option.name, holder) if holder else option.own


def training_rows(corpus, labels, same_holders):
    """One row per statement paired with a labelled gold quote whose speaker mention names nobody itself."""
    records = {r["id"]: r for r in read_records(corpus) if article_key(r["id"]) in labels}
    rows = []
    for article, document in documents(corpus, only=set(records)):
        index = ArticleIndex(document)
        statements = [Statement(attribution) for attribution in find_attributions(index)]
        recorder = Recorder()
        resolve_speakers(statements, Resolver(index, NameBook(index), recorder))
        quotes = records[article.id]["quotes"]
        for g, p in matched_pairs(quotes, [{"start": s.start, "end": s.end} for s in statements]):
            label = labels[article_key(article.id)].get(quotes[g]["id"])
            mention = statements[p].attribution.speaker
            if label is None or mention is None or (mention.start, mention.end) not in recorder.seen:
                continue
            kind, ruled, options = recorder.seen[(mention.start, mention.end)]
            holder = label["speaker_canonical"]
            if not holder and not any(o.own for o, _ in options):
                continue  # a vague "they" the rules named nobody for either
            rows.append({"article": article.id, "kind": kind, "named": bool(holder),
                         "options": [(o.name, features, right(o, holder, same_holders))
                                     for o, features in options]})
            rows[-1]["ruled"] = dict((n, ok) for n, _, ok in rows[-1]["options"]).get(ruled, False)
    return rows


def fit(rows, C):
    """The pairwise ranker (``train_claims.fit_pairwise``) of each mention's right options against its wrong ones."""
    return fit_pairwise((([f for _, f, ok in row["options"] if ok], [f for _, f, ok in row["options"] if not ok])
                         for row in rows), C)


def weights_of(model):
    """``{feature: weight}`` of a fitted ``Scaled`` ranker, its scaling folded in."""
    coef = model.classifier.coef_[0] / model.scale
    return {str(name): float(coef[k]) for k, name in enumerate(model.vectorizer.get_feature_names_out())}


def chosen_right(ranker, row):
    """Whether the ranker's choice for a row is right."""
    ruled = next((name for name, features, _ in row["options"] if any(k.startswith("rule|") for k in features)), None)
    best = ranker.pick([(name, features) for name, features, _ in row["options"]], ruled)
    return best is not None and dict((n, ok) for n, _, ok in row["options"])[best]


def out_of_fold(rows, C, margins=MARGINS):
    """Per margin of ``margins``, per row, whether the ranker fit on the other folds chooses right."""
    right = {margin: [False] * len(rows) for margin in margins}
    for train, test in held_out(rows):
        weights = weights_of(fit(train, C))
        for margin in margins:
            ranker = ReferentRanker(weights, margin)
            for i in test:
                right[margin][i] = chosen_right(ranker, rows[i])
    return right


def by_kind(rows, right):
    """``{kind: (n, accuracy %)}`` of ``right`` per mention kind, the unnamed holders apart."""
    def kind(row):
        return row["kind"].split(":")[0] + ("" if row["named"] else " unnamed")

    counts = Counter(kind(r) for r in rows)
    hits = Counter(kind(r) for r, ok in zip(rows, right) if ok)
    return {k: (n, round(100 * hits[k] / n, 1)) for k, n in counts.most_common()}


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "eval" / "polnear_train.jsonl")
    options = dict(a[2:].split("=", 1) for a in sys.argv if a.startswith("--") and "=" in a)
    cache = Path(options.get("rows", "/tmp/referent_training_rows.pkl.gz"))
    margins = (float(options["margin"]),) if "margin" in options else MARGINS
    if cache.exists() and "--fresh" not in sys.argv:
        rows = pickle.load(gzip.open(cache))
    else:
        path = Path(options.get("scorer", Path(corpus).with_name("score.py")))
        rows = training_rows(corpus, read_labels(), scorer(path).same_holders)
        pickle.dump(rows, gzip.open(cache, "wb"))
    named = sum(r["named"] for r in rows)
    ruled = [r["ruled"] for r in rows]
    reachable = [any(ok for _, _, ok in r["options"]) for r in rows]
    print(f"{len(rows)} mentions ({named} of a named holder) from {len({r['article'] for r in rows})} articles; the holder among the options: "
          f"{100 * sum(reachable) / len(rows):.1f}%")
    print(f"rules' choice right: {100 * sum(ruled) / len(rows):.1f}%, of named holders "
          f"{100 * sum(ok for r, ok in zip(rows, ruled) if r['named']) / named:.1f}% {by_kind(rows, ruled)}")
    best = None
    for C in C_GRID:
        for margin, right in out_of_fold(rows, C, margins).items():
            accuracy = 100 * sum(right) / len(rows)
            print(f"C {C} margin {margin}: ranker right (5-fold) {accuracy:.1f}%, of named holders "
                  f"{100 * sum(ok for r, ok in zip(rows, right) if r['named']) / named:.1f}% {by_kind(rows, right)}",
                  flush=True)
            if best is None or accuracy > best[0]:
                best = (accuracy, C, margin)
    _, C, margin = best
    if "--export" not in sys.argv:
        print(f"chosen C {C} margin {margin}; {MODEL_PATH.relative_to(ROOT)} left as it is (--export writes it)")
        return
    model = fit(rows, C)
    model.export(MODEL_PATH, f"trained on {len(rows)} labelled PolNeAR train speaker mentions by "
                             f"scripts/train_referents.py, C {C}")
    exported = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    MODEL_PATH.write_text(json.dumps({**exported, "margin": margin}, separators=(",", ":")), encoding="utf-8")
    print(f"chosen C {C} margin {margin}; wrote {MODEL_PATH.relative_to(ROOT)} "
          f"({MODEL_PATH.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
