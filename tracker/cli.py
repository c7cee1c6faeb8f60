"""``tracker``: a thin click layer over the package's API."""

import json
import sys
from pathlib import Path

import click

from .article import KINDS, ReadError, read_jsonl
from .cluster import BACKENDS, ClusterError
from .engine import ENGINES, EngineError
from .ingest import MAX_ARTICLE_CHARS

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
DEFAULT_DB = "db/claims.db"


def engine_option(fn):
    return click.option(
        "--engine", type=click.Choice(ENGINES), default=None,
        help="Annotation engine: embedded (offline spaCy model) or stanza (official models). "
             "Default: stanza where its English models are installed, else embedded.")(fn)


def batch_option(fn):
    return click.option("--batch-size", type=click.IntRange(1, 1000), default=16, show_default=True,
                        help="Articles annotated together.")(fn)


def kinds_option(fn):
    return click.option("--kinds", multiple=True, type=click.Choice(["direct", "indirect", "mixed"]),
                        help="Keep only statements of these kinds (repeatable).")(fn)


def make_extractor(engine, batch_size):
    from .extract import Extractor

    try:
        return Extractor(engine, batch_size=batch_size)
    except EngineError as error:
        raise click.ClickException(str(error)) from error


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="tracker")
def cli():
    """Quotation and claim attribution tracker for news: who said what, about whom, for or against.

    \b
    Example:
        tracker ingest seeds/ && tracker serve
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to write.")
@click.option("--glob", "pattern", default="*", show_default=True,
              help="File pattern inside folders (narrows: files of no known kind are still skipped).")
@click.option("--prune", is_flag=True, help="Remove stored articles whose files are no longer given.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes that annotate in parallel (one writer stores); with the dask backend, "
                   "the workers of the local cluster it starts.")
@click.option("--engine-backend", "backend", type=click.Choice(BACKENDS), default="processes", show_default=True,
              help="Where the workers run: local processes, or a Dask cluster (a local one started for the run, "
                   "or --scheduler's), with the inputs streamed.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler of a running cluster, e.g. tcp://scheduler-host:8786 (implies --engine-backend dask).")
@click.option("--max-chars", default=MAX_ARTICLE_CHARS, show_default=True, type=click.IntRange(1),
              help="An article longer than this many characters is not parsed: it fails with one line, the others go on.")
@engine_option
@batch_option
def ingest(paths, db_path, pattern, prune, jobs, backend, scheduler, max_chars, engine, batch_size):
    """Ingest articles into the claims database, skipping unchanged ones.

    PATHS are text files (an optional first line `date YYYY-MM-DD`, else a date in the first lines or the
    file's name; the first line is the title when it reads as a headline), saved web pages (.html, .htm:
    the article's body, title, date and author are read from the page, without its menus, ads and
    comments), web archives (.warc, .warc.gz: each HTML page an article), JSONL files with
    {"id", "text", "date"?, "title"?, "url"?} per line, Parquet files with those columns, http(s)
    addresses to fetch, folders of any of these (recursive; other files are skipped and named), or -
    for standard input. Each article is stored in one transaction; a bad input gets one line naming it
    and the rest goes on; the exit code is 1 when anything failed. Whatever the backend and the number
    of jobs, the database gets the same rows.

    \b
    Example:
        tracker ingest seeds/ --db db/claims.db --jobs 2
        tracker ingest saved-pages/ crawl.warc.gz https://example.org/news/story.html
        tracker ingest archive.jsonl --engine-backend dask --jobs 2
        tracker ingest archive.parquet --scheduler tcp://scheduler-host:8786
        tracker ingest long-reads/ --max-chars 800000
    """
    from .api import Tracker

    bar = click.progressbar(length=0, label="Ingesting", file=sys.stderr)

    def progress(event, value):
        if event == "total":
            bar.length = value
            bar.render_progress()
        elif event == "done":
            bar.update(value)
        elif event == "workers":
            click.echo(f"\n{len(value)} Dask worker(s): {', '.join(sorted(value))}", err=True)
        elif event in ("error", "warning"):
            click.echo(f"\n{event}: {value}", err=True)

    try:
        with bar:
            summary = Tracker(db_path).ingest(paths, pattern=pattern, engine=engine, jobs=jobs, batch_size=batch_size,
                                              prune=prune, progress=progress, backend=backend, scheduler=scheduler,
                                              max_chars=max_chars)
    except (EngineError, ClusterError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{summary.stored} article(s) ingested ({summary.undated} without a date) with {summary.claims} "
               f"claim(s), {summary.unchanged} unchanged, {len(summary.pruned)} pruned, {len(summary.errors)} "
               f"error(s) -> {db_path}")
    if summary.skipped:
        click.echo(skipped_line(summary.skipped))
    if summary.errors:
        sys.exit(1)


def skipped_line(names, shown=20):
    """One line counting and naming what folders held that was not read (the first ``shown`` names)."""
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return f"skipped {len(names)} (not {KINDS} files): {', '.join(names[:shown])}{more}"


@cli.command()
@click.argument("input_path", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.File("w"), default="-", help="Prediction JSONL (default: stdout).")
@kinds_option
@engine_option
@batch_option
def extract(input_path, output, kinds, engine, batch_size):
    """Write one prediction line per article of INPUT_PATH (JSONL with "id" and "text").

    A file with a bad line (not JSON, no "id" or "text") is refused whole, with one line naming the file
    and its first bad line, before anything is extracted.

    The output is the prediction format read by the reference scorer: per article
    {"id", "quotes": [{"start", "end", "speaker", "speaker_start", "speaker_end", "cue", "kind", ...}]}.

    \b
    Example:
        tracker extract ../shared/gold/seed.jsonl -o seed.pred.jsonl
    """
    articles, errors = [], []
    for item in read_jsonl(input_path):
        (errors if isinstance(item, ReadError) else articles).append(item)
    if errors:
        raise click.ClickException(f"{errors[0]} ({len(errors)} bad line(s) in all; extract reads JSONL: "
                                   f"one {{\"id\", \"text\"}} object per line)")
    extractor = make_extractor(engine, batch_size)
    with click.progressbar(length=len(articles), label="Extracting", file=sys.stderr) as bar:
        for article, claims in extractor.run(articles):
            quotes = [c.as_prediction() for c in claims if not kinds or c.kind in kinds]
            output.write(json.dumps({"id": article.id, "quotes": quotes}, ensure_ascii=False) + "\n")
            bar.update(1)


@cli.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to serve.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
def serve(db_path, host, port):
    """Serve the claims database with Datasette and the project's metadata (read-only).

    The metadata is the package's (tracker/metadata.yml); the plugins and templates are loaded by
    Datasette through the package's entry points. The file is never written to (an ingest may run
    meanwhile; its new articles show up); for a fixed copy served immutable, see `tracker publish`.

    \b
    Example:
        tracker serve --db db/claims.db --port 8001
    """
    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path} does not exist: run `tracker ingest` first")
    serve_site(db_path, host=host, port=port)


def serve_site(db_path, **options):
    """``tracker.publish.serve``, with a missing plugin or view or a port in use as one clear line."""
    from .publish import PluginsMissing, PortInUse, ViewsMissing
    from .publish import serve as serve_db

    try:
        serve_db(db_path, **options)
    except (PluginsMissing, PortInUse, ViewsMissing) as error:
        raise click.ClickException(str(error)) from error


@cli.command()
@click.argument("gold_path", type=click.Path(exists=True, dir_okay=False))
@kinds_option
@click.option("--show", default=10, show_default=True, help="Misses, false alarms and wrong speakers to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@engine_option
@batch_option
def evaluate(gold_path, kinds, show, as_json, engine, batch_size):
    """Run the tracker on annotated articles and print the reference scorer's figures.

    GOLD_PATH is JSONL in the format of ../shared/eval/README.md. After the figures come the
    misses, false alarms and wrong speakers, each with its context, so you can see why.
    With --kinds, gold quotes AND predictions are restricted to those kinds.

    \b
    Example:
        tracker evaluate ../shared/gold/seed.jsonl --show 5
    """
    from .evaluate import evaluate as evaluate_gold
    from .evaluate import figure_lines, listing_lines, read_gold

    gold = read_gold(gold_path)
    extractor = make_extractor(engine, batch_size)
    with click.progressbar(length=len(gold), label="Evaluating", file=sys.stderr) as bar:
        report = evaluate_gold(gold, extractor, kinds, progress=bar.update)
    figures = report.figures()
    if as_json:
        click.echo(json.dumps(figures, indent=1))
        return
    for line in figure_lines(figures) + listing_lines(report, show):
        click.echo(line)


@cli.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to publish.")
@click.option("-o", "--out", "out_dir", default="dist", show_default=True, help="Folder for the snapshot.")
@click.option("--serve/--no-serve", "then_serve", default=False, help="Serve the snapshot, immutable, afterwards.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
def publish(db_path, out_dir, then_serve, host, port):
    """Write a clean, read-only snapshot of the database with its Datasette inspect file and metadata.

    The snapshot is made with VACUUM INTO (the live database may be ingesting meanwhile) and can be
    served immutable, which lets Datasette cache counts. Beside it go NAME.inspect.json and
    NAME.metadata.json (the package's metadata for that file name), so that with tracker installed
    `datasette serve -i claims.db --inspect-file claims.inspect.json -m claims.metadata.json` in the
    output folder serves the same site.

    \b
    Example:
        tracker publish --db db/claims.db -o dist --serve
    """
    from .publish import publish_snapshot

    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path} does not exist: run `tracker ingest` first")
    snapshot = publish_snapshot(db_path, out_dir)
    click.echo(f"snapshot {snapshot.db} with {snapshot.inspect} and {snapshot.metadata}")
    if then_serve:
        serve_site(snapshot.db, host=host, port=port, immutable=True)


@cli.command()
@click.argument("claim_id")
@click.option("--speaker", help="The claim's real speaker (several holders joined by \"; \").")
@click.option("--stance", help="The claim's real stance: support, against, deny or neutral.")
@click.option("--target", help="What the claim is really about.")
@click.option("--reject", is_flag=True, help="The claim is wrong: not a statement, or not this one (listed, flagged, counted nowhere).")
@click.option("--note", help="Why: shown with the correction on the claim's page.")
@click.option("--by", help="Who corrects.  [default: the OS user name]")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to correct.")
def correct(claim_id, speaker, stance, target, reject, note, by, db_path):
    """Correct the claim CLAIM_ID: its speaker, stance or target, or reject it.

    The correction is kept in the corrections table and applied at once, and again every time the article
    is ingested, even when its text changed elsewhere (the claim is found by its content, speaker as
    written and cue). One that no longer finds its claim is kept, marked missing, with a warning.

    \b
    Example:
        tracker correct 3f2a9c0d1e4b5a67 --speaker "Ibrahim Kalin" --note "the pronoun is his"
        tracker correct 3f2a9c0d1e4b5a67 --stance against --target "the tax plan"
        tracker correct 3f2a9c0d1e4b5a67 --reject --note "a headline, not a quote" --by "desk"
    """
    from .corrections import CorrectionError
    from .corrections import correct as correct_claim
    from .store import open_db

    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path} does not exist: run `tracker ingest` first")
    db = open_db(db_path)
    try:
        correction_id = correct_claim(db, claim_id, speaker=speaker, stance=stance, target=target, reject=reject,
                                      note=note, by=by)
    except CorrectionError as error:
        raise click.ClickException(str(error)) from error
    finally:
        db.close()
    click.echo(f"correction {correction_id} of claim {claim_id} applied -> {db_path}")


@cli.command()
@click.argument("input_path", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.File("w"), default="-", help="Prediction JSONL (default: stdout).")
def stance(input_path, output):
    """Predict the stance toward a marked target for each line of INPUT_PATH.

    Lines are {"id", "text", "target", "target_start"?, "target_end"?}; without offsets the target's
    first occurrence in the text is used. Each output line is {"id", "stance", "confidence",
    "evidence", "hedged"}, stance being support, against or neutral.

    \b
    Example:
        tracker stance sentences.jsonl -o stance.pred.jsonl
    """
    from .stance import claim_stance

    errors = 0
    for number, line in enumerate(Path(input_path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text, target = record["text"], record["target"]
            start = record.get("target_start")
            start = text.index(target) if start is None else start
            end = record.get("target_end") or start + len(target)
        except (ValueError, KeyError, TypeError) as error:
            errors += 1
            click.echo(f"error: {input_path}:{number}: {type(error).__name__}: {error}", err=True)
            continue
        result, _ = claim_stance(text, None, [(target, start, end)])
        output.write(json.dumps({"id": record.get("id"), "stance": result.stance or "neutral",
                                 "confidence": round(result.confidence, 3), "evidence": result.evidence,
                                 "hedged": result.hedged}) + "\n")
    if errors:
        sys.exit(1)
