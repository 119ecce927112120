"""Record files: JSON Lines (``.jsonl``, ``.json``, ``.ndjson``) and CSV.

Each record has a ``text`` and optionally ``id``, ``title``, ``url``, ``outlet`` (or ``source`` /
``publisher``) and ``date``. Files are read one line (one CSV row) at a time, so a file of millions
of records is never held in memory. A bad record is yielded as an :class:`InputError` and reading
goes on with the next one.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from parley.errors import Errors, InputError
from parley.ingest.text import decode_error, normalise_date, sniff
from parley.model import Article

_BOM = b"\xef\xbb\xbf"
_OUTLET_KEYS = ("outlet", "source", "publisher")
_JSON_KINDS = {list: "array", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}
_CSV_FIELD_LIMIT = 1 << 30
_SURROGATE = re.compile("[\udc80-\udcff]")


def record_to_article(record: Mapping[str, Any], source: str, fallback_id: str) -> Article | InputError:
    """An article from one record, or P006 when the record has no usable text.

    ``source`` is ``path:line``; ``fallback_id`` (``<file name>:<line>``) is used when the record
    has no id. Ids are turned into strings.
    """
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError("P006", source, Errors.P006)
    record_id = record.get("id")
    return Article(
        id=fallback_id if record_id is None or record_id == "" else str(record_id),
        text=text,
        title=_optional(record.get("title")),
        url=_optional(record.get("url")),
        outlet=next(filter(None, (_outlet(record.get(key)) for key in _OUTLET_KEYS)), None),
        date=normalise_date(record.get("date"), source),
        source=source,
    )


def read_jsonl(path: Path, source: str) -> Iterator[Article | InputError]:
    """Yield the records of a JSON Lines file, one line at a time."""
    problem = sniff(path, source)
    if problem:
        yield problem
        return
    with open(path, "rb") as f:
        yield from read_jsonl_lines(f, source, path.name)


def read_jsonl_lines(lines: Iterable[bytes | str], source: str, name: str) -> Iterator[Article | InputError]:
    """Yield the records of JSON Lines given as an iterable of lines (bytes are decoded per line).

    ``source`` names the input in errors (``source:line``); ``name`` builds ids for records
    without one (``name:line``). Blank lines are skipped; P003 when there is no record at all.
    """
    found = False
    for lineno, raw in enumerate(lines, 1):
        where = f"{source}:{lineno}"
        if isinstance(raw, bytes):
            try:
                raw = raw.removeprefix(_BOM).decode("utf-8") if lineno == 1 else raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                found = True
                yield decode_error(exc, where)
                continue
        line = raw.removeprefix("\ufeff") if lineno == 1 else raw
        if not line.strip():
            continue
        found = True
        yield _parse_line(line, lineno, where, f"{name}:{lineno}")
    if not found:
        yield InputError("P003", source, Errors.P003)


def _parse_line(line: str, lineno: int, where: str, fallback_id: str) -> Article | InputError:
    """One JSON line -> article, or P005 (not JSON), P012 (not an object), P006 (no text)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        reason = f"{exc.msg} at column {exc.colno}"
        return InputError("P005", where, Errors.P005.format(line=lineno, reason=reason))
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record), type(record).__name__)
        return InputError("P012", where, Errors.P012.format(line=lineno, kind=kind))
    return record_to_article(record, where, fallback_id)


def read_csv(path: Path, source: str) -> Iterator[Article | InputError]:
    """Yield the records of a CSV file with a header row, one row at a time.

    Quoted fields may span lines; a record's line is the line it starts on. Column names are
    matched without regard to case or surrounding spaces. Undecodable bytes spoil only their row.
    """
    problem = sniff(path, source)
    if problem:
        yield problem
        return
    # Article texts can be longer than the csv module's default field limit (128 KiB).
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        columns = [column.strip().lower() for column in header or []]
        if "text" not in columns:
            detail = Errors.P007.format(columns=", ".join(header or []))
            yield InputError("P007", f"{source}:1", detail)
            return
        yield from _csv_rows(reader, columns, source, path.name)


def _csv_rows(reader: Any, columns: list[str], source: str, name: str) -> Iterator[Article | InputError]:
    """The records after the header; P003 when there are none."""
    found = False
    while True:
        start = reader.line_num + 1
        where = f"{source}:{start}"
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            found = True
            yield InputError("P011", where, Errors.P011.format(name=name, line=start, reason=exc))
            continue
        if not any(cell.strip() for cell in row):
            continue
        found = True
        if any(_undecodable(cell) for cell in row):
            yield InputError("P008", where, Errors.P008.format(reason=f"undecodable bytes in the row at line {start}"))
            continue
        yield record_to_article(dict(zip(columns, row, strict=False)), where, f"{name}:{start}")
    if not found:
        yield InputError("P003", source, Errors.P003)


def _undecodable(cell: str) -> bool:
    """Whether a cell holds bytes that were not UTF-8 (kept as lone surrogates by the decoder)."""
    return _SURROGATE.search(cell) is not None


def _optional(value: Any) -> str | None:
    """A metadata value as a stripped string, or None when missing or blank."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _outlet(value: Any) -> str | None:
    """An outlet name; a ``{"name": ...}`` object (as news APIs give) yields its name."""
    if isinstance(value, Mapping):
        value = value.get("name")
    return _optional(value)
