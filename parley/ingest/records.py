"""Record files: JSON Lines (``.jsonl``, ``.ndjson``) and CSV; JSON documents are in :mod:`parley.ingest.jsondoc`.

Each record has a ``text`` and optionally ``id``, ``title``, ``url``, ``outlet`` (or ``source`` /
``publisher``) and ``date``. Files are read one line (one CSV row) at a time, so a file of millions
of records is never held in memory. A bad record is yielded as an :class:`InputError` and reading
goes on with the next one; so is a record larger than the size limit (P036), which is never held in
memory whole either. A file that is not UTF-8 is decoded as :mod:`parley.ingest.charset` finds it.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, AnyStr

from parley.errors import Errors, InputError
from parley.ingest import charset
from parley.ingest.text import MAX_BYTES, normalise_date, too_large, utf8_size_over
from parley.model import Article

_BOM = b"\xef\xbb\xbf"
_OUTLET_KEYS = ("outlet", "source", "publisher")
JSON_KINDS = {list: "array", dict: "object", str: "string", int: "number", float: "number", bool: "boolean",
              type(None): "null"}
_CSV_FIELD_LIMIT = 1 << 30
_SURROGATE = re.compile("[\udc80-\udcff]")
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Overlong:
    """Stands for a line longer than the size limit, which was skipped without being held in memory."""

    size: int


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


def read_jsonl(path: Path, source: str, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Yield the records of a JSON Lines file, one line at a time; a line over ``max_bytes`` is P036."""
    encoding = charset.sniff(path, source)
    if isinstance(encoding, InputError):
        yield encoding
        return
    yield from jsonl_records(path, source, max_bytes, encoding)


def jsonl_records(
    path: Path, source: str, max_bytes: int, encoding: charset.Encoding
) -> Iterator[Article | InputError]:
    """The records of a JSON Lines file in ``encoding`` (UTF-8 is decoded line by line, so that a bad
    line spoils only itself)."""
    with open(path, "rb") if encoding.is_utf8 else charset.open_text(path, encoding) as f:
        try:
            yield from read_jsonl_lines(bounded_lines(f, max_bytes), source, path.name, max_bytes)
        except UnicodeDecodeError as exc:  # text in a detected encoding that a later line does not follow
            yield charset.decode_error(exc, source, encoding.name)


def bounded_lines(f: IO[AnyStr], limit: int) -> Iterator[AnyStr | Overlong]:
    """The lines of ``f`` (split at ``\\n``, kept); a line longer than ``limit`` (its break aside) is read
    in chunks, dropped and yielded as :class:`Overlong`."""
    newline = "\n" if isinstance(f.read(0), str) else b"\n"
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(newline):  # type: ignore[arg-type]
            yield line
            continue
        size = len(line)
        while not line.endswith(newline):  # type: ignore[arg-type]
            line = f.readline(_CHUNK)
            if not line:
                break
            size += len(line)
        yield Overlong(size - (1 if line.endswith(newline) else 0))  # type: ignore[arg-type]


def read_jsonl_lines(
    lines: Iterable[bytes | str | Overlong], source: str, name: str, max_bytes: int = MAX_BYTES
) -> Iterator[Article | InputError]:
    """Yield the records of JSON Lines given as an iterable of lines (bytes are decoded per line as UTF-8).

    ``source`` names the input in errors (``source:line``); ``name`` builds ids for records
    without one (``name:line``). Blank lines are skipped; P003 when there is no record at all; P036
    for a line longer than ``max_bytes``.
    """
    found = False
    for lineno, raw in enumerate(lines, 1):
        where = f"{source}:{lineno}"
        size = raw.size if isinstance(raw, Overlong) else len(raw) - raw.endswith("\n" if isinstance(raw, str) else b"\n")
        if size > max_bytes:
            found = True
            yield too_large(f"the record at line {lineno}", size, max_bytes, where)
            continue
        if isinstance(raw, bytes):
            try:
                raw = raw.removeprefix(_BOM).decode("utf-8") if lineno == 1 else raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                found = True
                yield charset.decode_error(exc, where)
                continue
        assert isinstance(raw, str)
        line = raw.removeprefix("\ufeff") if lineno == 1 else raw
        if not line.strip():
            continue
        found = True
        yield parse_line(line, lineno, where, f"{name}:{lineno}")
    if not found:
        yield InputError("P003", source, Errors.P003)


def parse_line(line: str, lineno: int, where: str, fallback_id: str) -> Article | InputError:
    """One JSON line -> article, or P005 (not JSON), P012 (not an object), P006 (no text)."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return InputError("P005", where, Errors.P005.format(line=lineno, reason=json_reason(exc)))
    if not isinstance(record, dict):
        kind = JSON_KINDS.get(type(record), type(record).__name__)
        return InputError("P012", where, Errors.P012.format(line=lineno, kind=kind))
    return record_to_article(record, where, fallback_id)


def json_reason(exc: Exception) -> str:
    """Why JSON did not parse: the decoder's message and column, an integer too long to read (Python's
    4,300-digit limit), or nesting deeper than the interpreter's stack."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).split(";")[0]


def read_csv(path: Path, source: str, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Yield the records of a CSV file with a header row, one row at a time.

    Quoted fields may span lines; a record's line is the line it starts on. Column names are
    matched without regard to case or surrounding spaces. Undecodable bytes spoil only their row
    (in a UTF-8 file). A record over ``max_bytes`` (its cells in UTF-8) is P036.
    """
    encoding = charset.sniff(path, source)
    if isinstance(encoding, InputError):
        yield encoding
        return
    # Article texts can be longer than the csv module's default field limit (128 KiB).
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    errors = "surrogateescape" if encoding.is_utf8 else "strict"
    with open(path, encoding="utf-8-sig" if encoding.is_utf8 else encoding.name, errors=errors, newline="") as f:
        reader = csv.reader(f)
        try:
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as exc:
            yield _csv_problem(exc, source, path.name, 1, encoding)
            return
        columns = [column.strip().lower() for column in header or []]
        if "text" not in columns:
            detail = Errors.P007.format(columns=", ".join(header or []))
            yield InputError("P007", f"{source}:1", detail)
            return
        yield from _csv_rows(reader, columns, source, path.name, max_bytes, encoding)


def _csv_rows(
    reader: Any, columns: list[str], source: str, name: str, max_bytes: int, encoding: charset.Encoding
) -> Iterator[Article | InputError]:
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
            yield _csv_problem(exc, source, name, start, encoding)
            continue
        except UnicodeDecodeError as exc:  # a detected encoding that the rest of the file does not follow
            yield _csv_problem(exc, source, name, start, encoding)
            return
        if not any(cell.strip() for cell in row):
            continue
        found = True
        if any(_undecodable(cell) for cell in row):
            yield InputError("P008", where, Errors.P008.format(reason=f"not valid UTF-8 in the row at line {start}"))
            continue
        size = utf8_size_over("".join(row), max_bytes)
        if size is not None:
            yield too_large(f"the record at line {start}", size, max_bytes, where)
            continue
        yield record_to_article(dict(zip(columns, row, strict=False)), where, f"{name}:{start}")
    if not found:
        yield InputError("P003", source, Errors.P003)


def _csv_problem(
    exc: Exception, source: str, name: str, line: int, encoding: charset.Encoding
) -> InputError:
    """P011 for a CSV syntax error at ``line``, P008 for text that does not decode."""
    where = f"{source}:{line}"
    if isinstance(exc, UnicodeDecodeError):
        return charset.decode_error(exc, where, encoding.name)
    return InputError("P011", where, Errors.P011.format(name=name, line=line, reason=exc))


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
