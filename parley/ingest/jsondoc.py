"""JSON documents (``.json``): an array of records, one record object, or JSON Lines under a ``.json`` name.

An array is streamed item by item (an item is cut out by a scan of brackets and strings, then parsed
alone), so a file of millions of records is never held in memory, and an item larger than the size
limit is skipped without being held either (P036). One record object is read whole (the file's size
is its size). A ``.json`` file whose first line is a whole JSON object is JSON Lines.

A JSON file that holds no article record at all (a manifest, a configuration, expected output) gives
one P037 naming the file instead of one problem per item.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from parley.errors import Errors, InputError
from parley.ingest import charset
from parley.ingest.records import JSON_KINDS, json_reason, jsonl_records, record_to_article
from parley.ingest.text import MAX_BYTES, oversize, too_large
from parley.model import Article

PENDING_LIMIT = 1000
"""Problems held back while no record of a file has been an article; past this many the file is
judged to hold no article records (P037) and is not read further."""

_COLLAPSED = {"P005": "not valid JSON", "P006": "without a 'text' field", "P012": "not an object",
              "P038": "not valid JSON"}
"""The problems with one item that, when no item is an article, are the file's single P037 instead."""
_IN_STRING = re.compile(r'["\\]')
_STRUCTURE = re.compile(r'["\[\]{},]')
_NOT_SPACE = re.compile(r"\S")
_CHUNK = 1 << 16


def read_json(path: Path, source: str, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Yield the records of a JSON file (an array, one object, or JSON Lines); see the module docstring."""
    encoding = charset.sniff(path, source)
    if isinstance(encoding, InputError):
        yield encoding
        return
    try:
        with charset.open_text(path, encoding) as f:
            first_line = f.readline(max_bytes + 1)
            while first_line and not first_line.strip():
                first_line = f.readline(max_bytes + 1)
    except UnicodeDecodeError as exc:
        yield charset.decode_error(exc, source, encoding.name)
        return
    first = first_line.lstrip()[:1]
    if first == "[":
        yield from _array(path, source, max_bytes, encoding)
    elif first == "{" and _is_object(first_line):
        yield from _collapse(jsonl_records(path, source, max_bytes, encoding), source)
    else:
        yield from _document(path, source, max_bytes, encoding)


def _document(path: Path, source: str, max_bytes: int, encoding: charset.Encoding) -> Iterator[Article | InputError]:
    """The one record of a file that is a single JSON value (read whole: its size is the record's)."""
    problem = oversize(path, source, max_bytes)
    if problem:
        yield problem
        return
    try:
        with charset.open_text(path, encoding) as f:
            text = f.read()
    except UnicodeDecodeError as exc:
        yield charset.decode_error(exc, source, encoding.name)
        return
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield _malformed(source, exc, 1, "the file is skipped")
        return
    if not isinstance(value, dict):
        kind = JSON_KINDS.get(type(value), type(value).__name__)
        yield InputError("P037", source, Errors.P037.format(reason=f"it is a JSON {kind}"))
        return
    article = record_to_article(value, source, path.name)
    if isinstance(article, InputError):
        yield InputError("P037", source, Errors.P037.format(reason="it is one object without a 'text' field"))
        return
    yield article


def _is_object(line: str) -> bool:
    """Whether ``line`` is a whole JSON object (then the file is JSON Lines)."""
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def _collapse(items: Iterator[Article | InputError], source: str) -> Iterator[Article | InputError]:
    """``items`` as :class:`_Collapse` passes them on."""
    return _Collapse(source).pass_on(items)


class _Collapse:
    """Passes items on as they come once one is an article; before that, holds back the problems of
    :data:`_COLLAPSED`, which become one P037 when no article comes, or when more than
    :data:`PENDING_LIMIT` pile up (then ``stopped`` is set and the file is read no further)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.stopped = False

    def pass_on(self, items: Iterator[Article | InputError]) -> Iterator[Article | InputError]:
        pending: list[InputError] = []
        articles = False
        for item in items:
            if not articles and isinstance(item, InputError) and item.code in _COLLAPSED:
                pending.append(item)
                if len(pending) >= PENDING_LIMIT:
                    self.stopped = True
                    yield _no_records(pending, self.source, f" in its first {PENDING_LIMIT:,} items")
                    return
                continue
            if isinstance(item, Article) and not articles:
                articles = True
                yield from pending
            yield item
        if pending and not articles:
            yield _no_records(pending, self.source, "")


def _no_records(problems: list[InputError], source: str, scope: str) -> InputError:
    """The P037 for a file whose items all had ``problems``: how many of each kind."""
    counts = Counter(_COLLAPSED[p.code] for p in problems)
    kinds = ", ".join(f"{n:,} {'item' if n == 1 else 'items'} {kind}" for kind, n in counts.most_common())
    return InputError("P037", source, Errors.P037.format(reason=kinds + scope))


def _array(path: Path, source: str, max_bytes: int, encoding: charset.Encoding) -> Iterator[Article | InputError]:
    """The records of a file holding one JSON array, item by item (see :class:`_Scanner`)."""
    scanner = _Scanner(max_bytes)
    collapse = _Collapse(source)
    try:
        with charset.open_text(path, encoding) as f:
            yield from collapse.pass_on(_items(f, scanner, source, path.name, max_bytes))
    except UnicodeDecodeError as exc:
        yield charset.decode_error(exc, f"{source}:{scanner.line}", encoding.name)
        return
    if collapse.stopped:
        return
    if scanner.trailing is None:
        yield InputError("P038", f"{source}:{scanner.line}", Errors.P038.format(
            line=scanner.line, column=1, reason="the array is not closed", consequence="the items before were read"))
    elif scanner.trailing:
        yield InputError("P038", f"{source}:{scanner.line}", Errors.P038.format(
            line=scanner.line, column=1, reason="more data after the array", consequence="it is ignored"))
    elif scanner.items == 0:
        yield InputError("P037", source, Errors.P037.format(reason="it is an empty array"))


def _items(f: TextIO, scanner: _Scanner, source: str, name: str, max_bytes: int) -> Iterator[Article | InputError]:
    """The records of the array in ``f``, as the scanner cuts them out, until it closes."""
    for chunk in iter(lambda: f.read(_CHUNK), ""):
        for line, size, text in scanner.feed(chunk):
            yield _item(line, size, text, scanner.items - 1, source, name, max_bytes)
        if scanner.trailing is not None:
            return


def _item(line: int, size: int, text: str | None, index: int, source: str, name: str, max_bytes: int
          ) -> Article | InputError:
    """One array item -> article, or P036 (too large), P038 (not JSON), P012 (not an object), P006 (no text)."""
    where = f"{source}:{line}"
    if text is None:
        return too_large(f"the item at line {line}", size, max_bytes, where)
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        return _malformed(where, exc, line, "the item is skipped, the other records are read")
    if not isinstance(value, dict):
        kind = JSON_KINDS.get(type(value), type(value).__name__)
        return InputError("P012", where, Errors.P012.format(line=line, kind=kind))
    return record_to_article(value, where, f"{name}[{index}]")


def _malformed(where: str, exc: Exception, start: int, consequence: str) -> InputError:
    """P038 at ``where`` for JSON that does not parse; the parsed text starts at line ``start`` of the file."""
    line, column, reason = start, 1, json_reason(exc)
    if isinstance(exc, json.JSONDecodeError):
        line, column, reason = start + exc.lineno - 1, exc.colno, exc.msg
    return InputError("P038", where, Errors.P038.format(line=line, column=column, reason=reason,
                                                        consequence=consequence))


class _Scanner:
    """Cuts the items out of a JSON array fed in chunks, in linear time, without parsing them.

    It follows strings (with their escapes) and bracket depth; an item ends at a comma or the closing
    bracket at depth one. Items are yielded as (line where the item starts, size in characters, text),
    the text None when the item is larger than ``limit`` (its pieces were dropped as they came).
    ``trailing`` is None until the array closes, then whether anything but white space follows it.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.started = False  # the opening bracket was seen
        self.trailing: bool | None = None
        self.line = 1
        self.depth = 0
        self.in_string = False
        self.escape = False
        self.item_line = 0  # 0: between items
        self.piece_start = 0
        self.pieces: list[str] = []
        self.size = 0
        self.items = 0

    def feed(self, chunk: str) -> Iterator[tuple[int, int, str | None]]:
        """The items that end in ``chunk``."""
        pos, end = 0, len(chunk)
        while pos < end:
            if self.trailing is not None:
                self.trailing = self.trailing or _NOT_SPACE.search(chunk, pos) is not None
                return
            if not self.item_line:  # between items: white space, a comma, the next item or the end
                found = _NOT_SPACE.search(chunk, pos)
                if not found:
                    self.line += chunk.count("\n", pos)
                    return
                self.line += chunk.count("\n", pos, found.start())
                pos, char = found.start(), found.group()
                if not self.started:
                    self.started, self.depth, pos = True, 1, pos + 1  # the reader checked it is "["
                    continue
                if char in ",]":
                    pos += 1
                    if char == "]":
                        self.depth, self.trailing = 0, False
                    continue
                self.item_line, self.piece_start = self.line, pos
            pos = self._scan(chunk, pos, end)
            if pos < 0:  # the item ended at -pos - 1 (a comma or the closing bracket, not consumed)
                pos = -pos - 1
                yield self._finish(chunk, pos)
        if self.item_line:
            self._keep(chunk[self.piece_start:])
            self.piece_start = 0

    def _scan(self, chunk: str, pos: int, end: int) -> int:
        """Scan an item from ``pos``: the end of the chunk, or -(position of its end) - 1."""
        while pos < end:
            if self.escape:
                self.escape, pos = False, pos + 1
                continue
            if self.in_string:
                found = _IN_STRING.search(chunk, pos)
                if not found:
                    return end
                pos = found.end()
                if found.group() == "\\":
                    self.escape = True
                else:
                    self.in_string = False
                continue
            found = _STRUCTURE.search(chunk, pos)
            if not found:
                return end
            char, pos = found.group(), found.end()
            if char == '"':
                self.in_string = True
            elif char in "[{":
                self.depth += 1
            elif self.depth > 1 and char in "]}":
                self.depth -= 1
            elif self.depth <= 1 and char in ",]}":
                if char == "}":  # a stray closing brace at depth one: part of a malformed item
                    continue
                return -(found.start()) - 1
        return end

    def _finish(self, chunk: str, pos: int) -> tuple[int, int, str | None]:
        """The item that ends at ``pos`` in ``chunk``."""
        self._keep(chunk[self.piece_start:pos])
        item = (self.item_line, self.size, "".join(self.pieces) if self.size <= self.limit else None)
        self.item_line, self.pieces, self.size = 0, [], 0
        self.items += 1
        return item

    def _keep(self, piece: str) -> None:
        """Add ``piece`` to the current item (only its size and lines once the item is over the limit)."""
        self.line += piece.count("\n")
        self.size += len(piece)
        if self.size <= self.limit:
            self.pieces.append(piece)
        else:
            self.pieces = []
