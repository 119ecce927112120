"""Input readers: files, folders and standard input -> :class:`~parley.model.Article` records.

>>> report = ReadReport()
>>> for article in read_paths(["news/", "extra.jsonl"], default_date="2024-03-05", report=report):
...     ...
>>> report.read, report.skipped()

Supported inputs: ``.txt``, ``.html``/``.htm``, ``.jsonl``/``.json``/``.ndjson``, ``.csv``,
``.rss``/``.atom``/``.xml`` feeds, folders (recursively, sorted by path; hidden files and unknown
extensions skipped) and ``-`` for standard input (JSON Lines when it starts with ``{``, else one
plain-text article with id ``stdin``).

Reading is lazy from end to end. A bad file or record never stops the run: it becomes an
:class:`~parley.errors.InputError` in ``report.errors``, is logged on the ``parley.ingest`` logger,
and reading goes on with the next record or file.
"""
from __future__ import annotations

import itertools
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parley.errors import Errors, InputError
from parley.ingest import feeds, html, records, text
from parley.model import Article

__all__ = ["READERS", "ReadReport", "read_path", "read_paths"]

log = logging.getLogger("parley.ingest")

STDIN = "-"
STDIN_SOURCE = "<stdin>"
"""How standard input is named in ``Article.source`` and in error messages."""

Reader = Callable[[Path, str], Iterator[Article | InputError]]
READERS: dict[str, Reader] = {
    ".txt": text.read_txt,
    ".html": html.read_html,
    ".htm": html.read_html,
    ".jsonl": records.read_jsonl,
    ".json": records.read_jsonl,
    ".ndjson": records.read_jsonl,
    ".csv": records.read_csv,
    ".rss": feeds.read_feed,
    ".atom": feeds.read_feed,
    ".xml": feeds.read_feed,
}
"""File suffix (lower case) -> reader yielding articles and the errors met on the way."""


@dataclass
class ReadReport:
    """What a read produced: how many articles, and every problem met on the way."""

    errors: list[InputError] = field(default_factory=list)
    """Problems in the order they were met; each skipped a record or a whole file."""
    read: int = 0
    """Articles yielded."""

    def skipped(self) -> int:
        """How many records or files were skipped because of a problem."""
        return len(self.errors)

    def add(self, error: InputError) -> None:
        """Record a problem and log it as a warning."""
        self.errors.append(error)
        log.warning(str(error))


def read_paths(
    paths: Iterable[str], *, default_date: str | None = None, report: ReadReport | None = None
) -> Iterator[Article]:
    """Articles from every path in turn (see the module docstring for what a path may be).

    ``default_date`` (``YYYY-MM-DD``) fills ``Article.date`` when a record has none. Problems go to
    ``report`` (a fresh one when None); they are never raised. An invalid ``default_date`` raises
    :class:`InputError` (P009) at once, before anything is read.
    """
    if isinstance(paths, str | Path):
        raise TypeError("read_paths() takes a list of paths; use read_path() for a single one")
    _check_default_date(default_date)
    report = report if report is not None else ReadReport()
    return itertools.chain.from_iterable(read_path(path, default_date=default_date, report=report) for path in paths)


def read_path(path: str, *, default_date: str | None = None, report: ReadReport | None = None) -> Iterator[Article]:
    """Articles from one path: a file, a folder or ``-``; same rules as :func:`read_paths`."""
    default_date = _check_default_date(default_date)
    return _read(str(path), default_date, report if report is not None else ReadReport())


def _read(path: str, default_date: str | None, report: ReadReport) -> Iterator[Article]:
    """Articles from one path, with default dates filled in and problems sent to ``report``."""
    if path == STDIN:
        yield from _deliver(_stdin_items(), STDIN_SOURCE, default_date, report)
        return
    target = Path(path)
    if target.is_dir():
        for file in _walk(target):
            yield from _deliver(READERS[file.suffix.lower()](file, str(file)), str(file), default_date, report)
    elif not target.exists():
        report.add(InputError("P001", path, Errors.P001))
    elif target.suffix.lower() not in READERS:
        report.add(InputError("P002", path, Errors.P002.format(suffix=target.suffix)))
    else:
        yield from _deliver(READERS[target.suffix.lower()](target, path), path, default_date, report)


def _deliver(
    items: Iterator[Article | InputError], source: str, default_date: str | None, report: ReadReport
) -> Iterator[Article]:
    """Pass articles on (dated, counted) and file errors in ``report``; an unreadable file is P001."""
    try:
        for item in items:
            if isinstance(item, InputError):
                report.add(item)
                continue
            if item.date is None:
                item.date = default_date
            report.read += 1
            yield item
    except OSError as exc:  # e.g. permission denied, or the file vanished while being read
        report.add(InputError("P001", source, exc.strerror or str(exc)))


def _walk(folder: Path) -> list[Path]:
    """Supported, non-hidden files under ``folder``, recursively, sorted by path."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root, f) for f in files if not f.startswith(".") and Path(f).suffix.lower() in READERS]
    if not found:
        log.warning("%s: the folder holds no supported files (%s)", folder, " ".join(sorted(READERS)))
    return sorted(found, key=lambda p: p.parts)


def _stdin_items() -> Iterator[Article | InputError]:
    """Standard input: JSON Lines when the first non-space character is ``{``, else one text."""
    stream = sys.stdin
    try:
        head = ""
        while not head[-1:] or head[-1].isspace():
            char = stream.read(1)
            if not char:
                break
            head += char
        if head.lstrip()[:1] == "{":
            first = head + stream.readline()
            lines = itertools.chain(_split_lines(first), stream)
            yield from records.read_jsonl_lines(lines, STDIN_SOURCE, "stdin")
        else:
            yield text.text_article(head + stream.read(), "stdin", STDIN_SOURCE)
    except UnicodeDecodeError as exc:
        yield text.decode_error(exc, STDIN_SOURCE)


def _split_lines(chunk: str) -> list[str]:
    """Split on ``\\n`` only (keeping it), as file iteration does; ``str.splitlines`` splits more."""
    parts = chunk.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _check_default_date(value: str | None) -> str | None:
    """``value`` as ``YYYY-MM-DD`` (None stays None); P009 when it is not a date."""
    if value is None:
        return None
    date = text.parse_date(value)
    if date is None:
        raise InputError("P009", "--date", Errors.P009.format(value=value))
    return date
