"""Input readers: files, folders and standard input -> :class:`~parley.model.Article` records.

>>> report = ReadReport()
>>> for article in read_paths(["news/", "extra.jsonl"], default_date="2024-03-05", report=report):
...     ...
>>> report.read, report.skipped()

Supported inputs: ``.txt``, ``.html``/``.htm``, ``.jsonl``/``.ndjson`` (JSON Lines), ``.json`` (an
array of records, one record, or JSON Lines), ``.csv``, ``.rss``/``.atom``/``.xml`` feeds, folders
(recursively, sorted by path; hidden files skipped, other unsupported files reported as P002, and an
``index.json`` manifest giving the files it names their metadata, see :mod:`parley.ingest.folders`) and
``-`` for standard input (JSON Lines when it starts with ``{``, else one plain-text article with id
``stdin``).

Text that is not UTF-8 is decoded in the encoding found for it, with a warning (see
:mod:`parley.ingest.charset`). An article larger than ``max_bytes`` (default :data:`MAX_BYTES`, 10 MB)
is refused (P036): a ``.txt`` or ``.html`` file from its size, before it is read; a record of a JSON
Lines, JSON or CSV file, or a feed item, alone, the file's other records being read.

Reading is lazy from end to end. A bad file or record never stops the run: it becomes an
:class:`~parley.errors.InputError` in ``report.errors``, is logged on the ``parley.ingest`` logger,
and reading goes on with the next record or file.
"""
from __future__ import annotations

import io
import itertools
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from parley.errors import Errors, InputError
from parley.ingest import charset, feeds, folders, html, jsondoc, records, text
from parley.ingest.count import count_articles
from parley.ingest.text import MAX_BYTES
from parley.model import Article

__all__ = ["MAX_BYTES", "READERS", "ReadReport", "count_articles", "read_path", "read_paths"]

log = logging.getLogger("parley.ingest")

STDIN = "-"
_SURROGATE = re.compile("[\ud800-\udfff]")
STDIN_SOURCE = "<stdin>"
"""How standard input is named in ``Article.source`` and in error messages."""

Reader = Callable[[Path, str, int], Iterator[Article | InputError]]
READERS: dict[str, Reader] = {
    ".txt": text.read_txt,
    ".html": html.read_html,
    ".htm": html.read_html,
    ".jsonl": records.read_jsonl,
    ".json": jsondoc.read_json,
    ".ndjson": records.read_jsonl,
    ".csv": records.read_csv,
    ".rss": feeds.read_feed,
    ".atom": feeds.read_feed,
    ".xml": feeds.read_feed,
}
"""File suffix (lower case) -> reader ``(path, source, max_bytes)`` yielding articles and the errors met."""


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
    paths: Iterable[str], *, default_date: str | None = None, report: ReadReport | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Article]:
    """Articles from every path in turn (see the module docstring for what a path may be).

    ``default_date`` (``YYYY-MM-DD``) fills ``Article.date`` when a record has none. ``max_bytes`` is
    the size limit of one article (a file, a record or a feed item). Problems go to ``report`` (a fresh
    one when None); they are never raised. An invalid ``default_date`` raises :class:`InputError`
    (P009) at once, before anything is read; a ``max_bytes`` below 1 raises ``ValueError``.
    """
    if isinstance(paths, str | Path):
        raise TypeError("read_paths() takes a list of paths; use read_path() for a single one")
    _check_default_date(default_date)
    _check_max_bytes(max_bytes)
    report = report if report is not None else ReadReport()
    return itertools.chain.from_iterable(
        read_path(path, default_date=default_date, report=report, max_bytes=max_bytes) for path in paths
    )


def read_path(
    path: str, *, default_date: str | None = None, report: ReadReport | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[Article]:
    """Articles from one path: a file, a folder or ``-``; same rules as :func:`read_paths`."""
    default_date = _check_default_date(default_date)
    _check_max_bytes(max_bytes)
    return _read(str(path), default_date, report if report is not None else ReadReport(), max_bytes)


def _read(path: str, default_date: str | None, report: ReadReport, max_bytes: int) -> Iterator[Article]:
    """Articles from one path, with default dates filled in and problems sent to ``report``."""
    if path == STDIN:
        yield from _deliver(_stdin_items(max_bytes), STDIN_SOURCE, default_date, report)
        return
    target = Path(path)
    if target.is_dir():
        yield from _read_folder(target, default_date, report, max_bytes)
    elif not target.exists():
        report.add(InputError("P001", path, Errors.P001))
    elif target.suffix.lower() not in READERS:
        report.add(InputError("P002", path, Errors.P002.format(suffix=target.suffix)))
    else:
        yield from _deliver(READERS[target.suffix.lower()](target, path, max_bytes), path, default_date, report)


def _read_folder(folder: Path, default_date: str | None, report: ReadReport, max_bytes: int) -> Iterator[Article]:
    """The articles of every supported file in ``folder``; manifests give metadata and are not read."""
    files = folders.walk(folder)
    manifests = folders.manifests(files)
    entries = {file: entry for found in manifests.values() for file, entry in found.items()}
    readable = [file for file in files if file not in manifests]
    if not any(file.suffix.lower() in READERS for file in readable):
        log.warning("%s: the folder holds no supported files (%s)", folder, " ".join(sorted(READERS)))
    for file in readable:
        suffix = file.suffix.lower()
        if suffix not in READERS:
            report.add(InputError("P002", str(file), Errors.P002.format(suffix=file.suffix)))
            continue
        items = READERS[suffix](file, str(file), max_bytes)
        yield from _deliver(items, str(file), default_date, report, entries.get(Path(os.path.normpath(file))))


def _deliver(
    items: Iterator[Article | InputError], source: str, default_date: str | None, report: ReadReport,
    entry: folders.Entry | None = None,
) -> Iterator[Article]:
    """Pass articles on (given the manifest's metadata, dated, counted) and file errors in ``report``;
    an unreadable file is P001."""
    try:
        for item in items:
            if isinstance(item, InputError):
                report.add(item)
                continue
            problem = _not_unicode(item)
            if problem:
                report.add(problem)
                continue
            if entry is not None:
                entry.fill(item)
            if item.date is None:
                item.date = default_date
            report.read += 1
            yield item
    except OSError as exc:  # e.g. permission denied, or the file vanished while being read
        report.add(InputError("P001", source, exc.strerror or str(exc)))


def _not_unicode(article: Article) -> InputError | None:
    """P008 when a field of ``article`` holds a lone surrogate (JSON's ``"\\ud800"`` reads as one): that is
    no Unicode, and no UTF-8 output could hold it."""
    for name in ("text", "id", "title", "url", "outlet"):
        value = getattr(article, name)
        found = _SURROGATE.search(value) if isinstance(value, str) else None
        if found:
            reason = f"the {name} holds a lone surrogate U+{ord(found.group()):04X} at character {found.start()}"
            return InputError("P008", article.source or "?", Errors.P008.format(reason=reason))
    return None


def _stdin_items(max_bytes: int) -> Iterator[Article | InputError]:
    """Standard input: JSON Lines when the first non-space character is ``{``, else one text."""
    raw = getattr(sys.stdin, "buffer", None)
    if isinstance(raw, io.BufferedIOBase):
        yield from _stdin_bytes(raw, max_bytes)
    else:
        yield from _stdin_text(sys.stdin, max_bytes)


def _stdin_bytes(raw: BinaryIO | io.BufferedIOBase, max_bytes: int) -> Iterator[Article | InputError]:
    """Standard input as bytes: UTF-8 JSON Lines are read a line at a time; anything else (a text, or
    records in another encoding) is read whole, up to the size limit, and decoded as a file would be."""
    head = b""
    while not head.strip() and len(head) <= max_bytes:
        chunk = raw.read1(charset.SAMPLE_BYTES)
        if not chunk:
            break
        head += chunk
    if head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"{":
        stream = io.BufferedReader(_Prefixed(head, raw))
        yield from records.read_jsonl_lines(records.bounded_lines(stream, max_bytes), STDIN_SOURCE, "stdin", max_bytes)
        return
    data = head + raw.read(max(0, max_bytes + 1 - len(head)))
    if len(data) > max_bytes:
        size = len(data) + sum(len(chunk) for chunk in iter(lambda: raw.read(1 << 16), b""))
        yield text.too_large("standard input", size, max_bytes, STDIN_SOURCE)
        return
    decoded = charset.decode(data, STDIN_SOURCE)
    if isinstance(decoded, InputError):
        yield decoded
    elif decoded.lstrip()[:1] == "{":
        yield from records.read_jsonl_lines(_split_lines(decoded), STDIN_SOURCE, "stdin", max_bytes)
    else:
        yield text.text_article(decoded, "stdin", STDIN_SOURCE)


def _stdin_text(stream: TextIO, max_bytes: int) -> Iterator[Article | InputError]:
    """Standard input already decoded (a text stream without bytes beneath it)."""
    try:
        head = ""
        while (not head[-1:] or head[-1].isspace()) and len(head) <= max_bytes:
            char = stream.read(1)
            if not char:
                break
            head += char
        if head.lstrip()[:1] == "{":
            first = head + stream.readline()
            lines = itertools.chain(_split_lines(first), records.bounded_lines(stream, max_bytes))
            yield from records.read_jsonl_lines(lines, STDIN_SOURCE, "stdin", max_bytes)
            return
        content = head + stream.read(max(0, max_bytes + 1 - len(head)))
        size = text.utf8_size_over(content, max_bytes)
        if size is not None:
            size += sum(len(chunk.encode("utf-8", "surrogatepass")) for chunk in iter(lambda: stream.read(1 << 16), ""))
            yield text.too_large("standard input", size, max_bytes, STDIN_SOURCE)
        else:
            yield text.text_article(content, "stdin", STDIN_SOURCE)
    except UnicodeDecodeError as exc:
        yield charset.decode_error(exc, STDIN_SOURCE)


class _Prefixed(io.RawIOBase):
    """A byte stream that gives ``head`` and then the rest of ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO | io.BufferedIOBase) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n], self.head = self.head[:n], self.head[n:]
            return n
        chunk = self.rest.read1(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _split_lines(chunk: str) -> list[str]:
    """Split on ``\\n`` only (keeping it), as file iteration does; ``str.splitlines`` splits more."""
    parts = chunk.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _check_max_bytes(value: int) -> None:
    """``ValueError`` unless the size limit is a whole number of bytes, at least 1."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"max_bytes must be a whole number of bytes, at least 1 (got {value!r})")


def _check_default_date(value: str | None) -> str | None:
    """``value`` as ``YYYY-MM-DD`` (None stays None); P009 when it is not a date."""
    if value is None:
        return None
    date = text.parse_date(value)
    if date is None:
        raise InputError("P009", "--date", Errors.P009.format(value=value))
    return date
