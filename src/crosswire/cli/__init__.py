"""The `crosswire` command: thin wrappers that parse, call one library function, and print.

Exit codes: 0 everything read; 1 done, but some files were skipped; 2 bad usage or nothing could be done.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from crosswire.cli.evaluate import eval_app
from crosswire.cli.versions import versions
from crosswire.errors import CrosswireError, UsageError
from crosswire.export import ledger_from_store, ledger_schema, write_csv, write_json
from crosswire.report import render_report
from crosswire.settings import load_settings
from crosswire.store import Store

EXIT_OK, EXIT_SKIPPED, EXIT_FAILED = 0, 1, 2

app = typer.Typer(
    help="Turn many news reports about the same events into one sourced event ledger.\n\n"
    "Typical use: `crosswire build reports/ --db story.duckdb`, then `crosswire timeline --db story.duckdb`, "
    "`crosswire report --db story.duckdb -o report.html` or `crosswire export --db story.duckdb -o ledger.json`.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")
app.command()(versions)
console = Console(stderr=True)
out = Console()

DbOption = Annotated[Optional[Path], typer.Option("--db", help="Ledger file (DuckDB). Default: crosswire.duckdb.")]
ConfigOption = Annotated[Optional[Path], typer.Option("--config", help="Settings file. Default: ./crosswire.toml if present.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print a machine-readable JSON summary on stdout.")]


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def _fail(exc: CrosswireError) -> typer.Exit:
    console.print(Text.assemble(("error:", "red"), f" {exc}"), soft_wrap=True)
    return typer.Exit(EXIT_FAILED)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of reports: .txt, .html/.htm, .jsonl(.gz), .warc(.gz).")],
    db: DbOption = None,
    source: Annotated[Optional[str], typer.Option(help="Outlet name for every document of this batch.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for every document of this batch.")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline to use instead of the configured one.")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Processes for the per-document stage (default: one per core; 1: no pool).")] = None,
    engine: Annotated[Optional[Engine], typer.Option(help="local: a process pool on this machine; dask: a Dask cluster (crosswire[dask]).")] = None,
    scheduler: Annotated[Optional[str], typer.Option(help="With --engine dask: a running scheduler's address (default: a local cluster).")] = None,
    evidence: Annotated[Optional[list[Path]], typer.Option(help="Analyst evidence file (YAML or CSV) for the competing versions; repeatable.")] = None,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Read reports into the ledger: ingest, clean, extract, link. Rerunning adds only what is new."""
    from crosswire.pipeline import build as run_build  # spaCy loads only for commands that need it

    try:
        settings = load_settings(
            config, db=str(db) if db else None, model=model, workers=workers,
            engine=engine.value if engine else None, scheduler=scheduler,
            evidence=tuple(str(p) for p in evidence) if evidence else None,
        )
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise UsageError(f"no such file or folder: {', '.join(missing)}. Check the path.")
        with Store.open(settings.db, memory_limit=settings.store_memory) as store, _progress() as progress:
            task = progress.add_task("reading", total=None)

            def tick(stage: str, done: int, total: int | None) -> None:
                progress.update(task, description=stage, completed=done, total=total)

            report = run_build(paths, store, settings, source=source, published=published, progress=tick)
    except CrosswireError as exc:
        raise _fail(exc)
    for item in report.skipped:
        # Paths and reasons are plain text, one line each: never rich markup, never wrapped.
        console.print(Text.assemble(("skipped", "yellow"), f" {item.path}: {item.reason}"), soft_wrap=True)
    for path, doc_id in report.duplicates:
        console.print(Text.assemble(("duplicate", "dim"), f" {path}: same text as document {doc_id}, stored once"),
                      soft_wrap=True)
    for path, note in report.flagged:
        console.print(Text.assemble(("flagged", "yellow"), f" {path}: {note}"), soft_wrap=True)
    summary = {
        "db": settings.db,
        "read": report.read,
        "added": report.added,
        "unchanged": report.unchanged,
        "duplicates": len(report.duplicates),
        "skipped": len(report.skipped),
        "flagged": len(report.flagged),
        "events_updated": report.events_touched,
    }
    if as_json:
        out.print_json(json.dumps(summary))
    else:
        console.print(
            f"[bold]{report.added}[/bold] new documents, {report.unchanged} unchanged, "
            f"{len(report.duplicates)} duplicates, [bold]{len(report.skipped)}[/bold] skipped; "
            f"{report.events_touched} events updated in {settings.db}"
        )
    if report.added == 0 and report.unchanged == 0 and not report.duplicates:
        raise typer.Exit(EXIT_FAILED)
    raise typer.Exit(EXIT_SKIPPED if report.skipped else EXIT_OK)


@app.command()
def export(
    db: DbOption = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="json: the full ledger (docs/ledger.schema.json); csv: one row per event.")] = ExportFormat.json,
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write; '-' for stdout.")] = Path("-"),
    config: ConfigOption = None,
) -> None:
    """Write the ledger as JSON (the documented contract) or CSV."""
    try:
        settings = load_settings(config, db=str(db) if db else None)
        with Store.open(settings.db, read_only=True, memory_limit=settings.store_memory) as store:
            ledger = ledger_from_store(store)
    except CrosswireError as exc:
        raise _fail(exc)
    if str(output) == "-":
        if fmt is ExportFormat.json:
            sys.stdout.write(ledger.model_dump_json(indent=2) + "\n")
        else:
            write_csv(ledger, Path("/dev/stdout"))
        return
    (write_json if fmt is ExportFormat.json else write_csv)(ledger, output)
    console.print(f"wrote {len(ledger.events)} events to {output}")


@app.command()
def report(
    db: DbOption = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("report.html"),
    config: ConfigOption = None,
) -> None:
    """Write a self-contained HTML report: timeline, evidence, conflicts. Opens offline in any browser."""
    try:
        settings = load_settings(config, db=str(db) if db else None)
        with Store.open(settings.db, read_only=True, memory_limit=settings.store_memory) as store:
            ledger = ledger_from_store(store)
    except CrosswireError as exc:
        raise _fail(exc)
    output.write_text(render_report(ledger), encoding="utf-8")
    console.print(f"wrote {output} ({len(ledger.events)} events, {len(ledger.conflicts)} conflicts)")


@app.command()
def timeline(
    db: DbOption = None,
    event_type: Annotated[Optional[str], typer.Option("--type", help="Only events of this type (ASSAULT, COERCE, ...).")] = None,
    min_sources: Annotated[int, typer.Option(help="Only events with at least this many independent sources.")] = 1,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Print the dated events in order, with their sources and status."""
    try:
        settings = load_settings(config, db=str(db) if db else None)
        with Store.open(settings.db, read_only=True, memory_limit=settings.store_memory) as store:
            events = store.events()
    except CrosswireError as exc:
        raise _fail(exc)
    events = [
        e for e in events
        if (event_type is None or e.type == event_type.upper()) and e.independent_sources >= min_sources
    ]
    if as_json:
        out.print_json(json.dumps([e.model_dump(mode="json") for e in events]))
        return
    table = Table(title=f"{len(events)} events", show_lines=False)
    for column in ("date", "type", "event", "sources", "status"):
        table.add_column(column)
    for e in events:
        when = "undated" if not e.date else (e.date.start if e.date.start == e.date.end else f"{e.date.start}…{e.date.end}")
        cells = (when, e.type + (f"/{e.mode}" if e.mode else ""), e.summary, str(e.independent_sources), e.status)
        table.add_row(*(Text(c) for c in cells))  # article text is never read as rich markup
    out.print(table)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the export (the same as docs/ledger.schema.json)."""
    sys.stdout.write(json.dumps(ledger_schema(), indent=2) + "\n")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on. Keep 127.0.0.1 unless others must reach it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    config: ConfigOption = None,
) -> None:
    """Browse the ledger in a local web app: timeline, events with their evidence, entities, sources, search."""
    try:
        from crosswire.serve import serve as run_server
    except ImportError as exc:
        # Text, not markup: rich would read "[serve]" as a style tag and drop it.
        console.print(Text(f"error: crosswire serve needs the serve extra ({exc.name} is missing). Run: pip install 'crosswire[serve]'"))
        raise typer.Exit(EXIT_FAILED)
    try:
        settings = load_settings(config, db=str(db) if db else None)
        console.print(f"serving {settings.db} on http://{host}:{port}/ (Ctrl+C stops)")
        run_server(settings.db, host=host, port=port)
    except CrosswireError as exc:
        raise _fail(exc)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}"),
        TimeElapsedColumn(), console=console, transient=True,
    )


def main() -> None:
    app()
