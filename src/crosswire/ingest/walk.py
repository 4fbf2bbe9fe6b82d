"""Choose the files to read: walk folders in a fixed order, refuse what cannot be read before reading it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from crosswire.records import Skipped
from crosswire.settings import Settings

Format = Literal["txt", "html", "jsonl", "warc"]

SUFFIXES: dict[str, Format] = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
}


def format_of(path: Path) -> Format | None:
    """The format a file name announces, or None when crosswire does not read it."""
    name = path.name.lower()
    # Longest suffix first, so "a.jsonl.gz" is not taken for a bare ".gz".
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    return None


def walk(paths: Iterable[Path], settings: Settings) -> Iterator[tuple[Path, Format] | Skipped]:
    """Files to read, with their format, or a `Skipped` for a path that cannot be read.

    Folders are walked recursively in name order; hidden entries and files of other types inside a
    folder are passed over silently, but a file named explicitly is always answered for. A file is
    given once even when named twice or inside a folder also named; only the paths named are
    remembered, not every file met, so memory does not grow with the corpus.
    """
    named: list[Path] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            yield Skipped(path=str(path), reason="no such file or folder: check the path")
            continue
        key = path.resolve()
        if any(key == earlier or earlier in key.parents for earlier in named):
            continue  # inside a folder already walked, or named before
        folder = path.is_dir()
        files: Iterable[Path | Skipped] = _folder(path) if folder else [path]
        for file in files:
            if isinstance(file, Skipped):
                yield file
            elif not (folder and named and file.resolve() in named):  # a file named before this folder
                yield _check(file, settings)
        named.append(key)


def _folder(folder: Path) -> Iterator[Path | Skipped]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield Skipped(path=str(folder), reason=f"folder cannot be listed ({exc.strerror}): check its permissions")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            # Symlinked folders are not followed: a link back up the tree would never end.
            if not entry.is_symlink():
                yield from _folder(entry)
        elif entry.is_file() and format_of(entry) is not None:
            yield entry


def _check(file: Path, settings: Settings) -> tuple[Path, Format] | Skipped:
    fmt = format_of(file)
    if fmt is None:
        known = ", ".join(SUFFIXES)
        return Skipped(
            path=str(file),
            reason=f"unsupported file type {file.suffix or '(no extension)'!r}: crosswire reads {known}. "
            "Convert it to one of these, or leave it out.",
        )
    try:
        size = file.stat().st_size
    except OSError as exc:
        return Skipped(path=str(file), reason=f"cannot be read ({exc.strerror}): check its permissions")
    if size == 0:
        return Skipped(path=str(file), reason="empty file: remove it, or save the article into it again")
    limit = settings.max_file_mb * 1024 * 1024
    # A web archive streams record by record, each page held to the limit (ingest/warc.py), so a
    # 1 GB CC-NEWS crawl file is read, not refused.
    if size > limit and fmt != "warc":
        return Skipped(
            path=str(file),
            reason=f"file is {size / 1024 / 1024:.2f} MB, over max_file_mb = {settings.max_file_mb:g}: "
            "split it, or raise max_file_mb in crosswire.toml",
        )
    return file, fmt
