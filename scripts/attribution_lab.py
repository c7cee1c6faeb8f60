"""Measure attribution on an annotated corpus fast: parse it once, then score every change in seconds.

    python scripts/attribution_lab.py parse ../shared/eval/polnear_train.jsonl    # once, ~4 min per 840 articles
    python scripts/attribution_lab.py score ../shared/eval/polnear_train.jsonl    # the scorer's figures
    python scripts/attribution_lab.py ablate ../shared/eval/polnear_train.jsonl   # what each rule adds

``parse`` runs the embedded engine and keeps the stanza documents (``Document.to_dict``), each with the
parser's word vectors (``tracker.engine.vectors``, as float16), in ``.cache/parses/`` (git-ignored; the corpus'
texts never enter the repository). ``score`` runs every step after
the parse (``tracker.extract.claims_of``) on the kept documents and prints the figures of
``tracker.evaluate`` (the reference scorer's measures). ``ablate`` drops, one rule at a time, the claims that
rule found (the first name in an attribution's ``sources``) and prints how each figure falls without it.
"""

import argparse
import gzip
import hashlib
import json
import pickle
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "parses"
sys.path.insert(0, str(ROOT))


def read_records(corpus):
    """The gold records of a corpus in the format of ``../shared/eval/README.md``."""
    with open(corpus, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


CACHE_FORMAT = "v2"  # v2: (article id, document dict, float16 word vectors); a v1 file has no vectors


def cache_path(corpus):
    """Where the parses of ``corpus`` are kept: named by the file, a hash of its contents and the format."""
    digest = hashlib.sha1(Path(corpus).read_bytes()).hexdigest()[:12]
    return CACHE / f"{Path(corpus).stem}.{digest}.{CACHE_FORMAT}.pkl.gz"


def parse(corpus, batch_size=16):
    """Annotate every article of ``corpus`` with the embedded engine and keep the documents and their word
    vectors."""
    import numpy

    from tracker.article import article_from_record
    from tracker.engine.vectors import word_vectors
    from tracker.extract import Extractor

    records = read_records(corpus)
    articles = [article_from_record(r, corpus) for r in records]
    extractor = Extractor("embedded", batch_size=batch_size)
    kept, started = [], time.perf_counter()
    for k in range(0, len(articles), batch_size):
        batch = articles[k:k + batch_size]
        kept.extend((a.id, d.to_dict(), word_vectors(d).astype(numpy.float16))
                    for a, d in zip(batch, extractor.annotate(batch)))
        print(f"\rparsed {len(kept)}/{len(articles)} ({time.perf_counter() - started:.0f} s)", end="",
              file=sys.stderr, flush=True)
    print(file=sys.stderr)
    path = cache_path(corpus)
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wb", compresslevel=3) as out:
        pickle.dump(kept, out, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"kept {len(kept)} documents in {path}")


def documents(corpus, only=None):
    """``[(article, stanza Document)]`` of ``corpus`` from the kept parses, each document with its word
    vectors attached (``tracker.engine.vectors.word_vectors``); with ``only``, just the articles of those ids."""
    import stanza

    from tracker.article import article_from_record
    from tracker.engine.vectors import attach_vectors

    path = cache_path(corpus)
    if not path.exists():
        sys.exit(f"no parses of {corpus} kept: run `python {Path(__file__).name} parse {corpus}` first")
    with gzip.open(path, "rb") as kept:
        parses = {aid: (d, vectors) for aid, d, vectors in pickle.load(kept)}
    articles = [article_from_record(r, corpus) for r in read_records(corpus) if only is None or r["id"] in only]
    return [(a, attach_vectors(stanza.Document(parses[a.id][0], text=a.text), parses[a.id][1]))
            for a in articles]


def predictions(pairs):
    """``{article id: [claim]}`` for annotated ``pairs``, and the seconds the steps after the parse took."""
    from tracker.extract import claims_of

    started = time.perf_counter()
    claims = {article.id: claims_of(article, document) for article, document in pairs}
    return claims, time.perf_counter() - started


def corpus_figures(records, predicted):
    """The ``tracker.evaluate`` figures of ``predicted`` (article id -> prediction dicts) against ``records``."""
    from tracker.evaluate import Report, score_article

    report = Report()
    for record in records:
        score_article(report, record["id"], record["text"], record["quotes"], predicted.get(record["id"], []))
    return report.figures()


def figures(records, claims, keep=lambda claim: True):
    """The ``tracker.evaluate`` figures of ``claims`` (those ``keep`` accepts) against ``records``."""
    return corpus_figures(records, {k: [c.as_prediction() for c in cs if keep(c)] for k, cs in claims.items()})


def prediction(attribution):
    """The scorer's prediction dict of one attribution (content and speaker mention)."""
    speaker = attribution.speaker
    return {"start": attribution.start, "end": attribution.end,
            "speaker_start": speaker.start if speaker else None, "speaker_end": speaker.end if speaker else None}


def folds_of(article_ids, folds):
    """``{article id: fold}``: the articles split at random (seed 0) into ``folds`` folds, the split every
    training script cross-validates on."""
    ids = sorted(article_ids)
    random.Random(0).shuffle(ids)
    return {a: k % folds for k, a in enumerate(ids)}


def training_line(f):
    """The headline figures of a training script on one line."""
    e2e = f["attribution_e2e"]
    return (f"e2e P {e2e['P']:.1f} R {e2e['R']:.1f} F1 {e2e['F1']:.1f} | exact F1 {f['exact']['F1']:.1f} | "
            f"n {f['n_pred']}")


def chosen_threshold(thresholds, figures_at, tolerance):
    """``(threshold, e2e F1)``: the highest of ``thresholds`` whose held-out e2e F1 (of ``figures_at(t)``) is
    within ``tolerance`` points of the best, printing the figures at each: of two thresholds that score alike,
    the one that adds less is kept, as what a learned part adds no rule vouches for."""
    scores = {}
    for threshold in thresholds:
        f = figures_at(threshold)
        print(f"held out, add >= {threshold:.2f}: {training_line(f)}", flush=True)
        scores[threshold] = f["attribution_e2e"]["F1"]
    top = max(scores.values())
    return next((t, f1) for t, f1 in sorted(scores.items(), reverse=True) if f1 >= round(top - tolerance, 1))


def training_parser(description, output, folds):
    """The arguments every training script takes: the corpus, where the model goes, how many folds."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("corpus", help="gold JSONL whose parses attribution_lab.py has kept")
    parser.add_argument("-o", "--output", default=str(output))
    parser.add_argument("--folds", type=int, default=folds)
    return parser


def summary_line(f):
    """The headline figures on one line."""
    return (f"e2e P {f['attribution_e2e']['P']:.1f} R {f['attribution_e2e']['R']:.1f} "
            f"F1 {f['attribution_e2e']['F1']:.1f} | exact F1 {f['exact']['F1']:.1f} | cov@0.3 F1 "
            f"{f['cov@0.3']['F1']:.1f} | name_acc {f['name_acc']} | cue_acc {f['cue_acc']} | "
            f"recall {f['recall_by_kind']} | n_pred {f['n_pred']}")


def score(corpus, output=None):
    """Print the figures of the current rules on the kept parses of ``corpus``."""
    records = read_records(corpus)
    claims, seconds = predictions(documents(corpus))
    print(f"steps after the parse: {seconds:.1f} s for {len(records)} articles")
    print(summary_line(figures(records, claims)))
    if output:
        with open(output, "w", encoding="utf-8") as out:
            for record in records:
                quotes = [c.as_prediction() for c in claims[record["id"]]]
                out.write(json.dumps({"id": record["id"], "quotes": quotes}, ensure_ascii=False) + "\n")


def ablate(corpus, top=20):
    """Print, for the ``top`` most-used rules, the figures without the claims each found."""
    records = read_records(corpus)
    claims, _ = predictions(documents(corpus))
    base = figures(records, claims)
    uses = Counter(c.rule for cs in claims.values() for c in cs)
    print(f"all rules: {summary_line(base)}")
    print(f"{'rule':24s} {'claims':>6s} {'d e2e F1':>9s} {'d exact F1':>10s} {'d e2e P':>8s} {'d e2e R':>8s}")
    for rule, count in uses.most_common(top):
        f = figures(records, claims, keep=lambda c, rule=rule: c.rule != rule)
        print(f"{rule:24s} {count:6d} {base['attribution_e2e']['F1'] - f['attribution_e2e']['F1']:+9.1f} "
              f"{base['exact']['F1'] - f['exact']['F1']:+10.1f} "
              f"{base['attribution_e2e']['P'] - f['attribution_e2e']['P']:+8.1f} "
              f"{base['attribution_e2e']['R'] - f['attribution_e2e']['R']:+8.1f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("parse", "score", "ablate"):
        command = commands.add_parser(name)
        command.add_argument("corpus", help="gold JSONL (../shared/eval/README.md)")
    commands.choices["score"].add_argument("-o", "--output", help="also write the predictions here")
    commands.choices["ablate"].add_argument("--top", type=int, default=20)
    args = parser.parse_args(argv)
    if args.command == "parse":
        parse(args.corpus)
    elif args.command == "score":
        score(args.corpus, args.output)
    else:
        ablate(args.corpus, args.top)


if __name__ == "__main__":
    main()
