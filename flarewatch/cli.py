"""The `flarewatch` command. Each command opens what it needs and makes one library call."""

from __future__ import annotations

import functools
import logging
import os
import shutil
import signal
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click
from pydantic import ValidationError

from crawler.sources import REGISTRY
from flarewatch import __version__
from flarewatch.classify import classify_stream
from flarewatch.config import ConfigError, Settings, load_settings
from flarewatch.export import FORMATS, export
from flarewatch.store import Store

DEFAULT_CONFIG = "config/flarewatch.toml"
MODEL_ENV = "FLAREWATCH_MODEL"
CORPUS_DIR = Path(__file__).resolve().parents[1] / "data" / "corpus"
F = TypeVar("F", bound=Callable[..., Any])


def _config_path() -> Path:
    return Path(os.environ.get("FLAREWATCH_CONFIG", DEFAULT_CONFIG))


def _settings(ctx: click.Context) -> Settings:
    path: Path = ctx.obj["config"]
    try:
        return load_settings(path)
    except ConfigError as exc:
        for line in exc.lines:
            click.echo(f"error: {line}", err=True)
        ctx.exit(2)
        raise  # unreachable: ctx.exit raises


def pass_settings(func: F) -> F:
    @click.pass_context
    @functools.wraps(func)
    def wrapper(ctx: click.Context, *args: Any, **kwargs: Any) -> Any:
        return ctx.invoke(func, _settings(ctx), *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def pass_store(func: F) -> F:
    @click.pass_context
    @functools.wraps(func)
    def wrapper(ctx: click.Context, *args: Any, **kwargs: Any) -> Any:
        settings = _settings(ctx)
        store = Store.open(settings.store.path)
        try:
            return ctx.invoke(func, settings, store, *args, **kwargs)
        finally:
            store.close()

    return wrapper  # type: ignore[return-value]


def _model_path(settings: Settings | None, model: Path | None) -> Path | None:
    """--model, then the configured model, then $FLAREWATCH_MODEL, then the trained one in
    the runtime folder; None lets the detector fall back to its rules."""
    if model is not None:
        return model
    if settings is not None and settings.detector.model is not None:
        return settings.detector.model
    if os.environ.get(MODEL_ENV):
        return Path(os.environ[MODEL_ENV])
    if settings is not None and (default := _models_dir(settings) / "current").exists():
        return default
    return None


def _models_dir(settings: Settings) -> Path:
    return settings.runtime_dir / "models"


def _load_detector(settings: Settings | None, model: Path | None = None) -> Any:
    from detector import Detector  # deferred: jieba and the model load take a moment

    weights = settings.detector.severity_weights if settings else None
    try:
        detector = Detector.load(_model_path(settings, model), weights=weights or None)
    except (ValueError, OSError) as exc:
        raise click.ClickException(f"cannot load the detector: {exc}") from None
    if settings is not None:
        detector.add_words([t for b in settings.watchlist.brands for t in b.terms()])
    return detector


@click.group()
@click.version_option(__version__, prog_name="flarewatch")
@click.option("-c", "--config", type=click.Path(path_type=Path), default=_config_path,
              show_default="config/flarewatch.toml or $FLAREWATCH_CONFIG",
              help="Configuration file.")
@click.option("-v", "--verbose", is_flag=True, help="Log debug detail.")
@click.pass_context
def cli(ctx: click.Context, config: Path, verbose: bool) -> None:
    """Flarewatch: catch complaints on their way to becoming public-opinion crises."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    ctx.ensure_object(dict)
    ctx.obj["config"] = config


@cli.command()
@click.option("--force", is_flag=True, help="Overwrite an existing configuration file.")
@click.pass_context
def init(ctx: click.Context, force: bool) -> None:
    """Write a starting configuration (if missing) and create the store."""
    path: Path = ctx.obj["config"]
    if path.exists() and not force:
        click.echo(f"{path} exists; keeping it (use --force to overwrite)")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(__file__).with_name("starter.toml"), path)
        click.echo(f"wrote {path}")
    settings = _settings(ctx)
    Store.open(settings.store.path).close()
    click.echo(f"store ready at {settings.store.path}")


@cli.command()
@click.option("--dashboard/--no-dashboard", default=False,
              help="Also serve the dashboard (http://localhost:PORT).")
@click.option("--port", default=8501, show_default=True, help="Dashboard port.")
@click.pass_context
def run(ctx: click.Context, dashboard: bool, port: int) -> None:
    """Poll every enabled source on its interval until Ctrl-C or SIGTERM."""
    from flarewatch.runner import run as run_forever

    settings = _settings(ctx)
    Store.open(settings.store.path).close()
    run_forever(settings, _load_detector(settings), with_dashboard=dashboard,
                config_path=ctx.obj["config"].resolve(), port=port)


@cli.command()
@click.option("-s", "--source", "names", multiple=True, help="Only this source (repeatable).")
@pass_store
def poll(settings: Settings, store: Store, names: tuple[str, ...]) -> None:
    """Run one polling round now and print what it stored."""
    from flarewatch.pipeline import Pipeline

    try:
        sources = [settings.source(n) for n in names] or [
            s for s in settings.sources if s.enabled]
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from None
    pipeline = Pipeline(settings, store, _load_detector(settings))
    for source in sources:
        click.echo(pipeline.poll(source).summary())


@cli.command(name="import")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--platform", default="import", show_default=True,
              help="Platform name for the posts (unless a column names it).")
@click.option("-m", "--map", "mapping", multiple=True, metavar="FIELD=COLUMN",
              help="Which column holds a field, e.g. -m text=内容 -m created_at=发布时间; "
                   "fields: text (repeatable: joined), id, platform, author_id, author_name, "
                   "author_followers, url, created_at, reposts, comments, likes.")
@pass_store
def import_cmd(settings: Settings, store: Store, file: Path, platform: str,
               mapping: tuple[str, ...]) -> None:
    """Import posts from a CSV, TSV, JSONL or Excel export; bad rows are listed, not fatal."""
    from crawler.importer import ColumnMapping, import_file
    from flarewatch.pipeline import Pipeline

    try:
        columns = ColumnMapping.model_validate(_mapping_dict(mapping))
    except (ValueError, ValidationError) as exc:
        raise click.BadParameter(str(exc), param_hint="--map") from None
    imported = import_file(file, columns, platform)
    for error in imported.errors:
        click.echo(f"row {error.row}: skipped: {error.message}", err=True)
    result = Pipeline(settings, store, _load_detector(settings)).ingest(
        f"import:{file.name}", imported.posts)
    click.echo(f"{imported.rows} rows read, {len(imported.errors)} skipped; {result.summary()}")
    if imported.errors:
        raise SystemExit(1)


def _mapping_dict(pairs: tuple[str, ...]) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise ValueError(f"{pair!r} is not FIELD=COLUMN")
        field = field.strip()
        if field == "text":
            mapping.setdefault("text", []).append(column.strip())
        else:
            mapping[field] = column.strip()
    mapping.setdefault("text", ["text"])
    return mapping


@cli.command()
@click.option("-i", "--input", "source", type=click.File("r", encoding="utf-8"), default="-",
              help="JSONL file to read (default: stdin).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="JSONL file to write (default: stdout).")
@click.option("--model", type=click.Path(path_type=Path), default=None,
              help="Model artifact (default: the configured one, else var/models/current).")
@click.pass_context
def classify(ctx: click.Context, source: Any, output: Any, model: Path | None) -> None:
    """Classify JSONL posts ({"text": ...} per line) and write them back with results."""
    settings = _settings(ctx) if ctx.obj["config"].exists() else None
    detector = _load_detector(settings, model)
    report = classify_stream(detector, source, output)
    for line_no, problem in report.skipped:
        click.echo(f"line {line_no}: skipped: {problem}", err=True)
    if report.skipped:
        click.echo(f"{report.classified} classified, {len(report.skipped)} skipped", err=True)
        ctx.exit(1)


@cli.command()
@pass_store
def sources(settings: Settings, store: Store) -> None:
    """Show each configured source and its health; list the source kinds."""
    from flarewatch.health_report import source_table

    click.echo(source_table(settings, store))
    click.echo("\nsource kinds: " + ", ".join(
        f"{k} ({spec.description})" for k, spec in sorted(REGISTRY.items())))


@cli.command()
@click.option("--if-missing", is_flag=True, help="Do nothing when a trained model exists.")
@click.option("--corpus", type=click.Path(path_type=Path, exists=True, file_okay=False),
              default=CORPUS_DIR, show_default=True, help="Labeled corpus folder.")
@pass_store
def train(settings: Settings, store: Store, if_missing: bool, corpus: Path) -> None:
    """Train the escalation model on the corpus plus analysts' labels in the store."""
    from detector.train import train as train_model

    current = _models_dir(settings) / "current"
    if if_missing and current.exists():
        click.echo(f"a trained model exists at {current}; not training")
        return
    labels = store.labeled_examples()
    click.echo(f"training on {corpus} and {len(labels)} analyst label(s)…")
    info = train_model(corpus, extra_labels=labels, out_dir=_models_dir(settings))
    click.echo(info.text())


@cli.command()
@click.option("--corpus", type=click.Path(path_type=Path, exists=True, file_okay=False),
              default=CORPUS_DIR, show_default=True, help="Labeled corpus folder.")
@click.option("--report", type=click.Path(path_type=Path), default=None,
              help="Report file (default: <runtime_dir>/reports/evaluation.md).")
@pass_store
def evaluate(settings: Settings, store: Store, corpus: Path, report: Path | None) -> None:
    """Held-out and 5-fold scores of the model against the keyword baseline."""
    from detector.evaluate import evaluate as evaluate_model

    path = report or settings.runtime_dir / "reports" / "evaluation.md"
    result = evaluate_model(corpus, report_path=path, extra_labels=store.labeled_examples())
    click.echo(result.text())
    click.echo(f"report written to {path}")


@cli.command(name="export")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="csv",
              show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option("--since", type=click.DateTime(), default=None, help="Posts created since.")
@click.option("--flagged", is_flag=True, help="Only threat, public or extortion posts.")
@pass_store
def export_cmd(settings: Settings, store: Store, fmt: str, output: Path,
               since: datetime | None, flagged: bool) -> None:
    """Export posts with their detections (CSV, JSONL or Excel)."""
    count = export(store, output, fmt, since=since, flagged_only=flagged)
    click.echo(f"{count} posts written to {output}")


@cli.command()
@click.option("--port", default=8501, show_default=True)
@click.pass_context
def dashboard(ctx: click.Context, port: int) -> None:
    """Serve the dashboard alone (the store is read as `run` fills it)."""
    _settings(ctx)
    from flarewatch.runner import start_dashboard

    proc = start_dashboard(ctx.obj["config"].resolve(), port)
    # SIGTERM would end this process and orphan the server on its port: pass it on.
    signal.signal(signal.SIGTERM, lambda *_: proc.terminate())
    try:
        proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    cli(obj={})


if __name__ == "__main__":
    main()
