"""Benchmark of the batch ingest: ``python -m tracker.bench`` (``make bench``).

The corpus is the PolNeAR dev texts (``../shared/eval/polnear_dev.jsonl``, read at run time and written
only to a temporary folder) when present, else a generated corpus of the same size. Every measurement is
the wall-clock time of a fresh process, so each one pays the same start-up (imports, model loading):

- ``parse_only_s``: the bare engine, the stanza pipeline alone (``Extractor.annotate``) on the same texts;
  in that process, every step after the parse is timed on the parsed documents: ``attribution_s`` (quotes,
  cues, speakers and relations, ``tracker.extract.statements_of``) and ``stance_s`` (stance, target and the
  claim rows), each over the parse's own time (``attribution_ratio``, ``stance_ratio``, ``after_parse_ratio``);
- ``tracker_s``: ``tracker ingest`` into a fresh database, one job; ``jobs2_s``: the same with two jobs;
- ``dask2_s``: the same on the dask backend, a local cluster of two workers started by the run
  (``dask2_ratio``: its throughput over one job's, ``dask2_same_rows``); there is no merge step (this
  process is the only writer), so the cost of gathering the results into one database is the writer's
  time, ``writer_s`` (``writer_share`` of the run);
- ``noop_reingest_s``: ``tracker ingest`` again on the unchanged corpus;
- ``long_article_*``: one generated article of 300,000 characters through the whole extract path (parse and
  every step after it, the model loaded beforehand): its seconds and its process's peak memory, each also per
  100,000 characters (``long_article_s_per_100k``, ``long_article_mb_per_100k``).

Progress goes out as readable lines; the last line is one JSON object with the figures.
"""

import argparse
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POLNEAR_DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "polnear_dev.jsonl"

NAMES = ["Maria Lenz", "Tomas Okafor", "Elena Varga", "David Amundsen", "Priya Raman", "Jonas Keller",
         "Amira Haddad", "Paul Brennan", "Sofia Castellanos", "Kenji Morita"]
ROLES = ["the finance minister", "a spokeswoman for the council", "the union's chairman",
         "an economist at the state bank", "the mayor", "a senior official"]
ORGS = ["the city council", "the transport ministry", "the Harbor Workers Union", "Northgate Energy",
        "the national statistics office", "the opposition party"]
CLAUSES = ["the budget will be balanced by next spring", "the new bridge is behind schedule",
           "talks with the union have broken down", "fuel prices will fall before the winter",
           "the hospital needs more nurses", "the agreement protects local jobs",
           "the report was published too late", "nobody was hurt in the fire",
           "the tax cut helps families", "the plan is far too expensive"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
LONG_ARTICLE_CHARS = 300_000


def synthetic_article(rng, size):
    """One invented news article of about ``size`` characters, with direct, indirect and mixed quotes."""
    def sentence():
        name, role, org = rng.choice(NAMES), rng.choice(ROLES), rng.choice(ORGS)
        clause, other, day = rng.choice(CLAUSES), rng.choice(CLAUSES), rng.choice(DAYS)
        return rng.choice([
            f"\u201c{clause.capitalize()},\u201d {name} said on {day}.",
            f"{name}, {role}, said that {clause}.",
            f"\"{clause.capitalize()}, and {other},\" said {name}, {role}.",
            f"According to {org}, {clause}.",
            f"{name} told reporters: \u201c{clause.capitalize()}.\u201d",
            f"{org.capitalize()} announced on {day} that {clause}.",
            f"{name} warned that {clause}, calling it \u201ca serious problem\u201d.",
            f"The decision was expected on {day}, after {org} met.",
        ])

    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(sentence() for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def synthetic_corpus(count, size, seed=0):
    """``count`` records ``{"id", "date", "title", "text"}`` of about ``size`` characters each."""
    rng = random.Random(seed)
    return [{"id": f"generated-{i:03d}", "date": f"2021-03-{1 + i % 28:02d}", "title": f"Generated article {i}",
             "text": synthetic_article(rng, size)} for i in range(count)]


def corpus_records():
    """``(name, records)``: the PolNeAR dev texts when present, else a generated corpus of the same size."""
    if POLNEAR_DEV.exists():
        records = [json.loads(line) for line in POLNEAR_DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
        return str(POLNEAR_DEV), [{k: r[k] for k in ("id", "date", "title", "text") if r.get(k)} for r in records]
    return "generated", synthetic_corpus(84, 4900)


def timed(command):
    """Seconds taken by ``command`` (a list of arguments) in a fresh process; its stdout.

    Exit code 1 (some articles failed) is reported and accepted: the others were processed.
    """
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    for line in done.stderr.splitlines():
        if line.startswith("error:"):
            print(f"  {line}", flush=True)
    if done.returncode not in (0, 1):
        sys.exit(f"failed ({done.returncode}): {' '.join(map(str, command))}\n{done.stderr[-2000:]}")
    return seconds, done.stdout


def table_rows(db_path):
    """Sorted rows of ``articles`` (without ``ingested_at``), ``speakers`` and ``claims``, to compare two
    databases."""
    with sqlite3.connect(db_path) as db:
        articles = sorted(db.execute("select id, path, url, title, date, text, content_hash from articles"))
        speakers = sorted(map(tuple, db.execute("select * from speakers")))
        claims = sorted(map(tuple, db.execute("select * from claims")))
    return articles, speakers, claims


def parse_only(corpus, batch_size):
    """The bare engine on the corpus' texts; prints the number of tokens, the seconds the parse took, then the
    seconds of the steps after it on the parsed documents: attribution (up to the relations), then stance and
    target with the claim rows (their models read once, untimed, after the first batch's parse: where an ingest
    reads them, so that the parse runs as in an ingest; the span model sets torch's threads for what follows)."""
    from .article import Article, read_jsonl
    from .claims import claims_from_statements
    from .extract import Extractor, load_models, statements_of
    from .targets import judge_stances

    articles = [a for a in read_jsonl(corpus) if isinstance(a, Article)]
    extractor = Extractor(None, batch_size=batch_size)
    tokens, parse_s, attribution_s, stance_s = 0, 0.0, 0.0, 0.0
    for k in range(0, len(articles), batch_size):
        started = time.perf_counter()
        batch = articles[k:k + batch_size]
        documents = extractor.annotate(batch)
        parse_s += time.perf_counter() - started
        if k == 0:
            load_models()
        for article, document in zip(batch, documents):
            started = time.perf_counter()
            index, book, statements = statements_of(document)
            attributed = time.perf_counter()
            judge_stances(index, statements, book)
            claims_from_statements(article.id, article.text, statements, article.date)
            attribution_s += attributed - started
            stance_s += time.perf_counter() - attributed
        tokens += sum(d.num_tokens for d in documents)
    print(tokens, round(parse_s, 3), round(attribution_s, 3), round(stance_s, 3))


def long_article(size):
    """One generated article of ``size`` characters through the extract path; prints its characters, its
    claims, the seconds it took once the model was loaded and this process's peak memory in MB."""
    from .article import Article
    from .extract import Extractor

    article = Article(id="long-article", text=synthetic_article(random.Random(1), size))
    extractor = Extractor(None)
    started = time.perf_counter()
    document, = extractor.annotate([article])
    claims = extractor.claims(article, document)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(len(article.text), len(claims), round(seconds, 2), round(peak))


def long_article_figures(figures):
    """Time ``long_article`` in a fresh process and add its figures, also per 100,000 characters."""
    _, out = timed([sys.executable, "-m", "tracker.bench", "--long-article", str(LONG_ARTICLE_CHARS)])
    characters, claims, seconds, peak_mb = out.split()[-4:]
    per_100k = 100_000 / int(characters)
    figures.update(long_article_chars=int(characters), long_article_s=float(seconds), long_article_peak_mb=int(peak_mb),
                   long_article_s_per_100k=round(float(seconds) * per_100k, 2),
                   long_article_mb_per_100k=round(int(peak_mb) * per_100k))
    print(f"one article of {int(characters):,} characters: {seconds} s ({figures['long_article_s_per_100k']} s "
          f"per 100k characters), {claims} claims, peak memory {peak_mb} MB "
          f"({figures['long_article_mb_per_100k']} MB per 100k characters)", flush=True)


def dask_ingest(corpus, db_path, batch_size, jobs=2):
    """``tracker ingest --engine-backend dask --jobs 2`` through its API; prints the summary and the
    seconds the writer spent storing."""
    from .ingest import run_ingest

    summary = run_ingest([corpus], db_path, backend="dask", jobs=jobs, batch_size=batch_size)
    print(f"{summary.stored} article(s) ingested with {summary.claims} claim(s), {len(summary.errors)} error(s)")
    print(round(summary.store_s, 3))


def textacy_quotes(corpus):
    """textacy's ``direct_quotations`` with the same spaCy model on the same texts; prints the count."""
    from textacy.extract.triples import direct_quotations

    from .article import Article, read_jsonl
    from .engine.tokenize import load_spacy

    texts = [a.text for a in read_jsonl(corpus) if isinstance(a, Article)]
    print(sum(len(list(direct_quotations(doc))) for doc in load_spacy().pipe(texts)))


def textacy_available():
    try:
        import textacy.extract.triples  # noqa: F401
    except Exception:
        return False
    return True


def benchmark(batch_size=16):
    """Every measurement of the module docstring on the corpus, each in a fresh process; prints the figures
    as they come and, last, one JSON object of them all, which it returns."""
    name, records = corpus_records()
    figures = {}
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as folder:
        folder = Path(folder)
        corpus = folder / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        characters = sum(len(r["text"]) for r in records)
        print(f"corpus: {len(records)} articles, {characters:,} characters ({name})", flush=True)
        python, size = sys.executable, str(batch_size)
        ingest = [python, "-m", "tracker", "ingest", str(corpus), "--batch-size", size]

        seconds, out = timed([python, "-m", "tracker.bench", "--parse-only", str(corpus), "--batch-size", size])
        tokens, parse_s, attribution_s, stance_s = (float(value) for value in out.split()[-4:])
        seconds -= attribution_s + stance_s  # the process also timed the steps after the parse: keep the engine's
        figures.update(articles=len(records), characters=characters, tokens=int(tokens), parse_only_s=round(seconds, 2),
                       attribution_s=attribution_s, attribution_ratio=round(attribution_s / parse_s, 3),
                       stance_s=stance_s, stance_ratio=round(stance_s / parse_s, 3),
                       after_parse_ratio=round((attribution_s + stance_s) / parse_s, 3))
        print(f"parse only (stanza pipeline alone): {seconds:.1f} s, {figures['tokens']:,} tokens; on the parsed "
              f"documents, attribution {attribution_s} s ({figures['attribution_ratio']:.3f} x the parse), stance "
              f"and target {stance_s} s ({figures['stance_ratio']:.3f} x), every step after the parse "
              f"{figures['after_parse_ratio']:.3f} x the parse", flush=True)

        seconds, out = timed(ingest + ["--db", str(folder / "jobs1.db"), "--jobs", "1"])
        print(f"  {out.strip()}", flush=True)
        figures.update(tracker_s=round(seconds, 2), overhead_ratio=round(seconds / figures["parse_only_s"], 3))
        print(f"tracker ingest, 1 job: {seconds:.1f} s ({figures['overhead_ratio']:.2f} x parse only)", flush=True)

        seconds, out = timed(ingest + ["--db", str(folder / "jobs2.db"), "--jobs", "2"])
        print(f"  {out.strip()}", flush=True)
        same = table_rows(folder / "jobs1.db") == table_rows(folder / "jobs2.db")
        figures.update(jobs2_s=round(seconds, 2), speedup_jobs2=round(figures["tracker_s"] / seconds, 3),
                       jobs2_same_rows=same)
        print(f"tracker ingest, 2 jobs: {seconds:.1f} s (speed-up {figures['speedup_jobs2']:.2f}, "
              f"{'same' if same else 'DIFFERENT'} rows as 1 job)", flush=True)

        dask_figures(figures, corpus, folder, size)

        seconds, out = timed(ingest + ["--db", str(folder / "jobs1.db")])
        print(f"  {out.strip()}", flush=True)
        figures.update(noop_reingest_s=round(seconds, 2), noop_ratio=round(seconds / figures["tracker_s"], 4))
        print(f"re-ingest of the unchanged corpus: {seconds:.2f} s ({figures['noop_ratio']:.3f} x full)", flush=True)

        if textacy_available():
            seconds, out = timed([python, "-m", "tracker.bench", "--textacy", str(corpus)])
            figures.update(textacy_s=round(seconds, 2), textacy_quotes=int(out.split()[-1]))
            print(f"textacy direct_quotations: {seconds:.1f} s, {figures['textacy_quotes']} quotes", flush=True)

    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    figures["peak_rss_mb"] = round(peak / 1024)  # kilobytes on Linux; the largest single process
    print(f"peak memory of one process: {figures['peak_rss_mb']} MB", flush=True)
    long_article_figures(figures)  # after the peak above: its own peak is a figure of its own
    print(json.dumps(figures))
    return figures


def dask_figures(figures, corpus, folder, size):
    """Time ``tracker ingest --engine-backend dask`` with 2 workers into ``folder``/dask2.db; adds its
    figures (throughput against 1 job, same rows, the writer's share) to ``figures``."""
    seconds, out = timed([sys.executable, "-m", "tracker.bench", "--dask-ingest", str(corpus), str(folder / "dask2.db"),
                          "--batch-size", size])
    summary, writer_s = out.strip().rsplit("\n", 1)
    print(f"  {summary}", flush=True)
    same = table_rows(folder / "jobs1.db") == table_rows(folder / "dask2.db")
    figures.update(dask2_s=round(seconds, 2), dask2_ratio=round(figures["tracker_s"] / seconds, 3),
                   dask2_same_rows=same, writer_s=float(writer_s), writer_share=round(float(writer_s) / seconds, 4))
    print(f"tracker ingest --engine-backend dask, 2 workers: {seconds:.1f} s ({figures['dask2_ratio']:.2f} x the "
          f"throughput of 1 job, {'same' if same else 'DIFFERENT'} rows); no merge: the one writer stored for "
          f"{writer_s} s ({figures['writer_share']:.1%} of the run)", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tracker.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--parse-only", metavar="JSONL", help=argparse.SUPPRESS)
    parser.add_argument("--textacy", metavar="JSONL", help=argparse.SUPPRESS)
    parser.add_argument("--dask-ingest", nargs=2, metavar=("JSONL", "DB"), help=argparse.SUPPRESS)
    parser.add_argument("--long-article", type=int, metavar="CHARACTERS", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.long_article:
        long_article(args.long_article)
    elif args.parse_only:
        parse_only(args.parse_only, args.batch_size)
    elif args.dask_ingest:
        dask_ingest(*args.dask_ingest, args.batch_size)
    elif args.textacy:
        textacy_quotes(args.textacy)
    else:
        benchmark(args.batch_size)


if __name__ == "__main__":
    main()
