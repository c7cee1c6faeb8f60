"""``tracker``: a thin click layer over the package's API."""

import json
import sys
from pathlib import Path

import click

from .article import ReadError, read_jsonl, read_paths
from .engine import ENGINES, EngineError

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


def make_extractor(engine, batch_size):
    from .extract import Extractor

    try:
        return Extractor(engine, batch_size=batch_size)
    except EngineError as error:
        raise click.ClickException(str(error))


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
@click.option("--glob", "pattern", default="*", show_default=True, help="File pattern inside folders.")
@click.option("--prune", is_flag=True, help="Remove stored articles whose files are no longer given.")
@engine_option
@batch_option
def ingest(paths, db_path, pattern, prune, engine, batch_size):
    """Ingest articles into the claims database, skipping unchanged ones.

    PATHS are text files (an optional first line `date YYYY-MM-DD`), folders of them (recursive),
    JSONL files with {"id", "text", "date"?, "title"?, "url"?} per line, or - for standard input.

    \b
    Example:
        tracker ingest seeds/ --db db/claims.db
    """
    from .store import article_state, open_db, prune as prune_articles, store_article

    db = open_db(db_path)
    errors, seen, todo, skipped = [], [], [], 0
    for item in read_paths(paths, pattern):
        if isinstance(item, ReadError):
            errors.append(item)
            click.echo(f"error: {item}", err=True)
            continue
        if item.warning:
            click.echo(f"warning: {item.path or item.id}: {item.warning}", err=True)
        seen.append(item.id)
        if article_state(db, item) == "unchanged":
            skipped += 1
        else:
            todo.append(item)
    stored = claims = 0
    if todo:
        extractor = make_extractor(engine, batch_size)
        with click.progressbar(length=len(todo), label="Ingesting", file=sys.stderr) as bar:
            for article, article_claims in extractor.run(todo):
                try:
                    claims += store_article(db, article, article_claims)
                    stored += 1
                except Exception as error:  # one article's failure must not stop the batch
                    errors.append(ReadError(article.path or article.id, f"not stored: {error}"))
                    click.echo(f"\nerror: {errors[-1]}", err=True)
                bar.update(1)
    pruned = prune_articles(db, seen) if prune else []
    click.echo(f"{stored} article(s) ingested with {claims} claim(s), {skipped} unchanged, "
               f"{len(pruned)} pruned, {len(errors)} error(s) -> {db_path}")
    if errors:
        sys.exit(1)


@cli.command()
@click.argument("input_path", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.File("w"), default="-", help="Prediction JSONL (default: stdout).")
@engine_option
@batch_option
def extract(input_path, output, engine, batch_size):
    """Write one prediction line per article of INPUT_PATH (JSONL with "id" and "text").

    The output is the prediction format read by the reference scorer: per article
    {"id", "quotes": [{"start", "end", "speaker", "speaker_start", "speaker_end", "cue", "kind", ...}]}.

    \b
    Example:
        tracker extract ../shared/gold/seed.jsonl -o seed.pred.jsonl
    """
    articles, errors = [], 0
    for item in read_jsonl(input_path):
        if isinstance(item, ReadError):
            errors += 1
            click.echo(f"error: {item}", err=True)
        else:
            articles.append(item)
    extractor = make_extractor(engine, batch_size)
    with click.progressbar(length=len(articles), label="Extracting", file=sys.stderr) as bar:
        for article, claims in extractor.run(articles):
            output.write(json.dumps({"id": article.id, "quotes": [c.as_prediction() for c in claims]},
                                    ensure_ascii=False) + "\n")
            bar.update(1)
    if errors:
        sys.exit(1)


@cli.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to serve.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
def serve(db_path, host, port):
    """Serve the claims database with Datasette and the project's metadata (read-only).

    \b
    Example:
        tracker serve --db db/claims.db --port 8001
    """
    from .publish import serve as serve_db

    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path} does not exist: run `tracker ingest` first")
    serve_db(db_path, host=host, port=port)
