"""How many articles some paths will give, estimated by a scan of their bytes (for a progress bar's total).

Nothing is parsed or decoded: a ``.txt`` or ``.html`` file counts 1, JSON Lines their lines, CSV its
lines but the header (a quoted field that spans lines counts more than once), a ``.json`` file its
``"text":`` keys (one per record, whether an array, one object or JSON Lines; a manifest has none), a
feed its ``<item>`` and ``<entry>`` tags. Unsupported, hidden and unreadable files count 0. Files in
UTF-16 or UTF-32 may be miscounted.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from parley.ingest.folders import walk

STDIN = "-"
_CHUNK = 1 << 20
_TEXT_KEY = re.compile(rb'"text"\s{0,32}:')
_ITEM = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,40}:)?(?:item|entry)[\s>/]")
_OVERLAP = 64


def count_articles(paths: Iterable[str]) -> int | None:
    """An estimate of the number of articles that :func:`parley.ingest.read_paths` gives for ``paths``,
    from one linear scan of their bytes; None when a path is standard input (``-``)."""
    total = 0
    for path in paths:
        if str(path) == STDIN:
            return None
        target = Path(path)
        for file in walk(target) if target.is_dir() else [target]:
            total += count_file(file)
    return total


def count_file(path: Path) -> int:
    """The estimated number of articles in one file (0 when it is unsupported or unreadable)."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".txt", ".html", ".htm"):
            return 1 if path.is_file() else 0
        if suffix in (".jsonl", ".ndjson"):
            return _lines(path)
        if suffix == ".csv":
            return max(0, _lines(path) - 1)
        if suffix == ".json":
            return _matches(path, _TEXT_KEY)
        if suffix in (".rss", ".atom", ".xml"):
            return _matches(path, _ITEM)
    except OSError:
        return 0
    return 0


def _lines(path: Path) -> int:
    """The number of lines in a file (a last line without a line break counts)."""
    count, last = 0, b"\n"
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK), b""):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _matches(path: Path, pattern: re.Pattern[bytes]) -> int:
    """The number of matches of ``pattern`` (at most :data:`_OVERLAP` bytes long) in a file, read in chunks."""
    count, tail = 0, b""
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK), b""):
            data = tail + chunk
            count += sum(1 for m in pattern.finditer(data) if m.end() > len(tail))
            tail = data[-_OVERLAP:]
    return count
