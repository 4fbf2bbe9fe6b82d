"""`crosswire versions`: print the competing-versions matrices (who did it, toll, date, place) of a ledger."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from crosswire.errors import CrosswireError
from crosswire.link.versions import select_versions
from crosswire.records import Event, Version
from crosswire.settings import load_settings
from crosswire.store import Store

CELL_MARKS = {"consistent": ("C", "green"), "inconsistent": ("I", "red"), None: ("·", "dim")}


def versions(
    db: Annotated[Optional[Path], typer.Option("--db", help="Ledger file (DuckDB). Default: crosswire.duckdb.")] = None,
    event: Annotated[Optional[str], typer.Option(help="Only events with this id, or these words in their summary or place.")] = None,
    attribute: Annotated[Optional[str], typer.Option(help="Only this attribute: perpetrator, counts.killed, date, place.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Settings file. Default: ./crosswire.toml if present.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the versions as JSON (the export's `versions`).")] = False,
) -> None:
    """Print competing versions as ACH matrices: evidence rows, version columns, C(onsistent)/I(nconsistent) cells."""
    console = Console(stderr=True)
    try:
        settings = load_settings(config, db=str(db) if db else None)
        with Store.open(settings.db, read_only=True, memory_limit=settings.store_memory) as store:
            events = {e.id: e for e in store.events()}
            found = select_versions(store.versions(), events, event=event, attribute=attribute)
    except CrosswireError as exc:
        console.print(Text.assemble(("error:", "red"), f" {exc}"), soft_wrap=True)
        raise typer.Exit(2)
    out = Console()
    if as_json:
        out.print_json(json.dumps([v.model_dump(mode="json") for v in found]))
        return
    if not found:
        console.print("No contested attribute: no event has claims about who did it, nor disagreeing figures, dates or places.")
    for version in found:
        out.print(matrix(version, events.get(version.event)))


def matrix(version: Version, event: Event | None) -> Group:
    """One matrix as a rich table: a row per independent piece of evidence, a column per version."""
    title = f"{version.attribute} of {event.summary if event else version.event} ({version.event})"
    table = Table(title=Text(title), show_lines=True, title_justify="left")
    table.add_column("evidence (holder · stance · value · modality)")
    table.add_column("independence")
    for value in version.values:
        table.add_column(Text(value.value + (f"\n({value.related})" if value.related else "")), justify="center")
    for piece in version.evidence:
        cells = []
        for value in version.values:
            cell = value.cell_of(piece.id)
            mark, style = CELL_MARKS[cell.cell if cell else None]
            cells.append(Text(mark, style=style))
        who = f"{piece.holder} · {piece.stance} {piece.about} · {piece.modality}"
        if piece.stake:
            who += f" · STAKE: {piece.stake}"
        quote = piece.text if len(piece.text) <= 160 else piece.text[:157] + "…"
        table.add_row(Text(f"{who}\n“{quote}”"), Text(f"{piece.independence}\n{piece.origin}"), *cells)
    table.add_row(
        Text("independent consistent / inconsistent (without stake)", style="bold"), Text(""),
        *(Text(f"{v.consistent} / {v.inconsistent} ({v.inconsistent_without_stake})", style="bold") for v in version.values),
    )
    return Group(table, Text(f"Rule: {version.rule}", style="dim"), Text(f"Reading: {version.reading}"), Text(""))
