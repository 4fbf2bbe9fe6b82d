"""``crosswire eval``: score the pipeline on public gold data.

Each corpus has its own command here; the scoring itself lives in ``crosswire.eval``.
"""

from __future__ import annotations

import typer

eval_app = typer.Typer(
    help="Score crosswire on public gold data (TempEval-3, ECB+, GVC, SemEval-2018 Task 5, MUC-4).",
    no_args_is_help=True,
)
