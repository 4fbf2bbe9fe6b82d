"""``crosswire eval``: score the pipeline on public gold data.

Each corpus has its own command here; the scoring itself lives in ``crosswire.eval``.
"""

from __future__ import annotations

import typer

eval_app = typer.Typer(
    help="Score crosswire on public gold data (TempEval-3, ECB+, GVC, SemEval-2018 Task 5, MUC-4).",
    no_args_is_help=True,
)


@eval_app.command("semeval")
def semeval_command(
    data: str = typer.Option(None, "--data", help="semeval2018-t5 or gvc folder. Default: ../shared/data/semeval2018-t5."),
    limit: int = typer.Option(None, "--limit", help="Score only the first N incidents (by incident id)."),
    offset: int = typer.Option(0, "--offset", help="Skip the first N incidents (with --limit: a slice)."),
    split: str = typer.Option(None, "--split", help="GVC only: train or dev."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON on stdout."),
    errors: str = typer.Option(None, "--errors", help="Write every incident answered wrong (gold, system, per document) to this JSONL file."),
) -> None:
    """Killed, injured, date and city per incident and per document, from each incident's own ledger."""
    import json
    from pathlib import Path

    from rich.console import Console
    from rich.table import Table

    from crosswire.eval.ledgers import shared_data
    from crosswire.eval.semeval import evaluate
    from crosswire.settings import load_settings

    folder = Path(data) if data else shared_data("semeval2018-t5")
    try:
        scored = evaluate(folder, load_settings(), split=split, limit=limit, offset=offset)
    except FileNotFoundError as exc:
        Console(stderr=True).print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if errors:
        Path(errors).write_text("".join(json.dumps(m) + "\n" for m in scored.mistakes), encoding="utf-8")
    result = scored.as_dict()
    if as_json:
        print(json.dumps(result, indent=2))
        return
    table = Table(title=f"{result['corpus']}: {result['incidents']} incidents, {result['documents']} documents (accuracy %)")
    table.add_column("measure")
    table.add_column("per incident", justify="right")
    table.add_column("per document", justify="right")
    for name, value in result["per_incident"].items():
        table.add_row(name, f"{value:.1f}", f"{result['per_document'][name]:.1f}" if name in result["per_document"] else "—")
    for name, value in result["published"].items():
        table.add_row(f"published: {name}, counting questions exactly right", f"{value:.1f}", "")
    Console().print(table)


@eval_app.command("muc4")
def muc4_command(
    sets: str = typer.Option("tst1,tst2", "--sets", help="Comma-separated: dev, tst1, tst2."),
    data: str = typer.Option(None, "--data", help="muc4 folder. Default: ../shared/data/muc4."),
    limit: int = typer.Option(None, "--limit", help="Score only the first N messages of each set."),
    offset: int = typer.Option(0, "--offset", help="Skip the first N messages of each set (with --limit: a slice)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON on stdout."),
) -> None:
    """Slot precision, recall and F of ledger events mapped to MUC-4 templates, next to the 1992 systems."""
    import json
    from pathlib import Path

    from rich.console import Console
    from rich.table import Table

    from crosswire.eval.ledgers import shared_data
    from crosswire.eval.muc4 import evaluate
    from crosswire.eval.muc4_format import SETS
    from crosswire.settings import load_settings

    chosen = [s.strip().lower() for s in sets.split(",") if s.strip()]
    folder = Path(data) if data else shared_data("muc4")
    unknown = [s for s in chosen if s not in SETS]
    if unknown or not (folder / "tst1").exists():
        Console(stderr=True).print(f"[red]error:[/red] sets must be among {', '.join(SETS)} and {folder} must hold "
                                   "the MUC-4 distribution (dev/, tst1/, tst2/). Pass --sets and --data.")
        raise typer.Exit(2)
    result = evaluate(folder, load_settings(), chosen, limit=limit, offset=offset).as_dict()
    if as_json:
        print(json.dumps(result, indent=2))
        return
    table = Table(title=f"MUC-4 {'+'.join(chosen).upper()}: {result['messages']} messages, slot scores")
    for column in ("slot", "P", "R", "F"):
        table.add_column(column, justify="left" if column == "slot" else "right")
    for name, prf in result["slots"].items():
        table.add_row(name, *(f"{prf[k]:.1f}" for k in ("precision", "recall", "f")))
    table.add_row("all these slots", f"{result['precision']:.1f}", f"{result['recall']:.1f}", f"{result['f']:.1f}")
    for name, (tst3, tst4) in result["published_tst3_tst4_f"].items():
        table.add_row(f"published 1992 {name}, all slots, TST3 / TST4 F", "", "", f"{tst3:.1f} / {tst4:.1f}")
    Console().print(table)


@eval_app.command("time")
def time_command(
    gold_dir: str = typer.Argument(..., help="Folder of TimeML .tml files, e.g. ../shared/data/tempeval3/timebank."),
    out: str = typer.Option(..., "--out", help="Folder for the system's .tml files (created if missing)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON on stdout."),
) -> None:
    """TempEval-3 Task A: tag each document's TEXT from its DCT alone, then score spans, type and value."""
    import json
    from pathlib import Path

    from rich.console import Console
    from rich.table import Table

    from crosswire.errors import CrosswireError
    from crosswire.eval.time import PUBLISHED, evaluate_time
    from crosswire.settings import load_settings

    settings = load_settings()
    try:
        result = evaluate_time(Path(gold_dir), Path(out), settings.model, settings.batch_size)
    except CrosswireError as exc:
        Console(stderr=True).print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    scores = result.scores()
    if as_json:
        print(json.dumps({"documents": result.documents, "counts": result.counts.__dict__, "scores": scores,
                          "published_te3_platinum": PUBLISHED}, indent=2))
        return
    c = result.counts
    table = Table(title=f"TempEval-3 Task A on {gold_dir}: {result.documents} documents, {c.gold} gold and "
                        f"{c.system} system timexes (%)")
    columns = {"strict_f1": "strict F1", "relaxed_precision": "relaxed P", "relaxed_recall": "relaxed R",
               "relaxed_f1": "relaxed F1", "type_accuracy": "type acc", "value_accuracy": "value acc",
               "type_f1": "type F1", "value_f1": "value F1"}
    table.add_column("system")
    for header in columns.values():
        table.add_column(header, justify="right")
    table.add_row("crosswire", *(f"{scores[k]:.2f}" for k in columns))
    for name, figures in PUBLISHED.items():
        table.add_row(f"{name}, TE3-platinum", *(f"{figures[k]:.2f}" if k in figures else "—" for k in columns))
    Console().print(table)
    Console().print(f"strict P {scores['strict_precision']:.2f}  R {scores['strict_recall']:.2f}; "
                    f"system files in {out}")


def _coref_table(title: str, rows: dict[str, dict[str, float]]):
    from rich.table import Table

    table = Table(title=title)
    for column in ("response", "MUC F1", "B³ F1", "CEAF-e F1", "CoNLL F1"):
        table.add_column(column, justify="left" if column == "response" else "right")
    for name, s in rows.items():
        table.add_row(name, *(f"{s[k]:.1f}" if k in s else "—" for k in ("muc_f1", "b3_f1", "ceafe_f1", "conll_f1")))
    return table


@eval_app.command("ecbplus")
def ecbplus_command(
    directory: str = typer.Argument(..., help="Folder with corpus.txt and mentions.json (gold event mentions)."),
    out: str = typer.Option(..., "--out", help="RESPONSE.json: the mentions in the same order, each with a cluster."),
    embeddings: bool = typer.Option(True, "--embeddings/--no-embeddings",
                                    help="Use contextual vectors (the `embeddings` extra); without, words and the parse only."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON on stdout."),
) -> None:
    """Cross-document event coreference on ECB+ with gold mentions and predicted stories (no topic ids)."""
    import json
    import time
    from pathlib import Path

    from rich.console import Console

    from crosswire.errors import CrosswireError
    from crosswire.eval.ecbplus import PUBLISHED, evaluate_ecbplus
    from crosswire.settings import load_settings

    started = time.perf_counter()
    try:
        result = evaluate_ecbplus(Path(directory), model=load_settings().model, embeddings=embeddings)
    except CrosswireError as exc:
        Console(stderr=True).print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    Path(out).write_text(json.dumps(result.mentions, indent=1), encoding="utf-8")
    summary = {"documents": result.documents, "stories": result.stories, "mentions": len(result.mentions),
               "events": result.events, "seconds": round(time.perf_counter() - started, 1),
               "scores": result.scores.as_dict() if result.scores else None, "published_test_conll_f1": PUBLISHED}
    if as_json:
        print(json.dumps(summary, indent=2))
        return
    rows = {"crosswire": summary["scores"]} if summary["scores"] else {}
    rows |= {f"published (test): {k}": {"conll_f1": v} for k, v in PUBLISHED.items()}
    Console().print(_coref_table(f"ECB+ {directory}: {result.documents} documents in {result.stories} stories, "
                                 f"{len(result.mentions)} mentions in {result.events} events (%)", rows))
    Console().print(f"response in {out}; {summary['seconds']} s")


@eval_app.command("gvc")
def gvc_command(
    directory: str = typer.Argument(None, help="GVC folder with documents.jsonl. Default: ../shared/data/gvc."),
    split: str = typer.Option("dev", "--split", help="train or dev."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON on stdout."),
) -> None:
    """Gun-violence reports grouped into incidents (document-level coreference), next to simple baselines."""
    import json
    from pathlib import Path

    from rich.console import Console

    from crosswire.errors import CrosswireError
    from crosswire.eval.gvc import BASELINES, evaluate_gvc
    from crosswire.eval.ledgers import shared_data

    folder = Path(directory) if directory else shared_data("gvc")
    try:
        result = evaluate_gvc(folder, split=split)
    except CrosswireError as exc:
        Console(stderr=True).print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    scores = result.scores.as_dict() if result.scores else None
    if as_json:
        print(json.dumps({"split": split, "documents": result.documents, "incidents_found": result.incidents_found,
                          "scores": scores, "baselines_conll_f1": BASELINES.get(split, {})}, indent=2))
        return
    rows = {"crosswire stories": scores} if scores else {}
    rows |= {f"baseline: {k}": {"conll_f1": v} for k, v in BASELINES.get(split, {}).items()}
    Console().print(_coref_table(f"GVC {split}: {result.documents} documents into {result.incidents_found} incidents (%)", rows))


@eval_app.command("syndication")
def syndication_command(
    corpus: str = typer.Argument(None, help="Folder of reports to copy. Default: the bundled examples/corpus."),
    truth: str = typer.Option(None, "--truth", help="JSON {\"copies\": [[names...]]}: reports of CORPUS that are already "
                              "copies of each other. Default: examples/syndication.json with the bundled corpus."),
    keep: str = typer.Option(None, "--keep", help="Also write the generated copies to this folder, to read or build."),
    seed: int = typer.Option(7, "--seed", help="Random seed of the alterations."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON on stdout."),
) -> None:
    """Copies of each report under other outlets (new headline, cut paragraphs, page furniture, new
    dateline): do they fall into their original's origin group, and do independent reports stay apart?"""
    import json
    import tempfile
    from pathlib import Path

    from rich.console import Console
    from rich.table import Table

    from crosswire.errors import CrosswireError
    from crosswire.eval.syndication import make_copies, read_truth, score_origins

    examples = Path(__file__).resolve().parents[3] / "examples"
    folder = Path(corpus) if corpus else examples / "corpus"
    truth_file = Path(truth) if truth else (examples / "syndication.json" if corpus is None else None)
    try:
        with tempfile.TemporaryDirectory(prefix="crosswire-syndication-") as tmp:
            out = Path(keep) if keep else Path(tmp)
            written = make_copies(folder, out, seed=seed)
            scores = score_origins(out, written, read_truth(truth_file))
    except CrosswireError as exc:
        Console(stderr=True).print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if as_json:
        print(json.dumps(scores.as_dict(), indent=2))
        return
    table = Table(title=f"Syndication: {scores.documents} reports and copies from {folder}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name in ("true_origins", "found_origins"):
        table.add_row(name.replace("_", " "), str(getattr(scores, name)))
    for name in ("precision", "recall", "f1"):
        table.add_row(f"same-origin pairs: {name}", f"{100 * getattr(scores, name):.1f}")
    Console().print(table)
    for label, pairs in (("copies not grouped", scores.missed), ("independent reports grouped", scores.merged)):
        if pairs:
            Console().print(f"{label}: " + ", ".join(f"{a} ~ {b}" for a, b in pairs[:10]) + (" ..." if len(pairs) > 10 else ""))
